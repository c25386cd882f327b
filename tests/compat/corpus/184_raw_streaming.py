"""Raw streaming: a generator with StreamingResponse or a subclass as response class."""

from collections.abc import AsyncIterator, Iterator

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, StreamingResponse

app = FastAPI()


class CSVResponse(StreamingResponse):
    media_type = "text/csv"


class NDJSONResponse(StreamingResponse):
    media_type = "application/x-ndjson"


@app.get("/plain-stream", response_class=StreamingResponse)
def plain_stream():  # type: ignore[no-untyped-def]
    yield "a"
    yield b"b"
    yield "\u00e9"


@app.get("/csv", response_class=CSVResponse)
async def csv() -> AsyncIterator[str]:
    yield "a,b\n"
    yield "1,2\n"


@app.get("/ndjson", response_class=NDJSONResponse, status_code=206)
def ndjson() -> Iterator[bytes]:
    yield b'{"a":1}\n'


@app.get("/typed-not-validated", response_class=StreamingResponse)
def typed_not_validated() -> Iterator[int]:
    yield "not an int"  # type: ignore[misc]


@app.get("/int-chunk", response_class=StreamingResponse)
def int_chunk():  # type: ignore[no-untyped-def]
    yield 1


@app.get("/plain-text", response_class=PlainTextResponse)
def plain_text():  # type: ignore[no-untyped-def]
    yield "a"


@app.get("/json-class", response_class=JSONResponse)
def json_class():  # type: ignore[no-untyped-def]
    yield 1


@app.get("/html-class", response_class=HTMLResponse)
async def html_class():  # type: ignore[no-untyped-def]
    yield "<p>"


CASES = [
    ("plain-stream", "GET", "/plain-stream"),
    ("csv", "GET", "/csv"),
    ("ndjson", "GET", "/ndjson"),
    ("typed-not-validated", "GET", "/typed-not-validated"),
    ("int-chunk", "GET", "/int-chunk"),
    ("int-chunk-raises", "GET", "/int-chunk", {"raises": True}),
    ("plain-text", "GET", "/plain-text"),
    ("plain-text-raises", "GET", "/plain-text", {"raises": True}),
    ("json-class", "GET", "/json-class"),
    ("json-class-raises", "GET", "/json-class", {"raises": True}),
    ("html-class", "GET", "/html-class"),
]
