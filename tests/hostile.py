"""Bad and hostile input, and what every entry point must do with it (issue 8).

Cases are bytes offered as a worksheet file: the corpus in ``tests/data/bad/`` (its README says
what each file should produce), a few made here because they are large, and one worksheet per
hostile string with that string in every text field. Each case goes through every entry: the
loader, the command (``validate`` and ``export`` to each format), the app's upload, typing into
the app, and, when the file is accepted, every exporter.

The rule everywhere: a clear one-line error, or the text rendered inert; never a crash; nothing
already stored changed. Used by ``tests/test_hostile.py`` and ``bench/bench_hostile.py``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import sqlite3
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from goalkit import export, fileformat
from goalkit.cli import main
from goalkit.errors import WorksheetFileError
from goalkit.export._typst import NotConformingWarning
from goalkit.export.csv import COLUMNS, NUMERIC
from goalkit.model import Worksheet
from goalkit.store import DB_NAME, Store
from tests.conftest import upload_file

BAD = Path(__file__).parent / "data" / "bad"

HOSTILE: dict[str, str] = {
    "html-script": "<script>alert('goalkit')</script>",
    "html-attribute": '"><img src=x onerror=alert(1)>',
    "svg-onload": "<svg/onload=alert(1)>",
    "javascript-url": "javascript:alert(document.cookie)",
    "style-breakout": "</style><script>alert(1)</script><style>",
    "template-syntax": "{{ 7*7 }} {% if 1 %}x{% endif %} ${7*7}",
    "csv-formula": '=HYPERLINK("http://example.invalid","click")',
    "csv-dde": "+1+cmd|' /C calc'!A0",
    "csv-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "control-chars": "a\x00b\x07c\x1b[31mred\x1b[0m\x7f\x9b\x08",
    "rtl-override": "P-014 \u202egnp.exe",
    "bidi-isolates": "\u2066abc\u2069 \u200f\u061c",
    "zero-width": "wa\u200blk\u200d \ufeffdaily",
    "newlines": "line one\r\nline two\rline three\n\u2028\u2029",
    "path-unix": "../../../etc/passwd",
    "path-windows": "..\\..\\Windows\\system32\\cmd.exe",
    "path-nul": "/dev/null\x00.pdf",
    "combining-emoji": "\U0001f469\u200d\u2695\ufe0f e\u0301\u0301\u0301 \U0001f600",
    "long-word": "x" * 2_000,
    "typst-read": '#read("/etc/passwd") #json("/etc/passwd")',
    "typst-include": '#include "/etc/passwd" #import "/etc/hosts": *',
    "typst-code": '#{panic("x")} #let x = 1 #x #set page(width: 1cm) #show: none',
    "typst-markup": "*bold* _em_ $x^2$ @ref <label> ] [ \\ `raw` // c /* c = heading - + / :",
    "one-megabyte": "A" * 1_000_000,
}
"""Hostile strings, each put into every text field of a worksheet (cut to the field's limit,
except ``one-megabyte``, which is meant to be refused)."""

UPLOAD_NAMES = (
    "worksheet.json",
    "<img src=x onerror=alert(1)>.json",
    "../../../etc/passwd",
    "\u202enosj.exe",
    "a" * 300 + ".json",
)

# field limits of the model (goalkit.model: ShortText 200, Text 2 000, Notes 20 000, ref 64)
_SHORT, _TEXT, _NOTES, _REF = 200, 2_000, 20_000, 64


def _base() -> dict[str, Any]:
    from tests.conftest import full_worksheet

    doc: dict[str, Any] = json.loads(fileformat.dumps(full_worksheet()))
    return doc


def everywhere(text: str, *, cut: bool = True) -> dict[str, Any]:
    """The sample worksheet with ``text`` in every free-text field."""

    def fit(limit: int) -> str:
        return text[:limit] if cut else text

    doc = _base()
    doc["patient_ref"] = fit(_REF)
    doc["clinician"] = fit(_SHORT)
    doc["notes"] = fit(_NOTES)
    doc["values"] = [fit(_TEXT)]
    doc["fears"] = [fit(_TEXT)]
    doc["support"] = {"relationship": fit(_SHORT), "how_they_help": fit(_TEXT)}
    for p in doc["priorities"]:
        p["text"] = fit(_TEXT)
    for g in doc["goals"]:
        g["statement"] = g["why"] = fit(_TEXT)
        g["parts"] = {k: fit(_TEXT) for k in g["parts"]}
        for s in g["steps"]:
            s["text"] = fit(_TEXT)
        if g["gas"]:
            for lv in g["gas"]["levels"]:
                lv["text"] = fit(_TEXT)
        for m in g["measures"]:
            m["name"] = m["unit"] = fit(_SHORT)
    for b in doc["barriers"]:
        b["text"] = b["plan"] = fit(_TEXT)
    for r in doc["reviews"]:
        r["purpose"] = fit(_TEXT)
    for c in doc["checkins"]:
        c["notes"] = fit(_NOTES)
        for gc in c["goals"]:
            gc["note"] = fit(_TEXT)
    return doc


@dataclass(frozen=True)
class Case:
    """A file offered as a worksheet, and what it should produce."""

    name: str
    data: bytes
    refused: str | None  # a fragment of the one-line error, or None: accepted and inert


def expectations() -> dict[str, str | None]:
    """The corpus README's table: file -> expected error fragment (None = accepted)."""
    table: dict[str, str | None] = {}
    for line in (BAD / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([^`]+)`\s*\|\s*(refused|accepted)\s*\|\s*(.*?)\s*\|", line)
        if m:
            name, verdict, fragment = m.groups()
            table[name] = fragment.strip("`") if verdict == "refused" else None
    return table


def cases() -> list[Case]:
    out = [
        Case(name, (BAD / name).read_bytes(), expected)
        for name, expected in sorted(expectations().items())
    ]
    big = json.dumps(_base()).encode()
    big = big[:-1] + b', "notes": "' + b"x" * fileformat.MAX_BYTES + b'"}'
    out.append(Case("generated:oversized-6MB.json", big, "larger than a worksheet can be"))
    out.append(
        Case(
            "generated:many-keys.json",
            json.dumps({"schema_version": 1, **{f"k{i}": i for i in range(20_000)}}).encode(),
            "Extra inputs are not permitted",
        )
    )
    for key, text in HOSTILE.items():
        doc = everywhere(text)
        refused = None
        if key == "one-megabyte":  # 1 MB in one field: under the file limit, over the field's
            doc["notes"], refused = text, "notes: String should have at most 20000 characters"
        out.append(Case(f"hostile:{key}", json.dumps(doc).encode(), refused))
    doc = everywhere(HOSTILE["one-megabyte"], cut=False)  # 1 MB in every field: 36 MB
    out.append(
        Case("generated:one-megabyte-everywhere.json", json.dumps(doc).encode(), "larger than")
    )
    return out


# -- checks ---------------------------------------------------------------------------------------
class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


SAFE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "section", "header", "footer",
    "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "strong", "em", "span", "div", "img", "figure", "figcaption", "dl", "dt", "dd",
    "small", "br", "abbr", "details", "summary", "colgroup", "col", "article", "aside", "nav",
    "b", "i", "mark", "sup", "sub", "hr", "time", "a",
}  # fmt: skip


def assert_inert_html(html: str) -> None:
    """No element or attribute a hostile text could have made: known tags only, no event
    handlers, no script URLs, images only as our inline SVG charts, one style sheet."""
    parser = _Tags()
    parser.feed(html)
    names = [t for t, _ in parser.tags]
    assert set(names) <= SAFE_TAGS, set(names) - SAFE_TAGS
    assert names.count("style") <= 1
    for tag, attrs in parser.tags:
        for attr, value in attrs:
            assert not attr.startswith("on"), (tag, attr)
            if attr in ("href", "src", "action", "formaction", "xlink:href", "poster"):
                assert "javascript:" not in (value or "").lower(), (tag, attr, value)
        if tag == "img":
            assert dict(attrs).get("src", "").startswith("data:image/svg+xml;base64,")
        if tag == "a":
            assert (dict(attrs).get("href") or "").startswith(("#", "https://", "http://"))
    assert "<script" not in html.lower()


def assert_inert_csv(text: str) -> None:
    import csv

    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0][: len(COLUMNS)]) == COLUMNS
    for row in rows[1:]:
        assert len(row) == len(rows[0])
        for i, (column, cell) in enumerate(zip(rows[0], row, strict=True)):
            if column in NUMERIC or i >= len(COLUMNS):  # measure columns are numbers too
                assert cell == "" or float(cell) == float(cell), (column, cell)
            else:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)


def assert_exports_inert(ws: Worksheet) -> None:
    """Every exporter, full and de-identified: HTML inert, PDF made, CSV safe, JSON faithful."""
    from goalkit.export.html import to_html
    from goalkit.export.pdf import to_pdf

    today = dt.date(2026, 1, 20)
    for deid in (False, True):
        assert_inert_html(to_html(ws, today=today, deidentify=deid))
        assert_inert_html(to_html(ws, today=today, standalone=False, deidentify=deid))
        assert_inert_csv(export.to_csv(ws, deidentify=deid))
        assert fileformat.loads(export.to_json(ws, deidentify=deid)).id == ws.id
    assert fileformat.loads(export.to_json(ws)) == ws
    with warnings.catch_warnings():
        warnings.simplefilter("error", NotConformingWarning)  # PDF/UA-1 and PDF/A-2a held
        assert to_pdf(ws, today=today).startswith(b"%PDF-")
        assert to_pdf(ws, today=today, deidentify=True, clinician=False).startswith(b"%PDF-")
        assert_handout_inert(ws)
    assert_new_exports_inert(ws)


def assert_handout_inert(ws: Worksheet) -> None:
    """The notebook handout exporter on the worksheet's texts: a markdown cell made of the goal,
    and a cell that showed the HTML export (as a notebook displaying it would)."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
    from pypdf import PdfReader

    from goalkit.export.handout import notebook_to_pdf
    from goalkit.export.html import to_html

    nb = new_notebook()
    nb.cells = [
        new_markdown_cell("# Handout\n\n" + ws.primary.statement),
        new_code_cell("show()", outputs=[new_output(
            "display_data", data={"text/html": to_html(ws, standalone=False), "text/plain": "-"})]),
    ]
    pdf = notebook_to_pdf(nb)
    text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Handout" in text and "My goal plan" in text
    assert "root:x:0:0" not in text


def assert_new_exports_inert(ws: Worksheet) -> None:
    """The plan's other homes (issue 15): the FHIR bundle reads back to the same worksheet; the
    calendar parses back with one event per date and no control character in it."""
    import icalendar

    from goalkit.export.fhir import from_fhir

    assert from_fhir(export.to_fhir(ws)) == ws
    assert from_fhir(export.to_fhir(ws, deidentify=True)).clinician is None
    text = export.to_ics(ws)
    assert not re.search(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]", text), "control character"
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    dates = [s.target_date for g in ws.goals for s in g.steps if s.target_date]
    assert len(events) == len(dates) + len(ws.reviews)
    assert len({str(e["uid"]) for e in events}) == len(events)
    from goalkit.export import readability
    from goalkit.export.html import to_html

    assert_inert_html(to_html(ws, language="es", today=dt.date(2026, 1, 20)))
    report = readability.assess(ws)
    assert report.patient_part.words > 0
    assert_inert_html(readability.render_html(report))


def one_line(message: str) -> None:
    assert message and "\n" not in message and "\r" not in message, repr(message)


# -- entries ---------------------------------------------------------------------------------
def entry_loader(case: Case, folder: Path) -> None:
    """``fileformat.loads`` on the bytes and ``fileformat.load`` on a file."""
    path = folder / "in.json"
    path.write_bytes(case.data)
    for read in (
        lambda: fileformat.loads(case.data, label="in.json"),
        lambda: fileformat.load(path),
    ):
        try:
            ws = read()
        except WorksheetFileError as exc:
            assert case.refused is not None, f"refused: {exc}"
            assert case.refused in str(exc), str(exc)
            one_line(str(exc))
        else:
            assert case.refused is None, f"accepted, expected {case.refused!r}"
            assert isinstance(ws, Worksheet)


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


_PRINTABLE_LINE = re.compile(
    r"[^\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]*\n"
)


def entry_cli(case: Case, folder: Path) -> None:
    """``goalkit validate``, ``goalkit export --to each`` and ``goalkit import`` (in this
    process)."""
    path = folder / "in.json"
    path.write_bytes(case.data)
    code, _out, err = _cli("validate", str(path))
    if case.refused is not None:
        assert code == 2 and err.startswith("goalkit: error: ") and err.count("\n") == 1, err
        assert _PRINTABLE_LINE.fullmatch(err), repr(err)
    else:
        assert code == 0, err
    for fmt in export.FORMATS:
        out_dir = folder / f"out-{fmt}"
        out_dir.mkdir()
        code, _out, err = _cli("export", str(path), "--to", fmt, "-o", str(out_dir))
        written = [p.name for p in out_dir.iterdir()]
        if case.refused is not None:
            assert code == 2 and err.count("\n") == 1 and written == [], (code, err, written)
            assert _PRINTABLE_LINE.fullmatch(err), repr(err)
        else:
            assert code == 0, err
            assert len(written) == 1, written
            assert re.fullmatch(
                rf"goalkit-[A-Za-z0-9_-]+-\d{{4}}-\d{{2}}-\d{{2}}\.{export.file_extension(fmt)}",
                written[0],
            )
    _cli_import(case, path, folder)


def _cli_import(case: Case, path: Path, folder: Path) -> None:
    """``goalkit import``: the file itself is no bundle (one line, exit 2, nothing written);
    an accepted file's exported bundle reads back to the same worksheet."""
    target = folder / "imported.json"
    code, _out, err = _cli("import", str(path), "-o", str(target))
    assert code == 2 and err.count("\n") == 1 and not target.exists(), (code, err)
    assert _PRINTABLE_LINE.fullmatch(err), repr(err)
    if case.refused is None:
        [bundle] = (folder / "out-fhir").iterdir()
        code, _out, err = _cli("import", str(bundle), "-o", str(target))
        assert code == 0, err
        assert fileformat.load(target) == fileformat.load(path)


def store_rows(home: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(home / DB_NAME) as db:
        return sorted(
            db.execute("SELECT worksheet_id, revision, saved_at, note, data FROM revisions")
        )


def _markup_is_ours(html: str) -> None:
    """A message widget holds one <p> of ours; anything else from the input is escaped."""
    assert re.findall(r"<[A-Za-z/!?]", html) in ([], ["<p", "</"]), html


def entry_upload(case: Case, folder: Path) -> None:
    """The app's "Open a JSON file" with hostile file names; the stored worksheet is untouched."""
    from goalkit.widgets.app import WorksheetApp
    from tests.conftest import full_worksheet

    home = folder / "home"
    with Store(home) as store:
        store.save(full_worksheet(), base=None)
        before = store_rows(home)
        for n, name in enumerate(UPLOAD_NAMES):
            app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
            upload_file(app, name, case.data)
            _markup_is_ours(app.messages.html.value)
            _markup_is_ours(app.status.value)
            after = store_rows(home)
            assert [r for r in after if r in before] == before, "a stored revision changed"
            if case.refused is not None:
                assert app.session is None and after == before
                assert "goalkit-error" in app.messages.html.value
            else:
                assert app.session is not None and len(after) == len(before) + 1
                if n == 0:  # the preview renders the same whatever the file was called
                    assert_inert_html(_preview(app))
                before = after


def _preview(app: Any) -> str:
    panel = app.panels["export"]
    panel.preview_button.click()
    html: str = panel.preview_html.value
    return html


def entry_typing(case: Case, folder: Path) -> None:
    """The hostile text typed into the app's fields: saved as typed, or a message and no change."""
    if not case.name.startswith("hostile:"):
        return  # typing applies to strings, not to files
    from goalkit.widgets.app import WorksheetApp

    text = HOSTILE[case.name.split(":", 1)[1]]
    home = folder / "typed"
    with Store(home) as store:
        app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
        app.start.patient_ref.value = "P-TYPE"
        app.start.new_button.click()
        about, goal = app.panels["about"], app.panels["goal0"]
        fields: list[Any] = [
            about.patient_ref, about.clinician, about.priorities, about.values,  # type: ignore[attr-defined]
            about.support_help, goal.statement, goal.why,  # type: ignore[attr-defined]
        ]  # fmt: skip
        for widget in fields:
            ws_before = app.session.worksheet if app.session else None
            widget.value = text
            assert app.session is not None
            _markup_is_ours(app.messages.html.value)
            if "goalkit-error" in app.messages.html.value:
                assert app.session.worksheet == ws_before  # refused: nothing changed
                app.messages.clear()
            assert app.session.state.saved, app.status.value
            assert store.load(app.session.worksheet.id).worksheet == app.session.worksheet
        assert_inert_html(_preview(app))


def entry_exports(case: Case, folder: Path) -> None:
    """Every exporter on an accepted file."""
    if case.refused is not None:
        return
    assert_exports_inert(fileformat.loads(case.data))


def entry_check(case: Case, folder: Path) -> None:
    """``goalkit check TEXT``: the text shown, never obeyed by the terminal."""
    if not case.name.startswith("hostile:"):
        return
    text = HOSTILE[case.name.split(":", 1)[1]].replace("\x00", "")  # argv cannot hold NUL
    code, out, err = _cli("check", text)
    assert code == 0 and err == "", err
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)


ENTRIES: dict[str, Callable[[Case, Path], None]] = {
    "loader": entry_loader,
    "cli": entry_cli,
    "upload": entry_upload,
    "typing": entry_typing,
    "exports": entry_exports,
    "check": entry_check,
}


@dataclass
class Tally:
    """How many (case, entry) pairs were tried and which failed."""

    tried: int = 0
    failed: list[str] = field(default_factory=list)

    @contextlib.contextmanager
    def trying(self, label: str) -> Iterator[None]:
        self.tried += 1
        try:
            yield
        except BaseException:
            self.failed.append(label)
            raise

    def summary(self) -> str:
        return f"bad and hostile input: {self.tried} tried, {len(self.failed)} failed"


def applies(case: Case, entry: str) -> bool:
    if entry in ("typing", "check"):
        return case.name.startswith("hostile:")
    if entry == "exports":
        return case.refused is None
    return True
