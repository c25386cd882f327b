"""Lists of files, optional files, and a bytes and an UploadFile parameter of one key."""

from typing import Annotated

from fastapi import FastAPI, File, Form, UploadFile

app = FastAPI()


@app.post("/many")
async def many(
    files: list[UploadFile],
    raw: Annotated[list[bytes], File()] = [],  # noqa: B006
) -> dict[str, object]:
    return {"names": [f.filename for f in files], "raw": [r.decode() for r in raw]}


@app.post("/optional")
async def optional(
    f: UploadFile | None = None,
    b: Annotated[bytes | None, File()] = None,
    note: Annotated[str, Form()] = "-",
) -> dict[str, object]:
    return {
        "f": None if f is None else f.filename,
        "b": None if b is None else b.decode(),
        "note": note,
    }


@app.post("/share")
async def share(b: Annotated[bytes, File(alias="u")], u: UploadFile) -> dict[str, object]:
    first = await u.read()
    return {"b": b.decode(), "u": first.decode()}


CASES = [
    (
        "many",
        "POST",
        "/many",
        {
            "files": [
                ("files", ("1.txt", b"1")),
                ("files", ("2.txt", b"2")),
                ("raw", ("3", b"3")),
                ("raw", ("4", b"4")),
            ]
        },
    ),
    ("many-one", "POST", "/many", {"files": [("files", ("1.txt", b"1"))]}),
    ("many-string", "POST", "/many", {"data": {"files": "nope"}, "files": {"z": ("z", b"")}}),
    ("many-missing", "POST", "/many"),
    ("optional-none", "POST", "/optional"),
    (
        "optional-both",
        "POST",
        "/optional",
        {"data": {"note": "n"}, "files": {"f": ("f.txt", b"f"), "b": ("b.txt", b"b")}},
    ),
    ("optional-urlencoded", "POST", "/optional", {"data": {"note": "n", "b": "text"}}),
    ("share", "POST", "/share", {"files": {"u": ("a", b"abc")}}),
]
