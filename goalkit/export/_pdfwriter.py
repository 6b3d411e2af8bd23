"""A small tagged-PDF writer: pages of drawing operators, embedded TrueType subsets, and the
structure tree a screen reader walks (PDF/UA-1: every piece of content is either tagged or an
artifact, with language, title and XMP identification).

This is the low level of goalkit's own PDF engine (:mod:`goalkit.export._pdflayout` lays the
worksheet out with it). It knows PDF syntax, fonts and tags; it knows nothing of worksheets.
Only the standard library is used, so a cold ``goalkit export --to pdf`` stays quick.
"""

from __future__ import annotations

import hashlib
import string
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Union

from ._ttf import TrueTypeFont

__all__ = ["Name", "PdfWriter", "StructElem"]


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


def _name(name: str) -> bytes:
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
        return _name(value)
    if isinstance(value, str):
        return text_string(value)
    if isinstance(value, Ref):
        return b"%d 0 R" % value.num
    if isinstance(value, Raw):
        return value.data
    if isinstance(value, list):
        return b"[" + b" ".join(serialize(v) for v in value) + b"]"
    parts = [_name(k) + b" " + serialize(v) for k, v in value.items()]
    return b"<<" + b" ".join(parts) + b">>"


@dataclass(eq=False)
class StructElem:
    """A node of the structure tree: a role (``P``, ``H1``, ``Table``, ``Figure``...), its
    parent, and kids that are either elements or marked content on a page."""

    role: str
    parent: StructElem | None
    kids: list[StructElem | tuple[int, int]] = field(default_factory=list)
    attrs: dict[str, PdfValue] = field(default_factory=dict)

    def child(self, role: str, **attrs: PdfValue) -> StructElem:
        elem = StructElem(role, self, attrs=dict(attrs))
        self.kids.append(elem)
        return elem


@dataclass
class _FontUse:
    font: TrueTypeFont
    resource: str
    chars: dict[int, str] = field(default_factory=dict)  # glyph id -> the text it stands for


@dataclass
class _Page:
    width: float
    height: float
    ops: list[bytes] = field(default_factory=list)
    marked: list[StructElem] = field(default_factory=list)  # index = MCID
    forms: set[str] = field(default_factory=set)


@dataclass
class _Form:
    resource: str
    width: float
    height: float
    ops: bytes


class PdfWriter:
    """Collects pages, fonts, forms and the structure tree, then writes the file once."""

    def __init__(self, *, title: str, lang: str) -> None:
        self.title, self.lang = title, lang
        self.root = StructElem("Document", None)
        self.pages: list[_Page] = []
        self._fonts: dict[int, _FontUse] = {}
        self._forms: list[_Form] = []
        self._bookmarks: list[tuple[int, str, int, float]] = []

    # -- content ------------------------------------------------------------------------
    def new_page(self, width: float, height: float) -> int:
        self.pages.append(_Page(width, height))
        return len(self.pages) - 1

    def op(self, page: int, *ops: bytes) -> None:
        self.pages[page].ops.extend(ops)

    @contextmanager
    def tagged(self, page: int, elem: StructElem) -> Iterator[None]:
        """Operators written inside are marked content belonging to ``elem``."""
        p = self.pages[page]
        mcid = len(p.marked)
        p.marked.append(elem)
        elem.kids.append((page, mcid))
        p.ops.append(_name(elem.role) + b" <</MCID %d>> BDC" % mcid)
        yield
        p.ops.append(b"EMC")

    @contextmanager
    def artifact(self, page: int, kind: str = "Layout") -> Iterator[None]:
        """Operators written inside are decoration or pagination, skipped by screen readers."""
        self.pages[page].ops.append(b"/Artifact <</Type /%s>> BDC" % kind.encode("ascii"))
        yield
        self.pages[page].ops.append(b"EMC")

    def font(self, font: TrueTypeFont) -> _FontUse:
        key = id(font)
        if key not in self._fonts:
            self._fonts[key] = _FontUse(font, f"F{len(self._fonts) + 1}")
        return self._fonts[key]

    def show(self, font: TrueTypeFont, text: str) -> bytes:
        """``text`` as a hex glyph string for ``Tj`` in ``font`` (records the glyphs used)."""
        use = self.font(font)
        out = []
        for ch in text:
            gid = font.glyph_id(ch)
            use.chars.setdefault(gid, ch)
            out.append(b"%04X" % gid)
        return b"<" + b"".join(out) + b">"

    def text(
        self,
        page: int,
        x: float,
        y: float,
        pieces: list[tuple[TrueTypeFont, float, tuple[float, float, float], str]],
    ) -> None:
        """One line of text starting at (x, y): pieces of (font, size, rgb colour, text)."""
        parts: list[bytes | str | float] = ["BT", x, y, "Td"]
        current: tuple[object, ...] = ()
        for font, size, rgb, chunk in pieces:
            use = self.font(font)
            if current[:2] != (use.resource, size):
                parts += [_name(use.resource), size, "Tf"]
            if current[2:] != rgb:
                parts += [*rgb, "rg"]
            current = (use.resource, size, *rgb)
            parts += [self.show(font, chunk), "Tj"]
        self.pages[page].ops.append(ops(*parts, "ET"))

    def form(self, width: float, height: float, content: bytes) -> str:
        """A Form XObject (a chart) drawn in its own 0..width, 0..height box; its resource
        name for ``Do``."""
        name = f"Fm{len(self._forms) + 1}"
        self._forms.append(_Form(name, width, height, content))
        return name

    def place_form(self, page: int, name: str, x: float, y: float, scale: float) -> None:
        """Draw form ``name`` with its lower left corner at (x, y), scaled by ``scale``."""
        self.pages[page].forms.add(name)
        self.op(page, ops("q", scale, 0, 0, scale, x, y, "cm", _name(name), "Do Q"))

    def bookmark(self, level: int, title: str, page: int, y: float) -> None:
        """An entry in the document outline (level 1 or 2) pointing at ``y`` on ``page``."""
        self._bookmarks.append((level, title, page, y))

    # -- file ---------------------------------------------------------------------------
    def write(self) -> bytes:
        """The finished PDF file."""
        objects: list[bytes | None] = [None]  # objects[n] is object n; 0 is the free head

        def reserve() -> Ref:
            objects.append(None)
            return Ref(len(objects) - 1)

        def put(
            ref: Ref, value: PdfValue, stream: bytes | None = None, compress: bool = True
        ) -> Ref:
            if stream is None:
                objects[ref.num] = serialize(value)
            else:
                assert isinstance(value, dict)
                if compress:
                    stream = zlib.compress(stream, 6)
                    value = {**value, "Filter": Name("FlateDecode")}
                value = {**value, "Length": len(stream)}
                objects[ref.num] = serialize(value) + b"\nstream\n" + stream + b"\nendstream"
            return ref

        def add(value: PdfValue, stream: bytes | None = None, compress: bool = True) -> Ref:
            return put(reserve(), value, stream, compress)

        catalog, pages_ref, tree_ref = reserve(), reserve(), reserve()
        font_refs = {use.resource: self._font_objects(use, add) for use in self._fonts.values()}
        fonts_dict: dict[str, PdfValue] = dict(font_refs)
        form_refs = {
            f.resource: add(
                {
                    "Type": Name("XObject"),
                    "Subtype": Name("Form"),
                    "BBox": [0, 0, f.width, f.height],
                    "Resources": {"Font": fonts_dict},
                },
                f.ops,
            )
            for f in self._forms
        }
        page_refs = [reserve() for _ in self.pages]
        for i, (ref, page) in enumerate(zip(page_refs, self.pages, strict=True)):
            resources: dict[str, PdfValue] = {"Font": fonts_dict}
            if page.forms:
                resources["XObject"] = {n: form_refs[n] for n in sorted(page.forms)}
            contents = add({}, b"\n".join(page.ops))
            put(
                ref,
                {
                    "Type": Name("Page"),
                    "Parent": pages_ref,
                    "MediaBox": [0, 0, page.width, page.height],
                    "Resources": resources,
                    "Contents": contents,
                    "StructParents": i,
                    "Tabs": Name("S"),
                },
            )
        put(pages_ref, {"Type": Name("Pages"), "Kids": list(page_refs), "Count": len(page_refs)})

        elem_refs: dict[int, Ref] = {}

        def elem_ref(elem: StructElem) -> Ref:
            if id(elem) not in elem_refs:
                elem_refs[id(elem)] = reserve()
            return elem_refs[id(elem)]

        def emit(elem: StructElem, parent: Ref) -> Ref:
            ref = elem_ref(elem)
            kids: list[PdfValue] = []
            for kid in elem.kids:
                if isinstance(kid, StructElem):
                    kids.append(emit(kid, ref))
                else:
                    page_no, mcid = kid
                    kids.append({"Type": Name("MCR"), "Pg": page_refs[page_no], "MCID": mcid})
            put(
                ref,
                {
                    "Type": Name("StructElem"),
                    "S": Name(elem.role),
                    "P": parent,
                    "K": kids,
                    **elem.attrs,
                },
            )
            return ref

        document = emit(self.root, tree_ref)
        nums: list[PdfValue] = []
        for i, page in enumerate(self.pages):
            nums += [i, add([elem_ref(e) for e in page.marked])]
        put(
            tree_ref,
            {
                "Type": Name("StructTreeRoot"),
                "K": [document],
                "ParentTree": add({"Nums": nums}),
                "ParentTreeNextKey": len(self.pages),
            },
        )
        metadata = add(
            {"Type": Name("Metadata"), "Subtype": Name("XML")}, _xmp(self.title), compress=False
        )
        outline = self._outline(reserve, put, page_refs)
        put(
            catalog,
            {
                **({} if outline is None else {"Outlines": outline}),
                "Type": Name("Catalog"),
                "Pages": pages_ref,
                "StructTreeRoot": tree_ref,
                "MarkInfo": {"Marked": True},
                "Lang": self.lang,
                "Metadata": metadata,
                "ViewerPreferences": {"DisplayDocTitle": True},
            },
        )
        info = add({"Title": self.title, "Producer": "goalkit", "Creator": "goalkit"})
        return _assemble(objects, catalog, info)

    def _outline(
        self, reserve: Callable[[], Ref], put: Callable[..., Ref], page_refs: list[Ref]
    ) -> Ref | None:
        """The bookmarks panel: level-1 headings with their level-2 headings beneath."""
        if not self._bookmarks:
            return None
        root = reserve()
        tops: list[tuple[Ref, dict[str, PdfValue], list[tuple[Ref, dict[str, PdfValue]]]]] = []
        for level, title, page, y in self._bookmarks:
            entry: dict[str, PdfValue] = {
                "Title": title,
                "Dest": [page_refs[page], Name("XYZ"), None, round(y, 2), None],
            }
            if level == 1 or not tops:
                tops.append((reserve(), entry, []))
            else:
                tops[-1][2].append((reserve(), entry))

        def chain(items: list[tuple[Ref, dict[str, PdfValue]]], parent: Ref) -> None:
            for i, (_, entry) in enumerate(items):
                entry["Parent"] = parent
                if i:
                    entry["Prev"] = items[i - 1][0]
                if i + 1 < len(items):
                    entry["Next"] = items[i + 1][0]

        chain([(ref, entry) for ref, entry, _ in tops], root)
        for ref, entry, kids in tops:
            chain(kids, ref)
            if kids:
                entry.update(First=kids[0][0], Last=kids[-1][0], Count=len(kids))
            put(ref, entry)
            for kid_ref, kid in kids:
                put(kid_ref, kid)
        count = len(tops) + sum(len(kids) for _, _, kids in tops)
        put(
            root,
            {"Type": Name("Outlines"), "First": tops[0][0], "Last": tops[-1][0], "Count": count},
        )
        return root

    def _font_objects(self, use: _FontUse, add: Callable[..., Ref]) -> Ref:
        font = use.font
        used = sorted(use.chars)
        tag = _subset_tag(font.postscript_name, used)
        base = Name(f"{tag}+{font.postscript_name}")
        data = font.subset(used)
        file_ref = add({"Length1": len(data)}, data)
        scale = 1000 / font.units_per_em
        descriptor = add(
            {
                "Type": Name("FontDescriptor"),
                "FontName": base,
                "Flags": font.flags,
                "FontBBox": [round(v * scale) for v in font.bbox],
                "ItalicAngle": font.italic_angle,
                "Ascent": round(font.ascent * scale),
                "Descent": round(font.descent * scale),
                "CapHeight": round(font.cap_height * scale),
                "StemV": 80,
                "FontFile2": file_ref,
            }
        )
        widths: list[PdfValue] = []
        for gid in used:
            widths += [gid, [round(font.advance(gid) * scale)]]
        cid_font = add(
            {
                "Type": Name("Font"),
                "Subtype": Name("CIDFontType2"),
                "BaseFont": base,
                "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "Identity", "Supplement": 0},
                "FontDescriptor": descriptor,
                "W": widths,
                "CIDToGIDMap": Name("Identity"),
            }
        )
        to_unicode = add({}, _to_unicode(use.chars))
        return add(
            {
                "Type": Name("Font"),
                "Subtype": Name("Type0"),
                "BaseFont": base,
                "Encoding": Name("Identity-H"),
                "DescendantFonts": [cid_font],
                "ToUnicode": to_unicode,
            }
        )


def _subset_tag(name: str, gids: list[int]) -> str:
    digest = hashlib.sha256((name + ",".join(map(str, gids))).encode()).digest()
    return "".join(string.ascii_uppercase[b % 26] for b in digest[:6])


def _utf16_hex(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode("ascii")


def _to_unicode(chars: dict[int, str]) -> bytes:
    entries = [b"<%04X> <%s>" % (gid, _utf16_hex(ch)) for gid, ch in sorted(chars.items())]
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        blocks.append(b"%d beginbfchar\n" % len(chunk) + b"\n".join(chunk) + b"\nendbfchar")
    return b"\n".join(
        [
            b"/CIDInit /ProcSet findresource begin",
            b"12 dict begin",
            b"begincmap",
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            b"/CMapName /Adobe-Identity-UCS def",
            b"/CMapType 2 def",
            b"1 begincodespacerange",
            b"<0000> <FFFF>",
            b"endcodespacerange",
            *blocks,
            b"endcmap",
            b"CMapName currentdict /CMap defineresource pop",
            b"end",
            b"end",
        ]
    )


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xmp(title: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        "<pdfuaid:part>1</pdfuaid:part>\n"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml_escape(title)}</rdf:li>'
        "</rdf:Alt></dc:title>\n"
        "<pdf:Producer>goalkit</pdf:Producer>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


def _assemble(objects: list[bytes | None], catalog: Ref, info: Ref) -> bytes:
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
