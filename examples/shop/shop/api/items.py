"""Items CRUD; a change writes a log line and posts a webhook in the background.
The CSV export is a temporary file removed once the response is sent."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from sqlalchemy import delete, select

from fastslim import APIRouter, HTTPException, status
from fastslim.responses import FileResponse
from fastslim_tasks import TaskOptions

from ..db import Image, Item
from ..deps import SessionDep, ShopDep, TasksDep, UserDep
from ..notify import append_log_line, post_webhook
from ..schemas import BAD_BODY, NOT_FOUND, UNAUTHORIZED, ItemId, ItemIn, ItemOut, ItemPatch

router = APIRouter(prefix="/items", tags=["items"])


def _get(session: SessionDep, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Item {item_id} not found")
    return item


@router.post("", status_code=status.HTTP_201_CREATED, responses=BAD_BODY)
def create_item(body: ItemIn, session: SessionDep, shop: ShopDep, tasks: TasksDep) -> ItemOut:
    item = Item(**body.model_dump())
    session.add(item)
    session.commit()
    out = ItemOut.model_validate(item)
    tasks.add_task_with(
        TaskOptions(name=f"item {item.id}: log"),
        append_log_line,
        shop.log_file,
        f"created item {item.id} {item.name!r}",
    )
    tasks.add_task_with(
        TaskOptions(name=f"item {item.id}: webhook", timeout=10),
        post_webhook,
        shop,
        "item.created",
        out.model_dump(),
    )
    return out


@router.get("")
def list_items(session: SessionDep) -> list[ItemOut]:
    return [ItemOut.model_validate(item) for item in session.scalars(select(Item))]


@router.get("/export.csv", response_class=FileResponse)
def export_items(session: SessionDep, shop: ShopDep, tasks: TasksDep) -> FileResponse:
    """Every item as CSV, written to a temporary file that is removed after the
    response has been sent."""
    folder = shop.folder("tmp")
    with tempfile.NamedTemporaryFile(
        "w", suffix=".csv", dir=folder, delete=False, newline=""
    ) as file:
        writer = csv.writer(file)
        writer.writerow(["id", "name", "price", "stock"])
        for item in session.scalars(select(Item)):
            writer.writerow([item.id, item.name, item.price, item.stock])
    path = Path(file.name)
    tasks.add_task_with(TaskOptions(name="remove export"), path.unlink, missing_ok=True)
    return FileResponse(path, media_type="text/csv", filename="items.csv")


@router.get("/{item_id}", responses=NOT_FOUND)
def read_item(item_id: ItemId, session: SessionDep) -> ItemOut:
    return ItemOut.model_validate(_get(session, item_id))


@router.patch("/{item_id}", responses={**NOT_FOUND, **BAD_BODY})
def update_item(
    item_id: ItemId, body: ItemPatch, session: SessionDep, shop: ShopDep, tasks: TasksDep
) -> ItemOut:
    item = _get(session, item_id)
    for key, value in body.model_dump(exclude_unset=True).items():
        setattr(item, key, value)
    session.commit()
    tasks.add_task(append_log_line, shop.log_file, f"updated item {item_id}")
    return ItemOut.model_validate(item)


@router.delete(
    "/{item_id}", status_code=status.HTTP_204_NO_CONTENT, responses={**NOT_FOUND, **UNAUTHORIZED}
)
def delete_item(
    item_id: ItemId, session: SessionDep, shop: ShopDep, tasks: TasksDep, user: UserDep
) -> None:
    """Delete the item with its images (their rows and files); its orders stay, naming
    an id no later item gets."""
    item = _get(session, item_id)
    images = list(session.scalars(select(Image).where(Image.item_id == item_id)))
    session.execute(delete(Image).where(Image.item_id == item_id))
    session.delete(item)
    session.commit()
    for image in images:
        for file in (image.original, image.thumbnail):
            if file is not None:
                Path(file).unlink(missing_ok=True)
    tasks.add_task(append_log_line, shop.log_file, f"deleted item {item_id} by {user.username}")
