"""Declaration error: a return annotation that is not a valid response field."""

from fastapi import FastAPI
from fastapi.responses import Response

app = FastAPI()


@app.get("/x")
def x() -> Response | dict[str, int]:
    return {"a": 1}


DECLARATION_ERROR = True
