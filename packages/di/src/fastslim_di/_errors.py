"""Exceptions raised by fastslim-di.

Every error derives from `FastSlimDIError`, itself a `RuntimeError`, so a host
framework whose own base error is a `RuntimeError` (FastAPI's `FastAPIError`)
can offer both hierarchies with one subclass::

    class DependencyScopeError(FastAPIError, fastslim_di.DependencyScopeError): ...

and translate at registration time (`raise DependencyScopeError(*exc.args) from None`).
Code catching either base then sees the error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class FastSlimDIError(RuntimeError):
    """Base class of every error fastslim-di raises."""


class DependencyDeclarationError(FastSlimDIError):
    """A dependency or parameter is declared in a way that cannot work.

    Raised when the plan of a callable is built (declaration time), never on the
    first call.
    """


class DependencyCycleError(DependencyDeclarationError):
    """A dependency depends, directly or not, on itself."""


class DependencyScopeError(DependencyDeclarationError):
    """A dependency depends on another whose scope ends before its own."""


class DependencyDidNotYieldError(FastSlimDIError):
    """A yield dependency returned without yielding a value."""


class DependencyDidNotStopError(FastSlimDIError):
    """A yield dependency yielded a second time during its cleanup."""


class ScopeNotActiveError(FastSlimDIError):
    """A dependency needs a scope (the app scope of a container) that is not running."""


class ContainerStateError(FastSlimDIError):
    """A container or a scope was entered twice, or used after it was closed."""


class ParameterErrors(Exception):
    """Invalid inputs, reported by parameter sources and collected while solving.

    A host's source raises it (with its own error objects in `errors`) when a
    value from the request is invalid. The solver then skips every dependency
    that needed that value, goes on solving the rest, and raises one
    `ParameterErrors` with all the errors at the end (routing turns it into a
    422 `RequestValidationError`).
    """

    def __init__(self, errors: Sequence[Any]) -> None:
        # The message is made only when shown: on a 422 the errors are read, not printed.
        super().__init__()
        self.errors: list[Any] = list(errors)

    def __str__(self) -> str:
        count = len(self.errors)
        return f"{count} invalid parameter{'s' if count != 1 else ''}: {self.errors!r}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.errors!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.errors,))
