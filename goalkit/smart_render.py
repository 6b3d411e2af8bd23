"""Show a :class:`~goalkit.smart.SmartReport`: plain or coloured text, and an HTML fragment.

Rendering only reads the report; the checker never imports this module. Everything the user
typed is escaped (HTML, through ``markupsafe``: ``Markup.format`` escapes its arguments) or made
printable (text) before it is shown.

>>> from goalkit.smart import check_goal
>>> print(render_text(check_goal("Walk to the shop within 6 weeks")).splitlines()[0])
SMART check (Specific, Measurable, Achievable, Relevant, Time-bound)
"""

from __future__ import annotations

import re

from markupsafe import Markup

from goalkit.smart import Finding, SmartReport

__all__ = ["CSS", "render_html", "render_text"]

_MARKS = {True: "✓", False: "✗", None: "?"}
_STATE = {True: "met", False: "unmet", None: "unknown"}
_ANSI = {True: "\x1b[32m", False: "\x1b[31m", None: "\x1b[33m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
# C0/C1 controls, and the bidirectional overrides and isolates that reorder what a terminal shows
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PART_LABELS = (("activity", "Activity"), ("support", "Help needed"), ("quantity", "How much"),
                ("time_frame", "By when"))


def _printable(text: str) -> str:
    """Control characters (such as a terminal escape typed into a goal) shown, not obeyed."""

    def shown(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROL.sub(shown, text)


def render_text(report: SmartReport, *, color: bool = False) -> str:
    """A readable report for a terminal; ANSI colours when ``color`` is true."""

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    labels = report.variant.labels
    width = max(len(label) for label in labels.values())
    lines = [paint(f"SMART check ({report.variant.label})", _BOLD),
             f"Goal: {_printable(report.text) or '(empty)'}", ""]
    for key, finding in report.criteria.items():
        mark = paint(_MARKS[finding.met], _ANSI[finding.met])
        lines.append(f"  {mark} {labels[key]:<{width}}  {_printable(finding.message)}")
        if finding.suggestion and finding.met is not True:
            tip = paint("-> " + _printable(finding.suggestion), _DIM)
            lines.append(f"    {'':<{width}}  {tip}")
    lines.append("")
    parts = "; ".join(
        f"{label.lower()}: {_printable(getattr(report.parts, name) or '-')}"
        for name, label in _PART_LABELS)
    lines.append(f"The four parts of the goal: {parts}")
    if report.pain_only and report.pain_advice:
        lines.append(paint("Pain-only goal: ", _ANSI[False]) + _printable(report.pain_advice))
    elif report.pain_condition and report.pain_advice:
        lines.append(paint("Pain as a condition: ", _ANSI[None]) + _printable(report.pain_advice))
    for flag in report.language:
        lines.append(f"Wording: '{_printable(flag.phrase)}' -> '{flag.rewording}'. {flag.why}")
    if report.reworded:
        lines.append(f"Try: {_printable(report.reworded)}")
    for note in report.notes:
        lines.append(f"Note: {_printable(note)}")
    return "\n".join(lines)


CSS = """\
.goalkit-smart-report{font-family:system-ui,sans-serif;font-size:0.95em;line-height:1.4;
 border:1px solid #d0d7de;border-radius:6px;padding:0.6em 0.9em;max-width:48em}
.goalkit-smart-report .goalkit-variant{color:#57606a;margin:0 0 0.4em}
.goalkit-smart-report .goalkit-goal-text{font-style:italic;margin:0 0 0.5em}
.goalkit-smart-report ul.goalkit-criteria{list-style:none;padding:0;margin:0}
.goalkit-smart-report .goalkit-criterion{margin:0.25em 0}
.goalkit-smart-report .goalkit-mark{display:inline-block;width:1.3em;font-weight:bold}
.goalkit-smart-report .goalkit-met .goalkit-mark{color:#1a7f37}
.goalkit-smart-report .goalkit-unmet .goalkit-mark{color:#cf222e}
.goalkit-smart-report .goalkit-unknown .goalkit-mark{color:#9a6700}
.goalkit-smart-report .goalkit-suggestion{color:#57606a;margin-left:1.3em}
.goalkit-smart-report .goalkit-evidence{color:#57606a}
.goalkit-smart-report dl.goalkit-parts{display:grid;grid-template-columns:max-content auto;
 gap:0 0.8em;margin:0.5em 0}
.goalkit-smart-report dl.goalkit-parts dd{margin:0}
.goalkit-smart-report dl.goalkit-parts dt{white-space:nowrap}
.goalkit-smart-report .goalkit-parts-title{margin:0.5em 0 0}
.goalkit-smart-report .goalkit-help{color:#57606a;font-size:0.9em}
.goalkit-smart-report .goalkit-part-missing{color:#9a6700}
.goalkit-smart-report .goalkit-pain-only{border-left:3px solid #cf222e;padding-left:0.5em}
.goalkit-smart-report .goalkit-language{border-left:3px solid #9a6700;padding-left:0.5em}
.goalkit-smart-report .goalkit-pain-condition{border-left:3px solid #9a6700;padding-left:0.5em}
.goalkit-smart-report .goalkit-note{border-left:3px solid #57606a;padding-left:0.5em}
.goalkit-smart-report .goalkit-sr{position:absolute;width:1px;height:1px;overflow:hidden;
 clip:rect(0 0 0 0);white-space:nowrap}
"""


def _finding_html(label: str, finding: Finding) -> Markup:
    evidence = Markup("")
    if finding.evidence and finding.met is not None:
        evidence = Markup(' <span class="goalkit-evidence">({})</span>').format(
            Markup(", ").join(Markup("&lsquo;{}&rsquo;").format(e) for e in finding.evidence))
    suggestion = Markup("")
    if finding.suggestion and finding.met is not True:
        suggestion = Markup('<div class="goalkit-suggestion">{}</div>').format(finding.suggestion)
    return Markup(
        '<li class="goalkit-criterion goalkit-{state}" data-criterion="{key}">'
        '<span class="goalkit-mark" aria-hidden="true">{mark}</span>'
        '<strong class="goalkit-label">{label}</strong> '
        '<span class="goalkit-sr">({state})</span> '
        '<span class="goalkit-message">{message}</span>{evidence}{suggestion}</li>'
    ).format(state=_STATE[finding.met], key=finding.criterion, mark=_MARKS[finding.met],
             label=label, message=finding.message, evidence=evidence, suggestion=suggestion)


def render_html(report: SmartReport) -> str:
    """A self-contained HTML fragment (one ``div.goalkit-smart-report`` with its own CSS)."""
    labels = report.variant.labels
    out = [Markup('<div class="goalkit-smart-report" data-variant="{}">').format(
        report.variant.name), Markup("<style>{}</style>").format(Markup(CSS))]  # noqa: S704 - CSS is ours
    out.append(Markup('<p class="goalkit-variant">SMART: {}</p>').format(report.variant.label))
    if report.text.strip():
        out.append(Markup('<p class="goalkit-goal-text">{}</p>').format(report.text))
    out.append(Markup('<ul class="goalkit-criteria">'))
    out += [_finding_html(labels[key], f) for key, f in report.criteria.items()]
    out.append(Markup("</ul>"))
    out.append(Markup('<p class="goalkit-parts-title"><strong>The four parts of the goal</strong>'
                      ' <span class="goalkit-help">what the patient will do, the help needed, '
                      "how much and by when (Bovend&rsquo;Eerdt et al. 2009)</span></p>"
                      '<dl class="goalkit-parts">'))
    for name, label in _PART_LABELS:
        value = getattr(report.parts, name)
        cls = "goalkit-part" if value else "goalkit-part goalkit-part-missing"
        out.append(Markup('<dt>{}</dt><dd class="{} goalkit-part-{}">{}</dd>').format(
            label, cls, name, value or "missing"))
    out.append(Markup("</dl>"))
    if report.pain_only and report.pain_advice:
        out.append(Markup('<p class="goalkit-pain-only"><strong>Pain-only goal.</strong> {}</p>')
                   .format(report.pain_advice))
    elif report.pain_condition and report.pain_advice:
        out.append(Markup('<p class="goalkit-pain-condition"><strong>Pain as a condition.</strong>'
                          " {}</p>").format(report.pain_advice))
    if report.language:
        out.append(Markup('<div class="goalkit-language"><strong>Wording</strong><ul>'))
        for flag in report.language:
            out.append(Markup('<li class="goalkit-language-flag">&lsquo;{}&rsquo; &rarr; '
                              "&lsquo;{}&rsquo;: {}</li>").format(
                flag.phrase, flag.rewording, flag.why))
        out.append(Markup("</ul>"))
        if report.reworded:
            out.append(Markup('<p class="goalkit-reworded">Try: {}</p>').format(report.reworded))
        out.append(Markup("</div>"))
    for note in report.notes:
        out.append(Markup('<p class="goalkit-note">{}</p>').format(note))
    out.append(Markup("</div>"))
    return str(Markup("").join(out))

