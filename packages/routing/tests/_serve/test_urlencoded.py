"""`_urlencoded`: the same forms and errors as Starlette's `FormParser` (python-multipart)."""

from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

import anyio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.datastructures import Headers
from starlette.formparsers import FormParser, MultiPartException

from fastslim_routing._serve._urlencoded import parse_urlencoded

ALPHABET = b"ab=&%2+\xe9E9"
"""Bytes that make fields, separators, escapes (valid and not) and non-ASCII."""
HEADERS = Headers({"content-type": "application/x-www-form-urlencoded"})


async def chunked(chunks: list[bytes]) -> AsyncGenerator[bytes, None]:
    for chunk in chunks:
        yield chunk


async def outcome(parse: Any, chunks: list[bytes]) -> tuple[str, Any]:
    try:
        form = await parse(chunks)
    except MultiPartException as exc:
        return "error", exc.message
    return "form", form.multi_items()


async def starlette_form(chunks: list[bytes], max_fields: int, max_part_size: int) -> Any:
    parser = FormParser(
        HEADERS, chunked(chunks), max_fields=max_fields, max_part_size=max_part_size
    )
    return await parser.parse()


def form_bytes(raw: bytes) -> bytes:
    return bytes(ALPHABET[byte % len(ALPHABET)] for byte in raw)


def split(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({cut % (len(body) + 1) for cut in cuts})
    pieces, start = [], 0
    for point in [*points, len(body)]:
        pieces.append(body[start:point])
        start = point
    return pieces


@settings(max_examples=400, deadline=None)
@given(
    body=st.binary(max_size=40).map(
        lambda raw: bytes(ALPHABET[byte % len(ALPHABET)] for byte in raw)
    ),
    cuts=st.lists(st.integers(min_value=0, max_value=60), max_size=6),
    max_fields=st.integers(min_value=0, max_value=6),
    max_part_size=st.integers(min_value=0, max_value=12),
)
def test_same_forms_and_errors_as_starlette(
    body: bytes, cuts: list[int], max_fields: int, max_part_size: int
) -> None:
    chunks = split(body, cuts)

    async def both() -> tuple[Any, Any]:
        ours = await outcome(
            lambda c: parse_urlencoded(
                chunked(c), max_fields=max_fields, max_part_size=max_part_size
            ),
            chunks,
        )
        theirs = await outcome(lambda c: starlette_form(c, max_fields, max_part_size), chunks)
        return ours, theirs

    ours, theirs = anyio.run(both)
    assert ours == theirs


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"a=1&b=x+y%21&a=2", [("a", "1"), ("b", "x y!"), ("a", "2")]),
        (b"&&a&=v&b=&", [("a", ""), ("", "v"), ("b", "")]),
        (b"k=%E9t%C3%A9&n=\xe9", [("k", "\ufffdt\xe9"), ("n", "\xe9")]),
    ],
)
def test_fields(body: bytes, expected: list[tuple[str, str]]) -> None:
    async def parse() -> Any:
        return await parse_urlencoded(chunked([body]), max_fields=1000, max_part_size=1024)

    assert anyio.run(parse).multi_items() == expected


def test_a_long_field_arriving_in_pieces_is_refused_as_soon_as_it_is_too_long() -> None:
    read: list[int] = []

    async def pieces() -> AsyncIterator[bytes]:
        for index in range(100):
            read.append(index)
            yield b"v" * 1024

    async def parse() -> Any:
        return await parse_urlencoded(pieces(), max_fields=10, max_part_size=4096)

    with pytest.raises(MultiPartException, match=r"^Field exceeded maximum size of 4KB\.$"):
        anyio.run(parse)
    assert len(read) == 5
