"""A small in-memory CRUD app, as tutorials write them: create, read, update, delete, list."""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field


class TodoIn(BaseModel):
    title: str = Field(min_length=1, max_length=20)
    done: bool = False


class Todo(TodoIn):
    id: int


class TodoPatch(BaseModel):
    title: str | None = None
    done: bool | None = None


DB: dict[int, Todo] = {}
app = FastAPI()


def get_todo(todo_id: int) -> Todo:
    if todo_id not in DB:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Todo {todo_id} not found")
    return DB[todo_id]


@app.post("/todos", status_code=status.HTTP_201_CREATED)
def create(todo: TodoIn) -> Todo:
    new = Todo(id=len(DB) + 1, **todo.model_dump())
    DB[new.id] = new
    return new


@app.get("/todos")
def list_todos(
    done: bool | None = None, limit: Annotated[int, Query(ge=1, le=10)] = 10
) -> list[Todo]:
    todos = [t for t in DB.values() if done is None or t.done == done]
    return todos[:limit]


@app.get("/todos/{todo_id}")
def read(todo: Annotated[Todo, Depends(get_todo)]) -> Todo:
    return todo


@app.patch("/todos/{todo_id}")
def patch(todo: Annotated[Todo, Depends(get_todo)], changes: TodoPatch) -> Todo:
    updated = todo.model_copy(update=changes.model_dump(exclude_unset=True))
    DB[todo.id] = updated
    return updated


@app.put("/todos/{todo_id}", response_model=Todo, responses={201: {"model": Todo}})
def upsert(todo_id: int, todo: TodoIn) -> Todo | JSONResponse:
    existed = todo_id in DB
    DB[todo_id] = Todo(id=todo_id, **todo.model_dump())
    if existed:
        return DB[todo_id]
    return JSONResponse(DB[todo_id].model_dump(), status_code=201)


@app.delete("/todos/{todo_id}", status_code=204)
def delete(todo: Annotated[Todo, Depends(get_todo)]) -> None:
    del DB[todo.id]


CASES = [
    ("create-1", "POST", "/todos", {"json": {"title": "write corpus"}}),
    ("create-2", "POST", "/todos", {"json": {"title": "land it", "done": True}}),
    ("create-empty-title", "POST", "/todos", {"json": {"title": ""}}),
    ("list", "GET", "/todos"),
    ("list-done", "GET", "/todos?done=true"),
    ("list-limit-bad", "GET", "/todos?limit=0"),
    ("read", "GET", "/todos/1"),
    ("read-missing", "GET", "/todos/99"),
    ("read-bad-id", "GET", "/todos/one"),
    ("patch", "PATCH", "/todos/1", {"json": {"done": True}}),
    ("patch-bad", "PATCH", "/todos/1", {"json": {"done": "perhaps"}}),
    ("patch-missing", "PATCH", "/todos/42", {"json": {}}),
    ("upsert-new", "PUT", "/todos/7", {"json": {"title": "new"}}),
    ("upsert-existing", "PUT", "/todos/7", {"json": {"title": "again"}}),
    ("delete", "DELETE", "/todos/1"),
    ("delete-again", "DELETE", "/todos/1"),
    ("list-after", "GET", "/todos"),
]
