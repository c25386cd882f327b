"""The three packages together: injected jobs on a TaskRunner, in an app's lifespan.

A Starlette app opens a fastslim-di Container (app scope) and a TaskRunner in
its lifespan; requests submit `@inject` jobs that get an app-scoped resource and
a request-scoped one per job. Tested through fastslim's TestClient on both
backends: the resource is created once, each job gets its own request scope,
and shutdown drains the runner before the container cleans up.
"""

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Literal

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from fastslim import Depends
from fastslim.testclient import TestClient
from fastslim_di import Container, inject
from fastslim_tasks import TaskRunner


class Mailer:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def send(self, to: str, batch: str) -> None:
        self.log.append(f"mail {to} in {batch}")


def make_app(log: list[str]) -> Starlette:
    batches = iter(range(1, 100))

    async def mailer() -> AsyncIterator[Mailer]:
        log.append("mailer opened")
        yield Mailer(log)
        log.append("mailer closed")

    def batch() -> Iterator[str]:
        name = f"batch {next(batches)}"
        yield name
        log.append(f"{name} closed")

    @inject
    async def send_welcome(
        to: str,
        mail: Annotated[Mailer, Depends(mailer, scope="app")],
        current: Annotated[str, Depends(batch)],
    ) -> None:
        mail.send(to, current)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, TaskRunner]]:
        async with Container(), TaskRunner(max_concurrency=1) as runner:
            yield {"runner": runner}
        log.append("shut down")

    async def signup(request: Request) -> JSONResponse:
        runner: TaskRunner = request.state.runner
        runner.submit(send_welcome, request.path_params["user"])
        return JSONResponse({"queued": True}, status_code=202)

    return Starlette(routes=[Route("/signup/{user}", signup, methods=["POST"])], lifespan=lifespan)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_injected_jobs_share_the_app_resource_and_get_their_own_request_scope(
    backend: Literal["asyncio", "trio"],
) -> None:
    log: list[str] = []
    with TestClient(make_app(log), backend=backend) as client:
        assert client.post("/signup/ada").status_code == 202
        assert client.post("/signup/bob").status_code == 202
    assert log == [
        "mailer opened",
        "mail ada in batch 1",
        "batch 1 closed",
        "mail bob in batch 2",
        "batch 2 closed",
        "mailer closed",
        "shut down",
    ]
