"""Instructions per request of each routing scenario, counted by callgrind.

Wall-clock and CPU-time figures on a shared machine move with the other
processes; the number of instructions a request executes does not. For each
framework (fastslim, FastAPI and the peers of `bench_routing.py`), one Python
process runs under `valgrind --tool=callgrind`: it loads every scenario's app it
has, runs their lifespans, warms each scenario up, then serves `--count` requests
of each scenario between two markers (`os.getppid()` zeroes callgrind's counters,
`os.getpgrp()` dumps them), so that each dump holds exactly one scenario's batch.
The report gives instructions per request of each framework and the ratio
FastAPI / fastslim (above 1: fastslim executes fewer instructions), with their
geometric mean.

Instructions are not time (cache misses, mispredicted branches and thread
wake-ups are not counted; a thread hop costs more time than its instructions
say), but they repeat to a fraction of a percent on a loaded machine, so a change
to the request path shows in them at once.

    python benchmarks/bench_instructions.py [--count N] [--only NAME ...]
        [--backend asyncio|trio] [--side LABEL ...]

Needs `valgrind` on the PATH and a Python whose library keeps the symbols of
os.getppid and os.getpgrp; without them it says so and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import anyio
from bench_routing import FASTAPI, FASTSLIM, PEERS, SCENARIOS, Scenario, load, timed
from routing_harness import Side, lifespan
from routing_harness import time_batch as serve_batch

SIDES = (FASTSLIM, FASTAPI, *PEERS)
START, STOP = "os_getppid", "os_getpgrp"


async def inner(side: Side, scenarios: list[Scenario], count: int) -> None:
    """Serve each scenario's batch between the markers; prints the names, in order."""
    served = [(one, load(one, side)) for one in scenarios if side.has(one.app_file)]
    async with contextlib.AsyncExitStack() as stack:
        for _, app in served:
            await stack.enter_async_context(lifespan(app.app))
        for scenario, app in served:
            status = side.expected(scenario.name, scenario.status)
            await timed(scenario, app, 100, status)  # warm-up: caches, lazy builds
            os.getppid()
            await serve_batch(app.app, scenario.request, count, status)
            os.getpgrp()
    print(json.dumps([scenario.name for scenario, _ in served]))


def count_side(side: Side, options: argparse.Namespace) -> dict[str, float]:
    """Instructions per request of each scenario `side` has, by scenario name."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--zero-before={START}",
            f"--dump-before={STOP}",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--inner",
            side.label,
            "--count",
            str(options.count),
            "--backend",
            options.backend,
            *(["--only", *options.only] if options.only else []),
        ]
        # A fixed hash seed: dicts and sets of strings iterate, resize and collide the
        # same way in every run, so the counts repeat.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        if done.returncode:
            raise RuntimeError(f"{side.label}: exit {done.returncode}\n{done.stderr[-3000:]}")
        names = json.loads(done.stdout.strip().splitlines()[-1])
        parts = sorted(Path(folder).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
        totals = [total_of(part) for part in parts][: len(names)]
        if len(totals) != len(names):
            raise RuntimeError(f"{side.label}: {len(totals)} dumps for {len(names)} scenarios")
    return {name: total / options.count for name, total in zip(names, totals, strict=True)}


def total_of(part: Path) -> int:
    """The instruction count of one callgrind dump."""
    for line in part.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError(f"{part}: no totals line")


def report(counts: dict[str, dict[str, float]], scenarios: list[Scenario]) -> None:
    labels = list(counts)
    print(f"{'scenario':<28}" + "".join(f"{label + ' Ir/req':>22}" for label in labels), end="")
    print(f"{'FastAPI/fastslim':>18}")
    ratios = []
    for scenario in scenarios:
        cells = [counts[label].get(scenario.name) for label in labels]
        row = "".join(f"{cell:>22,.0f}" if cell else f"{'-':>22}" for cell in cells)
        ours = counts.get(FASTSLIM.label, {}).get(scenario.name)
        theirs = counts.get(FASTAPI.label, {}).get(scenario.name)
        ratio = theirs / ours if ours and theirs else None
        if ratio:
            ratios.append(ratio)
        print(f"{scenario.name:<28}{row}{f'{ratio:.2f}x' if ratio else '-':>18}")
    if ratios:
        geomean = math.exp(statistics.fmean(math.log(ratio) for ratio in ratios))
        print(f"geometric mean FastAPI/fastslim: {geomean:.2f}x over {len(ratios)} scenarios")
    for label in labels:
        if label in (FASTSLIM.label, FASTAPI.label) or FASTSLIM.label not in counts:
            continue
        shared = [s.name for s in scenarios if s.name in counts[label]]
        shares = ", ".join(
            f"{name} {counts[label][name] / counts[FASTSLIM.label][name]:.2f}x"
            for name in shared
            if name in counts[FASTSLIM.label]
        )
        print(f"{label}/fastslim: {shares}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="requests per scenario")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="scenarios whose name has NAME")
    parser.add_argument("--backend", choices=["asyncio", "trio"], default="asyncio")
    parser.add_argument("--side", nargs="+", metavar="LABEL", help="only these frameworks")
    parser.add_argument("--inner", metavar="LABEL", help=argparse.SUPPRESS)
    options = parser.parse_args()
    scenarios = [
        scenario
        for scenario in SCENARIOS
        if not options.only or any(word in scenario.name for word in options.only)
    ]
    if options.inner:
        (side,) = [side for side in SIDES if side.label == options.inner]
        anyio.run(inner, side, scenarios, options.count, backend=options.backend)
        return 0
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed; skipped (apt-get install valgrind)")
        return 0
    sides = [side for side in SIDES if not options.side or side.label in options.side]
    print(f"instructions per request ({options.backend}, {options.count} requests a scenario):")
    counts = {}
    for side in sides:
        try:
            counts[side.label] = count_side(side, options)
        except ImportError as error:
            print(f"  skipped {side.label}: {error}")
        except RuntimeError as error:
            if "no totals" in str(error) or "dumps for" in str(error):
                print(f"instructions: the markers were not seen ({error}); skipped")
                return 0
            raise
    report(counts, scenarios)
    return 0


if __name__ == "__main__":
    sys.exit(main())
