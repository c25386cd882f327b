"""`fastapi._form_limits` and the multipart helpers of `fastapi.dependencies.utils`
(issue 16) against FastAPI 0.165: the same names, signatures, results and errors for
the same inputs. Runs in `nox -s compat`, where FastAPI is installed."""

import importlib
import inspect
import sys
import typing
import warnings
from collections.abc import Callable
from io import BytesIO
from types import ModuleType
from typing import Any

import fastapi._form_limits
import fastapi.dependencies.utils
import pydantic
import pytest
import python_multipart
from fastapi import UploadFile

import fastslim._form_limits
import fastslim.dependencies.utils

with warnings.catch_warnings():
    # python-multipart's older layout warns when imported (FastAPI's check falls back to it).
    warnings.simplefilter("ignore", PendingDeprecationWarning)
    multipart = importlib.import_module("multipart")
    multipart_parser = importlib.import_module("multipart.multipart")

LIMITS: list[Any] = [
    None,
    {},
    {"max_fields": 0},
    {"max_fields": 1, "max_files": 2, "max_part_size": 3},
    {"max_fields": -1},
    {"max_files": True},
    {"max_part_size": 1.0},
    {"max_part_size": "5"},
    {"max_size": 1},
    {"max_fields": -1, "other": 2},
    [("max_files", 1)],
    "limits",
]


def outcome(validate: Callable[[Any], Any], value: Any) -> Any:
    try:
        result = validate(value)
    except pydantic.ValidationError as exc:
        return ("error", exc.title, exc.errors(include_url=False))
    return ("ok", result, result is value)


@pytest.mark.parametrize("value", LIMITS, ids=repr)
def test_validate_form_limits(value: Any) -> None:
    theirs = outcome(fastapi._form_limits._validate_form_limits, value)
    assert outcome(fastslim._form_limits._validate_form_limits, value) == theirs


def test_form_limits_shape() -> None:
    theirs, ours = fastapi._form_limits._FormLimits, fastslim._form_limits._FormLimits

    def shape(cls: Any) -> Any:
        hints = typing.get_type_hints(cls, include_extras=True)
        # FastAPI's annotations also carry a documentation marker (annotated_doc.Doc).
        kept = {
            name: [
                typing.get_args(hint)[0],
                *(m for m in hint.__metadata__ if "Doc" not in repr(m)),
            ]
            for name, hint in hints.items()
        }
        config = cls.__pydantic_config__
        return kept, cls.__required_keys__, cls.__optional_keys__, config, cls.__mro__[1:]

    assert shape(ours) == shape(theirs)
    assert type(fastslim._form_limits._form_limits_adapter) is pydantic.TypeAdapter
    assert fastslim._form_limits._form_limits_adapter.core_schema["type"] == "typed-dict"
    for name in ("ConfigDict", "TypeAdapter", "with_config"):
        assert getattr(fastslim._form_limits, name) is getattr(fastapi._form_limits, name)


@pytest.mark.parametrize(
    "name", ["_validate_form_limits", "ensure_multipart_is_installed", "_read_file_bytes"]
)
def test_signatures(name: str) -> None:
    module = fastapi._form_limits if name == "_validate_form_limits" else fastapi.dependencies.utils
    ours_module: ModuleType = (
        fastslim._form_limits if module is fastapi._form_limits else fastslim.dependencies.utils
    )
    theirs, ours = getattr(module, name), getattr(ours_module, name)
    assert list(inspect.signature(ours).parameters) == list(inspect.signature(theirs).parameters)
    assert inspect.iscoroutinefunction(ours) == inspect.iscoroutinefunction(theirs)


def test_multipart_messages() -> None:
    for name in ("multipart_incorrect_install_error", "multipart_not_installed_error"):
        assert getattr(fastslim.dependencies.utils, name) == getattr(
            fastapi.dependencies.utils, name
        )


INSTALLS = [
    # (python_multipart's version, python_multipart importable, multipart.__version__ kept,
    #  multipart.multipart.parse_options_header kept)
    ("0.0.13", True, False, False),
    ("0.0.12", True, True, True),
    ("0.0.12", True, False, True),
    ("0.0.12", True, True, False),
    ("0.0.9", True, False, False),
    ("1.0", True, False, False),
    ("", True, True, True),
    ("0.0.13", False, True, True),
    ("0.0.13", False, False, True),
    ("0.0.13", False, True, False),
]


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    def apply(version: str, importable: bool, keep_version: bool, keep_parser: bool) -> None:
        monkeypatch.setattr(python_multipart, "__version__", version)
        if not importable:
            monkeypatch.setitem(sys.modules, "python_multipart", None)
        if not keep_version:
            monkeypatch.delattr(multipart, "__version__")
        if not keep_parser:
            monkeypatch.delattr(multipart_parser, "parse_options_header")

    return apply


def check(ensure: Callable[[], None]) -> str:
    try:
        ensure()
    except RuntimeError as exc:
        return str(exc)
    return "ok"


@pytest.mark.parametrize("case", INSTALLS, ids=repr)
def test_ensure_multipart_is_installed(
    case: tuple[str, bool, bool, bool], install: Callable[..., None]
) -> None:

    install(*case)
    theirs = check(fastapi.dependencies.utils.ensure_multipart_is_installed)
    assert check(fastslim.dependencies.utils.ensure_multipart_is_installed) == theirs


@pytest.mark.anyio
@pytest.mark.parametrize("start", [0, 2, 5])
async def test_read_file_bytes(start: int) -> None:
    async def read(reader: Callable[[Any], Any]) -> tuple[bytes, int]:
        with BytesIO(b"hello") as stream:
            stream.seek(start)
            file = UploadFile(file=stream)
            content = await reader(file)
            return content, stream.tell()

    theirs = await read(fastapi.dependencies.utils._read_file_bytes)
    assert await read(fastslim.dependencies.utils._read_file_bytes) == theirs
