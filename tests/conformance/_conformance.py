"""FastAPI 0.165.0's own test suite (the given half) as fastslim's conformance suite.

Driven by `nox -s conformance`; stdlib only, so it runs in any environment.

    python tests/conformance/_conformance.py extract SDIST DEST
    python tests/conformance/_conformance.py compare FASTAPI.json FASTSLIM.json \
        FASTSLIM_AGAIN.json [--update-pending]
    python tests/conformance/_conformance.py report FASTAPI.json FASTSLIM.json OUT.md
    python tests/conformance/_conformance.py draft-pending FASTAPI.json FASTSLIM.json

`extract` writes only the members kept: `docs_src/` (FastAPI's documentation
examples), every file under `tests/` that is not a `test_*.py`, and the test files
listed in `given-files.txt`. The
held-out test files are never written, printed or read (the archive's index is
walked in memory, their contents never opened).

`compare` reads the outcomes written by the `_outcomes` plugin (one run on FastAPI,
two on fastslim) and fails when:
- a test that passes on FastAPI does not pass on fastslim and is listed neither in
  `known-differences.txt` nor in `pending.txt`;
- a test listed in `pending.txt` now passes (the list only shrinks:
  `--update-pending` removes those lines, it never adds one);
- a test's outcome on fastslim differs between the two runs (flaky), unless
  `known-differences.txt` lists it as "flaky on FastAPI too: ...".
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

HERE = Path(__file__).parent
GIVEN = HERE / "given-files.txt"
KNOWN = HERE / "known-differences.txt"
PENDING = HERE / "pending.txt"
TEST_FILE = re.compile(r"^test_.*\.py$")
KEPT_ROOTS = ("tests", "docs_src")
PASSING = {"passed", "xfailed"}


def given_files(path: Path = GIVEN) -> frozenset[str]:
    """The test files of the given half, as `tests/...py` paths."""
    lines = (line.strip() for line in path.read_text().splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def kept(name: str, given: frozenset[str]) -> str | None:
    """The path, relative to the sdist's root, to write for an archive member
    `fastapi-0.165.0/<path>`; `None` for a member that is not kept."""
    parts = PurePosixPath(name).parts
    if len(parts) < 3 or parts[1] not in KEPT_ROOTS or ".." in parts:
        return None
    relative = "/".join(parts[1:])
    # docs_src/ is FastAPI's documentation, kept whole (its test_main.py files are
    # examples the docs show); a test file of tests/ only when it is given.
    if parts[1] == "tests" and TEST_FILE.match(parts[-1]) and relative not in given:
        return None
    return relative


def extract(sdist: Path, dest: Path, given: frozenset[str]) -> int:
    """Write the kept members of `sdist` under `dest`; returns how many test files."""
    tests = 0
    with tarfile.open(sdist, "r:gz") as archive:
        for member in archive:
            relative = kept(member.name, given)
            if relative is None or not member.isfile():
                continue
            target = dest / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None
            target.write_bytes(source.read())
            tests += relative in given
    missing = len(given) - tests
    if missing:
        raise SystemExit(f"{missing} files of given-files.txt are not in {sdist.name}")
    return tests


@dataclass
class Listed:
    """A list file: `<nodeid>  # <reason>` per line."""

    path: Path
    reasons: dict[str, str] = field(default_factory=dict)
    lines: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Listed:
        listed = cls(path)
        if not path.exists():
            return listed
        for line in path.read_text().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            nodeid, _, reason = line.partition("  # ")
            if not reason.strip():
                raise SystemExit(f"{path.name}: no '  # <reason>' on line: {line}")
            listed.reasons[nodeid.strip()] = reason.strip()
            listed.lines[nodeid.strip()] = line
        return listed

    def rewrite_without(self, nodeids: set[str]) -> None:
        text = self.path.read_text().splitlines()
        keep = [line for line in text if line.partition("  # ")[0].strip() not in nodeids]
        self.path.write_text("\n".join(keep) + "\n")


def load(path: Path) -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(path.read_text())
    return data


def outcome(results: dict[str, dict[str, str]], nodeid: str) -> tuple[str, str]:
    """A test's outcome and first error line; a test that never ran takes its file's
    collection error."""
    if nodeid in results:
        return results[nodeid]["outcome"], results[nodeid]["error"]
    module = nodeid.split("::", 1)[0]
    if module in results:
        return "not collected", results[module]["error"]
    return "not collected", ""


def area(nodeid: str) -> str:
    """The test-file prefix a test is counted under: `tests/test_tutorial/test_body/...`
    → `test_tutorial/test_body`; `tests/test_openapi_examples.py` → `test_openapi`."""
    parts = nodeid.split("::", 1)[0].split("/")[1:]
    if len(parts) > 1:
        return "/".join(parts[:2]) if parts[0] == "test_tutorial" else parts[0]
    stem = parts[0].removesuffix(".py").removeprefix("test_")
    return "test_" + stem.split("_", 1)[0]


def compare(fastapi: Path, fastslim: Path, again: Path, update_pending: bool = False) -> int:
    base, first, second = load(fastapi), load(fastslim), load(again)
    known, pending = Listed.read(KNOWN), Listed.read(PENDING)
    for nodeid in set(known.reasons) & set(pending.reasons):
        print(f"listed in both known-differences.txt and pending.txt: {nodeid}")
        return 1
    reference = sorted(n for n, r in base.items() if "::" in n and r["outcome"] in PASSING)
    passing = [n for n in reference if outcome(first, n)[0] in PASSING]
    flaky = sorted(
        n for n in set(first) | set(second) if outcome(first, n)[0] != outcome(second, n)[0]
    )
    failing = [n for n in reference if outcome(first, n)[0] not in PASSING]
    unlisted = [n for n in failing if n not in known.reasons and n not in pending.reasons]
    fixed = sorted(n for n in pending.reasons if n in passing)
    stale_known = sorted(n for n in known.reasons if n in passing)
    share = 100 * len(passing) / len(reference) if reference else 100.0
    print(
        f"conformance: {len(reference)} tests pass on FastAPI 0.165.0, "
        f"{len(passing)} of them on fastslim ({share:.1f}%); "
        f"{len(known.reasons)} known differences, {len(pending.reasons)} pending"
    )
    per_area: dict[str, Counter[str]] = defaultdict(Counter)
    for nodeid in reference:
        per_area[area(nodeid)]["fastapi"] += 1
        per_area[area(nodeid)]["fastslim"] += nodeid in passing
    width = max((len(a) for a in per_area), default=4)
    for name in sorted(per_area):
        counts = per_area[name]
        print(f"  {name:<{width}}  {counts['fastslim']:>5} / {counts['fastapi']:<5}")
    status = 0
    flaky_unlisted = [n for n in flaky if not known.reasons.get(n, "").startswith("flaky on")]
    if flaky_unlisted:
        status = 1
        print(f"\n{len(flaky_unlisted)} tests changed outcome between two runs on fastslim:")
        for nodeid in flaky_unlisted:
            print(f"  {nodeid}: {outcome(first, nodeid)[0]} then {outcome(second, nodeid)[0]}")
    if unlisted:
        status = 1
        print(f"\n{len(unlisted)} tests pass on FastAPI and fail on fastslim, unlisted:")
        for nodeid in unlisted:
            result, error = outcome(first, nodeid)
            print(f"  {nodeid}  # {result}: {error}")
    if fixed:
        if update_pending:
            pending.rewrite_without(set(fixed))
            print(f"\npending.txt: removed {len(fixed)} tests that pass now")
        else:
            status = 1
            print(f"\n{len(fixed)} pending tests pass now; delete these lines from pending.txt")
            print("(or run `nox -s conformance -- --update-pending`):")
            for nodeid in fixed:
                print(f"  {pending.lines[nodeid]}")
    if stale_known:
        status = 1
        print(f"\n{len(stale_known)} known differences pass now; delete them:")
        for nodeid in stale_known:
            print(f"  {known.lines[nodeid]}")
    return status


_MISSING_MODULE = re.compile(r"No module named '(fastapi[\w.]*)'")
_MISSING_NAME = re.compile(r"cannot import name '(\w+)' from '(fastslim[\w.]*)'")
_MISSING_ATTRIBUTE = re.compile(r"'(\w+)' object has no attribute '(\w+)'")
_STATUS = re.compile(r"^(?:AssertionError: )?assert (\d{3}) == (\d{3})$")


def cause(nodeid: str, error: str) -> str:
    """A short cause for a failure, from its first error line (the same cause for every
    test that fails the same way)."""
    stem = nodeid.split("::", 1)[0].rsplit("/", 1)[-1].removesuffix(".py")
    if match := _MISSING_MODULE.search(error):
        return f"missing module {match.group(1).split(';')[0]}"
    if match := _MISSING_NAME.search(error):
        module = "fastapi" + match.group(2).removeprefix("fastslim")
        return f"missing import name {module}.{match.group(1)}"
    if match := _MISSING_ATTRIBUTE.search(error):
        return f"missing attribute {match.group(1)}.{match.group(2)}"
    if "is not fully defined" in error and "BackgroundTasks" in error:
        return "a Starlette BackgroundTasks annotation is not injected (model not fully defined)"
    if "Timeout" in error:
        return f"{stem}: hangs (timeout)"
    if "WebSocketDenialResponse" in error:
        return f"{stem}: WebSocket denied with an HTTP response"
    if match := re.search(r"DID NOT RAISE (\w+)", error):
        return f"{stem}: does not raise {match.group(1)}"
    if "DID NOT WARN" in error or "Regex pattern did not match" in error:
        return f"{stem}: warning differs"
    if match := _STATUS.match(error):
        return f"{stem}: status {match.group(1)} where FastAPI answers {match.group(2)}"
    if "'openapi'" in error or "'components'" in error or "'paths'" in error:
        return f"{stem}: OpenAPI document differs"
    if "'detail'" in error or '"detail"' in error:
        return f"{stem}: error body differs"
    return f"{stem}: {error.split(':', 1)[0][:60] or 'fails'}"


def failures(fastapi: Path, fastslim: Path) -> dict[str, tuple[str, str]]:
    """Every test that passes on FastAPI and not on fastslim: its outcome and first
    error line."""
    base, first = load(fastapi), load(fastslim)
    return {
        n: outcome(first, n)
        for n, r in sorted(base.items())
        if "::" in n and r["outcome"] in PASSING and outcome(first, n)[0] not in PASSING
    }


def report(fastapi: Path, fastslim: Path, out: Path) -> None:
    """A Markdown report of the failures grouped by cause (count, examples, first
    error line), largest group first."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for nodeid, (_, error) in failures(fastapi, fastslim).items():
        groups[cause(nodeid, error)].append((nodeid, error))
    lines = [
        "# FastAPI's given tests failing on fastslim, by cause",
        "",
        "Written by `python tests/conformance/_conformance.py report` from the outcomes of",
        "`nox -s conformance` (in .nox/conformance-files/outcomes/).",
        "",
    ]
    for name, rows in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        lines += [f"## {name} ({len(rows)})", "", f"First error: `{rows[0][1][:240]}`", ""]
        lines += [f"- `{nodeid}`" for nodeid, _ in rows[:4]]
        if len(rows) > 4:
            lines.append(f"- ... and {len(rows) - 4} more")
        lines.append("")
    out.write_text("\n".join(lines))


def draft_pending(fastapi: Path, fastslim: Path) -> list[str]:
    """`pending.txt` lines for today's unlisted failures (`<nodeid>  # <area>: <cause>`),
    for a person to review; `compare` never adds them by itself."""
    known, pending = Listed.read(KNOWN), Listed.read(PENDING)
    return [
        f"{nodeid}  # {area(nodeid)}: {cause(nodeid, error)}"
        for nodeid, (_, error) in failures(fastapi, fastslim).items()
        if nodeid not in known.reasons and nodeid not in pending.reasons
    ]


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "extract":
        count = extract(Path(args[0]), Path(args[1]), given_files())
        print(f"extracted {count} given test files, tests/ support files and docs_src/")
        return 0
    if command == "compare":
        update = "--update-pending" in args
        paths = [Path(a) for a in args if not a.startswith("--")]
        return compare(paths[0], paths[1], paths[2], update_pending=update)
    if command == "report":
        report(Path(args[0]), Path(args[1]), Path(args[2]))
        return 0
    if command == "draft-pending":
        print("\n".join(draft_pending(Path(args[0]), Path(args[1]))))
        return 0
    raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
