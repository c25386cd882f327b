"""UploadFile and bytes file parameters: attributes, content, wrong values, missing files."""

from typing import Annotated

from fastapi import FastAPI, File, UploadFile

app = FastAPI()


@app.post("/upload")
async def upload(f: UploadFile) -> dict[str, object]:
    content = await f.read()
    return {
        "filename": f.filename,
        "content_type": f.content_type,
        "size": f.size,
        "content": content.decode(),
        "headers": sorted(f.headers.keys()),
    }


@app.post("/bytes")
def as_bytes(f: Annotated[bytes, File(description="raw")]) -> dict[str, object]:
    return {"len": len(f), "content": f.decode()}


@app.post("/annotated")
async def annotated(f: Annotated[UploadFile, File(alias="the-file")]) -> str | None:
    return f.filename


CASES = [
    ("upload", "POST", "/upload", {"files": {"f": ("a.txt", b"hello", "text/plain")}}),
    ("upload-no-type", "POST", "/upload", {"files": {"f": ("b.bin", b"\x00\x01")}}),
    ("upload-string", "POST", "/upload", {"data": {"f": "str"}}),
    ("upload-missing", "POST", "/upload", {"files": {"g": ("a.txt", b"x")}}),
    ("upload-empty-field", "POST", "/upload", {"data": {"f": ""}, "files": {"z": ("z", b"")}}),
    ("upload-no-body", "POST", "/upload"),
    ("bytes", "POST", "/bytes", {"files": {"f": ("a.txt", b"abc")}}),
    ("bytes-from-string", "POST", "/bytes", {"data": {"f": "text"}}),
    ("bytes-missing", "POST", "/bytes"),
    ("alias", "POST", "/annotated", {"files": {"the-file": ("x.png", b"png", "image/png")}}),
    ("alias-by-name", "POST", "/annotated", {"files": {"f": ("x.png", b"png")}}),
]
