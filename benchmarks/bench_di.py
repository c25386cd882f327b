"""Cost of solving a dependency graph with fastslim-di against calling it by hand.

The graph has 8 dependencies on 3 levels, sync, async and yield mixed, one of
them shared by three others. Both variants call the same functions the same way
(sync functions and sync generator steps in anyio's thread pool, as FastAPI does)
and run the same cleanups; fastslim-di adds the request scope, the function
scope, caching and the walk of the plan. Rounds of both variants are
interleaved in one process; the report gives median per-solve times and their
ratio (target: at most 3x).

    python benchmarks/bench_di.py [--rounds N] [--solves N] [--backend asyncio|trio]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

import anyio
import anyio.to_thread

from fastslim_di import Container, Depends

# -- the graph: level 3 -------------------------------------------------------


def settings() -> dict[str, str]:  # sync, shared by db, cache and user
    return {"dsn": "memory://"}


async def clock() -> float:  # async
    return 0.0


# -- level 2 ----------------------------------------------------------------


async def db(config: Annotated[dict[str, str], Depends(settings)]) -> AsyncIterator[str]:
    yield config["dsn"]  # async generator


def cache(config: Annotated[dict[str, str], Depends(settings)]) -> Iterator[dict[str, Any]]:
    yield {}  # sync generator


async def auth(now: Annotated[float, Depends(clock)]) -> str:
    return "token"


# -- level 1 ----------------------------------------------------------------


async def repo(
    conn: Annotated[str, Depends(db)], store: Annotated[dict[str, Any], Depends(cache)]
) -> str:
    return conn


def user(
    token: Annotated[str, Depends(auth)], config: Annotated[dict[str, str], Depends(settings)]
) -> str:
    return token


async def tracer() -> AsyncIterator[str]:
    yield ""


async def endpoint(
    r: Annotated[str, Depends(repo)],
    u: Annotated[str, Depends(user)],
    t: Annotated[str, Depends(tracer)],
) -> str:
    return r + u + t


# -- the two variants ---------------------------------------------------------

_DONE = object()


def _step(gen: Iterator[Any]) -> Any:
    try:
        return next(gen)
    except StopIteration:
        return _DONE


async def by_hand() -> str:
    run_sync = anyio.to_thread.run_sync
    config = await run_sync(settings)
    now = await clock()
    db_gen = db(config)
    conn = await db_gen.__anext__()
    cache_gen = cache(config)
    store = await run_sync(_step, cache_gen)
    token = await auth(now)
    r = await repo(conn, store)
    u = await run_sync(user, token, config)
    tracer_gen = tracer()
    t = await tracer_gen.__anext__()
    try:
        return await endpoint(r, u, t)
    finally:
        for agen in (tracer_gen,):
            with contextlib.suppress(StopAsyncIteration):
                await agen.__anext__()
        await run_sync(_step, cache_gen)
        with contextlib.suppress(StopAsyncIteration):
            await db_gen.__anext__()


async def with_di(container: Container) -> str:
    plan = container.plan(endpoint)
    async with container.request_scope() as request:
        result: str = await request.call_plan(plan, (), {})
    return result


# -- the same graph with every dependency async: no thread pool, so the ratio
# -- shows the bare cost of the machinery against trivial hand-written calls.


async def a_settings() -> dict[str, str]:
    return {"dsn": "memory://"}


async def a_cache(config: Annotated[dict[str, str], Depends(a_settings)]) -> AsyncIterator[Any]:
    yield {}


async def a_db(config: Annotated[dict[str, str], Depends(a_settings)]) -> AsyncIterator[str]:
    yield config["dsn"]


async def a_repo(
    conn: Annotated[str, Depends(a_db)], store: Annotated[dict[str, Any], Depends(a_cache)]
) -> str:
    return conn


async def a_user(
    token: Annotated[str, Depends(auth)], config: Annotated[dict[str, str], Depends(a_settings)]
) -> str:
    return token


async def a_endpoint(
    r: Annotated[str, Depends(a_repo)],
    u: Annotated[str, Depends(a_user)],
    t: Annotated[str, Depends(tracer)],
) -> str:
    return r + u + t


async def _finish(agen: AsyncIterator[Any]) -> None:
    with contextlib.suppress(StopAsyncIteration):
        await agen.__anext__()


async def by_hand_async() -> str:
    config = await a_settings()
    now = await clock()
    db_gen = a_db(config)
    conn = await db_gen.__anext__()
    cache_gen = a_cache(config)
    store = await cache_gen.__anext__()
    token = await auth(now)
    r = await a_repo(conn, store)
    u = await a_user(token, config)
    tracer_gen = tracer()
    t = await tracer_gen.__anext__()
    try:
        return await a_endpoint(r, u, t)
    finally:
        await _finish(tracer_gen)
        await _finish(cache_gen)
        await _finish(db_gen)


async def with_di_async(container: Container) -> str:
    plan = container.plan(a_endpoint)
    async with container.request_scope() as request:
        result: str = await request.call_plan(plan, (), {})
    return result


async def timed(func: Any, solves: int, *args: Any) -> float:
    start = time.perf_counter()
    for _ in range(solves):
        await func(*args)
    return (time.perf_counter() - start) / solves


async def compare(
    container: Container, hand_func: Any, di_func: Any, rounds: int, solves: int
) -> tuple[float, float]:
    assert await hand_func() == await di_func(container) == "memory://token"
    await timed(hand_func, solves // 4)  # warm up the thread pool and caches
    await timed(di_func, solves // 4, container)
    hand: list[float] = []
    di: list[float] = []
    for index in range(rounds):
        if index % 2:
            hand.append(await timed(hand_func, solves))
            di.append(await timed(di_func, solves, container))
        else:
            di.append(await timed(di_func, solves, container))
            hand.append(await timed(hand_func, solves))
    return statistics.median(hand) * 1e6, statistics.median(di) * 1e6


def report(title: str, hand_us: float, di_us: float) -> None:
    print(title)
    print(f"  by hand, median       : {hand_us:8.1f} us per solve")
    print(f"  fastslim-di, median   : {di_us:8.1f} us per solve")
    print(f"  overhead              : {di_us - hand_us:8.1f} us per solve")
    print(f"  ratio                 : {di_us / hand_us:8.2f}x")


async def main(rounds: int, solves: int, backend: str) -> None:
    async with Container() as container:
        hand_us, di_us = await compare(container, by_hand, with_di, rounds, solves)
        bare_hand_us, bare_di_us = await compare(
            container, by_hand_async, with_di_async, rounds, solves * 4
        )
    print("fastslim-di: solving 8 dependencies (3 levels, sync/async/yield, one shared)")
    print(f"rounds x solves: {rounds} x {solves} ({backend}, interleaved rounds, medians)")
    report(
        "\n[main] sync steps in the thread pool on both sides, as FastAPI runs them", hand_us, di_us
    )
    print(f"  target                : <= 3x -> {'met' if di_us <= 3 * hand_us else 'NOT met'}")
    report(
        "\n[bare machinery] same graph, every dependency async (no thread pool)",
        bare_hand_us,
        bare_di_us,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--solves", type=int, default=300)
    parser.add_argument("--backend", choices=["asyncio", "trio"], default="asyncio")
    options = parser.parse_args()
    anyio.run(main, options.rounds, options.solves, options.backend, backend=options.backend)
