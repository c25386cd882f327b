"""The oracle corpus: every app of `corpus/` on FastAPI and on fastslim, compared.

One test per app for its declaration (what building it raises or warns), and one per
(app, case, backend) for each request. See `_corpus.py` for what an app defines and
what is compared.
"""

import pytest
from _corpus import (
    BACKENDS,
    Backend,
    Case,
    CorpusApp,
    compare,
    corpus_apps,
    deliberately,
    run,
)

APPS = corpus_apps()


@pytest.mark.parametrize("app", APPS, ids=[app.name for app in APPS])
def test_declaration(app: CorpusApp) -> None:
    expected = run(app, "fastapi", "asyncio").declaration
    assert (expected.error is not None) == app.declaration_error, (
        f"On FastAPI, declaring {app.name} gives {expected}, "
        f"while DECLARATION_ERROR is {app.declaration_error}."
    )
    expected = deliberately(expected, app.deliberate.get("declaration"))
    compare(expected, run(app, "fastslim", "asyncio").declaration, f"Declaring {app.name}")


@pytest.mark.parametrize(
    ("app", "case", "backend"),
    [
        pytest.param(app, case, backend, id=f"{app.name}-{case.id}-{backend}")
        for app in APPS
        for case in app.cases
        for backend in BACKENDS
    ],
)
def test_case(app: CorpusApp, case: Case, backend: Backend) -> None:
    expected_run = run(app, "fastapi", backend)
    assert expected_run.declaration.error is None, (
        f"{app.name} does not build on FastAPI: {expected_run.declaration.error}"
    )
    expected = deliberately(expected_run.outcomes[case.id], app.deliberate.get(case.id))
    actual_run = run(app, "fastslim", backend)
    if actual_run.declaration.error is not None:
        pytest.fail(f"{app.name} does not build on fastslim: {actual_run.declaration.error}")
    compare(expected, actual_run.outcomes[case.id], f"{case.method} {case.url} ({case.id})")
