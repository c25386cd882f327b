"""`fastslim.dependencies.utils`, as `fastapi.dependencies.utils`: the helpers that
libraries written for FastAPI import (signatures with evaluated annotations).

FastAPI's dependency-graph internals (`get_dependant`, `solve_dependencies`, ...)
have no counterpart: fastslim's graph is `fastslim_di.build_plan`'s plan.
"""

from fastslim_routing.typed_signature import get_typed_annotation as get_typed_annotation
from fastslim_routing.typed_signature import (
    get_typed_return_annotation as get_typed_return_annotation,
)
from fastslim_routing.typed_signature import get_typed_signature as get_typed_signature

__all__ = ("get_typed_annotation", "get_typed_return_annotation", "get_typed_signature")
