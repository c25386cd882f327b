"""APIRouter with prefix, tags, dependencies and responses; include_router prefixes."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException


async def get_token_header(x_token: Annotated[str, Header()]) -> None:
    if x_token != "fake-super-secret-token":
        raise HTTPException(status_code=400, detail="X-Token header invalid")


router = APIRouter(
    prefix="/items",
    tags=["items"],
    dependencies=[Depends(get_token_header)],
    responses={404: {"description": "Not found"}},
)
FAKE = {"plumbus": {"name": "Plumbus"}, "gun": {"name": "Portal Gun"}}


@router.get("/")
async def read_items() -> dict[str, dict[str, str]]:
    return FAKE


@router.get("/{item_id}")
async def read_item(item_id: str) -> dict[str, str]:
    if item_id not in FAKE:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"name": FAKE[item_id]["name"], "item_id": item_id}


@router.put("/{item_id}", tags=["custom"], responses={403: {"description": "Forbidden"}})
async def update_item(item_id: str) -> dict[str, str]:
    if item_id != "plumbus":
        raise HTTPException(status_code=403, detail="You can only update the item: plumbus")
    return {"item_id": item_id, "name": "The great Plumbus"}


admin = APIRouter()


@admin.post("/")
async def update_admin() -> dict[str, str]:
    return {"message": "Admin getting schwifty"}


app = FastAPI()
app.include_router(router)
app.include_router(admin, prefix="/admin", tags=["admin"])


@app.get("/")
async def root() -> dict[str, str]:
    return {"message": "Hello Bigger Applications!"}


TOKEN = {"X-Token": "fake-super-secret-token"}

CASES = [
    ("root", "GET", "/"),
    ("items", "GET", "/items/", {"headers": TOKEN}),
    ("items-no-slash", "GET", "/items", {"headers": TOKEN}),
    ("items-no-token", "GET", "/items/"),
    ("items-bad-token", "GET", "/items/", {"headers": {"X-Token": "x"}}),
    ("item", "GET", "/items/gun", {"headers": TOKEN}),
    ("item-missing", "GET", "/items/x", {"headers": TOKEN}),
    ("update-forbidden", "PUT", "/items/gun", {"headers": TOKEN}),
    ("update", "PUT", "/items/plumbus", {"headers": TOKEN}),
    ("admin", "POST", "/admin/"),
    ("admin-no-slash", "POST", "/admin"),
    ("admin-get-405", "GET", "/admin/"),
]
