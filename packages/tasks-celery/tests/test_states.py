"""Result-backend records as fastslim's statuses."""

from __future__ import annotations

import pytest

from fastslim_tasks import TaskStatus
from fastslim_tasks_celery import RemoteTaskError, RemoteTimeoutError
from fastslim_tasks_celery._states import UNKNOWN, queued_record, read_record


@pytest.mark.parametrize(
    ("state", "status"),
    [
        ("RECEIVED", TaskStatus.PENDING),
        ("RETRY", TaskStatus.PENDING),
        ("STARTED", TaskStatus.RUNNING),
        ("PROGRESS", TaskStatus.RUNNING),  # a custom state a task set
        ("SUCCESS", TaskStatus.DONE),
        ("FAILURE", TaskStatus.FAILED),
        ("REJECTED", TaskStatus.FAILED),
        ("REVOKED", TaskStatus.CANCELLED),
    ],
)
def test_celery_states_map_to_statuses(state: str, status: TaskStatus) -> None:
    seen = read_record({"status": state, "result": None}, "id-1", "job")
    assert (seen.status, seen.known, seen.name) == (status, True, "job")


def test_pending_without_the_submitters_record_is_an_unknown_task() -> None:
    assert read_record(None, "id", None) is UNKNOWN
    assert read_record({"status": "PENDING", "result": None}, "id", None) is UNKNOWN
    seen = read_record({"status": "PENDING", "result": queued_record("report")}, "id", None)
    assert (seen.status, seen.known, seen.name) == (TaskStatus.PENDING, True, "report")


def test_the_name_comes_from_celerys_extended_result() -> None:
    seen = read_record({"status": "SUCCESS", "result": 3, "name": "shop.reports:build"}, "i", None)
    assert (seen.name, seen.result) == ("build", 3)


def test_a_failure_names_the_task_id_and_remote_error() -> None:
    record = {
        "status": "FAILURE",
        "result": {"exc_type": "KeyError", "exc_message": ["month"], "exc_module": "builtins"},
        "traceback": "Traceback ...",
    }
    error = read_record(record, "abc", "report").error
    assert type(error) is RemoteTaskError
    assert str(error) == 'Task "report" (id abc) failed on a Celery worker: KeyError: month'
    assert error.remote_traceback == "Traceback ..."


@pytest.mark.parametrize("kind", ["SoftTimeLimitExceeded", "TimeLimitExceeded", "TimeoutError"])
def test_a_time_limit_is_a_timeout(kind: str) -> None:
    record = {"status": "FAILURE", "result": {"exc_type": kind, "exc_message": []}}
    error = read_record(record, "abc", "report").error
    assert isinstance(error, RemoteTimeoutError)
    assert isinstance(error, TimeoutError)
    assert str(error) == f'Task "report" (id abc) failed on a Celery worker: {kind}'


def test_a_rebuilt_exception_and_an_odd_result_still_make_an_error() -> None:
    rebuilt = read_record({"status": "FAILURE", "result": ValueError("x")}, "i", "t").error
    assert rebuilt is not None
    assert (rebuilt.remote_type, rebuilt.remote_message) == ("ValueError", "x")
    odd = read_record({"status": "FAILURE", "result": "??"}, "i", "t").error
    assert odd is not None
    assert (odd.remote_type, odd.remote_message) == ("Exception", "'??'")


def test_a_fastslim_workers_heartbeat_is_read() -> None:
    record = {"status": "STARTED", "result": {"fastslim_beat": 4, "fastslim_beat_every": 2.0}}
    assert read_record(record, "i", "t").beat == (4, 2.0)
    assert read_record({"status": "STARTED", "result": {"pid": 1}}, "i", "t").beat is None
