"""Cost of building the OpenAPI document, fastslim against FastAPI 0.165.0.

The app has 1000 path operations, each with its own body model (three fields)
and two parameters (a path parameter and a constrained query parameter),
spread over 10 routers included with a prefix. For each framework, in one
process, rounds alternate: build the app (declaring every route), then call
`app.openapi()` once (the first call builds the document; later calls are
cached), measuring its time and the memory it allocates (tracemalloc peak).
The report gives medians and fastslim's ratio (target: `openapi()` at most half
FastAPI's time).

    python benchmarks/bench_openapi.py [--rounds N] [--routes N]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
import types
from typing import Any

TEMPLATE = """
from typing import Annotated
from pydantic import BaseModel, Field
from {framework} import APIRouter, FastAPI, Query

app = FastAPI(title="Bench")
models = []
for index in range({routes}):
    models.append(type(f"Item{{index}}", (BaseModel,), {{
        "__annotations__": {{"name": str, "price": float, "tags": list[str]}},
        "price": Field(gt=0),
        "tags": [],
        "__module__": __name__,
    }}))

routers = [APIRouter(tags=[f"group{{g}}"]) for g in range(10)]


def make(index):
    Model = models[index]

    def endpoint(
        item_id: int, item: Model, limit: Annotated[int, Query(le=100)] = 10
    ) -> Model:
        return item

    endpoint.__name__ = f"update_item_{{index}}"
    return endpoint


for index in range({routes}):
    routers[index % 10].put(f"/items{{index}}/{{{{item_id}}}}")(make(index))
for g, router in enumerate(routers):
    app.include_router(router, prefix=f"/g{{g}}")
"""

_loads = iter(range(1_000_000))


def build(framework: str, routes: int) -> tuple[Any, float]:
    """The app module built for `framework`, and the seconds it took."""
    name = f"bench_openapi_{framework}_{next(_loads)}"
    module = types.ModuleType(name)
    sys.modules[name] = module
    source = TEMPLATE.format(framework=framework, routes=routes)
    code = compile(source, name, "exec", dont_inherit=True)
    start = time.perf_counter()
    exec(code, module.__dict__)
    elapsed = time.perf_counter() - start
    return module, elapsed


def document(app: Any) -> tuple[dict[str, Any], float, int]:
    """(document, seconds, peak bytes allocated) of the first `app.openapi()`."""
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    result = app.openapi()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak


def timed_openapi(app: Any) -> float:
    start = time.perf_counter()
    app.openapi()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--routes", type=int, default=1000)
    args = parser.parse_args()
    results: dict[str, dict[str, list[float]]] = {
        framework: {"build": [], "openapi": [], "memory": []}
        for framework in ("fastapi", "fastslim")
    }
    paths: dict[str, int] = {}
    documents: dict[str, Any] = {}
    for _ in range(args.rounds):
        for framework in ("fastapi", "fastslim"):
            module, built = build(framework, args.routes)
            results[framework]["build"].append(built)
            # Time without tracemalloc, on a fresh app; memory on another one.
            results[framework]["openapi"].append(timed_openapi(module.app))
            module, _ = build(framework, args.routes)
            found, _, peak = document(module.app)
            results[framework]["memory"].append(peak)
            paths[framework] = len(found["paths"])
            documents[framework] = found
    print(
        f"OpenAPI of {args.routes} routes (body model + 2 parameters each), medians of "
        f"{args.rounds} rounds; paths: {paths}"
    )
    print(f"documents equal: {documents['fastapi'] == documents['fastslim']}")
    print(f"{'':22}{'FastAPI':>12}{'fastslim':>12}{'ratio':>9}")
    for what, unit, scale in (("build", "ms", 1e3), ("openapi", "ms", 1e3), ("memory", "MB", 1e-6)):
        fastapi = statistics.median(results["fastapi"][what]) * scale
        fastslim = statistics.median(results["fastslim"][what]) * scale
        label = {"build": "app build", "openapi": "openapi() time", "memory": "openapi() peak"}[
            what
        ]
        ratio = fastslim / fastapi
        print(f"{label + ' (' + unit + ')':22}{fastapi:12.1f}{fastslim:12.1f}{ratio:8.2f}x")


if __name__ == "__main__":
    main()
