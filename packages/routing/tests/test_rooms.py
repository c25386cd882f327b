"""The package's rooms and their one direction (issue 15, DESIGN.md "Inside
fastslim-routing"): `_routes` -> `_compile` -> `_serve`; `_telemetry` is used by
`_serve` and `_routes` and uses none of them. No import cycle touches a room.

Every import counts: module level, inside functions and under `TYPE_CHECKING`. A room
takes part once its folder exists (the rooms are being laid out one at a time).
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
            for alias in node.names:  # `from . import x` imports the module x
                if f"{target}.{alias.name}" in known:
                    yield f"{target}.{alias.name}"
            if target in known:
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


def test_the_telemetry_room_exists_and_is_used_by_the_app() -> None:
    edges = graph()
    rooms = {room_of(name) for name in edges} - {None}
    assert "_telemetry" in rooms
    assert f"{NAME}._telemetry._stack" in edges[f"{NAME}.applications"]


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
