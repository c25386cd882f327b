"""max_body_size and form_limits on every path-operation decorator and on APIRoute."""

from typing import Annotated

from fastapi import APIRouter, Body, FastAPI, Form
from fastapi.routing import APIRoute


def body(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


def fields(x: Annotated[list[str], Form()] = []) -> int:  # noqa: B006
    return len(x)


app = FastAPI()
app.put("/put", max_body_size=3)(body)
app.patch("/patch", max_body_size=3)(body)
app.delete("/delete", max_body_size=3)(body)
app.options("/options", max_body_size=3)(body)
app.api_route("/any", methods=["POST", "PUT"], max_body_size=3)(body)
app.post("/form", form_limits={"max_fields": 1})(fields)
router = APIRouter(routes=[APIRoute("/route", body, methods=["POST"], max_body_size=3)])
router.post("/router-form", form_limits={"max_fields": 2})(fields)
app.include_router(router, prefix="/r")

CASES = [
    ("put-ok", "PUT", "/put", {"content": b"abc", "headers": {"content-type": "text/plain"}}),
    ("put-over", "PUT", "/put", {"content": b"abcd", "headers": {"content-type": "text/plain"}}),
    (
        "patch-over",
        "PATCH",
        "/patch",
        {"content": b"abcd", "headers": {"content-type": "text/plain"}},
    ),
    (
        "delete-over",
        "DELETE",
        "/delete",
        {"content": b"abcd", "headers": {"content-type": "text/plain"}},
    ),
    (
        "options-over",
        "OPTIONS",
        "/options",
        {"content": b"abcd", "headers": {"content-type": "text/plain"}},
    ),
    (
        "any-post-over",
        "POST",
        "/any",
        {"content": b"abcd", "headers": {"content-type": "text/plain"}},
    ),
    ("any-put-ok", "PUT", "/any", {"content": b"ab", "headers": {"content-type": "text/plain"}}),
    ("form-over", "POST", "/form", {"data": {"x": ["1", "2"]}}),
    (
        "apiroute-over",
        "POST",
        "/r/route",
        {"content": b"abcd", "headers": {"content-type": "text/plain"}},
    ),
    ("router-form-ok", "POST", "/r/router-form", {"data": {"x": ["1", "2"]}}),
    ("router-form-over", "POST", "/r/router-form", {"data": {"x": ["1", "2", "3"]}}),
]
