"""Path templates with several parameters in one segment, suffixes and convertors."""

from uuid import UUID

from fastapi import FastAPI

app = FastAPI()


@app.get("/files/{name}.{ext}")
def file(name: str, ext: str) -> list[str]:
    return [name, ext]


@app.get("/items/{item_id}.json")
def item_json(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}


@app.get("/range/{start}-{end}")
def range_(start: int, end: int) -> list[int]:
    return list(range(start, end))


@app.get("/users/{user_id:int}/posts/{post_id:uuid}")
def post(user_id: int, post_id: UUID) -> list[object]:
    return [user_id, post_id]


@app.get("/scale/{factor:float}")
def scale(factor: float) -> float:
    return factor * 2


@app.get("/str/{s:str}/end")
def str_conv(s: str) -> str:
    return s


CASES = [
    ("file", "GET", "/files/report.pdf"),
    ("file-two-dots", "GET", "/files/a.b.c"),
    ("item-json", "GET", "/items/3.json"),
    ("item-json-bad", "GET", "/items/x.json"),
    ("item-no-suffix", "GET", "/items/3"),
    ("range", "GET", "/range/2-5"),
    ("range-negative", "GET", "/range/-1-2"),
    ("range-bad", "GET", "/range/a-b"),
    ("post", "GET", "/users/7/posts/12345678-1234-5678-1234-567812345678"),
    ("post-bad-uuid", "GET", "/users/7/posts/nope"),
    ("scale", "GET", "/scale/1.5"),
    ("scale-int-text", "GET", "/scale/2"),
    ("str-conv", "GET", "/str/a b/end"),
]
