"""Status and headers of streams: status_code=, a dependency's Response, methods, parameters."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Response
from fastapi.responses import StreamingResponse

app = FastAPI()


def accepted(response: Response) -> None:
    response.status_code = 202
    response.headers["x-dep"] = "yes"
    response.set_cookie("seen", "1")


@app.get("/status", status_code=201)
def status() -> Iterator[int]:
    yield 1


@app.get("/dependency", dependencies=[Depends(accepted)], status_code=201)
async def dependency() -> AsyncIterator[int]:
    yield 1


@app.get("/raw-dependency", dependencies=[Depends(accepted)], response_class=StreamingResponse)
async def raw_dependency():  # type: ignore[no-untyped-def]
    yield "raw"


@app.put("/put/{item_id}")
async def put(item_id: int, count: Annotated[int, Query(le=3)] = 2) -> AsyncIterator[int]:
    for i in range(count):
        yield item_id + i


@app.api_route("/any", methods=["GET", "DELETE", "PATCH"])
def any_method() -> Iterator[str]:
    yield "x"


CASES = [
    ("status", "GET", "/status"),
    ("dependency", "GET", "/dependency"),
    ("raw-dependency", "GET", "/raw-dependency"),
    ("put", "PUT", "/put/5?count=3"),
    ("put-invalid", "PUT", "/put/x?count=9"),
    ("delete", "DELETE", "/any"),
    ("patch", "PATCH", "/any"),
    ("post-not-allowed", "POST", "/any"),
]
