"""How easy the patient page is to read: Flesch-Kincaid grade and the share of simple words
(``textstat``), for the page as a whole and for each text the clinician typed on it.

Patient materials should read at about grade 6 to 8 or below: several health-care
organisations recommend no higher than a sixth- to eighth-grade level (Badarudeen & Sabharwal
2010, "Assessing readability of patient education materials", Clin Orthop Relat Res 468:
2572-2580, https://pmc.ncbi.nlm.nih.gov/articles/PMC3049622); the NIH suggests below grade 8
(as cited in https://pmc.ncbi.nlm.nih.gov/articles/PMC6334864, on shoulder-surgery brochures);
and universal health-literacy precautions put printed information at grade 5 to 6 (Hersh,
Salzman & Snyderman 2015, "Health literacy in primary care practice", Am Fam Physician 92:
118-124). goalkit's own fixed wording on the patient page
is held to grade 6 (a test checks it); what the clinician typed is measured, and its long words
are named so that they can choose plainer ones. Nothing is ever rewritten.

A "simple word" is one on the Dale-Chall list of familiar words or of one syllable (textstat's
``difficult_words`` counts the rest); a "long word" has three syllables or more and is not on
that list. Syllables come from Pyphen's hyphenation dictionaries: textstat 0.7 would look English
words up in NLTK's CMU dictionary, which it downloads at first use, and goalkit fetches nothing
at run time, so it uses textstat's own fallback for words that dictionary lacks. Pyphen counts
hyphenation points, so it can count one syllable fewer than a reader hears ("every").
Flesch-Kincaid was fitted to English; for another language its grade is a rough guide only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from markupsafe import Markup

from ..model import Worksheet

__all__ = [
    "FIXED_TEXT_GRADE",
    "TARGET",
    "Reading",
    "ReadingReport",
    "TypedText",
    "assess",
    "measure",
    "patient_text",
    "render_html",
    "typed_texts",
]

TARGET: tuple[float, float] = (6.0, 8.0)
"""The grade band patient materials should be at or below (see the module's sources)."""
FIXED_TEXT_GRADE = 6.0
"""goalkit's own fixed patient-page wording reads at or below this grade."""


@dataclass(frozen=True)
class Reading:
    """One text measured: ``grade`` (Flesch-Kincaid; below 0, very easy text, counts as 0),
    ``simple_share`` (0-1) and its long words in the order they first appear."""

    grade: float
    words: int
    sentences: int
    simple_share: float
    long_words: tuple[str, ...]


@dataclass(frozen=True)
class TypedText:
    """A text the clinician typed that the patient page shows, with where it is."""

    where: str
    text: str
    reading: Reading


@dataclass(frozen=True)
class ReadingReport:
    language: str
    patient_part: Reading
    typed: tuple[TypedText, ...]

    @property
    def verdict(self) -> str:
        grade = self.patient_part.grade
        if grade <= TARGET[0]:
            return f"easy to read, at or below grade {TARGET[0]:g}"
        if grade <= TARGET[1]:
            return f"within the grade {TARGET[0]:g}-{TARGET[1]:g} target"
        return f"harder than the grade {TARGET[0]:g}-{TARGET[1]:g} target: shorter sentences help"

    @property
    def culprits(self) -> tuple[TypedText, ...]:
        """The typed texts holding long words, in page order."""
        return tuple(t for t in self.typed if t.reading.long_words)


_textstat: Any = None
_HYPHEN = re.compile(r"(?<=\w)[-\u2010\u2011/](?=\w)")


def _ts(language: str) -> Any:
    """textstat, set to ``language``, counting syllables offline (see the module docstring)."""
    global _textstat
    if _textstat is None:
        import textstat  # type: ignore[import-untyped]
        from textstat.backend.counts import _count_syllables  # type: ignore[import-untyped]

        # no CMU dictionary: textstat then counts every word's syllables with Pyphen
        _count_syllables.get_cmudict = lambda _lang: None
        _textstat = textstat
    _textstat.set_lang(language)
    return _textstat


def measure(text: str, language: str = "en") -> Reading:
    """``text`` measured: Flesch-Kincaid grade, words, sentences, simple-word share, long words.

    >>> r = measure("Walk to the shop. Rest when you need to.")
    >>> r.grade, r.simple_share, r.long_words
    (0.0, 1.0, ())
    >>> measure("Independently accomplish community ambulation.").long_words
    ('independently', 'accomplish', 'ambulation')
    """
    ts = _ts(language)
    text = _HYPHEN.sub(" ", text)  # "return-to-sport" is read as three words, as it is said
    words = int(ts.lexicon_count(text))
    if words == 0:
        return Reading(0.0, 0, 0, 1.0, ())
    hard = int(ts.difficult_words(text))
    found = {w.lower() for w in ts.difficult_words_list(text, syllable_threshold=3)}
    in_order = (w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text))
    long_words = dict.fromkeys(w for w in in_order if w in found)
    return Reading(
        grade=max(0.0, round(float(ts.flesch_kincaid_grade(text)), 1)),
        words=words,
        sentences=int(ts.sentence_count(text)),
        simple_share=round(1 - min(hard, words) / words, 3),
        long_words=tuple(long_words),
    )


class _PatientText(HTMLParser):
    """The patient section's text, each heading, paragraph and list item a sentence of its own
    (on the page they stand on their own lines)."""

    BLOCKS = frozenset({"h1", "h2", "h3", "p", "li"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the patient section when > 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag != "br"
        elif tag == "section" and "goalkit-patient-page" in (dict(attrs).get("class") or ""):
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        self.depth -= 1
        if tag in self.BLOCKS and self.parts:
            last = self.parts[-1].rstrip()
            if last and last[-1] not in ".!?:":
                self.parts[-1] = last + "."
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def patient_text(
    ws: Worksheet, language: str | None = None, *, today: dt.date | None = None
) -> str:
    """The patient page's text as the patient reads it (fixed wording and typed text), in
    ``language`` (default: the worksheet's)."""
    from .html import to_html

    html = to_html(
        ws, standalone=False, clinician=False, charts=False, language=language, today=today
    )
    parser = _PatientText()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def typed_texts(ws: Worksheet, today: dt.date | None = None) -> list[tuple[str, str]]:
    """(where, text) for every typed text the patient page shows, in page order."""
    out: list[tuple[str, str]] = []
    out += [(f"What matters {n}", p.text) for n, p in enumerate(ws.priorities, 1)]
    out += [(f"What matters (value {n})", v) for n, v in enumerate(ws.values, 1)]
    for goal in (ws.primary, *ws.secondary):
        name = "Main goal" if goal.role == "primary" else "Another goal"
        out += [(name, goal.statement), (f"{name}: why it matters", goal.why)]
        out += [(f"{name}, step {n}", s.text) for n, s in enumerate(goal.steps, 1)]
    for n, b in enumerate(ws.barriers, 1):
        out += [(f"If {n}", b.text), (f"If {n}: then", b.plan)]
    if ws.support is not None:
        helper = ws.support
        out += [("Who helps", helper.relationship), ("Who helps: how", helper.how_they_help)]
    upcoming = ws.next_review(today)
    if upcoming is not None:
        out.append(("Next review", upcoming.purpose))
    return [(where, text) for where, text in out if text.strip()]


def assess(
    ws: Worksheet, language: str | None = None, *, today: dt.date | None = None
) -> ReadingReport:
    """The patient page measured as a whole, and each typed text on it."""
    from .i18n import supported

    lang = supported(language or ws.language)
    return ReadingReport(
        language=lang,
        patient_part=measure(patient_text(ws, lang, today=today), lang),
        typed=tuple(TypedText(w, t, measure(t, lang)) for w, t in typed_texts(ws, today)),
    )


def render_html(report: ReadingReport) -> str:
    """The report for the export panel, every typed word escaped."""
    r = report.patient_part
    lines = [
        Markup(
            "<p class='goalkit-reading-level'><strong>Reading level of the patient part:</strong> "
            "grade {}, {}; {:.0%} simple words. Target for patient handouts: grade {:g}-{:g} "
            "or below.</p>"
        ).format(f"{r.grade:.1f}", report.verdict, r.simple_share, *TARGET)
    ]
    if report.language != "en":
        lines.append(
            Markup("<p><small>Flesch-Kincaid was made for English: a rough guide here.</small></p>")
        )
    if report.culprits:
        items = Markup("").join(
            Markup("<li>{}: {}</li>").format(t.where, ", ".join(t.reading.long_words))
            for t in report.culprits
        )
        lines.append(
            Markup(
                "<p>Long words in what was typed (plainer words may help; goalkit changes "
                "nothing):</p><ul class='goalkit-reading-culprits'>{}</ul>"
            ).format(items)
        )
    return str(Markup("").join(lines))
