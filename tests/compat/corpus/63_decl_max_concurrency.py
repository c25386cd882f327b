"""Declaration error: max_concurrency=0 on Depends."""

from fastapi import Depends

dependency = Depends(lambda: 1, max_concurrency=0)

DECLARATION_ERROR = True
