"""Constraints on the items of sequence parameters and on response items."""

from typing import Annotated

from fastapi import FastAPI, Header, Query
from pydantic import Field, StringConstraints

app = FastAPI()
Short = Annotated[str, StringConstraints(max_length=2, to_lower=True)]
Positive = Annotated[int, Field(gt=0)]


@app.get("/tags")
def tags(tag: Annotated[list[Short], Query()] = []) -> list[str]:  # noqa: B006
    return tag


@app.get("/numbers")
def numbers(n: Annotated[list[Positive], Query(max_length=3)]) -> list[int]:
    return n


@app.get("/header-alias")
def header_alias(v: Annotated[list[int], Header(alias="X-Custom_Name")] = []) -> list[int]:  # noqa: B006
    return v


@app.get("/positive-response")
def positive_response(values: Annotated[list[int], Query()]) -> list[Positive]:
    return values


CASES = [
    ("tags", "GET", "/tags?tag=AB&tag=c"),
    ("tags-long", "GET", "/tags?tag=abc&tag=x&tag=defg"),
    ("numbers", "GET", "/numbers?n=1&n=2"),
    ("numbers-bad-items", "GET", "/numbers?n=0&n=x"),
    ("numbers-too-many", "GET", "/numbers?n=1&n=2&n=3&n=4"),
    (
        "header-alias",
        "GET",
        "/header-alias",
        {"headers": [("X-Custom_Name", "1"), ("X-Custom_Name", "2")]},
    ),
    ("header-alias-hyphen", "GET", "/header-alias", {"headers": {"X-Custom-Name": "1"}}),
    ("positive-response", "GET", "/positive-response?values=1&values=2"),
    ("positive-response-bad", "GET", "/positive-response?values=1&values=0"),
    ("positive-response-bad-raises", "GET", "/positive-response?values=-1", {"raises": True}),
]
