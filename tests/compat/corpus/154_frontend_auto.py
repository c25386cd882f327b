"""app.frontend with the default fallback ("auto") on a build that has a 404.html: files,
directory indexes, the 404 page for every missing GET/HEAD, and API routes first."""

from pathlib import Path

from fastapi import FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()


@app.get("/api/items/{item_id}")
def item(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}


@app.get("/")
def root_api() -> str:
    return "the API route wins over the frontend's index"


app.frontend("/", directory=FILES / "spa")


@app.get("/later")
def later() -> str:
    return "routes declared after the frontend still come first"


H = {"accept": "text/html"}
LONG_NAME = (
    "/"
    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
)
CASES = [
    ("api", "GET", "/api/items/3"),
    ("api-invalid", "GET", "/api/items/x"),
    ("api-405", "POST", "/api/items/3"),
    ("api-redirect", "GET", "/api/items/3/"),
    ("root", "GET", "/", {"headers": H}),
    ("later", "GET", "/later"),
    ("index-file", "GET", "/index.html"),
    ("asset", "GET", "/assets/app.js"),
    ("asset-query", "GET", "/assets/app.js?v=2"),
    ("asset-head", "HEAD", "/assets/app.js"),
    ("asset-range", "GET", "/assets/app.js", {"headers": {"range": "bytes=0-6"}}),
    ("nested-dir", "GET", "/nested"),
    ("nested-dir-slash", "GET", "/nested/"),
    ("dir-without-index", "GET", "/empty_dir/", {"headers": H}),
    ("missing-html", "GET", "/some/client/route", {"headers": H}),
    ("missing-json", "GET", "/some/client/route", {"headers": {"accept": "application/json"}}),
    ("missing-no-accept", "GET", "/missing"),
    ("missing-asset", "GET", "/assets/nope.js", {"headers": H}),
    ("missing-head", "HEAD", "/missing", {"headers": H}),
    ("missing-q0", "GET", "/missing", {"headers": {"accept": "text/html;q=0, */*"}}),
    ("traversal", "GET", "/%2e%2e/154_frontend_auto.py", {"headers": H}),
    ("null-byte", "GET", "/a%00b", {"headers": H}),
    ("name-too-long", "GET", LONG_NAME, {"headers": H}),
    ("post-missing", "POST", "/missing", {"headers": H}),
    ("put-file", "PUT", "/index.html"),
    ("delete-asset", "DELETE", "/assets/app.js"),
    ("options-root-dir", "OPTIONS", "/nested/"),
]
