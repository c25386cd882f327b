"""`@inject`: call a plain function and have its dependencies solved.

    @inject
    async def main(db: Annotated[DB, Depends(get_db)], user_id: int) -> None: ...

    await main(user_id=1)        # db solved; caller arguments always win

The plan is built when decorating (misuse fails then). Each call is one
function scope; it runs in the current request scope of the container if one
is open (`async with container.request_scope():`), else in a request scope of
its own. The container is the one given, else the one entered in the current
context (`async with container:`), else a process-wide default container that
is never running (app-scoped dependencies then fail with `ScopeNotActiveError`).

A plain `def` function is solved synchronously in the caller's thread; all its
dependencies must then be sync (checked when decorating).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, overload

from ._build import build_plan
from ._callables import call_kind, callable_name
from ._container import Container, current_container
from ._errors import DependencyDeclarationError
from ._request import RequestScope
from ._solve_sync import check_sync_plan

R = TypeVar("R")

_DEFAULT_CONTAINER = Container()


def default_container() -> Container:
    """The container `@inject` uses when none is given nor entered."""
    return _DEFAULT_CONTAINER


def _container_for(bound: Container | None) -> Container:
    if bound is not None:
        return bound
    return current_container() or _DEFAULT_CONTAINER


@overload
def inject(func: Callable[..., R], /) -> Callable[..., R]: ...


@overload
def inject(
    *, container: Container | None = None
) -> Callable[[Callable[..., R]], Callable[..., R]]: ...


def inject(
    func: Callable[..., R] | None = None, /, *, container: Container | None = None
) -> Callable[..., R] | Callable[[Callable[..., R]], Callable[..., R]]:
    """Decorate `func` so that calling it solves its dependencies first.

    The result keeps `func`'s return type; its parameters are typed loosely
    (`...`) since the caller may omit the injected ones.

    Raises `DependencyDeclarationError` (or a subclass) when decorating: a
    generator function, misuse found while building the plan, or a plain `def`
    function with an async dependency or source, or `max_concurrency`. A call
    raises what `RequestScope.call_plan` (or `call_plan_sync`) raises.
    """
    if func is None:
        return functools.partial(_inject, container=container)
    return _inject(func, container=container)


def _inject(func: Callable[..., R], *, container: Container | None) -> Callable[..., R]:
    name = callable_name(func)
    kind = call_kind(func)
    if kind.is_generator:
        raise DependencyDeclarationError(
            f'@inject cannot decorate the generator function "{name}"; use it as a '
            f"dependency (Depends({name})) instead."
        )
    resolver = container.resolver if container is not None else None
    plan = build_plan(func, resolver=resolver, unresolved="caller")

    if kind.is_async:

        @functools.wraps(func)
        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            owner = _container_for(container)
            request = owner.current_request()
            if request is not None:
                return await request.call_plan(plan, args, kwargs)
            guard = owner.needs_cancel_guard(plan)
            async with RequestScope(owner, cancel_guard=guard) as request:
                return await request.call_plan(plan, args, kwargs)

        result: Callable[..., R] = async_wrapper  # type: ignore[assignment]
        return result

    check_sync_plan(plan, f'@inject on the sync function "{name}"')

    @functools.wraps(func)
    def sync_wrapper(*args: Any, **kwargs: Any) -> Any:
        owner = _container_for(container)
        request = owner.current_request()
        if request is not None:
            return request.call_plan_sync(plan, args, kwargs)
        with RequestScope(owner) as request:
            return request.call_plan_sync(plan, args, kwargs)

    sync_result: Callable[..., R] = sync_wrapper
    return sync_result
