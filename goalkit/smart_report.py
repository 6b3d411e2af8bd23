"""The records a SMART check returns: a :class:`SmartReport` with one :class:`Finding` per
criterion, Bovend'Eerdt's :class:`Parts` and the wording flags (:class:`LanguageFlag`).
Read through :mod:`goalkit.smart`.

They are frozen data: :func:`goalkit.smart.check_goal` builds them, and
:mod:`goalkit.smart_render` shows them.

>>> Finding("time_bound", False, "No time frame.").evidence
()
>>> Parts(activity="walk").time_frame is None
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from goalkit.smart_variants import Criterion, Variant

__all__ = ["Finding", "LanguageFlag", "Parts", "SmartReport"]


@dataclass(frozen=True)
class Finding:
    """The verdict on one criterion: met (None = cannot be judged from what was given)."""

    criterion: Criterion
    met: bool | None
    message: str
    evidence: tuple[str, ...] = ()
    suggestion: str | None = None


@dataclass(frozen=True)
class Parts:
    """Bovend'Eerdt's four parts of a goal statement: the words found for each, or None."""

    activity: str | None = None
    support: str | None = None
    quantity: str | None = None
    time_frame: str | None = None


@dataclass(frozen=True)
class LanguageFlag:
    """Clinician-centred or coercive wording, why it matters, and a collaborative rewording."""

    phrase: str
    why: str
    rewording: str


@dataclass(frozen=True)
class SmartReport:
    """Everything :func:`check_goal` found, ready to render."""

    text: str
    variant: Variant
    criteria: dict[Criterion, Finding]
    pain_only: bool
    parts: Parts
    language: list[LanguageFlag] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    pain_advice: str | None = None
    reworded: str | None = None
    notes: tuple[str, ...] = ()
    #: the goal's own words that make pain a condition of its activity ("without pain")
    pain_condition: str | None = None
    #: the language the goal seems to be written in when it is not English (ISO 639-1), else None
    other_language: str | None = None

    @property
    def flags(self) -> tuple[str, ...]:
        """Stable names of the findings beyond the letters, for results and class tables.

        >>> from goalkit.smart_variants import VARIANTS
        >>> SmartReport("Less pain", VARIANTS["classic"], {}, True, Parts()).flags
        ('pain_only',)
        """
        found = {
            "pain_only": self.pain_only,
            "pain_condition": self.pain_condition is not None,
            "clinician_wording": bool(self.language),
            "not_english": self.other_language is not None,
        }
        return tuple(name for name, present in found.items() if present)

    @property
    def is_smart(self) -> bool:
        """True when all five criteria are met."""
        return all(f.met is True for f in self.criteria.values())
