"""A custom APIRoute subclass (route_class) wrapping the route handler."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute


class TimedRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                response = await original(request)
            except RequestValidationError as exc:
                body = await request.body()
                raise RequestValidationError(
                    [{**e, "body_seen": body.decode()} for e in exc.errors()]
                ) from exc
            response.headers["X-Route-Class"] = type(self).__name__
            return response

        return handler


app = FastAPI()
router = APIRouter(route_class=TimedRoute)


@router.post("/timed")
def timed(value: dict[str, int]) -> dict[str, int]:
    return value


@app.get("/plain")
def plain() -> str:
    return "plain"


app.include_router(router)

CASES = [
    ("timed", "POST", "/timed", {"json": {"a": 1}}),
    ("timed-invalid", "POST", "/timed", {"json": {"a": "x"}}),
    ("plain", "GET", "/plain"),
]
