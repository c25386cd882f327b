"""Telemetry is inert without a provider: no data for the request, nothing changes."""

from fastapi import FastAPI
from fastapi.telemetry import get_telemetry_data

app = FastAPI()


@app.get("/")
def root() -> str:
    return repr(get_telemetry_data())


CASES = [
    ("root", "GET", "/"),
    ("unmatched", "GET", "/nope"),
]
