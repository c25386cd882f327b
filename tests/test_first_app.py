"""The README's first app: the code in the README is `examples/first_app.py`, and it works."""

import re
import runpy
from pathlib import Path
from typing import Literal

import pytest

from fastslim.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]


def test_readme_shows_the_example() -> None:
    readme = (ROOT / "README.md").read_text()
    shown = re.search(r"## A first app\n\n```python\n(.*?)```", readme, re.S)
    assert shown is not None
    example = (ROOT / "examples" / "first_app.py").read_text()
    assert shown.group(1) in example


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_first_app(backend: Literal["asyncio", "trio"], capsys: pytest.CaptureFixture[str]) -> None:
    app = runpy.run_path(str(ROOT / "examples" / "first_app.py"))["app"]
    with TestClient(app, backend=backend) as client:
        created = client.post("/items/1", json={"name": "Hammer", "price": 9.5})
        assert (created.status_code, created.json()) == (201, {"name": "Hammer", "price": 9.5})
        assert capsys.readouterr().out == "created 1\n"
        assert client.get("/items/1?limit=5").json() == {"name": "Hammer", "price": 9.5}
        assert client.get("/items/2").json() == {"detail": "Item not found"}
        invalid = client.get("/items/1?limit=0").json()["detail"]
        assert invalid == [
            {
                "type": "greater_than",
                "loc": ["query", "limit"],
                "msg": "Input should be greater than 0",
                "input": "0",
                "ctx": {"gt": 0},
            }
        ]
