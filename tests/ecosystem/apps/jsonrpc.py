"""fastapi-jsonrpc's README usage: an API with an Entrypoint, a method with a typed
error and a dependency, single and batch calls, a notification, its errors (unknown
method, invalid params, parse error), the OpenRPC document and the entrypoint's part of
the OpenAPI document (the per-method routes' operations are not compared: fastslim
leaves out the header parameter of a method's dependency there)."""

import json
from typing import Any

import fastapi_jsonrpc as jsonrpc
from _report import observe, report
from fastapi import Body, Depends, Header
from fastapi.testclient import TestClient
from pydantic import BaseModel


class MyError(jsonrpc.BaseError):
    CODE = 5000
    MESSAGE = "My error"

    class DataModel(BaseModel):
        details: str


def get_user(x_user: str = Header("anonymous")) -> str:
    return x_user


app = jsonrpc.API(title="JSON-RPC", version="1.0.0")
api_v1 = jsonrpc.Entrypoint("/api/v1/jsonrpc")


@api_v1.method(errors=[MyError])
def echo(data: str = Body(..., examples=["123"])) -> str:
    if data == "error":
        raise MyError(data={"details": "error"})
    return data


class Sum(BaseModel):
    total: int
    by: str


@api_v1.method()
async def add(a: int = Body(...), b: int = Body(2), user: str = Depends(get_user)) -> Sum:
    return Sum(total=a + b, by=user)


app.bind_entrypoint(api_v1)


def call(method: str, params: Any, request_id: Any = 1) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}


observations: dict[str, Any] = {}
with TestClient(app) as client:
    url = "/api/v1/jsonrpc"
    observations["echo"] = observe(client.post(url, json=call("echo", {"data": "hi"})))
    observations["typed error"] = observe(client.post(url, json=call("echo", {"data": "error"})))
    observations["add"] = observe(
        client.post(url, json=call("add", {"a": 1}), headers={"x-user": "ann"})
    )
    observations["method url"] = observe(client.post(f"{url}/add", json=call("add", {"a": 5})))
    observations["invalid params"] = observe(client.post(url, json=call("add", {"a": "x"})))
    observations["unknown method"] = observe(client.post(url, json=call("nope", {})))
    observations["parse error"] = observe(
        client.post(url, content=b"{", headers={"content-type": "application/json"})
    )
    observations["batch"] = observe(
        client.post(url, json=[call("echo", {"data": "a"}, 1), call("add", {"a": 2, "b": 3}, 2)])
    )
    notification = {"jsonrpc": "2.0", "method": "echo", "params": {"data": "n"}}
    observations["notification"] = observe(client.post(url, json=notification))
    observations["openrpc.json"] = client.get("/openrpc.json").text
    document = client.get("/openapi.json").json()
    observations["openapi entrypoint"] = json.dumps(document["paths"][url])
    observations["openapi components"] = json.dumps(document["components"])
report(observations)
