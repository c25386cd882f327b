"""Form fields read by dependencies, and a class of form fields (OAuth2PasswordRequestForm-like)."""

from typing import Annotated

from fastapi import Depends, FastAPI, File, Form, Request, UploadFile


class PasswordForm:
    def __init__(
        self,
        *,
        grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
        username: Annotated[str, Form()],
        password: Annotated[str, Form()],
        scope: Annotated[str, Form()] = "",
    ) -> None:
        self.grant_type = grant_type
        self.username = username
        self.password = password
        self.scopes = scope.split()


def token(name: Annotated[str, Form()], upload: Annotated[UploadFile, File(alias="f")]) -> str:
    return f"{name}:{upload.filename}"


app = FastAPI()


@app.post("/token")
def login(form: Annotated[PasswordForm, Depends()]) -> dict[str, object]:
    return vars(form)


@app.post("/dep")
async def dep(
    value: Annotated[str, Depends(token)],
    f: Annotated[bytes, File()],
    request: Request,
) -> dict[str, object]:
    form = await request.form()
    return {"value": value, "f": f.decode(), "keys": sorted(form.keys())}


CASES = [
    (
        "token",
        "POST",
        "/token",
        {"data": {"grant_type": "password", "username": "u", "password": "p", "scope": "a b"}},
    ),
    (
        "token-bad-grant",
        "POST",
        "/token",
        {"data": {"grant_type": "code", "username": "u", "password": "p"}},
    ),
    ("token-missing", "POST", "/token", {"data": {"username": "u"}}),
    ("dep", "POST", "/dep", {"data": {"name": "n"}, "files": {"f": ("a.txt", b"content")}}),
    ("dep-missing", "POST", "/dep", {"files": {"z": ("a.txt", b"content")}}),
    ("dep-string-file", "POST", "/dep", {"data": {"name": "n", "f": "text"}}),
]
