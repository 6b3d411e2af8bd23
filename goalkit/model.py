"""The worksheet model: the single source of truth for notebooks, the app, the store and exports.

Every record is a frozen pydantic v2 model. A change makes a copy through :func:`evolve`, which
validates the result (``model_copy(update=...)`` would skip validation). Drafts are allowed:
text fields may be empty while a clinician and patient are still filling the worksheet in, but
the structure always holds (exactly one primary goal, at most two secondary goals, five GAS
levels, every barrier paired with a contingency plan field, links that point somewhere).

>>> ws = Worksheet(patient_ref="P-014")
>>> ws.primary.role
'primary'
>>> ws2 = evolve(ws, context="after_surgery")
>>> ws2.context, ws.context
('after_surgery', None)
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Final, Literal, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

__all__ = [
    "CONTEXTS",
    "DOMAINS",
    "GOAL_STATUSES",
    "INSTRUMENTS",
    "SCHEMA_VERSION",
    "Agreement",
    "Barrier",
    "CheckIn",
    "Context",
    "Domain",
    "EarlierWording",
    "GasLevel",
    "GasLevelText",
    "GasScale",
    "Goal",
    "GoalCheckIn",
    "GoalParts",
    "GoalStatus",
    "Instrument",
    "OutcomeMeasure",
    "Priority",
    "Review",
    "Role",
    "Step",
    "SupportPerson",
    "Worksheet",
    "evolve",
    "new_id",
]

SCHEMA_VERSION: Final = 1
"""Version of the worksheet file format; :mod:`goalkit.fileformat` upgrades older files."""

# Lengths are limits against runaway input (a pasted document, a hostile file), far above what a
# session produces. The file-level limit lives in goalkit.fileformat.
SHORT = 200
TEXT = 2_000
NOTES = 20_000

ShortText = Annotated[str, StringConstraints(max_length=SHORT)]
Text = Annotated[str, StringConstraints(max_length=TEXT)]
Notes = Annotated[str, StringConstraints(max_length=NOTES)]
# Identifiers end up in file names and element ids, so they are kept to a safe alphabet.
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
# A pseudonymous reference chosen by the clinic (for example "P-014"); never a name is required.
PatientRef = Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)]
IcfCode = Annotated[str, StringConstraints(pattern=r"^[bdes][0-9]{3,5}$")]
# The patient's language (BCP 47: "en", "es", "pt-BR"); goalkit.export.i18n.LANGUAGES have
# catalogs, any other shows goalkit's wording in English.
LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]

Role = Literal["primary", "secondary"]
Context = Literal["after_surgery", "after_trauma", "spinal_condition", "chronic_pain", "other_msk"]
CONTEXTS: dict[str, str] = {
    "after_surgery": "After spinal surgery",
    "after_trauma": "After trauma (including spinal cord injury)",
    "spinal_condition": "A spinal condition",
    "chronic_pain": "Chronic pain",
    "other_msk": "Other musculoskeletal",
}
# The six domains of the spinal-goals article, plus everyday activity and participation.
Domain = Literal[
    "pain_management",
    "physical_rehabilitation",
    "mental_health",
    "exercise",
    "stretching",
    "diet",
    "daily_activity",
]
DOMAINS: dict[str, str] = {
    "pain_management": "Pain management",
    "physical_rehabilitation": "Physical rehabilitation",
    "mental_health": "Mental health",
    "exercise": "Exercise",
    "stretching": "Stretching",
    "diet": "Anti-inflammatory diet",
    "daily_activity": "Daily activity and participation",
}
GasLevel = Literal[-2, -1, 0, 1, 2]
Instrument = Literal[
    "custom",
    "psfs",
    "psfs2",
    "copm_performance",
    "copm_satisfaction",
    "nrs_pain",
    "odi",
    "tug",
    "six_minute_walk",
    "chair_stand_30s",
    "peg",
]
INSTRUMENTS: dict[str, str] = {
    "custom": "Measure agreed for this goal",
    "tug": "Timed Up and Go (seconds)",
    "six_minute_walk": "6-minute walk test (metres)",
    "chair_stand_30s": "30-second chair stand (stands)",
    "peg": "PEG: pain, enjoyment of life, general activity (0-10)",
    "psfs": "Patient-Specific Functional Scale (0 = unable, 10 = pre-injury level)",
    "psfs2": "PSFS 2.0 (direction reversed; record which version was used)",
    "copm_performance": "COPM performance (1-10)",
    "copm_satisfaction": "COPM satisfaction (1-10)",
    "nrs_pain": "Pain numeric rating scale (0-10)",
    "odi": "Oswestry Disability Index (0-100)",
}


def new_id() -> str:
    """A short random identifier (12 hex characters), safe in file names."""
    return uuid.uuid4().hex[:12]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Record(BaseModel):
    """Base of every goalkit record: frozen, unknown fields rejected, numbers finite."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_max_length=NOTES, allow_inf_nan=False
    )


M = TypeVar("M", bound=Record)


def evolve(record: M, **changes: Any) -> M:
    """Return a validated copy of ``record`` with ``changes`` applied.

    Unlike ``model_copy(update=...)``, the result is validated, so a bad value raises
    ``pydantic.ValidationError`` instead of slipping into the model.
    """
    data = record.model_dump(mode="python", round_trip=True)
    data.update(changes)
    return type(record).model_validate(data)


class Priority(Record):
    """Something the patient wants to get back to, in their words."""

    id: Id = Field(default_factory=new_id)
    text: Text = ""


class SupportPerson(Record):
    """A partner or relative who helps set goals (pain can cloud judgement; spinal article)."""

    relationship: ShortText = ""
    how_they_help: Text = ""


class GoalParts(Record):
    """Bovend'Eerdt, Botell & Wade (2009): the four parts of a goal statement."""

    activity: Text = ""
    support: Text = ""
    quantity: Text = ""
    time_frame: Text = ""


class Step(Record):
    """A short-term building block toward a goal, with its own target date."""

    id: Id = Field(default_factory=new_id)
    text: Text = ""
    target_date: dt.date | None = None
    done_on: dt.date | None = None


class GasLevelText(Record):
    level: GasLevel
    text: Text = ""


_GAS_LEVELS: tuple[GasLevel, ...] = (-2, -1, 0, 1, 2)


def _blank_levels() -> tuple[GasLevelText, ...]:
    return tuple(GasLevelText(level=lv) for lv in _GAS_LEVELS)


class GasScale(Record):
    """A five-point Goal Attainment Scale, -2 (much less than expected) to +2 (much more).

    The expected outcome is level 0; ``baseline`` marks where the patient is now (usually -1,
    -2 when no worse state is plausible). Levels are stored in order -2..+2.
    """

    levels: tuple[GasLevelText, ...] = Field(default_factory=_blank_levels)
    baseline: GasLevel = -1

    @field_validator("levels")
    @classmethod
    def _five_levels(cls, levels: tuple[GasLevelText, ...]) -> tuple[GasLevelText, ...]:
        found = sorted(lv.level for lv in levels)
        if found != list(_GAS_LEVELS):
            raise ValueError(
                f"a GAS scale needs each level -2, -1, 0, +1, +2 exactly once (got {found})"
            )
        return tuple(sorted(levels, key=lambda lv: lv.level))

    def text(self, level: int) -> str:
        """The description written for ``level``."""
        return next(lv.text for lv in self.levels if lv.level == level)


class OutcomeMeasure(Record):
    """A measure tracked for a goal (distance walked, PSFS item, minutes sitting...)."""

    id: Id = Field(default_factory=new_id)
    name: ShortText = ""
    unit: ShortText = ""
    instrument: Instrument = "custom"
    baseline: float | None = None
    target: float | None = None
    higher_is_better: bool = Field(
        default=True,
        description="Direction of a custom measure when baseline and target do not tell it; "
        "a standard instrument's own direction, then baseline and target, decide first "
        "(goalkit.progress_rules.higher_is_better).",
    )


GoalStatus = Literal["achieved", "continued", "revised", "dropped"]
GOAL_STATUSES: dict[str, str] = {
    "achieved": "achieved",
    "continued": "continued as it is",
    "revised": "revised (rewritten)",
    "dropped": "dropped",
}


class Agreement(Record):
    """That a goal was agreed, by whom and when: the sign-off of a paper goal form."""

    by: ShortText = ""
    on: dt.date | None = None


class EarlierWording(Record):
    """A goal's wording before it was revised at a review, kept for the record."""

    statement: Text = ""
    until: dt.date
    reason: Text = ""


class Goal(Record):
    id: Id = Field(default_factory=new_id)
    role: Role = "primary"
    domain: Domain | None = None
    statement: Text = ""
    parts: GoalParts = Field(default_factory=GoalParts)
    why: Text = ""
    priority_ids: tuple[Id, ...] = ()
    confidence: Annotated[int, Field(ge=0, le=10)] | None = None
    steps: tuple[Step, ...] = ()
    gas: GasScale | None = None
    importance: Annotated[int, Field(ge=0, le=3)] | None = None
    difficulty: Annotated[int, Field(ge=0, le=3)] | None = None
    icf_codes: tuple[IcfCode, ...] = ()
    measures: tuple[OutcomeMeasure, ...] = ()
    agreed: Agreement | None = None
    earlier: tuple[EarlierWording, ...] = ()
    """Earlier wordings, oldest first, each kept when the goal was revised."""


class Barrier(Record):
    """Something that may get in the way, paired with what to do if it happens."""

    id: Id = Field(default_factory=new_id)
    text: Text = ""
    plan: Text = ""
    goal_ids: tuple[Id, ...] = ()


class Review(Record):
    """A planned review of the goals."""

    id: Id = Field(default_factory=new_id)
    date: dt.date
    purpose: Text = ""


class GoalCheckIn(Record):
    """What was recorded for one goal at a check-in."""

    goal_id: Id
    gas_level: GasLevel | None = None
    measures: dict[Id, float] = Field(default_factory=dict)
    note: Text = ""
    status: GoalStatus | None = None
    """The goal's status at this review; None when it was not reviewed."""
    reason: Text = ""
    """Why it was achieved, continued, revised or dropped, in a few words."""


class CheckIn(Record):
    """A later visit: per-goal GAS level and measures, pain, adherence, notes."""

    id: Id = Field(default_factory=new_id)
    date: dt.date
    goals: tuple[GoalCheckIn, ...] = ()
    pain: Annotated[float, Field(ge=0, le=10)] | None = None
    adherence: Annotated[int, Field(ge=0, le=100)] | None = Field(
        default=None, description="Share of the agreed tasks done since the last visit, in %."
    )
    notes: Notes = ""


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"two {what} share the id {i!r}")
        seen.add(i)


class Worksheet(Record):
    """One patient's goal-setting worksheet, as filled in together in a session."""

    schema_version: Literal[1] = SCHEMA_VERSION
    id: Id = Field(default_factory=new_id)
    created: AwareDatetime = Field(default_factory=_now)
    updated: AwareDatetime = Field(default_factory=_now)
    clinician: ShortText | None = None
    patient_ref: PatientRef = ""
    language: LanguageTag = Field(
        default="en", description="The patient's language, for the patient page's own wording."
    )
    context: Context | None = None
    priorities: tuple[Priority, ...] = ()
    values: tuple[Text, ...] = ()
    fears: tuple[Text, ...] = ()
    support: SupportPerson | None = None
    goals: tuple[Goal, ...] = Field(default_factory=lambda: (Goal(role="primary"),))
    barriers: tuple[Barrier, ...] = ()
    reviews: tuple[Review, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    notes: Notes = ""

    @model_validator(mode="after")
    def _structure(self) -> Worksheet:
        roles = [g.role for g in self.goals]
        if roles.count("primary") != 1:
            raise ValueError(
                f"a worksheet has exactly one primary goal (found {roles.count('primary')})"
            )
        if roles.count("secondary") > 2:
            raise ValueError(
                f"a worksheet has at most two secondary goals (found {roles.count('secondary')})"
            )
        _unique([g.id for g in self.goals], "goals")
        _unique([p.id for p in self.priorities], "priorities")
        _unique([b.id for b in self.barriers], "barriers")
        _unique([c.id for c in self.checkins], "check-ins")
        goal_ids = {g.id for g in self.goals}
        priority_ids = {p.id for p in self.priorities}
        for g in self.goals:
            for pid in g.priority_ids:
                if pid not in priority_ids:
                    raise ValueError(f"goal {g.id!r} links to unknown priority {pid!r}")
            _unique([m.id for m in g.measures], f"measures of goal {g.id!r}")
        for b in self.barriers:
            for gid in b.goal_ids:
                if gid not in goal_ids:
                    raise ValueError(f"barrier {b.id!r} links to unknown goal {gid!r}")
        for c in self.checkins:
            for gc in c.goals:
                if gc.goal_id not in goal_ids:
                    raise ValueError(f"check-in of {c.date} refers to unknown goal {gc.goal_id!r}")
        if self.updated < self.created:
            raise ValueError("'updated' is earlier than 'created'")
        return self

    @property
    def primary(self) -> Goal:
        """The one primary goal."""
        return next(g for g in self.goals if g.role == "primary")

    @property
    def secondary(self) -> tuple[Goal, ...]:
        return tuple(g for g in self.goals if g.role == "secondary")

    def goal(self, goal_id: str) -> Goal:
        """The goal with ``goal_id`` (KeyError when there is none)."""
        for g in self.goals:
            if g.id == goal_id:
                return g
        raise KeyError(goal_id)

    def next_review(self, today: dt.date | None = None) -> Review | None:
        """The first review on or after ``today``."""
        today = today or dt.date.today()
        upcoming = sorted((r for r in self.reviews if r.date >= today), key=lambda r: r.date)
        return upcoming[0] if upcoming else None

    def touched(self) -> Worksheet:
        """A copy with ``updated`` set to now."""
        return self.model_copy(update={"updated": max(_now(), self.created)})
