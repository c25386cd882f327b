import fastslim_tasks
from fastslim_tasks.__about__ import __version__


def test_all_is_a_tuple_of_existing_names() -> None:
    assert isinstance(fastslim_tasks.__all__, tuple)
    assert [name for name in fastslim_tasks.__all__ if not hasattr(fastslim_tasks, name)] == []


def test_public_names_come_from_the_package() -> None:
    classes = [getattr(fastslim_tasks, name) for name in fastslim_tasks.__all__]
    for obj in classes:
        if isinstance(obj, type):
            assert obj.__module__.startswith("fastslim_tasks."), obj


def test_version() -> None:
    assert fastslim_tasks.__version__ == __version__
