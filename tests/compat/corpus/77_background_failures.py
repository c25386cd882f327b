"""A failing background task: the response is already sent; the exception reaches the server."""

from fastapi import BackgroundTasks, FastAPI

app = FastAPI()
LOG: list[str] = []


def ok_task(name: str) -> None:
    LOG.append(name)


def failing_task() -> None:
    raise ValueError("task failed")


@app.post("/fails")
def fails(background_tasks: BackgroundTasks) -> str:
    background_tasks.add_task(ok_task, "before")
    background_tasks.add_task(failing_task)
    background_tasks.add_task(ok_task, "after")
    return "accepted"


@app.get("/log")
def log() -> list[str]:
    copy = list(LOG)
    LOG.clear()
    return copy


CASES = [
    ("fails", "POST", "/fails"),
    ("log", "GET", "/log"),
    ("fails-raises", "POST", "/fails", {"raises": True}),
    ("log-after-raise", "GET", "/log"),
]
