"""`python -m shop`: serve the shop on 127.0.0.1:8000 with uvicorn until Ctrl-C."""

from __future__ import annotations

import logging

import uvicorn

from . import Settings, create_app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env()
    app = create_app(settings)
    print(
        f"shop: serving on http://{settings.host}:{settings.port} "
        f"(docs at http://{settings.host}:{settings.port}/docs); Ctrl-C stops it",
        flush=True,
    )
    # An open event feed or a hung webhook must not hold the shutdown: requests and
    # their background tasks get SHOP_GRACEFUL_TIMEOUT seconds (3), then are cancelled.
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level="info",
        timeout_graceful_shutdown=settings.graceful_timeout,
    )


if __name__ == "__main__":
    main()
