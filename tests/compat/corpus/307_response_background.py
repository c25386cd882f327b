"""A returned response's own background task versus BackgroundTasks injected in the endpoint."""

from fastapi import BackgroundTasks, FastAPI
from fastapi.responses import JSONResponse
from starlette.background import BackgroundTask

app = FastAPI()
LOG: list[str] = []


@app.get("/own-background")
def own_background(background_tasks: BackgroundTasks) -> JSONResponse:
    background_tasks.add_task(LOG.append, "injected")
    return JSONResponse({"ok": True}, background=BackgroundTask(LOG.append, "own"))


@app.get("/injected-only")
def injected_only(background_tasks: BackgroundTasks) -> JSONResponse:
    background_tasks.add_task(LOG.append, "injected only")
    return JSONResponse({"ok": True})


@app.get("/status-wins", status_code=201)
def status_wins() -> JSONResponse:
    return JSONResponse({"returned": 202}, status_code=202)


@app.get("/log")
def log() -> list[str]:
    copy = list(LOG)
    LOG.clear()
    return copy


CASES = [
    ("own-background", "GET", "/own-background"),
    ("log-1", "GET", "/log"),
    ("injected-only", "GET", "/injected-only"),
    ("log-2", "GET", "/log"),
    ("status-wins", "GET", "/status-wins"),
]
