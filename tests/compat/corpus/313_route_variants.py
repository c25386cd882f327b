"""Route declarations: lower-case methods, names, special characters in paths."""

from fastapi import FastAPI, Request

app = FastAPI()


@app.api_route("/lower", methods=["get", "post"])
def lower(request: Request) -> str:
    return request.method


@app.get("/named/{n}", name="custom-name")
def named(n: int, request: Request) -> str:
    return app.url_path_for("custom-name", n=n + 1)


@app.get("/plus/{item}+")
def plus(item: str) -> str:
    return item


@app.get("/dots/v1.0/{name}")
def dots(name: str) -> str:
    return name


@app.get("/caf\u00e9")
def unicode_path() -> str:
    return "unicode"


CASES = [
    ("lower-get", "GET", "/lower"),
    ("lower-post", "POST", "/lower"),
    ("lower-put", "PUT", "/lower"),
    ("named", "GET", "/named/1"),
    ("plus", "GET", "/plus/a+"),
    ("plus-missing", "GET", "/plus/a"),
    ("dots", "GET", "/dots/v1.0/x"),
    ("dots-other", "GET", "/dots/v1x0/x"),
    ("unicode", "GET", "/caf%C3%A9"),
]
