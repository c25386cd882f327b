"""Additional responses from the app, routers and inclusions merged with the route's."""

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel


class Error(BaseModel):
    detail: str


class Item(BaseModel):
    name: str


app = FastAPI(responses={500: {"model": Error, "description": "Server trouble"}})
router = APIRouter(responses={404: {"description": "Not found"}, 401: {"model": Error}})


@router.get(
    "/items/{item_id}",
    responses={404: {"description": "Item not found", "model": Error}, 403: {}},
)
def read(item_id: int) -> Item:
    return Item(name="a")


@router.get("/plain")
def plain() -> str:
    return "p"


app.include_router(
    router, prefix="/r", responses={418: {"description": "Teapot"}, 401: {"description": "Who"}}
)


@app.get("/top", responses={"default": {"description": "Anything else"}})
def top() -> str:
    return "t"


CASES = [("read", "GET", "/r/items/1")]
