"""The names FastAPI 0.165's modules offer (issue 16): what an app or an extension can
import from `fastapi.x` should be importable from `fastslim.x`.

A module's surface is every attribute not spelled `__x__` whose value comes from
FastAPI, Starlette or pydantic (classes, functions, instances, submodules), plus its
upper-case constants: what `from fastapi.routing import X` can reach, private names
included (extensions import `_get_body_field`, `_IncludedRouter`...). Typing helpers
(`Any`, `Callable`...) are left out. The names fastslim still lacks are listed in
`surface-missing.txt`, which only shrinks: a missing name not listed fails (a
regression), and so does a listed name that fastslim now has (remove its line, or run
with `FASTSLIM_UPDATE_SURFACE=1`, which only removes lines). Runs in `nox -s compat`.
"""

import importlib
import os
import pkgutil
import types
import warnings
from pathlib import Path
from typing import Any

import fastapi

LISTED = Path(__file__).with_name("surface-missing.txt")
ORIGINS = ("fastapi", "starlette", "pydantic", "pydantic_core")
SKIPPED = {"fastapi.__main__", "fastapi.cli"}  # FastAPI's CLI entry point (fastapi-cli)


def oracle_modules() -> list[str]:
    found = pkgutil.walk_packages(fastapi.__path__, "fastapi.")
    return ["fastapi", *sorted(info.name for info in found if info.name not in SKIPPED)]


def import_all(names: list[str]) -> dict[str, types.ModuleType | None]:
    """Every module imported first, so a package's submodule attributes are all set."""
    loaded: dict[str, types.ModuleType | None] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in names:
            try:
                loaded[name] = importlib.import_module(name)
            except ImportError:
                loaded[name] = None
    return loaded


def origin(value: Any) -> str:
    if isinstance(value, types.ModuleType):
        return value.__name__
    module = getattr(value, "__module__", None)
    return module if isinstance(module, str) else ""


def surface(module: types.ModuleType) -> set[str]:
    names = set()
    for name in dir(module):
        if name.startswith("__") and name.endswith("__"):
            continue
        value = getattr(module, name)
        ours = origin(value).partition(".")[0] in ORIGINS
        constant = name.isupper() and type(value).__module__ == "builtins" and not callable(value)
        if ours or constant:
            names.add(name)
    return names


def missing_names() -> list[str]:
    oracle = import_all(oracle_modules())
    ours = import_all(["fastslim" + name.removeprefix("fastapi") for name in oracle])
    missing = []
    for name, module in oracle.items():
        assert module is not None, name
        counterpart = ours["fastslim" + name.removeprefix("fastapi")]
        have = set(dir(counterpart)) if counterpart is not None else set()
        missing += [f"{name}:{attribute}" for attribute in sorted(surface(module) - have)]
    return missing


def listed() -> list[str]:
    lines = LISTED.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_the_surface_only_grows() -> None:
    missing = missing_names()
    known = listed()
    regressions = sorted(set(missing) - set(known))
    assert not regressions, f"fastslim lacks names FastAPI 0.165 has: {regressions}"
    now_present = sorted(set(known) - set(missing))
    if now_present and os.environ.get("FASTSLIM_UPDATE_SURFACE") == "1":
        header = [
            line for line in LISTED.read_text(encoding="utf-8").splitlines() if line.startswith("#")
        ]
        LISTED.write_text("\n".join([*header, *sorted(set(known) & set(missing))]) + "\n")
        return
    assert not now_present, (
        f"fastslim now has these: remove them from {LISTED.name} "
        f"(or run with FASTSLIM_UPDATE_SURFACE=1): {now_present}"
    )


def test_the_surface_sees_a_missing_name() -> None:
    """The walk itself: FastAPI's `APIRouter` is on the surface of `fastapi.routing`,
    `Any` (typing) is not, and a module without it lacks it."""
    routing = importlib.import_module("fastapi.routing")
    names = surface(routing)
    assert "APIRouter" in names
    assert "Any" not in names
    assert "APIRouter" not in set(dir(types.ModuleType("empty")))
