"""fastslim-di: dependency injection with FastAPI's semantics, on anyio only.

`Depends`, `Security` and `SecurityScopes` as in FastAPI; plans built once per
callable; yield dependencies with function, request and app scopes; overrides
as a mapping or a context manager; `@inject` and `Container` for scripts,
workers and CLIs; a `ParameterResolver` hook for host frameworks. Works on
asyncio and trio; imports nothing web.
"""

from .__about__ import __version__ as __version__
from ._build import build_plan as build_plan
from ._callables import CallKind as CallKind
from ._callables import call_kind as call_kind
from ._container import Container as Container
from ._container import current_container as current_container
from ._depends import DependencyScope as DependencyScope
from ._depends import Depends as Depends
from ._depends import Security as Security
from ._errors import ContainerStateError as ContainerStateError
from ._errors import DependencyCycleError as DependencyCycleError
from ._errors import DependencyDeclarationError as DependencyDeclarationError
from ._errors import DependencyDidNotStopError as DependencyDidNotStopError
from ._errors import DependencyDidNotYieldError as DependencyDidNotYieldError
from ._errors import DependencyScopeError as DependencyScopeError
from ._errors import FastSlimDIError as FastSlimDIError
from ._errors import ParameterErrors as ParameterErrors
from ._errors import ScopeNotActiveError as ScopeNotActiveError
from ._inject import default_container as default_container
from ._inject import inject as inject
from ._plan import EMPTY as EMPTY
from ._plan import DependencyNode as DependencyNode
from ._plan import DependencyPlan as DependencyPlan
from ._plan import ParameterInfo as ParameterInfo
from ._plan import ParameterResolver as ParameterResolver
from ._plan import ParameterSource as ParameterSource
from ._plan import SolveContext as SolveContext
from ._request import FunctionScope as FunctionScope
from ._request import RequestScope as RequestScope
from ._security import SecurityScopes as SecurityScopes

__all__ = (
    "EMPTY",
    "CallKind",
    "Container",
    "ContainerStateError",
    "DependencyCycleError",
    "DependencyDeclarationError",
    "DependencyDidNotStopError",
    "DependencyDidNotYieldError",
    "DependencyNode",
    "DependencyPlan",
    "DependencyScope",
    "DependencyScopeError",
    "Depends",
    "FastSlimDIError",
    "FunctionScope",
    "ParameterErrors",
    "ParameterInfo",
    "ParameterResolver",
    "ParameterSource",
    "RequestScope",
    "ScopeNotActiveError",
    "Security",
    "SecurityScopes",
    "SolveContext",
    "__version__",
    "build_plan",
    "call_kind",
    "current_container",
    "default_container",
    "inject",
)
