"""`nox -s fuzz`: the shop demo and a kitchen-sink app fuzzed from their OpenAPI documents.

    python tests/fuzz/_fuzz.py demo [--cases N]
    python tests/fuzz/_fuzz.py kitchen-sink --fastapi-python PATH [--cases N]

`demo`: the shop demo (examples/shop) served by uvicorn on 127.0.0.1 (a free port, a
subprocess, a fresh data folder), fuzzed by schemathesis from its own document: every
operation, positive and negative cases, authenticated (the admin's bearer token, from
`POST /token`) where the operation declares `security`, with the checks
`not_a_server_error`, `status_code_conformance` and `response_schema_conformance`.
Fails unless every case passes.

`kitchen-sink`: `kitchen_sink.py` (every parameter kind) served by uvicorn twice, on
fastslim and on FastAPI 0.165.0 (`--fastapi-python`: the interpreter of a separate
environment that has FastAPI and uvicorn); the cases of schemathesis's coverage phase
(boundary values, missing inputs, values of the wrong type) and the generated ones,
from fastslim's document, are each sent to both, and the checks run on fastslim's
response. Fails on a failing check (an undocumented status FastAPI answers too, its
400 for a body it cannot parse, is counted apart: the documents are the same), on a
different OpenAPI document, and on a status, media type or body that differs from
FastAPI's unless `KNOWN_DIFFERENCES` names it (each is listed in the README's
differences).

Generation is seeded (`SEED`), so a run sends the same cases each time; `--seed` picks
another. Prints the counts: cases, failures, differences.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import hypothesis
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import APIOperation, GenerationMode
from schemathesis import Case as GenericCase
from schemathesis.checks import CheckFunction, not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

Case = GenericCase[APIOperation[Any, Any, Any, Any]]
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHOP_DIR = ROOT / "examples" / "shop"
SEED = 20261207
CHECKS: list[CheckFunction] = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
]
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
STREAM_TIMEOUT = 0.25
"""Seconds an event stream (`GET /events`) is read before the case moves on."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def with_path(folder: Path) -> str:
    """`folder` first on the caller's PYTHONPATH (sources put first stay first)."""
    return os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))


@contextlib.contextmanager
def served(argv: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[str]:
    """`argv` started in a subprocess, serving on 127.0.0.1:`port`; yields its base
    URL once `/openapi.json` answers, and stops it with SIGTERM at exit."""
    base_url = f"http://127.0.0.1:{port}"
    with log.open("w") as output:
        server = subprocess.Popen(
            argv, env={**os.environ, **env}, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise SystemExit(f"{argv} exited with {server.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(f"{base_url}/openapi.json", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{argv} did not answer in 60 s:\n{log.read_text()}")
            time.sleep(0.05)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@dataclass
class Tally:
    """What a run did: cases per operation, failures and differences (each kept once
    per operation and kind, with one example)."""

    cases: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    failures: dict[tuple[str, str], str] = field(default_factory=dict)
    failure_count: int = 0
    differences: dict[tuple[str, str], str] = field(default_factory=dict)
    difference_count: int = 0
    known: Counter[str] = field(default_factory=Counter)
    shared_undocumented: Counter[int] = field(default_factory=Counter)

    def fail(self, label: str, kind: str, example: str) -> None:
        self.failure_count += 1
        self.failures.setdefault((label, kind), example)

    def differ(self, label: str, kind: str, example: str) -> None:
        self.difference_count += 1
        self.differences.setdefault((label, kind), example)

    def report(self, title: str) -> bool:
        total = sum(self.cases.values())
        print(f"\n{title}: {total} cases over {len(self.cases)} operations", flush=True)
        for label, count in sorted(self.cases.items()):
            print(f"  {count:5d}  {label}  ({self.seconds[label]:.1f} s)")
        print(f"  failures: {self.failure_count}")
        for status, count in sorted(self.shared_undocumented.items()):
            print(f"  undocumented {status}, as on FastAPI (its document lacks it too): {count}")
        for (label, kind), example in sorted(self.failures.items()):
            print(f"    {label}: {kind}\n      {example}")
        if self.known:
            listed = ", ".join(f"{kind} ({count})" for kind, count in sorted(self.known.items()))
            print(f"  listed differences from FastAPI: {sum(self.known.values())}: {listed}")
        if self.differences or self.known:
            print(f"  unlisted differences from FastAPI: {self.difference_count}")
        for (label, kind), example in sorted(self.differences.items()):
            print(f"    {label}: {kind}\n      {example}")
        return not self.failures and not self.differences


def check(
    case: Case, response: schemathesis.Response, tally: Tally, shared_undocumented: bool = False
) -> None:
    """The checks on `response`; a failing one is recorded, not raised.

    `shared_undocumented`: FastAPI answered the same status, so an undocumented one
    is a gap of the document both frameworks generate (FastAPI's 400 for a JSON body
    that is not UTF-8 or a broken multipart body), counted apart, not a failure."""
    label = case.operation.label
    for check_function in CHECKS:
        try:
            case.validate_response(response, checks=[check_function])
        except (Exception, BaseExceptionGroup) as error:  # every failing check is recorded
            if shared_undocumented and check_function is status_code_conformance:
                tally.shared_undocumented[response.status_code] += 1
                continue
            inner = error.exceptions if isinstance(error, BaseExceptionGroup) else [error]
            for failure in inner:
                title = getattr(failure, "title", type(failure).__name__)
                message = " ".join(str(getattr(failure, "message", failure)).split())[:300]
                example = f"{message} (HTTP {response.status_code})\n      {curl(case)}"
                tally.fail(label, f"{check_function.__name__}: {title}", example)


def curl(case: Case) -> str:
    try:
        return case.as_curl_command()[:500]
    except Exception as error:  # only for the report
        return f"<no curl: {error}>"


def fuzz_operations(
    schema: Any, cases_per_mode: int, seed: int, run: Callable[[Case], None]
) -> None:
    """`run(case)` on the generated cases of every operation of `schema`, positive then
    negative, seeded; Hypothesis stops early where an operation has fewer distinct
    cases (one without parameters has one)."""
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in MODES:

            @hypothesis.seed(seed)
            @settings(
                max_examples=cases_per_mode,
                database=None,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
                print_blob=False,
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def each(case: Case) -> None:
                run(case)

            # No negative case exists for an operation without inputs.
            with contextlib.suppress(hypothesis.errors.Unsatisfiable):
                each()


def coverage_operations(schema: Any, run: Callable[[Case], None]) -> None:
    """`run(case)` on the cases of schemathesis's coverage phase for every operation
    of `schema`: deterministic boundary values, missing required inputs, values of
    the wrong type (a body that is not an object, a list where a string goes), positive
    and negative."""
    for result in schema.get_all_operations():
        operation = result.ok()
        config = schema.config.generation_for(operation=operation)
        for case in schema.iter_coverage_cases(
            operation, generation_modes=list(MODES), generation_config=config
        ):
            run(case)


def load_schema(base_url: str) -> Any:
    return schemathesis.openapi.from_url(f"{base_url}/openapi.json")


def timeout_for(case: Case) -> float:
    """Seconds a call may take: an event stream is read for `STREAM_TIMEOUT` only."""
    responses = case.operation.definition.raw.get("responses", {})
    for response in responses.values():
        if "text/event-stream" in response.get("content", {}):
            return STREAM_TIMEOUT
    return 10.0


def fuzz_demo(cases_per_mode: int, seed: int) -> bool:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="shop-fuzz-") as data:
        env = {
            "PYTHONPATH": with_path(SHOP_DIR),
            "SHOP_DATA_DIR": data,
            "SHOP_PORT": str(port),
            "SHOP_REPORT_SECONDS": "0",
            "SHOP_DRAIN_TIMEOUT": "1",
        }
        log = Path(data) / "server.log"
        with served([sys.executable, "-m", "shop"], env, port, log) as base_url:
            login = {"username": "admin", "password": "shop-admin"}
            token = httpx.post(f"{base_url}/token", data=login).json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            schema = load_schema(base_url)
            tally = Tally()

            def run(case: Case) -> None:
                label = case.operation.label
                tally.cases[label] += 1
                secured = case.operation.definition.raw.get("security")
                headers = auth if secured else None
                start = time.perf_counter()
                response = case.call(base_url=base_url, headers=headers, timeout=timeout_for(case))
                tally.seconds[label] += time.perf_counter() - start
                check(case, response, tally)

            fuzz_operations(schema, cases_per_mode, seed, run)
        ok = tally.report("shop demo")
        return report_tracebacks(log) and ok


def report_tracebacks(log: Path) -> bool:
    """Prints the tracebacks of exceptions that escaped a request (uvicorn's
    "Exception in ASGI application"; a background task's failure logged on
    `fastslim.tasks` is what the demo does on purpose); True if there are none."""
    blocks: list[list[str]] = []
    lines = log.read_text().splitlines()
    for line in lines:
        if "Exception in ASGI application" in line:
            blocks.append([line])
        elif blocks and not line.startswith(("INFO", "ERROR", "WARNING")):
            blocks[-1].append(line)
    if blocks:
        print(f"  tracebacks in the server's log: {len(blocks)}")
        for block in blocks[:5]:
            print("\n".join(block[-12:]))
    return not blocks


KITCHEN_SINK = "kitchen_sink:app"


def kitchen_sink_server(python: str, framework: str, port: int, log: Path) -> Any:
    """The kitchen-sink app on `framework` ("fastslim" or "fastapi"), under uvicorn."""
    argv = [python, "-m", "uvicorn", KITCHEN_SINK, "--host", "127.0.0.1", "--port", str(port)]
    env = {"PYTHONPATH": with_path(HERE), "KITCHEN_SINK_FRAMEWORK": framework}
    return served([*argv, "--log-level", "warning"], env, port, log)


@dataclass(frozen=True)
class Answer:
    """What one server answered, as compared: status, media type and body (parsed
    when JSON)."""

    status: int
    media_type: str
    body: Any

    @classmethod
    def of(cls, response: schemathesis.Response, base_url: str) -> Answer:
        """`response` with the server's own address (echoed in the `host` header of a
        422's input) written as `SERVER`, so the two servers' answers compare."""
        media_type = response.headers.get("content-type", [""])[0]
        netloc = base_url.removeprefix("http://").encode()
        body: Any = response.content.replace(netloc, b"SERVER")
        if media_type.startswith("application/json"):
            with contextlib.suppress(ValueError):
                body = json.loads(body)
        return cls(response.status_code, media_type, body)


KNOWN_DIFFERENCES: dict[str, Callable[[Answer, Answer], bool]] = {}
"""Differences from FastAPI listed in the README's differences, each by a predicate on
(fastslim's answer, FastAPI's answer); none at present."""


def compare(case: Case, ours: Answer, theirs: Answer, tally: Tally) -> None:
    if ours == theirs:
        return
    label = case.operation.label
    for kind, known in KNOWN_DIFFERENCES.items():
        if known(ours, theirs):
            tally.known[kind] += 1
            return
    if ours.status != theirs.status:
        kind = f"status {ours.status} (FastAPI {theirs.status})"
    elif ours.media_type != theirs.media_type:
        kind = f"media type {ours.media_type!r} (FastAPI {theirs.media_type!r})"
    else:
        kind = f"body of a {ours.status}"
    example = f"fastslim: {str(ours.body)[:300]}\n      FastAPI:  {str(theirs.body)[:300]}"
    tally.differ(label, kind, f"{example}\n      {curl(case)}")


def fuzz_kitchen_sink(cases_per_mode: int, seed: int, fastapi_python: str) -> bool:
    """The kitchen-sink app on fastslim and on FastAPI; every case sent to both."""
    with contextlib.ExitStack() as stack:
        logs = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sink-fuzz-")))
        ours_url = stack.enter_context(
            kitchen_sink_server(sys.executable, "fastslim", free_port(), logs / "fastslim.log")
        )
        theirs_url = stack.enter_context(
            kitchen_sink_server(fastapi_python, "fastapi", free_port(), logs / "fastapi.log")
        )
        ours_document = httpx.get(f"{ours_url}/openapi.json").json()
        theirs_document = httpx.get(f"{theirs_url}/openapi.json").json()
        if ours_document != theirs_document:
            print("kitchen sink: the OpenAPI documents differ", flush=True)
            return False
        schema = load_schema(ours_url)
        tally = Tally()

        def run(case: Case) -> None:
            label = case.operation.label
            tally.cases[label] += 1
            start = time.perf_counter()
            ours = case.call(base_url=ours_url, timeout=10)
            theirs = case.call(base_url=theirs_url, timeout=10)
            tally.seconds[label] += time.perf_counter() - start
            ours_answer, theirs_answer = Answer.of(ours, ours_url), Answer.of(theirs, theirs_url)
            shared = ours_answer.status == theirs_answer.status
            check(case, ours, tally, shared_undocumented=shared)
            compare(case, ours_answer, theirs_answer, tally)

        coverage_operations(schema, run)
        fuzz_operations(schema, cases_per_mode, seed, run)
        ok = tally.report("kitchen sink, fastslim against FastAPI 0.165.0")
        return report_tracebacks(logs / "fastslim.log") and ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=["demo", "kitchen-sink"])
    parser.add_argument("--cases", type=int, default=50, help="cases per operation and mode")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--fastapi-python", help="an interpreter with FastAPI 0.165.0")
    args = parser.parse_args(argv)
    if args.target == "demo":
        return 0 if fuzz_demo(args.cases, args.seed) else 1
    if args.fastapi_python is None:
        parser.error("kitchen-sink needs --fastapi-python")
    return 0 if fuzz_kitchen_sink(args.cases, args.seed, args.fastapi_python) else 1


if __name__ == "__main__":
    sys.exit(main())
