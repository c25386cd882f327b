"""Edges real apps and extensions hit: a falsy `response_model` and `-> None` mean no
response field (the value is sent as returned); Starlette's own `BackgroundTasks` as a
parameter annotation is injected (strawberry, older apps); a parameter declaration's
`alias` is also its validation and serialization alias, as pydantic's `Field()`."""

from typing import Annotated, Any

from fastapi import Body, FastAPI, Query
from starlette.background import BackgroundTasks

app = FastAPI()
ran: list[str] = []


@app.get("/empty-model", response_model={})
def empty_model() -> Any:
    return {"a": 1}


@app.get("/returns-none-annotated")
def annotated_none() -> None:
    return {"a": 1}  # type: ignore[return-value]


@app.get("/starlette-tasks")
def starlette_tasks(tasks: BackgroundTasks) -> dict[str, bool]:
    tasks.add_task(ran.append, "ran")
    return {"has_add_task": hasattr(tasks, "add_task")}


@app.get("/ran")
def read_ran() -> list[str]:
    return ran


@app.get("/aliases")
def aliases(q: Annotated[str, Query(alias="x")]) -> dict[str, Any]:
    declared = Query(alias="x")
    body = Body(alias="y", validation_alias="v")
    return {
        "q": q,
        "query": [declared.alias, declared.validation_alias, declared.serialization_alias],
        "body": [body.alias, body.validation_alias, body.serialization_alias],
        "priority": declared.alias_priority,
    }


@app.post("/body-alias")
def body_alias(value: Annotated[int, Body(alias="v", embed=True)]) -> int:
    return value


CASES = [
    ("empty-model", "GET", "/empty-model"),
    ("none-annotated", "GET", "/returns-none-annotated"),
    ("starlette-tasks", "GET", "/starlette-tasks"),
    ("tasks-ran", "GET", "/ran"),
    ("aliases", "GET", "/aliases?x=1"),
    ("body-alias", "POST", "/body-alias", {"json": {"v": 3}}),
    ("body-alias-wrong-key", "POST", "/body-alias", {"json": {"value": 3}}),
    ("openapi", "GET", "/openapi.json"),
]
