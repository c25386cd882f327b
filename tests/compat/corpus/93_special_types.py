"""Special pydantic types as parameters: URLs, IP addresses, paths, constrained numbers."""

import ipaddress
from decimal import Decimal
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, HttpUrl, SecretStr, StringConstraints

app = FastAPI()
Code = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=2)]


class Link(BaseModel):
    url: HttpUrl
    price: Decimal = Field(max_digits=5, decimal_places=2)
    secret: SecretStr


@app.get("/ip")
def ip(addr: ipaddress.IPv4Address, net: ipaddress.IPv4Network | None = None) -> list[object]:
    return [addr, net]


@app.get("/path")
def path(p: Path) -> str:
    return str(p)


@app.get("/code")
def code(c: Annotated[Code, Query()]) -> str:
    return c


@app.post("/link")
def link(l_: Link) -> Link:
    return l_


CASES = [
    ("ip", "GET", "/ip?addr=10.0.0.1&net=10.0.0.0/8"),
    ("ip-bad", "GET", "/ip?addr=999.1.1.1&net=10.0.0.1/8"),
    ("path", "GET", "/path?p=/a/../b"),
    ("code", "GET", "/code?c=%20ab%20"),
    ("code-short", "GET", "/code?c=%20a%20"),
    (
        "link",
        "POST",
        "/link",
        {"json": {"url": "https://example.com/x?y=1", "price": "12.30", "secret": "s"}},
    ),
    ("link-bad", "POST", "/link", {"json": {"url": "ftp://x", "price": "1234.567", "secret": 5}}),
]
