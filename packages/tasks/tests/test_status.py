from fastslim_tasks import TaskStatus


def test_values_are_lowercase_words() -> None:
    assert [status.value for status in TaskStatus] == [
        "pending",
        "running",
        "done",
        "failed",
        "cancelled",
    ]
    assert str(TaskStatus.DONE) == "done"


def test_finished_states() -> None:
    assert {status for status in TaskStatus if status.finished} == {
        TaskStatus.DONE,
        TaskStatus.FAILED,
        TaskStatus.CANCELLED,
    }
