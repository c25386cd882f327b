"""`fastslim.templating`, as `fastapi.templating`: Starlette's `Jinja2Templates`.

jinja2 is optional (the `templates` extra): this module imports without it, and
`Jinja2Templates` is loaded when first used; without jinja2 that raises a
`ModuleNotFoundError` naming the package to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.templating import Jinja2Templates as Jinja2Templates

__all__ = ("Jinja2Templates",)

MISSING_JINJA2 = (
    "Jinja2Templates needs the jinja2 package, which is not installed: pip install jinja2 "
    "(or install fastslim with its templates extra, pip install './packages/meta[templates]')."
)


def load_jinja2_templates() -> type[Jinja2Templates]:
    """Starlette's `Jinja2Templates` class.

    Raises `ModuleNotFoundError` (its `name` is "jinja2") when jinja2 is not installed.
    """
    try:
        import jinja2  # noqa: F401
    except ModuleNotFoundError as exc:
        if exc.name != "jinja2":
            raise
        raise ModuleNotFoundError(MISSING_JINJA2, name="jinja2") from exc
    from starlette.templating import Jinja2Templates

    return Jinja2Templates


def __getattr__(name: str) -> Any:
    if name == "Jinja2Templates":
        return load_jinja2_templates()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
