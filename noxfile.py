"""Every development task of the fastslim monorepo.

`nox` with no arguments runs lint, types and every test session. Each package is
tested from its built wheel, installed with only its declared dependencies, so a
stray import of an undeclared package fails. fastslim packages are always
installed from their local path (./packages/<name>), never from the registry.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|venv"
nox.options.error_on_external_run = True

ROOT = Path(__file__).parent
PACKAGES_DIR = ROOT / "packages"


@dataclass(frozen=True)
class Package:
    """A distribution of the monorepo, in packages/<folder>."""

    dist: str
    module: str
    siblings: tuple[str, ...] = ()
    """Folders of the local packages it depends on, installed from their path."""
    test_deps: tuple[str, ...] = ()
    """What its own tests need beyond pytest and trio."""
    extras: tuple[str, ...] = ()
    """Its own extras, installed (and allowed) in its test session."""
    services: tuple[str, ...] = ()
    """What its tests need running beside them ("redis": a redis-server on
    127.0.0.1, its URL in FASTSLIM_TEST_REDIS_URL)."""


ALL_PACKAGES = {
    "tasks": Package("fastslim-tasks", "fastslim_tasks"),
    "di": Package("fastslim-di", "fastslim_di"),
    "testclient": Package("fastslim-testclient", "fastslim_testclient", test_deps=("starlette",)),
    "routing": Package(
        "fastslim-routing",
        "fastslim_routing",
        siblings=("tasks", "di"),
        # orjson/ujson: the optional renderers of ORJSONResponse/UJSONResponse;
        # python-multipart: form parsing (its `multipart` extra); opentelemetry-sdk:
        # in-memory exporters for the telemetry tests (its `telemetry` extra).
        test_deps=(
            "httpx",
            "hypothesis",
            "jinja2",
            "orjson",
            "ujson",
            "python-multipart",
            "opentelemetry-sdk",
            str(PACKAGES_DIR / "testclient"),
        ),
    ),
    # Its tests start real `celery worker` processes against a real Redis.
    "tasks-celery": Package(
        "fastslim-tasks-celery",
        "fastslim_tasks_celery",
        siblings=("tasks",),
        extras=("redis",),
        services=("redis",),
    ),
    "meta": Package(
        "fastslim",
        "fastslim",
        siblings=("tasks", "di", "routing", "testclient"),
        extras=("testclient", "templates", "multipart", "docs-offline"),
    ),
    # `import fastapi` loads fastslim once it is installed: kept out of every other
    # session's environment (all_packages), where `fastapi` is FastAPI the oracle.
    # uv: its with-FastAPI-installed test builds an environment of its own.
    "alias": Package(
        "fastslim-alias",
        "fastslim_alias",
        siblings=("tasks", "di", "routing", "meta"),
        test_deps=("uv",),
    ),
}
# A package takes part once its folder exists.
PACKAGES = {name: spec for name, spec in ALL_PACKAGES.items() if (PACKAGES_DIR / name).is_dir()}
TEST_TOOLS = ["pytest", "trio"]
LINT_TOOLS = ["ruff"]
TYPE_TOOLS = [
    "mypy",
    "pytest",
    "trio",
    "nox",
    "hypothesis",
    "orjson",
    "ujson",
    "selenium",
    "uv",
    "schemathesis",
    "celery-types",  # Celery's type stubs (celery, kombu, billiard), for fastslim-tasks-celery
]
TELEMETRY_DEPS = ["opentelemetry-sdk", "opentelemetry-exporter-otlp-proto-http"]
INTEGRATION_DEPS = ["starlette"]
# The shop demo (examples/shop) beyond the meta-package's `standard` extra (which
# brings uvicorn, python-multipart and httpx).
DEMO_DEPS = ["sqlalchemy>=2.0", "pillow>=10"]
SHOP = ROOT / "examples" / "shop"
BENCH_DEPS = [
    "starlette",
    "trio",
    "opentelemetry-sdk",  # bench_telemetry's "on"
    "litestar>=2.25,<3",  # a peer of bench_routing and bench_instructions, like FastAPI
    "uvicorn[standard]",  # bench_server's server (httptools, uvloop: as fastapi[standard])
]
ORACLE = "fastapi==0.165.0"  # the FastAPI version fastslim is compatible with


def local(name: str) -> str:
    return str(PACKAGES_DIR / name)


def with_siblings(name: str) -> list[str]:
    package = PACKAGES[name]
    extras = f"[{','.join(package.extras)}]" if package.extras else ""
    return [local(sibling) for sibling in package.siblings] + [local(name) + extras]


def all_packages() -> list[str]:
    """Every package, each with its extras; not the alias, which would make `import
    fastapi` load fastslim."""
    return [with_siblings(name)[-1] for name in PACKAGES if name != "alias"]


def demo_packages() -> list[str]:
    """Every package, the meta-package with its `standard` extra too, fastslim-tasks-celery
    with Redis (the demo's reports on Celery workers, SHOP_TASKS_BROKER), and the demo's
    own dependencies."""
    meta = PACKAGES["meta"]
    extras = ",".join((*meta.extras, "standard"))
    return (
        [local(sibling) for sibling in meta.siblings]
        + [f"{local('meta')}[{extras}]", f"{local('tasks-celery')}[redis]"]
        + [*DEMO_DEPS]
    )


def pytest_args(session: nox.Session, *paths: str) -> list[str]:
    return ["pytest", *paths, *session.posargs]


for _name in PACKAGES:

    @nox.session(name=f"tests-{_name}")
    def package_tests(session: nox.Session, name: str = _name) -> None:
        """Test one package from its wheel, with only its declared dependencies."""
        package = PACKAGES[name]
        session.install(*with_siblings(name))
        # Before any test tool: only the package's own dependencies are present.
        session.run(
            "python",
            "tools/check_install.py",
            package.dist,
            package.module,
            ",".join(package.extras),
        )
        session.install(*TEST_TOOLS, *package.test_deps)
        with services(session, package.services) as env:
            session.run(*pytest_args(session, f"packages/{name}/tests"), env=env)


@contextmanager
def services(session: nox.Session, names: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """The services a package's tests need, started for the session and stopped
    after it; the environment variables that tell the tests where they are."""
    if "redis" not in names:
        yield {}
        return
    with redis_server(session) as url:
        yield {"FASTSLIM_TEST_REDIS_URL": url}


def system_program(session: nox.Session, program: str, package: str) -> str:
    """`program` from the system packages, installed with apt-get (`package`) when
    missing and allowed (root on Debian); else the session fails saying so."""
    found = shutil.which(program)
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        session.run("apt-get", "update", "-qq", external=True)
        install = ["apt-get", "install", "-y", "-qq", package]
        session.run(*install, external=True, env={"DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which(program)
    if found is None:
        session.error(f"This session needs {program}: apt-get install {package}.")
    return found


@contextmanager
def redis_server(session: nox.Session) -> Iterator[str]:
    """A redis-server of the system (installed if missing) on 127.0.0.1 and a free
    port, without persistence; its URL. Stopped when the block is left."""
    binary = system_program(session, "redis-server", "redis-server")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = ROOT / ".nox" / f"redis-{port}"
    folder.mkdir(parents=True, exist_ok=True)
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(folder)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not redis_answers(port):
            if server.poll() is not None or time.monotonic() > deadline:
                session.error(f"redis-server did not start on 127.0.0.1:{port}")
            time.sleep(0.05)
        session.log(f"redis-server on 127.0.0.1:{port}")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@nox.session
def integration(session: nox.Session) -> None:
    """The whole stack through the fastslim meta-package (top-level tests/), and the
    shop demo's tests (examples/shop/tests: one under uvicorn, one with a Redis, a
    Celery worker and uvicorn --workers 2)."""
    session.install(*demo_packages(), *TEST_TOOLS, *INTEGRATION_DEPS)
    with services(session, ("redis",)) as env:
        paths = (
            "tests",
            "examples/shop/tests",
            "--ignore=tests/compat",
            "--ignore=tests/ecosystem",
        )
        session.run(*pytest_args(session, *paths), env=env)


@nox.session
def compat(session: nox.Session) -> None:
    """fastslim against FastAPI as an oracle: same apps, same observable behaviour.

    The only session that installs FastAPI; the packages never import it.
    """
    session.install(*all_packages(), *TEST_TOOLS, ORACLE, "opentelemetry-sdk")
    session.run(*pytest_args(session, "tests/compat"))


# FastAPI 0.165.0's own test suite, the given half (tests/conformance): what it imports,
# with the baseline's starlette and pydantic.
CONFORMANCE = ROOT / "tests" / "conformance"
CONFORMANCE_DEPS = [
    "starlette==1.10.*",
    "pydantic==2.14.*",
    "pytest",
    "pytest-timeout",
    "dirty-equals",
    "inline-snapshot",
    "httpx",
    "anyio[trio]",
    "python-multipart",
    "jinja2",
    "pyyaml",
    "email-validator",
    "pyjwt",
    "pwdlib[argon2]",
    "sqlmodel",
    "flask",
    "a2wsgi",
    "orjson",
    "ujson",
    "pydantic-settings",
    "opentelemetry-sdk",
    "opentelemetry-exporter-otlp-proto-http",
    "strawberry-graphql",
    "typer",
]


ALIAS_ONLY = """
import importlib.metadata, importlib.util
try:
    importlib.metadata.distribution("fastapi")
except importlib.metadata.PackageNotFoundError:
    pass
else:
    raise SystemExit("FastAPI is installed in fastslim's conformance environment")
origin = importlib.util.find_spec("fastapi").origin
assert "fastslim_alias" in origin, origin
"""


def run_suite(session: nox.Session, python: str, src: Path, outcomes: Path, *args: str) -> None:
    """FastAPI's kept tests under `python`, outcomes written to `outcomes` (never
    failing the session by themselves: the comparison decides). All of `tests/`, or
    only the test paths among `args` (`tests/test_x.py`, `tests/test_y.py::test_z`)."""
    subset = any(arg.startswith("tests/") for arg in args)
    session.run(
        python,
        "-m",
        "pytest",
        "-c",
        str(CONFORMANCE / "pytest.ini"),
        "--rootdir",
        str(src),
        *([] if subset else ["tests"]),
        *args,
        env={
            "CONFORMANCE_OUTCOMES": str(outcomes),
            "PYTHONPATH": str(CONFORMANCE),
            "PYTHONHASHSEED": "0",
        },
        external=True,
        success_codes=[0, 1],
        silent=True,
    )


@nox.session
def conformance(session: nox.Session) -> None:
    """FastAPI 0.165.0's own test suite (the given half, tests/conformance) on FastAPI
    and, through the alias (packages/alias), on fastslim, twice; fails on a test that
    passes on FastAPI and fails on fastslim unless known-differences.txt or
    pending.txt lists it, on a pending test that passes now, and on a test whose
    outcome changes between the two fastslim runs.

    `nox -s conformance -- --update-pending` deletes from pending.txt the tests that
    pass now (it never adds any); other arguments go to pytest, and test paths
    (`-- tests/test_x.py`) run only those files, compared only there.
    """
    update = "--update-pending" in session.posargs
    pytest_extra = [arg for arg in session.posargs if arg != "--update-pending"]
    work = ROOT / ".nox" / "conformance-files"
    sdist = work / "fastapi-0.165.0.tar.gz"
    session.install(*all_packages(), local("alias"), *CONFORMANCE_DEPS, "pip", "uv")
    # fastslim's side: FastAPI not installed, `fastapi` is the alias.
    session.run("python", "-c", ALIAS_ONLY)
    if not sdist.exists():
        download = ["python", "-m", "pip", "download", "-q", "--no-binary", ":all:"]
        session.run(*download, "--no-deps", ORACLE, "-d", str(work))
    src = work / "src"  # FastAPI's tests/ and docs_src/, without the held-out files
    shutil.rmtree(src, ignore_errors=True)
    session.run("python", str(CONFORMANCE / "_conformance.py"), "extract", str(sdist), str(src))
    # FastAPI 0.165.0 itself, in an environment of its own.
    oracle = work / "fastapi-env"
    oracle_python = str(oracle / "bin" / "python")
    session.run("uv", "venv", "-q", "--allow-existing", "-p", "python", str(oracle))
    session.run("uv", "pip", "install", "-q", "-p", oracle_python, ORACLE, *CONFORMANCE_DEPS)
    session.chdir(src)
    results = work / "outcomes"
    results.mkdir(exist_ok=True)
    runs = {
        "fastapi": oracle_python,
        "fastslim": "python",
        "fastslim-again": "python",
    }
    for name, python in runs.items():
        session.log(f"FastAPI's suite on {name}")
        run_suite(session, python, src, results / f"{name}.json", *pytest_extra)
    session.chdir(ROOT)
    compare = ["python", str(CONFORMANCE / "_conformance.py"), "compare"]
    outcomes = [str(results / f"{name}.json") for name in runs]
    session.run(*compare, *outcomes, *(["--update-pending"] if update else []))


# Real extensions, pinned (what tests/ecosystem/apps use), and what those apps need.
EXTENSIONS = [
    "fastapi-pagination==0.16.1",
    "strawberry-graphql==0.341.3",
    "fastapi-cache2==0.2.2",
    "fastapi-utils==0.8.0",
    "typing-inspect==0.9.0",
    "fastapi-restful==0.6.0",
    "slowapi==0.1.10",
    "asgi-correlation-id==5.0.1",
    "fastapi-users[sqlalchemy]==15.0.5",
    "sqladmin==0.32.0",
    "fastapi-versioning==0.10.0",
    "fastapi-filter==3.0.0",
    "fastapi-health==0.4.0",
    "fastapi-events==0.12.2",
    "fastapi-mcp==0.4.0",
    "fastapi-jsonrpc==4.1.0",
    "aiojobs==1.4.0",
    "prometheus-fastapi-instrumentator==8.1.0",
    "opentelemetry-instrumentation-fastapi==0.66b2",
    "opentelemetry-sdk==1.45.2",  # the SDK release 0.66b2 is built with
    "cadwyn==9.0.0",
    "mcp==1.30.0",  # fastapi-mcp 0.4 is written for mcp 1
    "sqlalchemy==2.0.59",
    "aiosqlite==0.22.1",
    "jinja2",
    "httpx",
    "python-multipart",
]


@nox.session
def ecosystem(session: nox.Session) -> None:
    """Real FastAPI extensions (tests/ecosystem) in two environments of their own:
    FastAPI 0.165.0, and fastslim through the alias with FastAPI's distribution
    installed beside it, as an extension that requires FastAPI brings it."""
    session.install(*TEST_TOOLS, "uv")
    work = ROOT / ".nox" / "ecosystem-envs"
    fastslim = [*with_siblings("meta"), local("alias")]
    # fastslim's local packages are rebuilt on every run (uv would keep a cached build).
    rebuild = [arg for name in PACKAGES for arg in ("--reinstall-package", PACKAGES[name].dist)]
    pythons = {}
    for name, own in (("fastapi", []), ("fastslim", fastslim)):
        env = work / name
        python = str(env / "bin" / "python")
        session.run("uv", "venv", "-q", "--allow-existing", "-p", "python", str(env))
        refresh = rebuild if own else []
        session.run("uv", "pip", "install", "-q", "-p", python, *refresh, ORACLE, *EXTENSIONS, *own)
        pythons[f"ECOSYSTEM_{name.upper()}_PYTHON"] = python
    session.run(*pytest_args(session, "tests/ecosystem"), env=pythons)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check on the whole tree."""
    session.install(*LINT_TOOLS)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def types(session: nox.Session) -> None:
    """mypy --strict on each package's source and tests."""
    demo = [*DEMO_DEPS, "uvicorn"]  # what examples/shop imports
    session.install(*all_packages(), *TYPE_TOOLS, *TELEMETRY_DEPS, *INTEGRATION_DEPS, *demo, ORACLE)
    for name in PACKAGES:
        session.run("mypy", f"packages/{name}/src", f"packages/{name}/tests")
    examples = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "examples").glob("*.py"))
    # tests/ecosystem/apps run in environments of their own, with the extensions they
    # import (nox -s ecosystem), which this one does not have.
    checked = ("tests", *examples, "benchmarks", "tools", "noxfile.py")
    session.run("mypy", *checked, "--exclude", "tests/ecosystem/apps/")
    # The shop demo on its own: its tests' conftest would clash with tests/compat's.
    session.run("mypy", "examples/shop")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against the projects fastslim replaces, reported as ratios.

    `nox -s bench -- --instructions` runs only bench_instructions.py (instructions
    per request under callgrind: figures that hold on a loaded machine; a few
    minutes), with the arguments after it."""
    session.install(*all_packages(), *BENCH_DEPS, ORACLE)
    if session.posargs[:1] == ["--instructions"]:
        session.run("python", "benchmarks/bench_instructions.py", *session.posargs[1:])
        return
    with services(session, ("redis",)) as env:  # bench_celery's broker
        for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
            if script.name != "bench_instructions.py":
                session.run("python", str(script.relative_to(ROOT)), *session.posargs, env=env)


@nox.session
def demo(session: nox.Session) -> None:
    """The project's main job: the short demos (the first app, tasks, dependency
    injection), then the shop demo served by uvicorn on 127.0.0.1:8000 until Ctrl-C."""
    session.install(*demo_packages())
    session.run("python", "examples/first_app.py")
    session.run("python", "examples/tasks_demo.py")
    session.run("python", "examples/di_cli.py")
    # Ctrl-C reaches the server too; give its graceful shutdown (the task runner's
    # drain, SHOP_DRAIN_TIMEOUT, 5 s by default) time before nox terminates it.
    session.run(
        "python",
        "-m",
        "shop",
        env={"PYTHONPATH": str(SHOP)},
        interrupt_timeout=60,
        terminate_timeout=5,
    )


# schemathesis (and the Hypothesis it brings) is what the fuzz session alone installs.
FUZZ_DEPS = ["schemathesis>=4.30,<5"]


# The kitchen-sink app's other side: FastAPI 0.165.0 in an environment of its own
# (with the pydantic and Starlette of the session's), never next to fastslim.
FUZZ_ORACLE_DEPS = [ORACLE, "uvicorn", "python-multipart"]


@nox.session
def fuzz(session: nox.Session) -> None:
    """schemathesis against apps served by uvicorn on 127.0.0.1 (tests/fuzz/_fuzz.py):
    the shop demo (every operation, positive and negative cases, authenticated where
    its document says so): zero failures of the server-error, status-code and
    response-schema checks; then the kitchen-sink app (every parameter kind) on
    fastslim and on FastAPI 0.165.0, every case sent to both: zero failures and no
    difference from FastAPI that the README does not list. Seeded; `-- --seed N` picks
    other cases, `-- --cases N` sets the cases per operation and mode."""
    session.install(*demo_packages(), *FUZZ_DEPS, "uv")
    session.run("python", "tests/fuzz/_fuzz.py", "demo", *session.posargs)
    oracle = ROOT / ".nox" / "fuzz-oracle"
    oracle_python = str(oracle / "bin" / "python")
    versions = "import pydantic, starlette; print(pydantic.VERSION, starlette.__version__)"
    output = session.run("python", "-c", versions, silent=True)
    pydantic_version, starlette_version = str(output).split()
    pins = [f"pydantic=={pydantic_version}", f"starlette=={starlette_version}"]
    session.run("uv", "venv", "-q", "--allow-existing", "-p", "python", str(oracle))
    session.run("uv", "pip", "install", "-q", "-p", oracle_python, *FUZZ_ORACLE_DEPS, *pins)
    sink = ["python", "tests/fuzz/_fuzz.py", "kitchen-sink", "--fastapi-python", oracle_python]
    session.run(*sink, *session.posargs)


def system_chromium(session: nox.Session) -> tuple[str, str]:
    """Chromium and its WebDriver from the system packages, installed with apt-get when
    missing and allowed (root on Debian); else the session fails saying what to install."""
    names = ("chromium", "chromedriver")
    found = [shutil.which(name) for name in names]
    if None in found and shutil.which("apt-get") and os.geteuid() == 0:
        session.run("apt-get", "update", "-qq", external=True)
        install = ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"]
        session.run(*install, external=True, env={"DEBIAN_FRONTEND": "noninteractive"})
        found = [shutil.which(name) for name in names]
    chromium, driver = found
    if chromium is None or driver is None:
        session.error(
            "The browser session needs Chromium and its driver: "
            "apt-get install chromium chromium-driver."
        )
    return chromium, driver


@nox.session
def browser(session: nox.Session) -> None:
    """The shop demo's /docs in headless Chromium (offline assets): every operation
    listed, one "Try it out", no console error; a screenshot in .nox/. Not in the
    default list: it needs Chromium (installed from the system packages if missing)."""
    chromium, driver = system_chromium(session)
    session.install(*demo_packages(), "selenium")
    screenshot = ROOT / ".nox" / "browser-docs.png"
    session.run(
        "python",
        "tools/browser_check.py",
        "--chromium",
        chromium,
        "--driver",
        driver,
        "--screenshot",
        str(screenshot),
    )


nox.options.sessions = [
    "lint",
    "types",
    *(f"tests-{name}" for name in PACKAGES),
    "compat",
    "integration",
    "ecosystem",
    "conformance",
    "fuzz",
]
