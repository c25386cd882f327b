"""Image uploads: the thumbnail is made in the background; poll the status."""

from __future__ import annotations

import re
import shutil
import uuid

from fastslim import APIRouter, HTTPException, UploadFile, status
from fastslim.responses import FileResponse
from fastslim_tasks import TaskOptions

from ..db import Image, Item
from ..deps import SessionDep, ShopDep, TasksDep
from ..schemas import BAD_BODY, NOT_FOUND, ImageId, ImageOut, ItemId, Message
from ..thumbnails import make_thumbnail

router = APIRouter(tags=["images"])
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
MAX_NAME_BYTES = 100
"""The stored name keeps at most this many UTF-8 bytes of the client's file name
(a file system takes 255 bytes a name, the stored one has a 33-character prefix)."""


def stored_name(filename: str | None) -> str:
    """The part of an upload's file name the stored file keeps: its last path
    segment (`a/b.png` and `..\\x.png` keep `b.png` and `x.png`) without control
    characters (NUL included), cut at 100 UTF-8 bytes; `upload` when nothing is left."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("", name).strip()
    cut = name.encode("utf-8", "replace")[:MAX_NAME_BYTES].decode("utf-8", "ignore")
    return "upload" if cut in ("", ".", "..") else cut


@router.post(
    "/items/{item_id}/image",
    status_code=status.HTTP_202_ACCEPTED,
    responses={**NOT_FOUND, **BAD_BODY},
)
def upload_image(
    item_id: ItemId, file: UploadFile, session: SessionDep, shop: ShopDep, tasks: TasksDep
) -> ImageOut:
    if session.get(Item, item_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Item {item_id} not found")
    target = shop.folder("uploads") / f"{uuid.uuid4().hex}-{stored_name(file.filename)}"
    with target.open("wb") as out:
        shutil.copyfileobj(file.file, out)
    image = Image(item_id=item_id, original=str(target))
    session.add(image)
    session.commit()
    tasks.add_task_with(
        TaskOptions(name=f"image {image.id}: thumbnail"),
        make_thumbnail,
        shop.db,
        image.id,
        shop.folder("thumbnails"),
    )
    return ImageOut.model_validate(image)


def _get(session: SessionDep, image_id: int) -> Image:
    image = session.get(Image, image_id)
    if image is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Image {image_id} not found")
    return image


@router.get("/images/{image_id}", responses=NOT_FOUND)
def image_status(image_id: ImageId, session: SessionDep) -> ImageOut:
    return ImageOut.model_validate(_get(session, image_id))


@router.get(
    "/images/{image_id}/thumbnail",
    response_class=FileResponse,
    responses={
        200: {"content": {"image/png": {}}, "description": "The thumbnail."},
        409: {"model": Message, "description": "The thumbnail is not ready, or failed."},
        **NOT_FOUND,
    },
)
def thumbnail(image_id: ImageId, session: SessionDep) -> FileResponse:
    image = _get(session, image_id)
    if image.thumbnail is None:
        raise HTTPException(
            status.HTTP_409_CONFLICT, detail=f"Image {image_id} is {image.status}: no thumbnail"
        )
    return FileResponse(image.thumbnail, media_type="image/png")
