"""The goal's own verb, where no activity phrase names it (after the activity readers).

>>> from goalkit.smart_scan import scan_text
>>> [h.text for h in scan_text("Michael will use his calendar each day").all("activity")]
['use his calendar']
"""

from __future__ import annotations

from collections.abc import Iterator

from goalkit import smart_rules as R
from goalkit._text import DETERMINERS, Token
from goalkit.smart_grammar import CLAUSE_END, REFLEXIVES, norm_at
from goalkit.smart_hits import Scan
from goalkit.smart_scan_activities import PARTICLES, np_end

__all__ = ["find_action"]

# Hits that say what the target is (an activity, or something that is not one); standing before
# the reason, before the verb or as its object, they keep the verb's place from being read.
_TARGETS = ("activity", "weak_activity", "state", "pain", "generic_return")
# Hits whose words are not a verb: numbers, times, help, conditions, compounds.
_NOT_VERBS = ("compound", "support", "condition", "time", "vague_time", "frequency",
              "quantity", "vague", "language", "absolute", "passive", "reason")
_MODALS = frozenset({"will", "'ll", "shall", "can", "should", "would", "could", "may", "must"})
_SKIP = frozenset({"independently", "safely", "consistently", "gradually", "regularly",
                   "successfully", "correctly", "confidently", "then", "also", "again",
                   "always", "routinely", "reliably", "actively", "now", "still"})


def find_action(scan: Scan) -> None:
    """The goal's own verb where no activity phrase names it: "Michael will use his calendar",
    "Schedule a 20-minute rest", "Pt will perform 5xSTS".

    English puts the verb of a goal in known places: first in an instruction, after a modal
    ("will", "can"), after "to" following a wish or a subject in a note ("I want to",
    "Pt to"). A word there that is no state, pain, number or capacity verb
    (:data:`goalkit.smart_lex_activities.NOT_ACTIONS`) is read as the activity: the lexicons
    name the activities goalkit knows, this names the ones they miss. It runs only when no
    activity phrase stands before the reason, and where no state or pain stands before the
    verb or as its object ("Control my pain" names pain; "wear a sock ... without the pain
    flaring" names wearing a sock).
    """
    toks = scan.tokens
    n = len(toks)
    reason = min((h.start for h in scan.hits.get("reason", ())), default=n)
    if any(h.start < reason for h in scan.all("activity")):
        return
    others = [h.start for h in scan.all(*_TARGETS) if h.start < reason]
    blocked = {k for h in scan.all(*_NOT_VERBS) if h.kind != "reason" for k in range(
        h.start, h.end)}
    helped = {h.start for h in scan.all("support", "condition", "quantity", "frequency", "time")}
    first = next((k for k in range(n) if toks[k].kind == "word"), n)
    for slot in _verb_slots(toks, first, min(n, reason)):
        k = _past_frame(toks, slot)
        if k >= min(n, reason) or k in blocked or not scan.free(k, k + 1):
            continue
        if any(p < _object_end(toks, k) for p in others):
            continue  # a state or pain before the verb or as its object: "Control my pain"
        t = toks[k]
        if t.kind != "word" or t.is_num or t.norm in R.NOT_ACTIONS or t.norm in R.STOPWORDS \
                or t.norm in DETERMINERS or len(t.norm) < 2 or not (
                t.text.islower() or (k == first and t.text[1:].islower())):
            continue  # ("SpO2", "ADLs", "GRTW": a measure or a name, not a verb)
        nxt = toks[k + 1] if k + 1 < n else None
        if k == first and t.norm.endswith("s") and not t.norm.endswith("ss"):
            continue  # a note's plural noun, not an instruction: "Trips to the shops"
        if k == first and nxt is not None and not (
                nxt.norm in DETERMINERS or nxt.is_num or nxt.norm in PARTICLES
                or nxt.norm in R.DEST_PREPS
                or nxt.norm in REFLEXIVES or k + 1 in helped or nxt.norm in _SKIP
                or nxt.norm in ("with", "using")
                or (nxt.norm.endswith("ing") and nxt.kind == "word" and len(nxt.norm) > 4)
                or nxt.norm.endswith("ly") or (
                nxt.norm == "for" and k + 2 < n and toks[k + 2].is_num) or (
                nxt.norm == "/" and norm_at(toks, k + 2).isalpha())):  # "load/unload"
            continue  # an instruction's verb takes an object, an amount or help: "Schedule a
            # rest", "Rest 15 min", "Manage independently" (not the noun of a note: "Full PR")
        # "take up salsa": a start, whose object is what is started, not a yes/no outcome
        how = "start" if (t.norm, norm_at(toks, k + 1)) == ("take", "up") else "verb"
        end = k + 1
        if nxt is not None and nxt.norm in PARTICLES:
            end += 1
        if end < n and (toks[end].norm in DETERMINERS or toks[end].norm in REFLEXIVES) \
                and end < min(n, reason):
            first_noun = end + 1 if end + 1 < n and toks[end + 1].is_num else end  # "my two boys"
            end = min(np_end(toks, first_noun), reason)  # with its object: "use his calendar"
        # (an amount after the verb is the quantity's: "Schedule | two rests")
        if any(toks[p].norm in R.ABSTRACT_OBJECTS and toks[p].text.islower()
               for p in range(k + 1, min(n, max(end, k + 4)))):
            continue  # "turn my life around", "face my fears": a wish, not a task (a name such
            # as "Voice Control" is the object's name, not an abstract one)
        scan.add("activity", k, end, (t.norm, "other", how))
        return


# Where a verb's object ends: at a condition, a setting, a time or a clause break ("wear a sock
# | on my left foot all day without the pain flaring").
_OBJECT_STOP = frozenset({"with", "without", "when", "whenever", "if", "while", "unless",
                          "depending", "until", "by", "within", "before", "after", "for", "on",
                          "at", "in", "during", "instead", "rather", "and", "or", "so", "to"})


def _object_end(toks: list[Token], k: int) -> int:
    j = k + 1
    while j < min(len(toks), k + 8) and toks[j].norm not in CLAUSE_END \
            and toks[j].norm not in _OBJECT_STOP:
        j += 1
    return j


def _past_frame(toks: list[Token], k: int) -> int:
    """The first word at or after ``k`` that is not an adverb or a frame around the verb
    ("independently", "be able to", "learn to", "try to", "continue to")."""
    n = len(toks)
    while k < n:
        w = toks[k].norm
        if w in _SKIP or (w.endswith("ly") and len(w) > 5):
            k += 1
        elif w == "be" and norm_at(toks, k + 2) == "to" and (norm_at(toks, k + 1) == "able" or (
                norm_at(toks, k + 1).endswith(("ed", "de")))):
            k += 3  # "be able to", "be made to", "be expected to", "be encouraged to"
        elif w in ("learn", "try", "continue", "begin", "start") and norm_at(toks, k + 1) == "to":
            k += 2
        else:
            return k
    return k


def _verb_slots(toks: list[Token], first: int, end: int) -> Iterator[int]:
    """Where a goal's verb may stand: first, after a modal, after "to" that follows a wish."""
    if first < end:
        yield first
    for k in range(first, end - 1):
        w = toks[k].norm
        if w in _MODALS or (w == "to" and (
                k == first or norm_at(toks, k - 1) in R.INFINITIVE_HEADS)):
            yield k + 1
