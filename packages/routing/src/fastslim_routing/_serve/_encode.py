"""The response serializer of a route, compiled once (FASTAPI-FACTS section 8).

- A response field (`response_model=` or the return annotation) and the default
  response class: the value is validated as it is (never dumped first), then
  pydantic-core writes JSON bytes straight into a plain `Response`
  (`application/json`).
- A response field and an explicit response class: validated, dumped to JSON
  types, then given to the class.
- No response field: `jsonable_encoder`, then the response class.
A value that fails validation raises `ResponseValidationError` (a 500, never
unfiltered data). A returned `Response` goes out as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from starlette.responses import JSONResponse, Response

from .._encoders import DEFAULT_OPTIONS, encode, encode_plain_dict, encoder_options
from ._json_response import FAST_JSON, json_response

BODILESS_STATUS = frozenset({204, 205, 304})

IncEx = set[int] | set[str] | dict[int, Any] | dict[str, Any] | None


def body_allowed(status_code: int | None) -> bool:
    """FastAPI's rule: no body for 1xx, 204, 205 and 304."""
    if status_code is None:
        return True
    return not (status_code < 200 or status_code in BODILESS_STATUS)


def response_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """Pydantic's errors as FastAPI's response errors (`loc` starts with "response")."""
    errors = []
    for error in exc.errors(include_url=False):
        converted = {
            "type": error["type"],
            "loc": ("response", *error["loc"]),
            "msg": error["msg"],
            "input": error["input"],
        }
        if "ctx" in error:
            converted["ctx"] = error["ctx"]
        errors.append(converted)
    return errors


@dataclass(frozen=True, slots=True)
class DumpOptions:
    """`response_model_*` options of a path operation."""

    include: IncEx = None
    exclude: IncEx = None
    by_alias: bool = True
    exclude_unset: bool = False
    exclude_defaults: bool = False
    exclude_none: bool = False


class ResponseEncoder:
    """Turns an endpoint's return value into a `Response`.

    `response_type` is the response field's type, or None for none. Raises the
    error made by `validation_error(errors, value)` when the value is invalid.
    """

    __slots__ = (
        "_adapter",
        "_dump",
        "_encoding",
        "_fast",
        "_json",
        "media_type",
        "options",
        "response_class",
        "status_code",
        "validation_error",
    )

    def __init__(
        self,
        response_type: Any,
        *,
        has_field: bool,
        response_class: type[Response],
        class_is_default: bool,
        status_code: int | None,
        options: DumpOptions,
        validation_error: Callable[[list[dict[str, Any]], Any], Exception],
    ) -> None:
        self._adapter: TypeAdapter[Any] | None = TypeAdapter(response_type) if has_field else None
        self._fast = has_field and class_is_default
        self.response_class = response_class
        self.media_type = "application/json"
        self.status_code = status_code
        self.options = options
        self.validation_error = validation_error
        self._dump: dict[str, Any] = {
            "include": options.include,
            "exclude": options.exclude,
            "by_alias": options.by_alias,
            "exclude_unset": options.exclude_unset,
            "exclude_defaults": options.exclude_defaults,
            "exclude_none": options.exclude_none,
        }
        self._encoding = encoder_options(**self._dump)
        self._json = response_class is JSONResponse and FAST_JSON

    def validate(self, value: Any) -> Any:
        adapter = self._adapter
        if adapter is None:
            return value
        try:
            return adapter.validate_python(value, from_attributes=True)
        except ValidationError as exc:
            raise self.validation_error(response_errors(exc), value) from None

    def __call__(self, value: Any, status_code: int | None) -> Response:
        """The response for `value`; `status_code` overrides the route's when set.

        Without either, the response class's own default status applies.
        """
        explicit = status_code or self.status_code
        status = explicit or 200
        adapter = self._adapter
        if self._fast and adapter is not None:
            validated = self.validate(value)
            body = b""
            if body_allowed(status):
                body = adapter.dump_json(validated, **self._dump)
            return Response(body, status_code=status, media_type=self.media_type)
        if adapter is not None:
            content = adapter.dump_python(self.validate(value), mode="json", **self._dump)
        else:
            # jsonable_encoder(value, **self._dump), a plain dict with the default options
            # straight to its loop
            if type(value) is dict and self._encoding is DEFAULT_OPTIONS:
                content = encode_plain_dict(value)
            else:
                content = encode(value, self._encoding)
        response: Response
        if self._json:  # JSONResponse itself, built without its frames
            response = json_response(content, status)
        elif explicit is None:
            response = self.response_class(content)
            status = response.status_code
        else:
            response = self.response_class(content, status_code=explicit)
        if status < 200 or status in BODILESS_STATUS:  # not body_allowed(status)
            response.body = b""
        return response


def is_json_response_class(response_class: type[Response]) -> bool:
    return issubclass(response_class, JSONResponse)
