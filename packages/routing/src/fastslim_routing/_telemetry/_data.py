"""Where `get_telemetry_data()` finds the data of the request being served: a slot in
the OpenTelemetry context, so that a log processor reading `record.context` finds it
too (FASTAPI-FACTS 14). The slot is emptied when the request ends, so a context kept
afterwards neither gives the data nor keeps the request alive; a request excluded from
telemetry runs under an empty slot, so it does not see the data of a request it is
called from."""

from __future__ import annotations

from typing import Any

try:
    from opentelemetry import context as otel_context
except ModuleNotFoundError:  # pragma: no cover
    # Without the telemetry extra telemetry is off: nothing is ever entered.
    otel_context = None  # type: ignore[assignment]

DATA_KEY = otel_context.create_key("fastslim.telemetry_data") if otel_context else ""


class DataSlot:
    """The data of one request while it is handled (`None` after)."""

    __slots__ = ("data",)

    def __init__(self, data: Any) -> None:
        self.data = data


_EMPTY = DataSlot(None)


def enter(data: Any) -> tuple[DataSlot, Any]:
    """Put `data` in the current context; returns what `leave` takes."""
    slot = DataSlot(data)
    return slot, otel_context.attach(otel_context.set_value(DATA_KEY, slot))


def leave(slot: DataSlot, token: Any) -> None:
    """End the request of `slot`: its data is gone, the context is restored."""
    slot.data = None
    otel_context.detach(token)


def enter_excluded() -> Any:
    """Hide the data of any enclosing request (an excluded request); `detach` after."""
    return otel_context.attach(otel_context.set_value(DATA_KEY, _EMPTY))


def current(context: Any = None) -> Any:
    """The data in `context` (default: the current one), or None."""
    if not DATA_KEY:  # pragma: no cover  (no OpenTelemetry: telemetry is off)
        return None
    slot = otel_context.get_value(DATA_KEY, context)
    return slot.data if isinstance(slot, DataSlot) else None
