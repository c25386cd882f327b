"""Frontends at the same prefix (the first declared wins, trailing slash or not) and a
router's frontend included twice under different prefixes."""

from pathlib import Path

from fastapi import APIRouter, FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
app.frontend("/", directory=FILES / "spa")
app.frontend("/", directory=FILES / "spa_index_only")
app.frontend("/x/", directory=FILES / "spa_index_only")
app.frontend("/x", directory=FILES / "spa_bare")
router = APIRouter()
router.frontend("/r", directory=FILES / "spa_index_only")
app.include_router(router, prefix="/a")
app.include_router(router, prefix="/b")

CASES = [
    ("root", "GET", "/"),
    ("x", "GET", "/x/"),
    ("x-file-of-the-second", "GET", "/x/file.txt"),
    ("a", "GET", "/a/r/"),
    ("b", "GET", "/b/r/"),
    ("b-fallback", "GET", "/b/r/deep", {"headers": {"accept": "text/html"}}),
    ("unincluded", "GET", "/r/"),
]
