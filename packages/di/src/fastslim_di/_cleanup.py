"""Exit stacks of yield dependencies, with `contextlib.ExitStack`'s semantics.

When a scope exits, each generator is finished in reverse order of entry, with
the exception *in flight*: at first the one raised inside the scope (or none),
then whatever the last cleanup left:

- with no exception in flight, the generator is resumed at its `yield`;
- with one in flight, it is thrown into the generator at its `yield`. The
  generator may swallow it (nothing is in flight for the generators further
  out), re-raise it, or raise another exception, which replaces it (with the
  original as `__context__`);
- a cleanup that fails on its own (resumed, then raising) puts its exception in
  flight: it is thrown into the generators further out, which may catch it,
  replace it or let it pass (a `finally:` around their `yield` still runs).

Afterwards the exception still in flight, if any, propagates: the scope's own
exception, a cleanup's failure or a replacement, exactly as FastAPI (whose
dependencies run in an `AsyncExitStack`) and `contextlib.ExitStack` do.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import Any

import anyio
import anyio.to_thread

from ._drive import run_to_completion
from ._errors import ContainerStateError, DependencyDidNotStopError

_DONE = object()


def _did_not_stop(name: str) -> DependencyDidNotStopError:
    return DependencyDidNotStopError(
        f'The yield dependency "{name}" yielded a second time during its cleanup; a '
        f"dependency must yield exactly once."
    )


def _resume(gen: Generator[Any, None, None]) -> object:
    try:
        next(gen)
    except StopIteration:
        return _DONE
    return None


def _throw(gen: Generator[Any, None, None], exc: BaseException) -> object:
    try:
        gen.throw(exc)
    except StopIteration:
        return _DONE
    return None


Entry = tuple[Any, bool, str, Callable[[], None] | None]
"""(generator, is async, dependency name, slot release or None)."""


async def _finish(
    gen: Any, is_async: bool, name: str, exc: BaseException | None, in_thread: bool
) -> None:
    """Resume (or throw `exc` into) the generator; return if it stopped."""
    if is_async:
        try:
            if exc is None:
                await gen.__anext__()
            else:
                await gen.athrow(exc)
        except StopAsyncIteration:
            return
        await gen.aclose()
        raise _did_not_stop(name)
    if exc is None:
        outcome = await _run_sync(_resume, gen, in_thread=in_thread)
    else:
        outcome = await _run_sync(_throw, gen, exc, in_thread=in_thread)
    if outcome is not _DONE:
        gen.close()
        raise _did_not_stop(name)


async def _run_sync(func: Callable[..., object], *args: Any, in_thread: bool) -> object:
    if not in_thread:
        return func(*args)
    # Shielded: a sync cleanup runs to completion even if the scope is cancelled.
    with anyio.CancelScope(shield=True):
        outcome = await anyio.to_thread.run_sync(func, *args)
    return outcome


class CleanupStack:
    """The yield dependencies entered in one scope, finished together.

    `entries` is a plain list of `Entry` tuples; the solver appends to it directly.
    """

    __slots__ = ("entries",)

    def __init__(self) -> None:
        self.entries: list[Entry] = []

    async def aclose(
        self,
        exc: BaseException | None,
        *,
        sync_in_thread: bool = True,
        between: Callable[[], Awaitable[BaseException | None]] | None = None,
    ) -> bool:
        """Finish every generator, innermost first; see the module docstring.

        Returns True when `exc` was swallowed by a generator (the caller must
        not re-raise it), False when `exc` (or nothing) should propagate as is.
        Raises the exception left in flight when it is not `exc`: a cleanup's
        own failure, a replacement, or `DependencyDidNotStopError` for a
        generator that yielded twice. `sync_in_thread=False` resumes sync
        generators on the loop. `between`, awaited between two generators while
        nothing is in flight, gives what the next ones receive instead (the cancel
        guard: a cancellation that arrived during a cleanup).
        """
        entries, self.entries = self.entries, []
        current = exc
        first = True
        for gen, is_async, name, release in reversed(entries):
            if current is None and between is not None and not first:
                current = await between()
            first = False
            try:
                if current is None and is_async:  # the common case, inlined
                    try:
                        await gen.__anext__()
                    except StopAsyncIteration:
                        continue
                    await gen.aclose()
                    raise _did_not_stop(name)
                await _finish(gen, is_async, name, current, sync_in_thread)
                current = None
            except BaseException as error:
                current = error
            finally:
                if release is not None:
                    release()
        return _outcome(exc, current)

    def close(self, exc: BaseException | None) -> bool:
        """`aclose`, run synchronously (sync generators only, resumed inline).

        An async generator in the stack cannot be finished here: it is left as
        is and `ContainerStateError` is put in flight in its place.
        """
        self.entries = [
            (_CannotFinish(name), False, name, release) if is_async else (gen, False, name, release)
            for gen, is_async, name, release in self.entries
        ]
        return run_to_completion(self.aclose(exc, sync_in_thread=False))


class _CannotFinish:
    """Stands for an async generator in a synchronous cleanup: resuming it or
    throwing into it raises `ContainerStateError` (the generator is left as is)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def _error(self) -> ContainerStateError:
        return ContainerStateError(
            f'The async yield dependency "{self.name}" cannot be cleaned up '
            f"synchronously; close this scope with `async with`."
        )

    def __next__(self) -> None:
        raise self._error()

    def throw(self, exc: BaseException) -> None:
        raise self._error()

    def close(self) -> None:
        pass


def _outcome(original: BaseException | None, current: BaseException | None) -> bool:
    if current is None:
        return original is not None
    if current is original:
        return False
    raise current
