"""HTML export: the worksheet template, for the in-app preview, HTML files and the PDF."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

import jinja2
from markupsafe import Markup

from ..model import Worksheet
from ..smart import SmartReport
from .view import build_view

__all__ = ["PAGE_SIZES", "PageSize", "to_html"]

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "Letter")


@cache
def _environment(language: str = "en") -> jinja2.Environment:
    """The template's environment for ``language``: gettext from its catalog (jinja2's i18n
    extension, new style, so values put into a message are escaped), Babel's dates and
    numbers (see :mod:`goalkit.export.i18n`)."""
    from . import i18n

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("goalkit.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(i18n.translator(language), newstyle=True)  # type: ignore[attr-defined]
    env.globals["language"] = language
    env.globals["format_date"] = lambda day, pattern: i18n.format_date(day, language, pattern)
    env.globals["format_number"] = lambda value: i18n.format_number(value, language)
    return env


def _smart_html(report: SmartReport) -> Markup:
    from ..smart_render import render_html

    return Markup(render_html(report))  # noqa: S704 - render_html escapes everything it shows


def to_html(
    ws: Worksheet,
    *,
    page_size: PageSize = "A4",
    standalone: bool = True,
    clinician: bool = True,
    charts: bool = True,
    today: dt.date | None = None,
    deidentify: bool = False,
    language: str | None = None,
) -> str:
    """The worksheet as HTML: a patient page in plain language, then a clinician page.

    ``standalone=False`` gives a fragment for the app's preview; ``clinician=False`` leaves
    out the clinician page (a handout for the patient only); ``deidentify=True`` leaves out
    what :data:`goalkit.export.deidentify.DROPPED` lists. The patient page's own wording,
    dates and numbers are in ``language`` (default: the worksheet's); a language without a
    catalog shows English. The clinician page stays in English.
    """
    from .i18n import supported

    if deidentify:
        from .deidentify import deidentify as strip

        ws = strip(ws)
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    env = _environment(supported(language or ws.language))
    css = Markup(env.loader.get_source(env, "worksheet.css")[0])  # type: ignore[union-attr]  # noqa: S704
    return env.get_template("worksheet.html.j2").render(
        view=build_view(ws, today=today, with_charts=charts),
        page_size=page_size,
        standalone=standalone,
        clinician=clinician,
        css=css,
        smart_html=_smart_html,
    )
