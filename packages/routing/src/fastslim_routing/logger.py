"""`fastslim.logger`, as `fastapi.logger`: the framework's logger, named `"fastslim"`."""

import logging

__all__ = ("logger",)

logger = logging.getLogger("fastslim")
