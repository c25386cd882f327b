import fastslim_tasks_celery
from fastslim_tasks_celery.__about__ import __version__


def test_all_is_a_tuple_of_existing_names() -> None:
    assert isinstance(fastslim_tasks_celery.__all__, tuple)
    missing = [n for n in fastslim_tasks_celery.__all__ if not hasattr(fastslim_tasks_celery, n)]
    assert missing == []


def test_public_names_come_from_the_package() -> None:
    for name in fastslim_tasks_celery.__all__:
        obj = getattr(fastslim_tasks_celery, name)
        if isinstance(obj, type) or callable(obj):
            assert obj.__module__.startswith("fastslim_tasks_celery."), obj


def test_version() -> None:
    assert fastslim_tasks_celery.__version__ == __version__
