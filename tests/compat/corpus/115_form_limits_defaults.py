"""Malformed form bodies: bad multipart data, no boundary, a part without a name."""

from typing import Annotated

from fastapi import FastAPI, Form, UploadFile

app = FastAPI()


@app.post("/big")
def big(x: Annotated[str, Form()] = "", f: UploadFile | None = None) -> int:
    return len(x)


CASES = [
    (
        "garbage",
        "POST",
        "/big",
        {"content": b"garbage", "headers": {"content-type": "multipart/form-data; boundary=zz"}},
    ),
    (
        "no-boundary",
        "POST",
        "/big",
        {"content": b"garbage", "headers": {"content-type": "multipart/form-data"}},
    ),
    (
        "no-name",
        "POST",
        "/big",
        {
            "content": b"--zz\r\nContent-Disposition: form-data\r\n\r\nv\r\n--zz--\r\n",
            "headers": {"content-type": "multipart/form-data; boundary=zz"},
        },
    ),
    (
        "empty-multipart",
        "POST",
        "/big",
        {"content": b"--zz--\r\n", "headers": {"content-type": "multipart/form-data; boundary=zz"}},
    ),
    (
        "urlencoded-bad-escape",
        "POST",
        "/big",
        {
            "content": b"x=%zz&x=%41",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
]
