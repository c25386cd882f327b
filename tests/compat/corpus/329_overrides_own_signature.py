"""Overrides solve and validate their own signature: route, decorator and router
dependencies replaced by functions with their own query, header and body parameters
and sub-dependencies (error order included); `dependency_overrides = None` or `{}`
means no override; the document under overrides (FASTAPI-FACTS 14)."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, FastAPI, Header, Query


def original(q: str) -> str:
    return q


def decorator_dependency(a: int) -> int:
    return a


def router_dependency(r: int) -> int:
    return r


def body_dependency(n: int) -> int:
    return n


def fake_sub(y: Annotated[int, Header()]) -> int:
    return y


def fake(k: int, s: Annotated[int, Depends(fake_sub)]) -> str:
    return f"fake {k} {s}"


def fake_decorator(b: Annotated[str, Query(min_length=2)]) -> str:
    return b


def fake_router(z: Annotated[int, Query(alias="zz")] = 3) -> int:
    return z


def fake_body(item: Annotated[int, Body(embed=True)], t: str) -> int:
    return item


app = FastAPI()
router = APIRouter(dependencies=[Depends(router_dependency)])


@router.get("/routed")
def routed(own: int) -> str:
    return "routed"


@app.get("/items", dependencies=[Depends(decorator_dependency)])
def items(value: Annotated[str, Depends(original)], own: int) -> str:
    return value


@app.post("/bodies")
def bodies(value: Annotated[int, Depends(body_dependency)], own: int) -> int:
    return value


app.include_router(router)

OVERRIDES = {
    original: fake,
    decorator_dependency: fake_decorator,
    router_dependency: fake_router,
    body_dependency: fake_body,
}


@app.post("/set/{mode}")
def set_overrides(mode: str) -> str:
    overrides: Any = {"none": None, "empty": {}, "fakes": dict(OVERRIDES)}[mode]
    app.dependency_overrides = overrides
    app.openapi_schema = None
    return mode


CASES: list[tuple[Any, ...]] = [
    ("plain-missing", "GET", "/items"),
    ("plain-ok", "GET", "/items?a=1&q=x&own=1"),
    ("set-fakes", "POST", "/set/fakes"),
    ("fakes-missing", "GET", "/items"),
    ("fakes-invalid", "GET", "/items?b=x&k=x&own=1", {"headers": {"y": "y"}}),
    ("fakes-ok", "GET", "/items?b=xy&k=2&own=1", {"headers": {"y": "3"}}),
    ("fakes-original-params", "GET", "/items?a=1&q=x&own=1"),
    ("router-fake-default", "GET", "/routed?own=1"),
    ("router-fake-alias", "GET", "/routed?zz=q"),
    ("body-fake-missing", "POST", "/bodies", {"json": {}}),
    ("body-fake-ok", "POST", "/bodies?t=x&own=1", {"json": {"item": 5}}),
    ("openapi-fakes", "GET", "/openapi.json"),
    ("set-none", "POST", "/set/none"),
    ("none-missing", "GET", "/items"),
    ("none-ok", "GET", "/items?a=1&q=x&own=1"),
    ("none-router", "GET", "/routed?zz=q"),
    ("set-fakes-again", "POST", "/set/fakes"),
    ("fakes-again", "GET", "/items?b=xy&k=2&own=1", {"headers": {"y": "4"}}),
    ("set-empty", "POST", "/set/empty"),
    ("empty-missing", "GET", "/items"),
    ("empty-body", "POST", "/bodies?n=2&own=1", {"json": {}}),
    ("openapi-empty", "GET", "/openapi.json"),
]
DELIBERATE = {
    "body-fake-ok": {
        "reason": "An override's body parameters are read from the request even when the "
        "route it is used in declares no body (FastAPI reports them missing)",
        "status": 200,
        "body": b"5",
        "headers": {"content-length": ["1"]},
    },
}
