"""Read a JSON request body once and validate it for every body slot of a route.

FastAPI's rules (FastAPI docs: Request Body, Body - Multiple Parameters; and
FASTAPI-FACTS section 1): one body parameter not embedded receives the whole
body; several (or `Body(embed=True)`) each read their key of a JSON object. A
body is parsed as JSON only when its Content-Type is JSON (`application/json`,
`application/*+json`), or missing while `strict_content_type` is off; otherwise
its raw bytes are validated. Valid JSON is validated straight from bytes by
pydantic-core; errors are produced the way FastAPI produces them (the standard
library's JSON errors, `from_attributes` validation).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, NoReturn

from pydantic import AliasChoices, Field, TypeAdapter, ValidationError
from pydantic_core import PydanticUndefined, from_json
from starlette.exceptions import HTTPException

from ._body_limit import limit_errors, limit_in_force
from ._spec import LOCATION_RANK, ParamSpec
from ._validator import ErrorKey, KeyedError, field_definition, make_model

BodyResult = tuple[dict[str, Any], dict[str, list[KeyedError]] | None, Any]
"""({slot: value}, {slot: errors} or None, the parsed body for error reports)."""


def is_json_content_type(content_type: str) -> bool:
    """`application/json` or `application/<x>+json`, case-insensitive, parameters ignored."""
    media = content_type.partition(";")[0].strip().lower()
    maintype, _, subtype = media.partition("/")
    return maintype == "application" and (subtype == "json" or subtype.endswith("+json"))


def body_parse_error() -> HTTPException:
    """FastAPI's 400 for a body that cannot be read or decoded (a client gone mid-body too)."""
    return HTTPException(status_code=400, detail="There was an error parsing the body")


def raise_body_read_error(exc: Exception, scope: Mapping[str, Any]) -> NoReturn:
    """Raise what `exc`, raised while reading the body, becomes (`body_read_error`)."""
    failure = body_read_error(exc, scope)
    if failure is exc:
        raise exc
    raise failure from None


def body_read_error(exc: Exception, scope: Mapping[str, Any]) -> Exception:
    """What a failure to read the request body (bytes, JSON or a form) becomes, as in
    FastAPI 0.165: an `HTTPException` stays as it is (the body limit's 413 among them);
    a group made only of the body limit's errors, when a limit is in force, is that 413;
    anything else is FastAPI's 400 `There was an error parsing the body` (a client gone,
    an I/O error, any other group)."""
    if isinstance(exc, HTTPException):
        return exc
    if limit_in_force(scope):
        errors = limit_errors(exc)
        if errors and isinstance(errors[0], HTTPException):
            return errors[0]
    return body_parse_error()


def _json_loads(raw: bytes) -> tuple[Any, KeyedError | None]:
    """The parsed body, or (the body's text, FastAPI's `json_invalid` error).

    Raises the 400 `HTTPException` for bytes that are not text. pydantic-core's parser
    reads most bodies (2-3x faster, the same values); whatever it refuses (a BOM, lone
    surrogates, very deep nesting, invalid JSON) goes to the standard library's, which
    gives FastAPI's answer.
    """
    try:
        return from_json(raw), None
    except ValueError:
        pass
    try:
        return json.loads(raw), None
    except json.JSONDecodeError as exc:
        error = {
            "type": "json_invalid",
            "loc": ("body", exc.pos),
            "msg": "JSON decode error",
            "input": {},
            "ctx": {"error": exc.msg},
        }
        return exc.doc, ((0, 0, 0), error)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise body_parse_error() from None


class _Slot:
    __slots__ = ("adapter", "default", "key", "name", "required", "slot", "spec")

    def __init__(self, slot: str, spec: ParamSpec, key: ErrorKey) -> None:
        annotation, field = field_definition(spec)
        if field.discriminator is not None:
            annotation = Annotated[annotation, Field(discriminator=field.discriminator)]
        self.slot = slot
        self.spec = spec
        self.key = key
        self.name = spec.alias
        self.adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        self.required = spec.required
        self.default = field

    def default_value(self) -> Any:
        """The default of a body or form parameter not sent: its factory called once,
        and validated when declared with `validate_default=True` (pydantic's rule,
        as FastAPI applies it to every location)."""
        field = self.default
        if field.default_factory is not None:
            value = field.default_factory()  # type: ignore[call-arg]
        else:
            value = field.get_default(call_default_factory=False)
        if field.validate_default:
            return self.adapter.validate_python(value)
        return value

    def missing(self, loc: tuple[Any, ...]) -> KeyedError:
        error = {"type": "missing", "loc": loc, "msg": "Field required", "input": None}
        return self.key, error

    def check(self, value: Any, loc: tuple[Any, ...]) -> tuple[Any, list[KeyedError] | None]:
        try:
            return self.adapter.validate_python(value, from_attributes=True), None
        except ValidationError as exc:
            return None, [self._relocate(error, loc) for error in exc.errors(include_url=False)]

    def _relocate(self, error: Any, loc: tuple[Any, ...]) -> KeyedError:
        converted = {
            "type": error["type"],
            "loc": (*loc, *error["loc"]),
            "msg": error["msg"],
            "input": error["input"],
        }
        if "ctx" in error:
            converted["ctx"] = error["ctx"]
        return self.key, converted


class BodyReader:
    """Validates the body slots of a route from the request's bytes."""

    __slots__ = ("_embedded_model", "_slots", "embedded", "strict")

    def __init__(
        self,
        slots: Sequence[tuple[str, ParamSpec]],
        rank: Callable[[ParamSpec], int],
        *,
        strict: bool,
    ) -> None:
        self.strict = strict
        self._slots = [
            _Slot(slot, spec, (rank(spec), LOCATION_RANK[spec.location], spec.index))
            for slot, spec in slots
        ]
        # One body parameter declared again under its name (by a dependency) is the
        # same parameter: the body is embedded for two names or more (FastAPI's).
        names = {spec.alias for _, spec in slots}
        self.embedded = len(names) > 1 or any(spec.embed for _, spec in slots)
        self._embedded_model = None
        if self.embedded:
            fields = {}
            for slot, spec in slots:
                alias: Any = AliasChoices(*spec.keys) if len(spec.keys) > 1 else spec.alias
                fields[slot] = field_definition(spec, alias=alias)
            model = make_model("EmbeddedBody", fields)
            self._embedded_model = model.__pydantic_validator__.validate_python

    def is_json(self, content_type: str | None) -> bool:
        if not content_type:
            return not self.strict
        return is_json_content_type(content_type)

    def __call__(self, raw: bytes, content_type: str | None) -> BodyResult:
        as_json = bool(raw) and self.is_json(content_type)
        if self.embedded:
            return self._embedded(raw, as_json)
        return self._single(raw, as_json)

    def _single(self, raw: bytes, as_json: bool) -> BodyResult:
        result = self._single_slot(self._slots[0], raw, as_json)
        if len(self._slots) == 1:
            return result
        values, errors, body = result
        found = dict(errors or {})
        if not found:  # the same parameter, declared again: each declaration its value
            for slot in self._slots[1:]:
                more, more_errors, _ = self._single_slot(slot, raw, as_json)
                values.update(more)
                found.update(more_errors or {})
        return values, found or None, body

    def _single_slot(self, slot: _Slot, raw: bytes, as_json: bool) -> BodyResult:
        if not raw:
            if slot.required:
                return {}, {slot.slot: [slot.missing(("body",))]}, None
            return {slot.slot: slot.default_value()}, None, None
        value: Any = raw
        if as_json:
            # Parsed by the standard library, then validated in Python mode, as FastAPI
            # does: strict fields, huge integers and JSON-or-Python types behave the same.
            value, error = _json_loads(raw)
            if error is not None:
                return {}, {slot.slot: [error]}, value
        checked, errors = slot.check(value, ("body",))
        if errors:
            return {}, {slot.slot: errors}, value
        return {slot.slot: checked}, None, value

    def _embedded(self, raw: bytes, as_json: bool) -> BodyResult:
        body: Any = None
        if as_json:
            body, error = _json_loads(raw)
            if error is not None:
                return {}, {self._slots[0].slot: [error]}, body
        elif raw:
            body = raw
        mapping = body if isinstance(body, dict) else {}
        # A JSON body that is not an object (`[1]`, `5`, `null`): every embedded
        # parameter is missing, optional ones too, as FastAPI reports it.
        none_sent = as_json and not isinstance(body, dict)
        if mapping and self._embedded_model is not None:
            try:
                return self._embedded_model(mapping, from_attributes=True).__dict__, None, body
            except ValidationError:
                pass  # each slot on its own: its errors, and the others' values
        values: dict[str, Any] = {}
        errors: dict[str, list[KeyedError]] = {}
        for slot in self._slots:
            name, value = slot.name, PydanticUndefined
            for key in slot.spec.keys:  # `AliasChoices`: the first key sent
                if key in mapping:
                    name, value = key, mapping[key]
                    break
            if value is PydanticUndefined:
                if slot.required or none_sent:
                    errors[slot.slot] = [slot.missing(("body", slot.name))]
                else:
                    values[slot.slot] = slot.default_value()
                continue
            checked, found = slot.check(value, ("body", name))
            if found:
                errors[slot.slot] = found
            else:
                values[slot.slot] = checked
        return values, errors or None, body
