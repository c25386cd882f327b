"""`fastslim.responses`, as `fastapi.responses`: Starlette's responses, `EventSourceResponse`
(server-sent events) and two deprecated ones.

`ORJSONResponse` and `UJSONResponse` need the optional `orjson` / `ujson`
packages (imported when the first response renders). As in FastAPI 0.165 they
are deprecated: creating or subclassing one warns with `FastAPIDeprecationWarning`.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import Any

from starlette.responses import FileResponse as FileResponse
from starlette.responses import HTMLResponse as HTMLResponse
from starlette.responses import JSONResponse as JSONResponse
from starlette.responses import PlainTextResponse as PlainTextResponse
from starlette.responses import RedirectResponse as RedirectResponse
from starlette.responses import Response as Response
from starlette.responses import StreamingResponse as StreamingResponse
from typing_extensions import deprecated

from .exceptions import FastAPIDeprecationWarning
from .sse import EventSourceResponse as EventSourceResponse

__all__ = (
    "EventSourceResponse",
    "FileResponse",
    "HTMLResponse",
    "JSONResponse",
    "ORJSONResponse",
    "PlainTextResponse",
    "RedirectResponse",
    "Response",
    "StreamingResponse",
    "UJSONResponse",
)

_DEPRECATION = (
    "{name} is deprecated, FastAPI now serializes data directly to JSON bytes via Pydantic "
    "when a return type or response model is set, which is faster and doesn't need a custom "
    "response class. Read more in the FastAPI docs: "
    "https://fastapi.tiangolo.com/advanced/custom-response/#orjson-or-response-model "
    "and https://fastapi.tiangolo.com/tutorial/response-model/"
)


@functools.cache
def _optional_module(name: str, response_class: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ImportError(
            f"{name} must be installed to use {response_class}: pip install {name}"
        ) from None


@deprecated(_DEPRECATION.format(name="ORJSONResponse"), category=FastAPIDeprecationWarning)
class ORJSONResponse(JSONResponse):
    """JSON rendered by `orjson` (non-string keys allowed, NaN and infinities as null).

    Deprecated: a return type or `response_model` is serialized faster by Pydantic.
    Raises ImportError naming the package when `orjson` is not installed.
    """

    def render(self, content: Any) -> bytes:
        orjson = _optional_module("orjson", "ORJSONResponse")
        option = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
        rendered: bytes = orjson.dumps(content, option=option)
        return rendered


@deprecated(_DEPRECATION.format(name="UJSONResponse"), category=FastAPIDeprecationWarning)
class UJSONResponse(JSONResponse):
    """JSON rendered by `ujson` (UTF-8, not ASCII-escaped).

    Deprecated: a return type or `response_model` is serialized faster by Pydantic.
    Raises ImportError naming the package when `ujson` is not installed.
    """

    def render(self, content: Any) -> bytes:
        ujson = _optional_module("ujson", "UJSONResponse")
        text: str = ujson.dumps(content, ensure_ascii=False)
        return text.encode("utf-8")
