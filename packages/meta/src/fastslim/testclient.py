"""`fastslim.testclient`, as `fastapi.testclient`: needs the `testclient` extra."""

try:
    from fastslim_testclient import AsyncTestClient as AsyncTestClient
    from fastslim_testclient import TestClient as TestClient
except ModuleNotFoundError as exc:
    if exc.name not in {"fastslim_testclient", "httpx"}:
        raise
    raise ModuleNotFoundError(
        f"fastslim.testclient needs the fastslim-testclient package, which is missing "
        f"({exc.name} cannot be imported): install fastslim with its testclient extra, "
        "pip install './packages/meta[testclient]'",
        name=exc.name,
    ) from exc

__all__ = ("AsyncTestClient", "TestClient")
