"""Raw urlencoded bodies: separators, escapes, non-ASCII bytes, chunks, limits and charsets."""

from typing import Annotated

from fastapi import FastAPI, Form, Request

app = FastAPI()


@app.post("/fields", form_limits={"max_fields": 4, "max_part_size": 12})
async def fields(request: Request, a: Annotated[list[str], Form()] = []) -> object:  # noqa: B006
    form = await request.form()
    return {"a": a, "items": form.multi_items()}


U = "application/x-www-form-urlencoded"
CASES = [
    (
        "plain",
        "POST",
        "/fields",
        {
            "content": b"a=1&a=x+y%21",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "separators",
        "POST",
        "/fields",
        {
            "content": b"&&a&=v&a=&",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "bad-escapes",
        "POST",
        "/fields",
        {
            "content": b"a=%zz&a=%E9&a=\xe9",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "utf8-escapes",
        "POST",
        "/fields",
        {
            "content": b"a=%C3%A9t%C3%A9",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "chunks",
        "POST",
        "/fields",
        {
            "content": [b"a=12", b"34&a", b"=5&", b"a=6"],
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "too-many",
        "POST",
        "/fields",
        {
            "content": b"a=1&a=2&a=3&a=4&a=5",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "too-long",
        "POST",
        "/fields",
        {
            "content": b"a=123456789012",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "too-long-in-chunks",
        "POST",
        "/fields",
        {
            "content": [b"a=1234", b"5678", b"90123"],
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "at-limit",
        "POST",
        "/fields",
        {
            "content": b"a=1234567890a",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    (
        "with-charset",
        "POST",
        "/fields",
        {
            "content": b"a=1&a=2",
            "headers": {"content-type": "application/x-www-form-urlencoded; charset=utf-8"},
        },
    ),
    (
        "upper-case",
        "POST",
        "/fields",
        {"content": b"a=1", "headers": {"content-type": "Application/X-WWW-Form-URLEncoded"}},
    ),
]
