"""The app and the trickling clients of test_slow_clients.py.

`app`: `GET /health`, and `POST /upload` reading a JSON body, with a
`max_body_size` of 64 KiB (served by `uvicorn _slow_clients:app`).

`python tests/_slow_clients.py PORT CONNECTIONS`: opens CONNECTIONS connections to
127.0.0.1:PORT, each sending the head of a `POST /upload` whose declared 60 KB body
(within the limit) never comes but for a byte every 50 ms per connection while it
trickles: SIGUSR1 starts or pauses the trickle (the connections stay open), SIGUSR2
ends it. Prints `ready` once every connection is open and its head sent, then `done
N` with the connections still open at the end (the server dropped none). Run in a
process of its own, so that its work never shares the measuring client's
interpreter lock.
"""

from __future__ import annotations

import signal
import socket
import sys
import time
from typing import Any

from fastslim import FastAPI

LIMIT = 64 * 1024
DECLARED = 60_000
"""Bytes a trickling request declares: within the limit, so the server waits for them."""

app = FastAPI(max_body_size=LIMIT * 10)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/upload", max_body_size=LIMIT)
def upload(body: list[Any]) -> dict[str, int]:
    return {"items": len(body)}


class Switch:
    """What the signals ask: trickle or not, go on or stop."""

    def __init__(self) -> None:
        self.trickling = False
        self.stopped = False

    def toggle(self, *_: object) -> None:
        self.trickling = not self.trickling

    def stop(self, *_: object) -> None:
        self.stopped = True


def trickle(port: int, connections: int, switch: Switch) -> int:
    head = (
        f"POST /upload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {DECLARED}\r\n\r\n["
    ).encode()
    sockets = []
    for _ in range(connections):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(head)
        sockets.append(sock)
    print("ready", flush=True)
    deadline = time.monotonic() + 120  # whatever happens to the test
    while not switch.stopped and time.monotonic() < deadline:
        if switch.trickling:
            for sock in sockets:
                sock.sendall(b" ")  # whitespace: the body stays valid JSON so far
        time.sleep(0.05)
    alive = 0
    for sock in sockets:
        try:
            sock.sendall(b" ")
            alive += 1
        except OSError:
            pass
        sock.close()
    return alive


if __name__ == "__main__":
    switch = Switch()
    signal.signal(signal.SIGUSR1, switch.toggle)
    signal.signal(signal.SIGUSR2, switch.stop)
    port, connections = int(sys.argv[1]), int(sys.argv[2])
    print(f"done {trickle(port, connections, switch)}", flush=True)
