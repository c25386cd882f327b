"""A validation handler reading exc.body and exc.errors() of form and upload requests."""

from typing import Annotated

from fastapi import FastAPI, Form, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

app = FastAPI()


@app.exception_handler(RequestValidationError)
async def handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    body = exc.body
    shown = (
        sorted(body.multi_items(), key=str)
        if hasattr(body, "multi_items")
        else jsonable_encoder(body)
    )
    return JSONResponse(
        {"kind": type(body).__name__, "body": str(shown), "count": len(exc.errors())},
        status_code=422,
    )


@app.post("/form")
def form(a: Annotated[int, Form()], b: Annotated[list[str], Form()]) -> int:
    return a


@app.post("/upload")
def upload(f: UploadFile, n: Annotated[int, Form()]) -> int:
    return n


CASES = [
    ("form-invalid", "POST", "/form", {"data": {"a": "x", "b": ["1", "2"]}}),
    ("form-missing", "POST", "/form"),
    ("form-json", "POST", "/form", {"json": {"a": 1}}),
    ("upload-invalid", "POST", "/upload", {"data": {"n": "x"}}),
]
