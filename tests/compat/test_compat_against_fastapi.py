"""`fastslim._compat` (and its `shared`, `v2` modules) against FastAPI 0.165's
`fastapi._compat`: the same names and signatures, the same results for the same
inputs (predicates on ~70 annotations, the field helpers on sample fields).
Runs in `nox -s compat`, where FastAPI is installed."""

import collections
import dataclasses
import enum
import functools
import inspect
import typing
import uuid
import warnings
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal, Optional, Union

import fastapi
import fastapi._compat
import fastapi._compat.shared
import fastapi._compat.v2
import fastapi.params
import pytest
from pydantic import BaseModel, Field, Json
from pydantic.fields import FieldInfo
from starlette.datastructures import UploadFile as StarletteUploadFile

import fastslim
import fastslim._compat
import fastslim._compat.shared
import fastslim._compat.v2
import fastslim.params

MODULES = [
    (fastapi._compat, fastslim._compat),
    (fastapi._compat.shared, fastslim._compat.shared),
    (fastapi._compat.v2, fastslim._compat.v2),
]
# FastAPI names the compat modules do not offer: the typing/stdlib names FastAPI's
# modules happen to import, and its schema internals.
INCIDENTAL = {
    "Annotated", "Any", "BaseModel", "ConfigDict", "CoreSchema", "Enum", "Field",
    "FieldInfo", "GetJsonSchemaHandler", "IncEx", "JsonSchemaValue", "Literal",
    "Mapping", "ModelNameMap", "PydanticUndefinedAnnotation", "Sequence", "TypeAdapter",
    "TypeGuard", "TypeModelOrEnum", "TypeModelSet", "TypeVar", "Union", "UnionType",
    "UploadFile", "ValidationError", "WithArgsTypes", "cast", "copy", "create_model",
    "dataclass", "deque", "get_args", "get_origin", "is_dataclass", "lru_cache", "re",
    "types", "typing", "warnings", "shared", "_T", "_Attrs", "_GenerateJsonSchema",
    "_pydantic_typing_extra", "_annotation_is_complex", "_annotation_is_sequence",
    "_annotation_has_computed_fields", "_has_computed_fields",
}  # fmt: skip
NOT_YET = {"GenerateJsonSchema", "get_definitions", "get_schema_from_model_field"}


@pytest.mark.parametrize(("theirs", "ours"), MODULES, ids=lambda m: m.__name__)
def test_names(theirs: Any, ours: Any) -> None:
    wanted = {n for n in dir(theirs) if not n.startswith("__")} - INCIDENTAL - NOT_YET
    assert sorted(wanted - set(dir(ours))) == []


def _normalised(func: Any) -> list[tuple[str, Any, str]]:
    return [
        (p.name, p.kind, "-" if p.default is p.empty else repr(p.default))
        for p in inspect.signature(func).parameters.values()
    ]


@pytest.mark.parametrize(("theirs", "ours"), MODULES, ids=lambda m: m.__name__)
def test_signatures(theirs: Any, ours: Any) -> None:
    for name in dir(ours):
        if name.startswith("__") or name not in dir(theirs):
            continue
        mine, their = getattr(ours, name), getattr(theirs, name)
        if inspect.isfunction(mine) or hasattr(mine, "cache_info"):
            assert _normalised(mine) == _normalised(their), name


def test_constants() -> None:
    for name in ("PYDANTIC_VERSION_MINOR_TUPLE", "sequence_types", "Undefined", "RequiredParam"):
        assert getattr(fastslim._compat, name) == getattr(fastapi._compat, name), name
    assert fastslim._compat.Url is fastapi._compat.Url
    theirs = fastapi._compat.shared.PYDANTIC_VERSION  # type: ignore[attr-defined]
    assert theirs == fastslim._compat.shared.PYDANTIC_VERSION
    assert (
        fastslim._compat.shared.sequence_annotation_to_type
        == fastapi._compat.shared.sequence_annotation_to_type
    )
    assert fastslim._compat.v2.REF_TEMPLATE == fastapi._compat.v2.REF_TEMPLATE  # type: ignore[attr-defined]


class M(BaseModel):
    a: int


@dataclasses.dataclass
class D:
    a: int


class E(enum.Enum):
    a = 1


class TD(typing.TypedDict):
    a: int


def _annotations(upload: Any) -> list[Any]:
    return [
        int, str, bytes, None, type(None), Any, object, bool, float, 1, "x", E, D, TD, M,
        list, tuple, set, dict, frozenset, collections.deque, Sequence,
        list[int], list[bytes], list[str] | list[bytes], tuple[int, ...], tuple[int, str],
        tuple[()], set[str], frozenset[int], Sequence[int], typing.List[int],  # noqa: UP006
        collections.deque[int], dict[str, int], Mapping[str, int], list[M], M | None, M | int,
        Literal["a", "b"], list[Literal["a"]], set[E], int | None, Optional[int], int | str,  # noqa: UP045
        str | list[int], list[int] | None, Union[None, list[str]], bytes | None,  # noqa: UP007
        Optional[bytes], list[bytes] | None, str | bytes, Annotated[int, 1],  # noqa: UP045
        Annotated[list[int], 1], Annotated[bytes, 1], Annotated[list[bytes], 1],
        Json[list[int]], Optional[Json[int]], list[list[int]], list[dict[str, int]],  # noqa: UP045
        list[int | None], int | list[int], list[int] | set[int], list[Any], list[bytes | None],
        upload, StarletteUploadFile, upload | None, list[upload], list[str] | list[upload],
        list[upload] | None, list[StarletteUploadFile], uuid.UUID,
    ]  # fmt: skip


PREDICATES = [
    "field_annotation_is_scalar",
    "field_annotation_is_scalar_sequence",
    "field_annotation_is_sequence",
    "field_annotation_is_complex",
    "is_bytes_or_nonable_bytes_annotation",
    "is_bytes_sequence_annotation",
    "is_uploadfile_or_nonable_uploadfile_annotation",
    "is_uploadfile_sequence_annotation",
    "annotation_is_pydantic_v1",
]


@pytest.mark.parametrize("name", PREDICATES)
def test_predicates(name: str) -> None:
    theirs = getattr(fastapi._compat.shared, name)
    ours = getattr(fastslim._compat.shared, name)
    expected = [theirs(a) for a in _annotations(fastapi.UploadFile)]
    assert [ours(a) for a in _annotations(fastslim.UploadFile)] == expected


def test_pydantic_v1_predicates() -> None:
    with warnings.catch_warnings():  # pydantic.v1 on Python 3.14+
        warnings.simplefilter("ignore")
        from pydantic import v1

    class V(v1.BaseModel):
        a: int

    cases = [V, list[V], Optional[V], dict[str, V], Annotated[V, 1], list[list[V]], V(a=1), M]  # noqa: UP045
    for name in ("annotation_is_pydantic_v1", "is_pydantic_v1_model_class"):
        theirs = getattr(fastapi._compat.shared, name)
        ours = getattr(fastslim._compat.shared, name)
        assert [ours(c) for c in cases] == [theirs(c) for c in cases], name
    theirs, ours = (m.is_pydantic_v1_model_instance for m in (fastapi._compat, fastslim._compat))
    assert [ours(c) for c in cases] == [theirs(c) for c in cases]


def test_value_is_sequence() -> None:
    values = [[1], (1,), {1}, "ab", b"a", {"a": 1}, collections.deque(), 1, None, frozenset()]
    expected = [fastapi._compat.value_is_sequence(v) for v in values]
    assert [fastslim._compat.value_is_sequence(v) for v in values] == expected


def _outcome(call: Any) -> Any:
    try:
        result = call()
    except Exception as exc:  # the same exception class on both
        return ("raises", type(exc).__name__)
    return (type(result).__name__, result)


_SCALAR_CASES: list[Any] = [int, list[int], M]
SEQUENCES: list[Any] = [
    list[str], list[str] | None, Union[None, list[str]], set[str], tuple[str, ...],  # noqa: UP007
    frozenset[int], collections.deque[int], typing.Sequence[int], list, int,
    Optional[set[int]], Annotated[set[int], 1], Union[set[int], list[int]], int | list[int],  # noqa: UP007, UP045
]  # fmt: skip


def test_serialize_sequence_value() -> None:
    def run(v2: Any) -> list[Any]:
        out = []
        for annotation in SEQUENCES:
            for value in (["a", "b"], ("a",), {"x"}):
                field = v2.ModelField(name="items", field_info=FieldInfo(annotation=annotation))
                serialize = functools.partial(v2.serialize_sequence_value, field=field, value=value)
                out.append(_outcome(serialize))
        return out

    assert run(fastslim._compat.v2) == run(fastapi._compat.v2)


def test_field_helpers() -> None:
    def run(compat: Any, v2: Any, params: Any) -> list[Any]:
        query = params.Query(3, alias="q", description="d", ge=1)
        query.annotation = int
        body = params.Body(default=3, alias="q", description="d", embed=True)
        field = v2.ModelField(name="foo", field_info=FieldInfo(annotation=str))
        out: list[Any] = [
            compat.get_missing_field_error(("body", "a")),
            compat.get_missing_field_error(loc=("query",)),
            v2.normalize_name("a.b-c Body_x y tests__a[b] A:b"),
            v2.asdict(params.Query(3, alias="q")),
            v2.asdict(FieldInfo(annotation=int, default=1)),
            v2._regenerate_error_with_loc(
                errors=[{"type": "missing", "loc": ("a",), "msg": "m", "input": None}],
                loc_prefix=("body",),
            ),
            field.default is compat.Undefined,
        ]
        for source, annotation in ((query, list[int]), (body, list[int]), (FieldInfo(), str)):
            copied = compat.copy_field_info(field_info=source, annotation=annotation)
            out.append((type(copied).__name__, copied is source, v2.asdict(copied)))
            out.append({k: v for k, v in getattr(copied, "__dict__", {}).items() if k != "example"})
        for annotation in _SCALAR_CASES:
            scalar = v2.ModelField(name="a", field_info=FieldInfo(annotation=annotation))
            out.append(compat.is_scalar_field(scalar))
        for declaration in (params.Body, params.Form, params.File, params.Query):
            declared = declaration()
            declared.annotation = int
            out.append(compat.is_scalar_field(v2.ModelField(name="a", field_info=declared)))
        return out

    ours = run(fastslim._compat, fastslim._compat.v2, fastslim.params)
    assert ours == run(fastapi._compat, fastapi._compat.v2, fastapi.params)


def test_evaluate_forwardref() -> None:
    cases = [
        (typing.ForwardRef("int"), {}, {}),
        ("int", {}, {}),
        (typing.ForwardRef("Nope"), {}, {}),
        ("Nope", {}, {}),
        ("X", {"X": int}, {"X": str}),
        (typing.ForwardRef("list[X]"), {"X": int}, None),
        (typing.ForwardRef("X"), None, None),
        (int, None, None),
    ]
    for case in cases:
        assert fastslim._compat.evaluate_forwardref(*case) == fastapi._compat.evaluate_forwardref(
            *case
        ), case


class Deep(BaseModel):
    e: E


class G(BaseModel):
    d: dict[str, Deep]
    u: Union[M, None]  # noqa: UP007
    items: list[tuple[Deep, int]]


def test_models_of_fields() -> None:
    def run(v2: Any) -> list[Any]:
        def field(annotation: Any) -> Any:
            return v2.ModelField(name="a", field_info=FieldInfo(annotation=annotation))

        known: set[Any] = {M}
        returned = v2.get_flat_models_from_fields([field(G)], known)
        return [
            v2.get_flat_models_from_model(G),
            v2.get_flat_models_from_annotation(dict[str, G], set()),
            v2.get_flat_models_from_annotation(E, set()),
            v2.get_flat_models_from_fields([field(Optional[E])], set()),  # noqa: UP045
            v2.get_flat_models_from_field(field(G), set()),
            (returned is known, known),
            v2.get_model_name_map({M, G, E}),
            v2.get_model_name_map({Page[int], M}),
        ]

    assert run(fastslim._compat.v2) == run(fastapi._compat.v2)


T = typing.TypeVar("T")


class Page(BaseModel, typing.Generic[T]):
    items: list[T]


def test_model_fields_and_body_model() -> None:
    class Configured(BaseModel):
        model_config = {"title": "X", "extra": "allow"}
        a: int
        b: str = Field("x", alias="bb")

    def run(compat: Any, v2: Any) -> list[Any]:
        fields = v2.get_model_fields(Configured)
        model = compat.create_body_model(
            fields=[
                v2.ModelField(name="a", field_info=FieldInfo(annotation=int)),
                v2.ModelField(name="b", field_info=FieldInfo(annotation=str, default="x")),
            ],
            model_name="Body_x",
            config={"extra": "forbid"},
        )
        return [
            [(repr(f), f.config, f.mode) for f in fields],
            compat.get_cached_model_fields(Configured) is v2.get_cached_model_fields(Configured),
            model.__name__,
            model.model_config,
            model.model_json_schema(),
            _outcome(lambda: model.model_validate({"a": 1, "c": 2})),
            model(a=1).model_dump(),
            compat.create_body_model(fields=[], model_name="Empty").model_fields,
        ]

    assert run(fastslim._compat, fastslim._compat.v2) == run(fastapi._compat, fastapi._compat.v2)
