"""What every ecosystem app prints: the framework that served it and its observations.

`report(observations)` prints one JSON document on stdout: `observations` (masked:
UUIDs, JWTs) and `served_by`, "fastslim" when `fastapi` resolved to fastslim's alias
and no module of FastAPI's own distribution was loaded, else "fastapi".
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import httpx

__all__ = ("observe", "report")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_JWT = re.compile(r"eyJ[\w.-]+")


def observe(response: httpx.Response, *headers: str) -> list[Any]:
    """Status, content type, the named headers and the body (JSON if it is, else text
    with runs of white space folded)."""
    try:
        body: Any = response.json()
    except ValueError:
        body = re.sub(r"\s+", " ", response.text)
    return [
        response.status_code,
        response.headers.get("content-type"),
        {name: response.headers.get(name) for name in headers},
        body,
    ]


def _served_by() -> str:
    fastapi = sys.modules.get("fastapi")
    origin = getattr(fastapi, "__file__", "") or ""
    if "fastslim" not in origin:
        return "fastapi"
    own = [
        name
        for name, module in list(sys.modules.items())
        if name.split(".")[0] == "fastapi"
        and "fastslim" not in (getattr(module, "__file__", "") or "fastslim")
    ]
    return f"fastapi's own modules loaded: {own}" if own else "fastslim"


def report(observations: dict[str, Any]) -> None:
    text = json.dumps(observations, indent=1, default=str)
    text = _JWT.sub("<jwt>", _UUID.sub("<uuid>", text))
    print(json.dumps({"served_by": _served_by(), "observations": json.loads(text)}))
