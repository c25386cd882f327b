"""The support modules re-export fastslim-routing's and Starlette's objects, as FastAPI's do."""

from __future__ import annotations

import importlib
import sys

import pytest
import starlette.middleware
import starlette.middleware.cors
import starlette.middleware.gzip
import starlette.middleware.httpsredirect
import starlette.middleware.trustedhost
from starlette.exceptions import StarletteDeprecationWarning

import fastslim_routing.concurrency
import fastslim_routing.datastructures
import fastslim_routing.encoders
import fastslim_routing.exception_handlers
import fastslim_routing.exceptions
import fastslim_routing.logger
import fastslim_routing.requests
import fastslim_routing.responses
import fastslim_routing.status
import fastslim_routing.utils

OWNERS = {
    "fastslim.concurrency": fastslim_routing.concurrency,
    "fastslim.datastructures": fastslim_routing.datastructures,
    "fastslim.encoders": fastslim_routing.encoders,
    "fastslim.exception_handlers": fastslim_routing.exception_handlers,
    "fastslim.logger": fastslim_routing.logger,
    "fastslim.requests": fastslim_routing.requests,
    "fastslim.responses": fastslim_routing.responses,
    "fastslim.status": fastslim_routing.status,
    "fastslim.utils": fastslim_routing.utils,
    "fastslim.middleware": starlette.middleware,
    "fastslim.middleware.cors": starlette.middleware.cors,
    "fastslim.middleware.gzip": starlette.middleware.gzip,
    "fastslim.middleware.httpsredirect": starlette.middleware.httpsredirect,
    "fastslim.middleware.trustedhost": starlette.middleware.trustedhost,
}


@pytest.mark.parametrize("module_name", sorted(OWNERS))
def test_names_are_the_owners_objects(module_name: str) -> None:
    module = importlib.import_module(module_name)
    owner = OWNERS[module_name]
    for name in module.__all__:
        assert getattr(module, name) is getattr(owner, name), name


def test_exceptions_module() -> None:
    import fastslim.exceptions
    from fastslim.exceptions import StarletteHTTPException

    for name in fastslim_routing.exceptions.__all__:
        if name != "endpoint_context":  # fastslim's own helper, not in FastAPI's module
            assert getattr(fastslim.exceptions, name) is getattr(fastslim_routing.exceptions, name)
    assert "endpoint_context" not in fastslim.exceptions.__all__
    assert issubclass(fastslim.exceptions.HTTPException, StarletteHTTPException)


def test_status_forwards_deprecated_aliases() -> None:
    import fastslim.status

    assert fastslim.status.HTTP_404_NOT_FOUND == 404
    with pytest.warns(StarletteDeprecationWarning, match="HTTP_422_UNPROCESSABLE_CONTENT"):
        assert fastslim.status.HTTP_422_UNPROCESSABLE_ENTITY == 422


def test_wsgi_middleware_warns_on_import_as_starlettes() -> None:
    for name in ("fastslim.middleware.wsgi", "starlette.middleware.wsgi"):
        sys.modules.pop(name, None)
    with pytest.warns(StarletteDeprecationWarning, match="a2wsgi"):
        module = importlib.import_module("fastslim.middleware.wsgi")
    assert module.__all__ == ("WSGIMiddleware",)
    assert module.WSGIMiddleware is sys.modules["starlette.middleware.wsgi"].WSGIMiddleware
