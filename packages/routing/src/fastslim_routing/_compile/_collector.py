"""The `ParameterResolver` routing hands to fastslim-di's `build_plan`.

One slot per (owner, parameter name): the slot's source is a small object that
reads the value validated for it before solving (`VALUES`), or raises the slot's
`ParameterErrors` (`ERRORS`). Special values (`Request`, `Response`,
`BackgroundTasks`...) get sources that read or create them in the request
scope's values. A resolver asked after the route was compiled (an override
declared later) gives self-validating sources instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastslim_di import ParameterInfo, ParameterSource

from .._serve._file_bytes import slot_source
from .._serve._slots import SlotSource, special_source
from .._serve._spec import ParamSpec
from ._classify import classify

LateSourceFactory = Callable[[ParamSpec], ParameterSource]


class Collector:
    """Collects a route's request parameters while its plan is built.

    `specs` lists each slot's `ParamSpec` in the order met; `slot_of` maps a
    spec to its slot name (`p0`, `p1`...). After `freeze()`, new parameters
    (from an override's plan) get a source made by `late_source`.
    """

    def __init__(self, path_names: frozenset[str], late_source: LateSourceFactory) -> None:
        self.path_names = path_names
        self.specs: list[ParamSpec] = []
        self.slots: list[str] = []
        self._by_key: dict[tuple[Any, str], SlotSource] = {}
        self._late_source = late_source
        self._frozen = False
        self._late = 0

    def freeze(self) -> None:
        self._frozen = True
        self._late = len(self.specs)

    def __call__(self, parameter: ParameterInfo, /) -> ParameterSource | None:
        source = special_source(parameter.annotation)
        if source is not None:
            return source
        key = (parameter.owner, parameter.name)
        found = self._by_key.get(key)
        if found is not None:
            return found
        if self._frozen:  # an override's parameter: indices go on, for the error order
            self._late += 1
            return self._late_source(classify(parameter, self.path_names, self._late))
        spec = classify(parameter, self.path_names, len(self.specs))
        slot = f"p{len(self.specs)}"
        self.specs.append(spec)
        self.slots.append(slot)
        found = self._by_key[key] = slot_source(slot, spec)
        return found
