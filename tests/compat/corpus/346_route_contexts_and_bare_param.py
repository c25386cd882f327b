"""What extensions read of the route serving a request (issue 16): the effective
route context of an included route (full path, merged tags, operation id), none at
the top level; `request.scope["route"]`; a bare `Param()` read as a query
parameter; `add_route` on a router with a prefix (the prefix is not applied, only
the inclusion's)."""

from typing import Annotated

from fastapi import APIRouter, FastAPI, Request
from fastapi.params import Param
from fastapi.routing import _get_scope_effective_route_context
from starlette.responses import PlainTextResponse


def describe(request: Request) -> dict[str, object]:
    context = _get_scope_effective_route_context(request.scope)
    route = request.scope["route"]
    if context is None:
        return {"context": None, "route": route.path}
    return {
        "context": [context.path, context.tags, context.unique_id, sorted(context.methods)],
        "original": context.original_route is route,
        "route": route.path,
    }


app = FastAPI()
router = APIRouter(prefix="/items", tags=["items"])


@router.get("/{item_id}", tags=["one"])
def read_item(item_id: int, request: Request) -> dict[str, object]:
    return {"item_id": item_id, **describe(request)}


def plain(request: Request) -> PlainTextResponse:
    return PlainTextResponse("plain")


router.add_route("/plain", plain)
app.include_router(router, prefix="/api", tags=["api"])


@app.get("/top")
def top(request: Request) -> dict[str, object]:
    return describe(request)


@app.get("/users")
def users(user_name: Annotated[str, Param()]) -> str:
    return user_name


CASES = [
    ("included", "GET", "/api/items/3"),
    ("included invalid", "GET", "/api/items/x"),
    ("top", "GET", "/top"),
    ("plain without the router prefix", "GET", "/api/plain"),
    ("plain with the router prefix", "GET", "/api/items/plain"),
    ("bare param", "GET", "/users?user_name=a"),
    ("bare param missing", "GET", "/users"),
    ("openapi", "GET", "/openapi.json"),
]
