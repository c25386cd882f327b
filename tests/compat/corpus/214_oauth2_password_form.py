"""OAuth2PasswordRequestForm(+Strict) as a dependency; the token endpoint's document."""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import (
    OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
    OAuth2PasswordRequestFormStrict,
)

app = FastAPI()
oauth2 = OAuth2PasswordBearer(tokenUrl="token")


@app.post("/token")
def token(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> dict[str, object]:
    if form.password != "secret":
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    return {
        "access_token": form.username,
        "token_type": "bearer",
        "scopes": form.scopes,
        "grant_type": form.grant_type,
        "client": [form.client_id, form.client_secret],
    }


@app.post("/strict")
def strict(form: Annotated[OAuth2PasswordRequestFormStrict, Depends()]) -> list[str]:
    return [form.grant_type or "", form.username]


@app.get("/me")
def me(token: Annotated[str, Depends(oauth2)]) -> str:
    return token


CASES = [
    ("ok", "POST", "/token", {"data": {"username": "ann", "password": "secret"}}),
    (
        "scopes",
        "POST",
        "/token",
        {
            "data": {
                "username": "ann",
                "password": "secret",
                "scope": "me  items",
                "grant_type": "password",
                "client_id": "c",
                "client_secret": "s",
            }
        },
    ),
    (
        "bad-grant",
        "POST",
        "/token",
        {"data": {"username": "a", "password": "b", "grant_type": "x"}},
    ),
    ("wrong-password", "POST", "/token", {"data": {"username": "a", "password": "b"}}),
    ("missing", "POST", "/token", {"data": {"username": "a"}}),
    ("strict-missing-grant", "POST", "/strict", {"data": {"username": "a", "password": "b"}}),
    (
        "strict-ok",
        "POST",
        "/strict",
        {"data": {"username": "a", "password": "b", "grant_type": "password"}},
    ),
    ("me", "GET", "/me", {"headers": {"Authorization": "Bearer ann"}}),
]
