"""What built-in telemetry costs: hello and the dependency chain on fastslim and FastAPI,
with telemetry off, installed but inert, and on, in one run.

- off: OpenTelemetry hidden from the process (fastslim only: FastAPI requires it);
- inert: OpenTelemetry's API installed, no provider set (the default);
- on: global SDK providers (tracer, meter, logger) exporting to memory.

Each state runs in a child process (a global provider cannot be unset; "off" hides the
package before anything imports it). There each framework, and a bare Starlette app as
a reference, are timed in alternating rounds, in process (no server), in requests per
CPU second. Absolute figures vary on a shared machine: the ratios are each framework's
requests/s relative to the Starlette reference of the same rounds, then that share
against fastslim's share when off (or FastAPI's when inert).

    python benchmarks/bench_telemetry.py [--rounds N] [--batch-seconds S]
"""

from __future__ import annotations

import argparse
import gc
import importlib.abc
import json
import statistics
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

import anyio
from routing_harness import ASGIApp, Request, Side, lifespan, load_app, time_batch

STATES = ("off", "inert", "on")
SCENARIOS = {
    "hello": ("hello", Request("GET", "/hello")),
    "dependency chain": (
        "deps",
        Request(
            "GET",
            "/orders",
            "skip=20&limit=5",
            headers=(("Authorization", "Bearer secret-token"), ("X-Request-ID", "req-12345678")),
        ),
    ),
}
FASTSLIM = Side("fastslim", rewrite=True)
FASTAPI = Side("FastAPI", rewrite=False)


class _Hidden(importlib.abc.MetaPathFinder):
    """Makes `opentelemetry` unimportable, as if it were not installed."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "opentelemetry" or name.startswith("opentelemetry."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


def _telemetry_on() -> list[Any]:
    """Global SDK providers exporting to memory; returns what to clear between batches."""
    from opentelemetry import _logs, metrics, trace
    from opentelemetry.sdk._logs import LoggerProvider
    from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    spans, logs = InMemorySpanExporter(), InMemoryLogRecordExporter()  # type: ignore[no-untyped-call]
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    logger_provider = LoggerProvider()
    logger_provider.add_log_record_processor(SimpleLogRecordProcessor(logs))
    trace.set_tracer_provider(tracer_provider)
    metrics.set_meter_provider(MeterProvider(metric_readers=[InMemoryMetricReader()]))
    _logs.set_logger_provider(logger_provider)
    return [spans, logs]


def _reference() -> ASGIApp:
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def hello(request: Any) -> JSONResponse:
        return JSONResponse({"message": "Hello World"})

    return Starlette(routes=[Route("/hello", hello)])


async def _cpu_seconds(app: ASGIApp, request: Request, count: int) -> float:
    """CPU seconds of a batch (steadier than the wall clock on a shared machine)."""
    return (await time_batch(app, request, count, 200))[1]


async def _child(state: str, rounds: int, batch_seconds: float) -> dict[str, Any]:
    clear = _telemetry_on() if state == "on" else []
    sides = [FASTSLIM] if state == "off" else [FASTSLIM, FASTAPI]
    reference = _reference()
    results: dict[str, Any] = {}
    for scenario, (app_file, request) in SCENARIOS.items():
        apps: dict[str, tuple[ASGIApp, Request]] = {
            side.label: (load_app(app_file, side)[0], request) for side in sides
        }
        apps["Starlette"] = (reference, SCENARIOS["hello"][1])
        samples: dict[str, list[float]] = {label: [] for label in apps}
        async with lifespan(apps["fastslim"][0]):
            labels = list(apps)
            per_request = []
            for label in labels:  # warm-up and calibration
                app, one = apps[label]
                await time_batch(app, one, 50, 200)
                per_request.append(await _cpu_seconds(app, one, 200) / 200)
            count = max(50, round(batch_seconds / statistics.mean(per_request)))
            for index in range(rounds):
                for label in labels if index % 2 == 0 else reversed(labels):
                    app, one = apps[label]
                    gc.collect()
                    samples[label].append(count / await _cpu_seconds(app, one, count))
                    for exporter in clear:
                        exporter.clear()
        results[scenario] = {
            label: {
                "rps": statistics.median(samples[label]),
                "share": statistics.median(
                    a / b for a, b in zip(samples[label], samples["Starlette"], strict=True)
                ),
            }
            for label in apps
            if label != "Starlette"
        }
    return results


def _run_state(state: str, rounds: int, batch_seconds: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", state, "--rounds", str(rounds)]
    command += ["--batch-seconds", str(batch_seconds)]
    output = subprocess.run(command, capture_output=True, text=True, check=False)
    if output.returncode != 0:
        raise RuntimeError(f"The {state!r} run failed:\n{output.stderr}")
    result: dict[str, Any] = json.loads(output.stdout.splitlines()[-1])
    return result


def report(results: dict[str, dict[str, Any]]) -> None:
    print(f"{'scenario':<18}{'state':<7}{'fastslim req/s':>16}{'FastAPI req/s':>15}", end="")
    print(f"{'speedup':>9}{'fastslim vs off':>17}{'FastAPI vs inert':>18}")
    for scenario in SCENARIOS:
        off = results["off"][scenario]["fastslim"]["share"]
        inert = results["inert"][scenario]["FastAPI"]["share"]
        for state in STATES:
            row = results[state][scenario]
            slim, fast = row["fastslim"], row.get("FastAPI")
            print(f"{scenario:<18}{state:<7}{slim['rps']:>16,.0f}", end="")
            if fast is None:
                print(f"{'n/a':>15}{'':>9}{slim['share'] / off:>16.2f}x{'':>18}")
                continue
            speedup = slim["share"] / fast["share"]
            print(f"{fast['rps']:>15,.0f}{speedup:>8.2f}x{slim['share'] / off:>16.2f}x", end="")
            print(f"{fast['share'] / inert:>17.2f}x")
    print("(req/s: medians; the ratios use each framework's share of the Starlette")
    print(" reference timed in the same rounds, so machine load cancels out)")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--batch-seconds", type=float, default=0.25)
    parser.add_argument("--child", choices=STATES)
    args = parser.parse_args(argv)
    if args.child is not None:
        if args.child == "off":
            sys.meta_path.insert(0, _Hidden())
        print(json.dumps(anyio.run(_child, args.child, args.rounds, args.batch_seconds)))
        return 0
    results = {state: _run_state(state, args.rounds, args.batch_seconds) for state in STATES}
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
