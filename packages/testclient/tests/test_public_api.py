import fastslim_testclient
from fastslim_testclient.__about__ import __version__


def test_all_is_a_tuple_of_existing_names() -> None:
    assert isinstance(fastslim_testclient.__all__, tuple)
    missing = [
        name for name in fastslim_testclient.__all__ if not hasattr(fastslim_testclient, name)
    ]
    assert missing == []


def test_public_names_come_from_the_package() -> None:
    for name in fastslim_testclient.__all__:
        obj = getattr(fastslim_testclient, name)
        module = getattr(obj, "__module__", "fastslim_testclient")
        assert module.startswith("fastslim_testclient"), (name, module)


def test_version() -> None:
    assert fastslim_testclient.__version__ == __version__ == "0.1.0"


def test_the_package_does_not_import_starlette() -> None:
    import subprocess
    import sys

    code = (
        "import sys, fastslim_testclient\n"
        "assert not any(m == 'starlette' or m.startswith('starlette.') for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith('starlette'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
