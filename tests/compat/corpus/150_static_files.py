"""StaticFiles mounted next to API routes: files, types, 404/405, ranges, HEAD, url_for."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

FILES = Path(__file__).parent / "_files"

app = FastAPI()
app.mount("/static", StaticFiles(directory=FILES / "static"), name="static")


@app.get("/static-link")
def static_link(request: Request) -> dict[str, str]:
    return {
        "url_for": str(request.url_for("static", path="/css/app.css")),
        "path_for": app.url_path_for("static", path="/data.json"),
    }


@app.get("/static/shadow.txt")
def shadowed() -> str:
    return "never: the mount comes first"


CASES = [
    ("css", "GET", "/static/css/app.css"),
    ("json", "GET", "/static/data.json"),
    ("text", "GET", "/static/hello.txt"),
    ("head", "HEAD", "/static/hello.txt"),
    ("range", "GET", "/static/hello.txt", {"headers": {"range": "bytes=0-4"}}),
    ("bad-range", "GET", "/static/hello.txt", {"headers": {"range": "bytes=50-60"}}),
    ("missing", "GET", "/static/nope.txt"),
    ("directory", "GET", "/static/css"),
    ("directory-slash", "GET", "/static/css/"),
    ("mount-root", "GET", "/static"),
    ("post", "POST", "/static/hello.txt"),
    ("traversal", "GET", "/static/../150_static_files.py"),
    ("encoded-traversal", "GET", "/static/%2e%2e/%2e%2e/150_static_files.py"),
    ("shadowed", "GET", "/static/shadow.txt"),
    ("link", "GET", "/static-link"),
]
