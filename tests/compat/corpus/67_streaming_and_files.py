"""StreamingResponse returned directly, with yield dependencies around it."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()
EVENTS: list[str] = []


def resource() -> Iterator[str]:
    EVENTS.append("open")
    yield "r"
    EVENTS.append("close")


@app.get("/stream")
def stream(r: Annotated[str, Depends(resource)]) -> StreamingResponse:
    async def chunks() -> AsyncIterator[bytes]:
        for i in range(3):
            EVENTS.append(f"chunk {i}")
            yield f"{r}{i},".encode()

    return StreamingResponse(chunks(), media_type="text/csv", headers={"X-Stream": "1"})


@app.get("/sync-stream")
def sync_stream() -> StreamingResponse:
    return StreamingResponse(iter(["a", "b", "\u00e9"]))


@app.get("/events")
def events() -> list[str]:
    copy = list(EVENTS)
    EVENTS.clear()
    return copy


CASES = [
    ("stream", "GET", "/stream"),
    ("events", "GET", "/events"),
    ("sync-stream", "GET", "/sync-stream"),
]
