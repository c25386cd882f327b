"""Query parameters: bool parsing and bool defaults."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/flag")
def flag(on: bool) -> dict[str, bool]:
    return {"on": on}


@app.get("/default")
def default(on: bool = False, off: bool | None = None) -> list[object]:
    return [on, off]


CASES = [
    ("true", "GET", "/flag?on=true"),
    ("True", "GET", "/flag?on=True"),
    ("one", "GET", "/flag?on=1"),
    ("yes", "GET", "/flag?on=yes"),
    ("on", "GET", "/flag?on=on"),
    ("y", "GET", "/flag?on=y"),
    ("t", "GET", "/flag?on=t"),
    ("false", "GET", "/flag?on=false"),
    ("zero", "GET", "/flag?on=0"),
    ("no", "GET", "/flag?on=no"),
    ("off", "GET", "/flag?on=off"),
    ("FALSE", "GET", "/flag?on=FALSE"),
    ("two", "GET", "/flag?on=2"),
    ("empty", "GET", "/flag?on="),
    ("word", "GET", "/flag?on=maybe"),
    ("missing", "GET", "/flag"),
    ("default", "GET", "/default"),
    ("default-set", "GET", "/default?on=1&off=no"),
    ("default-bad", "GET", "/default?off=nah"),
]
