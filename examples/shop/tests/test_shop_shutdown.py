"""Shutdown under uvicorn's graceful timeout, in a subprocess: requests whose
background work hangs (webhooks to a target that never answers) and reports longer
than the drain, then SIGTERM. Everything cut off is logged once by name on
`fastslim.tasks`, reaches the task feed (the summary counts it), and the order whose
fulfilment was cut off is failed in the database, not left confirmed."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
from _shop_served import SHOP_DIR, free_port, wait_for


@contextlib.contextmanager
def never_answering_server() -> Iterator[str]:
    """A URL on 127.0.0.1 whose server accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/hook"
    finally:
        stop.set()
        listener.close()
        for connection in held:
            connection.close()


def post(base_url: str, path: str, **kwargs: object) -> httpx.Response:
    # A connection per request: one whose background work hangs stays busy.
    with httpx.Client(base_url=base_url, timeout=10) as http:
        return http.post(path, **kwargs)  # type: ignore[arg-type]


def get_json(base_url: str, path: str) -> object:
    with httpx.Client(base_url=base_url, timeout=10) as http:
        return http.get(path).json()


def test_sigterm_with_a_graceful_timeout_says_what_it_cut_and_records_it(
    tmp_path: Path,
) -> None:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    output = tmp_path / "server.log"
    with never_answering_server() as hook:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(SHOP_DIR), os.environ.get("PYTHONPATH")])
            ),
            "SHOP_DATA_DIR": str(tmp_path),
            "SHOP_PORT": str(port),
            "SHOP_WEBHOOK_URL": hook,
            "SHOP_REPORT_SECONDS": "30",
            "SHOP_DRAIN_TIMEOUT": "1",
            "SHOP_GRACEFUL_TIMEOUT": "1",
        }
        with output.open("w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "shop"], env=env, stdout=log, stderr=subprocess.STDOUT
            )
        try:
            wait_for(lambda: get_json(base_url, "/items") == [], "the server to answer")
            item = post(base_url, "/items", json={"name": "Anvil", "price": 80, "stock": 2})
            assert item.status_code == 201
            order = post(
                base_url, "/orders", json={"item_id": 1, "quantity": 1, "email": "a@x.org"}
            )
            assert order.status_code == 202
            # Its last step (a webhook) hangs: the order waits, confirmed.
            wait_for(
                lambda: get_json(base_url, "/orders/1")["status"] == "confirmed",  # type: ignore[index]
                "the order to be confirmed",
            )
            # Two reports run (max_concurrency=2), the third waits.
            reports = [post(base_url, "/reports").json()["id"] for _ in range(3)]
            assert reports == [1, 2, 3]
            wait_for(
                lambda: (
                    [get_json(base_url, f"/reports/{n}")["status"] for n in reports]  # type: ignore[index]
                    == ["running", "running", "pending"]
                ),
                "two reports to run",
            )
            server.send_signal(signal.SIGTERM)
            assert server.wait(timeout=30) in {0, -signal.SIGTERM}
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
    text = output.read_text()
    cut = re.findall(r'(?:Background task|Task) "([^"]+)" was cancelled while (\w+)', text)
    assert sorted(cut) == [
        ("item 1: webhook", "running"),
        ("order 1", "running"),
        ("order 1: notify_fulfilment", "running"),
        ("report 1", "running"),
        ("report 2", "running"),
        ("report 3", "pending"),
    ]
    assert "Cancel 2 running task(s), timeout graceful shutdown exceeded" in text
    summary = re.search(
        r"shop: served \d+ requests; ran (\d+) tasks .* (\d+) cancelled\); "
        r"cancelled at shutdown: (.*)",
        text,
    )
    assert summary is not None, text
    assert summary.group(2) == "6"
    assert sorted(summary.group(3).split(", ")) == [name for name, _ in sorted(cut)]
    # uvicorn reports each request task it cancelled as an exception of the app (as on
    # FastAPI); no other exception escaped.
    escaped = re.findall(r"^[\w.]+(?:Error|Exception|Cancelled): .*$", text, re.MULTILINE)
    assert (
        escaped
        == ["asyncio.exceptions.CancelledError: Task cancelled, timeout graceful shutdown exceeded"]
        * 2
    )
    with contextlib.closing(sqlite3.connect(tmp_path / "shop.db")) as db:
        status, steps, failure = db.execute(
            "SELECT status, steps, failure FROM orders WHERE id = 1"
        ).fetchone()
        (stock,) = db.execute("SELECT stock FROM items WHERE id = 1").fetchone()
        (outbox,) = db.execute("SELECT count(*) FROM outbox").fetchone()
    assert (status, steps) == ("failed", "validate,reserve_stock,send_confirmation")
    # how long it ran depends on the machine's load (1.x s idle; more on a busy CI machine)
    pattern = r"order 1: notify_fulfilment: cancelled after \d+\.\d\d s"
    assert re.fullmatch(pattern, failure), failure
    assert (stock, outbox) == (2, 1)  # the failed order's unit is back in stock
