"""What the request scope says about the matched route under prefixes and includes."""

from fastapi import APIRouter, FastAPI, Request
from fastapi.routing import APIRoute

app = FastAPI()
router = APIRouter(prefix="/r")


@router.get("/items/{i}")
def item(i: int, request: Request) -> dict[str, object]:
    route = request.scope["route"]
    return {
        "is_api_route": isinstance(route, APIRoute),
        "route_path": route.path,
        "route_name": route.name,
        "methods": sorted(route.methods),
        "path_params": request.path_params,
        "endpoint": request.scope["endpoint"].__name__,
    }


@app.get("/top")
def top(request: Request) -> dict[str, object]:
    return {"route_path": request.scope["route"].path, "path": request.scope["path"]}


app.include_router(router, prefix="/api")

CASES = [
    ("included", "GET", "/api/r/items/3"),
    ("top", "GET", "/top"),
]
