"""Optional and union form models, and a form model next to single form fields."""

from typing import Annotated, Literal

from fastapi import FastAPI, Form
from pydantic import BaseModel


class Card(BaseModel):
    kind: Literal["card"]
    number: str


class Transfer(BaseModel):
    kind: Literal["transfer"]
    iban: str


class Address(BaseModel):
    street: str
    city: str = "Paris"


app = FastAPI()


@app.post("/optional")
def optional(address: Annotated[Address | None, Form()] = None) -> Address | None:
    return address


@app.post("/optional-required")
def optional_required(address: Annotated[Address | None, Form()]) -> Address | None:
    return address


class Tags(BaseModel):
    tags: list[str] = []
    name: str = "-"


@app.post("/lists")
def lists(
    model: Annotated[Tags, Form()],
    words: Annotated[list[str], Form()] = [],  # noqa: B006
) -> dict[str, object]:
    return {"model": model, "words": words}


@app.post("/union")
def union(payment: Annotated[Card | Transfer, Form()]) -> Card | Transfer:
    return payment


@app.post("/mixed")
def mixed(
    address: Annotated[Address, Form()], note: Annotated[str, Form()] = "-"
) -> dict[str, object]:
    return {"address": address, "note": note}


@app.post("/sync-upload")
def sync_upload(
    name: Annotated[str, Form()], count: Annotated[list[int], Form()]
) -> dict[str, object]:
    return {"name": name, "count": count}


CASES = [
    ("optional-absent", "POST", "/optional"),
    ("optional-other-keys", "POST", "/optional", {"data": {"other": "x"}}),
    ("optional-present", "POST", "/optional", {"data": {"street": "Main"}}),
    ("optional-partial", "POST", "/optional", {"data": {"city": "Lyon"}}),
    ("optional-required-absent", "POST", "/optional-required"),
    ("optional-required-present", "POST", "/optional-required", {"data": {"street": "s"}}),
    (
        "lists-empty-strings",
        "POST",
        "/lists",
        {"data": {"tags": ["", "a"], "words": ["", "b"], "name": ""}},
    ),
    ("lists-only-empty", "POST", "/lists", {"data": {"tags": "", "words": ""}}),
    ("union-card", "POST", "/union", {"data": {"kind": "card", "number": "4242"}}),
    ("union-transfer", "POST", "/union", {"data": {"kind": "transfer", "iban": "FR76"}}),
    ("union-invalid", "POST", "/union", {"data": {"kind": "cash"}}),
    ("mixed", "POST", "/mixed", {"data": {"street": "Main", "note": "n"}}),
    ("mixed-missing", "POST", "/mixed", {"data": {"note": "n"}}),
    (
        "list-int-errors",
        "POST",
        "/sync-upload",
        {"data": {"name": "n", "count": ["1", "x", "3", "y"]}},
    ),
    ("list-empty-items", "POST", "/sync-upload", {"data": {"name": "n", "count": ["", "2", ""]}}),
]
