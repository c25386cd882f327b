"""`_internals/forms.py`: FastAPI 0.165's form helpers (compared with FastAPI in
tests/compat/test_form_helpers_against_fastapi.py)."""

import io
from typing import Annotated, Any, Literal

import anyio
from pydantic import AliasChoices, BaseModel, Field
from pydantic_core import PydanticUndefined
from starlette.datastructures import FormData, UploadFile

from fastslim_routing.internals import (
    extract_form_body,
    extract_form_items,
    get_cached_model_fields,
    get_dependant,
    get_form_model,
    get_form_models,
    get_multidict_value,
    get_param_aliases,
    is_form_model_supplied,
    normalize_form_model,
)
from fastslim_routing.param_functions import File, Form, Header, Query


class A(BaseModel):
    x: int
    tags: list[str] = []
    w: str = Field("d", alias="ww")


class B(BaseModel):
    q: str


def body_params(call: Any) -> Any:
    return get_dependant(path="/", call=call).body_params


def test_form_models() -> None:
    def one(a: Annotated[A, Form()]) -> None: ...

    def two(ab: Annotated[A | B, Form()]) -> None: ...

    def mixed(m: Annotated[A | int, Form()]) -> None: ...

    def query(q: Annotated[A, Query()]) -> None: ...

    (field,) = body_params(one)
    assert (get_form_models(field), get_form_model(field)) == ([A], A)
    (field,) = body_params(two)
    assert (get_form_models(field), get_form_model(field)) == ([A, B], None)
    (field,) = body_params(mixed)
    assert get_form_models(field) == []
    (field,) = get_dependant(path="/", call=query).query_params
    assert get_form_models(field) == []


def test_param_aliases() -> None:
    class Headers(BaseModel):
        some_header: str
        explicit: str = Field(alias="Explicit_X")

    def endpoint(
        a: Annotated[str, Query(alias="al")],
        c: Annotated[str, Query(validation_alias=AliasChoices("c1", "c2"))],
        under_x: Annotated[str, Header()],
    ) -> None: ...

    dependant = get_dependant(path="/", call=endpoint)
    a, c = dependant.query_params
    (under,) = dependant.header_params
    assert get_param_aliases(a) == [("al", "al")]
    assert get_param_aliases(c) == [("c1", "c1"), ("c2", "c2")]
    assert get_param_aliases(under, convert_underscores=True) == [("under-x", "under-x")]
    some, explicit = get_cached_model_fields(Headers)
    assert get_param_aliases(some, convert_underscores=True) == [("some_header", "some-header")]
    assert get_param_aliases(explicit, convert_underscores=True) == [("Explicit_X", "Explicit_X")]


def test_multidict_values() -> None:
    def endpoint(
        n: Annotated[str, Form()] = "d",
        m: Annotated[list[str] | None, Form()] = None,
    ) -> None: ...

    n, m = body_params(endpoint)
    form = FormData([("n", "a"), ("n", "b"), ("m", "1"), ("m", "2")])
    assert get_multidict_value(n, form, "n") == "b"
    assert get_multidict_value(m, form, "m") == ["1", "2"]
    assert get_multidict_value(n, FormData([("n", "")]), "n") is PydanticUndefined
    assert get_multidict_value(m, FormData([]), "m") is PydanticUndefined
    assert get_multidict_value(n, {"n": None}, "n") is PydanticUndefined


def test_form_items_and_body(backend: Literal["asyncio", "trio"]) -> None:
    def model(a: Annotated[A, Form()]) -> None: ...

    def fields(n: Annotated[str, Form()], f: Annotated[bytes | None, File()] = None) -> None: ...

    form = FormData([("x", "1"), ("tags", "a"), ("tags", "b"), ("other", "")])
    assert list(extract_form_items(body_params(model), form)) == [
        ("x", "1", None),
        ("tags", ["a", "b"], None),
        ("other", "", None),
    ]
    assert is_form_model_supplied(A, form)
    assert not is_form_model_supplied(B, form)
    upload = UploadFile(io.BytesIO(b"zz"), filename="f.txt")
    received = FormData([("n", "v"), ("f", upload), ("extra", "e")])
    params = body_params(fields)
    items = list(extract_form_items(params, received))
    assert [(key, value, field and field.name) for key, value, field in items] == [
        ("n", "v", "n"),
        ("f", upload, "f"),
        ("extra", "e", None),
    ]

    async def main() -> list[Any]:
        return [(key, value) async for key, value, _ in extract_form_body(params, received)]

    assert anyio.run(main, backend=backend) == [("n", "v"), ("f", b"zz"), ("extra", "e")]


def test_normalize_form_model() -> None:
    assert normalize_form_model({"x": ["1", "2"], "tags": "a"}, model=A) == {
        "x": "2",
        "tags": ["a"],
    }
    shaped = normalize_form_model({"x": [], "ww": ["q"], "zz": 1}, model=A)
    assert list(shaped.items()) == [("ww", "q"), ("zz", 1), ("x", [])]
    assert normalize_form_model("text", model=A) == "text"
