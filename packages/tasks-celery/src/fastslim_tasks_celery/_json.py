"""Plain JSON values: what a task's arguments and result may be to cross processes.

Only the types JSON itself has, exactly: None, bool, int, float (finite), str,
list, and dict with str keys. A tuple, a datetime, a subclass (an enum member) or
a NaN would arrive as something else or not at all, so they are refused where
they are made, with the path to the value (RFC 8259 lists JSON's values).
"""

from __future__ import annotations

import math
from typing import Any

_SCALARS = (type(None), bool, int, str)
WHAT_JSON_IS = "null, bool, int, finite float, str, list, or dict with str keys"


def json_problem(value: Any, path: str) -> str | None:
    """None if `value` is plain JSON, else what is not, naming its place under
    `path` (`month`, `filters['since']`, `items[2]`)."""
    kind = type(value)
    if kind in _SCALARS:
        return None
    if kind is float:
        if math.isfinite(value):
            return None
        return f"{path} is {value!r}, a float JSON has no value for"
    if kind is list:
        for index, item in enumerate(value):
            problem = json_problem(item, f"{path}[{index}]")
            if problem is not None:
                return problem
        return None
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                return f"{path} has the key {key!r} ({type(key).__name__}): JSON keys are str"
            problem = json_problem(item, f"{path}[{key!r}]")
            if problem is not None:
                return problem
        return None
    return f"{path} is {_short(value)}, a {kind.__qualname__}"


def arguments_problem(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """None if every argument is plain JSON, else what is not (`argument 0` for a
    positional one, `argument month` for a keyword)."""
    for index, value in enumerate(args):
        problem = json_problem(value, f"argument {index}")
        if problem is not None:
            return problem
    for name, value in kwargs.items():
        problem = json_problem(value, f"argument {name}")
        if problem is not None:
            return problem
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
