"""`fastslim._form_limits`, as `fastapi._form_limits` (FastAPI 0.165): the shape of
`form_limits=` (`_FormLimits`, a `TypedDict`), its `TypeAdapter` and the check every
declaration goes through (`_validate_form_limits`). Views over fastslim-routing's own
form limits (`fastslim_routing.internals`), the ones its routes apply; FastAPI's
test suite and extensions import them.
"""

from pydantic import ConfigDict as ConfigDict
from pydantic import TypeAdapter as TypeAdapter
from pydantic import with_config as with_config

from fastslim_routing.internals import FormLimits as _FormLimits
from fastslim_routing.internals import form_limits_adapter as _adapter
from fastslim_routing.internals import validate_form_limits as _validate_form_limits

_form_limits_adapter = _adapter()

__all__ = (
    "ConfigDict",
    "TypeAdapter",
    "_FormLimits",
    "_form_limits_adapter",
    "_validate_form_limits",
    "with_config",
)
