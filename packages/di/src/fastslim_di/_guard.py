"""Cleanups that finish under cancellation: the cancel guard of a request scope.

The code after an async yield dependency's `yield` must run to completion even
when the task is being cancelled (the client went away, an enclosing
`move_on_after` fired): a session is rolled back, a lock released. FastAPI 0.165
guarantees it (FACTS section 13); so does fastslim-di, this way:

- A request scope opened with a guard (`Container.request_scope(cancel_guard=True)`,
  the default) enters an anyio `CancelScope` right away, *before* any dependency
  is entered. It is not shielded then: entering dependencies, the function and
  whatever the host does in between stay cancellable.
- While cleanups run (the function scope's, then the request scope's), that
  scope is shielded (`shield = True`): a cancellation from outside the request
  scope does not interrupt them, yet they still see the cancellation exception
  at their `yield` when it is what ended the scope. A deadline a cleanup opens
  itself (`anyio.move_on_after` inside it) is honoured: it is a scope of its own.
- The shield is an *ancestor* of every scope a dependency opened around its
  `yield` (a task group, a cancel scope), so those exit normally, in the task
  that entered them. A shield opened only when the cleanup starts could not be:
  the dependency's task group would be exited inside it, which anyio refuses.
- Between two cleanups of a scope, the shield is lifted for one checkpoint: a
  cancellation that arrived during the earlier cleanup is taken there and thrown
  into the later ones at their `yield` (they still run to completion, shielded).
- Once the cleanups are done, the shield is lifted, and a cancellation that
  arrived meanwhile is delivered right away (`checkpoint_if_cancelled`) unless
  another exception is already propagating (a cleanup's own failure, which then
  has the cancellation as its `__context__`).

Only the scopes outside the request scope are shielded against: a cancel scope
opened inside it, around one call, still cancels that call's function-scoped
cleanups. Hosts that know no async yield dependency will be entered skip the
guard (`cancel_guard=False`), and with it any cost.
"""

from __future__ import annotations

from types import TracebackType

import anyio
import anyio.lowlevel

from ._cleanup import CleanupStack

_checkpoint_if_cancelled = anyio.lowlevel.checkpoint_if_cancelled
_cancel_shielded_checkpoint = anyio.lowlevel.cancel_shielded_checkpoint


class CancelGuard:
    """The cancel scope of one request scope, entered on creation (same task)."""

    __slots__ = ("scope",)

    def __init__(self) -> None:
        self.scope = anyio.CancelScope()
        self.scope.__enter__()

    async def cleanup(self, stack: CleanupStack, exc: BaseException | None) -> bool:
        """`stack.aclose(exc)` with the scope shielded; what `aclose` returns or raises.

        With nothing left in flight afterwards, a pending cancellation of an
        enclosing scope is raised here.
        """
        scope = self.scope
        if scope.shield:  # already shielded (a cleanup inside a cleanup)
            return await stack.aclose(exc)
        if exc is not None and isinstance(exc, anyio.get_cancelled_exc_class()):
            # Let the tasks the cancellation reached (a dependency's task group
            # children) finish while it is still in effect for them, before the shield
            # hides it: anyio would take their end for a failure of their group.
            await _cancel_shielded_checkpoint()
            await _cancel_shielded_checkpoint()
        scope.shield = True
        try:
            swallowed = await stack.aclose(exc, between=self._arrived)
        finally:
            scope.shield = False
        if exc is None or swallowed:
            await _checkpoint_if_cancelled()
        return swallowed

    async def _arrived(self) -> BaseException | None:
        """The cancellation of an enclosing scope that arrived while a cleanup ran
        shielded, taken at a checkpoint outside the shield, or None: what the
        cleanups still to run then see at their `yield` (as on FastAPI 0.165)."""
        scope = self.scope
        scope.shield = False
        try:
            await _checkpoint_if_cancelled()
        except anyio.get_cancelled_exc_class() as cancelled:
            return cancelled
        finally:
            scope.shield = True
        return None

    def exit(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Leave the scope (never cancelled itself, it swallows nothing)."""
        self.scope.__exit__(exc_type, exc, tb)


async def shielded_cleanup(stack: CleanupStack, exc: BaseException | None) -> bool:
    """`stack.aclose(exc)` in a shield opened now: for the app scope, whose yield
    dependencies cannot hold a cancel scope across their `yield` (they are
    entered inside some request and exited when the container closes)."""
    with anyio.CancelScope(shield=True):
        swallowed = await stack.aclose(exc)
    if exc is None or swallowed:
        await _checkpoint_if_cancelled()
    return swallowed
