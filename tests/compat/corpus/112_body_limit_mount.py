"""max_body_size and form_limits of mounted apps: inherited unless set on the sub-app."""

from typing import Annotated

from fastapi import Body, FastAPI, Form


def make(**options: object) -> FastAPI:
    sub = FastAPI(**options)  # type: ignore[arg-type]

    @sub.post("/x")
    def x(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    @sub.post("/form")
    def form(f: Annotated[list[str], Form()] = []) -> int:  # noqa: B006
        return len(f)

    @sub.post("/route", max_body_size=200)
    def route(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    return sub


app = FastAPI(max_body_size=10, form_limits={"max_fields": 2})
app.mount("/inherit", make())
app.mount("/own", make(max_body_size=100, form_limits={"max_fields": 4}))

CASES = [
    (
        "inherit-10",
        "POST",
        "/inherit/x",
        {"content": b"xxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "inherit-11",
        "POST",
        "/inherit/x",
        {"content": b"xxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "inherit-route-150",
        "POST",
        "/inherit/route",
        {
            "content": (
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            ),
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "own-50",
        "POST",
        "/own/x",
        {
            "content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "own-101",
        "POST",
        "/own/x",
        {
            "content": (
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            ),
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "own-streamed-101",
        "POST",
        "/own/x",
        {
            "content": [
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ],
            "headers": {"content-type": "text/plain"},
        },
    ),
    ("inherit-form-2", "POST", "/inherit/form", {"data": {"f": ["1", "2"]}}),
    ("inherit-form-3", "POST", "/inherit/form", {"data": {"f": ["1", "2", "3"]}}),
    ("own-form-4", "POST", "/own/form", {"data": {"f": ["1", "2", "3", "4"]}}),
    ("own-form-5", "POST", "/own/form", {"data": {"f": ["1", "2", "3", "4", "5"]}}),
    ("lifespan-free-get", "GET", "/inherit/x"),
]
