"""Body models with validators, extra="forbid", strict fields: the error shapes."""

from typing import Annotated

from fastapi import FastAPI
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)


def even(value: int) -> int:
    if value % 2:
        raise ValueError(f"{value} is odd")
    return value


class Signup(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, pattern=r"^[a-z]+$")
    password: str
    password2: str
    age: Annotated[int, AfterValidator(even)] = 18
    strict_count: int = Field(0, strict=True)

    @field_validator("username")
    @classmethod
    def not_admin(cls, value: str) -> str:
        if value == "admin":
            raise ValueError("admin is reserved")
        return value

    @model_validator(mode="after")
    def passwords_match(self) -> "Signup":
        if self.password != self.password2:
            raise ValueError("passwords do not match")
        return self


app = FastAPI()


@app.post("/signup")
def signup(data: Signup) -> dict[str, object]:
    return {"username": data.username, "age": data.age}


GOOD = {"username": "ada", "password": "p", "password2": "p"}

CASES = [
    ("ok", "POST", "/signup", {"json": GOOD}),
    (
        "extra",
        "POST",
        "/signup",
        {"json": {"username": "ada", "password": "p", "password2": "p", "x": 1}},
    ),
    (
        "short-and-pattern",
        "POST",
        "/signup",
        {"json": {"username": "A1", "password": "p", "password2": "p"}},
    ),
    (
        "reserved",
        "POST",
        "/signup",
        {"json": {"username": "admin", "password": "p", "password2": "p"}},
    ),
    (
        "mismatch",
        "POST",
        "/signup",
        {"json": {"username": "ada", "password": "p", "password2": "q"}},
    ),
    (
        "odd-age",
        "POST",
        "/signup",
        {"json": {"username": "ada", "password": "p", "password2": "p", "age": 3}},
    ),
    (
        "strict",
        "POST",
        "/signup",
        {"json": {"username": "ada", "password": "p", "password2": "p", "strict_count": "1"}},
    ),
    ("everything-wrong", "POST", "/signup", {"json": {"username": 5, "age": "x", "y": None}}),
]
