"""`fastslim.params`, as `fastapi.params`: the classes of parameter declarations.

`Path`, `Query`, `Header`, `Cookie`, `Body`, `Form` and `File` are pydantic
`FieldInfo` subclasses carrying where a value comes from (`in_`) and how it is
read (aliases, `convert_underscores`, `embed`, `media_type`). Apps normally use
the functions of `param_functions` (`fastslim.Query(...)`), which return these.
"""

from __future__ import annotations

import inspect
import sys
import warnings
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic.fields import FieldInfo

from fastslim_di import Depends as Depends
from fastslim_di import Security as Security

from . import datastructures
from .exceptions import FastAPIDeprecationWarning

__all__ = (
    "Body",
    "Cookie",
    "Depends",
    "File",
    "Form",
    "Header",
    "Param",
    "ParamTypes",
    "Path",
    "Query",
    "Security",
)

_Unset: Any = datastructures._Unset  # FastAPI's sentinel, one object

# Constraints FastAPI takes with a `None` default; `None` means "not set" for them.
_NONE_MEANS_UNSET = ("gt", "ge", "lt", "le", "min_length", "max_length", "pattern")


class ParamTypes(Enum):
    """The request location of a non-body parameter (OpenAPI's `in`)."""

    query = "query"
    header = "header"
    path = "path"
    cookie = "cookie"


def _caller_level() -> int:
    """The `stacklevel` that points a warning raised by the caller of this function at
    the first frame outside fastslim-routing (the app's declaration), however many
    declaration classes' `__init__` lie between."""
    frame = sys._getframe(1)
    level = 1
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith(
        "fastslim_routing"
    ):
        frame = frame.f_back
        level += 1
    return level


def _field_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments for `FieldInfo.__init__`: only those explicitly set."""
    regex = kwargs.pop("regex", None)
    if regex is not None:
        warnings.warn(
            "`regex` has been deprecated, please use `pattern` instead",
            FastAPIDeprecationWarning,
            stacklevel=_caller_level(),
        )
        if kwargs.get("pattern") is None:
            kwargs["pattern"] = regex
    example = kwargs.pop("example", _Unset)
    if example is not _Unset:
        warnings.warn(
            "`example` has been deprecated, please use `examples` instead",
            FastAPIDeprecationWarning,
            stacklevel=_caller_level(),
        )
    for name in _NONE_MEANS_UNSET:
        if kwargs.get(name, _Unset) is None:
            del kwargs[name]
    if kwargs.get("annotation", _Unset) is None:
        del kwargs["annotation"]
    # pydantic's `Field()` rule, as FastAPI's declarations apply it: an alias is also
    # the validation alias and (a string) the serialization alias unless those are given.
    alias = kwargs.get("alias", _Unset)
    if kwargs.get("serialization_alias") in (_Unset, None) and isinstance(alias, str):
        kwargs["serialization_alias"] = alias
    if kwargs.get("validation_alias") in (_Unset, None) and alias is not _Unset:
        kwargs["validation_alias"] = alias
    return {name: value for name, value in kwargs.items() if value is not _Unset}


class _Declaration(FieldInfo):  # type: ignore[misc]
    """Shared by `Param` and `Body`: FastAPI's extra attributes on a field."""

    # FieldInfo declares __slots__; these extra attributes live in __dict__.
    example: Any
    openapi_examples: dict[str, Any] | None
    include_in_schema: bool

    def _init_declaration(
        self,
        *,
        example: Any,
        openapi_examples: dict[str, Any] | None,
        include_in_schema: bool,
        field_kwargs: dict[str, Any],
    ) -> None:
        self.example = example
        self.openapi_examples = openapi_examples
        self.include_in_schema = include_in_schema
        super().__init__(**_field_kwargs(field_kwargs))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.default})"


def _collect(local_vars: dict[str, Any], *skip: str) -> dict[str, Any]:
    return {
        name: value
        for name, value in local_vars.items()
        if name not in skip and name not in ("self", "__class__")
    }


class Param(_Declaration):  # type: ignore[misc]
    """A path, query, header or cookie parameter declaration."""

    in_: ParamTypes

    def __init__(
        self,
        default: Any = _Unset,
        *,
        default_factory: Callable[[], Any] | None = _Unset,
        annotation: Any | None = None,
        alias: str | None = _Unset,
        alias_priority: int | None = _Unset,
        validation_alias: Any = _Unset,
        serialization_alias: str | None = _Unset,
        title: str | None = _Unset,
        description: str | None = _Unset,
        gt: float | None = None,
        ge: float | None = None,
        lt: float | None = None,
        le: float | None = None,
        min_length: int | None = None,
        max_length: int | None = None,
        pattern: Any = None,
        regex: str | None = None,
        discriminator: Any = _Unset,
        strict: bool | None = _Unset,
        validate_default: bool | None = _Unset,
        union_mode: Any = _Unset,
        fail_fast: bool | None = _Unset,
        multiple_of: float | None = _Unset,
        allow_inf_nan: bool | None = _Unset,
        max_digits: int | None = _Unset,
        decimal_places: int | None = _Unset,
        examples: list[Any] | None = _Unset,
        example: Any = _Unset,
        openapi_examples: dict[str, Any] | None = None,
        deprecated: Any = _Unset,
        include_in_schema: bool = True,
        json_schema_extra: Any = _Unset,
    ) -> None:
        self._init_declaration(
            example=example,
            openapi_examples=openapi_examples,
            include_in_schema=include_in_schema,
            field_kwargs=_collect(locals(), "openapi_examples", "include_in_schema"),
        )


_DECLARATION_ARGUMENTS = frozenset(inspect.signature(Param.__init__).parameters) - {
    "self",
    "default",
}


class Path(Param):  # type: ignore[misc]
    """A path parameter: always required (`default` is only accepted as `...`)."""

    in_ = ParamTypes.path

    def __init__(self, default: Any = ..., **kwargs: Any) -> None:
        if default is not ... and default is not _Unset:
            # AssertionError, with FastAPI's message, for compatibility.
            raise AssertionError("Path parameters cannot have a default value")
        super().__init__(..., **kwargs)


class Query(Param):  # type: ignore[misc]
    """A query string parameter."""

    in_ = ParamTypes.query


class Header(Param):  # type: ignore[misc]
    """A header parameter; `convert_underscores` maps `user_agent` to `user-agent`."""

    in_ = ParamTypes.header

    def __init__(
        self, default: Any = _Unset, *, convert_underscores: bool = True, **kwargs: Any
    ) -> None:
        self.convert_underscores = convert_underscores
        super().__init__(default, **kwargs)


class Cookie(Param):  # type: ignore[misc]
    """A cookie parameter."""

    in_ = ParamTypes.cookie


class Body(_Declaration):  # type: ignore[misc]
    """A request body parameter; `embed=True` reads it from a key of the body object.

    Takes `Param`'s keyword arguments (constraints, aliases, examples...);
    raises `TypeError` naming any other.
    """

    def __init__(
        self,
        default: Any = _Unset,
        *,
        embed: bool | None = None,
        media_type: str = "application/json",
        **kwargs: Any,
    ) -> None:
        unknown = sorted(set(kwargs) - _DECLARATION_ARGUMENTS)
        if unknown:
            raise TypeError(
                f"{type(self).__name__}() got unexpected keyword arguments: {', '.join(unknown)}"
            )
        self.embed = embed
        self.media_type = media_type
        self._init_declaration(
            example=kwargs.get("example", _Unset),
            openapi_examples=kwargs.pop("openapi_examples", None),
            include_in_schema=kwargs.pop("include_in_schema", True),
            field_kwargs={"default": default, **kwargs},
        )


class Form(Body):  # type: ignore[misc]
    """A form field (`application/x-www-form-urlencoded` or multipart)."""

    def __init__(
        self,
        default: Any = _Unset,
        *,
        media_type: str = "application/x-www-form-urlencoded",
        **kwargs: Any,
    ) -> None:
        super().__init__(default, embed=True, media_type=media_type, **kwargs)


class File(Form):  # type: ignore[misc]
    """An uploaded file of a multipart form."""

    def __init__(
        self, default: Any = _Unset, *, media_type: str = "multipart/form-data", **kwargs: Any
    ) -> None:
        super().__init__(default, media_type=media_type, **kwargs)
