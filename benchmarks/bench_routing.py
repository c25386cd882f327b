"""Requests per second of fastslim against FastAPI on the same apps, in one run.

Each app in `routing_apps/` is FastAPI source, executed once as it is and once with
`fastapi` replaced by `fastslim`. Requests go straight to the ASGI callable, in
process (no server, no client). Before timing a scenario, one request on each side
must give the same status, content type, JSON body and recorded events, or the run
fails. Rounds alternate which framework goes first. Each batch is timed by the
wall clock and by the process's CPU time (steadier when other processes load the
machine); for each clock, the report gives the median requests/s of each, the
speedup fastslim/FastAPI (the median of the per-round ratios; above 1: fastslim
is faster) with their quartiles as a gauge of noise, the geometric mean of the
speedups, and each framework's "last of 300 routes / hello" ratio (timed in the
same rounds); then the import CPU time of both packages. Absolute figures mean
little on a shared machine; the ratios are the figures.

Peers (`PEERS`) are timed in the same rounds with twins of the apps written for
their own API (`routing_apps/starlette/`: hello as a plain Starlette app, the floor
fastslim stands on; `routing_apps/litestar/`: every scenario); only their status is
checked. The report gives their requests/s and fastslim's speedup over each.

    python benchmarks/bench_routing.py [--rounds N] [--batch-seconds S]
        [--backend asyncio|trio|both] [--only NAME ...] [--no-import-time]
        [--self-check] [--no-peers] [--profile NAME]

`--self-check` runs FastAPI on both sides (the ratios should be near 1.0: the
noise floor). `--profile NAME` runs only that scenario on fastslim under cProfile
and prints where the time goes.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import importlib.util
import io
import json
import math
import pstats
import resource
import statistics
import subprocess
import sys
import traceback
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata
from types import ModuleType

import anyio
from routing_harness import ASGIApp, Request, Response, Side, lifespan, load_app, send_request
from routing_harness import time_batch as serve_batch

FASTSLIM = Side("fastslim", rewrite=True)
FASTAPI = Side("FastAPI", rewrite=False)
FASTAPI_COPY = Side("FastAPI (copy)", rewrite=False)
STARLETTE = Side("Starlette", rewrite=False, variant="starlette")
LITESTAR = Side(
    "Litestar", rewrite=False, variant="litestar", status=(("invalid body (422)", 400),)
)
PEERS = (STARLETTE, LITESTAR)
"""Frameworks to measure against with apps of their own (`routing_apps/<variant>/`):
plain Starlette (hello only: the floor fastslim stands on) and Litestar."""
JSON = (("content-type", "application/json"),)

ORDER = {
    "customer": {
        "name": "Ann Smith",
        "email": "ann@example.com",
        "address": {"street": "1 Main St", "city": "Springfield", "zip_code": "12345"},
    },
    "items": [
        {"sku": "A-1", "quantity": 2, "unit_price": 9.5, "tags": ["red", "large"]},
        {"sku": "B-22", "quantity": 1, "unit_price": 120.0},
        {"sku": "C-333", "quantity": 10, "unit_price": 0.25, "tags": ["bulk"]},
    ],
    "note": "leave at the door",
}
BAD_ORDER = {
    "customer": {"name": "", "address": {"street": "1 Main St", "zip_code": "1234x"}},
    "items": [{"sku": "A-1", "quantity": 0, "unit_price": "cheap"}, {"quantity": 1}],
}


@dataclass(frozen=True)
class Scenario:
    """One request against one app of `routing_apps/`, and the status it must get.

    A `baseline` scenario is timed in the same rounds, so that each framework's
    requests/s can be compared to its own baseline under the same conditions.
    """

    name: str
    app_file: str
    request: Request
    status: int = 200
    baseline: Scenario | None = None


HELLO = Scenario("hello", "hello", Request("GET", "/hello"))
SCENARIOS = (
    HELLO,
    Scenario(
        "path + query params",
        "params",
        Request(
            "GET",
            "/users/42/items/abc-123",
            "q=shoes&limit=20&order=desc&tags=red&tags=blue&tags=green",
        ),
    ),
    Scenario(
        "JSON body + response_model",
        "body",
        Request("POST", "/orders", headers=JSON, body=json.dumps(ORDER).encode()),
        201,
    ),
    Scenario(
        "dependency chain",
        "deps",
        Request(
            "GET",
            "/orders",
            "skip=20&limit=5",
            headers=(("Authorization", "Bearer secret-token"), ("X-Request-ID", "req-12345678")),
        ),
    ),
    Scenario("two background tasks", "tasks", Request("POST", "/notify/ann@example.com")),
    Scenario("sync endpoint", "sync", Request("GET", "/sync")),
    Scenario(
        "invalid body (422)",
        "body",
        Request("POST", "/orders", headers=JSON, body=json.dumps(BAD_ORDER).encode()),
        422,
    ),
    Scenario("last of 300 routes", "routes300", Request("GET", "/hello"), baseline=HELLO),
)


class Mismatch(Exception):
    """The two frameworks answered one scenario differently, or one could not run it."""


@dataclass
class Served:
    """A scenario's app loaded for one side."""

    app: ASGIApp
    module: ModuleType

    def events(self) -> list[str]:
        found = getattr(self.module, "EVENTS", None)
        return found if isinstance(found, list) else []


def load(scenario: Scenario, side: Side) -> Served:
    try:
        app, module = load_app(scenario.app_file, side)
    except Exception as error:
        traceback.print_exc()
        message = f"{side.label} cannot load routing_apps/{scenario.app_file}.py: {error!r}"
        raise Mismatch(message) from error
    return Served(app, module)


def describe(response: Response, events: list[str]) -> dict[str, object]:
    body: object
    try:
        body = json.loads(response.body)
    except ValueError:
        body = response.body
    content_type = response.header(b"content-type")
    return {"status": response.status, "content-type": content_type, "body": body, "ev": events}


async def verify(scenario: Scenario, served: dict[Side, Served]) -> None:
    """One request per side: same status, content type, JSON body and events."""
    seen: dict[Side, dict[str, object]] = {}
    raw: dict[Side, bytes] = {}
    for side, one in served.items():
        one.events().clear()
        response = await send_request(one.app, scenario.request)
        seen[side] = describe(response, list(one.events()))
        raw[side] = response.body
    first, *others = seen
    for other in others:
        if seen[other] != seen[first]:
            raise Mismatch(
                f"{scenario.name}: {first.label} and {other.label} differ:\n"
                f"  {first.label}: {seen[first]}\n  {other.label}: {seen[other]}"
            )
        if raw[other] != raw[first]:
            print(f"  note: {scenario.name}: same JSON, different bytes:")
            print(f"    {first.label}: {raw[first]!r}\n    {other.label}: {raw[other]!r}")
    if seen[first]["status"] != scenario.status:
        raise Mismatch(f"{scenario.name}: both answered {seen[first]}, not {scenario.status}.")


CLOCKS = ("wall", "cpu")
"""Each batch is timed by the wall clock and by the process's CPU time (worker threads
included). CPU time is steadier on a loaded machine (it does not count the waits
for a core) but blind to the time a request waits for a worker thread to wake up."""


async def timed(
    scenario: Scenario, one: Served, count: int, status: int | None = None
) -> tuple[float, float]:
    """Requests per second over one batch of `count` requests, after a collection:
    by the wall clock and by CPU time. `status`: the one expected (the scenario's)."""
    gc.collect()
    expected = scenario.status if status is None else status
    wall, cpu = await serve_batch(one.app, scenario.request, count, expected)
    one.events().clear()
    return count / wall, count / cpu


@dataclass(frozen=True)
class Result:
    """Median requests/s of each side over the rounds; the median (the speedup) and
    quartiles of the per-round ratios, each taken between batches run one after
    the other, so that a slow spell on a shared machine affects both sides."""

    name: str
    rps: dict[Side, float]
    speedup: float
    quartiles: tuple[float, float]
    baseline: tuple[str, dict[Side, float]] | None
    """The baseline's name and each side's requests/s divided by its baseline's."""
    peers: dict[str, tuple[float, float]]
    """By peer label: its median requests/s, and the median of the same-round ratios
    fastslim / peer (above 1: fastslim is faster)."""


async def measure(
    scenario: Scenario,
    sides: tuple[Side, Side],
    rounds: int,
    batch_seconds: float,
    peers: tuple[Side, ...] = (),
) -> dict[str, Result]:
    """Time `scenario` (and its baseline) on both sides, and on each peer that has a
    twin of its app (timed in the same rounds); a result for each clock."""
    scenarios = [scenario] if scenario.baseline is None else [scenario, scenario.baseline]
    targets = [(one, side) for one in scenarios for side in sides]
    present = [peer for peer in peers if peer.has(scenario.app_file)]
    targets += [(scenario, peer) for peer in present]
    served = {target: load(*target) for target in targets}
    async with contextlib.AsyncExitStack() as stack:
        for app in served.values():
            await stack.enter_async_context(lifespan(app.app))
        for one in scenarios:
            await verify(one, {side: served[one, side] for side in sides})
        for peer in present:  # a peer answers in its own way: its status is checked
            await timed(scenario, served[scenario, peer], 1, expected(scenario, peer))
        per_request = []
        for target in targets:  # warm-up and calibration: a batch of each
            status = expected(*target)
            await timed(target[0], served[target], 50, status)
            per_request.append(1 / (await timed(target[0], served[target], 200, status))[0])
        count = max(50, round(batch_seconds / statistics.mean(per_request)))
        samples: dict[Target, list[tuple[float, float]]] = {target: [] for target in targets}
        for index in range(rounds):
            for target in targets if index % 2 == 0 else reversed(targets):
                status = expected(*target)
                samples[target].append(await timed(target[0], served[target], count, status))
    return {
        clock: summarize(scenario, sides, {t: [s[index] for s in v] for t, v in samples.items()})
        for index, clock in enumerate(CLOCKS)
    }


def expected(scenario: Scenario, side: Side) -> int:
    """The status `side` answers `scenario` with."""
    return side.expected(scenario.name, scenario.status)


Target = tuple[Scenario, Side]


def summarize(
    scenario: Scenario, sides: tuple[Side, Side], samples: dict[Target, list[float]]
) -> Result:
    """The result of one clock's requests/s samples, in round order for each target."""
    new, old = (samples[scenario, side] for side in sides)
    low, middle, high = statistics.quantiles([a / b for a, b in zip(new, old, strict=True)], n=4)
    rps = {side: statistics.median(samples[scenario, side]) for side in sides}
    baseline = None
    if scenario.baseline is not None:
        shares = {
            side: paired(samples[scenario, side], samples[scenario.baseline, side])
            for side in sides
        }
        baseline = (scenario.baseline.name, shares)
    others = {
        side.label: (statistics.median(values), paired(new, values))
        for (one, side), values in samples.items()
        if one is scenario and side not in sides
    }
    return Result(scenario.name, rps, middle, (low, high), baseline, others)


def paired(values: list[float], references: list[float]) -> float:
    """The median of the ratios of values taken in the same round."""
    return statistics.median(a / b for a, b in zip(values, references, strict=True))


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def report(results: list[Result], sides: tuple[Side, Side]) -> None:
    new, old = sides
    print(
        f"{'scenario':<28}{new.label + ' req/s':>20}{old.label + ' req/s':>22}"
        f"{'speedup':>10}  (per-round quartiles)"
    )
    for result in results:
        low, high = result.quartiles
        print(
            f"{result.name:<28}{result.rps[new]:>20,.0f}{result.rps[old]:>22,.0f}"
            f"{result.speedup:>9.2f}x  ({low:.2f}-{high:.2f})"
        )
    if not results:
        return
    geomean = math.exp(statistics.fmean(math.log(result.speedup) for result in results))
    print(f"geometric mean speedup: {geomean:.2f}x over {len(results)} scenarios", end="")
    print(f" (target >= 3.5x: {verdict(geomean >= 3.5)})")
    missed = [
        f"{result.name} {result.speedup:.2f}x < {floor(result.name):.1f}x"
        for result in results
        if result.speedup < floor(result.name)
    ]
    print("per-scenario targets (2.0x; sync endpoint 1.6x, dependency chain 2.5x): ", end="")
    print("met" if not missed else "NOT met: " + ", ".join(missed))
    for result in results:
        if result.baseline is not None:
            name, shares = result.baseline
            print(
                f"{result.name} / {name} (req/s, median of same-round ratios): "
                f"{new.label} {shares[new]:.2f}, {old.label} {shares[old]:.2f} "
                f"(target >= 0.80: {verdict(shares[new] >= 0.8)})"
            )
    report_peers(results, new)


FLOORS = {"sync endpoint": 1.6, "dependency chain": 2.5}
"""Issue 19's targets, fastslim/FastAPI: 2.0x, except these."""


def floor(name: str) -> float:
    return FLOORS.get(name, 2.0)


def report_peers(results: list[Result], new: Side) -> None:
    """Each peer's requests/s and fastslim's speedup over it, per scenario."""
    labels = sorted({label for result in results for label in result.peers})
    if not labels:
        return
    print(
        f"\n{'peers':<28}" + "".join(f"{label + ' req/s':>20}{'speedup':>10}" for label in labels)
    )
    for result in results:
        if not result.peers:
            continue
        cells = ""
        for label in labels:
            if label in result.peers:
                rps, ratio = result.peers[label]
                cells += f"{rps:>20,.0f}{ratio:>9.2f}x"
            else:
                cells += f"{'-':>20}{'-':>10}"
        print(f"{result.name:<28}{cells}")
    for result in results:
        if "Starlette" in result.peers:
            share = result.peers["Starlette"][1]
            print(
                f"{result.name}: {new.label} / plain Starlette {share:.2f} "
                f"(target >= 0.90: {verdict(share >= 0.9)})"
            )


def available_peers() -> tuple[Side, ...]:
    """The peers whose framework is installed (Litestar is a bench dependency only)."""
    found = []
    for peer in PEERS:
        if importlib.util.find_spec(peer.variant or "") is not None:
            found.append(peer)
        else:
            print(f"peer {peer.label} skipped: {peer.variant} is not installed")
    return tuple(found)


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


async def run_all(
    scenarios: list[Scenario],
    sides: tuple[Side, Side],
    rounds: int,
    batch_seconds: float,
    peers: tuple[Side, ...] = (),
) -> list[str]:
    """Measure and report every scenario, by each clock; returns the failures."""
    results: dict[str, list[Result]] = {clock: [] for clock in CLOCKS}
    failures: list[str] = []
    for scenario in scenarios:
        try:
            measured = await measure(scenario, sides, rounds, batch_seconds, peers)
            for clock, result in measured.items():
                results[clock].append(result)
        except Exception as error:  # report every scenario, then fail
            failures.append(str(error) if isinstance(error, Mismatch) else repr(error))
            print(f"  FAILED {scenario.name}: {failures[-1]}", file=sys.stderr)
    for clock in CLOCKS:
        print(f"\n[{clock} clock: requests per {clock} second]")
        report(results[clock], sides)
    return failures


# -- import time ---------------------------------------------------------------


def import_seconds(statement: str) -> float:
    """CPU seconds (user + system) of a fresh interpreter running `statement`.

    CPU time rather than wall time: importing is single-threaded, and CPU time does
    not count the waits for a core on a shared machine. Raises CalledProcessError.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", statement], check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


IMPORTS = {
    "python -c pass": "pass",
    "import fastslim": "import fastslim",
    "import fastapi": "import fastapi",
    "from fastslim import FastAPI": "from fastslim import FastAPI",
    "from fastapi import FastAPI": "from fastapi import FastAPI",
}


def import_time(runs: int) -> list[str]:
    """Wall time of fresh interpreters importing each package, alternating; the
    report gives the median and the best of `runs`. Returns the failures."""
    leak = "import sys, fastslim; sys.exit('fastapi' in sys.modules)"
    if subprocess.run([sys.executable, "-c", leak], check=False).returncode:
        return ["`import fastslim` fails or imports fastapi."]
    statements = dict(IMPORTS)
    for label, statement in IMPORTS.items():  # warm-up: bytecode caches
        try:
            import_seconds(statement)
        except subprocess.CalledProcessError as error:
            print(f"  skipped `{label}`: {error.stderr.decode().strip().splitlines()[-1]}")
            del statements[label]
    samples: dict[str, list[float]] = defaultdict(list)
    for index in range(runs):
        order = list(statements) if index % 2 == 0 else list(reversed(statements))
        for label in order:
            samples[label].append(import_seconds(statements[label]) * 1e3)
    bare = statistics.median(samples.pop("python -c pass"))
    print(f"\nimport CPU time (fresh interpreter, {runs} alternating runs; bare {bare:.1f} ms):")
    print(f"  {'':<30}{'median':>9}{'best':>9}{'median over bare':>19}")
    for label, values in samples.items():
        median = statistics.median(values)
        print(f"  {label:<30}{median:>7.1f}ms{min(values):>7.1f}ms{median - bare:>17.1f}ms")
    pairs = [(f"import {name}", f"from {name} import FastAPI") for name in ("fastslim", "fastapi")]
    for new, old in zip(*pairs, strict=True):
        if new in samples and old in samples:
            ratio = (statistics.median(samples[new]) - bare) / (
                statistics.median(samples[old]) - bare
            )
            print(f"  ratio `{new}` / `{old}`, net of bare start: {ratio:.2f}", end="")
            print(f" (target <= 1.0: {verdict(ratio <= 1.0)})")
    return []


# -- profile ---------------------------------------------------------------------


async def profile_batch(scenario: Scenario, side: Side, count: int) -> cProfile.Profile:
    """Profile `count` requests of `scenario` on `side`, after a warm-up."""
    one = load(scenario, side)
    async with lifespan(one.app):
        await timed(scenario, one, 200)  # warm-up
        gc.collect()
        profiler = cProfile.Profile()
        profiler.enable()
        await serve_batch(one.app, scenario.request, count, scenario.status)
        profiler.disable()
    return profiler


def package_of(filename: str) -> str:
    """The top-level package a profiled file belongs to, or the file itself."""
    for marker in ("/site-packages/", "/src/", "/lib/python3"):
        if marker in filename:
            rest = filename.split(marker, 1)[1]
            return rest.split("/")[1 if marker == "/lib/python3" else 0]
    return "(built-in functions)" if filename == "~" else filename


def print_profile(profiler: cProfile.Profile, top: int = 30) -> None:
    """Own time by file, then the functions by own time and by cumulative time."""
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, object]]
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())
    by_file: dict[str, float] = defaultdict(float)
    by_package: dict[str, float] = defaultdict(float)
    for (filename, _, _), entry in raw.items():
        by_file[filename] += entry[2]
        by_package[package_of(filename)] += entry[2]
    for title, shares in (("package", by_package), ("file", by_file)):
        print(f"own time by {title} (total {total:.3f} s):")
        for name, seconds in sorted(shares.items(), key=lambda item: -item[1])[:20]:
            print(f"  {seconds / total:6.1%}  {name}")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


# -- main ------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--batch-seconds", type=float, default=0.2)
    parser.add_argument("--backend", choices=["asyncio", "trio", "both"], default="asyncio")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="scenarios whose name has NAME")
    parser.add_argument("--no-import-time", action="store_true")
    parser.add_argument("--import-runs", type=int, default=7)
    parser.add_argument("--self-check", action="store_true", help="FastAPI on both sides")
    parser.add_argument("--no-peers", action="store_true", help="no Starlette or Litestar")
    parser.add_argument("--profile", metavar="NAME", help="profile the scenario named NAME")
    options = parser.parse_args()
    scenarios = [
        scenario
        for scenario in SCENARIOS
        if not options.only or any(word in scenario.name for word in options.only)
    ]
    backends = ["asyncio", "trio"] if options.backend == "both" else [options.backend]
    if options.profile:
        (scenario,) = [s for s in SCENARIOS if options.profile in s.name]
        print(f"profile: {scenario.name} on fastslim ({backends[0]})")
        print_profile(anyio.run(profile_batch, scenario, FASTSLIM, 5000, backend=backends[0]))
        return 0
    sides = (FASTAPI_COPY if options.self_check else FASTSLIM, FASTAPI)
    print(
        f"routing: {sides[0].label} (fastslim-routing {version('fastslim-routing')}) against "
        f"FastAPI {version('fastapi')}, requests/s in process through ASGI"
    )
    failures: list[str] = []
    for backend in backends:
        print(f"\nbackend: {backend}, {options.rounds} alternating rounds, medians")
        failures += anyio.run(
            run_all,
            scenarios,
            sides,
            options.rounds,
            options.batch_seconds,
            () if options.no_peers or options.self_check else available_peers(),
            backend=backend,
        )
    if not options.no_import_time and not options.self_check:
        failures += import_time(options.import_runs)
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
