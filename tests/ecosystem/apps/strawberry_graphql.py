"""strawberry-graphql's FastAPI integration: `GraphQLRouter` with a context getter
taking a dependency, queries (POST, GET), errors, a mutation adding a background task,
GraphiQL, a subscription over graphql-transport-ws, and the document."""

import asyncio
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from _report import observe, report
from fastapi import Depends, FastAPI, Header
from fastapi.testclient import TestClient
from strawberry.fastapi import BaseContext, GraphQLRouter
from strawberry.types import Info

LOG: list[str] = []


def current_user(x_user: Annotated[str, Header()] = "anon") -> str:
    return x_user


class Context(BaseContext):
    def __init__(self, user: str) -> None:
        super().__init__()
        self.user = user


async def get_context(user: Annotated[str, Depends(current_user)]) -> Context:
    return Context(user)


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, info: Info, name: str = "world") -> str:
        return f"hello {name} from {info.context.user}"

    @strawberry.field
    def log(self) -> list[str]:
        return LOG

    @strawberry.field
    def boom(self) -> int:
        raise ValueError("boom")


@strawberry.type
class Mutation:
    @strawberry.mutation
    def add(self, info: Info, message: str) -> bool:
        info.context.background_tasks.add_task(LOG.append, message)
        return True


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def count(self, target: int = 3) -> AsyncGenerator[int, None]:
        for i in range(target):
            yield i
            await asyncio.sleep(0)


schema = strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription)
app = FastAPI()
app.include_router(GraphQLRouter(schema, context_getter=get_context), prefix="/graphql")

client = TestClient(app)
observations = {
    "query": observe(
        client.post("/graphql", json={"query": '{ hello(name: "x") }'}, headers={"x-user": "bob"})
    ),
    "get": observe(client.get("/graphql", params={"query": "{ hello }"})),
    "graphiql": client.get("/graphql", headers={"accept": "text/html"}).status_code,
    "error": observe(client.post("/graphql", json={"query": "{ boom }"})),
    "not json": observe(
        client.post("/graphql", content=b"{", headers={"content-type": "application/json"})
    ),
    "mutation": observe(client.post("/graphql", json={"query": 'mutation { add(message: "m1") }'})),
    "log": observe(client.post("/graphql", json={"query": "{ log }"})),
    "mutation by get": observe(
        client.get("/graphql", params={"query": 'mutation { add(message: "m2") }'})
    ),
}
with client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
    ws.send_json({"type": "connection_init"})
    messages = [ws.receive_json()]
    ws.send_json(
        {"type": "subscribe", "id": "1", "payload": {"query": "subscription { count(target: 2) }"}}
    )
    messages += [ws.receive_json() for _ in range(3)]
observations["subscription"] = messages
observations["openapi"] = client.get("/openapi.json").text
report(observations)
