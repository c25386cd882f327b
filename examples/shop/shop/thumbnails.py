"""Thumbnails made in the background with Pillow."""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from .db import Database, Image

logger = logging.getLogger("shop.thumbnails")
SIZE = (128, 128)


def _check_pixels(size: tuple[int, int]) -> None:
    """Raise `DecompressionBombError` for an image over Pillow's pixel limit (Pillow
    itself only warns below twice the limit)."""
    limit = PILImage.MAX_IMAGE_PIXELS
    if limit is not None and size[0] * size[1] > limit:
        raise PILImage.DecompressionBombError(
            f"{size[0]}x{size[1]} is {size[0] * size[1]} pixels, over the limit of {limit}"
        )


def make_thumbnail(db: Database, image_id: int, folder: Path) -> None:
    """Make a PNG thumbnail (at most 128x128 pixels) of image `image_id` in `folder`;
    the image's status becomes `ready`, or `failed` with the reason when the upload
    is not an image Pillow can read or has more pixels than Pillow's decompression
    bomb limit (`PIL.Image.MAX_IMAGE_PIXELS`: a 109 KB PNG may hold 900 million), or
    when anything else goes wrong (the status never stays `pending`)."""
    with db.session() as session:
        image = session.get_one(Image, image_id)
        try:
            with PILImage.open(image.original) as picture:
                _check_pixels(picture.size)
                picture.thumbnail(SIZE)
                target = folder / f"{image_id}.png"
                picture.save(target, format="PNG")
        except (
            PILImage.DecompressionBombError,
            PILImage.DecompressionBombWarning,  # when warnings are errors
        ) as exc:
            image.status, image.error = "failed", f"Too large an image: {exc}"
            logger.warning("Thumbnail of image %s failed: %s", image_id, exc)
        except (UnidentifiedImageError, OSError) as exc:
            image.status, image.error = "failed", f"Not an image Pillow can read: {exc}"
            logger.warning("Thumbnail of image %s failed: %s", image_id, exc)
        except Exception as exc:
            image.status, image.error = "failed", f"No thumbnail: {type(exc).__name__}"
            logger.exception("Thumbnail of image %s failed", image_id)
        else:
            image.status, image.thumbnail = "ready", str(target)
        session.commit()
