"""Fixtures: one Redis for the session, a database and a worker per test module."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery
from celery.backends.redis import RedisBackend

sys.path.insert(0, str(Path(__file__).resolve().parent))  # celery_jobs, as the worker sees it

from celery_services import REDIS_URL_VARIABLE, Worker, redis_server

from fastslim_tasks_celery import celery_app

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def redis_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    given = os.environ.get(REDIS_URL_VARIABLE)
    if given:
        yield given
        return
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="module")
def redis_url(redis_server_url: str) -> str:
    """A database of its own for each test module (emptied first)."""
    url = f"{redis_server_url.rpartition('/')[0]}/{next(_databases) % 16}"
    with redis.Redis.from_url(url) as client:
        client.flushdb()
    return url


@pytest.fixture(scope="module")
def worker(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    """A real `celery worker` (prefork, 2 processes) for the test module."""
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    started = Worker(redis_url, log)
    yield started
    started.stop()


@pytest.fixture
def client_app(redis_url: str) -> Iterator[Callable[[], Celery]]:
    """Makes submitter apps on the module's database; their connections (broker pool,
    result backend) are closed after the test."""
    made: list[Celery] = []

    def make() -> Celery:
        made.append(celery_app(redis_url))
        return made[-1]

    yield make
    for app in made:
        app.close()
        backend: RedisBackend = app.backend  # type: ignore[assignment]
        backend.client.connection_pool.disconnect()
