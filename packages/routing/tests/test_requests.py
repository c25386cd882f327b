"""`fastslim_routing.requests` re-exports Starlette's request classes."""

import starlette.requests

from fastslim_routing.requests import HTTPConnection, Request


def test_request_classes_are_starlettes() -> None:
    assert Request is starlette.requests.Request
    assert HTTPConnection is starlette.requests.HTTPConnection
    request = Request({"type": "http", "method": "GET", "path": "/a", "headers": []})
    assert isinstance(request, HTTPConnection)
    assert request.url.path == "/a"
