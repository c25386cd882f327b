"""Error order and shapes across query, header, form fields, files and dependencies."""

from typing import Annotated

from fastapi import Depends, FastAPI, File, Form, Header, UploadFile


def common(token: Annotated[str, Header()], level: Annotated[int, Form()] = 0) -> int:
    return level


app = FastAPI()


@app.post("/items/{item_id}")
async def items(
    item_id: int,
    level: Annotated[int, Depends(common)],
    name: Annotated[str, Form(min_length=2)],
    image: Annotated[UploadFile, File()],
    q: int | None = None,
    thumbs: Annotated[list[bytes] | None, File()] = None,
) -> dict[str, object]:
    return {
        "item_id": item_id,
        "level": level,
        "name": name,
        "image": image.filename,
        "q": q,
        "thumbs": None if thumbs is None else len(thumbs),
    }


CASES = [
    (
        "valid",
        "POST",
        "/items/1?q=2",
        {
            "headers": {"token": "t"},
            "data": {"name": "ab", "level": "3"},
            "files": [("image", ("i.png", b"png")), ("thumbs", ("t", b"t"))],
        },
    ),
    ("all-wrong", "POST", "/items/x?q=y", {"data": {"name": "a", "level": "z"}}),
    ("nothing", "POST", "/items/1"),
    (
        "image-as-text",
        "POST",
        "/items/1",
        {"headers": {"token": "t"}, "data": {"name": "abc", "image": "img"}},
    ),
]
