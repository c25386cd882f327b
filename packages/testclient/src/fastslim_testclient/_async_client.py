"""`AsyncTestClient`: an `httpx.AsyncClient` that runs an ASGI app on the test's loop."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Any, Self

import anyio
import httpx

from ._app import as_asgi3
from ._async_transport import AsyncTransport
from ._async_websocket import AsyncWebSocketTestSession
from ._background import raise_failures
from ._errors import ClientUsageError, WebSocketDenialResponse, WebSocketDisconnect
from ._lifespan import Lifespan
from ._scope import ScopeSettings, WebSocketUpgrade
from ._urls import handshake_kwargs, websocket_url


class AsyncTestClient(httpx.AsyncClient):
    """An async HTTP and WebSocket client for any ASGI app, on asyncio or trio.

    The app runs on the test's own event loop. `async with AsyncTestClient(app)
    as client:` runs the lifespan and gives the client a task group, so
    responses stream while the app produces them. Outside `async with`, each
    request runs the app to its end and returns the whole body.

    By default a call returns once the app callable has returned, so the
    response's background work is done. With `wait_for_background=False` (inside
    `async with`) a call returns as soon as the response is complete while the
    app keeps running; `await client.wait_background()` waits for it.

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
    whose scheme is not http, https, ws or wss; `ClientUsageError` with
    `wait_for_background=False` outside `async with`.
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
        self.raise_server_exceptions = raise_server_exceptions
        self.wait_for_background = wait_for_background
        self._lifespan: Lifespan | None = None
        self._asgi = AsyncTransport(
            self.app,
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

    @property
    def pending_background(self) -> int:
        """How many app calls still run after their responses (`wait_for_background=False`)."""
        return len(self._asgi.pending)

    async def wait_background(self) -> None:
        """Wait for every app call still running after its response.

        Raises the exceptions those calls raised (one as it is, several in an
        `ExceptionGroup`) when `raise_server_exceptions` is on.
        """
        failures = await self._asgi.pending.wait()
        if self.raise_server_exceptions:
            raise_failures(failures)

    def websocket_connect(
        self, url: str, subprotocols: Sequence[str] | None = None, **kwargs: Any
    ) -> AsyncWebSocketTestSession:
        """A WebSocket session to `url`; use it as an async context manager to connect.

        `kwargs` go to the handshake request (`headers`, `cookies`, `timeout`,
        ...). Raises `ValueError` for a scheme other than ws, wss, http or
        https. Entering the session raises what `AsyncWebSocketTestSession`
        lists, and `ClientUsageError` when the handshake request never reached
        the client's transport (a subclass overriding `request` or `send`).
        """
        target = websocket_url(self._merge_url(url))
        request_kwargs = handshake_kwargs(subprotocols, kwargs)

        async def handshake() -> WebSocketUpgrade:
            try:
                await self.request("GET", target, **request_kwargs)
            except WebSocketUpgrade as upgrade:
                return upgrade
            raise ClientUsageError(
                f"The WebSocket handshake GET {target} never reached the test client's "
                "transport (does a subclass override `request` or `send`?)."
            )

        return AsyncWebSocketTestSession(
            self.app,
            handshake,
            url=target,
            raise_server_exceptions=self.raise_server_exceptions,
            disconnect_class=self.websocket_disconnect_class,
            denial_class=self.websocket_denial_class,
        )

    async def __aenter__(self) -> Self:
        """Open the client's task group and run the lifespan startup.

        Raises `ClientUsageError` when the client is already open, and the
        app's exception, `LifespanFailed` or `ASGIProtocolError` when the
        startup fails.
        """
        if self._asgi.task_group is not None:
            raise ClientUsageError(
                f"The AsyncTestClient of {self.base_url} is already open: "
                "`async with` it only once."
            )
        task_group = anyio.create_task_group()
        await task_group.__aenter__()
        lifespan = Lifespan(self.app, self.app_state)
        task_group.start_soon(lifespan.run)
        try:
            await lifespan.startup()
        except BaseException:
            with anyio.CancelScope(shield=True):
                await lifespan.cancel()
            await task_group.__aexit__(None, None, None)
            raise
        self._asgi.task_group = task_group
        self._lifespan = lifespan
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Close open responses, settle pending work, run the lifespan shutdown.

        Pending app calls are waited for, or cancelled when the `async with`
        body raised. Raises `ClientUsageError` when the client is not open;
        the failures of pending calls, of closing responses and of the
        shutdown (the app's exception, `LifespanFailed`, `ASGIProtocolError`)
        one as it is, several in an `ExceptionGroup`.
        """
        task_group, lifespan = self._asgi.task_group, self._lifespan
        if task_group is None or lifespan is None:
            raise ClientUsageError(
                f"The AsyncTestClient of {self.base_url} is not open: use `async with client:`."
            )
        failures: list[Exception] = []
        with anyio.CancelScope(shield=exc_type is not None):
            try:
                await self._asgi.close_open_responses()
            except Exception as exc:
                failures.append(exc)
            if exc_type is None:
                background = await self._asgi.pending.wait()
                failures += background if self.raise_server_exceptions else []
            else:
                await self._asgi.pending.cancel()
            try:
                await lifespan.shutdown()
            except Exception as exc:
                failures.append(exc)
            await lifespan.cancel()
            self._asgi.task_group = self._lifespan = None
        await task_group.__aexit__(None, None, None)
        if exc_type is None:
            raise_failures(failures, "failures while closing the test client")
