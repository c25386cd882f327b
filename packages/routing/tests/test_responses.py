"""`fastslim_routing.responses`: Starlette's classes and the deprecated orjson/ujson ones."""

from __future__ import annotations

import datetime
import sys
import uuid
import warnings
from typing import Any

import pytest
import starlette.responses

from fastslim_routing import responses
from fastslim_routing.exceptions import FastAPIDeprecationWarning
from fastslim_routing.responses import JSONResponse, ORJSONResponse, UJSONResponse

STARLETTE_NAMES = (
    "FileResponse",
    "HTMLResponse",
    "JSONResponse",
    "PlainTextResponse",
    "RedirectResponse",
    "Response",
    "StreamingResponse",
)


def test_starlette_responses_are_reexported() -> None:
    for name in STARLETTE_NAMES:
        assert getattr(responses, name) is getattr(starlette.responses, name)
    assert set(responses.__all__) == {
        *STARLETTE_NAMES,
        "EventSourceResponse",
        "ORJSONResponse",
        "UJSONResponse",
    }


def make(cls: Any, content: Any, **kwargs: Any) -> Any:
    with pytest.warns(FastAPIDeprecationWarning, match=f"^{cls.__name__} is deprecated"):
        return cls(content, **kwargs)


def test_orjson_response() -> None:
    pytest.importorskip("orjson")  # installed by the test session: the real rendering
    response = make(ORJSONResponse, {"é": [1.5, float("nan")], 1: None, None: 2})
    assert response.body == '{"é":[1.5,null],"1":null,"null":2}'.encode()
    assert response.headers["content-type"] == "application/json"
    assert isinstance(response, JSONResponse)
    moment = datetime.datetime(2020, 1, 1, 2, 3, 4)
    assert make(ORJSONResponse, [moment, uuid.UUID(int=1)]).body == (
        b'["2020-01-01T02:03:04","00000000-0000-0000-0000-000000000001"]'
    )
    custom = make(ORJSONResponse, None, status_code=201, media_type="application/x")
    assert (custom.status_code, custom.body, custom.media_type) == (201, b"null", "application/x")


def test_ujson_response() -> None:
    pytest.importorskip("ujson")  # installed by the test session: the real rendering
    response = make(UJSONResponse, {"é": [1.5, float("inf")], "t": (1, 2)})
    assert response.body == '{"é":[1.5,Infinity],"t":[1,2]}'.encode()
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize(("cls", "module"), [(ORJSONResponse, "orjson"), (UJSONResponse, "ujson")])
def test_a_missing_package_is_named(cls: Any, module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import of it fails
    responses._optional_module.cache_clear()
    try:
        with pytest.raises(ImportError, match=f"{module} must be installed to use {cls.__name__}"):
            make(cls, {"a": 1})
    finally:
        responses._optional_module.cache_clear()


def test_subclassing_a_deprecated_response_warns() -> None:
    with pytest.warns(FastAPIDeprecationWarning, match="^ORJSONResponse is deprecated"):

        class Mine(ORJSONResponse):
            pass


def test_importing_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from fastslim_routing.responses import UJSONResponse as Again

    assert Again is UJSONResponse
