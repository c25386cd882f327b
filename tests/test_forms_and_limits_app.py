"""One app through `fastslim` (the meta-package) with both of its test clients, on asyncio
and trio: a login form read by a dependency class, uploads (one, several, as bytes), a
form model, and body and form limits on the app, a router, an inclusion and a route."""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

import anyio
import pytest
from pydantic import BaseModel

from fastslim import APIRouter, Depends, FastAPI, File, Form, UploadFile
from fastslim.testclient import AsyncTestClient, TestClient


class LoginForm:
    def __init__(self, username: Annotated[str, Form()], password: Annotated[str, Form()]) -> None:
        self.username = username
        self.password = password


class Profile(BaseModel):
    name: str
    tags: list[str] = []


def make_app() -> FastAPI:
    app = FastAPI(max_body_size=1000, form_limits={"max_fields": 3})

    @app.post("/login")
    def login(form: Annotated[LoginForm, Depends()]) -> dict[str, str]:
        return {"user": form.username}

    uploads = APIRouter(max_body_size=3000)

    @uploads.post("/one")
    async def one(f: UploadFile, raw: Annotated[bytes, File(alias="f")]) -> dict[str, Any]:
        return {"name": f.filename, "same": (await f.read()) == raw}

    @uploads.post("/many", form_limits={"max_files": 2})
    async def many(files: list[UploadFile]) -> list[str | None]:
        return [f.filename for f in files]

    @uploads.post("/small", max_body_size=10)
    def small(profile: Annotated[Profile, Form()]) -> Profile:
        return profile  # pragma: no cover

    app.include_router(uploads, prefix="/uploads", form_limits={"max_fields": 5})

    @app.post("/profile")
    def profile(profile: Annotated[Profile, Form()]) -> Profile:
        return profile

    return app


Post = Callable[..., Awaitable[tuple[int, Any]]]


async def check(post: Post) -> None:
    assert await post("/login", data={"username": "ada", "password": "pw"}) == (
        200,
        {"user": "ada"},
    )
    status, body = await post("/login", data={"username": "ada"})
    assert (status, body["detail"][0]["loc"]) == (422, ["body", "password"])
    assert await post("/uploads/one", files={"f": ("a.txt", b"abc")}) == (
        200,
        {"name": "a.txt", "same": True},
    )
    files = [("files", ("1", b"1")), ("files", ("2", b"2"))]
    assert await post("/uploads/many", files=files) == (200, ["1", "2"])
    assert await post("/uploads/many", files=[*files, ("files", ("3", b"3"))]) == (
        400,
        {"detail": "Too many files. Maximum number of files is 2."},
    )
    # The router's 3000 bytes beat the app's 1000; the route's 10 beat both.
    assert (await post("/uploads/one", files={"f": ("big", b"x" * 2000)}))[0] == 200
    assert await post("/uploads/small", data={"name": "x" * 20}) == (413, "Content Too Large")
    assert await post("/profile", files={"f": ("big", b"x" * 2000)}) == (
        413,
        "Content Too Large",
    )
    # The app's max_fields 3 (the inclusion's 5 is not the profile route's).
    assert await post("/profile", data={"name": "n", "tags": ["a", "b"]}) == (
        200,
        {"name": "n", "tags": ["a", "b"]},
    )
    assert (await post("/profile", data={"name": "n", "tags": ["a", "b", "c"]}))[0] == 400


def decoded(response: Any) -> tuple[int, Any]:
    if response.headers.get("content-type", "").startswith("application/json"):
        return response.status_code, response.json()
    return response.status_code, response.text


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_forms_and_limits_with_the_test_client(backend: Literal["asyncio", "trio"]) -> None:
    with TestClient(make_app(), backend=backend) as client:

        async def post(url: str, **kwargs: Any) -> tuple[int, Any]:
            return decoded(client.post(url, **kwargs))

        anyio.run(check, post)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_forms_and_limits_with_the_async_client(backend: Literal["asyncio", "trio"]) -> None:
    async def main() -> None:
        async with AsyncTestClient(make_app()) as client:

            async def post(url: str, **kwargs: Any) -> tuple[int, Any]:
                return decoded(await client.post(url, **kwargs))

            await check(post)

    anyio.run(main, backend=backend)
