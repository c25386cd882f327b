import functools
from typing import Any

import pytest

from fastslim_tasks._callables import callable_name, is_async_callable


async def async_func() -> None:
    pass


def sync_func() -> None:
    pass


class AsyncCallable:
    async def __call__(self) -> None:
        pass


class SyncCallable:
    def __call__(self) -> None:
        pass


class WithMethods:
    async def async_method(self) -> None:
        pass

    def sync_method(self) -> None:
        pass


def sync_decorator(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize(
    ("func", "expected"),
    [
        (async_func, True),
        (sync_func, False),
        (functools.partial(async_func), True),
        (functools.partial(functools.partial(async_func)), True),
        (functools.partial(sync_func), False),
        (AsyncCallable(), True),
        (SyncCallable(), False),
        (functools.partial(AsyncCallable()), True),
        (WithMethods().async_method, True),
        (WithMethods().sync_method, False),
        (AsyncCallable, False),  # calling the class builds an instance, no coroutine
        (sync_decorator(sync_func), False),
        (print, False),
    ],
)
def test_is_async_callable(func: object, expected: bool) -> None:
    assert is_async_callable(func) is expected


def test_callable_name_of_function_partial_method_and_instance() -> None:
    assert callable_name(sync_func) == "sync_func"
    assert callable_name(functools.partial(async_func)) == "async_func"
    assert callable_name(WithMethods().sync_method) == "sync_method"
    assert callable_name(AsyncCallable()) == "AsyncCallable"
    assert callable_name(sync_decorator(sync_func)) == "sync_func"
