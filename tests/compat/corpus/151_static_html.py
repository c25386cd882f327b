"""StaticFiles(html=True) mounted at the root below API routes: index.html for
directories, 404.html for missing files; a mounted app declared after the mount."""

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

FILES = Path(__file__).parent / "_files"

app = FastAPI()
router = APIRouter(prefix="/api")


@router.get("/items")
def items() -> list[int]:
    return [1, 2]


app.include_router(router)
app.mount("/", StaticFiles(directory=FILES / "site", html=True), name="site")


@app.get("/after")
def after() -> str:
    return "declared after the root mount"


CASES = [
    ("api", "GET", "/api/items"),
    ("index", "GET", "/"),
    ("index-file", "GET", "/index.html"),
    ("guide-dir", "GET", "/guide"),
    ("guide-dir-slash", "GET", "/guide/"),
    ("missing", "GET", "/missing/page"),
    ("missing-head", "HEAD", "/missing"),
    ("after", "GET", "/after"),
    ("post", "POST", "/"),
]
