"""The oracle corpus: small apps written once against FastAPI, run on FastAPI and on fastslim.

Each app is a module `corpus/<nn>_<topic>.py` that imports from `fastapi` and defines:

- `app`: the ASGI app;
- `CASES`: a literal list of requests, each `(id, method, url)` or `(id, method, url,
  options)`, where `options` is a dict with any of `json`, `content` (bytes; a list of
  bytes is sent in chunks, without Content-Length), `data` (form fields), `files` (as
  httpx's: a dict or a list of pairs, each file a `(name, bytes[, content type])` tuple;
  the multipart boundary is random), `headers` (a dict, or a list of pairs for repeated
  names), `cookies` (a dict, sent as one Cookie header),
  `params`, `follow_redirects` (default False: a redirect is observed, not followed) and
  `raises` (True: sent by a client with `raise_server_exceptions=True`, so that an
  exception the server raises reaches the caller and is compared);
- optionally `LIFESPAN = True` (the client is entered as a context manager, so the app's
  lifespan runs around the cases; without it, the cases share one event loop on which no
  lifespan runs) and `CLIENT = {...}` (literal keyword arguments of the
  TestClient, e.g. `root_path`);
- or `DECLARATION_ERROR = True` (and no `CASES`): building the module raises, and the
  exception is what is compared;
- WebSocket cases: `(id, "WS", url, {"ws": [step, ...], ...})` (see `_websocket_cases.py`);
- optionally `DELIBERATE = {what: {"reason": ..., field: value}}`, where `what` is a case id
  or "declaration": a deliberate difference (listed in the README), given as the fields of
  fastslim's outcome that differ from FastAPI's (`status`, `headers` (merged), `body`,
  `error`, `warnings`). fastslim must give exactly FastAPI's outcome with those fields.

The source is executed twice per backend, as written (FastAPI) and with every word
`fastapi` replaced by `fastslim`, each time as a fresh module, so the two never share
state. Both are driven by fastslim's TestClient, case by case in order (a case may observe
what an earlier one left behind, such as a background task's effect). What is compared:
status, headers (lower-cased names; `date` and `server` dropped; repeated headers as
lists; the time in a Set-Cookie `expires=` not compared; the methods of `allow` sorted),
body bytes, the warnings emitted (category and message; not ResourceWarnings, which depend
on when the garbage collector runs), and, where a case or the declaration raises, the
exception's class name and `str()`. The module's name, which differs per load, is masked
wherever it appears, and so are object addresses (` at 0x...`) in exception messages and
warnings.

`python tests/compat/_corpus.py [name ...]` prints what each case gives on FastAPI and, if
it loads, on fastslim (asyncio), while an app is being written; with `--diffs`, only the
differences (for the compat-diffs notes); with `--deliberate`, the deliberate differences
(for the README).
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import functools
import json
import re
import sys
import types
import warnings
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path
from typing import Any, Literal

import anyio.from_thread
import httpx
from _websocket_cases import WEBSOCKET, converse

from fastslim_testclient import TestClient

Framework = Literal["fastapi", "fastslim"]
Backend = Literal["asyncio", "trio"]
FRAMEWORKS: tuple[Framework, ...] = ("fastapi", "fastslim")
BACKENDS: tuple[Backend, ...] = ("asyncio", "trio")
CORPUS_DIR = Path(__file__).with_name("corpus")
DROPPED_HEADERS = frozenset({"date", "server"})
REQUEST_OPTIONS = frozenset(
    {
        "json",
        "content",
        "data",
        "files",
        "headers",
        "cookies",
        "params",
        "follow_redirects",
        "raises",
        "ws",
    }
)
MODULE_MASK = "<corpus module>"
DELIBERATE_FIELDS = frozenset({"reason", "status", "headers", "body", "error", "warnings"})
_module_ids = count()
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_EXPIRES = re.compile(r"expires=\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT")


@dataclass(frozen=True)
class Case:
    """One request of an app's `CASES`."""

    id: str
    method: str
    url: str
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def raises(self) -> bool:
        return bool(self.options.get("raises", False))

    def request_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of `TestClient.request` for this case."""
        kwargs = {k: v for k, v in self.options.items() if k not in ("raises", "cookies")}
        kwargs.setdefault("follow_redirects", False)
        cookies = self.options.get("cookies")
        if cookies:
            # Per-request cookies are deprecated in httpx: send them as a header.
            headers = kwargs.get("headers") or {}
            pair = ("cookie", "; ".join(f"{name}={value}" for name, value in cookies.items()))
            if isinstance(headers, Mapping):
                kwargs["headers"] = {**headers, pair[0]: pair[1]}
            else:
                kwargs["headers"] = [*headers, pair]
        return kwargs


@dataclass(frozen=True, eq=False)
class CorpusApp:
    """An app module of the corpus, read (not executed) for its cases and flags."""

    name: str
    path: Path
    cases: tuple[Case, ...]
    declaration_error: bool
    lifespan: bool
    client_options: Mapping[str, Any]
    deliberate: Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Outcome:
    """What a client observes of one request (or of building an app)."""

    status: int | None = None
    headers: Mapping[str, list[str]] = field(default_factory=dict)
    body: bytes = b""
    error: tuple[str, str] | None = None
    warnings: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Run:
    """An app built and driven on one framework and backend."""

    declaration: Outcome
    outcomes: Mapping[str, Outcome]


def _assigned(tree: ast.Module) -> dict[str, ast.expr]:
    values: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values[target.id] = node.value
        elif (
            isinstance(node, ast.AnnAssign)
            and node.value is not None
            and isinstance(node.target, ast.Name)
        ):
            values[node.target.id] = node.value
    return values


class _Inline(ast.NodeTransformer):
    """Replaces names of module-level literals by their values, so CASES may use them."""

    def __init__(self, values: Mapping[str, ast.expr]) -> None:
        self.values = values

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.values:
            inlined: ast.AST = self.visit(self.values[node.id])
            return inlined
        return node


def _literal(tree: ast.Module, name: str, default: Any) -> Any:
    values = _assigned(tree)
    if name not in values:
        return default
    return ast.literal_eval(_Inline(values).visit(values[name]))


def _case(raw: Any, app: str) -> Case:
    if not isinstance(raw, tuple) or len(raw) not in (3, 4):
        raise ValueError(f"A case of {app} must be (id, method, url[, options]), not {raw!r}.")
    options = raw[3] if len(raw) == 4 else {}
    unknown = set(options) - REQUEST_OPTIONS
    if unknown:
        raise ValueError(f"Case {raw[0]!r} of {app} has unknown options {sorted(unknown)}.")
    return Case(raw[0], raw[1], raw[2], options)


def _deliberate(tree: ast.Module, app: str, known: set[str]) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = _literal(tree, "DELIBERATE", {})
    for what, entry in entries.items():
        if what not in known:
            raise ValueError(f"DELIBERATE of {app} names {what!r}, which is no case of it.")
        if not isinstance(entry.get("reason"), str) or set(entry) - DELIBERATE_FIELDS:
            raise ValueError(
                f"DELIBERATE[{what!r}] of {app} must have a 'reason' and only the fields "
                f"{sorted(DELIBERATE_FIELDS)}, not {sorted(entry)}."
            )
    return entries


def read_app(path: Path) -> CorpusApp:
    """The cases and flags of a corpus module, from its literal assignments."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    try:
        raw_cases = _literal(tree, "CASES", [])
    except ValueError as exc:
        raise ValueError(f"The CASES of {path.stem} are not a literal: {exc}") from exc
    cases = tuple(_case(raw, path.stem) for raw in raw_cases)
    ids = [case.id for case in cases]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path.stem} has duplicate case ids: {ids}.")
    declaration_error = bool(_literal(tree, "DECLARATION_ERROR", False))
    if not cases and not declaration_error:
        raise ValueError(f"{path.stem} defines neither CASES nor DECLARATION_ERROR = True.")
    return CorpusApp(
        name=path.stem,
        path=path,
        cases=cases,
        declaration_error=declaration_error,
        lifespan=bool(_literal(tree, "LIFESPAN", False)),
        client_options=_literal(tree, "CLIENT", {}),
        deliberate=_deliberate(tree, path.stem, {"declaration", *ids}),
    )


def corpus_apps(directory: Path = CORPUS_DIR) -> list[CorpusApp]:
    """Every app of the corpus, by file name."""
    return [read_app(path) for path in sorted(directory.glob("[0-9]*_*.py"))]


def source_for(app: CorpusApp, framework: Framework) -> str:
    source = app.path.read_text(encoding="utf-8")
    return source if framework == "fastapi" else re.sub(r"\bfastapi\b", "fastslim", source)


@contextlib.contextmanager
def _recorded_warnings() -> Iterator[list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def module_name(app: CorpusApp, framework: Framework) -> str:
    """A fresh module name, of the same length for both frameworks."""
    return f"corpus_{app.name}_{framework[-1]}{next(_module_ids):06d}"


class _Masker:
    """Replaces a loaded module's name (it differs per load) in what is compared."""

    def __init__(self, name: str) -> None:
        self.name = name

    def text(self, value: str) -> str:
        return _ADDRESS.sub(" at 0x<address>", value.replace(self.name, MODULE_MASK))

    def body(self, value: bytes) -> bytes:
        return value.replace(self.name.encode(), MODULE_MASK.encode())

    def error(self, exc: BaseException) -> tuple[str, str]:
        return (type(exc).__name__, self.text(str(exc)))

    def warnings(self, caught: list[warnings.WarningMessage]) -> tuple[tuple[str, str], ...]:
        # A ResourceWarning tells when the garbage collector ran, not what the app did.
        return tuple(
            (w.category.__name__, self.text(str(w.message)))
            for w in caught
            if not issubclass(w.category, ResourceWarning)
        )


def load(app: CorpusApp, framework: Framework) -> tuple[Outcome, types.ModuleType | None, _Masker]:
    """Execute the app's source for `framework` as a fresh module.

    The module is in `sys.modules` only while it executes (so that Pydantic and
    dataclasses resolve its names), under a name no other load uses.
    """
    name = module_name(app, framework)
    mask = _Masker(name)
    module = types.ModuleType(name)
    module.__file__ = str(app.path)
    code = compile(source_for(app, framework), str(app.path), "exec")
    sys.modules[name] = module
    error = None
    try:
        with _recorded_warnings() as caught:
            try:
                exec(code, module.__dict__)
            except Exception as exc:
                error = mask.error(exc)
    finally:
        del sys.modules[name]
    declaration = Outcome(error=error, warnings=mask.warnings(caught))
    return declaration, (None if error else module), mask


def _headers(response: httpx.Response) -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in response.headers.multi_items():
        if name.lower() == "set-cookie":
            # A deleted cookie expires "now": the time of day is not compared.
            value = _EXPIRES.sub("expires=<now>", value)
        elif name.lower() == "allow":
            # Its order follows a set's, which varies with the hash seed (FastAPI's too).
            value = ", ".join(sorted(value.split(", ")))
        if name.lower() not in DROPPED_HEADERS:
            headers.setdefault(name.lower(), []).append(value)
    return headers


def send(client: TestClient, case: Case, mask: _Masker) -> Outcome:
    """One case through `client`, observed."""
    with _recorded_warnings() as caught:
        try:
            if case.method == WEBSOCKET:
                response = converse(client, case.url, case.request_kwargs())
            else:
                response = client.request(case.method, case.url, **case.request_kwargs())
        except Exception as exc:
            return Outcome(error=mask.error(exc), warnings=mask.warnings(caught))
    return Outcome(
        status=response.status_code,
        headers=_headers(response),
        body=mask.body(response.content),
        warnings=mask.warnings(caught),
    )


def drive(app: CorpusApp, framework: Framework, backend: Backend) -> Run:
    """Build the app on `framework` and send every case, in order."""
    declaration, module, mask = load(app, framework)
    if module is None:
        return Run(declaration, {})
    asgi_app = getattr(module, "app", None)
    if asgi_app is None:
        return Run(Outcome(error=("AttributeError", "The module defines no app.")), {})
    outcomes: dict[str, Outcome] = {}
    with contextlib.ExitStack() as stack:
        clients: dict[bool, TestClient] = {}
        # One event loop for every case of the run (a loop per request costs ~10x a request).
        portal = stack.enter_context(anyio.from_thread.start_blocking_portal(backend))

        def client_for(raises: bool) -> TestClient:
            if raises not in clients:
                client = TestClient(
                    asgi_app,
                    raise_server_exceptions=raises,
                    backend=backend,
                    **app.client_options,
                )
                if app.lifespan:
                    stack.enter_context(client)
                else:
                    # The client's own portal attribute: used for requests, no lifespan run.
                    client.portal = portal
                    stack.enter_context(contextlib.closing(client))
                clients[raises] = client
            return clients[raises]

        for case in app.cases:
            outcomes[case.id] = send(client_for(case.raises), case, mask)
    return Run(declaration, outcomes)


@functools.cache
def run(app: CorpusApp, framework: Framework, backend: Backend) -> Run:
    """`drive`, once per app, framework and backend in a test session."""
    return drive(app, framework, backend)


def _json_lines(body: bytes) -> list[str] | None:
    try:
        return json.dumps(json.loads(body), indent=2, sort_keys=True).splitlines()
    except ValueError:
        return None


def describe_difference(expected: Outcome, actual: Outcome) -> str:
    """A readable account of how fastslim's outcome differs from FastAPI's."""
    lines: list[str] = []
    for name in ("status", "error"):
        if getattr(expected, name) != getattr(actual, name):
            lines.append(f"{name}: FastAPI {getattr(expected, name)!r}")
            lines.append(f"{' ' * len(name)}  fastslim {getattr(actual, name)!r}")
    if expected.warnings != actual.warnings:
        lines.append(
            f"warnings: FastAPI {len(expected.warnings)}, fastslim {len(actual.warnings)}"
            " (count each: FastAPI, fastslim)"
        )
        counts = Counter(expected.warnings), Counter(actual.warnings)
        for warning in sorted(set(counts[0]) | set(counts[1])):
            lines.append(
                f"  {counts[0][warning]}, {counts[1][warning]}: {warning[0]} {warning[1]!r}"
            )
    for header in sorted(set(expected.headers) | set(actual.headers)):
        want, got = expected.headers.get(header), actual.headers.get(header)
        if want != got:
            lines.append(f"header {header}: FastAPI {want!r}, fastslim {got!r}")
    if expected.body != actual.body:
        want_json, got_json = _json_lines(expected.body), _json_lines(actual.body)
        if want_json is not None and got_json is not None and want_json != got_json:
            lines.append("body (JSON, - FastAPI, + fastslim):")
            lines.extend(difflib.unified_diff(want_json, got_json, lineterm="", n=2))
        else:
            lines.append(f"body: FastAPI {expected.body[:600]!r}")
            lines.append(f"      fastslim {actual.body[:600]!r}")
    return "\n".join(lines)


def deliberately(outcome: Outcome, entry: Mapping[str, Any] | None) -> Outcome:
    """FastAPI's `outcome` with the fields a deliberate difference changes on fastslim."""
    if entry is None:
        return outcome
    changes: dict[str, Any] = {}
    if "status" in entry:
        changes["status"] = entry["status"]
    if "headers" in entry:
        changes["headers"] = {**outcome.headers, **entry["headers"]}
    if "body" in entry:
        changes["body"] = entry["body"]
    if "error" in entry:
        changes["error"] = None if entry["error"] is None else tuple(entry["error"])
    if "warnings" in entry:
        changes["warnings"] = tuple(tuple(warning) for warning in entry["warnings"])
    changed = replace(outcome, **changes)
    if changed == outcome:
        raise AssertionError(
            f"Listed as a deliberate difference ({entry['reason']}), but FastAPI already gives "
            "what fastslim is expected to give: remove the DELIBERATE entry."
        )
    return changed


def compare(expected: Outcome, actual: Outcome, what: str) -> None:
    """Fail with a readable difference unless both outcomes are equal."""
    if expected != actual:
        raise AssertionError(f"{what} differs\n{describe_difference(expected, actual)}")


def _show(outcome: Outcome) -> str:
    if outcome.error:
        return f"RAISES {outcome.error[0]}: {outcome.error[1][:300]}"
    headers = {k: v if len(v) > 1 else v[0] for k, v in outcome.headers.items()}
    text = f"{outcome.status} {headers} {outcome.body[:400]!r}"
    return text + (f" WARNINGS {outcome.warnings}" if outcome.warnings else "")


def _brief(outcome: Outcome) -> str:
    if outcome.error:
        return f"raises {outcome.error[0]}: {outcome.error[1][:200]!r}"
    return f"{outcome.status} {outcome.body[:200]!r}"


def _differences(app: CorpusApp) -> Iterator[str]:
    """One markdown line per difference of `app` (the trio run only where asyncio agrees)."""
    seen: set[str] = set()
    for backend in BACKENDS:
        expected, actual = drive(app, "fastapi", backend), drive(app, "fastslim", backend)
        pairs = [("declaration", expected.declaration, actual.declaration)]
        pairs += [
            (case.id, expected.outcomes[case.id], actual.outcomes.get(case.id, Outcome()))
            for case in app.cases
            if expected.outcomes and actual.outcomes
        ]
        for what, fastapi_gives, got in pairs:
            want = deliberately(fastapi_gives, app.deliberate.get(what))
            if want != got and what not in seen:
                seen.add(what)
                detail = describe_difference(want, got).splitlines()[0]
                yield (
                    f"- `{app.name}` `{what}` ({backend}): {detail[:160]}\n"
                    f"  FastAPI: {_brief(want)}\n  fastslim: {_brief(got)}"
                )


def main(args: list[str]) -> None:
    """Print each case's outcome on FastAPI and where fastslim differs (asyncio).

    With `--diffs`, print only the differences, as markdown lines.
    """
    diffs_only = "--diffs" in args
    names = [arg for arg in args if not arg.startswith("--")]
    for app in corpus_apps():
        if names and not any(app.name.startswith(name) for name in names):
            continue
        if "--deliberate" in args:
            for what, entry in app.deliberate.items():
                print(f"- {entry['reason']} (`{app.name}`, {what})")
            continue
        if diffs_only:
            for line in _differences(app):
                print(line)
            continue
        fastapi_run = drive(app, "fastapi", "asyncio")
        fastslim_run = drive(app, "fastslim", "asyncio")
        print(f"== {app.name}: declaration {_show(fastapi_run.declaration)}")
        if fastslim_run.declaration != fastapi_run.declaration:
            print(f"   fastslim declaration {_show(fastslim_run.declaration)}")
        for case in app.cases if fastapi_run.outcomes else ():
            print(f"  {case.id}: {_show(fastapi_run.outcomes[case.id])}")
            slim = fastslim_run.outcomes.get(case.id)
            if slim is not None and slim != fastapi_run.outcomes[case.id]:
                print(f"    fastslim: {_show(slim)}")


if __name__ == "__main__":
    main(sys.argv[1:])
