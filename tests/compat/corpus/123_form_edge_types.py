"""Edge types in forms: bytes and str from File()/Form(), a Body() model in a form route,
dict and set fields, and a sync endpoint reading an UploadFile's file."""

from typing import Annotated, Any

from fastapi import Body, FastAPI, File, Form, UploadFile
from pydantic import BaseModel

app = FastAPI()


class Meta(BaseModel):
    a: int


@app.post("/bytes-form")
def bytes_form(data: Annotated[bytes, Form()]) -> int:
    return len(data)


@app.post("/str-file")
def str_file(data: Annotated[str, File()]) -> str:
    return data


@app.post("/body-model")
def body_model(name: Annotated[str, Form()], meta: Annotated[Meta | None, Body()] = None) -> Any:
    return {"name": name, "meta": meta}


@app.post("/set")
def set_field(tags: Annotated[set[str], Form()]) -> list[str]:
    return sorted(tags)


@app.post("/sync")
def sync(f: UploadFile) -> dict[str, object]:
    return {"content": f.file.read().decode(), "name": f.filename}


@app.post("/alias-choices")
def alias_choices(
    value: Annotated[str, Form(validation_alias="v")],
    other: Annotated[int, Form(alias="o", ge=2)] = 2,
) -> dict[str, object]:
    return {"value": value, "other": other}


CASES = [
    ("bytes-form-field", "POST", "/bytes-form", {"data": {"data": "abc"}}),
    ("bytes-form-file", "POST", "/bytes-form", {"files": {"data": ("d", b"abcd")}}),
    ("str-file-field", "POST", "/str-file", {"data": {"data": "text"}}),
    ("str-file-file", "POST", "/str-file", {"files": {"data": ("d", b"abcd")}}),
    ("body-model-absent", "POST", "/body-model", {"data": {"name": "n"}}),
    ("body-model-string", "POST", "/body-model", {"data": {"name": "n", "meta": '{"a": 1}'}}),
    ("set", "POST", "/set", {"data": {"tags": ["b", "a", "b"]}}),
    ("sync", "POST", "/sync", {"files": {"f": ("s.txt", b"sync")}}),
    ("alias", "POST", "/alias-choices", {"data": {"v": "x", "o": "3"}}),
    ("alias-wrong", "POST", "/alias-choices", {"data": {"value": "x", "o": "1"}}),
]
