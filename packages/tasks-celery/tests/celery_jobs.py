"""Task functions the tests submit and their worker runs (imported by both)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import anyio


def add(x: int, y: int) -> int:
    return x + y


async def async_echo(value: object, *, delay: float = 0) -> object:
    await anyio.sleep(delay)
    return value


def fail(message: str) -> None:
    raise ValueError(message)


def sleep_then_mark(seconds: float, marker: str) -> str:
    """Sleeps, then creates the file `marker`: a test can see whether it ran to the end."""
    time.sleep(seconds)
    Path(marker).write_text(str(os.getpid()))
    return "slept"


async def async_sleep(seconds: float) -> str:
    await anyio.sleep(seconds)
    return "slept"


def not_json() -> object:
    return {1, 2}


def _private_helper() -> str:
    return "private"


def pid_then_sleep(pid_file: str, seconds: float) -> str:
    """Writes its process id to `pid_file`, then sleeps."""
    Path(pid_file).write_text(str(os.getpid()))
    time.sleep(seconds)
    return "slept"
