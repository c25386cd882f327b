"""Classes as dependencies, Depends() shorthand, callable instances, and async dependencies."""

from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


class CommonParams:
    def __init__(self, q: str | None = None, skip: int = 0, limit: int = 100) -> None:
        self.q = q
        self.skip = skip
        self.limit = limit


class FixedContent:
    def __init__(self, fixed: str) -> None:
        self.fixed = fixed

    def __call__(self, q: str = "") -> bool:
        return self.fixed in q


checker = FixedContent("bar")


async def async_dep(x: int = 1) -> int:
    return x * 10


@app.get("/class")
def with_class(commons: Annotated[CommonParams, Depends(CommonParams)]) -> dict[str, object]:
    return {"q": commons.q, "skip": commons.skip, "limit": commons.limit}


@app.get("/shorthand")
def shorthand(commons: Annotated[CommonParams, Depends()]) -> dict[str, object]:
    return vars(commons)


@app.get("/callable")
def callable_instance(found: Annotated[bool, Depends(checker)]) -> dict[str, bool]:
    return {"found": found}


@app.get("/async")
def use_async(value: Annotated[int, Depends(async_dep)]) -> int:
    return value


@app.get("/default-style")
def default_style(commons: CommonParams = Depends()) -> dict[str, object]:
    return vars(commons)


CASES = [
    ("class", "GET", "/class?q=a&skip=1"),
    ("class-bad", "GET", "/class?skip=x&limit=y"),
    ("shorthand", "GET", "/shorthand?limit=5"),
    ("callable-found", "GET", "/callable?q=foobar"),
    ("callable-not-found", "GET", "/callable?q=foo"),
    ("async", "GET", "/async?x=4"),
    ("async-bad", "GET", "/async?x=four"),
    ("default-style", "GET", "/default-style?q=z"),
]
