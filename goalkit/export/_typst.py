"""Compiling goalkit's Typst templates to PDF: fonts, standards, and the data handed over.

Every PDF goalkit prints (worksheets, blank worksheets, notebook handouts) is one of the
templates in ``goalkit/export/templates/*.typ`` compiled by Typst (the ``typst`` package) with
the document's content as JSON in ``sys.inputs.data``. The templates read it with Typst's
``json`` and place every string as text: nothing typed by a user is ever parsed as Typst markup
or code. The compiler's file access is limited to the templates folder.

Fonts: DejaVu Sans from matplotlib's package data (a goalkit dependency; matplotlib is not
imported), then Debian's Noto fonts where installed (``fonts-noto-core`` for Arabic and Hebrew,
``fonts-noto-cjk``, ``fonts-noto-color-emoji``; ``scripts/ensure-fonts.sh`` installs them), then
any folder listed in ``$GOALKIT_FONT_DIRS``. System fonts are not scanned (that alone costs more
than a compile). A character no font covers is replaced by U+FFFD in the PDF and named in a
:class:`MissingFontWarning`, instead of making the compile fail or vanishing silently.

Standards: PDF/UA-1 and PDF/A-2a; Typst refuses to write a file that breaks them.
"""

from __future__ import annotations

import atexit
import datetime as dt
import importlib.util
import json
import os
import re
import shutil
import tempfile
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ._cmap import coverage

if TYPE_CHECKING:  # pragma: no cover
    import typst

__all__ = [
    "FONT_FAMILIES",
    "PAPER",
    "PDF_STANDARDS",
    "TEMPLATES",
    "MissingFontWarning",
    "NotConformingWarning",
    "compile_pdf",
    "missing_characters",
]

TEMPLATES = Path(__file__).parent / "templates"
PAPER = {"A4": "a4", "Letter": "us-letter"}
"""goalkit's page sizes by Typst's names."""
PDF_STANDARDS: tuple[Literal["ua-1"], Literal["a-2a"]] = ("ua-1", "a-2a")
"""What Typst is asked to conform to (it refuses to write a PDF that does not)."""

FONT_FAMILIES = ("DejaVu Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans CJK SC",
                 "Noto Color Emoji")
"""The templates' font list, in fallback order (kept in step with ``common.typ``)."""

SYSTEM_FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
_SMALL = ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", "NotoSansHebrew-Regular.ttf",
          "NotoSansHebrew-Bold.ttf", "NotoColorEmoji.ttf")
_LARGE = ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc")  # 60 ms to index: only when needed
_DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
           "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")
REPLACEMENT = "\ufffd"
_BEYOND_ASCII = re.compile("[^\x00-\x7e]")
_SVG_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]")


class MissingFontWarning(UserWarning):
    """Some characters had no font and print as U+FFFD; ``characters`` lists them."""

    def __init__(self, characters: Iterable[str]) -> None:
        self.characters = tuple(characters)
        shown = ", ".join(f"U+{ord(c):04X} {c}" for c in self.characters[:12])
        more = f" and {len(self.characters) - 12} more" if len(self.characters) > 12 else ""
        super().__init__(
            f"no font for {len(self.characters)} character(s) ({shown}{more}); they print as "
            "\ufffd. On Debian: apt-get install fonts-noto-core fonts-noto-cjk "
            "fonts-noto-color-emoji"
        )


class NotConformingWarning(UserWarning):
    """Typst refused to certify the PDF as PDF/UA-1 and PDF/A-2a; it was written without the
    claim (still tagged). The message gives Typst's reason."""


def _dejavu_dir() -> Path:
    spec = importlib.util.find_spec("matplotlib")
    locations = spec.submodule_search_locations if spec else None
    if not locations:  # pragma: no cover - matplotlib is a dependency
        raise RuntimeError("matplotlib's DejaVu Sans fonts are missing; reinstall goalkit")
    return Path(next(iter(locations))) / "mpl-data" / "fonts" / "ttf"


def _find(name: str) -> Path | None:
    for folder in SYSTEM_FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    return None


def _extra_dirs() -> tuple[Path, ...]:
    raw = os.environ.get("GOALKIT_FONT_DIRS", "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p and Path(p).is_dir())


@cache
def _font_sets() -> tuple[tuple[Path, ...], tuple[Path, ...], tuple[Path, ...]]:
    """(DejaVu Sans, other small fonts, large fonts): files found on this machine."""
    dejavu = tuple(_dejavu_dir() / n for n in _DEJAVU)
    small = tuple(p for p in map(_find, _SMALL) if p)
    small += tuple(f for d in _extra_dirs() for f in sorted(d.iterdir()) if f.is_file())
    large = tuple(p for p in map(_find, _LARGE) if p)
    return dejavu, small, large


@cache
def _font_dir(files: tuple[Path, ...]) -> str:
    """A private folder of links to ``files``: Typst indexes folders, and only these."""
    folder = Path(tempfile.mkdtemp(prefix="goalkit-fonts-"))
    atexit.register(shutil.rmtree, folder, True)
    for n, path in enumerate(files):
        target = folder / f"{n:02d}-{path.name}"
        try:
            target.symlink_to(path)
        except OSError:  # pragma: no cover - no symbolic links (some Windows set-ups)
            shutil.copyfile(path, target)
    return str(folder)


def _ignorable(char: str) -> bool:
    """Characters that draw nothing (controls, joiners, bidi marks, variation selectors)."""
    return unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me", "Zl", "Zp") or char in " \t\n"


def missing_characters(chars: Iterable[str]) -> tuple[list[str], bool]:
    """(characters no available font covers, whether the large CJK fonts are needed)."""
    dejavu, small, large = _font_sets()
    todo = {c for c in set(chars) if ord(c) > 0x7E and not _ignorable(c)}
    for path in dejavu[:4]:
        todo -= {c for c in todo if ord(c) in coverage(path)}
        if not todo:
            return [], False
    for path in small:
        todo -= {c for c in todo if ord(c) in coverage(path)}
        if not todo:
            return [], False
    before = len(todo)
    for path in large:
        todo -= {c for c in todo if ord(c) in coverage(path)}
    return sorted(todo), len(todo) < before


def svg_for_pdf(svg: str) -> str:
    """``svg`` as Typst can draw it under PDF/UA-1: Typst's SVG text has no colour-emoji
    fallback (nor joiners and variation selectors), so characters only the emoji font has
    become U+FFFD in the chart (the PDF's text and the chart's alt text keep them)."""
    if svg.isascii():  # DejaVu Sans covers every printable ASCII character
        return svg
    svg = _SVG_INVISIBLE.sub("", svg)
    dejavu, small, large = _font_sets()
    outline = [p for p in dejavu[:4] + small + large if "Emoji" not in p.name]
    odd = {c for c in set(_BEYOND_ASCII.findall(svg)) if not _ignorable(c)}
    for path in outline:
        odd -= {c for c in odd if ord(c) in coverage(path)}
        if not odd:
            return svg
    return svg.translate({ord(c): REPLACEMENT for c in odd})


@cache
def _compiler(large: bool) -> typst.Compiler:
    import typst

    dejavu, small, big = _font_sets()
    folders = [_font_dir(dejavu + small)]
    if large and big:
        folders.append(_font_dir(big))
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                        font_paths=folders)
    return typst.Compiler(root=str(TEMPLATES), font_paths=fonts, ignore_system_fonts=True)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _replace(value: Any, table: dict[int, str]) -> Any:
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, dict):
        return {k: _replace(v, table) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_replace(v, table) for v in value]
    return value


# Scripts that take a Noto font before DejaVu Sans (which has some of their letters, drawn less
# well): font -> its letters, as a regular-expression class Python and Typst both read.
FIRST_FONTS = {
    "Noto Sans Arabic": "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]",
    "Noto Sans Hebrew": "[\u0590-\u05ff\ufb1d-\ufb4f]",
}
_FIRST_FONTS = {name: re.compile(letters) for name, letters in FIRST_FONTS.items()}


def compile_pdf(
    template: str,
    data: dict[str, Any],
    *,
    timestamp: dt.datetime | None = None,
    text_keys: tuple[str, ...] = ("doc",),
) -> bytes:
    """``templates/<template>`` compiled with ``data`` (JSON in ``sys.inputs.data``) to PDF.

    The strings under ``text_keys`` are checked against the fonts: characters no font covers
    become U+FFFD and a :class:`MissingFontWarning` names them.
    """
    chars = "".join(s for key in text_keys for s in _strings(data.get(key)))
    missing, large = missing_characters(chars)
    if "meta" in data:
        # a script's own font is put first only where its letters occur: each font chosen by a
        # character class costs Typst a test on every run of text
        first = [{"name": name, "covers": FIRST_FONTS[name]}
                 for name, letters in _FIRST_FONTS.items() if letters.search(chars)]
        data = {**data, "meta": {**data["meta"], "first_fonts": first}}
    if missing:
        warnings.warn(MissingFontWarning(missing), stacklevel=3)
        table = {ord(c): REPLACEMENT for c in missing}
        data = {k: _replace(v, table) if k in text_keys else v for k, v in data.items()}
    stamp = (timestamp or dt.datetime(2026, 1, 1)).replace(microsecond=0)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    import typst

    compiler = _compiler(large)
    inputs = {"data": json.dumps(data, ensure_ascii=False)}
    path = str(TEMPLATES / template)
    try:
        pdf = compiler.compile(path, format="pdf", sys_inputs=inputs,
                               pdf_standards=list(PDF_STANDARDS), timestamp=stamp)
    except typst.TypstError as err:
        if "PDF/" not in err.message:
            raise
        # Typst found something the standards forbid: the handout is still printed (tagged),
        # and the warning says why it does not claim them. Quoted text (`...`) is left out.
        reason = re.sub(r"`[^`]*`", "…", err.message)
        warnings.warn(NotConformingWarning(reason), stacklevel=3)
        pdf = compiler.compile(path, format="pdf", sys_inputs=inputs, timestamp=stamp)
    assert isinstance(pdf, bytes)
    return pdf
