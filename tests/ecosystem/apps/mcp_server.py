"""fastapi-mcp: an MCP server made from the app's routes and document, mounted over
streamable HTTP, driven with JSON-RPC: initialize, tools/list (schemas from the
document), tools/call of a path+query operation and of a body operation with
invalid arguments."""

import re
from typing import Any

from _report import report
from fastapi import FastAPI, Query
from fastapi.testclient import TestClient
from fastapi_mcp import FastApiMCP
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


@app.get("/items/{item_id}", operation_id="get_item")
def get_item(item_id: int, q: str | None = Query(None, description="a query")) -> Item:
    return Item(name=f"i{item_id}{q or ''}", price=1.0)


@app.post("/items", operation_id="create_item")
def create_item(item: Item) -> Item:
    return item


FastApiMCP(app).mount_http()


def rpc(client: TestClient, headers: dict[str, str], message: dict[str, Any]) -> list[Any]:
    response = client.post("/mcp", headers=headers, json={"jsonrpc": "2.0", **message})
    return [response.status_code, response.headers.get("content-type"), response.text]


observations: dict[str, Any] = {}
with TestClient(app) as client:
    headers = {"accept": "application/json, text/event-stream"}
    hello = {"protocolVersion": "2025-03-26", "capabilities": {}, "clientInfo": {"name": "t"}}
    response = client.post(
        "/mcp",
        headers=headers,
        json={"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": hello},
    )
    observations["initialize"] = [response.status_code, response.text]
    if "mcp-session-id" in response.headers:
        headers["mcp-session-id"] = response.headers["mcp-session-id"]
    observations["initialized"] = rpc(client, headers, {"method": "notifications/initialized"})
    observations["tools"] = rpc(client, headers, {"id": 2, "method": "tools/list"})
    call = {"name": "get_item", "arguments": {"item_id": 4, "q": "z"}}
    observations["call"] = rpc(client, headers, {"id": 3, "method": "tools/call", "params": call})
    call = {"name": "create_item", "arguments": {"name": "n"}}
    observations["invalid call"] = rpc(
        client, headers, {"id": 4, "method": "tools/call", "params": call}
    )
    observations["openapi"] = client.get("/openapi.json").text
report({k: re.sub(r"[0-9a-f]{32}", "<session>", str(v)) for k, v in observations.items()})
