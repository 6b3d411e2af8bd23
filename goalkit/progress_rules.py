"""Rules for reading progress, kept as data: meaningful change, direction, window, progressions.

Each meaningful-change figure is marked ``sourced`` or ``convention`` with where it comes from
(full references in ``docs/gas-and-progress.md``):

- GAS level: 1 level (convention: the smallest step on the scale).
- PSFS: 3 points for one activity, 2 for the mean (minimal detectable change, 90% CI; Stratford
  et al. 1995, Physiother Can 47:258-263). PSFS 2.0: assumed the same (convention).
- Pain NRS 0-10: 2 points (Farrar et al. 2001, Pain 94:149-158: about 2 points or 30%; Ostelo
  et al. 2008, Spine 33:90-94). Oswestry Disability Index: 10 points (Ostelo et al. 2008).
- COPM: 2 points (the figure usually quoted; weakly supported, so marked as convention).
- Timed Up and Go: 3.4 s (Gautschi et al. 2017, Neurosurgery 80:380-385: mean minimum
  clinically important difference after lumbar degenerative disc surgery; an external
  validation, Maldaner et al. 2022, Spine 47:337-342, found 2.1 s).
- 6-minute walk: 20 m (Perera et al. 2006, J Am Geriatr Soc 54:743-749: small meaningful
  change in older adults; Daynes et al. 2025, Eur Respir Rev 34:240198, pooled 23-25 m in
  long-term conditions).
- 30-second chair stand: 2.5 stands (Gill et al. 2022: minimal detectable change for one
  person, early-stage knee osteoarthritis).
- PEG (Krebs et al. 2009, J Gen Intern Med 24:733-738, which validated it but set no figure):
  2 points, as for a 0-10 pain scale (convention).
- Custom measures: a tenth of the baseline-to-target gap (convention), when both are set.

The plateau window, :data:`WINDOW` = 3 recorded values, is a convention: three visits is the
shortest run that tells a stall from one bad day.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from goalkit.model import Domain, OutcomeMeasure

__all__ = [
    "CONTEXT_PLATEAU_ADVICE",
    "CUSTOM_GAP_FRACTION",
    "GENERAL_PLATEAU_ADVICE",
    "INSTRUMENT_DEFAULTS",
    "INSTRUMENT_HIGHER_IS_BETTER",
    "MEANINGFUL_CHANGE",
    "PROGRESSIONS",
    "SETBACK_WORDS",
    "WINDOW",
    "Threshold",
    "higher_is_better",
    "inferred_direction",
    "threshold_for",
]

WINDOW = 3


@dataclass(frozen=True)
class Threshold:
    """A change that counts as meaningful, and where the figure comes from."""

    value: float
    basis: Literal["sourced", "convention"]
    source: str


MEANINGFUL_CHANGE: dict[str, Threshold] = {
    "gas_level": Threshold(1, "convention", "goalkit convention: one step on the GAS scale"),
    "psfs": Threshold(3, "sourced", "Stratford et al. 1995: MDC (90% CI), one PSFS activity"),
    "psfs2": Threshold(3, "convention", "assumed as for PSFS (Stratford et al. 1995); "
                       "not checked for PSFS 2.0"),
    "psfs_mean": Threshold(2, "sourced", "Stratford et al. 1995: MDC (90% CI), PSFS mean"),
    "nrs_pain": Threshold(2, "sourced", "Farrar et al. 2001; Ostelo et al. 2008: about "
                          "2 points on a 0-10 pain scale"),
    "odi": Threshold(10, "sourced", "Ostelo et al. 2008: minimal important change, ODI"),
    "copm_performance": Threshold(2, "convention", "usual COPM figure; weakly supported"),
    "copm_satisfaction": Threshold(2, "convention", "usual COPM figure; weakly supported"),
    "tug": Threshold(3.4, "sourced", "Gautschi et al. 2017: mean MCID after lumbar disc "
                     "surgery (2.1 s in Maldaner et al. 2022)"),
    "six_minute_walk": Threshold(20, "sourced", "Perera et al. 2006: small meaningful change, "
                                 "older adults (23-25 m in Daynes et al. 2025)"),
    "chair_stand_30s": Threshold(2.5, "sourced", "Gill et al. 2022: MDC for one person, "
                                 "early knee osteoarthritis"),
    "peg": Threshold(2, "convention", "as for a 0-10 pain scale (Farrar et al. 2001); the PEG "
                     "itself (Krebs et al. 2009) has no published figure used here"),
}
CUSTOM_GAP_FRACTION = 0.1  # goalkit convention for custom measures: 10% of baseline-to-target
# Instruments whose direction is fixed; "custom" follows the measure's own higher_is_better.
INSTRUMENT_HIGHER_IS_BETTER: dict[str, bool] = {
    "psfs": True, "psfs2": False, "copm_performance": True, "copm_satisfaction": True,
    "nrs_pain": False, "odi": False, "tug": False, "six_minute_walk": True,
    "chair_stand_30s": True, "peg": False,
}
# What a measure on a standard instrument is called and counted in, filled in when the
# clinician picks the instrument (and left alone when they typed their own).
INSTRUMENT_DEFAULTS: dict[str, tuple[str, str]] = {
    "psfs": ("PSFS activity", "0-10"), "psfs2": ("PSFS 2.0 activity", "0-10"),
    "copm_performance": ("COPM performance", "1-10"),
    "copm_satisfaction": ("COPM satisfaction", "1-10"),
    "nrs_pain": ("Pain", "0-10"), "odi": ("Oswestry Disability Index", "%"),
    "tug": ("Timed Up and Go", "s"), "six_minute_walk": ("6-minute walk distance", "m"),
    "chair_stand_30s": ("30-second chair stand", "stands"), "peg": ("PEG score", "0-10"),
}

# Plateau suggestions by goal domain (None: no domain set). Exercise ideas follow the spinal
# goals article: more load or repetitions, tempo or rest, other set types, new exercises.
PROGRESSIONS: dict[Domain | None, tuple[str, ...]] = {
    "exercise": (
        "Add a little load, or a few repetitions to each set.",
        "Change the tempo: lower more slowly, or cut the rest between sets.",
        "Try another set type: a drop set, a superset or an AMRAP set (as many repetitions "
        "as possible with good form).",
        "Add a new exercise: jumping (plyometric) work after mostly weights, or a long run "
        "or bike ride after mostly interval training.",
    ),
    "physical_rehabilitation": (
        "Add a little load, or a few repetitions to each set.",
        "Change the tempo or the rest between sets.",
        "Practise the task itself in a more realistic setting.",
        "Check each progression with the treating clinician.",
    ),
    "stretching": (
        "Hold each stretch a little longer, or add a set.",
        "Stretch more often through the day, for example after long sitting.",
        "Add a new position or an active mobility drill for the same area.",
    ),
    "pain_management": (
        "Review pacing: hold a steady baseline before raising the amount.",
        "Add or swap a self-management strategy: relaxation, breathing, graded activity.",
        "Make sure the goal is about what the patient wants to do, not only the pain score.",
    ),
    "mental_health": (
        "Make the next step smaller and more concrete.",
        "Try another coping strategy, or plan activities into the week.",
        "Involve the support person, or review with the mental health professional.",
    ),
    "diet": (
        "Change one meal or snack at a time.",
        "Plan the week's meals and shopping ahead.",
        "Keep a short food diary for a week to see what gets in the way.",
    ),
    "daily_activity": (
        "Grade the task: split it into parts, or practise the hardest part on its own.",
        "Change the setting or equipment (chair height, a trolley, a rail).",
        "Practise where the activity really happens.",
    ),
    None: ("Change one part of the goal: the amount, the support or the time frame.",),
}
GENERAL_PLATEAU_ADVICE = "Ask whether the goal still matters to the patient; adjust it together."
# Advice that depends on the worksheet's context, added after the domain's progressions. Spinal
# goals article and the pain-rehabilitation source (DOMAIN.md): after surgery, progressions
# follow the surgical team's precautions; in chronic pain, pacing and a functional focus.
CONTEXT_PLATEAU_ADVICE: dict[str, str] = {
    "after_surgery": "After surgery, check each progression against the surgical team's "
    "precautions and the time since the operation.",
    "after_trauma": "After an injury, check each progression against the healing time and "
    "any precautions from the treating team.",
    "chronic_pain": "With persistent pain, raise the amount by a small planned step from a "
    "steady baseline (pacing), not on a good day only.",
}
# Words in a barrier that show which setbacks its plan was written for.
SETBACK_WORDS: dict[str, tuple[str, ...]] = {
    "pain": ("pain", "flare", "sore", "hurt", "worse", "ache", "spasm"),
    "level": ("setback", "miss", "busy", "time", "work", "tired", "ill", "sick"),
}


def inferred_direction(measure: OutcomeMeasure) -> bool | None:
    """What baseline and target say: a target above the baseline means higher is better,
    below it lower is better; None when either is missing or they are equal."""
    if measure.baseline is None or measure.target is None or measure.baseline == measure.target:
        return None
    return measure.target > measure.baseline


def higher_is_better(measure: OutcomeMeasure) -> bool:
    """Direction of a measure: fixed by its instrument; else told by baseline and target
    (a timed walk from 40 s to 25 s is lower-is-better); else the measure's own setting."""
    fixed = INSTRUMENT_HIGHER_IS_BETTER.get(measure.instrument)
    if fixed is not None:
        return fixed
    inferred = inferred_direction(measure)
    return measure.higher_is_better if inferred is None else inferred


def threshold_for(measure: OutcomeMeasure) -> Threshold | None:
    """The meaningful change for ``measure``, or None when none is known."""
    if measure.instrument in MEANINGFUL_CHANGE:
        return MEANINGFUL_CHANGE[measure.instrument]
    if measure.baseline is not None and measure.target is not None:
        gap = abs(measure.target - measure.baseline)
        if gap > 0:
            return Threshold(round(gap * CUSTOM_GAP_FRACTION, 6), "convention",
                             "goalkit convention: 10% of the baseline-to-target gap")
    return None
