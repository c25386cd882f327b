"""The form helpers of `fastapi.dependencies.utils` cadwyn imports (issue 16)
against FastAPI 0.165: `_get_form_models`, `_get_form_model`, `_get_param_aliases`,
`get_cached_model_fields`, `_get_multidict_value`, `_extract_form_items`,
`_extract_form_body`, `_is_form_model_supplied`, `_normalize_form_model`, and
`fastapi.datastructures._Unset`: the same signatures and results for the same
parameters and forms. Runs in `nox -s compat`."""

import inspect
import io
from types import ModuleType
from typing import Annotated, Any, Optional, Union

import anyio
import fastapi
import fastapi.datastructures
import fastapi.dependencies.utils
import pytest
from pydantic import AliasChoices, AliasPath, BaseModel, Field
from starlette.datastructures import FormData
from starlette.datastructures import UploadFile as StarletteUploadFile

import fastslim
import fastslim.datastructures
import fastslim.dependencies.utils

FRAMEWORKS: dict[str, tuple[ModuleType, ModuleType]] = {
    "fastapi": (fastapi, fastapi.dependencies.utils),
    "fastslim": (fastslim, fastslim.dependencies.utils),
}
NAMES = [
    "_get_form_models",
    "_get_form_model",
    "_get_param_aliases",
    "get_cached_model_fields",
    "_get_multidict_value",
    "_extract_form_items",
    "_extract_form_body",
    "_is_form_model_supplied",
    "_normalize_form_model",
]


class A(BaseModel):
    x: int
    y_z: list[str] = []
    w: str = Field("d", alias="ww")
    t: tuple[int, ...] = ()
    o: Optional[list[int]] = None  # noqa: UP045  (the typing spelling on purpose)


class B(BaseModel):
    q: str


class H(BaseModel):
    some_header: str
    other: str = Field(alias="Other_X")
    v: str = Field(validation_alias="V_a")
    c: str = Field(validation_alias=AliasChoices("c_1", AliasPath("p", 0), "c2"))


def _parameters(func: Any) -> list[tuple[str, Any, Any]]:
    return [
        (p.name, p.kind, None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in inspect.signature(func).parameters.values()
    ]


@pytest.mark.parametrize("name", NAMES)
def test_signatures(name: str) -> None:
    theirs = getattr(fastapi.dependencies.utils, name)
    ours = getattr(fastslim.dependencies.utils, name)
    assert _parameters(ours) == _parameters(theirs)
    assert inspect.isasyncgenfunction(ours) == inspect.isasyncgenfunction(theirs)


def test_unset_is_the_parameter_functions_default() -> None:
    """The sentinel of arguments not given (cadwyn keeps it out of deep copies)."""
    default = inspect.signature(fastapi.Query).parameters["example"].default
    assert default is fastapi.datastructures._Unset
    from fastslim_routing import params

    assert params._Unset is fastslim.datastructures._Unset


def _endpoints(root: ModuleType) -> dict[str, Any]:
    Form, File, Query, Header = root.Form, root.File, root.Query, root.Header

    def model(a: Annotated[A, Form()]) -> None: ...

    def union(ab: Annotated[Union[A, B], Form()]) -> None: ...  # noqa: UP007

    def mixed_union(ff: Annotated[Union[A, int], Form()] = None) -> None: ...  # type: ignore[assignment]  # noqa: UP007

    def optional_model(a: Annotated[Optional[A], Form()] = None) -> None: ...  # noqa: UP045

    def fields(
        n: Annotated[str, Form()] = "dflt",
        m: Annotated[list[str] | None, Form()] = None,
        k: Annotated[int, Form(alias="kk")] = 1,
        f: Annotated[bytes | None, File()] = None,
        up: Annotated[Any, File()] = None,
    ) -> None: ...

    def others(
        a: Annotated[str, Query(alias="al")],
        c: Annotated[str, Query(validation_alias=AliasChoices("c1", "c2"))],
        d: Annotated[
            str, Query(alias="da", validation_alias=AliasChoices("d1", AliasPath("d", 0)))
        ],
        under_x: Annotated[str, Header()],
        h: Annotated[str, Header(convert_underscores=False)],
    ) -> None: ...

    return {
        name: fastapi_or_slim_dependant(root, call)
        for name, call in [
            ("model", model),
            ("union", union),
            ("mixed_union", mixed_union),
            ("optional_model", optional_model),
            ("fields", fields),
            ("others", others),
        ]
    }


def fastapi_or_slim_dependant(root: ModuleType, call: Any) -> Any:
    utils = fastapi.dependencies.utils if root is fastapi else fastslim.dependencies.utils
    return utils.get_dependant(path="/", call=call)


def _forms() -> dict[str, list[FormData]]:
    def upload() -> StarletteUploadFile:
        return StarletteUploadFile(io.BytesIO(b"zz"), filename="a.txt")

    return {
        "model": [
            FormData([("x", "1"), ("y_z", "a"), ("y_z", "b"), ("ww", "v")]),
            FormData([("x", "")]),
            FormData([]),
            FormData([("other", "1")]),
            FormData([("w", "v")]),
        ],
        "union": [FormData([("q", "s")]), FormData([("x", "1"), ("x", "2")])],
        "optional_model": [FormData([]), FormData([("o", "")])],
        "fields": [
            FormData([("n", "a"), ("n", "b"), ("m", "1"), ("m", "2"), ("f", upload())]),
            FormData([("n", ""), ("up", ""), ("extra", "e")]),
            FormData([("kk", "3"), ("k", "4"), ("m", ""), ("m", "x")]),
        ],
    }


def _value(value: Any) -> Any:
    if isinstance(value, StarletteUploadFile):
        return ("upload", value.filename)
    if isinstance(value, list):
        return [_value(item) for item in value]
    return value


def observe(name: str) -> list[Any]:
    root, utils = FRAMEWORKS[name]
    dependants = _endpoints(root)
    found: list[Any] = []
    for key, dependant in dependants.items():
        fields = dependant.body_params + dependant.query_params + dependant.header_params
        for field in fields:
            found.append(
                (
                    key,
                    field.name,
                    utils._get_form_models(field),
                    utils._get_form_model(field),
                    utils._get_param_aliases(field),
                    utils._get_param_aliases(field, convert_underscores=True),
                )
            )
    for model in (A, H):
        cached = utils.get_cached_model_fields(model)
        assert cached is utils.get_cached_model_fields(model)
        found.append([(f.name, f.alias, f.mode, repr(f.field_info)) for f in cached])
        found.append(
            [
                (utils._get_param_aliases(f), utils._get_param_aliases(f, convert_underscores=True))
                for f in cached
            ]
        )

    async def forms() -> None:
        for key, received in _forms().items():
            body_params = dependants[key].body_params
            for form in received:
                items = list(utils._extract_form_items(body_params, form))
                found.append([(k, _value(v), f and f.name) for k, v, f in items])
                body = [item async for item in utils._extract_form_body(body_params, form)]
                found.append([(k, _value(v), f and f.name) for k, v, f in body])
                found.append([utils._is_form_model_supplied(m, form) for m in (A, B)])
                for field in body_params:
                    for alias in (field.alias, "zz"):
                        found.append(repr(utils._get_multidict_value(field, form, alias)))

    anyio.run(forms)
    for field in dependants["fields"].body_params:
        for values in ({"n": "x"}, {"n": None, "m": None, "kk": None}):
            found.append(repr(utils._get_multidict_value(field, values, field.alias)))
    for value in [
        {"x": "1"},
        {"x": ["1", "2"], "y_z": "a"},
        {"y_z": ["a", "b"], "ww": ["q"], "w": ["r"]},
        {"t": "1", "o": "2", "x": [], "zz": ["1", "2"]},
        {"x": [], "y_z": "a", "q": 1, "ww": []},
        "str",
        None,
        [{"x": 1}],
        A.model_validate({"x": 1}),
    ]:
        found.append(repr(utils._normalize_form_model(value, model=A)))
    return found


def test_form_helpers_give_the_same_results() -> None:
    theirs, ours = observe("fastapi"), observe("fastslim")
    assert len(ours) == len(theirs)
    for index, (mine, expected) in enumerate(zip(ours, theirs, strict=True)):
        assert mine == expected, index
