"""Thumbnails made in the background with Pillow."""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from .db import Database, Image

logger = logging.getLogger("shop.thumbnails")
SIZE = (128, 128)


def make_thumbnail(db: Database, image_id: int, folder: Path) -> None:
    """Make a PNG thumbnail (at most 128x128 pixels) of image `image_id` in `folder`;
    the image's status becomes `ready`, or `failed` with the reason when the upload
    is not an image Pillow can read."""
    with db.session() as session:
        image = session.get_one(Image, image_id)
        try:
            with PILImage.open(image.original) as picture:
                picture.thumbnail(SIZE)
                target = folder / f"{image_id}.png"
                picture.save(target, format="PNG")
        except (UnidentifiedImageError, OSError) as exc:
            image.status, image.error = "failed", f"Not an image Pillow can read: {exc}"
            logger.warning("Thumbnail of image %s failed: %s", image_id, exc)
        else:
            image.status, image.thumbnail = "ready", str(target)
        session.commit()
