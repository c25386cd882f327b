"""`fastslim.sse`, as `fastapi.sse`: server-sent events."""

from fastslim_routing.sse import KEEPALIVE_COMMENT as KEEPALIVE_COMMENT
from fastslim_routing.sse import EventSourceResponse as EventSourceResponse
from fastslim_routing.sse import ServerSentEvent as ServerSentEvent
from fastslim_routing.sse import format_sse_event as format_sse_event

__all__ = (
    "KEEPALIVE_COMMENT",
    "EventSourceResponse",
    "ServerSentEvent",
    "format_sse_event",
)
