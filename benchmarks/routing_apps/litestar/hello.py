"""Hello (Litestar twin of `routing_apps/hello.py`)."""

# Litestar is installed only in the bench session (the types session checks without it).
# mypy: disable-error-code="import-not-found,untyped-decorator"

from litestar import Litestar, get


@get("/hello")
async def hello() -> dict[str, str]:
    return {"message": "Hello World"}


app = Litestar([hello])
