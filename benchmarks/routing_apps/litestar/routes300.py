"""300 routes: 60 CRUD routers under their prefix (59 x 5 + 4), then the hello route
(Litestar twin of `routing_apps/routes300.py`)."""

# Litestar is installed only in the bench session (the types session checks without it).
# mypy: disable-error-code="import-not-found,untyped-decorator"

from typing import Any

from litestar import Litestar, Router, delete, get, post, put


def crud_router(resource: str, *, with_delete: bool = True) -> Router:
    @get("")
    async def list_items() -> list[Any]:
        return []

    @post("", status_code=201)
    async def create_item(data: dict[str, Any]) -> dict[str, Any]:
        return data

    @get("/{item_id:int}")
    async def read_item(item_id: int) -> dict[str, Any]:
        return {"id": item_id}

    @put("/{item_id:int}")
    async def replace_item(item_id: int, data: dict[str, Any]) -> dict[str, Any]:
        return {"id": item_id, **data}

    handlers: list[Any] = [list_items, create_item, read_item, replace_item]
    if with_delete:

        @delete("/{item_id:int}", status_code=204)
        async def delete_item(item_id: int) -> None:
            return None

        handlers.append(delete_item)
    return Router(path=f"/{resource}", route_handlers=handlers)


@get("/hello")
async def hello() -> dict[str, str]:
    return {"message": "Hello World"}


app = Litestar([*(crud_router(f"resource{i}", with_delete=i < 59) for i in range(60)), hello])
