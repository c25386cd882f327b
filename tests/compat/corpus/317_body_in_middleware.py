"""Middleware that reads or replaces the request body before the endpoint parses it."""

import json
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

app = FastAPI()


@app.middleware("http")
async def read_body(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    body = await request.body()
    response = await call_next(request)
    response.headers["X-Body-Length"] = str(len(body))
    return response


class ReplaceBody:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/replaced":
            await self.app(scope, receive, send)
            return
        replaced = json.dumps({"value": 42}).encode()
        sent = False

        async def new_receive() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            while (await receive()).get("more_body"):
                pass
            return {"type": "http.request", "body": replaced, "more_body": False}

        await self.app(scope, new_receive, send)


app.add_middleware(ReplaceBody)


@app.post("/echo")
def echo(data: dict[str, int]) -> dict[str, int]:
    return data


@app.post("/replaced")
def replaced(data: dict[str, int]) -> dict[str, int]:
    return data


CASES = [
    ("echo", "POST", "/echo", {"json": {"a": 1}}),
    ("echo-bad", "POST", "/echo", {"json": {"a": "x"}}),
    (
        "echo-chunked",
        "POST",
        "/echo",
        {"content": [b'{"a"', b": 2}"], "headers": {"content-type": "application/json"}},
    ),
    ("replaced", "POST", "/replaced", {"json": {"ignored": 0}}),
]
