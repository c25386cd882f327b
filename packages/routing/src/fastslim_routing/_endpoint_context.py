"""Where a validation error happened: the endpoint's source location and route.

FastAPI (0.124+) attaches an `EndpointContext` to request, WebSocket and response
validation errors. It is built only when an error happens: `endpoint_context()`
looks the source location up once per endpoint and caches it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypedDict

__all__ = ("EndpointContext", "endpoint_context", "format_endpoint_context")


class EndpointContext(TypedDict, total=False):
    """The endpoint a validation error belongs to, as FastAPI gives it.

    `file` (absolute path of the source file), `line` (first line of the
    definition, decorators included) and `function` (its `__name__`) are present
    only for a plain function or method whose source file exists; `path` is
    `"<METHOD> <route path>"` (`"WS /ws"` for a WebSocket route), the path being
    the route's full template including router prefixes.
    """

    function: str
    path: str
    file: str
    line: int


def _lookup_source(func: Callable[..., Any]) -> tuple[str, int, str] | None:
    """`(file, first line, name)` of a function (unwrapped), or None."""
    try:
        target: Any = inspect.unwrap(func)
    except ValueError:  # a __wrapped__ cycle
        return None
    if inspect.ismethod(target):
        target = target.__func__
    if not inspect.isfunction(target):
        return None  # functools.partial, callable instances, builtins: as FastAPI, no location
    try:
        file = inspect.getsourcefile(target)
    except TypeError:
        return None
    if file is None:  # defined by exec() or in a file that is gone
        return None
    return file, target.__code__.co_firstlineno, target.__name__


_cached_lookup = functools.lru_cache(maxsize=1024)(_lookup_source)


def _source_of(func: Callable[..., Any]) -> tuple[str, int, str] | None:
    try:
        return _cached_lookup(func)
    except TypeError:  # unhashable callable
        return _lookup_source(func)


def endpoint_context(func: Callable[..., Any], method_and_path: str) -> EndpointContext:
    """The context of a validation error in `func`, served as `method_and_path`.

    `method_and_path` is `"GET /items/{item_id}"` (the request's method and the
    route's full path template). Call it when the error happens: the source
    location is looked up then (once per endpoint, then cached). Never raises.
    """
    source = _source_of(func)
    if source is None:
        return {"path": method_and_path}
    file, line, name = source
    return {"file": file, "line": line, "function": name, "path": method_and_path}


def format_endpoint_context(context: EndpointContext | None) -> str:
    """The text FastAPI appends to `str(exc)` for `context` (empty without one).

    With a file, a line and a function: `\\n\\n  File "<file>", line <n>, in <function>`,
    then `\\n    <path>` when there is a path; with only a path: `\\n\\n  Endpoint: <path>`.
    """
    if not context:
        return ""
    file, line, function = context.get("file"), context.get("line"), context.get("function")
    path = context.get("path")
    if file and line and function:
        text = f'\n\n  File "{file}", line {line}, in {function}'
        return f"{text}\n    {path}" if path else text
    return f"\n\n  Endpoint: {path}" if path else ""
