"""FastAPI's internals (issue 16) against FastAPI 0.165: the same dataclass
fields and signatures, the same results for the same inputs. Runs in `nox -s
compat`, where FastAPI is installed."""

import dataclasses
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import fastapi._compat
import fastapi.dependencies.models
import fastapi.dependencies.utils
import fastapi.utils
import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

import fastslim._compat
import fastslim.dependencies.models
import fastslim.dependencies.utils
import fastslim.utils

PAIRS = [
    (fastapi._compat.ModelField, fastslim._compat.ModelField),
    (fastapi.dependencies.models.Dependant, fastslim.dependencies.models.Dependant),
    (fastapi.dependencies.utils.SolvedDependency, fastslim.dependencies.utils.SolvedDependency),
]
FUNCTIONS = [
    "create_model_field",
    "lenient_issubclass",
    "get_flat_params",
    "_get_flat_body_params",
    "get_validation_alias",
    "get_dependant",
    "get_parameterless_sub_dependant",
    "_get_body_field",
    "_should_embed_body_fields",
]


def _default(value: Any) -> Any:
    if value is dataclasses.MISSING or value is inspect.Parameter.empty:
        return "-"
    return repr(value)


@pytest.mark.parametrize(("theirs", "ours"), PAIRS, ids=lambda c: c.__name__)
def test_dataclass_fields(theirs: type, ours: type) -> None:
    def shape(cls: type) -> list[tuple[str, Any, Any, bool]]:
        return [
            (f.name, _default(f.default), _default(f.default_factory), f.init)
            for f in dataclasses.fields(cls)
        ]

    assert shape(ours) == shape(theirs)
    assert (ours.__hash__ is None) == (theirs.__hash__ is None)
    assert hasattr(ours, "__slots__") == hasattr(theirs, "__slots__")


def _signature(func: Callable[..., Any]) -> list[tuple[str, Any, Any]]:
    return [
        (p.name, p.kind, _default(p.default)) for p in inspect.signature(func).parameters.values()
    ]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_function_signatures(name: str) -> None:
    theirs = getattr(fastapi.dependencies.utils, name)
    ours = getattr(fastslim.dependencies.utils, name)
    assert _signature(ours) == _signature(theirs)


def test_model_field_methods() -> None:
    for method in ("validate", "serialize", "serialize_json", "get_default"):
        theirs = getattr(fastapi._compat.ModelField, method)
        ours = getattr(fastslim._compat.ModelField, method)
        assert _signature(ours) == _signature(theirs), method


class Item(BaseModel):
    a: int
    b: str = "x"


def _fields(module: Any) -> list[Any]:
    create = module.create_model_field
    return [
        create("q", int),
        create("m", Item, alias="mm"),
        create("x", int | None, default=None),
        create("l", list[int]),
        module.ModelField(FieldInfo(annotation=int, gt=0, default=3), "g"),
    ]


VALUES = ["3", "z", None, {"a": "1"}, {}, ["1", "2"], 0, 5, Item(a=1)]


def test_model_field_results() -> None:
    def run(module: Any) -> list[Any]:
        out: list[Any] = []
        for field in _fields(module):
            out.append(
                (
                    repr(field),
                    field.alias,
                    field.validation_alias,
                    field.serialization_alias,
                    repr(field.default),
                    repr(field.get_default()),
                )
            )
            for value in VALUES:
                out.append(field.validate(value, {}, loc=("query", field.alias)))
        item = module.create_model_field("m", Item)
        out.append(item.serialize(Item(a=1), exclude_unset=True))
        out.append(item.serialize_json(Item(a=1)))
        return out

    assert run(fastslim.dependencies.utils) == run(fastapi.dependencies.utils)
    assert fastslim.utils.create_model_field is fastslim.dependencies.utils.create_model_field


def test_lenient_issubclass() -> None:
    cases: list[tuple[Any, Any]] = [
        (bool, int),
        (1, int),
        (list[int], list),
        (None, int),
        (Item, (BaseModel, int)),
    ]
    assert [fastslim._compat.lenient_issubclass(*c) for c in cases] == [
        fastapi._compat.lenient_issubclass(*c) for c in cases
    ]


def inner() -> None: ...


def sec() -> None: ...


def gen() -> Iterator[None]:
    yield None


def _tree(models: Any, compat: Any) -> Any:
    def field(name: str) -> Any:
        return compat.ModelField(FieldInfo(annotation=int), name)

    dependant = models.Dependant
    a = field("a")
    return dependant(
        path_params=[field("r")],
        header_params=[field("h")],
        body_params=[field("rb")],
        dependencies=[
            dependant(
                query_params=[field("b")],
                dependencies=[dependant(query_params=[a], body_params=[field("ib")], call=inner)],
                call=sec,
            ),
            dependant(query_params=[a], body_params=[field("ib")], call=inner),
            dependant(query_params=[field("s")], call=sec, own_oauth_scopes=["x"]),
            dependant(query_params=[field("t")], call=sec, parent_oauth_scopes=["x"]),
            dependant(query_params=[field("u")], call=inner, scope="function"),
            dependant(query_params=[field("v")], call=gen),
            dependant(query_params=[field("v")], call=gen, scope="request"),
            dependant(query_params=[field("w")], call=gen, scope="function"),
        ],
    )


def test_flat_params_of_a_tree() -> None:
    def run(models: Any, compat: Any, utils: Any) -> Any:
        tree = _tree(models, compat)
        return (
            [f.name for f in utils.get_flat_params(tree)],
            [f.name for f in utils._get_flat_body_params(tree)],
            [utils.get_validation_alias(f) for f in utils.get_flat_params(tree)],
        )

    assert run(fastslim.dependencies.models, fastslim._compat, fastslim.dependencies.utils) == run(
        fastapi.dependencies.models, fastapi._compat, fastapi.dependencies.utils
    )
