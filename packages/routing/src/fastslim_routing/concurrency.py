"""`fastslim.concurrency`, as `fastapi.concurrency`: running blocking code in threads.

`run_in_threadpool`, `iterate_in_threadpool` and the deprecated
`run_until_first_complete` are Starlette's;
`contextmanager_in_threadpool` enters and exits a sync context manager in
worker threads.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import AbstractContextManager, asynccontextmanager
from typing import TypeVar

import anyio.to_thread
from anyio import CancelScope, CapacityLimiter
from starlette.concurrency import iterate_in_threadpool as iterate_in_threadpool
from starlette.concurrency import run_in_threadpool as run_in_threadpool
from starlette.concurrency import run_until_first_complete as run_until_first_complete

__all__ = (
    "contextmanager_in_threadpool",
    "iterate_in_threadpool",
    "run_in_threadpool",
    "run_until_first_complete",
)

_T = TypeVar("_T")


@asynccontextmanager
async def contextmanager_in_threadpool(cm: AbstractContextManager[_T]) -> AsyncGenerator[_T, None]:
    """Use the sync context manager `cm` from async code: `async with ...(cm) as value`.

    `cm.__enter__` runs in the thread pool; `cm.__exit__` runs in a thread of its own
    limiter (so it never waits behind a full pool), with the exception of the block,
    `BaseException`s and cancellation included, even when the block is cancelled.
    The exception propagates unless `__exit__` returns true; an exception raised by
    `__enter__` propagates without `__exit__`.
    """
    exit_limiter = CapacityLimiter(1)
    value = await run_in_threadpool(cm.__enter__)
    try:
        yield value
    except BaseException as exc:
        with CancelScope(shield=True):
            suppress = await anyio.to_thread.run_sync(
                cm.__exit__, type(exc), exc, exc.__traceback__, limiter=exit_limiter
            )
        if not suppress:
            raise
    else:
        await anyio.to_thread.run_sync(cm.__exit__, None, None, None, limiter=exit_limiter)
