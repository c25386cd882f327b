"""`Jinja2Templates` through `fastslim_routing.templating` (jinja2 is optional)."""

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import starlette.templating

import fastslim_routing.templating
from fastslim_routing import FastAPI, Request
from fastslim_routing.responses import HTMLResponse

Client = Callable[..., Any]


def test_it_is_starlettes() -> None:
    from fastslim_routing.templating import Jinja2Templates

    assert Jinja2Templates is starlette.templating.Jinja2Templates


def test_without_jinja2_the_error_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    monkeypatch.delitem(sys.modules, "starlette.templating")
    module = importlib.reload(fastslim_routing.templating)  # importing it still works
    with pytest.raises(ModuleNotFoundError, match="needs the jinja2 package") as info:
        module.Jinja2Templates  # noqa: B018
    assert info.value.name == "jinja2"
    assert "templates extra" in str(info.value)
    with pytest.raises(AttributeError, match="no attribute 'Other'"):
        module.Other  # noqa: B018


def test_a_template_response_with_url_for(any_client_for: Client, tmp_path: Path) -> None:
    from fastslim_routing.templating import Jinja2Templates

    (tmp_path / "item.html").write_text(
        "<p>{{ item_id }} {{ url_for('read_item', item_id=item_id + 1) }}</p>"
    )
    templates = Jinja2Templates(directory=tmp_path)
    app = FastAPI()

    @app.get("/items/{item_id}", response_class=HTMLResponse)
    def read_item(request: Request, item_id: int) -> Any:
        return templates.TemplateResponse(request, "item.html", {"item_id": item_id})

    response = any_client_for(app).get("/items/4")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text == "<p>4 http://testserver/items/5</p>"
