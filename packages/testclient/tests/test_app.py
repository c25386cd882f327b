"""ASGI 3 apps are used as they are; ASGI 2 apps are wrapped."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from fastslim_testclient._app import as_asgi3
from fastslim_testclient._types import Receive, Scope, Send


async def asgi3(scope: Scope, receive: Receive, send: Send, extra: Any = None) -> None:
    pass


class ASGI3Instance:
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        pass


class ASGI2Class:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    async def __call__(self, receive: Receive, send: Send) -> None:
        pass


def asgi2_function(scope: Scope) -> Any:
    async def instance(receive: Receive, send: Send) -> None:
        pass

    return instance


@pytest.mark.parametrize("app", [asgi3, ASGI3Instance(), functools.partial(asgi3, extra=1)])
def test_asgi3_apps_are_used_as_they_are(app: Any) -> None:
    assert as_asgi3(app) is app


@pytest.mark.parametrize("app", [ASGI2Class, asgi2_function])
def test_asgi2_apps_are_wrapped(app: Any) -> None:
    wrapped = as_asgi3(app)
    assert wrapped is not app
    assert getattr(wrapped, "app", None) is app


def test_a_non_callable_is_refused() -> None:
    with pytest.raises(TypeError, match=r"must be an ASGI callable, got 42\."):
        as_asgi3(42)
