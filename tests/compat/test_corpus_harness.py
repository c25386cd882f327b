"""The corpus harness itself: it sees differences, masks what differs per load, reads cases."""

from pathlib import Path

import pytest
from _corpus import MODULE_MASK, Case, Outcome, compare, deliberately, drive, read_app

PROBE = """
from fastapi import FastAPI, Response

app = FastAPI()


@app.get("/who")
def who(response: Response) -> dict[str, str]:
    response.delete_cookie("old")
    return {"framework": "fastapi"}


@app.get("/cookies")
def cookies(response: Response, a: str = "") -> None:
    return None


CASES = [("who", "GET", "/who"), ("cookie", "GET", "/cookies", {"cookies": {"a": "1"}})]
"""


def write(tmp_path: Path, source: str, name: str = "01_probe") -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    return path


def test_a_difference_is_reported_as_a_json_diff(tmp_path: Path) -> None:
    # The word "fastapi" in a string literal is replaced too, so the bodies differ.
    app = read_app(write(tmp_path, PROBE))
    expected, actual = drive(app, "fastapi", "trio"), drive(app, "fastslim", "trio")
    with pytest.raises(AssertionError) as raised:
        compare(expected.outcomes["who"], actual.outcomes["who"], "who")
    message = str(raised.value)
    assert '-  "framework": "fastapi"' in message
    assert '+  "framework": "fastslim"' in message
    assert "status" not in message  # only what differs is listed


def test_the_same_source_twice_is_equal_and_deleted_cookies_compare_equal(tmp_path: Path) -> None:
    app = read_app(write(tmp_path, PROBE))
    first, second = drive(app, "fastapi", "asyncio"), drive(app, "fastapi", "asyncio")
    assert first == second
    assert first.outcomes["who"].headers["set-cookie"][0].startswith('old=""; expires=<now>;')


def test_cookies_are_sent_as_one_header() -> None:
    case = Case("c", "GET", "/", {"cookies": {"a": "1", "b": "2"}, "headers": [("x", "y")]})
    assert case.request_kwargs() == {
        "headers": [("x", "y"), ("cookie", "a=1; b=2")],
        "follow_redirects": False,
    }


def test_the_module_name_is_masked_in_declaration_errors(tmp_path: Path) -> None:
    source = "raise RuntimeError(f'built in {__name__}')\nDECLARATION_ERROR = True\n"
    app = read_app(write(tmp_path, source))
    expected, actual = drive(app, "fastapi", "asyncio"), drive(app, "fastslim", "asyncio")
    assert expected.declaration.error == ("RuntimeError", f"built in {MODULE_MASK}")
    assert expected.declaration == actual.declaration


def test_cases_must_be_literal_and_unique(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a literal"):
        read_app(write(tmp_path, "CASES = [('a', 'GET', '/' + 'x')]\n", "01_a"))
    with pytest.raises(ValueError, match="duplicate case ids"):
        read_app(write(tmp_path, "CASES = [('a', 'GET', '/'), ('a', 'GET', '/')]\n", "02_b"))
    with pytest.raises(ValueError, match="unknown options"):
        read_app(write(tmp_path, "CASES = [('a', 'GET', '/', {'jsn': 1})]\n", "03_c"))


def test_a_deliberate_difference_replaces_fields_and_must_differ() -> None:
    fastapi_gives = Outcome(status=200, headers={"a": ["1"]}, body=b"x", warnings=(("W", "m"),))
    entry = {"reason": "r", "headers": {"b": ["2"]}, "warnings": []}
    assert deliberately(fastapi_gives, entry) == Outcome(
        status=200, headers={"a": ["1"], "b": ["2"]}, body=b"x"
    )
    assert deliberately(fastapi_gives, None) is fastapi_gives
    with pytest.raises(AssertionError, match="remove the DELIBERATE entry"):
        deliberately(fastapi_gives, {"reason": "stale", "status": 200})


def test_deliberate_entries_must_name_a_case_and_give_a_reason(tmp_path: Path) -> None:
    cases = "CASES = [('a', 'GET', '/')]\n"
    with pytest.raises(ValueError, match="no case of it"):
        read_app(write(tmp_path, cases + "DELIBERATE = {'b': {'reason': 'x'}}\n", "01_a"))
    with pytest.raises(ValueError, match="must have a 'reason'"):
        read_app(write(tmp_path, cases + "DELIBERATE = {'a': {'status': 1}}\n", "02_b"))


def test_allow_methods_are_compared_sorted(tmp_path: Path) -> None:
    source = (
        "from fastapi import FastAPI\napp = FastAPI()\n\n"
        "@app.api_route('/', methods=['PUT', 'GET', 'DELETE', 'PATCH'])\n"
        "def root() -> None:\n    pass\n\n"
        "CASES = [('post', 'POST', '/')]\n"
    )
    app = read_app(write(tmp_path, source))
    outcome = drive(app, "fastapi", "asyncio").outcomes["post"]
    assert outcome.status == 405
    assert outcome.headers["allow"] == ["DELETE, GET, PATCH, PUT"]
