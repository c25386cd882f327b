"""The application core is re-exported at FastAPI's module paths."""

import importlib

import pytest

import fastslim
import fastslim_routing
from fastslim_routing import params as routing_params

CORE_MODULES = [
    "fastslim",
    "fastslim.applications",
    "fastslim.params",
    "fastslim.param_functions",
    "fastslim.routing",
]


@pytest.mark.parametrize("module_name", CORE_MODULES)
def test_every_name_in_all_exists(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert isinstance(module.__all__, tuple)
    assert [name for name in module.__all__ if not hasattr(module, name)] == []


def test_fastapi_top_level_names() -> None:
    expected = {
        "APIRouter", "BackgroundTasks", "Body", "Cookie", "Depends", "FastAPI", "File", "Form",
        "HTTPException", "Header", "Path", "Query", "Request", "Response", "Security",
        "UploadFile", "WebSocket", "WebSocketDisconnect", "WebSocketException",
    }  # fmt: skip
    assert expected <= set(fastslim.__all__)


def test_names_are_the_routing_package_objects() -> None:
    from fastslim.applications import FastAPI
    from fastslim.routing import APIRouter

    assert FastAPI is fastslim.FastAPI is fastslim_routing.FastAPI
    assert APIRouter is fastslim.APIRouter is fastslim_routing.APIRouter
    assert isinstance(fastslim.Query(3), routing_params.Query)
