"""Dependencies at app, router, include_router and route level, in order."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Request

ORDER: list[str] = []


def mark(name: str):  # type: ignore[no-untyped-def]
    def dep(request: Request) -> None:
        ORDER.append(f"{name} {request.url.path}")

    dep.__name__ = f"dep_{name}"
    return dep


def require_header(x_level: Annotated[str | None, Header()] = None) -> None:
    if x_level == "deny":
        raise HTTPException(403, "denied by router dependency")


app = FastAPI(dependencies=[Depends(mark("app"))])
router = APIRouter(prefix="/r", dependencies=[Depends(mark("router")), Depends(require_header)])


@router.get("/item", dependencies=[Depends(mark("route"))])
def item(request: Request) -> str:
    ORDER.append("endpoint")
    return "item"


app.include_router(router, dependencies=[Depends(mark("include"))])


@app.get("/order")
def order() -> list[str]:
    copy = list(ORDER)
    ORDER.clear()
    return copy


CASES = [
    ("item", "GET", "/r/item"),
    ("order", "GET", "/order"),
    ("denied", "GET", "/r/item", {"headers": {"X-Level": "deny"}}),
    ("order-denied", "GET", "/order"),
    ("not-found", "GET", "/r/none"),
    ("order-not-found", "GET", "/order"),
]
