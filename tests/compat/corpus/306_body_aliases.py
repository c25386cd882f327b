"""Body parameters with alias, validation_alias and AliasChoices; model fields with choices."""

from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import AliasChoices, BaseModel, Field


class User(BaseModel):
    name: str = Field(validation_alias=AliasChoices("name", "username", "login"))


app = FastAPI()


@app.post("/embedded")
def embedded(
    count: Annotated[int, Body(validation_alias=AliasChoices("count", "n"))],
    label: Annotated[str, Body(alias="the-label")] = "-",
) -> list[object]:
    return [count, label]


@app.post("/user")
def user(u: User) -> str:
    return u.name


CASES = [
    ("embedded-first", "POST", "/embedded", {"json": {"count": 1, "the-label": "l"}}),
    ("embedded-second", "POST", "/embedded", {"json": {"n": 2}}),
    ("embedded-bad-second", "POST", "/embedded", {"json": {"n": "x"}}),
    ("embedded-missing", "POST", "/embedded", {"json": {"label": "by name"}}),
    ("user-login", "POST", "/user", {"json": {"login": "ada"}}),
    ("user-missing", "POST", "/user", {"json": {"user": "ada"}}),
]
