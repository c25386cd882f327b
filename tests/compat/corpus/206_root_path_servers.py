"""The document served behind a proxy: root_path added to the servers, docs URLs."""

from fastapi import FastAPI

app = FastAPI(servers=[{"url": "https://other.example.com"}])


@app.get("/ping")
def ping() -> str:
    return "pong"


CLIENT = {"root_path": "/proxy"}
CASES = [
    ("openapi", "GET", "/openapi.json"),
    ("docs", "GET", "/docs"),
    ("redoc", "GET", "/redoc"),
]
