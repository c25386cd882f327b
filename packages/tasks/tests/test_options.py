import pytest

from fastslim_tasks import TaskOptions


def test_defaults_are_unnamed_and_without_timeout() -> None:
    options = TaskOptions()
    assert options.name is None
    assert options.timeout is None


def test_options_are_frozen() -> None:
    options = TaskOptions(name="email", timeout=2)
    with pytest.raises(AttributeError):
        options.name = "other"  # type: ignore[misc]


@pytest.mark.parametrize("timeout", [0, -1, True, "5", float("nan")])
def test_invalid_timeout_is_rejected_with_its_value(timeout: object) -> None:
    with pytest.raises(ValueError, match="timeout must be a positive number") as info:
        TaskOptions(timeout=timeout)  # type: ignore[arg-type]
    assert repr(timeout) in str(info.value)


def test_name_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="got 42"):
        TaskOptions(name=42)  # type: ignore[arg-type]
