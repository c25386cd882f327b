"""Responses in the document: models, ranges, default, media types, 204, -> None."""

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import BaseModel


class Item(BaseModel):
    name: str


class Message(BaseModel):
    message: str


app = FastAPI(responses={418: {"description": "Teapot"}})


@app.get(
    "/items/{item_id}",
    response_model=Item,
    responses={
        404: {"model": Message, "description": "Not found"},
        "4XX": {"description": "Client trouble"},
        "5XX": {},
        "default": {"model": Message},
        200: {"content": {"image/png": {}}, "description": "An item or its picture"},
        302: {"headers": {"Location": {"schema": {"type": "string"}}}},
    },
    response_description="The item",
)
def read_item(item_id: int) -> Item:
    return Item(name="a")


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: int) -> None:
    return None


@app.get("/none")
def nothing() -> None:
    return None


@app.get("/html", response_class=HTMLResponse)
def html() -> str:
    return "<p>hi</p>"


@app.get("/text", response_class=PlainTextResponse, status_code=202)
def text() -> str:
    return "hi"


@app.get("/redirect", response_class=RedirectResponse)
def redirect() -> str:
    return "/html"


@app.get("/raw")
def raw() -> Response:
    return Response(b"raw")


@app.get("/list", responses={400: {"model": list[Message]}})
def listing() -> list[Item]:
    return []


CASES = [("item", "GET", "/items/1"), ("delete", "DELETE", "/items/1")]
