"""`json_response` builds what `JSONResponse(content, status_code=...)` builds."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from starlette.responses import JSONResponse

from fastslim_routing._serve._json_response import FAST_JSON, json_response

VALUES: list[Any] = [
    {"message": "Hello World"},
    [],
    None,
    'ünïcode \u2028 "quoted" \\ /',
    {"nested": {"list": [1, -2, 3.25, 1e-7, 12345678901234567890, True, False, None]}},
    {"": 0, "1": [{}]},
]


def test_this_starlette_is_supported() -> None:
    assert FAST_JSON


@pytest.mark.parametrize("status", [200, 201, 204, 304, 404])
@pytest.mark.parametrize("value", VALUES)
def test_same_response(value: Any, status: int) -> None:
    ours = json_response(value, status)
    theirs = JSONResponse(value, status_code=status)
    assert type(ours) is JSONResponse
    assert vars(ours) == vars(theirs)


@pytest.mark.parametrize("value", [math.nan, {"x": math.inf}, {"x": object()}])
def test_same_errors(value: Any) -> None:
    with pytest.raises((ValueError, TypeError)) as theirs:
        JSONResponse(value)
    with pytest.raises(type(theirs.value)) as ours:
        json_response(value, 200)
    assert str(ours.value) == str(theirs.value)


def test_a_replaced_json_dumps_or_render_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    # FastAPI's explicit response_class=JSONResponse renders through Starlette's render()
    # and json.dumps: a replacement of either runs.
    calls: list[Any] = []
    real = json.dumps

    def recording(*args: Any, **kwargs: Any) -> str:
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(json, "dumps", recording)
    assert json_response({"a": 1}, 200).body == b'{"a":1}'
    assert calls == [{"a": 1}]
