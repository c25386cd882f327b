"""Uploaded files stay open for background tasks and yield dependencies, closed afterwards."""

from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, UploadFile

app = FastAPI()
log: list[object] = []


async def keep(f: UploadFile):  # type: ignore[no-untyped-def]
    yield f
    log.append(["teardown", f.file.closed, (await f.read()).decode()])


@app.post("/upload")
async def upload(
    f: Annotated[UploadFile, Depends(keep)], tasks: BackgroundTasks
) -> dict[str, object]:
    first = await f.read()
    await f.seek(0)

    async def later() -> None:
        log.append(["task", f.file.closed, (await f.read(2)).decode()])

    tasks.add_task(later)
    log.clear()
    return {"read": first.decode(), "closed": f.file.closed}


@app.get("/log")
def read_log() -> list[object]:
    return log


CASES = [
    ("upload", "POST", "/upload", {"files": {"f": ("a.txt", b"abcdef")}}),
    ("log", "GET", "/log"),
]
