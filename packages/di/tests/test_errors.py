from collections.abc import Iterator
from typing import Annotated

import pytest

import fastslim_di
from fastslim_di import Depends


def test_errors_form_one_hierarchy_under_runtime_error() -> None:
    assert issubclass(fastslim_di.FastSlimDIError, RuntimeError)
    for error in (
        fastslim_di.DependencyDeclarationError,
        fastslim_di.DependencyCycleError,
        fastslim_di.DependencyScopeError,
        fastslim_di.ScopeNotActiveError,
        fastslim_di.ContainerStateError,
        fastslim_di.DependencyDidNotStopError,
        fastslim_di.DependencyDidNotYieldError,
    ):
        assert issubclass(error, fastslim_di.FastSlimDIError)
    assert issubclass(fastslim_di.DependencyScopeError, fastslim_di.DependencyDeclarationError)


def test_a_host_can_subclass_scope_error_with_its_own_runtime_error_base() -> None:
    class FastAPIError(RuntimeError):
        pass

    class DependencyScopeError(FastAPIError, fastslim_di.DependencyScopeError):
        pass

    error = DependencyScopeError("message")
    assert isinstance(error, FastAPIError)
    assert isinstance(error, fastslim_di.DependencyScopeError)
    assert isinstance(error, RuntimeError)


def test_host_translation_of_a_scope_error_at_registration() -> None:
    class FastAPIError(RuntimeError):
        pass

    class DependencyScopeError(FastAPIError, fastslim_di.DependencyScopeError):
        pass

    def function_dep() -> Iterator[str]:
        yield "f"

    def request_dep(f: Annotated[str, Depends(function_dep, scope="function")]) -> Iterator[str]:
        yield f

    def endpoint(r: Annotated[str, Depends(request_dep)]) -> None:
        pass

    def add_route() -> None:  # what routing does when a route is declared
        try:
            fastslim_di.build_plan(endpoint)
        except fastslim_di.DependencyScopeError as exc:
            raise DependencyScopeError(*exc.args) from None

    with pytest.raises(FastAPIError) as info:
        add_route()
    assert type(info.value) is DependencyScopeError
    assert str(info.value).startswith('The dependency "request_dep" has a scope of "request"')


def test_parameter_errors_message_repr_and_pickle() -> None:
    import pickle

    from fastslim_di import ParameterErrors

    errors = ParameterErrors([{"loc": ("query", "q")}, "second"])
    assert str(errors) == "2 invalid parameters: [{'loc': ('query', 'q')}, 'second']"
    assert str(ParameterErrors(["one"])) == "1 invalid parameter: ['one']"
    assert repr(errors) == "ParameterErrors([{'loc': ('query', 'q')}, 'second'])"
    assert pickle.loads(pickle.dumps(errors)).errors == errors.errors
