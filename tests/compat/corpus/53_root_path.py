"""root_path on the app and from the server, and URLs built from it."""

from fastapi import FastAPI, Request

app = FastAPI(root_path="/api/v1")


@app.get("/app")
def read_main(request: Request) -> dict[str, object]:
    return {
        "root_path": request.scope.get("root_path"),
        "path": request.url.path,
        "url": str(request.url),
        "url_for": str(request.url_for("read_main")),
    }


@app.get("/items/{item_id}")
def item(item_id: int, request: Request) -> str:
    return str(request.url_for("item", item_id=item_id))


CASES = [
    ("app", "GET", "/app"),
    ("with-prefix", "GET", "/api/v1/app"),
    ("item-url", "GET", "/items/3"),
    ("missing", "GET", "/nope"),
]

DELIBERATE = {
    "declaration": {
        "reason": "The `root_path` deprecation warning names `uvicorn --root-path` (fastslim has "
        "no CLI; FastAPI names `fastapi run --root-path`)",
        "warnings": [
            (
                "FastAPIDeprecationWarning",
                "The `root_path` parameter is deprecated. Configure the server's root path "
                "instead, for example with `uvicorn --root-path /api/v1`.",
            )
        ],
    }
}
