"""`fastslim._compat`, as `fastapi._compat`: the field helpers extensions import
(`ModelField`, `lenient_issubclass`). fastslim's own routes do not use them."""

from fastslim_routing.internals import ModelField as ModelField
from fastslim_routing.internals import lenient_issubclass as lenient_issubclass

__all__ = ("ModelField", "lenient_issubclass")
