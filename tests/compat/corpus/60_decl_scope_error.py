"""Declaration error: a request-scoped yield dependency on a function-scoped one."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


def function_dep() -> Iterator[int]:
    yield 1


def request_dep(value: Annotated[int, Depends(function_dep, scope="function")]) -> Iterator[int]:
    yield value


@app.get("/")
def endpoint(value: Annotated[int, Depends(request_dep, scope="request")]) -> int:
    return value


DECLARATION_ERROR = True
