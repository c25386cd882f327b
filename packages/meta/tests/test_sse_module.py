"""`fastslim.sse` and `fastslim.responses.EventSourceResponse`, at FastAPI's paths."""

import fastslim_routing.sse
from fastslim.responses import EventSourceResponse as FromResponses
from fastslim.sse import KEEPALIVE_COMMENT, EventSourceResponse, ServerSentEvent, format_sse_event


def test_sse_names_are_the_routing_package_objects() -> None:
    import fastslim.sse

    assert fastslim.sse.__all__ == fastslim_routing.sse.__all__
    assert EventSourceResponse is FromResponses is fastslim_routing.sse.EventSourceResponse
    assert ServerSentEvent is fastslim_routing.sse.ServerSentEvent
    assert format_sse_event(data_str="x") == b"data: x\n\n"
    assert KEEPALIVE_COMMENT == b": ping\n\n"
