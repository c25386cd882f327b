"""`fastslim_routing.status`: Starlette's status codes, deprecated aliases forwarded."""

import pytest
import starlette.status
from starlette.exceptions import StarletteDeprecationWarning

from fastslim_routing import status


def test_every_starlette_code_is_there() -> None:
    assert status.__all__ == tuple(starlette.status.__all__)
    for name in status.__all__:
        assert getattr(status, name) == getattr(starlette.status, name)
    assert status.HTTP_422_UNPROCESSABLE_CONTENT == 422
    assert status.WS_1008_POLICY_VIOLATION == 1008


def test_deprecated_aliases_warn_as_starlettes() -> None:
    with pytest.warns(StarletteDeprecationWarning, match="HTTP_422_UNPROCESSABLE_CONTENT"):
        assert status.HTTP_422_UNPROCESSABLE_ENTITY == 422


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"'fastslim_routing\.status' has no attribute 'NOPE'"):
        _ = status.NOPE
