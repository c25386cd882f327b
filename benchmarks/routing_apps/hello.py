"""Hello: the smallest JSON endpoint, as in FastAPI's first tutorial step."""

# No return annotation on purpose: in FastAPI one would add a response model.
# mypy: disable-error-code="no-untyped-def"

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
async def hello():
    return {"message": "Hello World"}
