"""SMART variants: which words the A, R and T stand for, and so which rule decides them.

The report's criteria keys (:data:`CRITERIA`) never change; a :class:`Variant` picks the labels
and, through :data:`goalkit.smart_criteria.A_RULES` and ``R_RULES``, the rule behind A and R.
Read through :mod:`goalkit.smart`.

>>> [v.name for v in VARIANTS.values()]
['classic', 'realistic', 'spinal', 'action', 'action-results']
>>> VARIANTS["action"].labels["achievable"]
'Action-oriented'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "CRITERIA",
    "DEFAULT_VARIANT",
    "VARIANTS",
    "AMeaning",
    "Criterion",
    "RMeaning",
    "TMeaning",
    "Variant",
]

Criterion = Literal["specific", "measurable", "achievable", "relevant", "time_bound"]
CRITERIA: tuple[Criterion, ...] = get_args(Criterion)

AMeaning = Literal["achievable", "action-oriented"]
RMeaning = Literal["relevant", "realistic", "results-oriented"]
TMeaning = Literal["time-bound", "time frame"]

_LABELS: Mapping[str, str] = {
    "achievable": "Achievable", "action-oriented": "Action-oriented", "relevant": "Relevant",
    "realistic": "Realistic", "results-oriented": "Results-oriented",
    "time-bound": "Time-bound", "time frame": "Time frame",
}


@dataclass(frozen=True)
class Variant:
    """Which words the A, R and T stand for, and so which rule decides them.

    The report's criteria keys never change; only labels, messages and the A/R rules do.

    >>> VARIANTS["spinal"].label
    'Specific, Measurable, Achievable, Results-oriented, Time frame'
    """

    name: str
    a: AMeaning = "achievable"
    r: RMeaning = "relevant"
    t: TMeaning = "time-bound"

    def __post_init__(self) -> None:
        for value, allowed in ((self.a, AMeaning), (self.r, RMeaning), (self.t, TMeaning)):
            if value not in get_args(allowed):
                raise ValueError(f"unknown SMART meaning {value!r}; choose from "
                                 f"{', '.join(get_args(allowed))}")

    @property
    def labels(self) -> dict[Criterion, str]:
        """The label shown for each criterion under this variant."""
        return {"specific": "Specific", "measurable": "Measurable",
                "achievable": _LABELS[self.a], "relevant": _LABELS[self.r],
                "time_bound": _LABELS[self.t]}

    @property
    def label(self) -> str:
        """All five words, e.g. 'Specific, Measurable, Achievable, Relevant, Time-bound'."""
        return ", ".join(self.labels.values())


VARIANTS: Mapping[str, Variant] = {
    v.name: v for v in (
        Variant("classic"),
        Variant("realistic", r="realistic"),
        Variant("spinal", r="results-oriented", t="time frame"),
        Variant("action", a="action-oriented"),
        Variant("action-results", a="action-oriented", r="results-oriented"),
    )
}
DEFAULT_VARIANT = VARIANTS["classic"]
