"""BackgroundTasks in endpoints and dependencies, observed by a later request."""

from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException

app = FastAPI()
LOG: list[str] = []


def write_log(message: str, suffix: str = "") -> None:
    LOG.append(message + suffix)


async def async_write(message: str) -> None:
    LOG.append(f"async {message}")


def dep_task(background_tasks: BackgroundTasks, q: str | None = None) -> str | None:
    if q:
        background_tasks.add_task(write_log, f"dep q={q}")
    return q


@app.post("/send/{email}", status_code=202)
def send(
    email: str, background_tasks: BackgroundTasks, q: Annotated[str | None, Depends(dep_task)]
) -> dict[str, str]:
    background_tasks.add_task(write_log, f"sent to {email}", suffix="!")
    background_tasks.add_task(async_write, email)
    return {"message": "queued"}


@app.post("/fails")
def fails(background_tasks: BackgroundTasks) -> None:
    background_tasks.add_task(write_log, "never")
    raise HTTPException(400, "no tasks run")


@app.get("/log")
def log() -> list[str]:
    copy = list(LOG)
    LOG.clear()
    return copy


CASES = [
    ("send", "POST", "/send/ada@example.com?q=hi"),
    ("log", "GET", "/log"),
    ("fails", "POST", "/fails"),
    ("log-after-failure", "GET", "/log"),
    ("send-no-q", "POST", "/send/bob"),
    ("log-again", "GET", "/log"),
]
