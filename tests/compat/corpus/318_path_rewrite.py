"""A pure ASGI middleware rewriting the path before routing."""

from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Receive, Scope, Send

app = FastAPI()


class Rewrite:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/old/"):
            scope = dict(scope)
            scope["path"] = "/new/" + scope["path"][len("/old/") :]
            scope["raw_path"] = scope["path"].encode()
        await self.app(scope, receive, send)


app.add_middleware(Rewrite)


@app.get("/new/{name}")
def new(name: str, request: Request) -> dict[str, str]:
    return {"name": name, "path": request.url.path}


CASES = [
    ("rewritten", "GET", "/old/x"),
    ("direct", "GET", "/new/y"),
    ("rewritten-missing", "GET", "/old/"),
]
