"""Raw values per location, read only for the locations a route uses (the hot path).

`Extractor(slots)` is built once per route from its non-body slots; calling it
with a request returns `{slot name: raw value}` with only the keys present, so
pydantic applies defaults and reports missing values. A query key repeated
(`?q=1&q=2`) gives its last value, a header its first, as FastAPI does; a
sequence parameter gets every value; a parameter model gets the whole location
as a dict (a repeated key none of its fields declares: the list of its values).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from starlette.requests import HTTPConnection

from ._query import Query
from ._spec import (
    COOKIE,
    HEADER,
    PATH,
    QUERY,
    ParamSpec,
    is_nullable,
    is_scalar_sequence,
    model_field_keys,
    model_of,
)

MATCHED = "__matched_keys__"
"""Key of the extracted dict holding {slot: key} for slots read with alias choices
(their errors name the key that was read); pydantic ignores it."""

# (slot, key, kind): kind 0 = one value, 1 = every value, 2 = the whole location,
# 3 = the first of several keys (`key` is then a tuple of keys), 4 = every value of
# the first of several keys sent.
_Entry = tuple[str, Any, int]


def _entries(slots: Sequence[tuple[str, ParamSpec]], location: str) -> tuple[_Entry, ...]:
    found: list[_Entry] = []
    for slot, spec in slots:
        if spec.location != location:
            continue
        key = spec.alias.lower() if location == HEADER else spec.alias
        kind = 2 if spec.is_model else 1 if spec.is_sequence else 0
        if kind in (0, 1) and len(spec.keys) > 1:
            found.append((slot, spec.keys, 3 if kind == 0 else 4))
        else:
            found.append((slot, key, kind))
    return tuple(found)


class _ModelKeys(NamedTuple):
    """How a parameter model slot reads its location (see `model_field_keys`)."""

    fields: tuple[tuple[str, ...], ...]
    """Each field's request keys, in choice order; the fields in declaration order
    (read first, as FastAPI). Only a field's first key sent is read for it."""
    sequences: frozenset[str]
    """The request keys taking every value (list fields, `AliasPath` keys)."""
    rename: dict[str, str]
    """Request key -> the key pydantic reads (`save-data` -> `save_data`)."""
    may_be_absent: bool
    """Optional or `Model | None`: absent when none of its keys was sent."""
    blocked: frozenset[str]
    """Keys pydantic reads that only a renamed request key may give (a header model
    ignores `save_data` sent literally: it reads `save-data`)."""
    any_key: bool
    """`extra="allow"` or `"forbid"`: any key of the location makes the model present."""


def _model_keys(slots: Sequence[tuple[str, ParamSpec]]) -> dict[str, _ModelKeys]:
    """The `_ModelKeys` of each parameter model slot."""
    keys: dict[str, _ModelKeys] = {}
    for slot, spec in slots:
        if not spec.is_model:
            continue
        fields: list[tuple[str, ...]] = []
        sequences = set()
        rename: dict[str, str] = {}
        pydantic_keys: set[str] = set()
        for field in model_field_keys(spec):
            sequence = is_scalar_sequence(field.field.annotation)
            for choice, key in zip(field.choices, field.wire, strict=True):
                pydantic_keys.add(choice)
                if key != choice:
                    rename[key] = choice
                if sequence or choice in field.paths:
                    sequences.add(key)
            fields.append(field.wire)
        extra = model_of(spec.annotation).model_config.get("extra")
        wire = {key for field_keys in fields for key in field_keys}
        keys[slot] = _ModelKeys(
            tuple(fields),
            frozenset(sequences),
            rename,
            not spec.required or is_nullable(spec.annotation),
            frozenset(pydantic_keys - wire),
            extra in ("allow", "forbid"),
        )
    return keys


class Extractor:
    """Reads a route's raw path, query, header and cookie values from a request."""

    __slots__ = ("cookie", "header", "model_keys", "path", "query")

    def __init__(self, slots: Sequence[tuple[str, ParamSpec]]) -> None:
        self.path = _entries(slots, PATH)
        self.query = _entries(slots, QUERY)
        self.header = _entries(slots, HEADER)
        self.cookie = _entries(slots, COOKIE)
        self.model_keys = _model_keys(slots)

    def __call__(self, connection: HTTPConnection, query: Any = None) -> dict[str, Any]:
        """The raw values; `query`: the query to read instead of the scope's query
        string (FastAPI's internals read `request.query_params`, which callers edit)."""
        data: dict[str, Any] = {}
        if self.path:
            path_params = connection.path_params
            for slot, key, kind in self.path:
                if kind == 3:
                    self._first_choice(data, slot, key, path_params.get)
                elif key in path_params:
                    data[slot] = path_params[key]
        if self.query:
            if query is None:
                query = Query(connection.scope.get("query_string", b""))
            self._read(data, self.query, query)
        if self.header:
            self._read(data, self.header, connection.headers)
        if self.cookie:
            cookies = connection.cookies
            for slot, key, kind in self.cookie:
                if kind == 2:
                    self._model(data, slot, cookies)
                elif kind == 3:
                    self._first_choice(data, slot, key, cookies.get)
                elif key in cookies:
                    data[slot] = cookies[key]
        return data

    def _read(self, data: dict[str, Any], entries: tuple[_Entry, ...], source: Any) -> None:
        for slot, key, kind in entries:
            if kind == 0:
                value = source.get(key)
                if value is not None:
                    data[slot] = value
            elif kind == 1:
                values = source.getlist(key)
                if values:
                    data[slot] = values
            elif kind == 3:
                self._first_choice(data, slot, key, source.get)
            elif kind == 4:
                self._first_choice(data, slot, key, lambda k: source.getlist(k) or None)
            else:
                self._model(data, slot, source)

    @staticmethod
    def _first_choice(data: dict[str, Any], slot: str, keys: Any, read: Any) -> None:
        """The value of the first of `keys` sent (an `AliasChoices`), noting which."""
        for choice in keys:
            value = read(choice)
            if value is not None:
                data[slot] = value
                data.setdefault(MATCHED, {})[slot] = choice
                return

    def model_input(self, slot: str, source: Any) -> dict[str, Any] | None:
        """What the parameter model of `slot` receives from `source` (a location's
        values), None when it may be absent and none of its keys was sent."""
        data: dict[str, Any] = {}
        self._model(data, slot, source)
        return data.get(slot)

    def _model(self, data: dict[str, Any], slot: str, source: Any) -> None:
        keys = self.model_keys[slot]
        if keys.may_be_absent and not (
            any(key in source for field in keys.fields for key in field)
            or (keys.any_key and any(True for _ in source))
        ):
            return  # none of its keys was sent: its default, or missing as a whole
        data[slot] = self._whole(source, keys)

    @staticmethod
    def _whole(source: Any, keys: _ModelKeys) -> dict[str, Any]:
        """Each field's first key sent (every value of a list field, else one), then
        the keys no field read: one value, or the list of them when the key is
        repeated (what `extra="forbid"` echoes and `extra="allow"` receives; an
        unused alias choice is such a key)."""
        fields, sequences, rename, _, blocked, _ = keys
        whole: dict[str, Any] = {}
        used: set[str] = set()
        for field_keys in fields:
            for key in field_keys:
                if key in source:
                    whole[rename.get(key, key)] = (
                        source.getlist(key) if key in sequences else source.get(key)
                    )
                    used.add(key)
                    break
        for key in source:
            if key not in used and key not in blocked and key not in whole:
                whole[key] = _undeclared(source, key)
        return whole


def _undeclared(source: Any, key: str) -> Any:
    """A key no field declares: its value, or all of them when it is repeated."""
    getlist = getattr(source, "getlist", None)  # cookies are a plain dict
    values = getlist(key) if getlist is not None else [source[key]]
    return values[0] if len(values) == 1 else values
