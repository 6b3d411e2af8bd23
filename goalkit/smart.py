"""A SMART goal checker that explains itself.

:func:`check_goal` reads a goal statement (and, when given, the patient's confidence rating,
reason and recorded priorities) and returns a :class:`SmartReport`: one :class:`Finding` per
SMART letter, with the words that decided it and a concrete way to fix it; the four parts of a
goal after Bovend'Eerdt et al. (2009); a pain-only flag; and clinician-centred phrasing.

>>> report = check_goal("Walk 1 km without a rest within 6 weeks", confidence=8)
>>> [f.met for f in report.criteria.values()]
[True, True, True, None, True]
>>> report.criteria["measurable"].evidence
('1 km', 'without a rest')
>>> report.parts.time_frame
'within 6 weeks'

This module checks the context and assembles the report; every public name of the checker can
be imported from here. The pieces, one module per concept:

- :mod:`goalkit.smart_scan` reads the text once (lexicons in :mod:`goalkit.smart_rules`);
- :mod:`goalkit.smart_criteria` judges each criterion from that scan;
- :mod:`goalkit.smart_variants` names the letters (:class:`Variant`, :data:`VARIANTS`);
- :mod:`goalkit.smart_report` holds the records returned (:class:`SmartReport`, ...).

The logic is pure: no widgets, files or network; rendering lives in :mod:`goalkit.smart_render`.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

from goalkit import smart_rules as R
from goalkit.smart_criteria import A_RULES as A_RULES
from goalkit.smart_criteria import CHECKS as CHECKS
from goalkit.smart_criteria import R_RULES as R_RULES
from goalkit.smart_criteria import SHRINK, Context, pain_example
from goalkit.smart_grammar import CLAUSE_END
from goalkit.smart_hits import Hit, Scan, hit_texts, outermost
from goalkit.smart_langid import language_name, other_language
from goalkit.smart_report import Finding, LanguageFlag, Parts, SmartReport
from goalkit.smart_roles import pain_role
from goalkit.smart_scan import KNOWN_WORDS, MAX_CHARS, scan_text
from goalkit.smart_variants import (
    CRITERIA,
    DEFAULT_VARIANT,
    VARIANTS,
    Criterion,
    Variant,
)
from goalkit.smart_variants import AMeaning as AMeaning
from goalkit.smart_variants import RMeaning as RMeaning
from goalkit.smart_variants import TMeaning as TMeaning

__all__ = [
    "CRITERIA",
    "DEFAULT_VARIANT",
    "VARIANTS",
    "Criterion",
    "Finding",
    "LanguageFlag",
    "Parts",
    "SmartReport",
    "Variant",
    "check_goal",
]
# Also importable from here, as before the checker was split into modules: A_RULES, R_RULES and
# CHECKS (goalkit.smart_criteria); AMeaning, RMeaning and TMeaning (goalkit.smart_variants).


# --- the report around the five findings -----------------------------------------------------
_CEILING_WORDS = frozenset({"below", "under", "than", "at", "within", "ceiling", "stays",
                            "staying", "remains", "remaining", "kept"})


def _pain_condition_advice(words: str) -> str:
    if _CEILING_WORDS & {w.lower() for w in words.split()}:
        return (f"'{words}' makes a pain level a condition of the activity. That can work if "
                "it was agreed: plan what to do on a day the pain goes higher (pace it, use the "
                "flare-up plan), so the goal does not stall.")
    return (f"'{words}' makes being free of pain a condition of the activity. In persistent "
            "pain that may not happen even as the activity improves, and the goal then feels "
            "failed. Keep the activity and set a pain ceiling ('with pain no higher than "
            "4/10') or pacing ('with a rest every 10 minutes') instead.")


def _parts(scan: Scan) -> Parts:
    acts = scan.all("activity")
    activity = None
    if acts:
        first = acts[0]
        activity = first.text
        # extend it over its end point ("transfer from wheelchair to bed") unless that would
        # swallow another part ("carry a 10 kg box to the car": 10 kg is the quantity)
        for o in scan.all("outcome"):
            if o.info[0] == "task" and o.start == first.start:
                activity = o.text
            elif o.info[0] == "destination" and o.info[1] == str(first.start) \
                    and scan.free(first.start, o.end):
                activity = scan.quote(first.start, o.end)

    def joined(*kinds: str) -> str | None:
        texts = hit_texts(outermost(scan.all(*kinds)))
        return ", ".join(texts) if texts else None

    support = scan.all("support")
    return Parts(activity, support[0].text if support else None,
                 joined("quantity", "frequency", "condition"), joined("time"))


def _told(scan: Scan, i: int) -> bool:
    """Whether the modal at token ``i`` tells a person what to do (see R.MODAL_ORDERS)."""
    toks = scan.tokens
    if i == 0:
        # a note's order with the patient understood: "Must attend physio" (not "Need to ...",
        # "Have to ...", which open the patient's own words as often)
        return toks[0].norm in ("must", "refuses", "refused")
    subject = toks[i - 1]
    if toks[i].norm in ("expected", "told") and subject.norm in R.BE_FORMS:
        # "I'm expected to", "Pt was expected to": a passive order, whoever is its subject
        return not any(toks[k].norm in R.CONDITION_WORDS for k in range(max(0, i - 4), i))
    if i > 1 and toks[i - 2].norm in ("my", "our"):
        return False  # "my wife has to drive me": the patient's own words, not an order
    person = subject.norm in R.PERSON_SUBJECTS or (
        subject.kind == "word" and subject.text[:1].isupper() and subject.norm not in KNOWN_WORDS)
    k = i - 1
    while k >= 0 and toks[k].norm not in CLAUSE_END:
        if toks[k].norm in R.CONDITION_WORDS:
            return False
        k -= 1
    return person


def _language(scan: Scan) -> tuple[list[LanguageFlag], str | None]:
    chosen: list[Hit] = []
    for h in sorted(scan.all("language"), key=lambda h: (h.start, -(h.end - h.start))):
        if chosen and h.start < chosen[-1].end:
            continue
        if h.info[0] in R.MODAL_ORDERS and not _told(scan, h.start):
            continue
        chosen.append(h)
    flags = [LanguageFlag(h.text, h.info[1], h.info[2]) for h in chosen]
    if not chosen or any(h.info[0] in R.LANGUAGE_NOT_SLOT_IN for h in chosen) or any(
            h.start > 0 and scan.tokens[h.start - 1].norm in R.BE_FORMS for h in chosen):
        return flags, None  # ("Pt was | expected to": the rewording would not fit the "was")
    text = scan.text
    for h in reversed(chosen):
        a, b = scan.tokens[h.start].start, scan.tokens[h.end - 1].end
        new = h.info[2]
        if text[a:b][:1].isupper():
            new = new[0].upper() + new[1:]
        text = text[:a] + new + text[b:]
    return flags, text


def _check_confidence(confidence: object) -> int | None:
    if confidence is None:
        return None
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Integral):
        raise TypeError(f"confidence must be a whole number from 0 to 10, not "
                        f"{type(confidence).__name__}")
    value = int(confidence)
    if not 0 <= value <= 10:
        raise ValueError(f"confidence must be between 0 and 10 (the confidence ruler), "
                         f"got {value}")
    return value


def _clean(text: str | None, name: str) -> str | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a string, not {type(text).__name__}")
    return text.strip() or None


def _not_english(text: str, scan: Scan, ctx: Context, code: str) -> SmartReport:
    """A report that judges nothing it would have to read: the checker reads English only."""
    name = language_name(code)
    note = (f"This goal seems to be written in {name}. goalkit's checker reads English only, so "
            "it gives no verdict on Specific, Measurable or Time-bound: check those by hand, "
            "or write the goal in English as well.")
    criteria = {key: CHECKS[key](scan, ctx) for key in CRITERIA}
    for key in ("specific", "measurable", "time_bound"):
        criteria[key] = Finding(key, None, f"Not judged: the checker reads English only, and "
                                f"this goal seems to be in {name}.")
    if ctx.variant.a == "action-oriented":
        criteria["achievable"] = Finding("achievable", None, criteria["specific"].message)
    if ctx.variant.r == "results-oriented":
        criteria["relevant"] = Finding("relevant", None, criteria["specific"].message)
    suggestions = [f.suggestion for f in criteria.values() if f.met is not True and f.suggestion]
    return SmartReport(text, ctx.variant, criteria, False, Parts(),
                       suggestions=list(dict.fromkeys([*suggestions, note])), notes=(note,),
                       other_language=code)


def check_goal(
    text: str,
    *,
    confidence: int | None = None,
    why: str | None = None,
    reason: str | None = None,
    priorities: Sequence[str] | str = (),
    variant: Variant | str = DEFAULT_VARIANT,
) -> SmartReport:
    """Check a goal statement against SMART and explain every verdict.

    ``confidence`` is the patient's 0-10 rating (7 or more = achievable); ``why`` (or its
    alias ``reason``) the patient's reason; ``priorities`` the priorities recorded on the
    worksheet; ``variant`` a :class:`Variant` or a name in :data:`VARIANTS`.

    >>> check_goal("Reduce my back pain from 7/10 to 3/10 within 8 weeks").pain_only
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    why_text = _clean(why, "why")
    reason_text = _clean(reason, "reason")
    if why_text and reason_text and why_text != reason_text:
        raise TypeError("give the patient's reason as why= or reason=, not both")
    if isinstance(priorities, str):
        priorities = (priorities,)
    prios = tuple(p.strip() for p in priorities if _clean(p, "each priority"))
    if isinstance(variant, str):
        if variant not in VARIANTS:
            raise ValueError(f"unknown SMART variant {variant!r}; choose from "
                             f"{', '.join(VARIANTS)} or pass a Variant")
        variant = VARIANTS[variant]
    elif not isinstance(variant, Variant):
        raise TypeError(f"variant must be a Variant or a name, not {type(variant).__name__}")
    ctx = Context(_check_confidence(confidence), why_text or reason_text, prios, variant)

    scan = scan_text(text)
    other = other_language(scan)
    if other is not None:
        return _not_english(text, scan, ctx, other)
    criteria = {key: CHECKS[key](scan, ctx) for key in CRITERIA}
    role, pain_words = pain_role(scan)
    pain_only = role == "target"
    pain_advice = None
    if pain_only:
        pain_advice = ("Pain is the only target here. Keep it if it matters to the patient, "
                       "and set a functional goal beside it, e.g. "
                       f"'{pain_example(scan, ctx)}'.")
    elif pain_words:
        pain_advice = _pain_condition_advice(pain_words)
    flags, reworded = _language(scan)
    notes: list[str] = []
    if scan.truncated:
        notes.append(f"This text is {len(text):,} characters long; goalkit checked the first "
                     f"{MAX_CHARS:,}. A goal is usually one or two sentences: split it.")
    if variant.a != "achievable" and ctx.confidence is not None and ctx.confidence < 7:
        notes.append(f"Confidence {ctx.confidence}/10 is below 7: {SHRINK[0].lower()}"
                     f"{SHRINK[1:]}")

    suggestions = [f.suggestion for f in criteria.values() if f.met is not True and f.suggestion]
    if pain_advice:
        suggestions.append(pain_advice)
    suggestions += [f"Say '{f.rewording}' rather than '{f.phrase}': {f.why}" for f in flags]
    if reworded:
        suggestions.append(f"Try: '{reworded}'")
    suggestions += notes
    return SmartReport(text, variant, criteria, pain_only, _parts(scan), flags,
                       list(dict.fromkeys(suggestions)), pain_advice, reworded, tuple(notes),
                       pain_condition=pain_words)
