"""`JSONResponse(content, status_code)` without its four frames, for the default class.

Starlette's `JSONResponse.__init__` goes through `Response.__init__`, `render()` and
`json.dumps()`, which builds a `JSONEncoder` for its non-default arguments on every
call. `json_response` builds the same object (status, no background, the same
body bytes, `init_headers()`) with one encoder made once. It is used only for
`JSONResponse` itself (never a subclass, whose `render()` may differ), and only
when this Starlette's `JSONResponse.render` gives the same bytes on a probe that
exercises its options (non-ASCII text kept, separators, nesting, floats):
`FAST_JSON` tells.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse

_ENCODE = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
).encode
_NEW = object.__new__

_PROBE = {"é": [1, 2.5, -0.0, 1e16, None, True, 'a\u2028b"\\'], "k": {"n": []}}


_DUMPS = json.dumps
_RENDER = JSONResponse.render


def json_response(content: Any, status_code: int) -> JSONResponse:
    """`JSONResponse(content, status_code=status_code)`; raises what it raises for
    content JSON cannot carry (`ValueError` for NaN, `TypeError`). Once
    `JSONResponse.render` or `json.dumps` is replaced (a patch, an app customizing
    Starlette), the response is Starlette's own, so the replacement runs (FastAPI's
    explicit `response_class=JSONResponse` renders through them)."""
    if json.dumps is not _DUMPS or JSONResponse.render is not _RENDER:
        return JSONResponse(content, status_code=status_code)
    response: JSONResponse = _NEW(JSONResponse)
    response.status_code = status_code
    response.background = None
    response.body = _ENCODE(content).encode("utf-8")
    response.init_headers(None)
    return response


def _same_as_starlette() -> bool:
    try:
        ours = json_response(_PROBE, 201)
        theirs = JSONResponse(_PROBE, status_code=201)
    except Exception:  # pragma: no cover - a Starlette whose JSONResponse changed
        return False
    return vars(ours) == vars(theirs)


FAST_JSON = _same_as_starlette()
"""Whether `json_response` stands for `JSONResponse` with this Starlette."""
