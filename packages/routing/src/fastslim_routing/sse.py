"""`fastslim.sse`, as `fastapi.sse`: server-sent events (FASTAPI-FACTS section 4).

A path operation whose endpoint is a generator, declared with
`response_class=EventSourceResponse` (or with it as the app's or a router's
default), sends each item as an event: `data: <json>` and a blank line. Yield a
`ServerSentEvent` to set `event`, `id`, `retry` or comments, or to send
`raw_data` as it is. While the generator yields nothing for 15 seconds, the
keep-alive comment `: ping` is sent.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, model_validator
from starlette.responses import StreamingResponse

__all__ = (
    "KEEPALIVE_COMMENT",
    "EventSourceResponse",
    "ServerSentEvent",
    "format_sse_event",
)

KEEPALIVE_COMMENT = b": ping\n\n"
"""The comment sent after 15 s without an event, so proxies keep the connection."""

_LINES = re.compile(r"\r\n|\r|\n")


class EventSourceResponse(StreamingResponse):
    """A `text/event-stream` streaming response (charset utf-8)."""

    media_type = "text/event-stream"


def _single_line(field: str) -> Any:
    def check(value: str | None) -> str | None:
        if value is not None and ("\n" in value or "\r" in value):
            raise ValueError(f"SSE '{field}' must be a single line")
        return value

    return check


def _no_null(value: str | None) -> str | None:
    if value is not None and "\0" in value:
        raise ValueError("SSE 'id' must not contain null characters")
    return value


class ServerSentEvent(BaseModel):
    """One event, with the fields of the SSE wire format.

    - `data`: any JSON-serializable value, always sent as JSON (`"hello"` is
      quoted); a Pydantic model is dumped with `model_dump_json()`;
    - `raw_data`: a string sent as it is (exclusive with `data`);
    - `event`, `id`: single lines (`id` without NUL characters);
    - `retry`: the reconnection time in milliseconds, an integer >= 0;
    - `comment`: comment lines (`: text`), ignored by clients.

    Raises pydantic's `ValidationError` on an invalid field.
    """

    data: Any = None
    raw_data: str | None = None
    event: Annotated[str | None, AfterValidator(_single_line("event"))] = None
    id: Annotated[str | None, AfterValidator(_single_line("id")), AfterValidator(_no_null)] = None
    retry: Annotated[int | None, Field(ge=0)] = None
    comment: str | None = None

    @model_validator(mode="after")
    def _data_or_raw_data(self) -> ServerSentEvent:
        if self.data is not None and self.raw_data is not None:
            raise ValueError(
                "Cannot set both 'data' and 'raw_data' on the same ServerSentEvent. Use 'data' "
                "for JSON-serialized payloads or 'raw_data' for pre-formatted strings."
            )
        return self


def format_sse_event(
    *,
    data_str: str | None = None,
    event: str | None = None,
    id: str | None = None,
    retry: int | None = None,
    comment: str | None = None,
) -> bytes:
    """One event on the wire (UTF-8): a `: ` line per comment line, `event: `, a
    `data: ` line per line of `data_str` (split on CRLF, CR or LF), `id: `,
    `retry: `, then a blank line. Fields left None are omitted."""
    lines: list[str] = []
    if comment is not None:
        lines.extend(f": {line}" for line in _LINES.split(comment))
    if event is not None:
        lines.append(f"event: {event}")
    if data_str is not None:
        lines.extend(f"data: {line}" for line in _LINES.split(data_str))
    if id is not None:
        lines.append(f"id: {id}")
    if retry is not None:
        lines.append(f"retry: {retry}")
    lines.append("\n")
    return "\n".join(lines).encode("utf-8")
