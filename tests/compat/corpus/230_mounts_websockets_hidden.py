"""What the document leaves out: mounts, plain Starlette routes, websockets, a sub-app
(which serves its own document and docs)."""

from fastapi import FastAPI, WebSocket
from starlette.requests import Request
from starlette.responses import PlainTextResponse

app = FastAPI(title="Main")
sub = FastAPI(title="Sub")


@sub.get("/sub-item")
def sub_item() -> str:
    return "sub"


@app.get("/main-item")
def main_item() -> str:
    return "main"


@app.websocket("/ws")
async def ws(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.close()


async def plain(request: Request) -> PlainTextResponse:
    return PlainTextResponse("plain")


app.add_route("/plain", plain)
app.mount("/sub", sub)
CASES = [
    ("sub-openapi", "GET", "/sub/openapi.json"),
    ("sub-docs", "GET", "/sub/docs"),
    ("main-openapi", "GET", "/openapi.json"),
]
