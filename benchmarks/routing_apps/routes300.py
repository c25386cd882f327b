"""300 routes: 60 CRUD routers under their prefix (59 x 5 + 4), then the hello route.

The last route does exactly what `hello.py` does, so comparing the two shows what
finding a route among 300 costs.
"""

# No return annotation on purpose: in FastAPI one would add a response model.
# mypy: disable-error-code="no-untyped-def"

from typing import Any

from fastapi import APIRouter, FastAPI


def crud_router(resource: str, *, with_delete: bool = True) -> APIRouter:
    router = APIRouter(prefix=f"/{resource}", tags=[resource])

    @router.get("")
    async def list_items():
        return []

    @router.post("", status_code=201)
    async def create_item(item: dict[str, Any]):
        return item

    @router.get("/{item_id}")
    async def read_item(item_id: int):
        return {"id": item_id}

    @router.put("/{item_id}")
    async def replace_item(item_id: int, item: dict[str, Any]):
        return {"id": item_id, **item}

    if with_delete:

        @router.delete("/{item_id}", status_code=204)
        async def delete_item(item_id: int) -> None:
            return None

    return router


app = FastAPI()
for index in range(60):
    app.include_router(crud_router(f"resource{index}", with_delete=index < 59))


@app.get("/hello")
async def hello():
    return {"message": "Hello World"}
