"""A `def` endpoint, run in the thread pool."""

# No return annotation on purpose: in FastAPI one would add a response model.
# mypy: disable-error-code="no-untyped-def"

from fastapi import FastAPI

app = FastAPI()


@app.get("/sync")
def hello_sync():
    return {"message": "Hello World"}
