"""HTTPException with string, dict and list details, headers, and starlette's own."""

from fastapi import FastAPI, HTTPException
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()


@app.get("/str")
def detail_str() -> None:
    raise HTTPException(status_code=404, detail="Item not found")


@app.get("/dict")
async def detail_dict() -> None:
    raise HTTPException(status_code=409, detail={"code": "conflict", "ids": [1, 2]})


@app.get("/list")
def detail_list() -> None:
    raise HTTPException(status_code=400, detail=["a", {"b": None}])


@app.get("/headers")
def with_headers() -> None:
    raise HTTPException(
        status_code=401, detail="Not authenticated", headers={"WWW-Authenticate": "Bearer"}
    )


@app.get("/no-detail")
def no_detail() -> None:
    raise HTTPException(status_code=403)


@app.get("/no-detail-418")
def no_detail_418() -> None:
    raise HTTPException(status_code=418)


@app.get("/starlette")
def starlette_exc() -> None:
    raise StarletteHTTPException(status_code=410, detail="gone")


@app.get("/204")
def no_content() -> None:
    raise HTTPException(status_code=204)


@app.get("/304")
def not_modified() -> None:
    raise HTTPException(status_code=304, headers={"ETag": '"abc"'})


@app.get("/none-detail")
def none_detail() -> None:
    raise HTTPException(status_code=400, detail=None)


@app.get("/int-detail")
def int_detail() -> None:
    raise HTTPException(status_code=400, detail=5)


CASES = [
    ("str", "GET", "/str"),
    ("dict", "GET", "/dict"),
    ("list", "GET", "/list"),
    ("headers", "GET", "/headers"),
    ("no-detail", "GET", "/no-detail"),
    ("no-detail-418", "GET", "/no-detail-418"),
    ("starlette", "GET", "/starlette"),
    ("204", "GET", "/204"),
    ("304", "GET", "/304"),
    ("none-detail", "GET", "/none-detail"),
    ("int-detail", "GET", "/int-detail"),
    ("str-raise-mode", "GET", "/str", {"raises": True}),
]
