"""goalkit's chart SVG (:mod:`goalkit.export.svgchart`) as PDF drawing operators.

Only the small subset that module writes is understood (line, polyline, rect, circle and text,
each carrying its own colours); anything else raises :class:`Unsupported`.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from ._pdfsyntax import ops
from ._pdftext import Style, Unsupported, face, hex_colour, width
from ._pdfwriter import PdfWriter

__all__ = ["svg_to_ops"]

_SVG = "{http://www.w3.org/2000/svg}"
_KAPPA = 0.5523


def _num(el: ET.Element, name: str, default: float = 0.0) -> float:
    value = float(el.get(name, default))
    if not math.isfinite(value):
        raise Unsupported(f"a chart number is not finite ({name})")
    return value


def _paint(el: ET.Element) -> tuple[bytes, str]:
    """Colour, width and dash operators for a shape, and the painting operator."""
    parts: list[bytes | str | float] = []
    stroke, fill = el.get("stroke", "none"), el.get("fill", "none")
    if stroke != "none":
        dash = [float(d) for d in (el.get("stroke-dasharray") or "").split()]
        parts += [*hex_colour(stroke), "RG", _num(el, "stroke-width", 1), "w"]
        parts += ["[", *dash, "] 0 d"]
    if fill != "none":
        parts += [*hex_colour(fill), "rg"]
    paint = {(True, True): "B", (True, False): "S", (False, True): "f"}.get(
        (stroke != "none", fill != "none"), "n"
    )
    return ops(*parts), paint


def svg_to_ops(pdf: PdfWriter, svg: bytes) -> tuple[float, float, bytes]:
    """Width, height and drawing operators (in a 0..w, 0..h box) of a goalkit chart."""
    try:
        root = ET.fromstring(svg)  # noqa: S314 - our own generated SVG
        w, h = _num(root, "width"), _num(root, "height")
    except (ET.ParseError, ValueError) as err:
        raise Unsupported(f"the chart SVG cannot be read: {err}") from None
    if root.tag != _SVG + "svg" or w <= 0 or h <= 0:
        raise Unsupported("not a goalkit chart")
    out: list[bytes] = []

    def draw(el: ET.Element) -> None:
        tag = el.tag.removeprefix(_SVG)
        if tag in ("title", "desc"):
            return
        if tag == "g":
            for child in el:
                draw(child)
            return
        if tag == "text":
            out.append(_text(pdf, el, h))
            return
        style, paint = _paint(el)
        if tag == "line":
            x1, y1, x2, y2 = (_num(el, a) for a in ("x1", "y1", "x2", "y2"))
            path = ops(x1, h - y1, "m", x2, h - y2, "l")
        elif tag == "polyline":
            points = [p.split(",") for p in el.get("points", "").split()]
            path = b" ".join(
                ops(float(x), h - float(y), "m" if i == 0 else "l")
                for i, (x, y) in enumerate(points)
            )
        elif tag == "rect":
            x, y, rw, rh = (_num(el, a) for a in ("x", "y", "width", "height"))
            path = ops(x, h - y - rh, rw, rh, "re")
        elif tag == "circle":
            path = _circle(_num(el, "cx"), h - _num(el, "cy"), _num(el, "r"))
        else:
            raise Unsupported(f"chart element <{tag}> is not drawn by the PDF engine")
        out.append(ops("q", style, path, paint, "Q"))

    try:
        for child in root:
            draw(child)
    except ValueError as err:
        raise Unsupported(f"the chart SVG cannot be read: {err}") from None
    return w, h, b"\n".join(out)


def _circle(cx: float, cy: float, r: float) -> bytes:
    """A circle as four Bezier curves."""
    k = _KAPPA * r
    curves = [
        (cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        (cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        (cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        (cx + k, cy - r, cx + r, cy - k, cx + r, cy),
    ]
    return ops(cx + r, cy, "m", *(p for c in curves for p in (*c, "c")), "h")


def _text(pdf: PdfWriter, el: ET.Element, h: float) -> bytes:
    text = " ".join("".join(el.itertext()).split())
    if not text:
        return b""
    style = Style(
        _num(el, "font-size", 10),
        bold=el.get("font-weight") == "bold",
        colour=hex_colour(el.get("fill", "#222222")),
    )
    w = width(text, style)
    x = _num(el, "x") - {"middle": w / 2, "end": w}.get(el.get("text-anchor", "start"), 0.0)
    font = pdf.font(face(style)).resource
    return ops(
        "BT",
        *style.colour,
        "rg",
        f"/{font}",
        style.size,
        "Tf",
        x,
        h - _num(el, "y"),
        "Td",
        pdf.show(face(style), text),
        "Tj ET",
    )
