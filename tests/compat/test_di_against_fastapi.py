"""fastslim-di against FastAPI as an oracle: the same dependency graphs, the same events.

Each scenario builds one endpoint and its dependencies with a library's `Depends`,
`Security` and `SecurityScopes`, logging every call, cleanup and exception it
sees. FastAPI runs it as a GET route (driven by fastslim's TestClient); fastslim-di
runs it the way a host does: a request scope, the call in a function scope, then
"response sent" and "background" markers, then the request scope closes. The
logs and the outcome must be the same. Runs only in `nox -s compat`, where
FastAPI is installed; the packages never import it.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Annotated, Any

import anyio
import fastapi
import fastapi.security
import pytest

import fastslim_di
from fastslim.testclient import TestClient

Log = list[str]
Scenario = Callable[[Any, Log], Callable[..., Any]]

FASTAPI = SimpleNamespace(
    Depends=fastapi.Depends,
    Security=fastapi.Security,
    SecurityScopes=fastapi.security.SecurityScopes,
)
FASTSLIM = SimpleNamespace(
    Depends=fastslim_di.Depends,
    Security=fastslim_di.Security,
    SecurityScopes=fastslim_di.SecurityScopes,
)


class Failure(Exception):
    pass


class Replaced(Exception):
    pass


@dataclass
class Outcome:
    log: Log
    result: Any
    error: str | None


def run_on_fastapi(scenario: Scenario) -> Outcome:
    log: Log = []
    endpoint = scenario(FASTAPI, log)
    app = fastapi.FastAPI()

    async def background() -> None:
        log.append("background")

    async def mark_response(
        request: fastapi.Request, tasks: fastapi.BackgroundTasks
    ) -> None:  # solved first: only adds the background marker
        tasks.add_task(background)

    app.add_api_route("/", endpoint, methods=["GET"], dependencies=[fastapi.Depends(mark_response)])
    client = TestClient(app)
    try:
        response = client.get("/")
    except Exception as exc:
        return Outcome(log, None, type(exc).__name__)
    return Outcome(log, response.json(), None)


def run_on_fastslim(scenario: Scenario) -> Outcome:
    log: Log = []
    endpoint = scenario(FASTSLIM, log)
    holder: dict[str, Any] = {}

    async def main() -> None:
        container = fastslim_di.Container()
        async with container, container.request_scope() as request:
            holder["result"] = await request.call(endpoint)
            log.append("background")  # the host sends the response, runs tasks

    try:
        anyio.run(main)
    except Exception as exc:
        return Outcome(log, None, type(exc).__name__)
    if "result" not in holder:
        # The call raised and a yield dependency swallowed the exception: the
        # function produced no value, which a host reports as FastAPI does.
        return Outcome(log, None, "FastAPIError")
    return Outcome(log, holder["result"], None)


# -- scenarios ------------------------------------------------------------------


def watching_outer(log: Log) -> Callable[[], Iterator[None]]:
    """An outermost yield dependency that logs what is thrown into it, and re-raises."""

    def outer() -> Iterator[None]:
        try:
            yield
        except Exception as exc:
            log.append(f"outer saw {type(exc).__name__}")
            raise
        finally:
            log.append("outer finally")

    return outer


def shared_dependency_runs_once(lib: Any, log: Log) -> Callable[..., Any]:
    def settings() -> str:
        log.append("settings")
        return "s"

    async def db(s: Annotated[str, lib.Depends(settings)]) -> str:
        log.append(f"db({s})")
        return "db"

    def cache(s: Annotated[str, lib.Depends(settings)]) -> str:
        log.append(f"cache({s})")
        return "cache"

    async def endpoint(
        a: Annotated[str, lib.Depends(db)],
        b: Annotated[str, lib.Depends(cache)],
        c: Annotated[str, lib.Depends(settings)],
    ) -> list[str]:
        log.append("endpoint")
        return [a, b, c]

    return endpoint


def use_cache_false_runs_again(lib: Any, log: Log) -> Callable[..., Any]:
    counter = iter(range(10))

    def token() -> int:
        value = next(counter)
        log.append(f"token {value}")
        return value

    def endpoint(
        a: Annotated[int, lib.Depends(token)],
        b: Annotated[int, lib.Depends(token, use_cache=False)],
        c: Annotated[int, lib.Depends(token)],
    ) -> list[int]:
        log.append("endpoint")
        return [a, b, c]

    return endpoint


def yield_cleanup_in_reverse_order(lib: Any, log: Log) -> Callable[..., Any]:
    def first() -> Iterator[str]:
        log.append("first setup")
        yield "1"
        log.append("first teardown")

    async def second(f: Annotated[str, lib.Depends(first)]) -> Any:
        log.append("second setup")
        yield f + "2"
        log.append("second teardown")

    def third() -> Iterator[str]:
        log.append("third setup")
        yield "3"
        log.append("third teardown")

    async def endpoint(
        s: Annotated[str, lib.Depends(second)], t: Annotated[str, lib.Depends(third)]
    ) -> str:
        log.append("endpoint")
        return s + t

    return endpoint


def function_and_request_scopes(lib: Any, log: Log) -> Callable[..., Any]:
    def make(name: str, scope: str | None) -> Callable[[], Iterator[str]]:
        def dependency() -> Iterator[str]:
            log.append(f"setup {name}")
            yield name
            log.append(f"teardown {name}")

        return dependency

    function_dep = make("function", "function")
    request_dep = make("request", "request")
    default_dep = make("default", None)

    def endpoint(
        a: Annotated[str, lib.Depends(function_dep, scope="function")],
        b: Annotated[str, lib.Depends(request_dep, scope="request")],
        c: Annotated[str, lib.Depends(default_dep)],
    ) -> str:
        log.append("endpoint")
        return a + b + c

    return endpoint


def exception_rethrown_through_generators(lib: Any, log: Log) -> Callable[..., Any]:
    outer = watching_outer(log)

    async def inner(o: Annotated[None, lib.Depends(outer)]) -> Any:
        try:
            yield
        except Failure:
            log.append("inner saw Failure")
            raise

    def endpoint(i: Annotated[None, lib.Depends(inner)]) -> None:
        log.append("endpoint raises")
        raise Failure

    return endpoint


def exception_replaced_by_a_generator(lib: Any, log: Log) -> Callable[..., Any]:
    outer = watching_outer(log)

    def inner(o: Annotated[None, lib.Depends(outer)]) -> Iterator[None]:
        try:
            yield
        except Failure as exc:
            log.append("inner replaces Failure")
            raise Replaced from exc

    async def endpoint(i: Annotated[None, lib.Depends(inner)]) -> None:
        raise Failure

    return endpoint


def function_scoped_teardown_sees_the_endpoint_error(lib: Any, log: Log) -> Callable[..., Any]:
    def guarded() -> Iterator[None]:
        try:
            yield
        except Failure:
            log.append("function-scoped saw Failure")
            raise
        finally:
            log.append("function-scoped teardown")

    def endpoint(g: Annotated[None, lib.Depends(guarded, scope="function")]) -> None:
        log.append("endpoint raises")
        raise Failure

    return endpoint


def security_scopes_accumulate(lib: Any, log: Log) -> Callable[..., Any]:
    def token(scopes: lib.SecurityScopes) -> str:
        log.append(f"token {scopes.scopes} {scopes.scope_str!r}")
        return "tok"

    def user(
        scopes: lib.SecurityScopes,
        t: Annotated[str, lib.Security(token, scopes=["me"])],
    ) -> str:
        log.append(f"user {scopes.scopes}")
        return "ada"

    def plain(t: Annotated[str, lib.Depends(token)]) -> str:
        log.append("plain")
        return t

    def endpoint(
        u: Annotated[str, lib.Security(user, scopes=["items", "admin"])],
        p: Annotated[str, lib.Depends(plain)],
    ) -> str:
        log.append("endpoint")
        return u

    return endpoint


def exception_swallowed_by_a_generator(lib: Any, log: Log) -> Callable[..., Any]:
    outer = watching_outer(log)

    def inner(o: Annotated[None, lib.Depends(outer)]) -> Iterator[None]:
        try:
            yield
        except Failure:
            log.append("inner swallows Failure")

    def endpoint(i: Annotated[None, lib.Depends(inner)]) -> None:
        raise Failure

    return endpoint


def classes_and_callable_instances(lib: Any, log: Log) -> Callable[..., Any]:
    class Pagination:
        def __init__(self) -> None:
            log.append("Pagination()")
            self.limit = 10

    class Checker:
        def __init__(self, word: str) -> None:
            self.word = word

        async def __call__(self, p: Annotated[Pagination, lib.Depends()]) -> str:
            log.append(f"checker {self.word} {p.limit}")
            return self.word

    check = Checker("ok")

    def endpoint(
        p: Annotated[Pagination, lib.Depends()], word: Annotated[str, lib.Depends(check)]
    ) -> list[Any]:
        log.append("endpoint")
        return [p.limit, word]

    return endpoint


SCENARIOS = [
    shared_dependency_runs_once,
    use_cache_false_runs_again,
    yield_cleanup_in_reverse_order,
    function_and_request_scopes,
    exception_rethrown_through_generators,
    exception_replaced_by_a_generator,
    exception_swallowed_by_a_generator,
    function_scoped_teardown_sees_the_endpoint_error,
    security_scopes_accumulate,
    classes_and_callable_instances,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.__name__)
def test_same_events_as_fastapi(scenario: Scenario) -> None:
    expected = run_on_fastapi(scenario)
    actual = run_on_fastslim(scenario)
    assert actual == expected
    assert expected.log  # the scenario did run


def failing_cleanups(variant: str, scope: str | None) -> Scenario:
    """Two yield dependencies whose code after `yield` raises: the inner failure
    is thrown into the outer one at its `yield` (exit-stack semantics)."""

    def scenario(lib: Any, log: Log) -> Callable[..., Any]:
        def outer() -> Iterator[None]:
            if variant == "plain":
                yield
                log.append("outer after yield")
                raise Conflict
            if variant.startswith("finally"):
                try:
                    yield
                finally:
                    log.append("outer finally")
                    if variant == "finally_raise":
                        raise Conflict
                return
            try:
                yield
            except Exception as exc:
                log.append(f"outer caught {type(exc).__name__}")
                if variant == "catch_replace":
                    raise Replaced from exc
                if variant == "catch_reraise":
                    raise

        async def inner() -> Any:
            yield
            log.append("inner after yield")
            raise Failure

        options = {} if scope is None else {"scope": scope}

        def endpoint(
            o: Annotated[None, lib.Depends(outer, **options)],
            i: Annotated[None, lib.Depends(inner, **options)],
        ) -> str:
            log.append("endpoint")
            return "ok"

        return endpoint

    return scenario


class Conflict(Exception):
    pass


CLEANUP_VARIANTS = ["plain", "finally_raise", "finally_only", "catch_swallow", "catch_reraise"]


@pytest.mark.parametrize("scope", ["function", "request", None])
@pytest.mark.parametrize("variant", [*CLEANUP_VARIANTS, "catch_replace"])
def test_cleanup_failures_follow_exit_stack_semantics_as_fastapi(
    variant: str, scope: str | None
) -> None:
    scenario = failing_cleanups(variant, scope)
    expected = run_on_fastapi(scenario)
    assert run_on_fastslim(scenario) == expected
    assert "inner after yield" in expected.log


@pytest.mark.parametrize("variant", CLEANUP_VARIANTS)
def test_http_errors_from_function_scoped_cleanups_as_fastapi(variant: str) -> None:
    """The issue's app: outer exit raises HTTPException(409), inner exit 422.
    FastAPI answers the status of the exception left in flight; fastslim-di
    raises that exception (a host answers it the same way), never a group."""

    def make(lib: Any) -> Callable[..., Any]:
        def outer() -> Iterator[None]:
            if variant == "plain":
                yield
                raise fastapi.HTTPException(409)
            if variant.startswith("finally"):
                try:
                    yield
                finally:
                    if variant == "finally_raise":
                        raise fastapi.HTTPException(409)
                return
            try:
                yield
            except fastapi.HTTPException:
                if variant == "catch_reraise":
                    raise

        async def inner() -> Any:
            yield
            raise fastapi.HTTPException(422)

        def endpoint(
            o: Annotated[None, lib.Depends(outer, scope="function")],
            i: Annotated[None, lib.Depends(inner, scope="function")],
        ) -> str:
            return "ok"

        return endpoint

    app = fastapi.FastAPI()
    app.get("/")(make(FASTAPI))
    expected = TestClient(app).get("/").status_code

    async def main() -> int:
        container = fastslim_di.Container()
        async with container.request_scope() as request:
            try:
                await request.call(make(FASTSLIM))
            except fastapi.HTTPException as exc:
                return exc.status_code
        return 200

    assert anyio.run(main) == expected
    assert expected == {"plain": 422, "finally_raise": 409, "catch_swallow": 200}.get(variant, 422)


def declare(lib: Any, endpoint: Callable[..., Any]) -> str:
    """Declare `endpoint` as FastAPI does (a route) or as a host does (a plan)."""
    try:
        if lib is FASTAPI:
            fastapi.FastAPI().get("/")(endpoint)
        else:
            fastslim_di.build_plan(endpoint)
    except RuntimeError as exc:
        return f"{type(exc).__name__}: {exc}"
    return "accepted"


@pytest.mark.parametrize("through_plain_dependency", [False, True])
def test_scope_errors_at_declaration_as_fastapi(through_plain_dependency: bool) -> None:
    def outcome(lib: Any) -> str:
        def per_call() -> Iterator[str]:
            yield "f"

        def plain(f: Annotated[str, lib.Depends(per_call, scope="function")]) -> str:
            return f

        below = (
            lib.Depends(plain)
            if through_plain_dependency
            else lib.Depends(per_call, scope="function")
        )

        def per_request(value: Annotated[str, below]) -> Iterator[str]:
            yield value

        def endpoint(r: Annotated[str, lib.Depends(per_request)]) -> str:
            return r

        return declare(lib, endpoint)

    expected = outcome(FASTAPI)
    assert outcome(FASTSLIM) == expected
    if not through_plain_dependency:
        assert expected.startswith('DependencyScopeError: The dependency "per_request"')
