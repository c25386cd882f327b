"""A coroutine driven inside a context of its own, on the caller's task."""

import contextvars

import anyio
import anyio.lowlevel
import anyio.to_thread
import pytest

from fastslim_tasks._context import InContext

pytestmark = pytest.mark.anyio

color: contextvars.ContextVar[str] = contextvars.ContextVar("color", default="unset")


class Boom(Exception):
    pass


async def test_returns_the_value_and_keeps_what_it_set_in_its_own_context() -> None:
    async def paint() -> str:
        color.set("red")
        await anyio.sleep(0.001)
        return color.get()

    color.set("caller")
    context = contextvars.copy_context()
    assert await InContext(context, paint()) == "red"
    assert color.get() == "caller"
    assert context[color] == "red"


async def test_an_exception_reaches_the_caller() -> None:
    async def fail() -> None:
        await anyio.lowlevel.checkpoint()
        raise Boom("inside")

    with pytest.raises(Boom, match="inside"):
        await InContext(contextvars.copy_context(), fail())


async def test_a_cancellation_reaches_the_coroutine_and_its_cleanup_runs() -> None:
    cleaned: list[str] = []

    async def wait_forever() -> None:
        color.set("cleanup context")
        try:
            await anyio.sleep_forever()
        finally:
            cleaned.append(color.get())

    with anyio.move_on_after(0.02) as scope:
        await InContext(contextvars.copy_context(), wait_forever())
    assert scope.cancelled_caught
    assert cleaned == ["cleanup context"]


async def test_tasks_and_threads_started_inside_inherit_its_context() -> None:
    seen: list[str] = []

    async def spawn() -> None:
        color.set("inner")

        async def child() -> None:
            seen.append(color.get())

        async with anyio.create_task_group() as group:
            group.start_soon(child)
        seen.append(await anyio.to_thread.run_sync(color.get))

    color.set("caller")
    await InContext(contextvars.copy_context(), spawn())
    assert seen == ["inner", "inner"]
