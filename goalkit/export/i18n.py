"""The patient's language: goalkit's own wording through gettext catalogs, dates and numbers
through Babel (CLDR).

A language is a catalog: ``goalkit/locale/<language>/LC_MESSAGES/goalkit.po``. The English text
itself is the message id, so English needs no catalog, and a translator adds a language by
adding a ``.po`` file (``tests/test_i18n.py`` fails while any message of the template or code
has no translation in it). Catalogs are read with Babel when first used and compiled in
memory: there is no ``.mo`` file to rebuild or forget. What the clinician and patient typed is
never translated.

>>> import datetime as dt
>>> translator("es").gettext("My goal plan")
'Mi plan de objetivos'
>>> format_date(dt.date(2026, 3, 2), "es", "EEEE d 'de' MMMM 'de' y")
'lunes 2 de marzo de 2026'
>>> format_number(1234.5, "es"), format_number(1234.5, "en")
('1.234,5', '1,234.5')
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "SOURCE_LANGUAGE",
    "catalog_path",
    "check_catalog",
    "extract_messages",
    "format_date",
    "format_number",
    "language_name",
    "supported",
    "translator",
]

DOMAIN = "goalkit"
SOURCE_LANGUAGE = "en"
"""The language of the message ids (the template's and the code's own text)."""


def _locale_dir() -> Path:
    return Path(str(resources.files("goalkit") / "locale"))


def catalog_path(language: str) -> Path:
    """Where the catalog for ``language`` lives (it may not exist)."""
    return _locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _languages() -> tuple[str, ...]:
    found = sorted(p.parent.parent.name for p in _locale_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE))


LANGUAGES: tuple[str, ...] = _languages()
"""Languages the patient page can be shown in: English and every catalog shipped."""


def supported(language: str) -> str:
    """``language`` if it has a catalog, else its base language ("es-MX" -> "es"), else English.

    >>> supported("es-MX"), supported("fr"), supported("en")
    ('es', 'en', 'en')
    """
    for candidate in (language, language.split("-")[0]):
        if candidate in LANGUAGES:
            return candidate
    return SOURCE_LANGUAGE


@cache
def translator(language: str) -> gettext.NullTranslations:
    """gettext/ngettext for ``language``: its catalog, compiled in memory from the ``.po`` file;
    English (or a language without a catalog) returns the message ids themselves. Fuzzy
    entries are left out, as ``msgfmt`` does."""
    language = supported(language)
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()  # (and no catalog machinery to import)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with catalog_path(language).open("rb") as f:
        catalog = read_po(f, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def N_(message: str) -> str:  # gettext's conventional name for a marker
    """Mark ``message`` for translation where it is defined and translate it where it is shown
    (``translator(language).gettext(message)``): for labels kept as data, such as a table of a
    template's fixed wording. The catalog check finds every marked string.

    >>> LABELS = {"title": N_("My goal plan")}
    >>> translator("es").gettext(LABELS["title"])
    'Mi plan de objetivos'
    """
    return message


def _babel_locale(language: str) -> str:
    return supported(language).replace("-", "_")


# English, the source language, is printed without Babel: importing it and reading its locale
# data costs more than the rest of a cold PDF's data. These are CLDR's English names (what Babel
# prints for "en"); tests/test_i18n.py compares both for every day of a few years.
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_FIELD = re.compile(r"d{1,2}|M{3,4}|y+|E{3,4}|[^A-Za-z']+")


def _english_date(day: dt.date, pattern: str) -> str | None:
    """``day`` by the CLDR ``pattern`` in English, or None for a pattern this does not cover
    (Babel then prints it): day, month name, year, weekday name and literal punctuation."""
    out = []
    at = 0
    while at < len(pattern):
        m = _EN_FIELD.match(pattern, at)
        if m is None:
            return None
        field = m.group()
        at = m.end()
        letter, n = field[0], len(field)
        if letter == "d":
            out.append(f"{day.day:0{n}d}")
        elif letter == "M":
            name = _EN_MONTHS[day.month - 1]
            out.append(name if n == 4 else name[:3])
        elif letter == "y":
            out.append(f"{day.year % 100:02d}" if n == 2 else f"{day.year:0{n}d}")
        elif letter == "E":
            name = _EN_DAYS[day.weekday()]
            out.append(name if n == 4 else name[:3])
        else:
            out.append(field)
    return "".join(out)


def format_date(day: dt.date, language: str, pattern: str = "long") -> str:
    """``day`` in ``language``: ``pattern`` is a CLDR pattern (``"dd MMMM y"``) or one of
    ``short``, ``medium``, ``long``, ``full``. A datetime is shown by its date."""
    if isinstance(day, dt.datetime):
        day = day.date()
    locale = _babel_locale(language)
    if locale == SOURCE_LANGUAGE:
        english = _english_date(day, pattern)
        if english is not None:
            return english
    from babel.dates import format_date as babel_format_date

    text: str = babel_format_date(day, format=pattern, locale=locale)
    return text


def format_number(value: float, language: str) -> str:
    """``value`` with ``language``'s decimal mark and grouping (integers without decimals)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    locale = _babel_locale(language)
    if locale == SOURCE_LANGUAGE and type(value) is int:
        return f"{value:,}"  # CLDR English: comma grouping in threes, hyphen-minus
    from babel.numbers import format_decimal

    text: str = format_decimal(value, locale=locale)
    return text


def language_name(language: str) -> str:
    """The language's name in itself ("español"), for pickers."""
    from babel import Locale

    name = Locale.parse(_babel_locale(language)).get_display_name(_babel_locale(language))
    return name or language


# -- catalog maintenance (tests and translators) ------------------------------------------------
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
"""The calls whose string arguments are messages, in the template and in goalkit/export/*.py."""


def extract_messages() -> dict[str, list[str]]:
    """Every message id in the worksheet template and the exporters' code, with where it is
    used (``file:line``) and any ``Translators:`` comment, as Babel's extractors find them."""
    from babel.messages.extract import extract
    from jinja2.ext import babel_extract

    export = Path(__file__).parent
    found: dict[str, list[str]] = {}

    def add(path: Path, method: object, options: dict[str, str]) -> None:
        with path.open("rb") as f:
            for lineno, message, comments, _context in extract(
                method,  # type: ignore[arg-type]
                f,
                keywords=KEYWORDS,
                comment_tags=("Translators:",),
                options=options,
            ):
                ids = message if isinstance(message, tuple) else (message,)
                for msgid in ids:
                    found.setdefault(msgid, []).append(f"{path.name}:{lineno}")
                    found[msgid] += [f"#{c}" for c in comments if f"#{c}" not in found[msgid]]

    add(export / "templates" / "worksheet.html.j2", babel_extract, {"trimmed": "false"})
    for module in sorted(export.glob("*.py")):
        add(module, "python", {})
    return found


_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def check_catalog(path: Path) -> list[str]:
    """What a catalog still lacks: each message of :func:`extract_messages` with no
    translation, a fuzzy one, or different ``%(name)s`` placeholders (which would break the
    page). An empty list means the catalog is complete."""
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f)
    problems = []
    for msgid in extract_messages():
        message = catalog.get(msgid)
        if message is None or not message.string:
            problems.append(f"{msgid!r}: not translated")
        elif message.fuzzy:
            problems.append(f"{msgid!r}: marked fuzzy")
        elif set(_PLACEHOLDER.findall(msgid)) != set(_PLACEHOLDER.findall(str(message.string))):
            problems.append(f"{msgid!r}: placeholders differ in {message.string!r}")
    return problems


def write_template(path: Path | None = None) -> Path:
    """Write ``goalkit/locale/goalkit.pot``, the catalog a translator starts a language from."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="goalkit", domain=DOMAIN, charset="utf-8")
    for msgid, where in extract_messages().items():
        places = [w for w in where if not w.startswith("#")]
        catalog.add(
            msgid,
            locations=[(w.split(":")[0], int(w.split(":")[1])) for w in places],
            auto_comments=[w[1:] for w in where if w.startswith("#")],
        )
    target = path or _locale_dir() / f"{DOMAIN}.pot"
    with target.open("wb") as f:
        write_po(f, catalog, omit_header=False, sort_output=True, width=100)
    return target


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    print(write_template())
