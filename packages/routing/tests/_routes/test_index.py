"""RouteIndex: the candidates for a path dispatch exactly as Starlette's linear scan."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette._utils import get_route_path
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import (
    PARAM_REGEX,
    BaseRoute,
    Host,
    Match,
    Mount,
    Route,
    Router,
    WebSocketRoute,
)
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from fastslim_routing._routes._index import RouteIndex, default_template

# -- routes -------------------------------------------------------------------


def endpoint(request: Request) -> PlainTextResponse:
    return PlainTextResponse("")


async def ws_endpoint(websocket: WebSocket) -> None:
    await websocket.close()


class AnyMethodApp:
    """An ASGI endpoint class: a Route to it has no methods, so it matches any method."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await PlainTextResponse("")(scope, receive, send)


class ContainsRoute(BaseRoute):
    """A custom route matching every path that contains a given text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] in ("http", "websocket") and self.text in get_route_path(scope):
            return Match.FULL, {}
        return Match.NONE, {}


def get(path: str) -> Route:
    return Route(path, endpoint, methods=["GET"])


def post(path: str) -> Route:
    return Route(path, endpoint, methods=["POST"])


def http_scope(route_path: str, method: str = "GET", host: str | None = None) -> Scope:
    headers = [] if host is None else [(b"host", host.encode())]
    return {
        "type": "http",
        "path": route_path,
        "root_path": "",
        "method": method,
        "headers": headers,
    }


def paths_of(routes: Sequence[BaseRoute]) -> list[str]:
    return [getattr(route, "path", type(route).__name__) for route in routes]


# -- the dispatch Starlette's Router does, over any sequence of routes ---------


def dispatch(routes: Sequence[BaseRoute], scope: Scope) -> BaseRoute | None:
    """The first FULL match, else the first PARTIAL one, as `Router.app` picks it."""
    partial = None
    for route in routes:
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return route
        if match is Match.PARTIAL and partial is None:
            partial = route
    return partial


def redirects(routes: Sequence[BaseRoute], scope: Scope) -> bool:
    """Whether any route matches the scope with its trailing slash toggled."""
    return any(route.matches(scope)[0] is not Match.NONE for route in routes)


def is_subsequence(inner: Sequence[BaseRoute], outer: Sequence[BaseRoute]) -> bool:
    remaining = iter(outer)
    return all(any(route is other for other in remaining) for route in inner)


# -- edge cases -----------------------------------------------------------------


def test_first_declared_wins_over_a_later_static_route() -> None:
    by_id, latest = get("/items/{item_id}"), get("/items/latest")
    index = RouteIndex([by_id, latest])
    assert index.candidates("/items/latest") == (by_id, latest)
    assert dispatch(index.candidates("/items/latest"), http_scope("/items/latest")) is by_id


def test_a_later_full_match_beats_an_earlier_partial_one() -> None:
    create, read = post("/items"), get("/items")
    index = RouteIndex([create, read])
    assert dispatch(index.candidates("/items"), http_scope("/items", "GET")) is read
    assert dispatch(index.candidates("/items"), http_scope("/items", "PUT")) is create


def test_static_routes_are_looked_up_by_exact_path() -> None:
    routes = [get(f"/r{n}") for n in range(3000)]
    index = RouteIndex(routes)
    assert index.candidates("/r2999") == (routes[2999],)
    assert index.candidates("/r3000") == ()
    assert index.candidates("/r2999/") == ()


def test_parameter_routes_are_filed_by_their_static_segments() -> None:
    routes = [get(f"/api/v1/res{n}/{{item_id:int}}") for n in range(3000)]
    index = RouteIndex(routes)
    assert index.candidates("/api/v1/res2999/7") == (routes[2999],)
    assert index.candidates("/api/v1/res2999") == ()
    assert index.candidates("/api/v1/") == ()


def test_static_prefixed_and_always_checked_routes_merge_in_declaration_order() -> None:
    wildcard = get("/{anything}/x")
    by_segment = get("/a/{b}")
    exact = get("/a/x")
    custom = ContainsRoute("x")
    deeper = get("/a/x/{c}")
    index = RouteIndex([wildcard, by_segment, exact, custom, deeper])
    assert index.candidates("/a/x") == (wildcard, by_segment, exact, custom)
    assert index.candidates("/a/y") == (wildcard, by_segment, custom)
    assert index.candidates("/a/x/1") == (wildcard, by_segment, custom, deeper)
    assert index.candidates("/b/x") == (wildcard, custom)


def test_parameters_in_the_first_segment_are_always_checked() -> None:
    routes = [get("/{a}"), get("/file-{name}.txt"), get("/{p:path}"), get("/x{n:int}/y")]
    index = RouteIndex(routes)
    for path in ("/", "/file-a.txt", "/q/r/s", "/x1/y", "", "relative"):
        assert index.candidates(path) == tuple(routes)


def test_trailing_slashes_are_distinct_paths() -> None:
    bare, slashed = get("/items"), get("/items/")
    index = RouteIndex([bare, slashed])
    assert index.candidates("/items") == (bare,)
    assert index.candidates("/items/") == (slashed,)


def test_the_root_path_and_the_empty_path() -> None:
    root = get("/")
    index = RouteIndex([root])
    assert index.candidates("/") == (root,)
    assert index.candidates("") == ()
    assert index.candidates("//") == ()


def test_percent_and_regex_characters_are_literal() -> None:
    routes = [get("/a%20b"), get("/a.b"), get("/%/{x}"), get("/a+b/{x}")]
    index = RouteIndex(routes)
    assert index.candidates("/a%20b") == (routes[0],)
    assert index.candidates("/a b") == ()
    assert index.candidates("/aXb") == ()
    assert index.candidates("/%/1") == (routes[2],)
    assert index.candidates("/a+b/1") == (routes[3],)


def test_routes_sharing_a_prefix_stay_apart_below_it() -> None:
    one, two, both = get("/api/v1/{x}"), get("/api/v2/{x}"), get("/api/{version}/{x}")
    index = RouteIndex([one, two, both])
    assert index.candidates("/api/v1/a") == (one, both)
    assert index.candidates("/api/v2/a") == (two, both)
    assert index.candidates("/api/v3/a") == (both,)
    assert index.candidates("/api") == ()


def test_a_path_convertor_after_a_static_segment() -> None:
    files = get("/files/{p:path}")
    index = RouteIndex([files])
    assert index.candidates("/files/") == (files,)
    assert index.candidates("/files/a/b/c") == (files,)
    assert index.candidates("/files") == ()  # `/files/{p:path}` needs the slash
    assert files.matches(http_scope("/files"))[0] is Match.NONE
    assert files.matches(http_scope("/files/"))[0] is Match.FULL


def test_a_mount_is_a_prefix() -> None:
    static = Mount("/static", routes=[get("/")])
    users = Mount("/users/{user_id}/", routes=[get("/")])
    index = RouteIndex([static, users])
    assert default_template(static) == "/static/{path:path}"
    assert default_template(users) == "/users/{user_id}/{path:path}"
    assert index.candidates("/static/") == (static,)
    assert index.candidates("/static/css/a.css") == (static,)
    assert index.candidates("/static") == ()  # the redirect looks up "/static/"
    assert index.candidates("/users/1/posts") == (users,)
    assert index.candidates("/staticx/a") == ()


def test_mounts_at_the_root_hosts_and_custom_routes_are_always_checked() -> None:
    routes = [
        Mount("", routes=[get("/")]),
        Mount("/", routes=[get("/")]),
        Host("{sub}.example.com", app=Router()),
        ContainsRoute("a"),
    ]
    assert [default_template(route) for route in routes] == [None, None, None, None]
    index = RouteIndex([*routes, get("/b")])
    assert index.candidates("") == tuple(routes)
    assert index.candidates("/b") == (*routes, index.routes[-1])


def test_websocket_routes_are_filed_like_http_routes() -> None:
    chat, room = WebSocketRoute("/ws", ws_endpoint), WebSocketRoute("/ws/{room}", ws_endpoint)
    index = RouteIndex([chat, room, get("/ws")])
    assert index.candidates("/ws") == (chat, index.routes[2])
    assert index.candidates("/ws/1") == (room,)


def test_a_final_newline_checks_every_route() -> None:
    # Starlette's `$` matches before a final newline: `/items%0A` reaches `/items`.
    items = get("/items")
    index = RouteIndex([items, get("/other")])
    assert items.matches(http_scope("/items\n"))[0] is Match.FULL
    assert index.candidates("/items\n") == index.routes


def test_starlette_routes_keep_their_template() -> None:
    paths = ["/", "/a.b/{x}/c+d%", "/{i:int}/{f:float}/{u:uuid}/{s:str}/{p:path}", "/x{y}z/"]
    routes = [*(get(path) for path in paths), WebSocketRoute("/ws/{room}.json", ws_endpoint)]
    assert [default_template(route) for route in routes] == [*paths, "/ws/{room}.json"]


def test_a_route_whose_regex_differs_from_its_path_is_always_checked() -> None:
    route = get("/items")
    route.path_regex = re.compile("^/anything$")
    assert default_template(route) is None
    assert RouteIndex([route]).candidates("/anything") == (route,)


def test_duplicates_keep_every_position() -> None:
    first, twin = get("/a"), get("/a")
    index = RouteIndex([first, twin, first])
    assert index.candidates("/a") == (first, twin, first)


def test_a_custom_template_of() -> None:
    class Templated(BaseRoute):
        def __init__(self, path: str | None) -> None:
            self.path = path

    routes = [Templated("/a/{x}"), Templated(None), Templated("/b")]
    index = RouteIndex(routes, template_of=lambda route: getattr(route, "path", None))
    assert index.candidates("/a/1") == (routes[0], routes[1])
    assert index.candidates("/b") == (routes[1], routes[2])
    assert RouteIndex(routes).candidates("/c") == tuple(routes)  # default: always checked


def test_the_index_is_a_snapshot() -> None:
    routes: list[BaseRoute] = [get("/a")]
    index = RouteIndex(routes)
    routes.append(get("/a"))
    assert index.candidates("/a") == (routes[0],)
    assert RouteIndex(routes).candidates("/a") == tuple(routes)


# -- property: random tables, random requests, same dispatch as Starlette -------

STATIC_SEGMENTS = ("a", "b", "items", "latest", "", "%20", "%", "x.y")
PARAM_SEGMENTS = ("{P}", "{P:int}", "{P:float}", "{P:path}", "{P:uuid}", "file-{P}.txt", "v{P}")
PARAM_VALUES = ("1", "2.5", "abc", "latest", "", "a/b", "%", "file-1.txt", "v1", "items")
UUID = "0123abcd-0000-4000-8000-00000000000a"


@st.composite
def templates(draw: st.DrawFn) -> str:
    segments = draw(
        st.lists(
            st.one_of(st.sampled_from(STATIC_SEGMENTS), st.sampled_from(PARAM_SEGMENTS)),
            max_size=3,
        )
    )
    numbered = [segment.replace("P", f"p{n}") for n, segment in enumerate(segments)]
    trailing = "/" if len(numbered) > 0 and draw(st.booleans()) else ""
    return "/" + "/".join(numbered) + trailing


@st.composite
def routes(draw: st.DrawFn) -> BaseRoute:
    kind = draw(
        st.sampled_from(["route", "route", "route", "any", "ws", "mount", "host", "custom"])
    )
    if kind == "route":
        methods = draw(st.sets(st.sampled_from(["GET", "POST", "DELETE"]), min_size=1))
        return Route(draw(templates()), endpoint, methods=sorted(methods))
    if kind == "any":
        return Route(draw(templates()), AnyMethodApp())
    if kind == "ws":
        return WebSocketRoute(draw(templates()), ws_endpoint)
    if kind == "mount":
        return Mount(draw(st.one_of(st.just(""), templates())), routes=[get("/")])
    if kind == "host":
        host = draw(st.sampled_from(["example.com", "{sub}.example.com"]))
        return Host(host, app=Router())
    return ContainsRoute(draw(st.sampled_from(["a", "/b", "x/"])))


@st.composite
def route_tables(draw: st.DrawFn) -> list[BaseRoute]:
    table = draw(st.lists(routes(), max_size=12))
    for _ in range(draw(st.integers(0, 2)) if table else 0):
        table.insert(draw(st.integers(0, len(table))), draw(st.sampled_from(table)))
    return table


@st.composite
def request_paths(draw: st.DrawFn, table: Sequence[BaseRoute]) -> str:
    shaped = [route for route in table if isinstance(route, Route | WebSocketRoute | Mount)]
    if not shaped or draw(st.integers(0, 4)) == 0:
        return draw(st.text(alphabet="/ab1.%\n", max_size=10))
    route = draw(st.sampled_from(shaped))
    template = route.path
    if isinstance(route, Mount):
        template += draw(st.sampled_from(["", "/", "/a", "/a/b"]))
    values = st.one_of(st.sampled_from(PARAM_VALUES), st.just(UUID))
    path = PARAM_REGEX.sub(lambda _: draw(values), template)
    mutation = draw(st.sampled_from(["none", "none", "toggle", "newline", "cut", "double"]))
    if mutation == "toggle":
        path = path[:-1] if path.endswith("/") else path + "/"
    elif mutation == "newline":
        path += "\n"
    elif mutation == "cut":
        path = path[: draw(st.integers(0, len(path)))]
    elif mutation == "double":
        path = path.replace("/", "//", 1)
    return path


@st.composite
def scopes(draw: st.DrawFn, table: Sequence[BaseRoute]) -> Scope:
    path = draw(request_paths(table))
    root_path = draw(st.sampled_from(["", "/root"]))
    if root_path and draw(st.booleans()):
        path = root_path + path
    host = draw(st.sampled_from([None, None, "example.com", "api.example.com", "other.org"]))
    scope: dict[str, Any] = {
        "type": draw(st.sampled_from(["http", "http", "websocket"])),
        "path": path,
        "root_path": root_path,
        "headers": [] if host is None else [(b"host", host.encode())],
    }
    if scope["type"] == "http":
        scope["method"] = draw(st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE"]))
    return scope


def toggled(scope: Scope) -> Scope:
    path = scope["path"]
    return {**scope, "path": path.rstrip("/") if path.endswith("/") else path + "/"}


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_dispatches_as_starlettes_linear_router(data: st.DataObject) -> None:
    table = data.draw(route_tables(), label="routes")
    index = RouteIndex(table)
    for _ in range(4):
        scope = data.draw(scopes(table), label="scope")
        candidates = index.candidates(get_route_path(scope))
        assert is_subsequence(candidates, table), paths_of(candidates)
        matching = [route for route in table if route.matches(scope)[0] is not Match.NONE]
        assert is_subsequence(matching, candidates), (paths_of(matching), paths_of(candidates))
        assert dispatch(candidates, scope) is dispatch(table, scope)
        redirect = toggled(scope)
        redirect_candidates = index.candidates(get_route_path(redirect))
        assert redirects(redirect_candidates, redirect) == redirects(table, redirect)


def test_lookups_are_bounded_by_the_longest_route_prefix_not_the_path() -> None:
    class Counting(dict[str, Any]):
        lookups: list[str]

        def get(self, key: str, default: Any = None) -> Any:
            self.lookups.append(key)
            return super().get(key, default)

    index = RouteIndex([get("/api/v1/items/{id}"), get("/{x}")])
    counting = Counting(index._prefixed)
    counting.lookups = []
    index._prefixed = counting
    index.candidates("/nope/" + "a/" * 50_000)
    assert len(counting.lookups) <= len("/api/v1/items/") // 2  # not 50,000
    assert all(len(key) <= len("/api/v1/items/") for key in counting.lookups)
