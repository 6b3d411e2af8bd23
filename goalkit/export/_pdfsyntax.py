"""PDF syntax for goalkit's PDF engine: names, strings, numbers, content-stream operators,
objects, and the file around them (cross-reference table, trailer)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Union

__all__ = [
    "Name",
    "PdfValue",
    "Raw",
    "Ref",
    "assemble",
    "number",
    "ops",
    "pdf_name",
    "serialize",
    "text_string",
]


class Name(str):
    """A PDF name such as ``/Type`` (written without the slash)."""

    __slots__ = ()


@dataclass(frozen=True)
class Ref:
    """An indirect reference to object ``num``."""

    num: int


@dataclass(frozen=True)
class Raw:
    """Bytes written into the file as they are (for hex strings built elsewhere)."""

    data: bytes


PdfValue = Union[
    None, bool, int, float, str, Name, Ref, Raw, "list[PdfValue]", "dict[str, PdfValue]"
]

_DELIMITERS = set(b"()<>[]{}/%#") | set(b" \t\r\n\f\x00")


def pdf_name(name: str) -> bytes:
    """A PDF name (``/Type``), with delimiters and non-ASCII bytes escaped as ``#XX``."""
    out = bytearray(b"/")
    for byte in name.encode("utf-8"):
        if byte in _DELIMITERS or not 0x21 <= byte <= 0x7E:
            out += b"#%02X" % byte
        else:
            out.append(byte)
    return bytes(out)


def text_string(text: str) -> bytes:
    """A PDF text string: literal ASCII when it can be, else UTF-16BE with a byte-order mark."""
    if text.isascii():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        escaped = escaped.replace("\r", "\\r").replace("\n", "\\n")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def number(value: float) -> bytes:
    """A finite number in PDF syntax, at most 3 decimals, never in exponent form."""
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("a PDF number must be finite")
    if float(value).is_integer():
        return b"%d" % int(value)
    return (b"%.3f" % value).rstrip(b"0").rstrip(b".")


def ops(*parts: bytes | str | float) -> bytes:
    """Content-stream operands and operators joined by spaces (numbers formatted, ``str``
    written as it is).

    >>> ops("q", 0.5, 1, 0, "RG", 2.25, "w")
    b'q 0.5 1 0 RG 2.25 w'
    """
    return b" ".join(
        p if isinstance(p, bytes) else p.encode("ascii") if isinstance(p, str) else number(p)
        for p in parts
    )


def serialize(value: PdfValue) -> bytes:
    """One value in PDF syntax."""
    if value is None:
        return b"null"
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, int):
        return b"%d" % value
    if isinstance(value, float):
        return number(value)
    if isinstance(value, Name):
        return pdf_name(value)
    if isinstance(value, str):
        return text_string(value)
    if isinstance(value, Ref):
        return b"%d 0 R" % value.num
    if isinstance(value, Raw):
        return value.data
    if isinstance(value, list):
        return b"[" + b" ".join(serialize(v) for v in value) + b"]"
    parts = [pdf_name(k) + b" " + serialize(v) for k, v in value.items()]
    return b"<<" + b" ".join(parts) + b">>"


def assemble(objects: list[bytes | None], catalog: Ref, info: Ref) -> bytes:
    """The file: header, ``objects`` (object n at index n; 0 unused), cross-references and a
    trailer naming the catalog and the document information."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = [0] * len(objects)
    for num in range(1, len(objects)):
        body = objects[num]
        if body is None:
            raise AssertionError(f"PDF object {num} was reserved but never written")
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % len(objects)
    out += b"0000000000 65535 f \n"
    for offset in offsets[1:]:
        out += b"%010d 00000 n \n" % offset
    file_id = Raw(b"<" + hashlib.md5(bytes(out), usedforsecurity=False).hexdigest().encode() + b">")
    trailer: dict[str, PdfValue] = {
        "Size": len(objects),
        "Root": catalog,
        "Info": info,
        "ID": [file_id, file_id],
    }
    out += b"trailer\n" + serialize(trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
