"""Read a goal statement once and collect what it contains: activities, amounts, help, times.

The SMART checks in :mod:`goalkit.smart` only look at the :class:`Scan` built here. Detectors
run in the order of :data:`DETECTORS`; each adds :class:`Hit` records, and the number readers
"claim" the tokens they use so a later reader does not read the same words twice.

This module holds the pipeline: the phrase index over every lexicon, the order of the
detectors and the two clean-ups of lexicon hits (reasons, feelings about pain). The detectors
themselves live beside it, one module per concept:

- :mod:`goalkit.smart_hits`: the :class:`Hit` and :class:`Scan` records;
- :mod:`goalkit.smart_grammar`: the small words the readers steer by, and token helpers;
- :mod:`goalkit.smart_scan_time`: time frames and frequencies;
- :mod:`goalkit.smart_scan_amounts`: quantities;
- :mod:`goalkit.smart_scan_activities`: levels of help, activities and yes/no end points;
- :mod:`goalkit.smart_scan_verb`: the goal's own verb where no activity phrase names it.

>>> scan = scan_text("Walk 1 km without a rest within 6 weeks")
>>> [(h.kind, h.text) for h in scan.all("quantity", "condition", "time")]
[('quantity', '1 km'), ('condition', 'without a rest'), ('time', 'within 6 weeks')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from goalkit import smart_rules as R
from goalkit._text import PhraseIndex, build_lemmas, tokenize
from goalkit.smart_grammar import CLAUSE_END, clause_end, norm_at
from goalkit.smart_hits import Hit, Scan
from goalkit.smart_roles import find_roles
from goalkit.smart_scan_activities import find_outcomes, find_support, resolve_activities
from goalkit.smart_scan_amounts import find_quantities
from goalkit.smart_scan_time import find_frequencies, find_time_frames
from goalkit.smart_scan_verb import find_action
from goalkit.smart_shorthand import expand

__all__ = ["DETECTORS", "KNOWN_WORDS", "MAX_CHARS", "Hit", "Scan", "scan_text"]

# A goal is a sentence or two, and a worksheet holds at most 2,000 characters of it
# (goalkit.model.TEXT). Longer input is cut here (and the report says so), which also bounds
# the work done on pasted documents.
MAX_CHARS = 2000


# --- the phrase index over every lexicon ----------------------------------------------------
def _entries() -> Iterable[tuple[str, object]]:
    # Within a kind, the lexicon's order is kept: phrases of the same length found at the same
    # place are recorded in this order (see the NB in goalkit.smart_lex_activities).
    for group, phrases in R.ACTIVITIES.items():
        for phrase in phrases:
            yield phrase, ("activity", group, "task" if phrase in R.TASKS else "")
    for phrase in R.COMPOUNDS:
        yield phrase, ("compound",)
    for phrase, (kind, advice) in R.STATES.items():
        yield phrase, ("state", kind, advice)
    for phrase in R.PAIN:
        yield phrase, ("pain",)
    for phrase in R.SUPPORT_PHRASES:
        yield phrase, ("support",)
    for phrase in R.CONDITIONS:
        yield phrase, ("condition",)
    for phrase in R.VAGUE_TIME:
        yield phrase, ("vague_time",)
    for phrase in R.ABSOLUTES:
        yield phrase, ("absolute",)
    for phrase in R.REASONS:
        yield phrase, ("reason",)
    for phrase in R.VAGUE_MEASURE:
        yield phrase, ("vague",)
    for phrase in R.PASSIVE:
        yield phrase, ("passive",)
    for phrase, (why, rewording) in R.LANGUAGE.items():
        yield phrase, ("language", why, rewording)


_INDEX = PhraseIndex(_entries())
#: every word a lexicon or the stopword list knows (a capitalised word outside it is a name)
KNOWN_WORDS = _INDEX.words | R.STOPWORDS
# Only content words get inflections: "as" must not read as a form of "a".
_LEMMAS = build_lemmas(
    (w for w in _INDEX.words if len(w) > 2 and w not in R.STOPWORDS and w not in R.DEST_PREPS),
    R.IRREGULAR,
)


# --- the detectors that work on lexicon hits (the number and activity readers are imported) --
def _lexicon(scan: Scan) -> None:
    """Every lexicon phrase, longest first at each position; shorter ones inside it are kept
    for now (``resolve_activities`` decides what an activity inside a compound means)."""
    for m in _INDEX.scan(scan.tokens):
        payload = m.payload
        assert isinstance(payload, tuple)
        kind, *info = payload
        scan.add(str(kind), m.start, m.end, (m.phrase, *map(str, info)))
    for h in scan.hits.get("vague_time", ()):
        scan.claim(h.start, h.end)
    # a pain word or a state naming a coping tool ("my flare-up plan", "a pain diary", "my
    # stress-busting techniques") is no pain and no state at all
    toks = scan.tokens
    for kind in ("pain", "state"):
        scan.hits[kind] = [h for h in scan.hits.get(kind, ()) if not R.PLAN_NOUNS & {
            norm_at(toks, h.end), norm_at(toks, h.end + 1)}]


def _reasons(scan: Scan) -> None:
    """Keep "to be able to" as a reason only after the goal's action ("walk 1 km to be able
    to..."), not as the frame of the goal itself ("I want to be able to walk")."""
    kept = []
    first_end = min((a.end for a in scan.all("activity", "quantity")), default=len(scan.tokens))
    for h in scan.hits.get("reason", ()):
        if h.info[0] == "to be able to" and first_end > h.start:
            continue
        end = clause_end(scan.tokens, h.end)
        kept.append(Hit("reason", h.start, end, scan.quote(h.start, end), h.info))
    scan.hits["reason"] = kept


def _pain(scan: Scan) -> None:
    """Feelings said about pain ("manage my pain better") belong to the pain target; a pain
    word naming something else ("pressure sore") is no pain."""
    toks = scan.tokens
    scan.hits["pain"] = [p for p in scan.hits.get("pain", ())
                         if norm_at(toks, p.start - 1) not in R.NOT_PAIN_AFTER]
    breaks = [i for i, t in enumerate(toks) if t.norm in CLAUSE_END or t.norm == "and"]
    pain_starts = sorted(p.start for p in scan.hits.get("pain", ()))
    states = []
    for h in scan.hits.get("state", ()):
        k = bisect_left(breaks, h.start)
        lo = breaks[k - 1] if k > 0 else -1
        hi = breaks[k] if k < len(breaks) else len(toks)
        m = bisect_right(pain_starts, lo)
        if h.info[1] == "feeling" and m < len(pain_starts) and pain_starts[m] < hi:
            continue
        if pain_starts and (norm_at(toks, h.start - 1) in R.PAIN_MEASURES or (
                toks[h.start].norm in R.PAIN_MEASURES and h.start - 1 in pain_starts)):
            continue  # "my pain score": the measure of the pain target, not a second target
        if pain_starts and norm_at(toks, h.end) in R.BODY_PARTS \
                and h.info[1] in ("feeling", "body"):
            continue  # "pain in my stiff shoulder": where the pain is, not a second target
        states.append(h)
    scan.hits["state"] = states


# The order matters: times claim their numbers before frequencies, frequencies and levels of
# help before quantities ("5 days a week" is how often, "with one person" is help, neither is
# how much); activities are resolved after the number readers (an amount turns "increase my
# walking" into an activity) and before outcomes; reasons after activities and quantities ("to
# be able to" is a reason only after the goal's first action); roles last, once every hit is
# known (what lies inside a reason leaves the target).
DETECTORS: tuple[tuple[str, Callable[[Scan], None]], ...] = (
    ("lexicon", _lexicon),
    ("time", find_time_frames),
    ("frequency", find_frequencies),
    ("support", find_support),
    ("quantity", find_quantities),
    ("activities", resolve_activities),
    ("action", find_action),
    ("outcomes", find_outcomes),
    ("reasons", _reasons),
    ("pain", _pain),
    ("roles", find_roles),
)


def scan_text(text: str) -> Scan:
    """Run every detector over ``text`` (cut to :data:`MAX_CHARS`)."""
    truncated = len(text) > MAX_CHARS
    body = text[:MAX_CHARS]
    tokens, shorthand = expand(body, tokenize(body, _LEMMAS), _LEMMAS)
    scan = Scan(body, tokens, truncated=truncated, shorthand=shorthand)
    for _, detect in DETECTORS:
        detect(scan)
    return scan
