"""A Response parameter setting status, headers and cookies; Responses with custom headers."""

from fastapi import Depends, FastAPI, Response
from fastapi.responses import JSONResponse

app = FastAPI()


@app.get("/headers")
def headers(response: Response) -> dict[str, str]:
    response.headers["X-Custom"] = "yes"
    response.headers.append("X-Multi", "1")
    response.headers.append("X-Multi", "2")
    return {"ok": "1"}


@app.get("/status")
def status(response: Response, created: bool = False) -> dict[str, bool]:
    if created:
        response.status_code = 201
    return {"created": created}


@app.get("/cookies")
def cookies(response: Response) -> str:
    response.set_cookie("session", "abc", httponly=True, max_age=60, samesite="strict")
    response.set_cookie("theme", "dark")
    response.delete_cookie("old")
    return "cookies set"


def dep_sets_header(response: Response) -> None:
    response.headers["X-From-Dep"] = "dep"
    response.status_code = 202


@app.get("/from-dep", dependencies=[Depends(dep_sets_header)])
def from_dep(response: Response) -> str:
    response.headers["X-From-Endpoint"] = "endpoint"
    return "ok"


@app.get("/returned-wins")
def returned_wins(response: Response) -> JSONResponse:
    response.headers["X-Lost"] = "parameter"
    response.status_code = 201
    return JSONResponse({"returned": True}, headers={"X-Returned": "1"})


@app.get("/content-type-override")
def content_type_override(response: Response) -> dict[str, int]:
    response.headers["content-type"] = "application/vnd.custom+json"
    return {"v": 1}


@app.get("/status-204-via-param")
def status_204_via_param(response: Response) -> None:
    response.status_code = 204


CASES = [
    ("headers", "GET", "/headers"),
    ("status-default", "GET", "/status"),
    ("status-set", "GET", "/status?created=true"),
    ("cookies", "GET", "/cookies"),
    ("from-dep", "GET", "/from-dep"),
    ("returned-wins", "GET", "/returned-wins"),
    ("content-type-override", "GET", "/content-type-override"),
    ("status-204-via-param", "GET", "/status-204-via-param"),
]
