"""Two background tasks, one sync (thread pool) and one async."""

# No return annotation on purpose: in FastAPI one would add a response model.
# mypy: disable-error-code="no-untyped-def"

from fastapi import BackgroundTasks, FastAPI

EVENTS: list[str] = []


def write_log(message: str) -> None:
    EVENTS.append(f"log {message}")


async def send_email(address: str, *, subject: str) -> None:
    EVENTS.append(f"email {address} {subject}")


app = FastAPI()


@app.post("/notify/{email}")
async def notify(email: str, background_tasks: BackgroundTasks):
    background_tasks.add_task(write_log, f"notified {email}")
    background_tasks.add_task(send_email, email, subject="Welcome")
    return {"message": "Notification sent"}
