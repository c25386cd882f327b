"""max_body_size with forms and uploads: multipart overhead counts; the endpoint does not run."""

from typing import Annotated

from fastapi import FastAPI, File, Form, UploadFile

app = FastAPI()
ran: list[str] = []


@app.post("/upload", max_body_size=300)
async def upload(f: UploadFile, note: Annotated[str, Form()] = "") -> dict[str, object]:
    ran.append("upload")
    return {"size": f.size, "note": note}


@app.post("/bytes", max_body_size=50)
def as_bytes(f: Annotated[bytes, File()]) -> int:
    ran.append("bytes")
    return len(f)


@app.post("/form", max_body_size=20)
def form(a: Annotated[str, Form()]) -> str:
    ran.append("form")
    return a


@app.get("/ran")
def what_ran() -> list[str]:
    return ran


CASES = [
    ("upload-small", "POST", "/upload", {"files": {"f": ("a.txt", b"xxxxxxxxxx")}}),
    (
        "upload-over",
        "POST",
        "/upload",
        {
            "files": {
                "f": (
                    "a.txt",
                    (
                        b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                        b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                        b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                        b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                        b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    ),
                )
            }
        },
    ),
    (
        "upload-overhead",
        "POST",
        "/upload",
        {
            "data": {
                "note": (
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                )
            },
            "files": {
                "f": (
                    "a.txt",
                    (
                        b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                        b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    ),
                )
            },
        },
    ),
    ("bytes-over", "POST", "/bytes", {"files": {"f": ("a.txt", b"xxxxxxxxxx")}}),
    ("form-ok", "POST", "/form", {"data": {"a": "xxxxxxxxxx"}}),
    ("form-over", "POST", "/form", {"data": {"a": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}}),
    (
        "form-streamed-over",
        "POST",
        "/form",
        {
            "content": [b"a=xxxxxxxxxx", b"xxxxxxxxxxxxx"],
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ),
    ("what-ran", "GET", "/ran"),
]
