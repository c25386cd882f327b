"""A dependency whose `__signature__` is replaced by one built from its own string
annotations (`from __future__ import annotations`), as strawberry's GraphQL router
builds its context getter: Starlette's `BackgroundTasks`, `HTTPConnection` and
`Response` are injected on HTTP and websocket routes, the custom getter moved last
as a `Depends()` default."""

from __future__ import annotations

import inspect
from typing import Any

from fastapi import Depends, FastAPI, Header, WebSocket
from starlette.background import BackgroundTasks
from starlette.requests import HTTPConnection
from starlette.responses import Response

app = FastAPI()
ran: list[str] = []


def user(x_user: str = Header("anon")) -> dict[str, str]:
    return {"user": x_user}


def context_getter(custom: Any) -> Any:
    async def dependency(
        custom_context: dict[str, str] | None,
        background_tasks: BackgroundTasks,
        connection: HTTPConnection,
        response: Response = None,  # type: ignore[assignment]
    ) -> dict[str, Any]:
        return {
            **(custom_context or {}),
            "tasks": background_tasks,
            "kind": connection.scope["type"],
            "response": response,
        }

    signature = inspect.signature(dependency)
    parameters = list(signature.parameters.values())
    dependency.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*parameters[1:], parameters[0].replace(default=Depends(custom))]
    )
    return dependency


CONTEXT = Depends(context_getter(user))  # as a default, as strawberry declares it


@app.get("/context")
def read_context(context: dict[str, Any] = CONTEXT) -> dict[str, Any]:
    context["tasks"].add_task(ran.append, context["user"])
    context["response"].headers["x-kind"] = context["kind"]
    return {"user": context["user"], "kind": context["kind"]}


@app.get("/ran")
def read_ran() -> list[str]:
    return ran


@app.websocket("/ws")
async def ws(websocket: WebSocket, context: dict[str, Any] = CONTEXT) -> None:
    await websocket.accept()
    await websocket.send_json({"user": context["user"], "kind": context["kind"]})
    await websocket.close()


CASES = [
    ("context", "GET", "/context", {"headers": {"x-user": "bob"}}),
    ("tasks-ran", "GET", "/ran"),
    ("context-default", "GET", "/context"),
    ("ws", "WS", "/ws", {"ws": [("receive_json",)], "headers": {"x-user": "eve"}}),
    ("openapi", "GET", "/openapi.json"),
]
