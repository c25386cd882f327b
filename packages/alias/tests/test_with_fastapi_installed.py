"""The alias with FastAPI's distribution installed beside it, as an extension brings
it: slowapi's documented example served through the alias, on fastslim only.

A fresh environment (uv) holds fastapi==0.165.0, slowapi, and fastslim with the alias
from their local paths; the app runs in a subprocess of that environment.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import uv

PACKAGES = Path(__file__).parents[2]
SIBLINGS = ("tasks", "di", "routing", "testclient")

# slowapi's README example, as a user writes it, then served with the test client;
# the last lines report what was loaded.
APP = """
import importlib.metadata
import json
import sys
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse
from fastapi.testclient import TestClient
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address

limiter = Limiter(key_func=get_remote_address)
app = FastAPI()
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)


# Note: the route decorator must be above the limit decorator, not below it
@app.get("/home")
@limiter.limit("5/minute")
async def homepage(request: Request):
    return PlainTextResponse("test")


@app.get("/mars")
@limiter.limit("5/minute")
async def homepage_mars(request: Request, response: Response):
    return {"key": "value"}


client = TestClient(app)
home = [client.get("/home") for _ in range(6)]
mars = [client.get("/mars") for _ in range(6)]

# FastAPI's installed package directories, from its distribution's file list (the
# files themselves are never opened).
dist = importlib.metadata.distribution("fastapi")
roots = {
    Path(str(dist.locate_file(file.parts[0]))).resolve()
    for file in dist.files or ()
    if len(file.parts) > 1
    and file.parts[0] != ".."  # scripts, outside site-packages
    and not file.parts[0].endswith((".dist-info", ".data"))
}
loaded_from_fastapi = sorted(
    name
    for name, module in list(sys.modules.items())
    if getattr(module, "__file__", None)
    and any(root in Path(module.__file__).resolve().parents for root in roots)
)
import fastapi, fastslim

print(json.dumps({
    "home": [[r.status_code, r.text] for r in home],
    "mars": [[r.status_code, r.json()] for r in mars],
    "mars_headers": dict(mars[0].headers),
    "fastapi_roots": sorted(str(root) for root in roots),
    "loaded_from_fastapi": loaded_from_fastapi,
    "fastapi_module": fastapi.__file__,
    "fastapi_version": fastapi.__version__,
    "distribution_version": importlib.metadata.version("fastapi"),
    "same_app_class": fastapi.FastAPI is fastslim.FastAPI,
    "limiter_module": type(limiter).__module__,
    "request_class": Request.__module__,
}))
"""


def test_slowapi_example_through_the_alias_with_fastapi_installed(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    uv_bin = uv.find_uv_bin()
    subprocess.run([uv_bin, "venv", "-q", "-p", sys.executable, str(venv)], check=True)
    python = str(venv / "bin" / "python")
    local = [str(PACKAGES / name) for name in SIBLINGS]
    meta = f"{PACKAGES / 'meta'}[testclient]"
    install = [uv_bin, "pip", "install", "-q", "-p", python, "fastapi==0.165.0", "slowapi"]
    subprocess.run([*install, *local, meta, str(PACKAGES / "alias")], check=True)
    script = tmp_path / "app.py"
    script.write_text(APP)
    result = subprocess.run([python, str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)

    assert report["home"] == [[200, "test"]] * 5 + [
        [429, '{"error":"Rate limit exceeded: 5 per 1 minute"}']
    ]
    assert report["mars"] == [[200, {"key": "value"}]] * 5 + [
        [429, {"error": "Rate limit exceeded: 5 per 1 minute"}]
    ]
    # FastAPI is installed, and none of its modules was loaded.
    assert [Path(root).name for root in report["fastapi_roots"]] == ["fastapi"]
    assert report["loaded_from_fastapi"] == []
    assert "fastslim_alias" in report["fastapi_module"]
    assert report["same_app_class"] is True
    assert report["request_class"].startswith("starlette")
    # The module reports fastslim's FastAPI version; the metadata is the dist's own.
    assert report["fastapi_version"] == "0.165.0"
    assert report["distribution_version"] == "0.165.0"
