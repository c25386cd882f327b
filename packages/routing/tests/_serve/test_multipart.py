"""python-multipart's check (FastAPI 0.165's rule) and reading a file's bytes."""

import importlib
import logging
import sys
import warnings
from io import BytesIO
from tempfile import SpooledTemporaryFile
from typing import BinaryIO, cast

import pytest
import python_multipart
from starlette.datastructures import UploadFile

from fastslim_routing._serve._multipart import (
    MULTIPART_INCORRECT,
    MULTIPART_MISSING,
    ensure_multipart_is_installed,
    read_file_bytes,
)

with warnings.catch_warnings():
    # python-multipart's older layout warns when imported (FastAPI's check falls back to it).
    warnings.simplefilter("ignore", PendingDeprecationWarning)
    multipart = importlib.import_module("multipart")
    multipart_parser = importlib.import_module("multipart.multipart")


@pytest.mark.parametrize("version", ["0.0.13", "0.0.20", "0.1.0", "0.0.9"])
def test_python_multipart_after_0_0_12_is_enough(
    version: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The version strings compare as strings, as FastAPI's do: "0.0.9" sorts after "0.0.12".
    monkeypatch.setattr(python_multipart, "__version__", version)
    monkeypatch.setitem(sys.modules, "multipart", None)
    ensure_multipart_is_installed()


def test_older_python_multipart_needs_its_multipart_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(python_multipart, "__version__", "0.0.12")
    ensure_multipart_is_installed()  # multipart.__version__ and its parser are there
    monkeypatch.setitem(sys.modules, "python_multipart", None)
    ensure_multipart_is_installed()


@pytest.mark.parametrize(
    ("remove", "message"),
    [
        ("version", MULTIPART_MISSING),
        ("parser", MULTIPART_INCORRECT),
        ("module", MULTIPART_MISSING),
    ],
)
def test_missing_or_unrelated_multipart_fails(
    remove: str,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:

    monkeypatch.setattr(python_multipart, "__version__", "0.0.12")
    if remove == "version":
        monkeypatch.delattr(multipart, "__version__")
    elif remove == "parser":
        monkeypatch.delattr(multipart_parser, "parse_options_header")
    else:
        monkeypatch.setitem(sys.modules, "multipart", None)
    with caplog.at_level(logging.ERROR), pytest.raises(RuntimeError) as raised:
        ensure_multipart_is_installed()
    assert str(raised.value) == message
    assert [record.getMessage() for record in caplog.records] == [message]
    assert raised.value.__cause__ is None


def test_the_unrelated_multipart_message_says_what_to_uninstall() -> None:
    assert "pip uninstall multipart" in MULTIPART_INCORRECT
    assert MULTIPART_INCORRECT.endswith("pip install python-multipart\n")


@pytest.mark.anyio
@pytest.mark.parametrize(("start", "content"), [(0, b"hello"), (2, b"llo"), (5, b"")])
async def test_read_file_bytes_from_the_position_and_back(start: int, content: bytes) -> None:
    with BytesIO(b"hello") as stream:
        stream.seek(start)
        assert await read_file_bytes(UploadFile(file=stream)) == content
        assert stream.tell() == start


@pytest.mark.anyio
async def test_a_failed_read_puts_the_file_back(monkeypatch: pytest.MonkeyPatch) -> None:
    with BytesIO(b"hello") as stream:
        file = UploadFile(file=stream)
        stream.seek(2)

        async def failing_read(size: int = -1) -> bytes:
            stream.read(1)
            raise OSError("read failed")

        monkeypatch.setattr(file, "read", failing_read)
        with pytest.raises(OSError, match="read failed"):
            await read_file_bytes(file)
        assert stream.tell() == 2


@pytest.mark.anyio
async def test_read_file_bytes_of_a_file_on_disk() -> None:
    with SpooledTemporaryFile(max_size=1) as spooled:
        file = UploadFile(file=cast(BinaryIO, spooled))
        await file.write(b"x" * 10)  # rolled over to disk: read in a worker thread
        assert not file._in_memory
        await file.seek(3)
        assert await read_file_bytes(file) == b"x" * 7
        assert spooled.tell() == 3
