"""`TestClient`: a sync `httpx.Client` that calls an ASGI app in a portal thread."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any, Literal, Self

import anyio.from_thread
import httpx
from anyio.from_thread import BlockingPortal

from ._app import as_asgi3
from ._background import raise_failures
from ._errors import ClientUsageError, WebSocketDenialResponse, WebSocketDisconnect
from ._lifespan import Lifespan
from ._scope import ScopeSettings, WebSocketUpgrade
from ._timeout import ReadDeadline
from ._transport import PortalTransport
from ._urls import handshake_kwargs, websocket_url
from ._websocket import WebSocketTestSession


class TestClient(httpx.Client):
    """A sync HTTP and WebSocket client for any ASGI app, compatible with FastAPI's.

    The app runs on an event loop in a portal thread (`backend` "asyncio" or
    "trio"). `with TestClient(app) as client:` runs the lifespan (startup on
    entry, shutdown on exit) and keeps one portal for every call; without it,
    each request starts its own.

    By default a call returns once the app callable has returned, so the
    response's background work is done. With `wait_for_background=False` a call
    returns as soon as the response is complete while the app keeps running;
    `wait_background()` waits for that pending work (and raises its failures).

    `timeout` (a number of seconds, an `httpx.Timeout` or None; a call's own
    `timeout=` wins) bounds each wait for the app by its read part: the
    response start, each body chunk, the end of the app call. Past it the app
    is disconnected and cancelled and the call raises `AppTimeout` (an
    `httpx.ReadTimeout`). The default None waits as long as the app takes, as
    Starlette's `TestClient` does.

    A request (`get`, `post`, `request`, `send`, reading a streamed body)
    raises, beyond httpx's own errors: the app's exception when
    `raise_server_exceptions` is on (else the response is a 500);
    `ASGIProtocolError` when the app breaks the ASGI protocol; `AppTimeout`
    (an `httpx.ReadTimeout`) past the read timeout; `ValueError` for a URL
    whose scheme is not http, https, ws or wss.
    """

    __test__ = False

    #: The exceptions a WebSocket session raises. A framework may set subclasses
    #: that also derive from its own classes, so that `except` clauses written
    #: for the framework's `WebSocketDisconnect` catch them.
    websocket_disconnect_class: type[WebSocketDisconnect] = WebSocketDisconnect
    websocket_denial_class: type[WebSocketDenialResponse] = WebSocketDenialResponse

    def __init__(
        self,
        app: Any,
        base_url: str = "http://testserver",
        raise_server_exceptions: bool = True,
        root_path: str = "",
        backend: Literal["asyncio", "trio"] = "asyncio",
        backend_options: dict[str, Any] | None = None,
        cookies: httpx._types.CookieTypes | None = None,
        headers: dict[str, str] | None = None,
        follow_redirects: bool = True,
        client: tuple[str, int] = ("testclient", 50000),
        *,
        wait_for_background: bool = True,
        timeout: httpx._types.TimeoutTypes = None,
    ) -> None:
        self.app = as_asgi3(app)
        self.app_state: dict[str, Any] = {}
        self.backend = backend
        self.backend_options = backend_options or {}
        self.raise_server_exceptions = raise_server_exceptions
        self.wait_for_background = wait_for_background
        self.portal: BlockingPortal | None = None
        self._exit_stack = contextlib.ExitStack()
        self._asgi = PortalTransport(
            self.app,
            self._portal_factory,
            ScopeSettings(root_path=root_path, client=client, app_state=self.app_state),
            raise_server_exceptions=raise_server_exceptions,
            wait_for_background=wait_for_background,
        )
        all_headers = dict(headers or {})
        all_headers.setdefault("user-agent", "testclient")
        super().__init__(
            base_url=base_url,
            headers=all_headers,
            transport=self._asgi,
            follow_redirects=follow_redirects,
            cookies=cookies,
            timeout=timeout,
        )

    @contextlib.contextmanager
    def _portal_factory(self) -> Iterator[BlockingPortal]:
        if self.portal is not None:
            yield self.portal
            return
        with anyio.from_thread.start_blocking_portal(self.backend, self.backend_options) as portal:
            yield portal

    @property
    def pending_background(self) -> int:
        """How many app calls still run after their responses (`wait_for_background=False`)."""
        return len(self._asgi.pending)

    def wait_background(self) -> None:
        """Wait for every app call still running after its response.

        Raises the exceptions those calls raised (one as it is, several in an
        `ExceptionGroup`) when `raise_server_exceptions` is on.
        """
        failures = self._asgi.pending.wait()
        if self.raise_server_exceptions:
            raise_failures(failures)

    def websocket_connect(
        self, url: str, subprotocols: Sequence[str] | None = None, **kwargs: Any
    ) -> WebSocketTestSession:
        """A WebSocket session to `url`; use it as a context manager to connect.

        `kwargs` go to the handshake request (`headers`, `cookies`, `timeout`,
        ...). Raises `ValueError` for a scheme other than ws, wss, http or
        https, and `ClientUsageError` when the handshake request never reached
        the client's transport (a subclass overriding `request` or `send`).
        Entering the session raises what `WebSocketTestSession` lists.
        """
        target = websocket_url(self._merge_url(url))
        try:
            self.request("GET", target, **handshake_kwargs(subprotocols, kwargs))
        except WebSocketUpgrade as upgrade:
            return WebSocketTestSession(
                self.app,
                upgrade.scope,
                self._portal_factory,
                url=target,
                raise_server_exceptions=self.raise_server_exceptions,
                disconnect_class=self.websocket_disconnect_class,
                denial_class=self.websocket_denial_class,
                deadline=ReadDeadline(upgrade.request),
            )
        raise ClientUsageError(
            f"The WebSocket handshake GET {target} never reached the test client's transport "
            "(does a subclass override `request` or `send`?)."
        )

    def __enter__(self) -> Self:
        """Start the portal and run the lifespan startup.

        Raises `ClientUsageError` when the client is already open, and the
        app's exception, `LifespanFailed` or `ASGIProtocolError` when the
        startup fails.
        """
        if self.portal is not None:
            raise ClientUsageError(
                f"The TestClient of {self.base_url} is already open: "
                "enter `with client:` only once."
            )
        with contextlib.ExitStack() as stack:
            portal = stack.enter_context(
                anyio.from_thread.start_blocking_portal(self.backend, self.backend_options)
            )
            self.portal = portal

            @stack.callback
            def reset_portal() -> None:
                self.portal = None

            lifespan = portal.call(Lifespan, self.app, self.app_state)
            portal.start_task_soon(lifespan.run)
            stack.callback(portal.call, lifespan.cancel)
            portal.call(lifespan.startup)
            stack.callback(portal.call, lifespan.shutdown)
            stack.push(self._settle_requests)
            self._exit_stack = stack.pop_all()
        return self

    def _settle_requests(self, exc_type: type[BaseException] | None, *args: object) -> None:
        self._asgi.close_open_responses()
        if exc_type is None:
            self.wait_background()
        else:
            self._asgi.pending.cancel()

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Close open responses, settle pending work, run the lifespan shutdown.

        Pending app calls are waited for (their failures raised, as by
        `wait_background`), or cancelled when the `with` body raised. A failed
        shutdown raises the app's exception, `LifespanFailed` or
        `ASGIProtocolError`.
        """
        self._exit_stack.__exit__(exc_type, exc_value, traceback)

    def close(self) -> None:
        """Close open responses and wait for pending background work.

        Raises what `wait_background` raises.
        """
        self._settle_requests(None)
        super().close()
