"""max_body_size on the app and on routes: Content-Length past the limit, streamed bytes past it."""

from typing import Annotated

from fastapi import Body, FastAPI, Request

app = FastAPI(max_body_size=10)
ran: list[str] = []


@app.post("/app")
def at_app(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


@app.post("/r5", max_body_size=5)
def route_5(b: Annotated[str, Body()] = "") -> int:
    return len(b)


@app.put("/r100", max_body_size=100)
def route_100(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


@app.api_route("/r0", methods=["POST", "PATCH"], max_body_size=0)
def route_0(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


@app.post("/raw", max_body_size=20)
async def raw(request: Request) -> int:
    return len(await request.body())


@app.post("/nobody")
def nobody() -> str:
    ran.append("nobody")
    return "ran"


@app.get("/ran")
def what_ran() -> list[str]:
    return ran


CASES = [
    (
        "app-at-limit",
        "POST",
        "/app",
        {"content": b"0123456789", "headers": {"content-type": "text/plain"}},
    ),
    (
        "app-over",
        "POST",
        "/app",
        {"content": b"0123456789a", "headers": {"content-type": "text/plain"}},
    ),
    (
        "app-streamed-over",
        "POST",
        "/app",
        {"content": [b"012345", b"678901"], "headers": {"content-type": "text/plain"}},
    ),
    (
        "route-5-json",
        "POST",
        "/r5",
        {"content": b'"1234"', "headers": {"content-type": "application/json"}},
    ),
    (
        "route-5-at",
        "POST",
        "/r5",
        {"content": b'"123"', "headers": {"content-type": "application/json"}},
    ),
    (
        "route-100-over-app",
        "PUT",
        "/r100",
        {
            "content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "route-100-over",
        "PUT",
        "/r100",
        {
            "content": (
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            ),
            "headers": {"content-type": "text/plain"},
        },
    ),
    ("route-0-empty", "POST", "/r0"),
    ("route-0-one", "PATCH", "/r0", {"content": b"x"}),
    ("raw-streamed", "POST", "/raw", {"content": [b"xxxxxxxxxxxxxxx", b"xxxxxxxxxxxxxxx"]}),
    ("raw-streamed-ok", "POST", "/raw", {"content": [b"xxxxxxxxxx", b"xxxxxxxxxx"]}),
    (
        "raw-more-than-declared",
        "POST",
        "/raw",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-length": "15"}},
    ),
    (
        "query-and-headers-free",
        "POST",
        "/app",
        {
            "params": {
                "q": (
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                )
            },
            "headers": {
                "x-big": (
                    "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
                    "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
                )
            },
        },
    ),
    (
        "bodyless-route-over",
        "POST",
        "/nobody",
        {"content": b"xxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "bodyless-route-streamed",
        "POST",
        "/nobody",
        {"content": [b"xxxxxxxxxxx"], "headers": {"content-type": "text/plain"}},
    ),
    ("what-ran", "GET", "/ran"),
]
