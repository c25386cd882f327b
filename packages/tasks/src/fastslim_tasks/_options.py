"""Per-task settings, kept apart from the task's own keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass

from ._validation import positive_seconds_or_none


@dataclass(frozen=True, slots=True)
class TaskOptions:
    """A task's name (for logs and hooks) and timeout in seconds.

    Passed positionally before the function (`tasks.add_task_with(options, func,
    ...)`), so every keyword argument still goes to the function itself.

    Raises `TypeError` for a name that is not a string, and `ValueError` for a
    timeout that is not a positive number of seconds.
    """

    name: str | None = None
    timeout: float | None = None

    def __post_init__(self) -> None:
        if self.name is not None and not isinstance(self.name, str):
            raise TypeError(f"TaskOptions.name must be a string or None, got {self.name!r}")
        positive_seconds_or_none("timeout", self.timeout)
