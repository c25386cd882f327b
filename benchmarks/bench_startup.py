"""Start-up time and memory of fastslim against FastAPI (issue 19).

- `import fastslim` against `import fastapi`: each in a fresh interpreter, wall
  clock and CPU time of the import statement alone, the median of `--imports` runs,
  the two frameworks alternated.
- An app of `--routes` routes (default 1,000), written once against FastAPI's API
  and run with `fastapi` replaced by `fastslim`: each route `POST /items<i>/{item_id}`
  with a body model (one pydantic model, shared: its class is built once, so the
  figure is the framework's), a path and a query parameter and one dependency. In
  a fresh interpreter per run (the framework imported first, not timed): the time
  to build the app and of the first `app.openapi()` (wall clock and CPU), the RSS
  after the build and its growth over the RSS after the import; the median of
  `--builds` runs, alternated. Both schemas must list every route, or the run fails.

Ratios are fastslim / FastAPI (below 1: fastslim is quicker or smaller). The load
average is printed: a shared machine moves the absolute figures.

    python benchmarks/bench_startup.py [--imports N] [--builds N] [--routes N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys

IMPORT_PROBE = """
import sys, time
wall, cpu = time.perf_counter(), time.process_time()
import {module}
print(time.perf_counter() - wall, time.process_time() - cpu)
"""

APP_HEAD = """
from typing import Annotated

from fastapi import Depends, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []


async def current_user(token: str | None = None) -> str:
    return token or "anonymous"


app = FastAPI()
"""

APP_ROUTE = """

@app.post("/items{i}/{{item_id}}")
async def create_item_{i}(
    item_id: int,
    item: Item,
    user: Annotated[str, Depends(current_user)],
    q: str | None = None,
) -> dict[str, object]:
    return {{"item_id": item_id, "q": q, "user": user, "name": item.name}}
"""

BUILD_PROBE = """
import json, sys, time, types
from pathlib import Path

def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

import {module}, pydantic
source = sys.stdin.read()
rss_import = rss_mb()
module = types.ModuleType("app_{module}")
sys.modules[module.__name__] = module  # pydantic resolves annotations through it
start, cpu = time.perf_counter(), time.process_time()
exec(compile(source, "<{routes} routes>", "exec"), module.__dict__)
build, build_cpu = time.perf_counter() - start, time.process_time() - cpu
rss_build = rss_mb()
start, cpu = time.perf_counter(), time.process_time()
schema = module.app.openapi()
openapi, openapi_cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({{
    "build_s": build, "openapi_s": openapi, "build_cpu_s": build_cpu,
    "openapi_cpu_s": openapi_cpu, "rss_import_mb": rss_import,
    "rss_build_mb": rss_build, "rss_growth_mb": rss_build - rss_import,
    "paths": len(schema["paths"]),
}}))
"""

FRAMEWORKS = ("fastslim", "fastapi")
LABELS = {"fastslim": "fastslim", "fastapi": "FastAPI"}


def app_source(routes: int, module: str) -> str:
    source = APP_HEAD + "".join(APP_ROUTE.format(i=i) for i in range(routes))
    return re.sub(r"\bfastapi\b", module, source)


def python(code: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], input=stdin, capture_output=True, text=True, check=True
    )
    return done.stdout


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imports", type=int, default=9, help="import runs per framework")
    parser.add_argument("--builds", type=int, default=3, help="app builds per framework")
    parser.add_argument("--routes", type=int, default=1000)
    args, _ = parser.parse_known_args()  # nox -s bench passes every script its arguments
    print(f"# Start-up and memory; load average {load()}, {os.cpu_count()} CPUs")

    imports: dict[str, list[tuple[float, float]]] = {m: [] for m in FRAMEWORKS}
    for run in range(args.imports):
        for module in FRAMEWORKS if run % 2 == 0 else FRAMEWORKS[::-1]:
            wall, cpu = python(IMPORT_PROBE.format(module=module)).split()
            imports[module].append((float(wall), float(cpu)))
    import_ms = {
        m: (
            statistics.median(w for w, _ in runs) * 1e3,
            statistics.median(c for _, c in runs) * 1e3,
        )
        for m, runs in imports.items()
    }

    builds: dict[str, list[dict[str, float]]] = {m: [] for m in FRAMEWORKS}
    for run in range(args.builds):
        for module in FRAMEWORKS if run % 2 == 0 else FRAMEWORKS[::-1]:
            probe = BUILD_PROBE.format(module=module, routes=args.routes)
            result = json.loads(python(probe, app_source(args.routes, module)))
            if result["paths"] != args.routes:
                raise SystemExit(f"{module}: openapi() lists {result['paths']} paths")
            builds[module].append(result)

    def med(module: str, key: str) -> float:
        return statistics.median(r[key] for r in builds[module])

    print(
        f"\n| measure ({args.imports} imports, {args.builds} builds, medians) | fastslim "
        "| FastAPI | fastslim / FastAPI |"
    )
    print("|---|---:|---:|---:|")
    rows = [
        ("import, wall ms", import_ms["fastslim"][0], import_ms["fastapi"][0]),
        ("import, CPU ms", import_ms["fastslim"][1], import_ms["fastapi"][1]),
        (f"{args.routes} routes: build, wall ms", *(med(m, "build_s") * 1e3 for m in FRAMEWORKS)),
        (
            f"{args.routes} routes: build, CPU ms",
            *(med(m, "build_cpu_s") * 1e3 for m in FRAMEWORKS),
        ),
        (
            f"{args.routes} routes: RSS after build MiB",
            *(med(m, "rss_build_mb") for m in FRAMEWORKS),
        ),
        (
            f"{args.routes} routes: RSS growth over import MiB",
            *(med(m, "rss_growth_mb") for m in FRAMEWORKS),
        ),
        (
            f"{args.routes} routes: first openapi(), wall ms",
            *(med(m, "openapi_s") * 1e3 for m in FRAMEWORKS),
        ),
        (
            f"{args.routes} routes: first openapi(), CPU ms",
            *(med(m, "openapi_cpu_s") * 1e3 for m in FRAMEWORKS),
        ),
    ]
    for name, *pair in rows:
        fastslim, fastapi = (float(x) for x in pair)  # type: ignore[arg-type]
        print(f"| {name} | {fastslim:.1f} | {fastapi:.1f} | {fastslim / fastapi:.2f}x |")
    print(f"load average at the end: {load()}")


if __name__ == "__main__":
    main()
