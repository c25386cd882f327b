"""max_body_size of an included router on its Starlette routes, mounts and frontend."""

from pathlib import Path

from fastapi import APIRouter, FastAPI
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

FILES = Path(__file__).parent / "_files"


async def count(request: Request) -> PlainTextResponse:
    return PlainTextResponse(str(len(await request.body())))


def build(own: int | None) -> APIRouter:
    router = APIRouter(max_body_size=own)
    router.add_route("/plain", count, methods=["POST"])
    router.mount("/sub", Starlette(routes=[Route("/x", count, methods=["POST"])]))
    router.frontend("/fe", directory=FILES / "spa")
    return router


app = FastAPI(max_body_size=100)
app.include_router(build(None), prefix="/include", max_body_size=5)
app.include_router(build(5), prefix="/own", max_body_size=50)
app.include_router(build(None), prefix="/app")

CASES = [
    ("include-plain-4", "POST", "/include/plain", {"content": b"xxxx"}),
    ("include-plain-8", "POST", "/include/plain", {"content": b"xxxxxxxx"}),
    ("include-plain-streamed-8", "POST", "/include/plain", {"content": [b"xxxxxxxx"]}),
    ("include-mount-4", "POST", "/include/sub/x", {"content": b"xxxx"}),
    ("include-mount-8", "POST", "/include/sub/x", {"content": b"xxxxxxxx"}),
    ("include-mount-streamed-8", "POST", "/include/sub/x", {"content": [b"xxxxxxxx"]}),
    ("include-frontend-4", "GET", "/include/fe/index.html", {"content": b"xxxx"}),
    ("include-frontend-8", "GET", "/include/fe/index.html", {"content": b"xxxxxxxx"}),
    ("include-frontend-streamed-8", "GET", "/include/fe/index.html", {"content": [b"xxxxxxxx"]}),
    ("own-plain-4", "POST", "/own/plain", {"content": b"xxxx"}),
    ("own-plain-8", "POST", "/own/plain", {"content": b"xxxxxxxx"}),
    ("own-plain-streamed-8", "POST", "/own/plain", {"content": [b"xxxxxxxx"]}),
    ("own-mount-4", "POST", "/own/sub/x", {"content": b"xxxx"}),
    ("own-mount-8", "POST", "/own/sub/x", {"content": b"xxxxxxxx"}),
    ("own-mount-streamed-8", "POST", "/own/sub/x", {"content": [b"xxxxxxxx"]}),
    ("own-frontend-4", "GET", "/own/fe/index.html", {"content": b"xxxx"}),
    ("own-frontend-8", "GET", "/own/fe/index.html", {"content": b"xxxxxxxx"}),
    ("own-frontend-streamed-8", "GET", "/own/fe/index.html", {"content": [b"xxxxxxxx"]}),
    ("app-plain-4", "POST", "/app/plain", {"content": b"xxxx"}),
    ("app-plain-8", "POST", "/app/plain", {"content": b"xxxxxxxx"}),
    ("app-plain-streamed-8", "POST", "/app/plain", {"content": [b"xxxxxxxx"]}),
    ("app-mount-4", "POST", "/app/sub/x", {"content": b"xxxx"}),
    ("app-mount-8", "POST", "/app/sub/x", {"content": b"xxxxxxxx"}),
    ("app-mount-streamed-8", "POST", "/app/sub/x", {"content": [b"xxxxxxxx"]}),
    ("app-frontend-4", "GET", "/app/fe/index.html", {"content": b"xxxx"}),
    ("app-frontend-8", "GET", "/app/fe/index.html", {"content": b"xxxxxxxx"}),
    ("app-frontend-streamed-8", "GET", "/app/fe/index.html", {"content": [b"xxxxxxxx"]}),
]
