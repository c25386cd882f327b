"""Form and file parameters: the request's form, parsed once, validated for every form slot.

FastAPI's rules (FastAPI docs: Form Data, Request Files, Form Models; and
FASTAPI-FACTS sections 3, 10 and 12): a route with a `Form()`/`File()`/`UploadFile`
parameter (in the endpoint or any dependency) reads the body as a form,
urlencoded or multipart, once; each parameter reads its key (every value of it
for a list), an empty string counting as missing; a form model
(`Annotated[Model, Form()]`) is validated from every key of the form. `bytes`
`File()` parameters receive a file's content from where the file stands, and the file
stays there (a `bytes` and an `UploadFile` parameter of one key share its
content). Other body parameters of such a route are read from the form too.
Errors are located at `("body", <key>, ...)`.

Parsing needs python-multipart (an optional dependency):
`_multipart.ensure_multipart_is_installed()` fails when a route is declared without
it. The form's files are closed when the request ends (`close_forms`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, get_args

from pydantic import BaseModel
from starlette.datastructures import FormData
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.requests import Request

from fastslim_di import ParameterErrors, SolveContext

from ._body import BodyResult, _Slot, raise_body_read_error
from ._error_order import LATE, late_errors
from ._file_bytes import PendingBytes, reads_file_bytes, resolve_pending
from ._form_limits import FORM_LIMITS_SCOPE_KEY, form_parser_limits
from ._multipart import ensure_multipart_is_installed
from ._slots import CONNECTION
from ._spec import LOCATION_RANK, ParamSpec, fields_keys, is_scalar_sequence, model_classes
from ._urlencoded import read_form
from ._validator import KeyedError

_MISSING: Any = object()


def _empty_file(value: Any) -> bool:
    """What a browser sends for a file input left empty: no file name, no content."""
    return isinstance(value, StarletteUploadFile) and not value.filename and value.size == 0


def _present(value: Any) -> bool:
    return not (isinstance(value, str) and value == "") and not _empty_file(value)


class _ModelKeys:
    """The keys of form models (one, or a union): each field's, in the order pydantic
    tries them, whether it takes every value (list fields), whether the models may be
    absent (`Model | None`), and whether any key makes them present (`extra="allow"`
    or `"forbid"`, which receive or refuse every key)."""

    __slots__ = ("any_key", "fields", "keys", "optional")

    def __init__(self, models: Sequence[type[BaseModel]], annotation: Any) -> None:
        self.fields = tuple(
            (keys.choices, is_scalar_sequence(keys.field.annotation))
            for model in models
            for keys in fields_keys(model)
        )
        self.keys = frozenset(key for candidates, _ in self.fields for key in candidates)
        self.optional = type(None) in get_args(annotation)  # `Model | None`
        self.any_key = any(
            model.model_config.get("extra") in ("allow", "forbid") for model in models
        )

    def absent(self, form: FormData) -> bool:
        """Whether an optional model is absent (then missing, or its default): none of its
        keys was sent, not even empty, nor any key at all for a model taking extras
        (FastAPI 0.165's rule; a file or a sibling parameter's key counts)."""
        if not self.optional:
            return False
        if self.any_key:
            return len(form) == 0
        return not any(key in form for key in self.keys)

    def mapping(self, form: FormData) -> dict[str, Any]:
        """Each field's first key sent that is not empty (every value of a list field,
        else the last), the empty ones before it dropped; then the other keys, those a
        field did not reach included, as sent: their value, empty or not, or the list of
        their values when repeated (FastAPI's)."""
        grouped: dict[str, list[Any]] = {}  # one pass: linear in the form's entries
        for key, value in form.multi_items():
            grouped.setdefault(key, []).append(value)
        found: dict[str, Any] = {}
        read: set[str] = set()
        for candidates, sequence in self.fields:
            for key in candidates:
                values = grouped.get(key)
                if values is None:
                    continue
                read.add(key)
                if sequence:
                    found[key] = values
                    break
                if _present(values[-1]):
                    found[key] = values[-1]
                    break
        for key, values in grouped.items():
            if key not in read:
                found[key] = values[0] if len(values) == 1 else values
        return found


class _FormSlot:
    """One form parameter: how its raw value is read from the form, then validated."""

    __slots__ = ("check", "keys", "model", "reads_bytes", "sequence")

    def __init__(self, check: _Slot) -> None:
        spec = check.spec
        self.check = check
        self.keys = spec.keys
        self.sequence = spec.is_sequence
        self.reads_bytes = reads_file_bytes(spec)
        models = model_classes(spec.annotation) if spec.is_model else ()
        self.model = _ModelKeys(models, spec.annotation) if models else None

    def raw(self, form: FormData) -> tuple[str, Any]:
        """(the key read, its value) or (the first key, `_MISSING`)."""
        if self.model is not None:
            found = self.model.mapping(form)
            return self.keys[0], _MISSING if self.model.absent(form) else found
        for key in self.keys:
            if self.sequence:
                values = [value for value in form.getlist(key) if not _empty_file(value)]
                if values:
                    return key, values
            else:
                value = form.get(key)
                if value is not None and _present(value):
                    return key, value
        return self.keys[0], _MISSING


FormLimits = Mapping[str, int]


class FormReader:
    """Reads a route's form once per request and validates each of its form slots.

    `limits` are the route's own `form_limits` (inclusions merged); those of the
    app (and of the apps it is mounted in) come from the ASGI scope, under them.
    """

    __slots__ = ("_slots", "limits")

    def __init__(
        self,
        slots: Sequence[tuple[str, ParamSpec]],
        rank: Callable[[ParamSpec], int],
        limits: FormLimits | None = None,
    ) -> None:
        self.limits = dict(limits or {})
        self._slots = [
            _FormSlot(_Slot(slot, spec, (rank(spec), LOCATION_RANK[spec.location], spec.index)))
            for slot, spec in slots
        ]

    def parser_limits(self, scope: Mapping[str, Any]) -> dict[str, int]:
        """The keyword arguments of `Request.form()` for a request of `scope`."""
        return form_parser_limits(scope.get(FORM_LIMITS_SCOPE_KEY), self.limits)

    async def __call__(self, request: Request) -> BodyResult:
        """({slot: value}, {slot: errors} or None, the form)."""
        try:
            form = await read_form(request, self.parser_limits(request.scope))
        except Exception as exc:  # a client gone, a broken stream: FastAPI's 400
            raise_body_read_error(exc, request.scope)
        return self.validate(form)

    def validate(self, form: FormData) -> BodyResult:
        """({slot: value}, {slot: errors} or None, `form`): each form slot's value read
        from the parsed `form` and validated (a `bytes` file's: `PendingBytes`)."""
        values: dict[str, Any] = {}
        errors: dict[str, list[KeyedError]] = {}
        for form_slot in self._slots:
            slot = form_slot.check
            key, value = form_slot.raw(form)
            loc = ("body",) if form_slot.model is not None else ("body", key)
            if value is _MISSING:
                if slot.required:
                    errors[slot.slot] = [slot.missing(loc)]
                else:
                    values[slot.slot] = slot.default_value()
                continue
            if form_slot.reads_bytes:  # read and validated when solved (`_file_bytes`)
                values[slot.slot] = PendingBytes(slot, loc, value, form_slot.sequence)
                continue
            checked, found = slot.check(value, loc)
            if found:
                errors[slot.slot] = found
            else:
                values[slot.slot] = checked
        return values, errors or None, form


async def close_forms(*requests: Any) -> None:
    """Close the files of the parsed forms of `requests` (each request once)."""
    closed: list[Any] = []
    for request in requests:
        if getattr(request, "_form", None) is None or any(done is request for done in closed):
            continue
        closed.append(request)
        await request.close()


class LateFormSource:
    """Validates one form parameter met after compilation (an override's): the form
    is parsed once per request all the same (Starlette caches it on the request)."""

    __slots__ = ("owner", "reader")

    def __init__(self, spec: ParamSpec) -> None:
        ensure_multipart_is_installed()
        self.owner = spec.owner
        self.reader = FormReader([("late", spec)], lambda spec: LATE)

    async def __call__(self, context: SolveContext, /) -> Any:
        values, errors, _ = await self.reader(context.values[CONNECTION])
        if errors:
            raise ParameterErrors(late_errors(errors["late"], self.owner))
        try:
            return await resolve_pending(values["late"])
        except ParameterErrors as exc:
            raise ParameterErrors(late_errors(exc.errors, self.owner)) from None
