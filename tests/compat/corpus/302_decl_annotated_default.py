"""Declaration error: a default value set inside Annotated[..., Query(default=...)]."""

from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/")
def root(q: Annotated[str, Query(default="x")]) -> str:
    return q


DECLARATION_ERROR = True
