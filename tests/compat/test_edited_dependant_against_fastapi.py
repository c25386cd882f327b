# The apps are built from a library chosen per run: untyped decorators, dynamic names.
# mypy: disable-error-code="untyped-decorator,misc"

"""A route whose `dependant` an extension edits (FastAPI 0.165's internals, as
fastapi-pagination and others use them), on FastAPI and on fastslim: the edited tree
is what is served and documented, its sub-dependencies solved in its order.

Each scenario builds the same app with each library, edits its route, rebuilds the
route's app with `request_response(route.get_route_handler())` and observes the
responses, the order of the dependencies' calls and the document (both driven by
fastslim's test client, as the corpus is).
"""

import json
from collections.abc import Callable
from typing import Annotated, Any

import fastapi
import fastapi.dependencies.utils
import fastapi.routing
import pytest

import fastslim
import fastslim.dependencies.utils
import fastslim.routing
from fastslim.testclient import TestClient

LIBRARIES = {
    "fastapi": (fastapi, fastapi.routing, fastapi.dependencies.utils),
    "fastslim": (fastslim, fastslim.routing, fastslim.dependencies.utils),
}


def _route(app: Any, path: str) -> Any:
    return next(r for r in app.routes if getattr(r, "path", None) == path)


def appended_to_the_tree_only(library: str, log: list[str]) -> Any:
    """A sub-dependency with its own query parameter appended to `route.dependant`
    only (not to `route.dependencies`)."""
    lib, routing, utils = LIBRARIES[library]

    def first(a: int = 0) -> None:
        log.append(f"first {a}")

    def appended(b: Annotated[int, lib.Query(description="appended")] = 1) -> None:
        log.append(f"appended {b}")

    app = lib.FastAPI()

    @app.get("/items")
    def items(f: Annotated[None, lib.Depends(first)]) -> dict[str, str]:
        log.append("endpoint")
        return {"ok": "yes"}

    route = _route(app, "/items")
    route.dependant.dependencies.append(
        utils.get_parameterless_sub_dependant(depends=lib.Depends(appended), path=route.path_format)
    )
    route.app = routing.request_response(route.get_route_handler())
    return app


def appended_to_both(library: str, log: list[str]) -> Any:
    """fastapi-pagination's edit: one dependency appended to `route.dependencies` and
    to `route.dependant`, declaring a query parameter the endpoint declares too."""
    lib, routing, utils = LIBRARIES[library]

    def own(size: Annotated[int, lib.Query(ge=1)] = 5) -> int:
        log.append(f"own {size}")
        return size

    def paging(size: Annotated[int, lib.Query(ge=1, le=9, description="Page size")] = 5) -> None:
        log.append(f"paging {size}")

    app = lib.FastAPI()
    router = lib.APIRouter()

    @router.get("/pages")
    def pages(size: Annotated[int, lib.Depends(own)]) -> dict[str, int]:
        log.append("endpoint")
        return {"size": size}

    app.include_router(router, prefix="/in")
    for route in router.routes:
        dependency = lib.Depends(paging)
        route.dependencies.append(dependency)
        route.dependant.dependencies.append(
            utils.get_parameterless_sub_dependant(depends=dependency, path=route.path_format)
        )
        route.app = routing.request_response(route.get_route_handler())
    return app


def replaced_tree(library: str, log: list[str]) -> Any:
    """`route.dependant` replaced by the tree of another function."""
    lib, routing, utils = LIBRARIES[library]

    def other(q: str, extra: Annotated[int, lib.Header()] = 0) -> dict[str, int]:
        log.append("other")
        return {"q": len(q), "extra": extra}

    app = lib.FastAPI()

    @app.get("/replaced")
    def original(x: int) -> dict[str, int]:
        log.append("original")
        return {"x": x}

    route = _route(app, "/replaced")
    route.dependant = utils.get_dependant(path=route.path_format, call=other)
    route.app = routing.request_response(route.get_route_handler())
    return app


def edited_but_not_served_again(library: str, log: list[str]) -> Any:
    """fastapi-jsonrpc's edit: a header parameter and a dependency appended to
    `route.dependant` after the route is built, without `get_route_handler()`: the
    document shows them. (FastAPI's handler holds the same Dependant object, so it
    serves such an in-place edit at once; fastslim serves it from the next
    `get_route_handler()`: not compared here, see DOCUMENT_ONLY.)"""
    lib, _, utils = LIBRARIES[library]

    def audited(x_audit: Annotated[str, lib.Header()] = "none") -> None:
        log.append(f"audited {x_audit}")

    app = lib.FastAPI()

    @app.post("/rpc")
    def rpc(q: int = 0) -> dict[str, int]:
        log.append("endpoint")
        return {"q": q}

    route = _route(app, "/rpc")
    extra = utils.get_dependant(path=route.path_format, call=audited)
    route.dependant.header_params.extend(extra.header_params)
    route.dependant.dependencies.append(
        utils.get_parameterless_sub_dependant(depends=lib.Depends(audited), path="/rpc")
    )
    return app


DOCUMENT_ONLY = {"edited but not served again"}
"""Scenarios whose responses differ (a known gap, in the closing notes): only their
documents are compared."""

SCENARIOS: dict[str, tuple[Callable[[str, list[str]], Any], list[dict[str, Any]]]] = {
    "appended to the tree only": (
        appended_to_the_tree_only,
        [{"url": "/items?a=2&b=3"}, {"url": "/items?b=x"}, {"url": "/items"}],
    ),
    "appended to both": (
        appended_to_both,
        [{"url": "/in/pages?size=3"}, {"url": "/in/pages?size=20"}, {"url": "/in/pages?size=0"}],
    ),
    "edited but not served again": (
        edited_but_not_served_again,
        [],
    ),
    "replaced tree": (
        replaced_tree,
        [
            {"url": "/replaced?q=a", "headers": {"extra": "4"}},
            {"url": "/replaced?x=1"},
        ],
    ),
}


def _observe(library: str, scenario: str) -> dict[str, Any]:
    build, requests = SCENARIOS[scenario]
    log: list[str] = []
    app = build(library, log)
    client = TestClient(app)  # fastslim's drives both, as in the corpus
    seen: list[Any] = []
    for request in requests:
        del log[:]
        response = client.get(request["url"], headers=request.get("headers"))
        seen.append([response.status_code, response.json(), list(log)])
    return {"responses": seen, "openapi": json.dumps(app.openapi())}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_an_edited_dependant_is_served_and_documented_alike(scenario: str) -> None:
    expected = _observe("fastapi", scenario)
    actual = _observe("fastslim", scenario)
    if scenario not in DOCUMENT_ONLY:
        assert actual["responses"] == expected["responses"]
    assert actual["openapi"] == expected["openapi"]
