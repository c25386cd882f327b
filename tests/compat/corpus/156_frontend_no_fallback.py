"""Frontends without a fallback (fallback=None, or "auto" on a build with neither
index.html nor 404.html): missing paths are FastAPI's JSON 404."""

from pathlib import Path

from fastapi import FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
app.frontend("/none", directory=FILES / "spa", fallback=None)
app.frontend("/bare", directory=FILES / "spa_bare")

CASES = [
    ("none-root", "GET", "/none/"),
    ("none-file", "GET", "/none/assets/app.js"),
    ("none-missing-html", "GET", "/none/route", {"headers": {"accept": "text/html"}}),
    ("none-nested", "GET", "/none/nested/"),
    ("bare-file", "GET", "/bare/file.txt"),
    ("bare-root", "GET", "/bare/", {"headers": {"accept": "text/html"}}),
    ("bare-missing", "GET", "/bare/x", {"headers": {"accept": "text/html"}}),
    ("bare-put", "PUT", "/bare/file.txt"),
    ("elsewhere", "GET", "/elsewhere", {"headers": {"accept": "text/html"}}),
]
