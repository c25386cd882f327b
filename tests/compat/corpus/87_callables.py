"""Endpoints and dependencies that are partials, decorated functions and callable instances."""

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI

F = TypeVar("F", bound=Callable[..., Any])
app = FastAPI()


def traced(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return {"traced": func(*args, **kwargs)}

    return wrapper  # type: ignore[return-value]


def scaled(value: int, factor: int = 1) -> int:
    return value * factor


class AsyncCallable:
    async def __call__(self, word: str = "w") -> str:
        return word.upper()


@app.get("/traced/{n}")
@traced
def traced_endpoint(n: int, q: str = "") -> list[object]:
    return [n, q]


@app.get("/partial")
def partial_dep(v: Annotated[int, Depends(functools.partial(scaled, factor=3))]) -> int:
    return v


@app.get("/async-callable")
def async_callable(w: Annotated[str, Depends(AsyncCallable())]) -> str:
    return w


app.add_api_route("/partial-endpoint", functools.partial(scaled, factor=10))

CASES = [
    ("traced", "GET", "/traced/3?q=x"),
    ("traced-raises", "GET", "/traced/3", {"raises": True}),
    ("traced-bad", "GET", "/traced/x"),
    ("partial", "GET", "/partial?value=2"),
    ("partial-missing", "GET", "/partial"),
    ("async-callable", "GET", "/async-callable?word=hi"),
    ("partial-endpoint", "GET", "/partial-endpoint?value=4"),
    ("partial-endpoint-factor", "GET", "/partial-endpoint?value=4&factor=2"),
]
