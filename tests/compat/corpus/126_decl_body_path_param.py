"""Declaration error: a Body() parameter named like a path parameter."""

from fastapi import Body, FastAPI

app = FastAPI()


@app.put("/items/{item_id}")
def update(item_id: int = Body()) -> int:
    return item_id


DECLARATION_ERROR = True
