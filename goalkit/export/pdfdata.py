"""The worksheet as data for the Typst template: blocks of text in reading order.

:func:`worksheet_doc` walks the same :class:`~goalkit.export.view.WorksheetView` the HTML
template renders, in the HTML template's order, and returns plain JSON-ready values: headings,
paragraphs, lists, tables, the chart. The Typst template (``templates/worksheet.typ``) only lays
them out, and shows every string as text. Fixed wording comes from :func:`labels` (one place to
translate); dates and numbers are formatted here, never in Typst.

Block vocabulary (shared with the notebook handouts, see ``templates/blocks.typ``)::

    {"t": "h", "l": 1-4, "c": INLINES}            heading (``"o": false``: not in the outline)
    {"t": "p", "c": INLINES, "s": STYLE}          paragraph; STYLE: statement, meta, note ...
    {"t": "ul" | "ol", "items": [BLOCKS, ...]}    bulleted or numbered list
    {"t": "terms", "items": [[INLINES, INLINES]]} terms and their descriptions
    {"t": "table", "caption": INLINES | None, "cols": [...], "head": [INLINES],
     "rows": [{"c": [INLINES], "s": STYLE}]}      table with a header row repeated on each page
    {"t": "figure", "svg": str, "alt": str, "caption": INLINES, "width": "14cm"}
    {"t": "section", "c": BLOCKS, "s": "patient" | "clinician", "break": bool}
    {"t": "lines", "n": N}                        N ruled lines to write on

INLINES is a list of strings and ``{"t": "b" | "i", "c": INLINES, "k": STYLE}`` (bold, italic).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Worksheet
from . import i18n
from ._typst import PAPER, svg_for_pdf
from .view import WorksheetView, build_view

__all__ = ["blank_doc", "clean", "labels", "worksheet_doc"]

Block = dict[str, Any]
Inline = str | dict[str, Any]
KEEP_WHOLE = 1_500
"""Tables asked to stay whole do so up to this many characters of cell text."""

# C0 and C1 controls draw nothing and are not text; white space runs become one space, as the
# HTML export shows them
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")  # U+FEFF: PDF/A forbids it
_SPACE = re.compile(r"[\s\u2028\u2029]+")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _balanced(text: str) -> str:
    """Bidi embeddings, overrides and isolates opened in ``text`` closed at its end, so that
    a typed U+202E cannot reverse the words printed after the field (a date, a label)."""
    if text.isascii() or not _BIDI.search(text):
        return text
    depth = isolates = 0
    for c in text:
        if c in "\u202a\u202b\u202d\u202e":
            depth += 1
        elif c == "\u202c":
            depth = max(0, depth - 1)
        elif c in "\u2066\u2067\u2068":
            isolates += 1
        elif c == "\u2069":
            isolates = max(0, isolates - 1)
    return text + "\u202c" * depth + "\u2069" * isolates


def clean(text: object) -> str:
    """``text`` as the HTML export shows it (controls dropped, white space collapsed), with
    its bidi controls closed."""
    return _balanced(_SPACE.sub(" ", _CONTROL.sub("", str(text))).strip())


def labels() -> dict[str, str]:
    """The fixed words of the clinician page and the blank worksheet, in English (``{name}``
    fields are filled in by :func:`worksheet_doc`). The patient page speaks the patient's
    language through the same gettext messages as the HTML template (see :class:`_Words`)."""
    return {
        "page": "page {n}",
        "my_plan": "My goal plan",
        "what_matters": "What matters to me",
        "my_main_goal": "My main goal",
        "another_goal": "Another goal",
        "not_written": "(not written yet)",
        "why": "Why it matters to me:",
        "how_sure": "How sure I am that I can do it:",
        "out_of_10": "{n} out of 10",
        "steps": "Small steps on the way",
        "in_the_way": "If something gets in the way",
        "if": "If",
        "then": "then",
        "who_helps": "Who helps me",
        "next_review": "Next review",
        "can_change": "This plan can change as you do. Bring it to your next visit.",
        "clinician_summary": "Clinician summary",
        "patient_ref": "Patient reference",
        "clinician": "Clinician",
        "context": "Context",
        "worksheet": "Worksheet",
        "worksheet_changed": "{id}, last changed {when}",
        "fears": "Fears raised",
        "not_recorded": "not recorded",
        "parts": "The four parts of the goal (Bovend'Eerdt et al. 2009)",
        "part": "Part",
        "what_it_says": "What the goal says",
        "activity": "Activity",
        "support": "Help needed",
        "quantity": "How much",
        "time_frame": "By when",
        "agreed": "Agreed:",
        "agreed_by_unknown": "(by whom not recorded)",
        "earlier": "Earlier wording, until {date}:",
        "trend": "T-score at each check-in",
        "checkin": "Check-in",
        "unweighted_col": "Unweighted",
        "weighted_col": "Weighted",
        "smart_check": "SMART check ({variant})",
        "pain_only": ": pain-only goal, add a functional goal beside it",
        "criterion": "Criterion",
        "result": "Result",
        "finding": "Finding",
        "yes": "yes",
        "no": "no",
        "ask": "ask",
        "try": "Try:",
        "wording": "Wording",
        "icf": "ICF:",
        "gas_scale": "GAS scale",
        "gas_weights": ": importance {importance}, difficulty {difficulty}, weight {weight}",
        "level": "Level",
        "description": "Description",
        "expected": "0 (expected)",
        "baseline": "(baseline)",
        "measures": "Outcome measures",
        "measure": "Measure",
        "unit": "Unit",
        "baseline_col": "Baseline",
        "target": "Target",
        "gas": "Goal Attainment Scaling",
        "unweighted": "Unweighted T-score:",
        "weighted": "weighted by importance x difficulty (GAS-Light):",
        "not_yet": "not yet",
        "checkins": "Check-ins",
        "levels_per_goal": "GAS levels per goal:",
        "date": "Date",
        "gas_levels": "GAS levels and status",
        "pain": "Pain (0-10)",
        "tasks_done": "Home tasks done",
        "notes": "Notes",
        "no_checkins": "No check-ins recorded yet.",
        "made_with": "Made with goalkit on {date}.",
        "blank_title": "Goal plan (blank)",
        "blank_intro": "Write your plan here together with your clinician.",
        "blank_goal": "My goal, in my own words",
        "blank_review": "When we will look at it again",
    }


def _b(*c: Inline, k: str | None = None) -> Inline:
    return {"t": "b", "c": list(c), **({"k": k} if k else {})}


def _i(*c: Inline) -> Inline:
    return {"t": "i", "c": list(c)}


def _h(level: int, *c: Inline) -> Block:
    return {"t": "h", "l": level, "c": list(c)}


def _p(*c: Inline, s: str = "") -> Block:
    return {"t": "p", "c": list(c), "s": s}


def _ul(items: list[list[Inline]], s: str = "") -> Block:
    return {"t": "ul", "items": [[_p(*item)] for item in items], "s": s}


def _table(caption: list[Inline] | None, head: list[str], rows: list[Block],
           cols: list[str], keep: bool = False) -> Block:
    # a short table is kept on one page; a long one may split (its header repeated), since a
    # table kept whole but longer than a page would run off the paper
    size = sum(len(x) for r in rows for cell in r["c"] for x in _strings(cell))
    return {"t": "table", "caption": caption, "head": [[h] for h in head], "rows": rows,
            "cols": cols, "keep": keep and size <= KEEP_WHOLE}


def _strings(inlines: list[Inline]) -> list[str]:
    out: list[str] = []
    for x in inlines:
        out += [x] if isinstance(x, str) else _strings(x.get("c", []))
    return out


def _row(*cells: list[Inline], s: str = "") -> Block:
    return {"c": list(cells), "s": s}


def _num(value: float | int | None) -> str:
    """A number as the HTML export shows it (Jinja's ``str``)."""
    return "" if value is None else str(value)


class _Words:
    """The patient page's fixed words in the worksheet's language: the same gettext messages
    as the HTML template's patient page (goalkit/locale), dates and numbers through Babel."""

    def __init__(self, language: str) -> None:
        self.language = i18n.supported(language)
        self._gettext = i18n.translator(self.language).gettext

    def __call__(self, message: str, **fields: object) -> str:
        text = self._gettext(message)
        return text % fields if fields else text

    def day(self, value: dt.date, pattern: str) -> str:
        return i18n.format_date(value, self.language, self(pattern))

    def number(self, value: float) -> str:
        return i18n.format_number(value, self.language)


def _patient(view: WorksheetView, _: _Words) -> list[Block]:
    ws = view.ws
    out: list[Block] = [
        _h(1, _("My goal plan")),
        _p(_("Made together on %(date)s. Plan number %(id)s.",
             date=_.day(ws.updated, "dd MMMM y"), id=clean(ws.id)), s="meta"),
    ]
    if ws.priorities or ws.values:
        out.append(_h(2, _("What matters to me")))
        matters: list[list[Inline]] = [[clean(p.text)] for p in ws.priorities]
        out.append(_ul(matters + [[clean(v)] for v in ws.values]))
    for gv in view.goals:
        goal = gv.goal
        out.append(_h(2, _("My main goal") if goal.role == "primary" else _("Another goal")))
        out.append(_p(clean(goal.statement) or _("(not written yet)"), s="statement"))
        if goal.why:
            out.append(_p(_b(_("Why it matters to me:")), " " + clean(goal.why)))
        if goal.agreed and goal.agreed.on:
            on = _.day(goal.agreed.on, "d MMM y")
            out.append(_p(_("Agreed on %(date)s by %(who)s.", date=on, who=clean(goal.agreed.by))
                          if goal.agreed.by else _("Agreed on %(date)s.", date=on)))
        if goal.confidence is not None:
            out.append(_p(_b(_("How sure I am that I can do it:")),
                          " " + _("%(n)s out of 10", n=_.number(goal.confidence))))
        if gv.steps:
            out.append(_h(3, _("Small steps on the way")))
            items: list[list[Inline]] = []
            for s in gv.steps:
                item: list[Inline] = [clean(s.text)]
                if s.target_date:
                    item.append(" ")
                    item.append({"t": "i", "c": [_("by %(date)s", date=_.day(
                        s.target_date, "d MMM y"))], "k": "by"})
                if s.done_on:
                    item += [" ", _b(_("done %(date)s", date=_.day(s.done_on, "d MMM y")))]
                items.append(item)
            out.append(_ul(items))
    if view.plans:
        out.append(_h(2, _("If something gets in the way")))
        message = _("<strong>If</strong> %(problem)s, <strong>then</strong> %(plan)s")
        out.append(_ul([[*_marked(message, problem=p.condition, plan=p.action), "."]
                        for p in view.plans]))
    if ws.support and (ws.support.relationship or ws.support.how_they_help):
        text = _("My %(who)s", who=clean(ws.support.relationship) or _("helper"))
        if ws.support.how_they_help:
            text += ": " + clean(ws.support.how_they_help)
        out += [_h(2, _("Who helps me")), _p(text)]
    out.append(_h(2, _("Next review")))
    review = view.next_review
    if review:
        text = _.day(review.date, "EEEE dd MMMM y")
        if review.purpose:
            text += ": " + clean(review.purpose)
        out.append(_p(text, s="review"))
    else:
        out.append(_p(_("To be agreed."), s="review"))
    if view.clinic or ws.clinician:
        out.append(_h(2, _("Who to contact")))
        if ws.clinician:
            out.append(_p(_("Your clinician: %(name)s", name=clean(ws.clinician))))
        if view.clinic:
            out.append(_p(clean(view.clinic.contact_line())))
    out.append(_p(_("This plan can change as you do. Bring it to your next visit."), s="note"))
    out.append(_h(2, _("We agreed this plan")))
    line, short = "______________________________", "______________"
    out.append(_p(f"{_('Patient:')} {line} {_('Date:')} {short}"))
    out.append(_p(f"{_('Clinician:')} {clean(ws.clinician) or line} {_('Signed:')} "
                  f"____________________ {_('Date:')} {short}"))
    return out


def _marked(message: str, **fields: str) -> list[Inline]:
    """A translated message whose <strong> parts are bold, its %(name)s fields filled with
    the typed text (as text, never markup)."""
    out: list[Inline] = []
    for k, piece in enumerate(re.split(r"</?strong>", message)):
        filled: list[Inline] = []
        for m, part in enumerate(re.split(r"%\((\w+)\)s", piece)):
            filled.append(clean(fields.get(part, "")) if m % 2 else part)
        filled = [x for x in filled if x]
        out += [_b(*filled)] if k % 2 and filled else filled
    return out


def _mark(met: bool | None, lab: dict[str, str]) -> list[Inline]:
    if met:
        return [_b(lab["yes"], k="met")]
    return [_b(lab["ask"], k="unknown")] if met is None else [_b(lab["no"], k="unmet")]


def _level(level: int | None) -> str:
    if level is None:
        return "–"
    return f"{level:+d}" if level else "0"


def _clinician(view: WorksheetView, lab: dict[str, str]) -> list[Block]:
    ws = view.ws
    facts: list[list[list[Inline]]] = [
        [[lab["patient_ref"]], [clean(ws.patient_ref or "") or lab["not_recorded"]]]]
    if ws.clinician:
        facts.append([[lab["clinician"]], [clean(ws.clinician)]])
    facts.append([[lab["context"]], [clean(view.context) or lab["not_recorded"]]])
    facts.append([[lab["worksheet"]], [lab["worksheet_changed"].format(
        id=clean(ws.id), when=view.moment(ws.updated))]])
    if ws.fears:
        facts.append([[lab["fears"]], ["; ".join(clean(f) for f in ws.fears)]])
    out: list[Block] = [_h(1, lab["clinician_summary"]), {"t": "terms", "items": facts}]
    for gv in view.goals:
        goal = gv.goal
        heading: list[Inline] = [f"{view.labels[goal.id]}: {gv.heading}"]
        if gv.domain:
            heading.append(f" ({gv.domain})")
        out.append(_h(2, *heading))
        out.append(_p(clean(goal.statement) or lab["not_written"]))
        agreed = lab["not_recorded"]
        if goal.agreed:
            agreed = clean(goal.agreed.by) or lab["agreed_by_unknown"]
            if goal.agreed.on:
                agreed += ", " + view.day(goal.agreed.on)
        out.append(_p(_b(lab["agreed"]), " " + agreed))
        for e in goal.earlier:
            earlier = clean(e.statement) + (f" ({clean(e.reason)})" if e.reason else "")
            out.append(_p(_b(lab["earlier"].format(date=view.day(e.until))), " " + earlier))
        parts = goal.parts
        out.append(_table([lab["parts"]], [lab["part"], lab["what_it_says"]], [
            _row([lab[name]], [clean(getattr(parts, name))])
            for name in ("activity", "support", "quantity", "time_frame")
        ], ["auto", "1fr"], keep=True))
        report = gv.report
        caption = lab["smart_check"].format(variant=report.variant.label)
        if report.pain_only:
            caption += lab["pain_only"]
        rows: list[Block] = []
        for key, finding in report.criteria.items():
            said: list[Inline] = [clean(finding.message)]
            if finding.suggestion and not finding.met:
                said += [" ", _i(lab["try"] + " " + clean(finding.suggestion))]
            rows.append(_row([report.variant.labels[key]], _mark(finding.met, lab), said))
        for flag in report.language:
            rows.append(_row([lab["wording"]], _mark(False, lab), [
                f"'{clean(flag.phrase)}': {clean(flag.why)} ",
                _i(lab["try"] + " " + clean(flag.rewording))]))
        out.append(_table([caption], [lab["criterion"], lab["result"], lab["finding"]], rows,
                          ["auto", "auto", "1fr"], keep=True))
        if gv.icf:
            codes = ";".join(
                f" {code}" + (f" {title}" if title else "") for code, title in gv.icf)
            out.append(_p(_b(lab["icf"]), codes))
        if goal.gas:
            caption = lab["gas_scale"]
            if goal.importance is not None and goal.difficulty is not None:
                caption += lab["gas_weights"].format(
                    importance=goal.importance, difficulty=goal.difficulty,
                    weight=goal.importance * goal.difficulty)
            gas_rows = []
            for lv in reversed(goal.gas.levels):
                base = lv.level == goal.gas.baseline
                text: list[Inline] = [clean(lv.text)]
                if base:
                    text += [" ", _i(lab["baseline"])]
                gas_rows.append(_row([f"{lv.level:+d}" if lv.level else lab["expected"]], text,
                                     s="baseline" if base else ""))
            out.append(_table([caption], [lab["level"], lab["description"]], gas_rows,
                              ["auto", "1fr"], keep=True))
        if goal.measures:
            out.append(_table([lab["measures"]], [lab["measure"], lab["unit"],
                                                  lab["baseline_col"], lab["target"]], [
                _row([clean(m.name)], [clean(m.unit)], [view.number(m.baseline)],
                     [view.number(m.target)])
                for m in goal.measures
            ], ["2fr", "1fr", "auto", "auto"]))
    gas = view.gas
    out.append(_h(2, lab["gas"]))

    def score(t: float | None) -> str:
        return lab["not_yet"] if t is None else f"{t:.1f}"

    out.append(_p(lab["unweighted"] + " ", _b(score(gas.unweighted)), "; " + lab["weighted"] + " ",
                  _b(score(gas.weighted))))
    out.append(_p(clean(gas.summary()), s="explain"))
    if len(view.trend) > 1:
        out.append(_table([lab["trend"]], [lab["checkin"], lab["unweighted_col"],
                                            lab["weighted_col"]], [
            _row([view.day(t.date)], ["–" if t.unweighted is None else f"{t.unweighted:.1f}"],
                 ["–" if t.weighted is None else f"{t.weighted:.1f}"])
            for t in view.trend
        ], ["auto", "auto", "auto"]))
    out.append(_h(2, lab["checkins"]))
    if ws.checkins:
        legend = "; ".join(f"{view.labels[gv.goal.id]} = {gv.heading.lower()}" for gv in view.goals)
        out.append(_p(f"{lab['levels_per_goal']} {legend}.", s="explain"))
        rows = []
        for c in sorted(ws.checkins, key=lambda c: c.date):
            levels = "; ".join(
                f"{view.labels.get(g.goal_id, '')} {_level(g.gas_level)}"
                + (f" {g.status}" + (f" ({clean(g.reason)})" if g.reason else "")
                   if g.status else "")
                for g in c.goals)
            rows.append(_row([view.day(c.date)], [levels], [view.number(c.pain)],
                             [f"{c.adherence}%" if c.adherence is not None else ""],
                             [clean(c.notes)]))
        out.append(_table(None, [lab["date"], lab["gas_levels"], lab["pain"], lab["tasks_done"],
                                 lab["notes"]], rows, ["auto", "auto", "auto", "auto", "1fr"]))
        for chart in view.charts:
            out.append({"t": "figure", "svg": svg_for_pdf(chart.svg), "alt": clean(chart.alt),
                        "caption": [clean(chart.title)], "width": "14cm"})
    else:
        out.append(_p(lab["no_checkins"]))
    out.append(_p(lab["made_with"].format(date=view.day(view.generated)), s="note"))
    return out


def _document(title: str, paper: str, body: list[Block], lab: dict[str, str]) -> dict[str, Any]:
    return {
        "meta": {"title": title, "lang": "en", "paper": PAPER[paper], "page": lab["page"]},
        "doc": body,
    }


def worksheet_doc(ws: Worksheet, *, page_size: str = "A4", clinician: bool = True,
                  today: dt.date | None = None, view: WorksheetView | None = None,
                  language: str | None = None) -> dict[str, Any]:
    """The data ``templates/worksheet.typ`` prints: ``{"meta": ..., "doc": [blocks]}``. The
    patient part is in ``language`` (default: the worksheet's), the clinician part in English."""
    view = view or build_view(ws, today=today)
    lab = labels()
    words = _Words(language or ws.language)
    body: list[Block] = [{"t": "section", "s": "patient", "c": _patient(view, words)}]
    if clinician:
        body.append({"t": "section", "s": "clinician", "break": True, "c": _clinician(view, lab)})
    doc = _document(words("Goal plan %(id)s", id=clean(ws.id)), page_size, body, lab)
    doc["meta"]["lang"] = words.language
    return doc


def blank_doc(page_size: str = "A4") -> dict[str, Any]:
    """A worksheet to fill in by hand: the patient part's sections, each with writing lines."""
    lab = labels()
    out: list[Block] = [_h(1, lab["my_plan"]), _p(lab["blank_intro"], s="meta"),
                        _h(2, lab["what_matters"]), {"t": "lines", "n": 3}]
    for heading in (lab["my_main_goal"], lab["another_goal"]):
        out += [_h(2, heading), _p(_b(lab["blank_goal"])), {"t": "lines", "n": 2},
                _p(_b(lab["why"])), {"t": "lines", "n": 1},
                _p(_b(lab["how_sure"]), " " + lab["out_of_10"].format(n="____")),
                _h(3, lab["steps"]), {"t": "lines", "n": 3}]
    out += [_h(2, lab["in_the_way"]),
            _p(_b(lab["if"]), " …, ", _b(lab["then"]), " …"), {"t": "lines", "n": 3},
            _h(2, lab["who_helps"]), {"t": "lines", "n": 1},
            _h(2, lab["next_review"]), _p(_b(lab["blank_review"])), {"t": "lines", "n": 1},
            _p(lab["can_change"], s="note")]
    body = [{"t": "section", "s": "patient", "c": out}]
    return _document(lab["blank_title"], page_size, body, lab)
