import importlib
import sys

import pytest

import fastslim_testclient


def test_testclient_module_gives_the_testclient_package_classes() -> None:
    from fastslim.testclient import AsyncTestClient, TestClient

    # Subclasses whose only change is the WebSocket exceptions they raise.
    assert TestClient.__bases__ == (fastslim_testclient.TestClient,)
    assert AsyncTestClient.__bases__ == (fastslim_testclient.AsyncTestClient,)
    assert set(vars(TestClient)) - {"__module__", "__doc__", "__qualname__"} == {
        "__test__",
        "websocket_disconnect_class",
        "websocket_denial_class",
    }


def test_without_the_extra_the_import_error_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "fastslim.testclient", raising=False)
    monkeypatch.setitem(sys.modules, "fastslim_testclient", None)
    with pytest.raises(ModuleNotFoundError, match="testclient extra") as info:
        importlib.import_module("fastslim.testclient")
    assert info.value.name == "fastslim_testclient"
    assert "fastslim-testclient" in str(info.value)
