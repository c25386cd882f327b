"""GZipMiddleware: compressed big bodies, small ones untouched, errors, no accept-encoding."""

from fastapi import FastAPI, HTTPException
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import PlainTextResponse

app = FastAPI()
app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=6)


@app.get("/big")
def big() -> dict[str, list[int]]:
    return {"numbers": list(range(400))}


@app.get("/small")
def small() -> dict[str, int]:
    return {"n": 1}


@app.get("/text", response_class=PlainTextResponse)
def text() -> str:
    return "abc" * 400


@app.get("/big-error")
def big_error() -> None:
    raise HTTPException(400, "x" * 1000)


GZIP = {"Accept-Encoding": "gzip"}

CASES = [
    ("big-gzip", "GET", "/big", {"headers": GZIP}),
    ("big-identity", "GET", "/big", {"headers": {"Accept-Encoding": "identity"}}),
    ("small-gzip", "GET", "/small", {"headers": GZIP}),
    ("text-gzip", "GET", "/text", {"headers": {"Accept-Encoding": "br, gzip;q=0.5"}}),
    ("big-error-gzip", "GET", "/big-error", {"headers": GZIP}),
    ("unknown-query-ignored", "GET", "/big?x=1", {"headers": GZIP}),
]
