"""Clause roles: which words of a goal are its target, and which are its reason or setting.

A goal statement has a target (what the patient will do, with its support, amount, conditions
and time frame) and may add a reason ("so that I can enjoy work again") or a setting ("when I
kneel to pray"). Specific and Measurable judge the target only: an activity named as the reason
does not make "Ease my shoulder pain so that I can enjoy work again" a functional goal. This
step runs after the other detectors (see :data:`goalkit.smart_scan.DETECTORS`) and moves the
hits found inside a reason to ``reason_<kind>``; Relevant still reads the reason itself. Time
frames are left where they are: a deadline holds for the whole goal wherever it is written.

It also reads two roles the lexicons cannot: the object of a fear ("stop being scared of
bending" names a feeling, not bending), and support said by negation ("I won't need my stick").

>>> from goalkit.smart_scan import scan_text
>>> scan = scan_text("Ease my shoulder pain so that I can enjoy work again")
>>> [h.text for h in scan.all("activity")], [h.text for h in scan.all("reason_activity")]
([], ['work'])
>>> pain_role(scan_text("No pain when I kneel to pray"))
('target', None)
>>> pain_role(scan_text("Kneel through the whole service without pain"))
('condition', 'without pain')
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Literal

from goalkit import smart_rules as R
from goalkit._text import DETERMINERS, Token
from goalkit.smart_grammar import POSSESSIVES, norm_at
from goalkit.smart_hits import Hit, Scan

__all__ = ["MOVED_FROM_REASONS", "PainRole", "aside_spans", "coping", "find_roles",
           "pain_role", "settings"]

# The kinds a reason takes over: what the target is measured by, not when it is due.
MOVED_FROM_REASONS = ("activity", "weak_activity", "outcome", "quantity", "frequency",
                      "condition", "support", "state", "pain", "generic_return", "vague",
                      "pain_condition")
# Hits that make a stretch of words a goal of its own (a reason needs a target before it).
_CONTENT = ("activity", "weak_activity", "state", "pain", "generic_return", "vague", "outcome")
# Where a reason stops: the end of a sentence or a turn ("but").
_REASON_STOP = frozenset({".", ";", "!", "?", "but", "however"})
# A setting: "when I kneel", "while working at the computer", "on bad days".
_SETTING_WORDS = frozenset({"when", "whenever", "while", "whilst", "during"})
_SETTING_STOP = frozenset({".", ";", ",", "!", "?", "but", "so", "because"})
# After a pain target, these bring in its setting: "less knee pain on the stairs", "knee pain
# no more than 2/10 after netball training", "neck pain with desk work".
# The same after a capacity or a feeling: "more strength for the stairs", "confidence with
# outdoor walking".
# "shoulder pain from wheelchair pushing" (its cause), "fewer flare-ups by pacing" (its means)
_PAIN_SETTING_PREPS = frozenset({"on", "at", "after", "doing", "with", "for", "from", "by"})
# Coping: what is coped with is the pain, what the person does is the coping ("cope better
# with flare-ups", "learn to live with my pain").
_COPING = frozenset({"cope", "coping", "live", "living", "deal", "dealing"})
# Fears: the activity after them is what the patient fears, not what they will do.
_FEARS = frozenset((w, p) for w in R.FEARS
                   for p in ("of", "about", "when", "whenever", "every", "each", "to"))
# A feeling (R.FEELINGS) about a setting: "feel more confident on the stairs" (not before a verb:
# "feel confident walking outdoors" names walking outdoors)
_FEELING_PREPS = frozenset({"on", "in", "at", "about", "when", "with", "around", "after",
                            "during"})
_FEEL_VERBS = frozenset({"feel", "feeling", "be", "being", "become", "more", "less"})
# Where the clause of a fear ends: a new sentence, a reason or a turn.
_FEAR_STOP = frozenset({".", ";", "!", "?", "so", "because", "but", "and", ","})
# Who or what a patient may no longer need: aids and the people who help.
_HELPERS = R.SUPPORT_NOUNS | R.HELPERS
# Support said by negation: "I won't need my stick", "no longer using crutches".
_NEGATIONS = frozenset({"won't", "wont", "not", "don't", "dont", "longer", "never"})
_NEED = frozenset({"need", "needing", "use", "using", "rely", "relying", "needs", "require",
                   "requiring", "requires"})

PainRole = Literal["target", "condition", "co-target", "reason", "none"]


def _inside(h: Hit, spans: list[tuple[int, int]]) -> bool:
    """Whether ``h`` starts inside one of ``spans`` (sorted, not overlapping: see _merge)."""
    k = bisect_right(spans, (h.start, len(spans) + 10**9)) - 1
    return k >= 0 and spans[k][0] <= h.start < spans[k][1]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _reason_spans(scan: Scan) -> list[tuple[int, int]]:
    toks = scan.tokens
    n = len(toks)
    spans = []
    for h in scan.hits.get("reason", ()):
        end = h.start + 1
        limit = min(n, h.start + 24)
        while end < limit and toks[end].norm not in _REASON_STOP:
            end += 1
        spans.append((h.start, end))
    return _merge(spans)


def settings(scan: Scan) -> list[tuple[int, int]]:
    """Token spans of the settings: "when I kneel to pray", "while working", and after a pain
    target "on the stairs", "after netball training"."""
    toks = scan.tokens
    n = len(toks)
    out = []
    # (not a "general" state: "independent with all transfers" is a level of help)
    targets = [h for h in scan.all("pain", "state") if h.kind == "pain" or h.info[1] in (
        "capacity", "feeling", "function")]
    first_target = min((p.start for p in targets), default=n)
    first_act = min((a.start for a in scan.all("activity", "weak_activity")), default=n)
    # (not after a coping verb: "handle flare-ups with my pacing plan" is what the person does)
    after_target = first_target < first_act and not any(
        toks[k].norm in R.COPING_VERBS for k in range(max(0, first_target - 3), first_target))
    for i, t in enumerate(toks):
        if t.norm in _SETTING_WORDS or (after_target and t.norm in _PAIN_SETTING_PREPS
                                        and first_target < i < first_act <= i + 3):
            j = i + 1
            while j < min(n, i + 12) and toks[j].norm not in _SETTING_STOP:
                j += 1
            out.append((i, j))
    return _merge(out)


def _fears(scan: Scan) -> None:
    """A fear, or a feeling about a setting, holds the activities of its clause: "stop being
    scared of bending to empty the dishwasher", "not be frightened of slipping in the shower",
    "feel more confident on the stairs" name a feeling, not something the patient will do."""
    toks = scan.tokens
    n = len(toks)
    spans = []
    for i in range(n - 1):
        pair = (toks[i].norm, toks[i + 1].norm)
        if pair in _FEARS:
            label, first = f"{pair[0]} {pair[1]}", i + 2
        elif toks[i].norm in R.FEELINGS and toks[i + 1].norm in _FEELING_PREPS and any(
                toks[k].norm in _FEEL_VERBS for k in range(max(0, i - 3), i)):
            label, first = toks[i].norm, i + 1
        else:
            continue
        end = i + 2
        while end < n and toks[end].norm not in _FEAR_STOP:
            end += 1
        spans.append((i, first, end, label))
    feared = [a for a in scan.hits.get("activity", ())
              if any(first <= a.start < end for _, first, end, _ in spans)]
    for start, first, _, label in spans:
        scan.add("state", start, first, (label, "feeling", R.STATES["confident"][1]))
    if feared:
        gone = set(feared)
        scan.hits["feared_activity"] = feared
        scan.hits["activity"] = [a for a in scan.hits["activity"] if a not in gone]
        scan.hits["outcome"] = [o for o in scan.hits.get("outcome", ())
                                if not any(o.start == a.start for a in gone)]


def _negated_support(scan: Scan) -> None:
    toks = scan.tokens
    n = len(toks)
    for i in range(n - 1):
        if toks[i].norm not in _NEGATIONS:
            continue
        j = i + 1
        if toks[i].norm == "not" and norm_at(toks, j) == "be":
            continue
        if norm_at(toks, j) == "to":  # "not to need"
            j += 1
        if norm_at(toks, j) in ("have", "has") and norm_at(toks, j + 1) == "to":
            j += 2  # "won't have to use my crutches"
        if norm_at(toks, j) not in _NEED:
            continue
        j += 1
        if norm_at(toks, j) == "on":  # "rely on"
            j += 1
        if norm_at(toks, j) in DETERMINERS or norm_at(toks, j) in POSSESSIVES:
            j += 1
        k = j
        while k < min(n, j + 3) and toks[k].norm not in _HELPERS:
            k += 1
        if k < n and toks[k].norm in _HELPERS and scan.free(i, k + 1):
            start = i - 1 if toks[i].norm == "longer" and norm_at(toks, i - 1) == "no" else i
            scan.add("support", start, k + 1, ("negated",))
            scan.claim(start, k + 1)


def find_roles(scan: Scan) -> None:
    """Fears and negated support, then move what lies inside a reason out of the target."""
    _fears(scan)
    _negated_support(scan)
    spans = _reason_spans(scan)
    if spans:
        first = min(a for a, _ in spans)
        # nothing before the reason: the reason is the goal ("so I can walk ...")
        if any(h.start < first for h in scan.all(*_CONTENT)):
            _move(scan, spans, "reason")
    # "No pain when I kneel to pray", "Breathe easier when climbing stairs": the target is a
    # body function or a feeling, the activity only its setting
    where = settings(scan)
    if where and any(not _inside(h, where) for h in scan.all("pain", "state", "vague")) \
            and not any(not _inside(h, where) for h in scan.all("activity", "weak_activity")):
        _move(scan, where, "setting")


_FUNCTION = ("activity", "weak_activity", "state", "generic_return")


def aside_spans(scan: Scan) -> list[tuple[int, int]]:
    """Token spans of what is not the goal's target: the hits moved to a reason or a setting,
    and the activities feared."""
    kinds = [k for k in scan.hits if k.startswith(("reason_", "setting_")) or k in (
        "feared_activity",)]
    return _merge([(h.start, h.end) for h in scan.all(*kinds)])


def _move(scan: Scan, spans: list[tuple[int, int]], role: str) -> None:
    for kind in MOVED_FROM_REASONS:
        if kind == "pain" and role == "setting":
            continue
        hits = scan.hits.get(kind)
        if not hits:
            continue
        scan.hits[kind] = [h for h in hits if not _inside(h, spans)]
        moved = [h for h in hits if _inside(h, spans)]
        if moved:
            scan.hits.setdefault(f"{role}_{kind}", []).extend(moved)


# Words that make pain a condition of the activity around it.
_CONDITION_BEFORE = frozenset({"without", "no", "less", "minimal", "minimum", "little",
                               "reduced", "free"})
_CONDITION_AFTER = frozenset({"free", "no", "below", "under", "less", "at", "stays",
                              "staying", "remains", "remaining", "kept", "ceiling", "within"})


def _condition_words(scan: Scan, h: Hit) -> tuple[int, int] | None:
    """The span of a pain condition around pain hit ``h`` ("without pain", "pain-free")."""
    toks = scan.tokens
    for c in scan.hits.get("pain_condition", ()):
        if c.start <= h.start < c.end:
            return c.start, c.end
    # "without pain", "with no increase in back pain", "with minimal knee pain"
    for j in range(h.start - 1, max(-1, h.start - 5), -1):
        if toks[j].kind != "word":
            break
        if toks[j].norm in _CONDITION_BEFORE:
            start = j - 1 if norm_at(toks, j - 1) in ("with", "without") else j
            return start, h.end
    if norm_at(toks, h.end) in _CONDITION_AFTER:
        return h.start, h.end + 1
    return None


def _with_ceiling(scan: Scan, span: tuple[int, int]) -> tuple[int, int]:
    """Extend a pain condition over the ceiling that follows it ("with pain | no higher than
    4/10")."""
    a, b = span
    for q in scan.hits.get("quantity", ()):
        if b <= q.start <= b + 1:
            return a, max(b, q.end)
    return span


def _coped_with(toks: list[Token], i: int) -> bool:
    """Whether the pain word at ``i`` is what the person copes with or learns about: "cope
    with flare-ups", "ways of managing her pain", "understand why my back still hurts"."""
    for k in range(max(0, i - 7), i):
        w = toks[k].norm
        if k >= i - 5 and (w in _COPING or (w in ("manage", "managing") and norm_at(
                toks, k - 1) in ("self", "of", "for"))):
            return True
        if w in R.KNOWING_VERBS and norm_at(toks, k + 1) != "to":
            return True
    return False


def coping(scan: Scan) -> bool:
    """Whether every pain the goal names is what the person copes with or learns about."""
    pains = scan.all("pain")
    return bool(pains) and all(_coped_with(scan.tokens, p.start) for p in pains)


def pain_role(scan: Scan) -> tuple[PainRole, str | None]:
    """What pain is in this goal, and for a condition, its words.

    - ``"target"``: pain is what the goal is about (pain-only), even with an activity named as
      its reason or setting ("No pain when I kneel to pray");
    - ``"condition"``: the target is an activity and pain is a condition of it ("without pain",
      "pain-free", "with pain no higher than 4/10");
    - ``"co-target"``: an activity and pain are both targets ("reduce pain and walk 1 km");
    - ``"reason"``: pain is only named in the reason; ``"none"``: no pain named.
    """
    pains = scan.all("pain")
    if not pains:
        signs = scan.all("pain_condition")  # "without wincing": pain shown, not named
        if signs and scan.has("activity"):
            return "condition", scan.merged(signs)[0]
        return ("reason", None) if scan.has("reason_pain") else ("none", None)
    if coping(scan):
        # coping with pain, or knowing about it, is what the person does ("ways of managing
        # her pain"; not "manage my pain better", whose target is the pain)
        return "none", None
    where = settings(scan)
    main = [h for h in scan.all(*_FUNCTION) if not _inside(h, where)]
    if not main:
        return "target", None
    if not any(h.kind in ("activity", "weak_activity") for h in main):
        return "co-target", None  # "feel better and have less pain": no activity to qualify
    conditions = []
    for p in pains:
        if _inside(p, where):
            continue  # "when my back flares": a trigger for the plan, not a condition
        span = _condition_words(scan, p)
        if span is None:
            return "co-target", None
        conditions.append(_with_ceiling(scan, span))
    if not conditions:
        return "none", None
    return "condition", scan.merged(
        Hit("pain_condition", a, b, scan.quote(a, b)) for a, b in conditions)[0]
