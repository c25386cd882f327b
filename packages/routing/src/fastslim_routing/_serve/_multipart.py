"""python-multipart, the optional parser of forms and files, and reading a file's bytes.

Declaring a form or file parameter needs python-multipart (FastAPI docs: Form Data,
"Install python-multipart"). As FastAPI 0.165 checks it: a `python_multipart` whose
`__version__` string sorts after `"0.0.12"` is enough; else the `multipart` module
must be python-multipart's older layout (`multipart.__version__` and
`multipart.multipart.parse_options_header`). A `multipart` without that submodule
is the unrelated "multipart" distribution, and gets its own message.

`read_file_bytes` gives a `bytes` `File()` parameter the content of an upload from
where the file stands, and leaves the file where it was (also when the read fails),
so dependencies and the endpoint sharing an upload see the same content.
"""

from __future__ import annotations

import importlib
from typing import NoReturn

from starlette.datastructures import UploadFile

from ..logger import logger

__all__ = (
    "MULTIPART_INCORRECT",
    "MULTIPART_MISSING",
    "ensure_multipart_is_installed",
    "read_file_bytes",
)

MULTIPART_MISSING = (
    'Form data requires "python-multipart" to be installed. \n'
    'You can install "python-multipart" with: \n\n'
    "pip install python-multipart\n"
)
"""FastAPI's message, to the character, when python-multipart is not installed."""

MULTIPART_INCORRECT = (
    'Form data requires "python-multipart" to be installed. '
    'It seems you installed "multipart" instead. \n'
    'You can remove "multipart" with: \n\n'
    "pip uninstall multipart\n\n"
    'And then install "python-multipart" with: \n\n'
    "pip install python-multipart\n"
)
"""FastAPI's message, to the character, when the unrelated "multipart" is installed."""


def _recent_python_multipart() -> bool:
    try:
        module = importlib.import_module("python_multipart")
    except ImportError:
        return False
    version = getattr(module, "__version__", "")
    return isinstance(version, str) and version > "0.0.12"  # FastAPI compares the strings


def _fail(message: str) -> NoReturn:
    logger.error(message)
    raise RuntimeError(message) from None


def ensure_multipart_is_installed() -> None:
    """Return when python-multipart can parse forms; else log and raise `RuntimeError`
    with `MULTIPART_MISSING` or, for the unrelated "multipart", `MULTIPART_INCORRECT`."""
    if _recent_python_multipart():
        return
    try:
        legacy = importlib.import_module("multipart")
    except ImportError:
        _fail(MULTIPART_MISSING)
    if not getattr(legacy, "__version__", None):
        _fail(MULTIPART_MISSING)
    try:
        parser = importlib.import_module("multipart.multipart")
    except ImportError:
        _fail(MULTIPART_INCORRECT)
    if not hasattr(parser, "parse_options_header"):
        _fail(MULTIPART_INCORRECT)


async def read_file_bytes(file: UploadFile) -> bytes:
    """The content of `file` from its current position to its end; the file is left at
    that position afterwards, whether the read succeeds or raises."""
    position = file.file.tell()
    try:
        return await file.read()
    finally:
        await file.seek(position)
