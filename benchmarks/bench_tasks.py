"""Per-task overhead of fastslim's BackgroundTasks against Starlette's, in one run.

Each round times `await tasks()` for a batch of no-op tasks on both
implementations, alternating which goes first; the report gives the median time
per task and the ratio fastslim / Starlette (below 1.0: fastslim is faster).
Absolute times mean little on a shared machine; the ratio is the figure.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import anyio
from starlette.background import BackgroundTasks as StarletteBackgroundTasks

from fastslim_tasks import BackgroundTasks as FastslimBackgroundTasks


async def async_noop(value: int, *, flag: bool = False) -> None:
    pass


def sync_noop(value: int, *, flag: bool = False) -> None:
    pass


Factory = Callable[[], Any]


async def time_batch(factory: Factory, func: Callable[..., Any], size: int) -> float:
    tasks = factory()
    for index in range(size):
        tasks.add_task(func, index, flag=True)
    start = time.perf_counter()
    await tasks()
    return (time.perf_counter() - start) / size


async def compare(label: str, func: Callable[..., Any], size: int, rounds: int) -> float:
    factories: dict[str, Factory] = {
        "fastslim": FastslimBackgroundTasks,
        "starlette": StarletteBackgroundTasks,
    }
    samples: dict[str, list[float]] = {name: [] for name in factories}
    for _ in range(3):  # warm-up: thread pool, caches
        for factory in factories.values():
            await time_batch(factory, func, size)
    for round_index in range(rounds):
        order = list(factories) if round_index % 2 == 0 else list(reversed(factories))
        for name in order:
            samples[name].append(await time_batch(factories[name], func, size))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    ratio = medians["fastslim"] / medians["starlette"]
    print(
        f"{label:<28} fastslim {medians['fastslim'] * 1e6:8.2f} us/task   "
        f"starlette {medians['starlette'] * 1e6:8.2f} us/task   ratio {ratio:5.2f}"
    )
    return ratio


async def main(rounds: int) -> None:
    print(f"BackgroundTasks per-task overhead ({rounds} rounds, medians, lower is better)")
    await compare("async tasks (batch of 2000)", async_noop, 2000, rounds)
    await compare("sync tasks (batch of 200)", sync_noop, 200, rounds)
    await compare("one async task", async_noop, 1, rounds * 20)
    await compare("one sync task", sync_noop, 1, rounds * 20)
    await compare("three sync tasks", sync_noop, 3, rounds * 10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--backend", choices=["asyncio", "trio", "both"], default="both")
    arguments = parser.parse_args()
    for backend in ["asyncio", "trio"] if arguments.backend == "both" else [arguments.backend]:
        print(f"backend: {backend}")
        anyio.run(main, arguments.rounds, backend=backend)
