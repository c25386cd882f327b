"""HEAD and OPTIONS requests, api_route with several methods, and method mismatches."""

from fastapi import FastAPI, Request

app = FastAPI()


@app.get("/thing")
def thing() -> dict[str, str]:
    return {"thing": "value"}


@app.head("/only-head")
def only_head() -> None:
    return None


@app.api_route("/multi", methods=["GET", "POST", "PATCH"])
async def multi(request: Request) -> dict[str, str]:
    return {"method": request.method}


@app.options("/opts")
def opts() -> dict[str, list[str]]:
    return {"allow": ["GET"]}


@app.post("/thing")
def post_thing() -> str:
    return "posted"


CASES = [
    ("get", "GET", "/thing"),
    ("head-on-get", "HEAD", "/thing"),
    ("post-second-route", "POST", "/thing"),
    ("put-405", "PUT", "/thing"),
    ("delete-405", "DELETE", "/thing"),
    ("only-head", "HEAD", "/only-head"),
    ("only-head-get", "GET", "/only-head"),
    ("multi-get", "GET", "/multi"),
    ("multi-patch", "PATCH", "/multi"),
    ("multi-head", "HEAD", "/multi"),
    ("multi-delete", "DELETE", "/multi"),
    ("opts", "OPTIONS", "/opts"),
    ("options-405", "OPTIONS", "/thing"),
    ("lowercase-method", "get", "/thing"),
    ("unknown-method", "BREW", "/thing"),
]
