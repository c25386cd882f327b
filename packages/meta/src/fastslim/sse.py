"""`fastslim.sse`, as `fastapi.sse`: server-sent events."""

from pydantic import AfterValidator as AfterValidator
from pydantic import BaseModel as BaseModel
from pydantic import model_validator as model_validator
from pydantic.fields import Field as Field
from starlette.responses import StreamingResponse as StreamingResponse

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
