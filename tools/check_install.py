"""Check a package installed alone: nothing beyond its declared dependencies.

Usage: python tools/check_install.py DISTRIBUTION IMPORT_PACKAGE [EXTRA,...]

Run by each `tests-<package>` nox session right after installing the package's
wheel and before any test tool: it fails when the environment holds a
distribution that the package's requirements do not pull in, and imports every
module of the package, so an import of an undeclared dependency fails too.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import re
import sys

INSTALLER_TOOLS = {"pip", "setuptools", "wheel"}
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def required_names(
    distribution: importlib.metadata.Distribution, extras: frozenset[str] = frozenset()
) -> dict[str, frozenset[str]]:
    """Names of what `distribution` requires, with the given extras of its own, each
    with the extras the requirement asks of it (`celery[redis]`: {"redis"})."""
    names: dict[str, frozenset[str]] = {}
    for requirement in distribution.requires or []:
        extra = EXTRA_MARKER.search(requirement)
        if extra is not None and normalize(extra.group(1)) not in extras:
            continue
        match = NAME.match(requirement)
        if match:
            asked = WANTED_EXTRAS.match(requirement)
            wanted = asked.group(1).split(",") if asked else []
            name = normalize(match.group(1))
            names[name] = names.get(name, frozenset()) | {normalize(e.strip()) for e in wanted}
    return names


WANTED_EXTRAS = re.compile(r"^\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*\[([^\]]*)\]")


def closure(
    root: str, extras: frozenset[str], installed: dict[str, importlib.metadata.Distribution]
) -> set[str]:
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(root, extras)]
    while todo:
        name, asked = todo.pop()
        if (name, asked) in seen or name not in installed:
            continue
        seen.add((name, asked))
        todo.extend(required_names(installed[name], asked).items())
    return {name for name, _ in seen}


def main(distribution_name: str, import_name: str, extras: str = "") -> int:
    installed = {normalize(d.metadata["Name"]): d for d in importlib.metadata.distributions()}
    root = normalize(distribution_name)
    if root not in installed:
        print(f"{distribution_name} is not installed", file=sys.stderr)
        return 1
    wanted = closure(root, frozenset(normalize(e) for e in extras.split(",") if e), installed)
    extra = sorted(set(installed) - wanted - INSTALLER_TOOLS)
    print(f"{distribution_name} installed with: {', '.join(sorted(wanted - {root})) or 'nothing'}")
    if extra:
        print(f"not required by {distribution_name}: {', '.join(extra)}", file=sys.stderr)
        return 1
    package = importlib.import_module(import_name)
    modules = [import_name]
    for info in pkgutil.walk_packages(package.__path__, import_name + "."):
        importlib.import_module(info.name)
        modules.append(info.name)
    print(f"imported {len(modules)} modules of {import_name} with only those installed")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
