"""`AsyncTestClient`: an `httpx.AsyncClient` that runs an ASGI app on the test's loop."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Self

import anyio
import httpx

from ._app import as_asgi3
from ._async_transport import AsyncTransport
from ._async_websocket import AsyncWebSocketTestSession
from ._background import raise_failures
from ._lifespan import Lifespan
from ._scope import ScopeSettings, WebSocketUpgrade
from ._types import Scope
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
    """

    __test__ = False

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
    ) -> None:
        self.app = as_asgi3(app)
        self.app_state: dict[str, Any] = {}
        self.raise_server_exceptions = raise_server_exceptions
        self.wait_for_background = wait_for_background
        self._exit_stack = contextlib.AsyncExitStack()
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
        """A WebSocket session to `url`; use it as an async context manager to connect."""
        target = websocket_url(self._merge_url(url))
        request_kwargs = handshake_kwargs(subprotocols, kwargs)

        async def handshake() -> Scope:
            try:
                await self.request("GET", target, **request_kwargs)
            except WebSocketUpgrade as upgrade:
                return upgrade.scope
            raise RuntimeError(f"The request to {str(target)!r} was not a WebSocket upgrade.")

        return AsyncWebSocketTestSession(
            self.app, handshake, raise_server_exceptions=self.raise_server_exceptions
        )

    async def __aenter__(self) -> Self:
        async with contextlib.AsyncExitStack() as stack:
            task_group = await stack.enter_async_context(anyio.create_task_group())
            self._asgi.task_group = task_group
            stack.callback(setattr, self._asgi, "task_group", None)
            lifespan = Lifespan(self.app, self.app_state)
            task_group.start_soon(lifespan.run)
            stack.push_async_callback(lifespan.cancel)
            await lifespan.startup()
            stack.push_async_callback(lifespan.shutdown)
            stack.push_async_exit(self._settle_requests)
            self._exit_stack = stack.pop_all()
        return self

    async def _settle_requests(self, exc_type: type[BaseException] | None, *args: object) -> None:
        await self._asgi.close_open_responses()
        if exc_type is None:
            await self.wait_background()
        else:
            await self._asgi.pending.cancel()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self._exit_stack.__aexit__(exc_type, exc_value, traceback)
