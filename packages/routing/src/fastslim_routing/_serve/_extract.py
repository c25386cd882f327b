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
from typing import Any

from starlette.requests import HTTPConnection

from ._query import Query
from ._spec import COOKIE, HEADER, PATH, QUERY, ParamSpec, is_scalar_sequence, model_of

MATCHED = "__matched_keys__"
"""Key of the extracted dict holding {slot: key} for slots read with alias choices
(their errors name the key that was read); pydantic ignores it."""

# (slot, key, kind): kind 0 = one value, 1 = every value, 2 = the whole location,
# 3 = the first of several keys (`key` is then a tuple of keys).
_Entry = tuple[str, Any, int]


def _entries(slots: Sequence[tuple[str, ParamSpec]], location: str) -> tuple[_Entry, ...]:
    found: list[_Entry] = []
    for slot, spec in slots:
        if spec.location != location:
            continue
        key = spec.alias.lower() if location == HEADER else spec.alias
        kind = 2 if spec.is_model else 1 if spec.is_sequence else 0
        if kind == 0 and len(spec.keys) > 1:
            found.append((slot, spec.keys, 3))
        else:
            found.append((slot, key, kind))
    return tuple(found)


_ModelKeys = tuple[frozenset[str], dict[str, str], tuple[str, ...], bool]


def _model_keys(slots: Sequence[tuple[str, ParamSpec]]) -> dict[str, _ModelKeys]:
    """For each parameter model slot: the keys taking every value, the keys to
    rename to field names (a header model's `x_token` is read from `x-token`), and
    the fields' keys in declaration order (read first, as FastAPI orders them), and
    whether the model may be absent (then it is, when none of its keys was sent)."""
    keys: dict[str, _ModelKeys] = {}
    for slot, spec in slots:
        if not spec.is_model:
            continue
        sequences = set()
        rename: dict[str, str] = {}
        ordered: list[str] = []
        for name, field in model_of(spec.annotation).model_fields.items():
            key = field.alias or name
            if spec.location == HEADER:
                convert = getattr(spec.field, "convert_underscores", True)
                converted = (key.replace("_", "-") if convert else key).lower()
                if converted != key:
                    rename[converted] = key
                key = converted
            if is_scalar_sequence(field.annotation):
                sequences.add(key)
            ordered.append(key)
        keys[slot] = (frozenset(sequences), rename, tuple(ordered), not spec.required)
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

    def __call__(self, connection: HTTPConnection) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.path:
            path_params = connection.path_params
            for slot, key, _ in self.path:
                if key in path_params:
                    data[slot] = path_params[key]
        if self.query:
            self._read(data, self.query, Query(connection.scope.get("query_string", b"")))
        if self.header:
            self._read(data, self.header, connection.headers)
        if self.cookie:
            cookies = connection.cookies
            for slot, key, kind in self.cookie:
                if kind == 2:
                    self._model(data, slot, cookies)
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
                for choice in key:
                    value = source.get(choice)
                    if value is not None:
                        data[slot] = value
                        data.setdefault(MATCHED, {})[slot] = choice
                        break
            else:
                self._model(data, slot, source)

    def _model(self, data: dict[str, Any], slot: str, source: Any) -> None:
        keys = self.model_keys[slot]
        if keys[3] and not any(field_key in source for field_key in keys[2]):
            return  # an optional model none of whose keys was sent: its default
        data[slot] = self._whole(source, keys)

    @staticmethod
    def _whole(source: Any, keys: _ModelKeys) -> dict[str, Any]:
        """The model's fields' keys first (every value of a list field, else one), then
        the keys it does not declare: one value, or the list of them when the key is
        repeated (what `extra="forbid"` echoes and `extra="allow"` receives)."""
        sequences, rename, ordered, _ = keys
        whole: dict[str, Any] = {}
        for key in ordered:
            if key in source:
                name = rename.get(key, key)
                whole[name] = source.getlist(key) if key in sequences else source.get(key)
        for key in source:
            if key not in whole and key not in rename:
                whole[key] = _undeclared(source, key)
        return whole


def _undeclared(source: Any, key: str) -> Any:
    """A key no field declares: its value, or all of them when it is repeated."""
    getlist = getattr(source, "getlist", None)  # cookies are a plain dict
    values = getlist(key) if getlist is not None else [source[key]]
    return values[0] if len(values) == 1 else values
