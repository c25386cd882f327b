"""Every development task of the fastslim monorepo.

`nox` with no arguments runs lint, types and every test session. Each package is
tested from its built wheel, installed with only its declared dependencies, so a
stray import of an undeclared package fails. fastslim packages are always
installed from their local path (./packages/<name>), never from the registry.
"""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|venv"
nox.options.error_on_external_run = True

ROOT = Path(__file__).parent
PACKAGES_DIR = ROOT / "packages"

# Each package, with the import package it ships, the local sibling packages it
# depends on, and what its own tests need beyond pytest and trio.
# A package appears here once its folder exists.
ALL_PACKAGES: dict[str, dict[str, list[str] | str]] = {
    "tasks": {"module": "fastslim_tasks", "siblings": [], "test_deps": []},
    "di": {"module": "fastslim_di", "siblings": [], "test_deps": []},
    "testclient": {"module": "fastslim_testclient", "siblings": [], "test_deps": ["starlette"]},
    "meta": {"module": "fastslim", "siblings": ["tasks"], "test_deps": []},
}
PACKAGES = {name: spec for name, spec in ALL_PACKAGES.items() if (PACKAGES_DIR / name).is_dir()}
TEST_TOOLS = ["pytest", "trio"]
LINT_TOOLS = ["ruff"]
TYPE_TOOLS = ["mypy", "pytest", "trio", "nox"]
INTEGRATION_DEPS = ["starlette", "httpx"]
BENCH_DEPS = ["starlette", "trio"]

# Imports every module of a package: run before any test tool is installed, so
# it fails when a package imports something it does not declare.
IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
print(f"imported every module of {sys.argv[1]} with only its declared dependencies")
"""


def local(name: str) -> str:
    return str(PACKAGES_DIR / name)


def with_siblings(name: str) -> list[str]:
    siblings = PACKAGES[name]["siblings"]
    assert isinstance(siblings, list)
    return [local(sibling) for sibling in siblings] + [local(name)]


def all_packages() -> list[str]:
    return [local(name) for name in PACKAGES]


def pytest_args(session: nox.Session, *paths: str) -> list[str]:
    return ["pytest", *paths, *session.posargs]


for _name in PACKAGES:

    @nox.session(name=f"tests-{_name}")
    def package_tests(session: nox.Session, name: str = _name) -> None:
        """Test one package from its wheel, with only its declared dependencies."""
        module = PACKAGES[name]["module"]
        assert isinstance(module, str)
        session.install(*with_siblings(name))
        session.run("python", "-c", IMPORT_ALL, module)
        test_deps = PACKAGES[name]["test_deps"]
        assert isinstance(test_deps, list)
        session.install(*TEST_TOOLS, *test_deps)
        session.run(*pytest_args(session, f"packages/{name}/tests"))


@nox.session
def integration(session: nox.Session) -> None:
    """The whole stack through the fastslim meta-package (top-level tests/)."""
    session.install(*all_packages(), *TEST_TOOLS, *INTEGRATION_DEPS)
    session.run(*pytest_args(session, "tests"))


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check on the whole tree."""
    session.install(*LINT_TOOLS)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def types(session: nox.Session) -> None:
    """mypy --strict on each package's source and tests."""
    session.install(*all_packages(), *TYPE_TOOLS, *INTEGRATION_DEPS)
    for name in PACKAGES:
        session.run("mypy", f"packages/{name}/src", f"packages/{name}/tests")
    session.run("mypy", "tests", "examples", "benchmarks", "noxfile.py")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against the projects fastslim replaces, reported as ratios."""
    session.install(*all_packages(), *BENCH_DEPS)
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        session.run("python", str(script.relative_to(ROOT)), *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """The project's main job: the runnable demo."""
    session.install(*all_packages())
    session.run("python", "examples/tasks_demo.py")


nox.options.sessions = ["lint", "types", *(f"tests-{name}" for name in PACKAGES), "integration"]
