"""Dependencies and endpoints using Request: headers, query, client, state, the raw body."""

from typing import Annotated

from fastapi import Depends, FastAPI, Request

app = FastAPI()


async def request_info(request: Request) -> dict[str, object]:
    request.state.seen = True
    return {
        "method": request.method,
        "path": request.url.path,
        "query": dict(request.query_params),
        "agent": request.headers.get("user-agent"),
        "client_host": request.client.host if request.client else None,
        "path_params": request.path_params,
    }


async def raw_body(request: Request) -> bytes:
    return await request.body()


@app.api_route("/info/{part}", methods=["GET", "POST"])
async def info(
    part: str, data: Annotated[dict[str, object], Depends(request_info)], request: Request
) -> dict[str, object]:
    return {**data, "state_seen": request.state.seen, "part": part}


@app.post("/body")
async def body(raw: Annotated[bytes, Depends(raw_body)], request: Request) -> dict[str, object]:
    again = await request.body()
    return {"raw": raw.decode("latin-1"), "same": raw == again}


@app.post("/json-and-model")
async def json_and_model(payload: dict[str, int], request: Request) -> dict[str, object]:
    return {"payload": payload, "json": await request.json()}


CASES = [
    ("info", "GET", "/info/x?a=1&b=2"),
    ("info-post", "POST", "/info/y", {"headers": {"User-Agent": "agent/2"}}),
    ("body", "POST", "/body", {"content": b"raw \xff bytes"}),
    ("json-and-model", "POST", "/json-and-model", {"json": {"a": 1}}),
    ("json-and-model-bad", "POST", "/json-and-model", {"json": {"a": "x"}}),
]
