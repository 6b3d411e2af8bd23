"""The patient's language (issue 15): catalogs complete, a Spanish handout with no English
fixed wording left and Spanish dates, typed text kept as typed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from babel.messages.pofile import read_po

from goalkit import fileformat
from goalkit.cli import main
from goalkit.export import i18n
from goalkit.export.html import to_html
from goalkit.export.ics import to_ics
from goalkit.export.readability import patient_text
from goalkit.model import Worksheet, evolve
from goalkit.store import Store
from goalkit.widgets.app import WorksheetApp
from goalkit.widgets.export_panel import ExportPanel
from tests.conftest import full_worksheet, upload_file
from tests.conftest import goalkit_cli as run
from tests.hostile import assert_inert_html
from tests.test_readability import _fixed_only

ENGLISH_DATE_WORDS = [
    *(dt.date(2026, m, 1).strftime(f) for m in range(1, 13) for f in ("%B", "%b")),
    *(dt.date(2026, 1, d).strftime("%A") for d in range(5, 12)),
]  # the C locale's names, as the English handout prints them


def _fragments(msgid: str) -> list[str]:
    """The English words of a message, without its placeholders and markup."""
    text = re.sub(r"<[^>]+>|%\(\w+\)s", "|", msgid)
    return [f.strip(" .,:()") for f in text.split("|") if f.strip(" .,:()")]


@pytest.mark.parametrize("language", [lang for lang in i18n.LANGUAGES if lang != "en"])
def test_every_catalog_translates_every_message(language: str) -> None:
    assert i18n.check_catalog(i18n.catalog_path(language)) == []


def test_the_catalog_check_fails_on_a_missing_string(tmp_path: Path) -> None:
    broken = tmp_path / "goalkit.po"
    shutil.copy(i18n.catalog_path("es"), broken)
    with broken.open("rb") as f:
        catalog = read_po(f)
    catalog.delete("Next review")
    catalog.get("To be agreed.").flags.add("fuzzy")  # type: ignore[union-attr]
    catalog.get("by %(date)s").string = "para el %(fecha)s"  # type: ignore[union-attr]
    from babel.messages.pofile import write_po

    with broken.open("wb") as f:
        write_po(f, catalog)
    assert sorted(i18n.check_catalog(broken)) == [
        "'Next review': not translated",
        "'To be agreed.': marked fuzzy",
        "'by %(date)s': placeholders differ in 'para el %(fecha)s'",
    ]


def test_messages_come_from_the_template_and_the_code() -> None:
    found = i18n.extract_messages()
    assert "This plan can change as you do. Bring it to your next visit." in found
    assert "Goal review" in found  # from ics.py
    assert any(w.startswith("ics.py:") for w in found["My goal plan"])  # N_(), kept as data
    assert any(w.startswith("worksheet.html.j2:") for w in found["My goal plan"])
    with (Path(i18n.__file__).parents[1] / "locale" / "goalkit.pot").open("rb") as f:
        template = read_po(f)
    assert {m.id for m in template if m.id} == set(found), "run python -m goalkit.export.i18n"


def test_english_message_ids_are_the_handouts_own_words() -> None:
    page = patient_text(full_worksheet(), today=dt.date(2026, 1, 20))
    assert page.startswith("My goal plan. Made together on ")
    assert "How sure I am that I can do it: 7 out of 10." in page
    assert "by 14 Jan 2026 done 13 Jan 2026." in page
    assert "Next review. Wednesday 11 February 2026: six-week review." in page


def test_a_spanish_handout_has_no_english_fixed_wording_left_and_spanish_dates() -> None:
    ws = evolve(_fixed_only(), language="es", support=None)
    page = patient_text(ws)
    english = {f for msgid in i18n.extract_messages() for f in _fragments(msgid)}
    english -= {"dd MMMM y", "d MMM y", "EEEE dd MMMM y"}  # date patterns
    left = [f for f in english if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", page)]
    assert left == [], (left, page)
    assert not [w for w in ENGLISH_DATE_WORDS if re.search(rf"\b{w}\b", page)], page
    assert "Mi plan de objetivos." in page and "Próxima revisión." in page
    assert "lunes 5 de enero de 2099" in page  # the review, a Monday
    assert "para el 2 mar 2026 hecho el 1 mar 2026." in page
    assert "Mi confianza en poder hacerlo: 7 de 10." in page


def test_what_was_typed_stays_as_typed_and_the_clinician_page_stays_english() -> None:
    ws = evolve(full_worksheet(), language="es")
    html = to_html(ws, today=dt.date(2026, 1, 20))
    assert '<html lang="es">' in html
    assert '<section class="goalkit-clinician-page" lang="en"' in html
    page = patient_text(ws)
    assert "Walk 2 km to the park without stopping, on my own, within 6 weeks" in page
    assert "Mi partner: walks with me on weekends." in page
    assert "Clinician summary" in html
    assert_inert_html(html)


def test_a_language_without_a_catalog_shows_english() -> None:
    ws = evolve(full_worksheet(), language="fr")
    assert patient_text(ws).startswith("My goal plan.")
    assert i18n.supported("es-MX") == "es" and "fr" not in i18n.LANGUAGES
    with pytest.raises(ValueError, match="language"):
        evolve(full_worksheet(), language="Spanish!")


def test_the_calendar_speaks_the_patients_language() -> None:
    cal = icalendar.Calendar.from_ical(to_ics(evolve(full_worksheet(), language="es")))
    assert str(cal["x-wr-calname"]) == "Mi plan de objetivos"
    events = cal.walk("VEVENT")
    assert str(events[-1]["summary"]) == "Revisión de objetivos"
    assert str(events[0].walk("VALARM")[0]["description"]) == "Mañana: Walk 500 m five days a week"


def test_dates_and_numbers_follow_the_language() -> None:
    day = dt.date(2026, 2, 11)
    spanish = i18n.format_date(day, "es", "EEEE d 'de' MMMM 'de' y")
    assert spanish == "miércoles 11 de febrero de 2026"
    assert i18n.format_date(day, "en", "EEEE dd MMMM y") == "Wednesday 11 February 2026"
    assert i18n.format_number(2.5, "es") == "2,5" and i18n.format_number(7.0, "es") == "7"
    assert i18n.language_name("es") == "español"


@pytest.mark.parametrize("pattern", ["dd MMMM y", "d MMM y", "EEEE dd MMMM y", "EEE d MMM yy",
                                     "yyyy-dd, MMMM", "MMMM d, y", "long", "d 'of' MMMM"])
def test_english_dates_and_numbers_match_babel_without_it(pattern: str) -> None:
    """English is printed without Babel (a cold PDF export does not import it); what it prints
    is what Babel prints for "en", for every day of five years (each weekday, month, leap day)."""
    from babel.dates import format_date
    from babel.numbers import format_decimal

    day = dt.date(2024, 1, 1)
    while day < dt.date(2029, 1, 1):
        assert i18n.format_date(day, "en", pattern) == format_date(day, pattern, locale="en")
        day += dt.timedelta(days=1)
    moment = dt.datetime(2026, 2, 11, 23, 30, tzinfo=dt.UTC)
    assert i18n.format_date(moment, "en-GB", pattern) == format_date(moment.date(), pattern,
                                                                     locale="en")
    for value in (0, 7, 10, -3, 1234, -1_234_567, 7.0, 2.5, -0.125, 1e6):
        assert i18n.format_number(value, "en") == format_decimal(value, locale="en")


def test_cli_language_option(tmp_path: Path) -> None:
    src = tmp_path / "worksheet.json"
    fileformat.save(full_worksheet(), src)
    target = tmp_path / "handout.html"
    args = ["export", str(src), "--to", "html", "--patient-only", "--language", "es"]
    assert main([*args, "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert "Mi plan de objetivos" in page and "My goal plan" not in page
    bad = run("export", str(src), "--to", "html", "--language", "xx", "-o", str(tmp_path))
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1
    assert "invalid choice: 'xx'" in bad.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.html", "worksheet.json"]


def test_the_export_panel_keeps_the_language_on_the_worksheet(store: Store) -> None:
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    upload_file(app, "plan.json", fileformat.dumps(full_worksheet()).encode())
    panel = app.panels["export"]
    assert isinstance(panel, ExportPanel)
    assert panel.language.value == "en"
    assert ("español", "es") in panel.language.options
    panel.language.value = "es"
    assert app.session is not None and app.session.worksheet.language == "es"
    app.session.flush()
    assert store.load(app.session.worksheet.id).worksheet.language == "es"
    panel.preview_button.click()
    assert "Mi plan de objetivos" in panel.preview_html.value
    assert Worksheet().language == "en"  # files without the field read as English


def test_the_reading_level_of_a_spanish_page_says_it_is_a_rough_guide() -> None:
    from goalkit.export.readability import assess, render_html

    report = assess(evolve(full_worksheet(), language="es"))
    assert report.language == "es" and report.patient_part.words > 100
    assert "Flesch-Kincaid was made for English" in render_html(report)
    assert "made for English" not in render_html(assess(full_worksheet()))


def test_a_spanish_pdf_speaks_spanish_on_the_patient_page() -> None:
    import io

    from pypdf import PdfReader

    from goalkit.export.pdf import to_pdf

    ws = evolve(full_worksheet(), language="es")
    pdf = to_pdf(ws, clinician=False)
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    words = " ".join(text.split())
    assert "Mi plan de objetivos" in words and "Acordamos este plan" in words
    for english in ("My goal plan", "What matters to me", "Next review", "We agreed this plan",
                    "Patient:", "Small steps on the way"):
        assert english not in words, english
    assert re.search(r"\b(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
                     r"noviembre|diciembre)\b", words)
    assert b"/Lang(es)" in pdf or b"/Lang (es)" in pdf
