"""`fastslim.staticfiles` and `fastslim.templating`, as FastAPI's: Starlette's classes;
without jinja2, importing `fastslim.templating` fails naming the package."""

import importlib
import sys

import pytest
import starlette.staticfiles
import starlette.templating


def test_staticfiles_module() -> None:
    import fastslim.staticfiles

    assert fastslim.staticfiles.__all__ == ("StaticFiles",)
    assert fastslim.staticfiles.StaticFiles is starlette.staticfiles.StaticFiles


def test_templating_module() -> None:
    import fastslim.templating

    assert fastslim.templating.__all__ == ("Jinja2Templates",)
    assert fastslim.templating.Jinja2Templates is starlette.templating.Jinja2Templates


def test_without_jinja2_importing_templating_names_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    monkeypatch.delitem(sys.modules, "starlette.templating")
    monkeypatch.delitem(sys.modules, "fastslim.templating", raising=False)
    with pytest.raises(ModuleNotFoundError, match="needs the jinja2 package") as info:
        importlib.import_module("fastslim.templating")
    assert info.value.name == "jinja2"
    assert "pip install" in str(info.value)
