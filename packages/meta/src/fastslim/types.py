"""`fastslim.types`, as `fastapi.types`: type aliases for annotations."""

from pydantic import BaseModel as BaseModel

from fastslim_routing.types import DecoratedCallable as DecoratedCallable
from fastslim_routing.types import DependencyCacheKey as DependencyCacheKey
from fastslim_routing.types import IncEx as IncEx
from fastslim_routing.types import ModelNameMap as ModelNameMap
from fastslim_routing.types import UnionType as UnionType

__all__ = ("DecoratedCallable", "DependencyCacheKey", "IncEx", "ModelNameMap", "UnionType")
