import inspect
from collections.abc import Iterator
from typing import Annotated

from fastslim_di import EMPTY, DependencyNode, Depends, ParameterInfo, build_plan
from fastslim_di._plan import describe_annotation


def shared() -> str:
    return "s"


def left(s: Annotated[str, Depends(shared)]) -> str:
    return s


def right(s: Annotated[str, Depends(shared)]) -> Iterator[str]:
    yield s


def endpoint(a: Annotated[str, Depends(left)], b: Annotated[str, Depends(right)]) -> None:
    pass


def test_parameter_info_defaults() -> None:
    info = ParameterInfo(endpoint, "a", int, (), EMPTY, inspect.Parameter.KEYWORD_ONLY)
    assert not info.has_default
    assert ParameterInfo(endpoint, "a", int, (), None, info.kind).has_default
    assert EMPTY is inspect.Parameter.empty


def test_iter_nodes_yields_each_node_once_depth_first() -> None:
    plan = build_plan(endpoint, dependencies=[Depends(shared)])
    nodes = list(plan.iter_nodes())
    assert [node.name for node in nodes] == ["shared", "left", "right"]
    assert all(isinstance(node, DependencyNode) for node in nodes)
    assert "scope='request'" in repr(nodes[2])
    assert "SYNC_GENERATOR" in repr(nodes[2])


def test_plan_flags() -> None:
    plan = build_plan(endpoint)
    assert plan.sync_solvable
    assert not plan.uses_app_scope
    assert not plan.is_async
    assert plan.sources() == []


def test_describe_annotation() -> None:
    assert describe_annotation(EMPTY) == "(none)"
    assert describe_annotation(int) == "int"
    assert describe_annotation(list[int]) == "list[int]"
    assert describe_annotation("Decimal") == "'Decimal'"
