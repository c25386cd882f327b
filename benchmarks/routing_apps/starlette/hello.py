"""Hello as a plain Starlette app: one route, the same JSON (the floor under fastslim)."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def hello(request: Request) -> JSONResponse:
    return JSONResponse({"message": "Hello World"})


app = Starlette(routes=[Route("/hello", hello)])
