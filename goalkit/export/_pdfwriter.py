"""A small tagged-PDF writer: pages of drawing operators, embedded TrueType subsets, and the
structure tree a screen reader walks (PDF/UA-1: every piece of content is either tagged or an
artifact, with language, title and XMP identification).

This is the low level of goalkit's own PDF engine (:mod:`goalkit.export._pdflayout` lays the
worksheet out with it; :mod:`._pdfsyntax` writes the syntax, :mod:`._pdffonts` the fonts). It
knows pages, tags and the outline; it knows nothing of worksheets.
Only the standard library is used, so a cold ``goalkit export --to pdf`` stays quick.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ._pdffonts import font_objects
from ._pdfsyntax import Name, PdfValue, Ref, assemble, ops, pdf_name, serialize
from ._ttf import TrueTypeFont

__all__ = ["PdfWriter", "StructElem"]


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
        p.ops.append(pdf_name(elem.role) + b" <</MCID %d>> BDC" % mcid)
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
                parts += [pdf_name(use.resource), size, "Tf"]
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
        self.op(page, ops("q", scale, 0, 0, scale, x, y, "cm", pdf_name(name), "Do Q"))

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
        font_refs = {
            use.resource: font_objects(use.font, use.chars, add) for use in self._fonts.values()
        }
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
        return assemble(objects, catalog, info)

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
