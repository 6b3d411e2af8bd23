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
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("goalkit.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


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
) -> str:
    """The worksheet as HTML: a patient page in plain language, then a clinician page.

    ``standalone=False`` gives a fragment for the app's preview; ``clinician=False`` leaves
    out the clinician page (a handout for the patient only); ``deidentify=True`` leaves out
    what :data:`goalkit.export.deidentify.DROPPED` lists.
    """
    if deidentify:
        from .deidentify import deidentify as strip

        ws = strip(ws)
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    env = _environment()
    css = Markup(env.loader.get_source(env, "worksheet.css")[0])  # type: ignore[union-attr]  # noqa: S704
    return env.get_template("worksheet.html.j2").render(
        view=build_view(ws, today=today, with_charts=charts),
        page_size=page_size,
        standalone=standalone,
        clinician=clinician,
        css=css,
        smart_html=_smart_html,
    )
