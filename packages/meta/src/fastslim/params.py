"""`fastslim.params`, as `fastapi.params`: the classes of parameter declarations."""

from fastslim_di import Depends as Depends
from fastslim_di import Security as Security

__all__ = ("Depends", "Security")
