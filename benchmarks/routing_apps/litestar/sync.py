"""A sync handler run in the thread pool (Litestar twin of `routing_apps/sync.py`)."""

# Litestar is installed only in the bench session (the types session checks without it).
# mypy: disable-error-code="import-not-found,untyped-decorator"

from litestar import Litestar, get


@get("/sync", sync_to_thread=True)
def hello_sync() -> dict[str, str]:
    return {"message": "Hello World"}


app = Litestar([hello_sync])
