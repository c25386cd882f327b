"""Type aliases of `fastapi.types` (and `fastapi.applications.AppType`), for annotations.

`DecoratedCallable` is the type variable of the route decorators (a decorator
returns the function it was given); `IncEx` is pydantic's `include`/`exclude`
argument; `ModelNameMap` maps models and enums to their OpenAPI component names;
`DependencyCacheKey` is `(callable or None, security scopes, scope)`.
"""

from __future__ import annotations

from enum import Enum
from types import UnionType as UnionType
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from pydantic import BaseModel

from ._encoders import IncEx as IncEx
from ._internals.dependant import DependencyCacheKey as DependencyCacheKey
from ._routes._router import DecoratedCallable as DecoratedCallable

if TYPE_CHECKING:
    from .applications import FastAPI

__all__ = (
    "AppType",
    "DecoratedCallable",
    "DependencyCacheKey",
    "IncEx",
    "ModelNameMap",
    "UnionType",
)

AppType = TypeVar("AppType", bound="FastAPI")
"""The application class, in annotations of code generic over `FastAPI` subclasses."""

ModelNameMap: TypeAlias = dict[type[BaseModel] | type[Enum], str]
