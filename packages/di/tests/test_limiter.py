import anyio
import anyio.lowlevel
import pytest

from fastslim_di._limiter import SlotLimiter


@pytest.mark.anyio
@pytest.mark.parametrize("total", [1, 2])
async def test_at_most_total_holders_and_fifo_handover(total: int) -> None:
    limiter = SlotLimiter(total)
    order: list[str] = []
    active = 0
    peak = 0

    async def worker(name: str) -> None:
        nonlocal active, peak
        await limiter.acquire()
        order.append(name)
        active += 1
        peak = max(peak, active)
        await anyio.sleep(0.01)
        active -= 1
        limiter.release()

    async with anyio.create_task_group() as group:
        for count, name in enumerate("abcde", start=1):
            group.start_soon(worker, name)
            while limiter.borrowed + len(limiter._waiters) < count:
                await anyio.lowlevel.checkpoint()
    assert peak == total
    if total == 1:  # one hand-over at a time: the order is the arrival order
        assert order == list("abcde")
    else:
        assert sorted(order) == list("abcde")
    assert limiter.borrowed == 0


@pytest.mark.anyio
async def test_cancelled_waiter_gives_up_its_place() -> None:
    limiter = SlotLimiter(1)
    await limiter.acquire()
    with anyio.move_on_after(0.01):
        await limiter.acquire()
    assert limiter.borrowed == 1
    limiter.release()
    assert limiter.borrowed == 0
    await limiter.acquire()
    assert limiter.borrowed == 1


@pytest.mark.anyio
async def test_slot_handed_over_to_a_cancelled_waiter_is_not_lost() -> None:
    limiter = SlotLimiter(1)
    await limiter.acquire()
    async with anyio.create_task_group() as group:

        async def waiter() -> None:
            await limiter.acquire()
            limiter.release()

        group.start_soon(waiter)
        while not limiter._waiters:
            await anyio.lowlevel.checkpoint()
        limiter.release()  # hands the slot to the waiter...
        group.cancel_scope.cancel()  # ...which may be cancelled before it runs
    assert limiter.borrowed == 0
    await limiter.acquire()
    assert limiter.borrowed == 1
