"""The app: routers, the lifespan (tables, the admin user, the webhook client), the
app's TaskRunner and a count of the requests served."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import anyio
import httpx
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fastslim import FastAPI
from fastslim.openapi.offline import serve_docs_offline
from fastslim.responses import RedirectResponse
from fastslim_tasks import TaskRunner

from .api import admin, auth, images, items, orders, reports, webhooks
from .context import Shop
from .db import Database, User
from .passwords import hash_password
from .settings import Settings

logger = logging.getLogger("shop")
TransportFactory = Callable[[FastAPI], httpx.AsyncBaseTransport]
FORM_LIMITS = {"max_fields": 20, "max_files": 1, "max_part_size": 64 * 1024}
"""The forms a shop takes (a login, an image upload): a few fields, one file, and no
field value over 64 KiB (files are bounded by the body size only). Beyond them: a 400
naming the limit, before the endpoint runs."""


def deliver_in_process(app: FastAPI) -> httpx.AsyncBaseTransport:
    """A webhook transport that calls `app` itself without a network (for tests)."""
    return httpx.ASGITransport(app)


class CountRequests:
    """Counts the HTTP requests the app serves (the demo's figures) and those still
    running (their background tasks included)."""

    def __init__(self, app: ASGIApp, shop: Shop) -> None:
        self.app, self.shop = app, shop

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.shop.requests_served += 1
        self.shop.requests_running += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.shop.requests_running -= 1


async def _requests_unwound(shop: Shop, seconds: float = 1.0) -> None:
    """Wait (up to `seconds`) for the requests still running to end: at shutdown
    uvicorn cancels the ones past its graceful timeout without waiting for them, and
    their cancelled background tasks report to the feed as they unwind."""
    with anyio.move_on_after(seconds):
        while shop.requests_running:
            await anyio.sleep(0.01)


class ProcessHeader:
    """Names the server process in an `X-Shop-Process` header (with Celery workers,
    where several processes serve the shop: which one answered)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.header = (b"x-shop-process", str(os.getpid()).encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_named(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), self.header]
            await send(message)

        await self.app(scope, receive, send_named if scope["type"] == "http" else send)


def _seed(shop: Shop) -> None:
    # Several server processes (uvicorn --workers) may seed one database at once:
    # the tables or the admin made by another one meanwhile are fine.
    shop.settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        shop.db.create_tables()
    except OperationalError:
        shop.db.create_tables()
    with shop.db.session() as session:
        if session.scalar(select(User).where(User.username == "admin")) is None:
            password_hash = hash_password(shop.settings.admin_password)
            session.add(User(username="admin", password_hash=password_hash))
            try:
                session.commit()
            except IntegrityError:
                session.rollback()


def _figures(shop: Shop) -> str:
    counts = shop.feed.counts
    cancelled = ", ".join(shop.feed.cancelled) or "nothing"
    return (
        f"served {shop.requests_served} requests; ran {sum(counts.values())} tasks "
        f"({counts['done']} done, {counts['failed']} failed, {counts['cancelled']} cancelled); "
        f"cancelled at shutdown: {cancelled}"
    )


def create_app(settings: Settings, *, webhook_transport: TransportFactory | None = None) -> FastAPI:
    """The shop app for `settings`. `webhook_transport(app)` gives the transport the
    webhook client uses (tests pass one that calls the app in-process); by default
    webhooks go over the network to `settings.webhook_url`."""
    shop = Shop(settings=settings, db=Database(settings.database_url))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        _seed(shop)
        transport = None if webhook_transport is None else webhook_transport(app)
        async with httpx.AsyncClient(transport=transport, timeout=10) as client:
            shop.http = client
            logger.info("ready, database %s", settings.database_url)
            yield
            # The app's TaskRunner has drained by now (running reports finished or
            # were cancelled at the drain timeout); the client is still open for them.
            shop.http = None
        await _requests_unwound(shop)
        print(f"shop: {_figures(shop)}", flush=True)
        shop.db.dispose()

    app = FastAPI(
        title="fastslim shop",
        summary="Background work done right: tasks, a task runner, a live feed.",
        lifespan=lifespan,
        # No request body over 1 MiB (SHOP_MAX_BODY_SIZE) is read: a 413 instead. Without
        # a limit, a 50 MB JSON list would take the server to 600 MB of memory.
        max_body_size=settings.max_body_size,
        form_limits=FORM_LIMITS,
    )
    app.state.shop = shop
    app.task_runner_factory = lambda: TaskRunner(
        max_concurrency=2, max_pending=50, drain_timeout=settings.drain_timeout, observer=shop.feed
    )
    if settings.tasks_broker:
        # Reports on Celery workers, shared by every server process.
        from .remote import celery_runner

        app.task_runner_factory = lambda: celery_runner(settings)
        app.add_middleware(ProcessHeader)
    for module in (items, images, orders, reports, auth, admin, webhooks):
        # Image uploads may be larger (10 MiB, SHOP_MAX_UPLOAD_SIZE); None inherits.
        limit = settings.max_upload_size if module is images else None
        app.include_router(module.router, max_body_size=limit)
    app.add_middleware(CountRequests, shop=shop)
    # /docs and /redoc work without a network; without the docs-offline extra they
    # load their assets from the CDN (a warning in the log says so).
    serve_docs_offline(app)

    @app.get("/", include_in_schema=False)
    def index() -> RedirectResponse:
        return RedirectResponse("/docs")

    return app


def app_from_env() -> FastAPI:
    """The shop for the `SHOP_*` environment variables, for a server that imports
    it by name: `uvicorn --factory shop:app_from_env --workers 2`."""
    return create_app(Settings.from_env())
