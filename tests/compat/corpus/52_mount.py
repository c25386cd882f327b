"""Mounting a Starlette app and a FastAPI sub-app; paths and root_path inside them."""

from fastapi import FastAPI, Request
from starlette.applications import Starlette
from starlette.requests import Request as StarletteRequest
from starlette.responses import JSONResponse as StarletteJSON
from starlette.routing import Route


async def star_home(request: StarletteRequest) -> StarletteJSON:
    return StarletteJSON(
        {"path": request.url.path, "root_path": request.scope.get("root_path"), "app": "starlette"}
    )


starlette_app = Starlette(routes=[Route("/home", star_home)])

sub = FastAPI()


@sub.get("/sub")
def sub_route(request: Request) -> dict[str, object]:
    return {"path": request.url.path, "root_path": request.scope.get("root_path")}


@sub.get("/items/{n}")
def sub_item(n: int) -> int:
    return n


app = FastAPI()
app.mount("/star", starlette_app)
app.mount("/subapi", sub)


@app.get("/main")
def main() -> str:
    return "main"


CASES = [
    ("main", "GET", "/main"),
    ("star-home", "GET", "/star/home"),
    ("star-404", "GET", "/star/nope"),
    ("star-root", "GET", "/star"),
    ("sub", "GET", "/subapi/sub"),
    ("sub-item-bad", "GET", "/subapi/items/x"),
    ("sub-404", "GET", "/subapi/none"),
    ("sub-405", "POST", "/subapi/sub"),
]
