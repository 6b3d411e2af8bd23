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

The logic is pure: no widgets, files or network; rendering lives in :mod:`goalkit.smart_render`.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

from goalkit import smart_rules as R
from goalkit._text import tokenize
from goalkit.smart_scan import MAX_CHARS, Hit, Scan, scan_text

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

    @property
    def is_smart(self) -> bool:
        """True when all five criteria are met."""
        return all(f.met is True for f in self.criteria.values())


@dataclass(frozen=True)
class _Context:
    confidence: int | None
    why: str | None
    priorities: tuple[str, ...]
    variant: Variant


def _q(hits: Sequence[Hit] | Sequence[str]) -> str:
    texts = [h if isinstance(h, str) else h.text for h in hits]
    return ", ".join(f"'{t}'" for t in dict.fromkeys(texts))


def _texts(hits: Sequence[Hit]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(h.text for h in hits))


def _outer(hits: list[Hit]) -> list[Hit]:
    """Drop hits that lie inside a longer one (quote "walk to the shop", not also "walk")."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if out and h.end <= out[-1].end:
            continue
        out.append(h)
    return out


def _example(scan: Scan) -> str:
    acts = scan.all("activity", "weak_activity")
    group = acts[0].info[1] if acts else "other"
    return R.ACTIVITY_EXAMPLES.get(group, R.ACTIVITY_EXAMPLES["other"])


# --- one rule per criterion ------------------------------------------------------------------
def _specific(scan: Scan, ctx: _Context) -> Finding:
    acts = scan.all("activity")
    if acts:
        ev = _texts(_outer(acts + [h for h in scan.all("outcome") if h.info[0] == "return"]))
        return Finding("specific", True, f"Names an activity someone could watch: {_q(ev)}.", ev)
    weak = scan.all("weak_activity")
    states = scan.all("state")
    pains = scan.all("pain")
    generic = scan.all("generic_return")
    if weak:
        return Finding(
            "specific", False,
            f"{_q(weak)} is named only as something to improve in general, not as a task.",
            _texts(weak), f"Turn it into a task with an amount, e.g. '{_example(scan)}'.")
    if generic:
        return Finding(
            "specific", False, f"{_q(generic)} names no particular activity.", _texts(generic),
            "Name one of those activities, e.g. 'go back to my Saturday football' or "
            "'walk to the shop and back'.")
    if states:
        first = states[0]
        kind = {"feeling": "a feeling or wish", "capacity": "a capacity",
                "body": "a body function", "general": "a wish about life in general",
                "score": "a questionnaire score"}[first.info[1]]
        ev = scan.merged(states)
        return Finding(
            "specific", False,
            f"Names {kind} ({_q(ev)}) rather than an activity someone could watch.",
            ev, first.info[2][0].upper() + first.info[2][1:] + ".")
    if pains:
        return Finding(
            "specific", False, "Names pain, not an activity someone could watch.",
            _texts(pains), "Name an activity the pain gets in the way of, e.g. "
            f"'{_pain_example(scan, ctx)}'.")
    if not scan.tokens:
        return Finding("specific", False, "No goal written yet.", (),
                       "Write what the patient wants to be able to do, e.g. "
                       "'walk to the shop and back'.")
    return Finding("specific", False, "No activity found: what would the patient be doing?",
                   (), "Name the activity, e.g. 'walk to the shop and back' or "
                   "'climb the stairs at home'.")


def _measurable(scan: Scan, ctx: _Context) -> Finding:
    has_activity = scan.has("activity")
    kinds = ["quantity", "frequency", "condition", "outcome"]
    if has_activity:
        kinds.append("support")
    ev_hits = _outer(scan.all(*kinds))
    if ev_hits:
        ev = _texts(ev_hits)
        return Finding("measurable", True, f"Says how much, how often or how well: {_q(ev)}.",
                       ev)
    vague = scan.merged(scan.all("vague"))
    pain_cond = scan.all("pain_condition")
    if scan.has("support") and not has_activity:
        sup = scan.all("support")
        return Finding("measurable", False, f"{_q(sup)} needs a task: independent at what?",
                       _texts(sup), "Attach the level of help to an activity, e.g. "
                       "'shower independently' or 'walk 50 m with a stick'.")
    example = (_example(scan) if has_activity else
               _pain_example(scan, ctx) if scan.has("pain") else "walk 1 km without a rest")
    if pain_cond:
        return Finding(
            "measurable", False, f"{_q(pain_cond)} on its own is not a measure.",
            _texts(pain_cond), f"Add an amount, e.g. '{example}', or a pain ceiling such as "
            "'with pain no higher than 4/10'.")
    if vague:
        return Finding("measurable", False,
                       f"{_q(vague)} gives a direction but no amount.", vague,
                       f"Say how much, how often or with how much help, e.g. '{example}'.")
    return Finding(
        "measurable", False,
        "Nothing to measure yet: no amount, level of help or clear end point.", (),
        f"Add a number (distance, time, repetitions, a score), a level of help or a clear "
        f"end point, e.g. '{example}'.")


def _time_bound(scan: Scan, ctx: _Context) -> Finding:
    label = ctx.variant.labels["time_bound"]
    times = scan.all("time")
    if times:
        return Finding("time_bound", True, f"Has a time frame: {_q(times)}.", _texts(times))
    tip = "add a time frame such as 'within 6 weeks' or 'by the end of March'"
    freq = scan.all("frequency")
    vague = scan.all("vague_time")
    if vague:
        return Finding("time_bound", False, f"{_q(vague)} has no date ({label}).",
                       _texts(vague), tip[0].upper() + tip[1:] + ".")
    if freq:
        return Finding("time_bound", False,
                       f"{_q(freq)} says how often, not by when.", _texts(freq),
                       "Keep the frequency and " + tip + ", or 'for the next 4 weeks'.")
    return Finding("time_bound", False, "No time frame.", (), tip[0].upper() + tip[1:] + ".")


_ASK_CONFIDENCE = ("Ask: 'On a scale of 0 to 10, how sure are you that you can do this?' "
                   "7 or more: go ahead; below 7: shrink the goal.")
_SHRINK = ("Shrink the goal until confidence is 7 or more: less distance or time, fewer "
           "repetitions, more help, or a later date (as in Brief Action Planning and G-AP).")


def _absolute_finding(scan: Scan, ctx: _Context, key: Criterion) -> Finding | None:
    absolutes = scan.merged(scan.all("absolute"))
    if not absolutes:
        return None
    noted = f" (confidence {ctx.confidence}/10 noted)" if ctx.confidence is not None else ""
    fix = ("Aim for a level that can be reached and checked, e.g. 'pain no higher than 3/10 on "
           "most days', and a task to do despite some pain." if scan.has("pain") else
           "Replace the absolute with a level that can be reached, e.g. '4 days out of 5'.")
    return Finding(key, False, f"{_q(absolutes)} promises something nobody can guarantee"
                   f"{noted}.", absolutes, fix)


def _by_confidence(ctx: _Context, key: Criterion, what: str) -> Finding:
    c = ctx.confidence
    if c is None:
        return Finding(key, None, f"Cannot tell from the text alone whether it is {what}.", (),
                       _ASK_CONFIDENCE)
    ev = (f"confidence {c}/10",)
    if c >= 7:
        return Finding(key, True, f"Confidence {c}/10: 7 or more, so the patient expects to "
                       "manage it.", ev)
    return Finding(key, False, f"Confidence {c}/10 is below 7.", ev, _SHRINK)


def _achievable(scan: Scan, ctx: _Context) -> Finding:
    return _absolute_finding(scan, ctx, "achievable") or _by_confidence(
        ctx, "achievable", "achievable")


def _realistic(scan: Scan, ctx: _Context) -> Finding:
    return _absolute_finding(scan, ctx, "relevant") or _by_confidence(
        ctx, "relevant", "realistic for the patient in this time")


def _action_oriented(scan: Scan, ctx: _Context) -> Finding:
    order = scan.all("activity", "weak_activity", "state", "pain", "passive")
    if not order:
        if not scan.tokens:
            return Finding("achievable", None, "No goal written yet.", (),
                           "Start from something the patient will do, e.g. 'walk', 'lift'.")
        return Finding("achievable", False, "No action found.", (),
                       "Start from something the patient will do, e.g. "
                       "'walk to the shop and back'.")
    first = order[0]
    if first.kind == "activity":
        return Finding("achievable", True,
                       f"Starts from something the patient does: '{first.text}'.", (first.text,))
    if first.kind == "passive":
        return Finding("achievable", False,
                       f"'{first.text}' is done to the patient, not by them.", (first.text,),
                       f"Start from what the patient will do, e.g. '{_example(scan)}'.")
    return Finding("achievable", False,
                   f"Starts from a state or wish ('{first.text}'), not an action.",
                   (first.text,), f"Start with a verb the patient does, e.g. '{_example(scan)}'.")


def _stem(word: str) -> str:
    w = word.lower().removesuffix("'s")
    for suffix, keep in (("ing", 4), ("ies", 3), ("ed", 4), ("es", 4), ("s", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep - 1 and not w.endswith("ss"):
            w = w[: -len(suffix)] + ("y" if suffix == "ies" else "")
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    return w.rstrip("e") if len(w) > 3 else w


def _content(text: str) -> dict[str, str]:
    """Content words of ``text``, stem -> the word as written."""
    out: dict[str, str] = {}
    for tok in tokenize(text):
        if tok.kind == "word" and len(tok.norm) > 2 and tok.norm not in R.STOPWORDS:
            out.setdefault(_stem(tok.norm), tok.text)
    return out


def _priority_link(scan: Scan, ctx: _Context) -> tuple[str, tuple[str, ...]] | None:
    goal_words = _content(scan.text)
    for priority in ctx.priorities:
        shared = [goal_words[s] for s in _content(priority) if s in goal_words]
        if shared:
            return priority, tuple(shared)
    from goalkit import icf  # the ICF table is read only when priorities are compared

    goal_codes = {m.code: m.title for m in icf.classify(scan.text) if m.code != "b280"}
    for priority in ctx.priorities:
        for m in icf.classify(priority):
            if m.code in goal_codes:
                return priority, (f"{m.code} {m.title}",)
    return None


def _relevant(scan: Scan, ctx: _Context) -> Finding:
    if ctx.why:
        return Finding("relevant", True, f"The patient's reason: '{ctx.why}'.", (ctx.why,))
    reasons = scan.all("reason")
    if reasons:
        return Finding("relevant", True, f"States why it matters: {_q(reasons)}.",
                       _texts(reasons))
    if ctx.priorities:
        link = _priority_link(scan, ctx)
        if link:
            priority, shared = link
            return Finding("relevant", True,
                           f"Links to the recorded priority '{priority}' (shared: "
                           f"{_q(list(shared))}).", (priority, *shared))
        listed = ", ".join(f"'{p}'" for p in ctx.priorities[:3])
        return Finding("relevant", None,
                       f"Does not obviously link to the recorded priorities ({listed}).", (),
                       "Ask how this goal connects to what matters most to the patient, and "
                       "say so in the goal: 'so I can ...'.")
    return Finding("relevant", None, "Cannot tell from the text alone why this matters.", (),
                   "Ask why this matters to the patient and add it: 'so I can ...', or link "
                   "it to a priority recorded on the worksheet.")


def _results_oriented(scan: Scan, ctx: _Context) -> Finding:
    measurable = _measurable(scan, ctx)
    acts = scan.all("activity")
    only_attending = bool(acts) and all(a.info[1] == "attend" for a in acts)
    if only_attending:
        return Finding("relevant", False,
                       f"Names effort ({_q(acts)}) rather than the result it should bring.",
                       _texts(acts), "Say what attending should lead to, e.g. "
                       "'walk 1 km without a rest'.")
    if measurable.met:
        return Finding("relevant", True,
                       f"Names a result that could be checked: {_q(list(measurable.evidence))}.",
                       measurable.evidence)
    return Finding("relevant", False, "Names no result that could be checked.", (),
                   f"Name the result you would see, e.g. '{_example(scan)}'.")


_Rule = Callable[[Scan, _Context], Finding]
# The registry, in report order. A and R look up the rule for the variant's meaning.
A_RULES: Mapping[str, _Rule] = {"achievable": _achievable, "action-oriented": _action_oriented}
R_RULES: Mapping[str, _Rule] = {"relevant": _relevant, "realistic": _realistic,
                                "results-oriented": _results_oriented}
CHECKS: Mapping[Criterion, _Rule] = {
    "specific": _specific,
    "measurable": _measurable,
    "achievable": lambda scan, ctx: A_RULES[ctx.variant.a](scan, ctx),
    "relevant": lambda scan, ctx: R_RULES[ctx.variant.r](scan, ctx),
    "time_bound": _time_bound,
}


# --- the rest of the report -----------------------------------------------------------------
def _pain_example(scan: Scan, ctx: _Context) -> str:
    if ctx.priorities:
        return f"a goal for '{ctx.priorities[0]}'"
    words = {t.norm for t in scan.tokens}
    for site, example in R.PAIN_SITE_EXAMPLES.items():
        if site in words:
            return example
    return R.PAIN_SITE_EXAMPLES["other"]


def _is_pain_only(scan: Scan) -> bool:
    return scan.has("pain") and not any(
        scan.has(k) for k in ("activity", "weak_activity", "state", "generic_return"))


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
        texts = _texts(_outer(scan.all(*kinds)))
        return ", ".join(texts) if texts else None

    support = scan.all("support")
    return Parts(activity, support[0].text if support else None,
                 joined("quantity", "frequency", "condition"), joined("time"))


def _language(scan: Scan) -> tuple[list[LanguageFlag], str | None]:
    chosen: list[Hit] = []
    for h in sorted(scan.all("language"), key=lambda h: (h.start, -(h.end - h.start))):
        if chosen and h.start < chosen[-1].end:
            continue
        chosen.append(h)
    flags = [LanguageFlag(h.text, h.info[1], h.info[2]) for h in chosen]
    if not chosen or any(h.info[0] in R.LANGUAGE_NOT_SLOT_IN for h in chosen):
        return flags, None
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
    ctx = _Context(_check_confidence(confidence), why_text or reason_text, prios, variant)

    scan = scan_text(text)
    criteria = {key: CHECKS[key](scan, ctx) for key in CRITERIA}
    pain_only = _is_pain_only(scan)
    pain_advice = None
    if pain_only:
        pain_advice = ("Pain is the only target here. Keep it if it matters to the patient, "
                       "and set a functional goal beside it, e.g. "
                       f"'{_pain_example(scan, ctx)}'.")
    flags, reworded = _language(scan)
    notes: list[str] = []
    if scan.truncated:
        notes.append(f"This text is {len(text):,} characters long; goalkit checked the first "
                     f"{MAX_CHARS:,}. A goal is usually one or two sentences: split it.")
    if variant.a != "achievable" and ctx.confidence is not None and ctx.confidence < 7:
        notes.append(f"Confidence {ctx.confidence}/10 is below 7: {_SHRINK[0].lower()}"
                     f"{_SHRINK[1:]}")

    suggestions = [f.suggestion for f in criteria.values() if f.met is not True and f.suggestion]
    if pain_advice:
        suggestions.append(pain_advice)
    suggestions += [f"Say '{f.rewording}' rather than '{f.phrase}': {f.why}" for f in flags]
    if reworded:
        suggestions.append(f"Try: '{reworded}'")
    suggestions += notes
    return SmartReport(text, variant, criteria, pain_only, _parts(scan), flags,
                       list(dict.fromkeys(suggestions)), pain_advice, reworded, tuple(notes))
