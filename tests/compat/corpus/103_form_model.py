"""Form models: Annotated[Model, Form()], extra="forbid", list fields, aliases."""

from typing import Annotated

from fastapi import FastAPI, Form
from pydantic import BaseModel, ConfigDict, Field


class Login(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str
    password: str = Field(min_length=3)
    remember: bool = False
    scopes: list[str] = []


class Profile(BaseModel):
    first_name: str = Field(alias="first-name")
    age: int | None = None


app = FastAPI()


@app.post("/login")
def login(data: Annotated[Login, Form()]) -> Login:
    return data


@app.post("/profile")
def profile(data: Annotated[Profile, Form()], q: int = 0) -> dict[str, object]:
    return {"data": data.model_dump(), "q": q}


CASES = [
    (
        "valid",
        "POST",
        "/login",
        {"data": {"username": "u", "password": "pwd", "scopes": ["a", "b"]}},
    ),
    ("missing-and-extra", "POST", "/login", {"data": {"password": "pwd", "other": "9"}}),
    ("short-password", "POST", "/login", {"data": {"username": "u", "password": "p"}}),
    ("empty-strings", "POST", "/login", {"data": {"username": "", "password": ""}}),
    ("no-body", "POST", "/login"),
    (
        "multipart",
        "POST",
        "/login",
        {
            "data": {"username": "u", "password": "pwd", "remember": "on"},
            "files": {"z": ("z", b"")},
        },
    ),
    ("alias", "POST", "/profile", {"data": {"first-name": "Ada", "age": "36"}}),
    ("field-name", "POST", "/profile", {"data": {"first_name": "Ada"}}),
    (
        "query-and-body-errors",
        "POST",
        "/profile?q=z",
        {"data": {"first-name": "Ada", "age": "old"}},
    ),
]
