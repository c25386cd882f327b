"""Parameters named like special values (request, response, ...) but typed otherwise; keywords."""

from typing import Annotated

from fastapi import FastAPI, Query, Request, Response

app = FastAPI()


@app.get("/named")
def named(request: int, response: str = "r", background_tasks: bool = False) -> list[object]:
    return [request, response, background_tasks]


@app.get("/keyword")
def keyword(
    from_: Annotated[str, Query(alias="from")], class_: Annotated[int, Query(alias="class")] = 0
) -> list[object]:
    return [from_, class_]


@app.get("/typed-odd-names")
def typed_odd_names(req: Request, resp: Response, item_id: int = 1) -> dict[str, object]:
    resp.headers["X-Path"] = req.url.path
    return {"item_id": item_id}


CASES = [
    ("named", "GET", "/named?request=3&response=x&background_tasks=true"),
    ("named-missing", "GET", "/named"),
    ("keyword", "GET", "/keyword?from=a&class=2"),
    ("keyword-missing", "GET", "/keyword?from_=a"),
    ("typed-odd-names", "GET", "/typed-odd-names?item_id=5"),
]
