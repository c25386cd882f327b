"""Forms and limits under a custom APIRoute class whose handler wraps FastAPI's."""

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Form, Request, Response, UploadFile
from fastapi.routing import APIRoute


class FormKeysRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            response = await original(request)
            form = await request.form()
            response.headers["x-form-keys"] = ",".join(sorted(form.keys()))
            return response

        return handler


router = APIRouter(route_class=FormKeysRoute)


@router.post("/upload", max_body_size=400, form_limits={"max_files": 1})
async def upload(f: UploadFile, note: Annotated[str, Form()] = "") -> dict[str, object]:
    return {"f": f.filename, "note": note}


app = FastAPI()
app.include_router(router)

CASES = [
    ("ok", "POST", "/upload", {"data": {"note": "n"}, "files": {"f": ("a.txt", b"abc")}}),
    ("missing", "POST", "/upload", {"data": {"note": "n"}}),
    ("two-files", "POST", "/upload", {"files": [("f", ("a", b"1")), ("f", ("b", b"2"))]}),
    (
        "too-large",
        "POST",
        "/upload",
        {
            "files": {"f": ("a.txt", b"xxxxxxxxxx")},
            "data": {
                "note": (
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                )
            },
        },
    ),
]
