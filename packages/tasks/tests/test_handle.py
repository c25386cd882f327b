import anyio
import pytest

from fastslim_tasks import TaskNotFinishedError, TaskRunner

pytestmark = pytest.mark.anyio


async def test_result_and_exception_before_the_end_are_clear_errors() -> None:
    release = anyio.Event()
    async with TaskRunner() as runner:
        handle = runner.submit(release.wait)
        with pytest.raises(TaskNotFinishedError, match="is pending: it has no result yet"):
            handle.result()
        with pytest.raises(TaskNotFinishedError, match="no exception yet"):
            handle.exception()
        release.set()
    assert handle.result() is None


async def test_repr_shows_name_and_status() -> None:
    async with TaskRunner() as runner:
        handle = runner.submit(anyio.sleep, 0)
        assert repr(handle) == "<TaskHandle 'sleep' pending>"
    assert repr(handle) == "<TaskHandle 'sleep' done>"
    assert handle.name == "sleep"
