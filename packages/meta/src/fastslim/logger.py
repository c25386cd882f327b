"""`fastslim.logger`, as `fastapi.logger`: the framework's logger (named "fastslim")."""

from fastslim_routing.logger import logger as logger

__all__ = ("logger",)
