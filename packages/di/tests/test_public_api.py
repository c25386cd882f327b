import subprocess
import sys

import fastslim_di
from fastslim_di.__about__ import __version__


def test_all_is_a_sorted_tuple_of_existing_names() -> None:
    assert isinstance(fastslim_di.__all__, tuple)
    assert [name for name in fastslim_di.__all__ if not hasattr(fastslim_di, name)] == []
    assert len(set(fastslim_di.__all__)) == len(fastslim_di.__all__)


def test_public_names_come_from_the_package() -> None:
    for name in fastslim_di.__all__:
        obj = getattr(fastslim_di, name)
        module = getattr(obj, "__module__", "fastslim_di")
        if name in ("DependencyScope", "EMPTY"):  # a Literal alias; inspect.Parameter.empty
            continue
        assert module.startswith("fastslim_di"), (name, module)


def test_version() -> None:
    assert fastslim_di.__version__ == __version__ == "0.1.0"


def test_importing_the_package_loads_nothing_web() -> None:
    code = (
        "import sys; before = set(sys.modules); import fastslim_di; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    loaded = {name.split(".")[0] for name in result.stdout.split()}
    assert "fastslim_di" in loaded
    assert loaded.isdisjoint({"starlette", "pydantic", "httpx", "fastapi"})
