"""The return annotation as the response model: models, lists, dicts, coercion, filtering."""

from fastapi import FastAPI
from pydantic import BaseModel


class User(BaseModel):
    name: str
    age: int


class UserWithPassword(User):
    password: str


app = FastAPI()


@app.get("/user")
def user() -> User:
    return UserWithPassword(name="a", age=3, password="secret")


@app.get("/user-dict")
def user_dict() -> User:
    return {"name": "b", "age": "4", "extra": 1}  # type: ignore[return-value]


@app.get("/users")
def users() -> list[User]:
    return [User(name="c", age=1), {"name": "d", "age": 2.0}]  # type: ignore[list-item]


@app.get("/mapping")
def mapping() -> dict[str, User]:
    return {"x": User(name="e", age=5)}


@app.get("/ints")
def ints() -> list[int]:
    return ["1", 2, 3.0]  # type: ignore[list-item]


@app.get("/override", response_model=None)
def override() -> User:
    return UserWithPassword(name="f", age=6, password="shown")


@app.get("/tuple")
def as_tuple() -> tuple[int, str]:
    return (1, "a")


@app.get("/optional")
def optional(empty: bool = False) -> User | None:
    return None if empty else User(name="g", age=7)


CASES = [
    ("subclass-filtered", "GET", "/user"),
    ("dict-coerced", "GET", "/user-dict"),
    ("list-mixed", "GET", "/users"),
    ("mapping", "GET", "/mapping"),
    ("ints-coerced", "GET", "/ints"),
    ("response-model-none", "GET", "/override"),
    ("tuple", "GET", "/tuple"),
    ("optional-none", "GET", "/optional?empty=1"),
    ("optional-value", "GET", "/optional"),
]
