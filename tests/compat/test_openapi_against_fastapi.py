"""The OpenAPI document of every corpus app, on FastAPI and on fastslim, compared.

For each app of `corpus/` that builds on FastAPI, `app.openapi()` is called on
both frameworks; the documents are compared as JSON (key order ignored, list
order kept), with the warnings building them emits (duplicate operation ids); then
as text, key order included (`json.dumps` without sorting), since clients and snapshot
tests compare the served bytes.
The module name, which differs per load, is masked. The docs pages' HTML and
`/openapi.json` as served are compared by the cases of the 2NN apps through
`test_corpus.py`.
"""

import difflib
import json
import warnings
from typing import Any

import pytest
from _corpus import CorpusApp, Framework, corpus_apps, load

APPS = [app for app in corpus_apps() if not app.declaration_error]
DELIBERATE: dict[str, str] = {}
"""App name -> why its document differs (listed in STATUS-openapi.md); each is checked to
still differ, so that fixing one means taking it off this list."""


def _text(app: CorpusApp, framework: Framework) -> str:
    _, module, mask = load(app, framework)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mask.text(json.dumps(module.app.openapi(), indent=1))  # type: ignore[union-attr]


def _document(app: CorpusApp, framework: Framework) -> tuple[Any, list[str]]:
    declaration, module, mask = load(app, framework)
    if module is None:
        return ("declaration", declaration.error), []
    asgi_app = getattr(module, "app", None)
    if not callable(getattr(asgi_app, "openapi", None)):
        return ("no openapi", None), []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            document = asgi_app.openapi()  # type: ignore[union-attr]
        except Exception as exc:
            return ("raises", mask.error(exc)), []
    text = mask.text(json.dumps(document, sort_keys=True, indent=1))
    return json.loads(text), [mask.text(f"{w.category.__name__}: {w.message}") for w in caught]


@pytest.mark.parametrize("app", APPS, ids=[app.name for app in APPS])
def test_openapi_document(app: CorpusApp) -> None:
    expected, expected_warnings = _document(app, "fastapi")
    if expected == ("no openapi", None):
        pytest.fail(f"{app.name}: its app has no openapi() on FastAPI")
    actual, actual_warnings = _document(app, "fastslim")
    if app.name in DELIBERATE:
        assert expected != actual, f"{app.name} is listed as different but is equal."
        return
    if expected != actual:
        want = json.dumps(expected, sort_keys=True, indent=1).splitlines()
        got = json.dumps(actual, sort_keys=True, indent=1).splitlines()
        diff = "\n".join(difflib.unified_diff(want, got, "FastAPI", "fastslim", lineterm="", n=2))
        raise AssertionError(f"The OpenAPI document of {app.name} differs:\n{diff[:6000]}")
    assert expected_warnings == actual_warnings


@pytest.mark.parametrize("app", APPS, ids=[app.name for app in APPS])
def test_openapi_key_order(app: CorpusApp) -> None:
    expected, _ = _document(app, "fastapi")
    if not isinstance(expected, dict) or app.name in DELIBERATE:
        return  # compared above as what it is (an error, a deliberate difference)
    want, got = _text(app, "fastapi"), _text(app, "fastslim")
    if want != got:
        diff = "\n".join(
            difflib.unified_diff(
                want.splitlines(), got.splitlines(), "FastAPI", "fastslim", lineterm="", n=2
            )
        )
        raise AssertionError(f"The key order of {app.name}'s document differs:\n{diff[:4000]}")
