"""Two background tasks, one sync and one async (Litestar twin of `routing_apps/tasks.py`)."""

# Litestar is installed only in the bench session (the types session checks without it).
# mypy: disable-error-code="import-not-found,untyped-decorator"

from litestar import Litestar, Response, post
from litestar.background_tasks import BackgroundTask, BackgroundTasks

EVENTS: list[str] = []


def write_log(message: str) -> None:
    EVENTS.append(f"log {message}")


async def send_email(address: str, *, subject: str) -> None:
    EVENTS.append(f"email {address} {subject}")


@post("/notify/{email:str}", status_code=200)
async def notify(email: str) -> Response[dict[str, str]]:
    tasks = BackgroundTasks(
        [
            BackgroundTask(write_log, f"notified {email}"),
            BackgroundTask(send_email, email, subject="Welcome"),
        ]
    )
    return Response({"message": "Notification sent"}, background=tasks)


app = Litestar([notify])
