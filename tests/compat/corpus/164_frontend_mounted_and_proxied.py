"""A frontend inside a mounted FastAPI app, behind a proxy's root_path; conditional
requests on frontend files."""

from pathlib import Path

from fastapi import FastAPI

FILES = Path(__file__).parent / "_files"

sub = FastAPI()


@sub.get("/api/ping")
def ping() -> str:
    return "pong"


sub.frontend("/", directory=FILES / "spa")
app = FastAPI()
app.mount("/ui", sub)
app.frontend("/docs-site", directory=FILES / "spa_index_only")

FUTURE = "Tue, 01 Jan 2999 00:00:00 GMT"
CASES = [
    ("ping", "GET", "/proxy/ui/api/ping"),
    ("index", "GET", "/proxy/ui/"),
    ("asset", "GET", "/proxy/ui/assets/app.js"),
    ("nested-redirect", "GET", "/proxy/ui/nested"),
    ("missing", "GET", "/proxy/ui/x/y", {"headers": {"accept": "text/html"}}),
    ("mount-root-redirect", "GET", "/proxy/ui"),
    ("prefix-redirect", "GET", "/proxy/docs-site"),
    ("not-modified", "GET", "/proxy/ui/assets/app.js", {"headers": {"if-modified-since": FUTURE}}),
    (
        "modified",
        "GET",
        "/proxy/ui/assets/app.js",
        {"headers": {"if-modified-since": "Mon, 01 Jan 2001 00:00:00 GMT"}},
    ),
    (
        "fallback-not-modified",
        "GET",
        "/proxy/docs-site/z",
        {"headers": {"accept": "text/html", "if-modified-since": FUTURE}},
    ),
]
CLIENT = {"root_path": "/proxy"}
