"""What the patient does: activities, levels of help and yes/no end points.

:func:`find_support` reads levels of help ("with a stick", "supervision of one person") and
completion conditions ("without stopping"); :func:`resolve_activities` decides which activity
words name an activity (not inside a compound such as "walking stick"; "improve my walking" is
only a capacity unless an amount follows); :func:`find_outcomes` finds yes/no end points:
returns ("return to work"), destinations ("walk to the shop"), particular objects ("lift my
toddler"), whole tasks ("make the bed") and "again".

>>> from goalkit.smart_scan import scan_text
>>> scan = scan_text("Walk to the bus stop with a stick")
>>> [(h.kind, h.text) for h in scan.all("activity", "outcome", "support")]
[('outcome', 'Walk to the bus stop'), ('activity', 'Walk'), ('support', 'with a stick')]
"""

from __future__ import annotations

from bisect import bisect_left

from goalkit import smart_rules as R
from goalkit._text import DETERMINERS, Token, covered
from goalkit.smart_grammar import (
    CLAUSE_END,
    PERIODS,
    POSSESSIVES,
    REFLEXIVES,
    WINDOW_STOP,
    clause_end,
    norm_at,
)
from goalkit.smart_hits import Hit, Scan

__all__ = ["PARTICLES", "find_outcomes", "find_support", "np_end", "resolve_activities"]


def find_support(scan: Scan) -> None:
    """Levels of help after with / using / without ("with a stick", "without crutches")
    and completion conditions after without ("without stopping", "without using my arms")."""
    toks = scan.tokens
    n = len(toks)
    # pain words the lexicon found ("a sore neck"), not those naming something else
    pain_at = {k for p in scan.hits.get("pain", ()) if norm_at(toks, p.start - 1) not in (
        R.NOT_PAIN_AFTER) for k in range(p.start, p.end)}
    supports = []
    for h in scan.hits.get("support", ()):
        if norm_at(toks, h.start - 1) in R.COMPARATIVE_MARKERS:
            scan.add("vague", h.start - 1, h.end)  # "be more independent": a direction
        else:
            supports.append(h)
    scan.hits["support"] = supports
    for i in range(n):
        w = toks[i].norm
        if w in REFLEXIVES and i > 0 and toks[i - 1].kind == "word" and toks[i - 1].norm not in (
                R.SELF_NOT_HELP) and scan.free(i, i + 1):
            scan.add("support", i, i + 1)  # "empty my leg bag myself", "catheterise myself"
            continue
        if w not in ("with", "using", "without") and not (
                w == "no" and norm_at(toks, i + 1) in ("increase", "rise", "worsening")):
            continue  # ("no increase in low back pain": as "with no increase in pain")
        if w == "with" and i > 0 and toks[i - 1].norm in R.COPING_VERBS:
            continue  # "cope with flare-ups": what is coped with, not a condition
        limit = min(n, i + 7)  # "without shortness of breath or chest pain"
        j = i + 1
        found = -1
        pain = False
        while j < limit and toks[j].norm not in CLAUSE_END and (toks[j].norm not in (
                "with", "without", "within", "for", "by", "in") or (
                toks[j].norm == "in" and toks[j - 1].norm in ("increase", "rise", "change"))):
            norm = toks[j].norm
            if (norm in R.SUPPORT_NOUNS and j < i + 5) or (
                    w == "without" and norm in R.HELPERS and j < i + 3):
                found = j  # ("without my wife reminding me": the help she gives)
                break
            if (j in pain_at or norm in R.PAIN_SIGNS) and not (
                    R.PLAN_NOUNS & {norm_at(toks, j + 1), norm_at(toks, j + 2)}):
                pain = True  # (not "without trying my flare-up plan": a plan, not pain)
                found = j
                break
            j += 1
        if found >= 0:
            end = found + 1
            if norm_at(toks, end) == "of" and norm_at(toks, end + 2) in ("person", "people"):
                end += 3  # "supervision of one person"
            if pain and norm_at(toks, end) in R.BODY_PARTS:
                end += 1  # "without getting a sore neck"
            kind = "pain_condition" if pain else "support"
            if w == "without" and not pain and toks[found].norm in ("rest", "break"):
                kind = "condition"
            if kind == "pain_condition" or scan.free(i, end):
                scan.add(kind, i, end)
                scan.claim(i, end)  # "one person" here is help, not a count
        elif w == "without" and i + 1 < n:
            k = i + 1
            if toks[k].norm in DETERMINERS:
                k += 1
            if k < n and toks[k].norm.endswith("ing") and toks[k].kind == "word" and (
                    toks[k].norm not in R.NOT_CONDITIONS):
                scan.add("condition", i, k + 1)


def resolve_activities(scan: Scan) -> None:
    """Decide which activity words name an activity: drop those inside compounds ("walking
    stick", "in a row"), merge overlaps (keep the longest) and mark capacities
    ("improve my walking") as weak unless an amount follows."""
    toks = scan.tokens
    covers = [(h.start, h.end) for h in scan.all(
        "compound", "condition", "support", "time", "vague_time", "frequency", "language")]
    acts = scan.all("activity")
    hidden = covered([(h.start, h.end) for h in acts], covers)
    kept: list[Hit] = []
    for h, inside in zip(acts, hidden, strict=True):
        if inside or (kept and h.start < kept[-1].end):
            continue  # inside a compound, or overlapping a longer activity found first
        kept.append(h)
    kept = _without_scored_items(scan, kept)
    strong: list[Hit] = []
    weak: list[Hit] = []
    amount_starts = sorted(q.start for q in scan.all("quantity", "frequency") if q.kind == (
        "quantity") or any(toks[k].is_num for k in range(q.start, q.end)))  # "7 hours a night"
    for h in kept:
        word = toks[h.start].norm
        if norm_at(toks, h.start - 1) in R.NOUN_MARKERS and norm_at(
                toks, h.start - 2) not in R.DOING_VERBS:
            continue  # "more bend in my knee": a noun, not something the patient does
        if _body_part_subject(toks, h.start):
            weak.append(h)  # "get my hand working again", "my knee to bend": a body function
            continue
        before = {toks[k].norm for k in range(max(0, h.start - 3), h.start)}
        is_form = word.endswith("ing") or h.info[1] == "sport" or (
            norm_at(toks, h.start - 1) in POSSESSIVES  # "improve my sleep", "my transfers"
            and norm_at(toks, h.start - 2) in R.BETTER_VERBS and h.end - h.start == 1)
        if is_form and before & R.IMPROVE_VERBS:
            limit = clause_end(toks, h.end) + 4
            k = bisect_left(amount_starts, h.end)
            if not (k < len(amount_starts) and amount_starts[k] < limit):
                weak.append(h)
                continue
        strong.append(h)
    scan.hits["activity"] = strong
    scan.hits["weak_activity"] = weak


def _without_scored_items(scan: Scan, acts: list[Hit]) -> list[Hit]:
    """Activities named in quotes as a questionnaire's item ("COPM satisfaction 'gardening'
    3→6") are what is scored, not the goal's target: they are left out."""
    toks = scan.tokens
    scores = [h for h in scan.all("state") if h.info[1] == "score"]
    if not scores:
        return acts
    quotes = [k for k, t in enumerate(toks) if t.norm in ("'", '"', "‘", "“", "”")]
    spans = [(a, b) for a, b in zip(quotes[::2], quotes[1::2], strict=False)
             if any(0 <= a - h.end <= 3 for h in scores)]
    return [h for h in acts if not any(a < h.start and h.end <= b for a, b in spans)]


_TO_BE = frozenset({"be", "is", "gets", "get", "become", "becomes"})


def _body_part_subject(toks: list[Token], i: int) -> bool:
    """Whether the activity word at ``i`` is said of a body part: "my hand working", "my knee
    to bend"."""
    owners = ("my", "his", "her", "their", "your", "the")
    if norm_at(toks, i - 1) in owners[:-1] and any(norm_at(toks, j) in _COMPARED for j in range(
            i + 1, i + 4)) and {norm_at(toks, i + 1), norm_at(toks, i + 2)} & _TO_BE:
        return True  # "my walking to be better", "my sleep is better": how it goes
    if norm_at(toks, i - 1) == "to":  # "I want my knee to bend" (not "use my hands to knit")
        return norm_at(toks, i - 2) in R.BODY_PARTS and norm_at(toks, i - 3) in owners \
            and norm_at(toks, i - 4) in ("want", "wants", "like", "need", "needs", "get")
    return toks[i].norm.endswith("ing") and norm_at(toks, i - 1) in R.BODY_PARTS \
        and norm_at(toks, i - 2) in owners


def find_outcomes(scan: Scan) -> None:
    """Yes/no outcomes: returns, destinations, particular objects, tasks, "again"."""
    toks = scan.tokens
    n = len(toks)
    strong = list(scan.hits.get("activity", ()))
    by_start: dict[int, list[Hit]] = {}
    for a in strong:
        by_start.setdefault(a.start, []).append(a)
    # returns: "return to work", "get back to playing golf", "start a walking group"
    for i in range(n):
        w = toks[i].norm
        if w in ("return", "returning", "resume", "resuming", "start", "starting") or (
                w == "back" and norm_at(toks, i + 1) in ("to", "into")
                and norm_at(toks, i - 1) not in DETERMINERS | {"lower", "upper"}):
            j = i + 1
            if norm_at(toks, j) in ("to", "into"):
                j += 1
            elif w in ("return", "returning", "back"):
                continue  # "return the trolley" is not a return to an activity
            limit = min(n, j + 5)
            k = j
            while k < limit and (toks[k].norm in DETERMINERS or toks[k].norm in (
                    "full", "playing", "my", "competitive", "light")):
                k += 1
            if k >= n or toks[k].kind != "word" or toks[k].norm in CLAUSE_END:
                continue
            target = [a for p in range(j, limit) for a in by_start.get(p, ())]
            generic = {"normal", "activities", "activity", "life", "self", "fitness", "health",
                       "old", "how", "way", "pre", "everything", "things", "being", "prior",
                       "previous", "usual", "baseline", "level", "function"}
            if target:
                end = max(a.end for a in target if a.start == target[0].start)
                scan.add("outcome", i, end, ("return",))
            elif toks[k].norm in generic or toks[k].norm in R.STATES:
                scan.add("generic_return", i, min(n, k + 2))
            elif w != "start" and toks[k].norm not in R.STOPWORDS and toks[k].norm not in (
                    "the",):
                hit = scan.add("outcome", i, k + 1, ("return",))
                scan.hits.setdefault("activity", []).append(
                    Hit("activity", k, k + 1, hit.text, (toks[k].norm, "other", "")))
    strong = scan.all("activity")
    scan.hits["activity"] = strong
    starts = {a.start for a in strong}
    for h in strong:
        if h.info[2] == "task":
            scan.add("outcome", h.start, h.end, ("task",))
            continue
        if h.info[2] == "start":
            continue
        start, end = _object_or_destination(scan, h, starts)
        if norm_at(toks, end) in _COMPARED and start == h.start and norm_at(
                toks, h.end) not in R.DEST_PREPS:
            continue  # "look after my skin better": a direction, not an end point
        if norm_at(toks, h.start - 1) in DETERMINERS and toks[h.start].norm in R.OCCASIONS:
            scan.add("outcome", h.start - 1, h.end, ("occasion",))  # "take my exams"
        elif end > h.end or (h.info[2] == "verb" and (start, end) == (h.start, h.end)
                             and _particular(toks, h)):
            scan.add("outcome", start, end, ("destination", str(h.start)))
    # "again" after an activity in the same clause: a return to it
    for i in range(n):
        if toks[i].norm == "again":
            for p in range(max(0, i - 8), i):
                if p in starts and all(toks[k].norm not in CLAUSE_END for k in range(p, i)):
                    scan.add("outcome", p, i + 1, ("again",))
                    break


# After a particular object, these make it a direction of change ("look after my skin better")
_COMPARED = frozenset(w for w in R.VAGUE_MEASURE if " " not in w)


def _object_or_destination(scan: Scan, h: Hit, starts: set[int]) -> tuple[int, int]:
    """The words that give an activity its end point: the whole phrase when they follow it
    directly ("walk to the shop"), else only the destination ("carry a box | to the car")."""
    toks = scan.tokens
    n = len(toks)
    group = h.info[1]
    k = h.end
    last = toks[h.end - 1].norm
    # the phrase itself ends in a direction: "go to church", "get out of bed"
    if last in R.DEST_PREPS | {"of", "in", "on"} and k < n and _place_follows(scan, k - 1):
        return h.start, np_end(toks, k)
    if last in DETERMINERS and h.end - h.start > 2 and toks[h.end - 2].norm in R.DEST_PREPS \
            and k < n and toks[k].kind == "word":
        return h.start, np_end(toks, k)  # "get to my | daughter's school assembly"
    if h.info[2] == "verb":  # find_action quoted the verb with its object
        if _particular(toks, h):
            return h.start, h.end
    # a particular object right after the verb: "lift my toddler", "mow the lawn"
    elif k < n and toks[k].norm in DETERMINERS and group not in ("exercise", "attend") \
            and toks[h.start].norm not in ("do", "play", "have"):
        end = np_end(toks, k)
        end = next((p for p in range(k + 1, end)  # "tie my shoelaces | standing up"
                    if p in starts and toks[p].norm.endswith("ing")), end)
        head = toks[end - 1].norm
        # ("lift a | 5 kg box": no object here, the amount is quoted on its own)
        if head not in DETERMINERS and head not in R.GENERIC_OBJECTS and head not in PERIODS \
                and head not in R.UNITS and not (end - 1 in starts and head.endswith("ing")):
            return h.start, end
    # a destination or an occasion a few words on: "walk my daughter down the aisle"
    limit = min(n, k + 8)
    j = k
    company = False
    while j < limit:
        t = toks[j]
        if t.norm == "with" and not company and j + 1 < n and toks[j + 1].kind == "word":
            # "walk with my wife to the shop": the company, then the destination
            company = True
            j = np_end(toks, j + 1)
            limit = min(n, j + 6)
            continue
        if t.norm == "for" and any(norm_at(toks, m) in R.OCCASIONS for m in range(j + 1, j + 4)):
            m = next(m for m in range(j + 1, j + 4) if norm_at(toks, m) in R.OCCASIONS)
            return (h.start if j == k else j), m + 1  # "walk up for communion"
        if t.norm in CLAUSE_END or t.norm in ("with", "without", "within", "for", "by",
                                               "every", "each", "using", "while"):
            break
        if (t.norm in R.DEST_PREPS or (t.norm == "of" and norm_at(toks, j - 1) == "out")) \
                and _place_follows(scan, j):
            if t.norm in ("home", "upstairs", "downstairs"):
                return (h.start if j == k else j), j + 1  # "navigate home | w/ FWW"
            return (h.start if j == k else j), np_end(toks, j + 1)
        if t.norm in ("at", "during", "in", "on") and j + 1 < n:
            m = j + 1
            while m < min(n, j + 6) and toks[m].norm not in CLAUSE_END:
                if toks[m].norm in R.OCCASIONS:
                    return (h.start if j == k else j), m + 1
                m += 1
        j += 1
    return h.start, h.end


PARTICLES = frozenset({"up", "out", "round", "around", "off", "on", "in", "over", "down",
                        "back", "through", "away"})
# "kick a ball about": a thing of a kind, not the particular object of a yes/no outcome (for
# verbs read by find_action; the activity lexicons decide their own objects)
_INDEFINITE = frozenset({"a", "an", "some"})


def _particular(toks: list[Token], h: Hit) -> bool:
    """Whether a verb read by find_action is quoted with a particular object ("use his
    calendar", "control the TV"; not "kick a ball")."""
    obj = h.start + 1 + (norm_at(toks, h.start + 1) in PARTICLES)
    return obj < h.end and toks[obj].norm in DETERMINERS - _INDEFINITE \
        and toks[h.end - 1].norm not in R.GENERIC_OBJECTS | PERIODS


def _place_follows(scan: Scan, j: int) -> bool:
    """After a destination word at ``j``: a determiner, a known place or a proper name."""
    toks = scan.tokens
    n = len(toks)
    if j + 1 >= n:
        return toks[j].norm in ("home", "upstairs", "downstairs") and norm_at(
            toks, j - 1) not in ("at", "in") and scan.free(j, j + 1)
    nxt = toks[j + 1]
    if toks[j].norm == "to" and nxt.norm in ("be", "do", "have", "get", "go", "make", "help"):
        return False
    if toks[j].norm in ("home", "upstairs", "downstairs"):
        # "walk home", not "at home" nor the "home" of a deadline ("prior to DH")
        return norm_at(toks, j - 1) not in ("at", "in") and scan.free(j, j + 1)
    if nxt.norm in ("and",) and j + 2 < n and toks[j + 2].norm in R.DEST_PREPS:
        return _place_follows(scan, j + 2)
    if nxt.norm in DETERMINERS or nxt.norm in R.PLACES or nxt.norm in REFLEXIVES:
        end = np_end(toks, j + 1)
        head = toks[end - 1].norm
        return head not in PERIODS and head not in R.EVENTS and head not in (
            "next", "coming", "end") and scan.free(j + 1, j + 2)
    return nxt.kind == "word" and nxt.text[:1].isupper() and nxt.norm not in R.MONTHS


def np_end(toks: list[Token], k: int) -> int:
    """End of a short noun phrase starting at ``k`` ("the end of the garden", "my toddler")."""
    n = len(toks)
    j = k
    limit = min(n, k + 7)
    while j < limit:
        t = toks[j]
        if t.kind != "word" or t.norm in WINDOW_STOP or t.norm in (
                "for", "by", "in", "within", "at", "on", "up", "down", "into", "from", "off",
                "again", "back", "independently", "safely", "without", "every", "daily", "after",
                "before", "until", "till", "when", "while", "during"):
            if t.norm == "of" or (t.norm == "'" and j > k):
                j += 1
                continue
            break
        if (t.is_num or t.norm in _COMPARED) and j > k:
            break  # ("my skin | better", "the shop | more often")
        j += 1
    return min(max(j, k + 1), n)
