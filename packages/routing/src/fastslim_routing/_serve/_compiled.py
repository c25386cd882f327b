"""`CompiledRoute`: what serving a path operation needs, frozen when it is declared
(the `_compile` room builds it), and `RouteSettings`, the declaration it came from.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import anyio.to_thread
from starlette.responses import Response

from fastslim_di import DependencyPlan, Depends, ParameterSource

from .._endpoint_context import EndpointContext
from .._endpoint_context import endpoint_context as make_endpoint_context
from ..datastructures import DefaultPlaceholder
from ._body import BodyReader
from ._encode import DumpOptions, ResponseEncoder
from ._extract import Extractor
from ._form import FormReader
from ._slots import uses_task_runner
from ._stream import StreamEncoder
from ._validator import ParamsValidator


@dataclass(frozen=True)
class RouteSettings:
    """The effective settings of a path operation (router and inclusion merged)."""

    path: str
    endpoint: Callable[..., Any]
    methods: frozenset[str]
    name: str
    dependencies: Sequence[Depends] = ()
    status_code: int | None = None
    response_model: Any = field(default_factory=lambda: DefaultPlaceholder(None))
    response_class: type[Response] = Response
    class_is_default: bool = True
    options: DumpOptions = field(default_factory=DumpOptions)
    strict_content_type: bool = True
    max_body_size: int | None = None
    """The route's effective limit (inclusions merged); None: the app's, if any."""
    form_limits: Mapping[str, int] | None = None
    """The route's effective form limits (inclusions merged), over the app's."""

    def describe(self) -> str:
        methods = ", ".join(sorted(self.methods)) or "WEBSOCKET"
        name = getattr(self.endpoint, "__name__", self.name)
        return f"{methods} {self.path} ({name})"


class CompiledRoute:
    """A path operation ready to serve: a straight line per request."""

    __slots__ = (
        "body",
        "call",
        "endpoint",
        "extractor",
        "flat",
        "form",
        "has_inputs",
        "is_async",
        "params",
        "plan",
        "response",
        "settings",
        "uses_task_runner",
    )

    def __init__(
        self,
        settings: RouteSettings,
        plan: DependencyPlan,
        extractor: Extractor | None,
        params: ParamsValidator | None,
        body: BodyReader | None,
        response: ResponseEncoder | StreamEncoder,
        form: FormReader | None = None,
    ) -> None:
        self.settings = settings
        self.plan = plan
        self.use_endpoint(settings.endpoint, is_async=plan.is_async)
        self.extractor = extractor
        self.params = params
        self.body = body
        self.form = form
        self.response = response
        self.has_inputs = not (
            extractor is None and params is None and body is None and form is None
        )
        """Whether serving validates anything (`_inputs` runs): a parameter, a body."""
        self.uses_task_runner = uses_task_runner(plan.sources())
        self.flat = flat_sources(plan)
        """The endpoint's (name, source) pairs when it has no dependency at all: such a
        route is served without fastslim-di's scopes (nothing to solve, override or
        clean up)."""

    def use_endpoint(self, endpoint: Callable[..., Any], *, is_async: bool) -> None:
        """Serve `endpoint` (`is_async`: a coroutine function); `call(**kwargs)` awaits it,
        in a worker thread when it is sync (FastAPI docs: Concurrency and async / await)."""
        self.endpoint = endpoint
        self.is_async = is_async
        self.call: Callable[..., Awaitable[Any]] = (
            endpoint if is_async else functools.partial(_in_thread, endpoint)
        )


async def _in_thread(endpoint: Callable[..., Any], /, **kwargs: Any) -> Any:
    return await anyio.to_thread.run_sync(functools.partial(endpoint, **kwargs))


_KEYWORD_KINDS = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


def flat_sources(plan: DependencyPlan) -> tuple[tuple[str, ParameterSource], ...] | None:
    """Every parameter of `plan`'s function with its sync source, or None when the plan
    has a dependency, a parameter fastslim-di provides, or an async source."""
    if plan.dependencies or next(iter(plan.iter_nodes()), None) is not None:
        return None
    sources = plan.sources()
    if len(sources) != len(plan.parameters):
        return None
    found = []
    for info, source in sources:
        method = vars(type(source)).get("__call__")
        is_async = inspect.iscoroutinefunction(source) or inspect.iscoroutinefunction(method)
        if info.kind not in _KEYWORD_KINDS or is_async:
            return None
        found.append((info.name, source))
    return tuple(found)


def endpoint_context(settings: RouteSettings, method: str) -> EndpointContext:
    """The endpoint context of validation errors (function, path, file, line)."""
    return make_endpoint_context(settings.endpoint, f"{method} {settings.path}")
