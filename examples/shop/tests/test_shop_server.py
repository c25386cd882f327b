"""The demo under the real server (uvicorn) in a subprocess, driven over loopback HTTP,
stopped with SIGTERM while a report is running: the runner drains, cancels the report
at the drain timeout and says so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from _shop_served import SHOP_DIR, free_port, wait_for


def test_served_by_uvicorn_and_stopped_by_sigterm_while_a_report_runs(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(SHOP_DIR),
        "SHOP_DATA_DIR": str(tmp_path),
        "SHOP_PORT": str(port),
        "SHOP_REPORT_SECONDS": "30",
        "SHOP_DRAIN_TIMEOUT": "1",
    }
    output = tmp_path / "server.log"
    with output.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "shop"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            wait_for(lambda: http.get("/items").status_code == 200, "the server to answer")
            created = http.post("/items", json={"name": "Anvil", "price": 80, "stock": 2})
            assert created.status_code == 201
            # The webhook went over the loopback network to the demo's own receiver.
            deliveries = wait_for(lambda: http.get("/webhooks/received").json(), "the webhook")
            assert deliveries[0]["event"] == "item.created"
            docs = http.get("/docs")
            assert docs.status_code == 200
            assert "/docs-assets/swagger-ui-dist/swagger-ui-bundle.js" in docs.text
            bundle = http.get("/docs-assets/swagger-ui-dist/swagger-ui-bundle.js")
            assert bundle.status_code == 200
            report = http.post("/reports").json()
            wait_for(
                lambda: http.get(f"/reports/{report['id']}").json()["status"] == "running",
                "the report to run",
            )
        server.send_signal(signal.SIGTERM)
        # uvicorn shuts down gracefully, then exits by the signal it received.
        assert server.wait(timeout=30) in {0, -signal.SIGTERM}
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    text = output.read_text()
    assert "shop: serving on" in text
    assert 'Task "report 1" was cancelled while running' in text
    assert "cancelled at shutdown: report 1" in text
    assert "1 cancelled" in text
    assert "Application shutdown complete" in text
