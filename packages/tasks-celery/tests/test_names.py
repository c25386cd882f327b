"""What can cross to a worker: `module:qualname` of a top-level function."""

from __future__ import annotations

import functools
from typing import Any

import celery_jobs as jobs
import pytest

from fastslim_tasks_celery._names import task_name


class Holder:
    def method(self) -> None: ...

    @staticmethod
    def static() -> None: ...


def make_closure() -> Any:
    def inner() -> None: ...

    return inner


def test_a_top_level_function_travels_as_module_colon_qualname() -> None:
    assert task_name(jobs.add, "add") == "celery_jobs:add"
    assert task_name(jobs.async_echo, "echo") == "celery_jobs:async_echo"


@pytest.mark.parametrize(
    ("func", "problem"),
    [
        (lambda: None, "it is a lambda"),
        (make_closure(), "make_closure.<locals>.inner is a closure"),
        (Holder().method, "is a bound method (its instance cannot be sent)"),
        (Holder.static, "Holder.static is not defined at the top level of "),
        (functools.partial(jobs.add, 1), "is a functools.partial"),
        (Holder(), "is not a function"),
        (print, "<built-in function print> is not a function"),
    ],
)
def test_what_a_worker_could_not_import_is_refused_with_the_reason(func: Any, problem: str) -> None:
    with pytest.raises(TypeError) as caught:
        task_name(func, "shown")
    message = str(caught.value)
    assert message.startswith('Cannot submit "shown" to Celery: ')
    assert problem in message
    assert "submit a function defined at the top level of a module" in message


def test_a_function_of_main_is_refused() -> None:
    def main_function() -> None: ...

    main_function.__module__ = "__main__"
    main_function.__qualname__ = "main_function"
    with pytest.raises(TypeError, match="main_function is defined in __main__"):
        task_name(main_function, "main_function")


def test_a_function_not_found_under_its_name_is_refused() -> None:
    def renamed() -> None: ...

    renamed.__module__ = "celery_jobs"
    renamed.__qualname__ = "add"  # celery_jobs.add is another function
    with pytest.raises(TypeError, match=r"celery_jobs\.add is not the name this function"):
        task_name(renamed, "renamed")
