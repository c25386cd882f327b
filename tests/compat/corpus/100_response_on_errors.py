"""What a Response parameter's headers and background tasks become when the request fails."""

from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException, Response

app = FastAPI()
LOG: list[str] = []


def tagging(response: Response, background_tasks: BackgroundTasks) -> None:
    response.headers["X-Tag"] = "from dependency"
    response.set_cookie("seen", "1")
    background_tasks.add_task(LOG.append, "dependency task")


@app.get("/fails", dependencies=[Depends(tagging)])
def fails() -> None:
    raise HTTPException(400, "failed", headers={"X-Error": "1"})


@app.get("/ok", dependencies=[Depends(tagging)])
def ok(response: Response) -> str:
    response.status_code = 202
    return "ok"


@app.get("/invalid", dependencies=[Depends(tagging)])
def invalid(n: Annotated[int, Depends(lambda n: n)]) -> int:
    return n


@app.get("/log")
def log() -> list[str]:
    copy = list(LOG)
    LOG.clear()
    return copy


CASES = [
    ("fails", "GET", "/fails"),
    ("log-after-fail", "GET", "/log"),
    ("ok", "GET", "/ok"),
    ("log-after-ok", "GET", "/log"),
    ("invalid", "GET", "/invalid?n=x"),
    ("invalid-raises", "GET", "/invalid?n=x", {"raises": True}),
    ("log-after-invalid", "GET", "/log"),
]
