"""404 and 405 bodies and headers, Allow for several routes on one path, partial matches."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/items/{item_id}")
def get_item(item_id: int) -> int:
    return item_id


@app.delete("/items/{item_id}")
def delete_item(item_id: int) -> str:
    return "deleted"


@app.post("/items/special")
def special() -> str:
    return "special"


@app.put("/things")
def put_thing() -> str:
    return "put"


@app.get("/things")
def get_thing() -> str:
    return "got"


CASES = [
    ("404", "GET", "/nope"),
    ("404-nested", "GET", "/items/1/2"),
    ("405-allow-two", "POST", "/items/1"),
    ("405-later-full-match", "POST", "/items/special"),
    ("get-special-is-param", "GET", "/items/special"),
    ("delete", "DELETE", "/items/3"),
    ("405-things", "PATCH", "/things"),
    ("get-things-second-route", "GET", "/things"),
    ("404-head", "HEAD", "/nope"),
    ("405-head", "HEAD", "/things"),
    ("404-post-with-body", "POST", "/nope", {"json": {"a": 1}}),
]
