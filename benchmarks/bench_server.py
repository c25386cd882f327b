"""Requests per second of fastslim against FastAPI through a real server (issue 19).

The hello, dependency-chain and JSON-body apps of `routing_apps/` (FastAPI source,
executed as it is and with `fastapi` replaced by `fastslim`, as in bench_routing.py)
are each served by uvicorn on 127.0.0.1 (a free port, one worker, `--log-level
warning`) in a subprocess of their own, and loaded from this process by a bounded
load generator: `wrk` when it is on PATH, else a raw HTTP/1.1 keep-alive client on
asyncio streams (lighter than httpx, so the generator takes less of the machine
from the server), with 50 connections for a fixed duration after a short warm-up.
Frameworks alternate, and which goes first alternates by round.

For each run: requests/s, p50 and p99 latency, errors (a connection error or a
status other than the scenario's: must be 0, or the run fails), and the server's
RSS when it is ready and after the load; and the server's CPU use (in cores) and
requests per server CPU second, steadier than requests/s when other processes
take the cores (a server well under 1.0 core is held back by the generator or the
machine, not by itself). The report gives the median of each over
the rounds and the ratios fastslim/FastAPI (requests/s above 1: fastslim serves
more; latency and RSS below 1: fastslim is quicker or smaller). On a shared
machine the absolute figures move by tens of percent; the load average is printed.

    python benchmarks/bench_server.py [--rounds N] [--seconds S] [--connections C]
        [--only NAME ...] [--client wrk|python]

`python benchmarks/bench_server.py --serve APP SIDE PORT` is the server process.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from routing_harness import Side, load_app

FASTSLIM = Side("fastslim", rewrite=True)
FASTAPI = Side("FastAPI", rewrite=False)
SIDES = {side.label: side for side in (FASTSLIM, FASTAPI)}
HOST = "127.0.0.1"

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


@dataclass(frozen=True)
class Scenario:
    """One app and the request the load generator repeats."""

    name: str
    app_file: str
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    status: int

    def request_bytes(self) -> bytes:
        """The request as sent on a keep-alive HTTP/1.1 connection."""
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {HOST}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        if self.body or self.method == "POST":
            lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + self.body


SCENARIOS = (
    Scenario("hello", "hello", "GET", "/hello", (), b"", 200),
    Scenario(
        "dependency chain",
        "deps",
        "GET",
        "/orders?skip=5&limit=20",
        (("Authorization", "Bearer secret-token"), ("X-Request-ID", "req-12345678")),
        b"",
        200,
    ),
    Scenario(
        "JSON body + response_model",
        "body",
        "POST",
        "/orders",
        (("Content-Type", "application/json"),),
        json.dumps(ORDER).encode(),
        201,
    ),
)


@dataclass(frozen=True)
class Run:
    """One load run against one server."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    rss_start_mb: float
    rss_end_mb: float
    server_cpu: float
    """The server's CPU seconds over the whole load (warm-up included)."""
    wall: float
    """The wall-clock seconds of the whole load (warm-up included)."""

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @property
    def cpu_share(self) -> float:
        """The server's CPU use in the run, in cores: near 1.0, the server is the
        bottleneck; well under, the generator or the other load on the machine."""
        return self.server_cpu / self.wall

    @property
    def per_cpu(self) -> float:
        """Requests per server CPU second: steadier than req/s on a loaded machine."""
        return self.rps / self.cpu_share


# -- the server process --------------------------------------------------------


def serve(app_file: str, label: str, port: int) -> None:
    """Serve `routing_apps/<app_file>.py` for side `label` under uvicorn until killed."""
    import uvicorn

    app, module = load_app(app_file, SIDES[label])
    if hasattr(module, "EVENTS"):  # a bounded log: the list would grow the RSS
        setattr(module, "EVENTS", collections.deque(maxlen=64))  # noqa: B010
    uvicorn.run(app, host=HOST, port=port, workers=1, log_level="warning")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` (Linux: /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """The resident set size of process `pid` in MiB (Linux: /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


@contextlib.contextmanager
def server(scenario: Scenario, side: Side) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """A uvicorn subprocess serving `scenario`'s app for `side`, answering its request."""
    port = free_port()
    command = [sys.executable, __file__, "--serve", scenario.app_file, side.label, str(port)]
    process = subprocess.Popen(command)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{side.label} server for {scenario.name} exited")
            try:
                status, _ = asyncio.run(one_request(port, scenario))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        if status != scenario.status:
            raise RuntimeError(f"{side.label} {scenario.name}: status {status}")
        yield port, process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- the asyncio load generator ------------------------------------------------


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """One response with a Content-Length body (what uvicorn sends these apps)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    match = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
    if match is None:
        raise RuntimeError(f"no content-length in {head!r}")
    return status, await reader.readexactly(int(match.group(1)))


async def one_request(port: int, scenario: Scenario) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(scenario.request_bytes())
        return await read_response(reader)
    finally:
        writer.close()


async def python_load(
    port: int, scenario: Scenario, connections: int, seconds: float, warmup: float
) -> tuple[int, float, list[float], int]:
    """`connections` keep-alive connections, each sending the request in a loop.

    Returns (requests after the warm-up, seconds measured, latencies in s, errors).
    """
    request = scenario.request_bytes()
    latencies: list[float] = []
    errors = 0
    loop = asyncio.get_running_loop()
    start = loop.time() + warmup
    stop = start + seconds

    async def connection() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            while loop.time() < stop:
                sent = time.perf_counter()
                writer.write(request)
                try:
                    status, _ = await read_response(reader)
                except (OSError, asyncio.IncompleteReadError, RuntimeError):
                    errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(HOST, port)
                    continue
                if start <= loop.time() <= stop:  # completed inside the measured window
                    latencies.append(time.perf_counter() - sent)
                    if status != scenario.status:
                        errors += 1
        finally:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(connections)))
    return len(latencies), seconds, latencies, errors


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# -- wrk -----------------------------------------------------------------------

WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def wrk_load(
    wrk: str, port: int, scenario: Scenario, connections: int, seconds: float
) -> tuple[int, float, float, float, int]:
    """Run wrk (a Lua script sets the method, headers and body).

    Returns (requests, seconds, p50 ms, p99 ms, errors)."""
    lua = json.dumps  # an ASCII JSON string is a Lua string literal
    headers = "".join(f"wrk.headers[{lua(n)}] = {lua(v)}\n" for n, v in scenario.headers)
    body = lua(scenario.body.decode())
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(f"wrk.method = {lua(scenario.method)}\n{headers}wrk.body = {body}\n")
    try:
        url = f"http://{HOST}:{port}{scenario.path}"
        out = subprocess.run(
            [wrk, "-t1", f"-c{connections}", f"-d{seconds:g}s", "--latency", "-s", file.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(file.name)

    def latency(label: str) -> float:
        match = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", out)
        if match is None:
            raise RuntimeError(f"no {label}% latency in wrk's output:\n{out}")
        return float(match.group(1)) * WRK_UNITS[match.group(2)]

    requests = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", out)
    if requests is None:
        raise RuntimeError(f"unreadable wrk output:\n{out}")
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return int(requests.group(1)), seconds, latency("50"), latency("99"), errors


# -- the benchmark ---------------------------------------------------------------


def measure(scenario: Scenario, side: Side, args: argparse.Namespace) -> Run:
    with server(scenario, side) as (port, process):
        rss_start = rss_mb(process.pid)
        cpu_start, wall_start = cpu_seconds(process.pid), time.perf_counter()
        if args.client == "wrk":
            requests, seconds, p50, p99, errors = wrk_load(
                args.wrk, port, scenario, args.connections, args.seconds
            )
        else:
            requests, seconds, latencies, errors = asyncio.run(
                python_load(port, scenario, args.connections, args.seconds, args.warmup)
            )
            p50 = percentile(latencies, 0.50) * 1e3
            p99 = percentile(latencies, 0.99) * 1e3
        cpu, wall = cpu_seconds(process.pid) - cpu_start, time.perf_counter() - wall_start
        rss_end = rss_mb(process.pid)
    return Run(requests, seconds, p50, p99, errors, rss_start, rss_end, cpu, wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=5.0, help="measured seconds per run")
    parser.add_argument("--warmup", type=float, default=0.5, help="python client only")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--only", action="append", help="scenarios whose name contains this")
    parser.add_argument("--client", choices=("wrk", "python"))
    parser.add_argument("--serve", nargs=3, metavar=("APP", "SIDE", "PORT"))
    args, _ = parser.parse_known_args()  # nox -s bench passes every script its arguments
    if args.serve:
        app_file, label, port = args.serve
        serve(app_file, label, int(port))
        return
    args.wrk = shutil.which("wrk")
    if args.client is None:
        args.client = "wrk" if args.wrk else "python"
    if args.client == "wrk" and not args.wrk:
        parser.error("wrk is not on PATH")
    scenarios = [s for s in SCENARIOS if not args.only or any(o in s.name for o in args.only)]

    print(
        f"# Through uvicorn ({HOST}, one worker), {args.connections} connections, "
        f"{args.seconds:g} s per run, {args.rounds} rounds, client: {args.client}; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
        f"{os.cpu_count()} CPUs"
    )
    runs: dict[tuple[str, str], list[Run]] = collections.defaultdict(list)
    for round_index in range(args.rounds):
        for scenario in scenarios:
            order = (FASTSLIM, FASTAPI) if round_index % 2 == 0 else (FASTAPI, FASTSLIM)
            for side in order:
                run = measure(scenario, side, args)
                if run.errors:
                    raise SystemExit(f"{side.label} {scenario.name}: {run.errors} errors")
                runs[scenario.name, side.label].append(run)
                print(
                    f"  round {round_index + 1} {scenario.name:28} {side.label:8} "
                    f"{run.rps:9.0f} req/s  p50 {run.p50_ms:6.2f} ms  p99 {run.p99_ms:6.2f} ms  "
                    f"RSS {run.rss_start_mb:.1f} -> {run.rss_end_mb:.1f} MiB  "
                    f"server {run.cpu_share:.2f} cores, {run.per_cpu:.0f} req/CPU-s",
                    flush=True,
                )

    def med(name: str, label: str, field: str) -> float:
        return float(statistics.median(getattr(r, field) for r in runs[name, label]))

    print()
    print(
        "| scenario | framework | req/s | p50 ms | p99 ms | errors | RSS start MiB "
        "| RSS end MiB | server cores | req/server CPU-s |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for scenario in scenarios:
        for label in (FASTSLIM.label, FASTAPI.label):
            errors = sum(r.errors for r in runs[scenario.name, label])
            print(
                f"| {scenario.name} | {label} | {med(scenario.name, label, 'rps'):.0f} "
                f"| {med(scenario.name, label, 'p50_ms'):.2f} "
                f"| {med(scenario.name, label, 'p99_ms'):.2f} | {errors} "
                f"| {med(scenario.name, label, 'rss_start_mb'):.1f} "
                f"| {med(scenario.name, label, 'rss_end_mb'):.1f} "
                f"| {med(scenario.name, label, 'cpu_share'):.2f} "
                f"| {med(scenario.name, label, 'per_cpu'):.0f} |"
            )
    print()
    print("Ratios fastslim / FastAPI (medians over the rounds):")
    print("| scenario | req/s | p50 | p99 | RSS start | RSS end | req/server CPU-s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for scenario in scenarios:
        cells = [
            med(scenario.name, "fastslim", field) / med(scenario.name, "FastAPI", field)
            for field in ("rps", "p50_ms", "p99_ms", "rss_start_mb", "rss_end_mb", "per_cpu")
        ]
        print(f"| {scenario.name} | " + " | ".join(f"{c:.2f}x" for c in cells) + " |")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
