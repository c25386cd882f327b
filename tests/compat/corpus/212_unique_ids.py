"""generate_unique_id_function on the app, a router, an inclusion and a route."""

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel


def by_tag(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}"


def by_name(route: APIRoute) -> str:
    return f"name-{route.name}"


class Thing(BaseModel):
    a: int


app = FastAPI(generate_unique_id_function=by_name)
router = APIRouter(tags=["things"])
other = APIRouter(tags=["other"], generate_unique_id_function=by_tag)


@app.post("/top")
def top(thing: Thing, extra: int = 0) -> Thing:
    return thing


@router.post("/things")
def create_thing(thing: Thing, note: str = "") -> list[Thing]:
    return [thing]


@other.post("/others")
def create_other(thing: Thing, x: int = 0) -> Thing:
    return thing


@other.get("/explicit", generate_unique_id_function=lambda route: "explicit-id")
def explicit() -> str:
    return "e"


app.include_router(router, prefix="/r", generate_unique_id_function=by_tag)
app.include_router(other, prefix="/o")
CASES = [("top", "POST", "/top", {"json": {"a": 1}})]
