"""Exception handlers registered for status codes 404, 405 and 422."""

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse

app = FastAPI()


@app.exception_handler(405)
async def on_405(request: Request, exc: Exception) -> PlainTextResponse:
    return PlainTextResponse(f"no {request.method} here", status_code=405)


@app.exception_handler(422)
async def on_422(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"handler": "422", "type": type(exc).__name__}, status_code=422)


@app.get("/only-get")
def only_get(n: int = 0) -> int:
    return n


@app.get("/raise-422")
def raise_422() -> None:
    raise HTTPException(422, "raised by hand")


CASES = [
    ("405", "POST", "/only-get"),
    ("validation-not-status-handler", "GET", "/only-get?n=x"),
    ("http-422", "GET", "/raise-422"),
]
