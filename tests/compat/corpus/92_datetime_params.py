"""Dates, times and durations as query parameters and in bodies; their errors."""

import datetime

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Event(BaseModel):
    at: datetime.datetime
    day: datetime.date | None = None
    length: datetime.timedelta | None = None


@app.get("/when")
def when(
    d: datetime.date,
    t: datetime.time | None = None,
    dt: datetime.datetime | None = None,
    span: datetime.timedelta | None = None,
) -> dict[str, object]:
    return {"d": d, "t": t, "dt": dt, "span": span}


@app.post("/event")
def event(e: Event) -> Event:
    return e


CASES = [
    ("date", "GET", "/when?d=2024-02-29"),
    ("all", "GET", "/when?d=2024-01-01&t=10:20:30.5&dt=2024-01-01T10:00:00%2B02:00&span=P1DT2H"),
    ("bad-date", "GET", "/when?d=2023-02-29"),
    ("date-as-timestamp", "GET", "/when?d=1700000000"),
    ("bad-time", "GET", "/when?d=2024-01-01&t=25:00"),
    ("span-seconds", "GET", "/when?d=2024-01-01&span=90"),
    (
        "event",
        "POST",
        "/event",
        {"json": {"at": "2024-01-01T00:00:00Z", "day": "2024-01-02", "length": 3600}},
    ),
    ("event-unix", "POST", "/event", {"json": {"at": 0}}),
    ("event-bad", "POST", "/event", {"json": {"at": "yesterday", "day": "soon", "length": "long"}}),
]
