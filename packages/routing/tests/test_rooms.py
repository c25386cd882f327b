"""The package's rooms and their one direction (issue 15, DESIGN.md "Inside
fastslim-routing"): `_routes` -> `_compile` -> `_serve`; `_telemetry` is used by
`_serve` and `_routes` and uses none of them. No import cycle touches a room.

Every import counts: module level, inside functions and under `TYPE_CHECKING`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import fastslim_routing

PACKAGE = Path(fastslim_routing.__file__).parent
NAME = "fastslim_routing"
ALLOWED = {
    "_routes": {"_compile", "_serve", "_telemetry"},
    "_compile": {"_serve"},
    "_serve": {"_telemetry"},
    "_telemetry": set(),
}


def module_name(path: Path) -> str:
    parts = [NAME, *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> Iterator[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            submodules = [f"{target}.{alias.name}" for alias in node.names]
            yield from (module for module in submodules if module in known)
            # `from . import x` imports the module x; its package counts only for a name
            # that is not a module, and never when it is a package the importer is in
            # (imported before the importer anyway).
            if (
                target in known
                and not all(module in known for module in submodules)
                and not name.startswith(target + ".")
            ):
                yield target
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in known)


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: set(imports(name, path, known)) - {name} for name, path in found.items()}


def room_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in ALLOWED else None


def reach(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in edges[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def violations(edges: dict[str, set[str]]) -> list[str]:
    """Imports against the room order, directly or through a module outside the rooms."""
    found = []
    for name, targets in sorted(edges.items()):
        room = room_of(name)
        if room is None:
            continue
        for target in sorted(targets):
            target_room = room_of(target)
            if target_room is not None:
                if target_room != room and target_room not in ALLOWED[room]:
                    found.append(f"{name} imports {target}")
                continue
            rooms = {far_room for far in reach(target, edges) if (far_room := room_of(far))}
            if not rooms <= ALLOWED[room]:
                found.append(f"{name} imports {target}, which reaches {sorted(rooms)}")
    return found


def cycles(edges: dict[str, set[str]]) -> list[str]:
    """Modules of a room that reach themselves again."""
    return sorted(
        name for name in edges if room_of(name) is not None and name in reach(name, edges)
    )


def test_rooms_import_in_one_direction() -> None:
    assert violations(graph()) == []


def test_no_cycle_touches_a_room() -> None:
    assert cycles(graph()) == []


def test_every_private_module_is_in_a_room() -> None:
    """Only the base modules every room may use, and the internals views, stay outside."""
    outside = {
        name
        for name, path in modules().items()
        if room_of(name) is None
        and path.name != "__init__.py"
        and not name.startswith(f"{NAME}._internals.")  # the views room (_internals/)
        and any(part.startswith("_") and part[1] != "_" for part in name.split(".")[1:])
    }
    assert outside == {
        f"{NAME}._encoders",
        f"{NAME}._endpoint_context",
        f"{NAME}.openapi._form_models",
        f"{NAME}.openapi._operation",
        f"{NAME}.openapi._params",
        f"{NAME}.openapi._redirect",
        f"{NAME}.openapi._responses",
        f"{NAME}.openapi._routes",
        f"{NAME}.openapi._schemas",
        f"{NAME}.openapi._setup",
        f"{NAME}.security._errors",
    }


def test_the_rooms_are_used_from_the_top() -> None:
    edges = graph()
    assert f"{NAME}._telemetry._stack" in edges[f"{NAME}.applications"]
    assert f"{NAME}._routes._router" in edges[f"{NAME}.routing"]


def test_the_walk_sees_a_wrong_import_and_a_cycle() -> None:
    edges = {
        f"{NAME}._telemetry._a": {f"{NAME}.exceptions"},
        f"{NAME}.exceptions": {f"{NAME}._serve._x"},
        f"{NAME}._serve._x": {f"{NAME}._serve._y"},
        f"{NAME}._serve._y": {f"{NAME}._serve._x"},
    }
    assert violations(edges) == [
        f"{NAME}._telemetry._a imports {NAME}.exceptions, which reaches ['_serve']"
    ]
    assert cycles(edges) == [f"{NAME}._serve._x", f"{NAME}._serve._y"]
