"""BaseHTTPMiddleware and pure ASGI middleware added with add_middleware; request.state."""

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class StateMiddleware(BaseHTTPMiddleware):
    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        request.state.user = request.headers.get("x-user", "anonymous")
        response = await call_next(request)
        response.headers["X-Base"] = "1"
        return response


class PureHeader:
    def __init__(self, app: ASGIApp, value: str) -> None:
        self.app = app
        self.value = value

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], (b"x-pure", self.value.encode())]
            await send(message)

        await self.app(scope, receive, send_wrapper)


app = FastAPI()
app.add_middleware(StateMiddleware)
app.add_middleware(PureHeader, value="outer")


@app.get("/whoami")
def whoami(request: Request) -> dict[str, str]:
    return {"user": request.state.user}


@app.post("/echo")
async def echo(data: dict[str, int]) -> dict[str, int]:
    return data


CASES = [
    ("whoami", "GET", "/whoami", {"headers": {"X-User": "ada"}}),
    ("anonymous", "GET", "/whoami"),
    ("echo", "POST", "/echo", {"json": {"a": 1}}),
    ("echo-bad", "POST", "/echo", {"json": {"a": "b"}}),
    ("not-found", "GET", "/none"),
]
