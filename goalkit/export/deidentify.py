"""De-identified exports: the pseudonymous patient reference stays; the clinician's name and the
free-text notes, where names, addresses and dates of birth tend to be written, are dropped.

:data:`DROPPED` lists exactly what goes, as paths in the worksheet file format. Everything else
is kept as it is, because it is the plan itself: the patient reference (a clinic code such as
``P-014``, never a name), the worksheet id, dates, context, priorities, values, fears, goals and
their steps, GAS scales and measures, barriers and plans, reviews, check-in scores and the support
person's relationship (``partner``). Those texts are in the patient's own words and can still
hold an identifying detail: read a de-identified export before it leaves the clinic. This is
data minimisation for sharing (teaching, audit), not anonymisation.

>>> from goalkit.model import Worksheet
>>> ws = deidentify(Worksheet(patient_ref="P-9", clinician="Dr A. Smith", notes="lives at ..."))
>>> ws.patient_ref, ws.clinician, ws.notes
('P-9', None, '')
"""

from __future__ import annotations

from ..model import Worksheet, evolve

__all__ = ["DROPPED", "deidentify"]

DROPPED: tuple[tuple[str, str], ...] = (
    ("clinician", "the clinician's name"),
    ("notes", "the worksheet's free-text notes"),
    ("support.how_they_help", "how the support person helps (often names them)"),
    ("checkins[].notes", "the notes written at each check-in"),
    ("checkins[].goals[].note", "the note on each goal at each check-in"),
    ("goals[].agreed.by", "who agreed each goal (often names the clinician)"),
)
"""What a de-identified export leaves out: (field path, what it is)."""


def deidentify(ws: Worksheet) -> Worksheet:
    """A copy of ``ws`` without the fields listed in :data:`DROPPED`."""
    support = ws.support
    if support is not None:
        support = evolve(support, how_they_help="")
        if not support.relationship:
            support = None
    checkins = tuple(
        evolve(c, notes="", goals=tuple(evolve(g, note="") for g in c.goals)) for c in ws.checkins
    )
    goals = tuple(
        evolve(g, agreed=evolve(g.agreed, by="") if g.agreed is not None else None)
        for g in ws.goals
    )
    return evolve(
        ws, clinician=None, notes="", support=support, checkins=checkins, goals=goals
    )
