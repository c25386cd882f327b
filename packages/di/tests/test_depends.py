import dataclasses
from typing import Any

import pytest

from fastslim_di import Depends, Security


def dep() -> int:
    return 1


def test_depends_defaults() -> None:
    depends = Depends(dep)
    assert depends.dependency is dep
    assert depends.use_cache is True
    assert depends.scope is None
    assert depends.max_concurrency is None
    assert depends.limiter is None
    assert Depends().dependency is None


def test_depends_is_frozen_and_hashable_by_value() -> None:
    first = Depends(dep, use_cache=False, scope="function")
    second = Depends(dep, use_cache=False, scope="function")
    assert first == second
    assert hash(first) == hash(second)
    assert {first, second} == {first}
    assert first != Depends(dep)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.use_cache = True  # type: ignore[misc]


def test_options_after_the_dependency_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Depends(dep, False)  # type: ignore[call-arg]


def test_repr_is_short_and_names_the_dependency() -> None:
    assert repr(Depends(dep)) == "Depends(dep)"
    assert repr(Depends()) == "Depends()"
    assert repr(Depends(dep, use_cache=False, scope="function", max_concurrency=2)) == (
        "Depends(dep, use_cache=False, scope='function', max_concurrency=2)"
    )
    assert repr(Security(dep, scopes=["a", "b"])) == "Security(dep, scopes=['a', 'b'])"
    assert repr(Security(dep, use_cache=False)) == "Security(dep, use_cache=False)"


@pytest.mark.parametrize("value", [1, 2, 100])
def test_max_concurrency_accepts_positive_integers(value: int) -> None:
    depends = Depends(dep, max_concurrency=value)
    assert depends.max_concurrency == value
    assert depends.limiter is not None
    assert depends.limiter.total == value


@pytest.mark.parametrize("value", [0, -1, True, False, 1.5, "2", 2.0])
def test_max_concurrency_rejects_everything_else(value: Any) -> None:
    with pytest.raises(ValueError, match=r"^max_concurrency must be a positive integer or None$"):
        Depends(dep, max_concurrency=value)


def test_each_depends_object_owns_its_limiter() -> None:
    first = Depends(dep, max_concurrency=1)
    second = Depends(dep, max_concurrency=1)
    assert first == second  # equal by value...
    assert first.limiter is not second.limiter  # ...but limited separately


def test_security_is_a_depends_with_scopes() -> None:
    security = Security(dep, scopes=["items", "me"])
    assert isinstance(security, Depends)
    assert security.dependency is dep
    assert security.scopes == ("items", "me")
    assert security.use_cache is True
    assert security.scope is None
    assert security.max_concurrency is None


def test_security_is_hashable_even_with_a_list_of_scopes() -> None:
    first = Security(dep, scopes=["a"])
    assert hash(first) == hash(Security(dep, scopes=("a",)))
    assert first == Security(dep, scopes=["a"])
    assert first != Security(dep, scopes=["b"])
    assert first != Depends(dep)
    assert Security(dep).scopes is None
    assert Security(dep, use_cache=False).use_cache is False


def test_security_has_no_scope_parameter() -> None:
    with pytest.raises(TypeError):
        Security(dep, scope="function")  # type: ignore[call-arg]


def test_security_rejects_a_bare_string_of_scopes() -> None:
    with pytest.raises(TypeError, match=r"scopes=\['items'\]"):
        Security(dep, scopes="items")
