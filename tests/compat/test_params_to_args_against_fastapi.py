"""`request_params_to_args` with parameter models and `request_body_to_args` with forms
(issue 16) against FastAPI 0.165: the same values and errors for the same inputs, and
work linear in the received entries. Runs in `nox -s compat`, where FastAPI is
installed."""

from collections.abc import Callable, Iterator
from io import BytesIO
from types import ModuleType
from typing import Annotated, Any

import fastapi
import fastapi.dependencies.utils
import pytest
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.datastructures import FormData, Headers, MultiDict, QueryParams, UploadFile

import fastslim
import fastslim.dependencies.utils

FRAMEWORKS = [(fastapi, fastapi.dependencies.utils), (fastslim, fastslim.dependencies.utils)]


class Counting(list[Any]):
    visited = 0

    def __iter__(self) -> Iterator[Any]:
        for item in super().__iter__():
            self.visited += 1
            yield item


def counted(received: Any) -> Counting:
    backing = Counting(received._list)
    received._list = backing
    return backing


def plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.model_dump() if isinstance(v, BaseModel) else v for k, v in values.items()}


def endpoint_for(framework: ModuleType, location: str, extra: str) -> Callable[..., Any]:
    class Model(BaseModel):
        model_config = ConfigDict(extra=extra)  # type: ignore[typeddict-item]
        value: str = "default"
        tags: list[str] = []
        named: int = Field(default=0, alias="n")

    param = {"query": framework.Query, "header": framework.Header, "cookie": framework.Cookie}

    def endpoint(data: Annotated[Model, param[location]()]) -> Any:
        return data  # pragma: no cover

    return endpoint


RECEIVED = [
    [("value", "a"), ("tags", "1"), ("tags", "2"), ("n", "3"), ("other", "x"), ("other", "y")],
    [("value", "a"), ("value", "b"), ("empty", ""), ("n", "bad")],
    [],
]


@pytest.mark.parametrize("location", ["query", "header"])
@pytest.mark.parametrize("extra", ["ignore", "allow", "forbid"])
@pytest.mark.parametrize("items", RECEIVED)
def test_parameter_models(location: str, extra: str, items: list[tuple[str, str]]) -> None:
    results = []
    for framework, utils in FRAMEWORKS:
        dependant = utils.get_dependant(path="/", call=endpoint_for(framework, location, extra))
        if location == "header":
            received: Any = Headers(raw=[(k.encode(), v.encode()) for k, v in items])
        else:
            received = QueryParams(items)
        values, errors = utils.request_params_to_args(
            getattr(dependant, f"{location}_params"), received
        )
        results.append((plain(values), errors))
    assert results[1] == results[0]


@pytest.mark.parametrize("count", [64, 256])
def test_parameter_model_reads_are_linear(count: int) -> None:
    _, utils = FRAMEWORKS[1]
    dependant = utils.get_dependant(path="/", call=endpoint_for(fastslim, "query", "allow"))
    received = MultiDict([(f"k{i % (count // 2)}", str(i)) for i in range(count)])
    backing = counted(received)
    _, errors = utils.request_params_to_args(dependant.query_params, received)
    assert errors == []
    assert backing.visited <= 10 * count


def form_endpoints(framework: ModuleType) -> dict[str, Callable[..., Any]]:
    seen: list[Any] = []

    class Model(BaseModel):
        value: str = "default"
        tags: list[str] = []

        @model_validator(mode="before")
        @classmethod
        def record(cls, value: Any) -> Any:
            seen.append(type(value).__name__)
            return value

    def scalar(value: Annotated[str, framework.Form()] = "default") -> Any:
        return value  # pragma: no cover

    def several(
        a: Annotated[str, framework.Form()],
        b: Annotated[list[int], framework.Form()] = [],  # noqa: B006
    ) -> Any:
        return a  # pragma: no cover

    def model(data: Annotated[Model, framework.Form()]) -> Any:
        return data  # pragma: no cover

    upload_file: Any = framework.UploadFile

    def upload(file: Annotated[upload_file, framework.File()]) -> Any:
        return file  # pragma: no cover

    def content(file: Annotated[bytes, framework.File()]) -> Any:
        return file  # pragma: no cover

    return {
        "scalar": scalar,
        "several": several,
        "model": model,
        "upload": upload,
        "bytes": content,
    }


FORMS = [
    [("value", "x"), ("tags", "1"), ("tags", "2"), ("a", "A"), ("b", "1"), ("b", "2")],
    [("value", ""), ("a", ""), ("b", "no")],
    [],
]


@pytest.mark.anyio
@pytest.mark.parametrize("kind", ["scalar", "several", "model", "upload", "bytes"])
@pytest.mark.parametrize("items", FORMS)
async def test_form_bodies(kind: str, items: list[tuple[str, Any]]) -> None:
    results = []
    for framework, utils in FRAMEWORKS:
        dependant = utils.get_dependant(path="/", call=form_endpoints(framework)[kind])
        with BytesIO(b"contents") as stream:
            upload = UploadFile(stream, filename="f.txt")
            form = FormData([*items, ("file", upload)])
            values, errors = await utils.request_body_to_args(
                body_fields=dependant.body_params, received_body=form, embed_body_fields=False
            )
            shown = {k: "upload" if v is upload else v for k, v in plain(values).items()}
            results.append((shown, errors, stream.tell()))
    assert results[1] == results[0]
