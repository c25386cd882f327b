"""Form models holding files, optional form models, and several form models in one route."""

from typing import Annotated

from fastapi import FastAPI, Form, UploadFile
from pydantic import BaseModel


class Upload(BaseModel):
    title: str
    document: UploadFile
    extras: list[UploadFile] = []


class Paging(BaseModel):
    page: int = 1
    size: int = 10


class Filters(BaseModel):
    q: str | None = None
    tags: list[str] = []


app = FastAPI()


@app.post("/upload")
async def upload(data: Annotated[Upload, Form()]) -> dict[str, object]:
    return {
        "title": data.title,
        "document": data.document.filename,
        "content": (await data.document.read()).decode(),
        "extras": [extra.filename for extra in data.extras],
    }


@app.post("/search")
def search(
    paging: Annotated[Paging, Form()], filters: Annotated[Filters, Form()]
) -> dict[str, object]:
    return {"paging": paging.model_dump(), "filters": filters.model_dump()}


CASES = [
    (
        "upload",
        "POST",
        "/upload",
        {
            "data": {"title": "t"},
            "files": [
                ("document", ("d.txt", b"doc")),
                ("extras", ("e1", b"1")),
                ("extras", ("e2", b"2")),
            ],
        },
    ),
    ("upload-missing-file", "POST", "/upload", {"data": {"title": "t"}}),
    ("upload-string-file", "POST", "/upload", {"data": {"title": "t", "document": "text"}}),
    ("search", "POST", "/search", {"data": {"page": "2", "q": "x", "tags": ["a", "b"]}}),
    ("search-empty", "POST", "/search"),
    ("search-invalid", "POST", "/search", {"data": {"page": "x", "size": "y"}}),
]
