"""Frontends falling back to index.html (a build without 404.html under "auto", and an
explicit fallback="index.html"): only GET/HEAD that explicitly accept HTML get it."""

from pathlib import Path

from fastapi import FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
app.frontend("/app", directory=FILES / "spa_index_only")
app.frontend("/explicit/", directory=FILES / "spa", fallback="index.html")
app.frontend("/four", directory=FILES / "spa", fallback="404.html")

CASES = [
    ("prefix-redirect", "GET", "/app"),
    ("prefix-slash", "GET", "/app/"),
    ("asset", "GET", "/app/assets/x.css"),
    ("html", "GET", "/app/users/1", {"headers": {"accept": "text/html"}}),
    ("html-upper", "GET", "/app/users/1", {"headers": {"accept": "TEXT/HTML"}}),
    ("xhtml", "GET", "/app/users/1", {"headers": {"accept": "application/xhtml+xml"}}),
    ("html-low-q", "GET", "/app/users/1", {"headers": {"accept": "text/html;q=0.1"}}),
    ("html-q0", "GET", "/app/users/1", {"headers": {"accept": "text/html;q=0"}}),
    ("html-in-list", "GET", "/app/x", {"headers": {"accept": "application/json, text/html"}}),
    ("star", "GET", "/app/users/1", {"headers": {"accept": "*/*"}}),
    ("no-accept", "GET", "/app/users/1"),
    ("head-html", "HEAD", "/app/users/1", {"headers": {"accept": "text/html"}}),
    ("post-html", "POST", "/app/users/1", {"headers": {"accept": "text/html"}}),
    ("asset-missing-html", "GET", "/app/assets/y.css", {"headers": {"accept": "text/html"}}),
    ("outside-prefix", "GET", "/application", {"headers": {"accept": "text/html"}}),
    ("explicit-html", "GET", "/explicit/a/b", {"headers": {"accept": "text/html"}}),
    ("explicit-json", "GET", "/explicit/a/b", {"headers": {"accept": "application/json"}}),
    ("explicit-root", "GET", "/explicit/"),
    ("explicit-no-slash", "GET", "/explicit"),
    ("four-missing", "GET", "/four/x", {"headers": {"accept": "application/json"}}),
    ("four-file", "GET", "/four/assets/app.js"),
]
