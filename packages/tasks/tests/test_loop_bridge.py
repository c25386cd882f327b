"""Calls from threads into the loop: refused when closed, never lost on the way."""

import threading
from typing import Any

import anyio
import anyio.from_thread
import anyio.to_thread
import pytest

from fastslim_tasks._loop_bridge import LoopBridge

pytestmark = pytest.mark.anyio


async def test_a_call_from_a_thread_runs_on_the_loop_thread() -> None:
    bridge = LoopBridge()
    bridge.open()
    loop_thread = threading.get_ident()
    assert bridge.on_loop_thread()

    def from_thread() -> tuple[bool, int]:
        return bridge.on_loop_thread(), bridge.call(
            lambda _: threading.get_ident(), None, closed=lambda: -1
        )

    on_loop, ran_on = await anyio.to_thread.run_sync(from_thread)
    assert (on_loop, ran_on) == (False, loop_thread)
    await bridge.close()


async def test_calls_before_open_and_after_close_get_the_closed_value() -> None:
    bridge = LoopBridge()
    assert bridge.call(str, 1, closed=lambda: "closed") == "closed"
    bridge.open()
    await bridge.close()
    assert bridge.on_loop_thread()  # the owner answers its own thread's calls
    result = await anyio.to_thread.run_sync(lambda: bridge.call(str, 1, closed=lambda: "closed"))
    assert result == "closed"


async def test_close_waits_for_a_call_accepted_but_not_yet_on_the_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bridge = LoopBridge()
    bridge.open()
    served: list[int] = []
    on_its_way = threading.Event()
    real = anyio.from_thread.run_sync

    def preempted(*args: Any, **kwargs: Any) -> Any:
        on_its_way.set()
        threading.Event().wait(0.1)  # the thread is preempted after being accepted
        return real(*args, **kwargs)

    monkeypatch.setattr(anyio.from_thread, "run_sync", preempted)
    thread = threading.Thread(target=lambda: bridge.call(served.append, 7, closed=lambda: None))
    thread.start()
    await anyio.to_thread.run_sync(on_its_way.wait)
    with anyio.fail_after(5):
        await bridge.close()
    assert served == [7]  # served before close() returned: the loop may end now
    await anyio.to_thread.run_sync(thread.join)
