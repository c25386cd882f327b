"""The sync driver: the solver's coroutines run to completion in the caller's
thread, with no event loop (for `@inject` on plain `def` functions).

Only sync functions, classes and sync generators can be solved this way; they
are called inline. Whether a plan qualifies is known when it is built
(`DependencyPlan.sync_solvable`, checked by `check_sync_plan` when decorating);
an override by an async callable fails when it is first used.
"""

from __future__ import annotations

from typing import Any

from ._callables import call_kind, callable_name
from ._drive import run_to_completion
from ._errors import DependencyDeclarationError
from ._plan import DependencyPlan
from ._solve import solve_plan
from ._state import SolveState


def solve_plan_sync(plan: DependencyPlan, st: SolveState, skip: frozenset[str]) -> dict[str, Any]:
    """`solve_plan`, driven synchronously; `st` must be a sync driver's state."""
    if not plan.sync_solvable:
        check_sync_plan(plan, f'Solving "{plan.name}" synchronously')
    return run_to_completion(solve_plan(plan, st, skip))


def check_sync_plan(plan: DependencyPlan, where: str) -> None:
    """Raise `DependencyDeclarationError` if the sync driver cannot solve `plan`,
    naming the first part that needs the async one."""
    if plan.sync_solvable:
        return
    for node in plan.iter_nodes():
        if node.kind.is_async:
            raise DependencyDeclarationError(
                f'{where}: the dependency "{node.name}" is async, so it cannot be solved for '
                f"a plain `def` function; make the function `async def`."
            )
        if node.limiter is not None:
            raise DependencyDeclarationError(
                f'{where}: the dependency "{node.name}" has max_concurrency, which only '
                f"async functions support; make the function `async def`."
            )
    for info, source in plan.sources():
        if call_kind(source).is_async:
            raise DependencyDeclarationError(
                f'{where}: parameter "{info.name}" of "{callable_name(info.owner)}" has an '
                f"async source; make the function `async def`."
            )
    raise DependencyDeclarationError(f"{where}: the plan needs the async driver.")  # unreachable
