"""Cost of finding a route with fastslim-routing's RouteIndex against Starlette's linear scan.

Each table has N routes as a typical API declares them, under one `/api/v1` prefix:
per resource a collection route, an item route with an int parameter and a
POST-only route, plus a static mount and a custom route that are always checked.
The report gives, per table size, the median time of `candidates()` for the last
declared static and parameter routes (it should stay flat as N grows), then the
whole lookup (candidates, then `matches()` in turn until a full match) against
Starlette's `for route in routes: route.matches(scope)` for the last route.

    python benchmarks/bench_index.py [--sizes 10,300,3000] [--repeat N]

Not a comparison with FastAPI: fastslim-routing's own lookup against the scan it replaces.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Match, Mount, Route, Router
from starlette.types import Scope

from fastslim_routing._routes._index import RouteIndex


def endpoint(request: Request) -> PlainTextResponse:
    return PlainTextResponse("")


class Prefixed(BaseRoute):
    """A custom route (always checked by the index) for paths under /legacy/."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["path"].startswith("/legacy/"):
            return Match.FULL, {}
        return Match.NONE, {}


def table(size: int) -> list[BaseRoute]:
    routes: list[BaseRoute] = [Mount("/static", app=Router()), Prefixed()]
    resource = 0
    while len(routes) < size:
        base = f"/api/v1/res{resource}"
        routes.append(Route(base, endpoint, methods=["GET"]))
        routes.append(Route(base + "/{item_id:int}", endpoint, methods=["GET"]))
        routes.append(Route(base + "/{item_id:int}/archive", endpoint, methods=["POST"]))
        resource += 1
    return routes[:size]


def scope_for(path: str) -> Scope:
    return {"type": "http", "path": path, "root_path": "", "method": "GET", "headers": []}


def median_ns(call: Callable[[], Any], repeat: int, number: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        for _ in range(number):
            call()
        runs.append((time.perf_counter_ns() - start) / number)
    return statistics.median(runs)


def first_full(routes: Sequence[BaseRoute], scope: Scope) -> BaseRoute | None:
    for route in routes:
        if route.matches(scope)[0] is Match.FULL:
            return route
    return None


def report(size: int, repeat: int) -> None:
    routes = table(size)
    started = time.perf_counter()
    index = RouteIndex(routes)
    build_ms = (time.perf_counter() - started) * 1000
    paths = [route.path for route in routes if isinstance(route, Route)]
    static_path = next(path for path in reversed(paths) if "{" not in path)
    param_path = next(path for path in reversed(paths) if path.endswith("}"))
    param_path = param_path.replace("{item_id:int}", "42")
    static_ns = median_ns(lambda: index.candidates(static_path), repeat, 20_000)
    param_ns = median_ns(lambda: index.candidates(param_path), repeat, 20_000)
    print(
        f"{size:>5} routes: build {build_ms:7.2f} ms, candidates() static {static_ns:5.0f} ns"
        f" ({len(index.candidates(static_path))} candidates),"
        f" param {param_ns:5.0f} ns ({len(index.candidates(param_path))} candidates)"
    )
    scope = scope_for(param_path)
    target = first_full(routes, scope)
    assert target is not None
    assert first_full(index.candidates(param_path), scope) is target
    number = max(200, 60_000 // size)
    linear_ns = median_ns(lambda: first_full(routes, scope), repeat, number)
    indexed_ns = median_ns(
        lambda: first_full(index.candidates(scope["path"]), scope), repeat, number
    )
    print(
        f"{'':>5}         lookup of {param_path}: indexed {indexed_ns / 1000:8.2f} us,"
        f" linear {linear_ns / 1000:8.2f} us, {linear_ns / indexed_ns:6.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,300,3000")
    parser.add_argument("--repeat", type=int, default=5)
    args, _ = parser.parse_known_args()  # the nox bench session passes its options to every script
    for size in args.sizes.split(","):
        report(int(size), args.repeat)


if __name__ == "__main__":
    main()
