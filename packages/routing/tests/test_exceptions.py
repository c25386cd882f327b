"""The exceptions: constructors, `errors()`, `body`, `str()` and the endpoint context."""

from __future__ import annotations

import functools
import inspect
from types import MappingProxyType
from typing import Any

import pytest
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.exceptions import WebSocketException as StarletteWebSocketException

import fastslim_di
from fastslim_routing.exceptions import (
    DependencyScopeError,
    EndpointContext,
    FastAPIDeprecationWarning,
    FastAPIError,
    HTTPException,
    PydanticV1NotSupportedError,
    RequestErrorModel,
    RequestValidationError,
    ResponseValidationError,
    ValidationException,
    WebSocketErrorModel,
    WebSocketException,
    WebSocketRequestValidationError,
    endpoint_context,
)

MISSING = {"type": "missing", "loc": ("query", "q"), "msg": "Field required", "input": None}
BAD_INT = {"type": "int_parsing", "loc": ("path", "id"), "msg": "Not an int", "input": "x"}
CONTEXT: EndpointContext = {
    "file": "/app/main.py",
    "line": 12,
    "function": "read_item",
    "path": "GET /items/{id}",
}


def test_http_exception_defaults_to_the_status_phrase() -> None:
    exc = HTTPException(404)
    assert isinstance(exc, StarletteHTTPException)
    assert (exc.status_code, exc.detail, exc.headers) == (404, "Not Found", None)
    assert str(exc) == "404: Not Found"
    assert repr(exc) == "HTTPException(status_code=404, detail='Not Found')"
    assert exc.args == (404,)
    assert HTTPException(799).detail == ""


def test_http_exception_keeps_any_detail_and_any_mapping_of_headers() -> None:
    headers = MappingProxyType({"X-Error": "1"})
    exc = HTTPException(400, detail={"a": [1]}, headers=headers)
    assert exc.detail == {"a": [1]}
    assert exc.headers is headers
    assert str(exc) == "400: {'a': [1]}"


def test_websocket_exception() -> None:
    exc = WebSocketException(1008)
    assert isinstance(exc, StarletteWebSocketException)
    assert (exc.code, exc.reason) == (1008, "")
    assert repr(WebSocketException(1008, "bad")) == "WebSocketException(code=1008, reason='bad')"


def test_error_hierarchy() -> None:
    assert issubclass(FastAPIError, RuntimeError)
    assert issubclass(DependencyScopeError, FastAPIError)
    assert issubclass(DependencyScopeError, fastslim_di.DependencyScopeError)
    assert issubclass(PydanticV1NotSupportedError, FastAPIError)
    assert issubclass(FastAPIDeprecationWarning, UserWarning)
    for cls in (RequestValidationError, WebSocketRequestValidationError, ResponseValidationError):
        assert issubclass(cls, ValidationException)
    assert RequestErrorModel.__name__ == "Request"
    assert WebSocketErrorModel.__name__ == "WebSocket"
    assert RequestErrorModel.model_fields == {}


def test_constructor_signatures() -> None:
    assert str(inspect.signature(ValidationException)) == (
        "(errors: 'Sequence[Any]', *, endpoint_ctx: 'EndpointContext | None' = None) -> 'None'"
    )
    for cls in (RequestValidationError, ResponseValidationError):
        assert list(inspect.signature(cls).parameters) == ["errors", "body", "endpoint_ctx"]
    assert list(inspect.signature(WebSocketRequestValidationError).parameters) == [
        "errors",
        "endpoint_ctx",
    ]


def test_errors_returns_the_given_sequence_and_body_is_kept() -> None:
    errors = ({"a": 1},)
    exc = RequestValidationError(errors, body=b"raw")
    assert exc.errors() is errors
    assert exc.body == b"raw"
    assert exc.args == (errors,)
    assert ResponseValidationError([], body={"x": 1}).body == {"x": 1}
    assert RequestValidationError([]).body is None
    assert not hasattr(WebSocketRequestValidationError([]), "body")


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([], "0 validation errors:"),
        ([MISSING], f"1 validation error:\n  {MISSING}"),
        ([MISSING, BAD_INT], f"2 validation errors:\n  {MISSING}\n  {BAD_INT}"),
        (["plain", 3], "2 validation errors:\n  plain\n  3"),
    ],
)
def test_str_without_context(errors: list[Any], expected: str) -> None:
    for cls in (ValidationException, WebSocketRequestValidationError):
        assert str(cls(errors)) == expected
    for body_cls in (RequestValidationError, ResponseValidationError):
        assert str(body_cls(errors, body=1)) == expected


def test_str_with_a_full_context() -> None:
    exc = ResponseValidationError([MISSING], body="x", endpoint_ctx=CONTEXT)
    assert str(exc) == (
        f"1 validation error:\n  {MISSING}\n\n"
        '  File "/app/main.py", line 12, in read_item\n    GET /items/{id}'
    )


@pytest.mark.parametrize(
    ("context", "suffix"),
    [
        ({"path": "GET /"}, "\n\n  Endpoint: GET /"),
        ({"function": "f", "path": "GET /"}, "\n\n  Endpoint: GET /"),
        ({"file": "x.py", "line": 3, "path": "GET /"}, "\n\n  Endpoint: GET /"),
        ({"file": "x.py", "line": 3, "function": "f"}, '\n\n  File "x.py", line 3, in f'),
        ({"file": "x.py", "line": 0, "function": "f", "path": "GET /"}, "\n\n  Endpoint: GET /"),
        (
            {"file": "x.py", "line": 3, "function": "f", "path": ""},
            '\n\n  File "x.py", line 3, in f',
        ),
        ({"file": "x.py", "line": 3}, ""),
        ({}, ""),
    ],
)
def test_str_with_a_partial_context(context: EndpointContext, suffix: str) -> None:
    assert str(ValidationException([], endpoint_ctx=context)) == "0 validation errors:" + suffix


def test_context_attributes() -> None:
    exc = RequestValidationError([], endpoint_ctx=CONTEXT)
    assert exc.endpoint_ctx is CONTEXT
    assert (exc.endpoint_file, exc.endpoint_line) == ("/app/main.py", 12)
    assert (exc.endpoint_function, exc.endpoint_path) == ("read_item", "GET /items/{id}")
    bare = RequestValidationError([])
    assert bare.endpoint_ctx is None
    assert (bare.endpoint_file, bare.endpoint_line, bare.endpoint_function) == (None, None, None)
    assert bare.endpoint_path is None
    partial = WebSocketRequestValidationError([], endpoint_ctx={"path": "WS /ws"})
    assert (partial.endpoint_path, partial.endpoint_file) == ("WS /ws", None)


def plain_endpoint(q: int) -> int:
    return q


def _decorator(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@_decorator
def decorated_endpoint(q: int) -> int:
    return q


class Endpoints:
    def method(self, q: int) -> int:
        return q

    def __call__(self, q: int) -> int:
        return q


def test_endpoint_context_of_a_function() -> None:
    context = endpoint_context(plain_endpoint, "GET /items/{id}")
    assert context == {
        "file": __file__,
        "line": plain_endpoint.__code__.co_firstlineno,
        "function": "plain_endpoint",
        "path": "GET /items/{id}",
    }
    assert list(context) == ["file", "line", "function", "path"]


def test_endpoint_context_sees_through_wrappers_and_methods() -> None:
    decorated = endpoint_context(decorated_endpoint, "GET /d")
    assert decorated.get("function") == "decorated_endpoint"
    # The first line of a decorated function is the line of its first decorator.
    line = inspect.getsourcelines(decorated_endpoint)[1]
    assert decorated.get("line") == line
    assert decorated.get("file") == __file__
    method = endpoint_context(Endpoints().method, "POST /m")
    assert (method.get("function"), method.get("path")) == ("method", "POST /m")


@pytest.mark.parametrize(
    "func",
    [functools.partial(plain_endpoint, q=1), Endpoints(), len],
    ids=["partial", "callable-instance", "builtin"],
)
def test_endpoint_context_has_only_the_path_without_a_plain_function(func: Any) -> None:
    # As FastAPI: partials and callable instances carry no source location.
    assert endpoint_context(func, "GET /x") == {"path": "GET /x"}


def test_endpoint_context_without_a_source_file() -> None:
    namespace: dict[str, Any] = {}
    exec("def generated(q):\n    return q\n", namespace)
    assert endpoint_context(namespace["generated"], "WS /ws") == {"path": "WS /ws"}


def test_endpoint_context_of_an_unhashable_callable() -> None:
    class Unhashable:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self) -> None:
            pass

    assert endpoint_context(Unhashable(), "GET /u") == {"path": "GET /u"}
