"""Path parameters: UUID, Enum, bool, the path converter and declared converters."""

from enum import Enum
from uuid import UUID

from fastapi import FastAPI

app = FastAPI()


class Color(str, Enum):  # noqa: UP042 (the pattern FastAPI documents)
    red = "red"
    green = "green"


class Level(int, Enum):
    low = 1
    high = 2


@app.get("/uuids/{key}")
def read_uuid(key: UUID) -> dict[str, object]:
    return {"key": key, "version": key.version}


@app.get("/colors/{color}")
def read_color(color: Color) -> dict[str, object]:
    return {"color": color, "is_red": color is Color.red}


@app.get("/levels/{level}")
def read_level(level: Level) -> Level:
    return level


@app.get("/flags/{flag}")
def read_flag(flag: bool) -> bool:
    return flag


@app.get("/files/{file_path:path}")
def read_file(file_path: str) -> dict[str, str]:
    return {"file_path": file_path}


@app.get("/conv/{n:int}")
def read_converted(n: int) -> int:
    return n * 2


CASES = [
    ("uuid", "GET", "/uuids/12345678-1234-5678-1234-567812345678"),
    ("uuid-hex", "GET", "/uuids/12345678123456781234567812345678"),
    ("uuid-upper", "GET", "/uuids/A2345678-1234-4678-9234-567812345678"),
    ("uuid-bad", "GET", "/uuids/not-a-uuid"),
    ("uuid-short", "GET", "/uuids/1234"),
    ("enum", "GET", "/colors/green"),
    ("enum-bad", "GET", "/colors/blue"),
    ("enum-case", "GET", "/colors/RED"),
    ("int-enum", "GET", "/levels/2"),
    ("int-enum-bad", "GET", "/levels/3"),
    ("int-enum-word", "GET", "/levels/high"),
    ("bool-true", "GET", "/flags/true"),
    ("bool-yes", "GET", "/flags/yes"),
    ("bool-0", "GET", "/flags/0"),
    ("bool-off", "GET", "/flags/off"),
    ("bool-bad", "GET", "/flags/maybe"),
    ("path-deep", "GET", "/files/a/b/c.txt"),
    ("path-leading-slash", "GET", "/files//etc/passwd"),
    ("path-empty", "GET", "/files/"),
    ("conv-int", "GET", "/conv/21"),
    ("conv-not-int", "GET", "/conv/x"),
    ("conv-negative", "GET", "/conv/-1"),
]
