"""The SMART judgements: one rule per criterion, each turning a :class:`Scan` into a Finding.

:data:`CHECKS` is the registry, in report order; the A and R entries look the rule up in
:data:`A_RULES` and :data:`R_RULES` by the variant's meaning (see :mod:`goalkit.smart_variants`).
Every rule explains itself: the words that decided it (``evidence``) and, when not met, a
concrete ``suggestion``. The report around them is assembled in :mod:`goalkit.smart`.

>>> from goalkit.smart_scan import scan_text
>>> from goalkit.smart_variants import VARIANTS
>>> ctx = Context(confidence=5, why=None, priorities=(), variant=VARIANTS["classic"])
>>> scan = scan_text("Swim more")
>>> CHECKS["measurable"](scan, ctx).suggestion
"Say how much, how often or with how much help, e.g. 'swim 20 lengths'."
>>> CHECKS["achievable"](scan, ctx).met
False
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from goalkit import smart_rules as R
from goalkit.smart_hits import Hit, Scan, hit_texts, outermost
from goalkit.smart_priorities import priority_link
from goalkit.smart_report import Finding
from goalkit.smart_roles import coping
from goalkit.smart_variants import Criterion, Variant

__all__ = ["A_RULES", "CHECKS", "R_RULES", "SHRINK", "Context", "Rule", "pain_example"]


@dataclass(frozen=True)
class Context:
    """What the clinician gave besides the text, checked by :func:`goalkit.smart.check_goal`."""

    confidence: int | None
    why: str | None
    priorities: tuple[str, ...]
    variant: Variant


def _q(hits: Sequence[Hit] | Sequence[str]) -> str:
    texts = [h if isinstance(h, str) else h.text for h in hits]
    return ", ".join(f"'{t}'" for t in dict.fromkeys(texts))


def _example(scan: Scan) -> str:
    acts = scan.all("activity", "weak_activity")
    group = acts[0].info[1] if acts else "other"
    return R.ACTIVITY_EXAMPLES.get(group, R.ACTIVITY_EXAMPLES["other"])


def pain_example(scan: Scan, ctx: Context) -> str:
    """A functional goal to suggest beside pain: for the first priority, or where the pain is."""
    if ctx.priorities:
        return f"a goal for '{ctx.priorities[0]}'"
    words = {t.norm for t in scan.tokens}
    for site, example in R.PAIN_SITE_EXAMPLES.items():
        if site in words:
            return example
    return R.PAIN_SITE_EXAMPLES["other"]


# --- one rule per criterion ------------------------------------------------------------------
def _specific(scan: Scan, ctx: Context) -> Finding:
    acts = scan.all("activity")
    if acts:
        ev = hit_texts(outermost(acts + [h for h in scan.all("outcome") if h.info[0] == "return"]))
        return Finding("specific", True, f"Names an activity someone could watch: {_q(ev)}.", ev)
    weak = scan.all("weak_activity")
    states = scan.all("state")
    pains = scan.all("pain")
    generic = scan.all("generic_return")
    if weak:
        return Finding(
            "specific", False,
            f"{_q(weak)} is named only as something to improve in general, not as a task.",
            hit_texts(weak), f"Turn it into a task with an amount, e.g. '{_example(scan)}'.")
    if generic:
        return Finding(
            "specific", False, f"{_q(generic)} names no particular activity.", hit_texts(generic),
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
    if pains and coping(scan):
        return Finding(
            "specific", False, "Names coping with pain, or knowing about it, but nothing "
            "someone could watch the patient do.", hit_texts(pains),
            "Say what the patient will do, e.g. 'use my breathing exercises when the pain "
            "builds' or 'follow my flare-up plan on bad days'.")
    if pains:
        return Finding(
            "specific", False, "Names pain, not an activity someone could watch.",
            hit_texts(pains), "Name an activity the pain gets in the way of, e.g. "
            f"'{pain_example(scan, ctx)}'.")
    if not scan.tokens:
        return Finding("specific", False, "No goal written yet.", (),
                       "Write what the patient wants to be able to do, e.g. "
                       "'walk to the shop and back'.")
    return Finding("specific", False, "No activity found: what would the patient be doing?",
                   (), "Name the activity, e.g. 'walk to the shop and back' or "
                   "'climb the stairs at home'.")


def _is_return(scan: Scan, h: Hit) -> bool:
    return h.kind == "outcome" and h.info[0] in ("return", "again") \
        and scan.tokens[h.start].norm not in ("start", "starting")  # a start is a one-off event


def _return_extent(scan: Scan, h: Hit) -> int:
    """The last token of the extent a return carries ("return to full duties", "netball with
    no restrictions"), or -1."""
    toks = scan.tokens
    end = h.end
    last = -1
    while end < len(toks) and toks[end].norm not in (".", ";", "!", "?"):
        end += 1
    for k in range(h.start, end):
        if toks[k].norm in R.RETURN_EXTENTS:
            last = k
    return last


_EXTENT_ADJECTIVES = frozenset({"full", "whole", "complete", "entire", "competitive", "part",
                                "usual", "normal"})


def _is_word(scan: Scan, k: int) -> bool:
    return k < len(scan.tokens) and scan.tokens[k].kind == "word"


def _bare_return(scan: Scan, h: Hit) -> bool:
    """A return with no extent ("get back to golf", "play tennis again"): a direction, not a
    measure. "Return to full duties" or "play a whole match again" carry their extent."""
    return _is_return(scan, h) and _return_extent(scan, h) < 0


def _with_extent(scan: Scan, h: Hit) -> Hit:
    """A return quoted with its extent, so the quote alone still says how much."""
    if not _is_return(scan, h):
        return h
    last = _return_extent(scan, h)
    if last < h.end:
        return h
    if _is_word(scan, last + 1) and scan.tokens[last].norm in _EXTENT_ADJECTIVES:
        last += 1  # "full training", "whole match"
    return Hit(h.kind, h.start, last + 1, scan.quote(h.start, last + 1), h.info)


def _measurable(scan: Scan, ctx: Context) -> Finding:
    has_activity = scan.has("activity")
    kinds = ["quantity", "frequency", "condition", "outcome"]
    if has_activity:
        kinds.append("support")
    # "all day" is how long a task lasts ("sit all day"), not a measure of a feeling
    found = [h for h in scan.all(*kinds) if has_activity or not (
        h.kind == "condition" and h.text.lower().startswith("all "))]
    bare = [h for h in found if _bare_return(scan, h)]
    ev_hits = outermost([_with_extent(scan, h) for h in found if not _bare_return(scan, h)])
    if ev_hits:
        ev = hit_texts(ev_hits)
        return Finding("measurable", True, f"Says how much, how often or how well: {_q(ev)}.",
                       ev)
    vague = scan.merged(scan.all("vague"))
    pain_cond = scan.all("pain_condition")
    if scan.has("support") and not has_activity:
        sup = scan.all("support")
        return Finding("measurable", False, f"{_q(sup)} needs a task: independent at what?",
                       hit_texts(sup), "Attach the level of help to an activity, e.g. "
                       "'shower independently' or 'walk 50 m with a stick'.")
    example = (_example(scan) if has_activity or scan.has("weak_activity") else
               pain_example(scan, ctx) if scan.has("pain") else "walk 1 km without a rest")
    if bare:
        return Finding(
            "measurable", False, f"{_q(bare)} says what to go back to, not how much of it.",
            hit_texts(bare), f"Say how much or how often, e.g. '{R.RETURN_EXAMPLE}'.")
    if pain_cond:
        return Finding(
            "measurable", False, f"{_q(pain_cond)} on its own is not a measure.",
            hit_texts(pain_cond), f"Add an amount, e.g. '{example}', or a pain ceiling such as "
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


def _time_bound(scan: Scan, ctx: Context) -> Finding:
    label = ctx.variant.labels["time_bound"]
    times = scan.all("time")
    if times:
        return Finding("time_bound", True, f"Has a time frame: {_q(times)}.", hit_texts(times))
    tip = "add a time frame such as 'within 6 weeks' or 'by the end of March'"
    freq = scan.all("frequency")
    vague = scan.all("vague_time")
    if vague:
        return Finding("time_bound", False, f"{_q(vague)} has no date ({label}).",
                       hit_texts(vague), tip[0].upper() + tip[1:] + ".")
    if freq:
        return Finding("time_bound", False,
                       f"{_q(freq)} says how often, not by when.", hit_texts(freq),
                       "Keep the frequency and " + tip + ", or 'for the next 4 weeks'.")
    return Finding("time_bound", False, "No time frame.", (), tip[0].upper() + tip[1:] + ".")


# --- A: achievable, realistic (the confidence ruler) or action-oriented ----------------------
_ASK_CONFIDENCE = ("Ask: 'On a scale of 0 to 10, how sure are you that you can do this?' "
                   "7 or more: go ahead; below 7: shrink the goal.")
SHRINK = ("Shrink the goal until confidence is 7 or more: less distance or time, fewer "
          "repetitions, more help, or a later date (as in Brief Action Planning and G-AP).")


def _absolute_finding(scan: Scan, ctx: Context, key: Criterion) -> Finding | None:
    absolutes = scan.merged(scan.all("absolute"))
    if not absolutes:
        return None
    noted = f" (confidence {ctx.confidence}/10 noted)" if ctx.confidence is not None else ""
    fix = ("Aim for a level that can be reached and checked, e.g. 'pain no higher than 3/10 on "
           "most days', and a task to do despite some pain." if scan.has("pain") else
           "Replace the absolute with a level that can be reached, e.g. '4 days out of 5'.")
    return Finding(key, False, f"{_q(absolutes)} promises something nobody can guarantee"
                   f"{noted}.", absolutes, fix)


def _by_confidence(ctx: Context, key: Criterion, what: str) -> Finding:
    c = ctx.confidence
    if c is None:
        return Finding(key, None, f"Cannot tell from the text alone whether it is {what}.", (),
                       _ASK_CONFIDENCE)
    ev = (f"confidence {c}/10",)
    if c >= 7:
        return Finding(key, True, f"Confidence {c}/10: 7 or more, so the patient expects to "
                       "manage it.", ev)
    return Finding(key, False, f"Confidence {c}/10 is below 7.", ev, SHRINK)


def _achievable(scan: Scan, ctx: Context) -> Finding:
    return _absolute_finding(scan, ctx, "achievable") or _by_confidence(
        ctx, "achievable", "achievable")


def _realistic(scan: Scan, ctx: Context) -> Finding:
    return _absolute_finding(scan, ctx, "relevant") or _by_confidence(
        ctx, "relevant", "realistic for the patient in this time")


def _action_oriented(scan: Scan, ctx: Context) -> Finding:
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


# --- R: relevant (a reason or a priority), realistic (above) or results-oriented -----------
def _relevant(scan: Scan, ctx: Context) -> Finding:
    if ctx.why:
        return Finding("relevant", True, f"The patient's reason: '{ctx.why}'.", (ctx.why,))
    reasons = scan.all("reason")
    if reasons:
        return Finding("relevant", True, f"States why it matters: {_q(reasons)}.",
                       hit_texts(reasons))
    if ctx.priorities:
        link = priority_link(scan.text, ctx.priorities)
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


def _results_oriented(scan: Scan, ctx: Context) -> Finding:
    measurable = _measurable(scan, ctx)
    acts = scan.all("activity")
    only_attending = bool(acts) and all(a.info[1] == "attend" for a in acts)
    if only_attending:
        return Finding("relevant", False,
                       f"Names effort ({_q(acts)}) rather than the result it should bring.",
                       hit_texts(acts), "Say what attending should lead to, e.g. "
                       "'walk 1 km without a rest'.")
    if measurable.met:
        return Finding("relevant", True,
                       f"Names a result that could be checked: {_q(list(measurable.evidence))}.",
                       measurable.evidence)
    return Finding("relevant", False, "Names no result that could be checked.", (),
                   f"Name the result you would see, e.g. '{_example(scan)}'.")


# --- the registry ----------------------------------------------------------------------------
Rule = Callable[[Scan, Context], Finding]
# The registry, in report order. A and R look up the rule for the variant's meaning.
A_RULES: Mapping[str, Rule] = {"achievable": _achievable, "action-oriented": _action_oriented}
R_RULES: Mapping[str, Rule] = {"relevant": _relevant, "realistic": _realistic,
                               "results-oriented": _results_oriented}
CHECKS: Mapping[Criterion, Rule] = {
    "specific": _specific,
    "measurable": _measurable,
    "achievable": lambda scan, ctx: A_RULES[ctx.variant.a](scan, ctx),
    "relevant": lambda scan, ctx: R_RULES[ctx.variant.r](scan, ctx),
    "time_bound": _time_bound,
}
