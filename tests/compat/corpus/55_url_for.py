"""url_path_for and request.url_for through routers, mounts and path parameters."""

from fastapi import APIRouter, FastAPI, Request
from starlette.routing import NoMatchFound

app = FastAPI()
router = APIRouter(prefix="/r")
sub = FastAPI()


@router.get("/items/{item_id}", name="router-item")
def router_item(item_id: int, request: Request) -> dict[str, str]:
    return {
        "url_for": str(request.url_for("router-item", item_id=item_id + 1)),
        "path_for": app.url_path_for("router-item", item_id="x"),
        "router_path_for": router.url_path_for("router-item", item_id="y"),
    }


@sub.get("/deep/{name}")
def deep(name: str) -> str:
    return name


@app.get("/files/{file_path:path}")
def files(file_path: str, request: Request) -> str:
    return str(request.url_for("files", file_path="a/b c.txt"))


@app.get("/lookup/{name}")
def lookup(name: str, request: Request) -> dict[str, str]:
    try:
        return {"found": str(request.url_for(name))}
    except NoMatchFound as exc:
        return {"error": str(exc)}


@app.get("/mounted")
def mounted(request: Request) -> str:
    return str(request.url_for("sub", path="/deep/z"))


app.include_router(router, prefix="/api")
app.mount("/sub", sub, name="sub")

CASES = [
    ("router-item", "GET", "/api/r/items/4"),
    ("files", "GET", "/files/x"),
    ("lookup-self", "GET", "/lookup/lookup"),
    ("lookup-needs-params", "GET", "/lookup/router-item"),
    ("lookup-unknown", "GET", "/lookup/nothing"),
    ("mounted", "GET", "/mounted"),
]
