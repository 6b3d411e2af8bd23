"""A notebook as a printable handout: teaching text and what its cells showed, no code.

:func:`notebook_to_pdf` turns a notebook into the block data of :mod:`goalkit.export.pdfdata`
and compiles ``templates/handout.typ`` with it. Markdown goes through markdown-it-py (CommonMark
with tables); HTML shown by a cell (SMART reports, tables) is read with the standard library's
parser into the same blocks; images shown by a cell are embedded from the notebook itself.
Nothing is fetched: a link or an ``<img src>`` in a notebook never reaches the disk or the
network, and every string is placed in the PDF as text.

Widget views cannot be drawn offline, so their outputs are dropped; a code cell that showed one,
or that carries the tag ``exercise``, is followed by a short note saying where to try it. Cells
tagged ``handout-skip`` are left out. A markdown or raw cell whose metadata holds
``{"goalkit": {"writing_lines": N}}`` is followed by N ruled lines to write on.
"""

from __future__ import annotations

import base64
import copy
import re
from html.parser import HTMLParser
from typing import Any

from nbformat import NotebookNode

from .pdfdata import Block, Inline, clean

__all__ = ["EXERCISE_NOTE", "handout_labels", "handout_notebook", "notebook_blocks",
           "notebook_to_pdf"]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
EXERCISE_TAG = "exercise"
SKIP_TAG = "handout-skip"
NOTE_KEY = "goalkit_handout_note"
MAX_LINES = 60


def handout_labels() -> dict[str, str]:
    """The handout's fixed wording (one place to translate)."""
    return {
        "page": "{n} / {total}",
        "untitled": "Handout",
        "picture": "Picture shown by the notebook",
        "picture_after": "Picture shown by the notebook, after “{heading}”",
    }


EXERCISE_NOTE = ("**Interactive exercise.** Open this notebook in JupyterLab to try it and get "
                 "feedback.")
"""The markdown of the note that replaces an exercise or a widget in the handout."""


def _tags(cell: NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", ()))


def handout_notebook(nb: NotebookNode) -> NotebookNode:
    """A copy of ``nb`` ready for print: widget outputs out, exercise notes in, skips gone
    (preparing a prepared notebook again changes nothing)."""
    from nbformat.v4 import new_markdown_cell

    out = copy.deepcopy(nb)
    cells = []
    for n, cell in enumerate(out.cells):
        tags = _tags(cell)
        if SKIP_TAG in tags:
            continue
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        outputs = cell.get("outputs", [])
        kept = [o for o in outputs if WIDGET_MIME not in o.get("data", {})]
        cell.outputs = kept
        cells.append(cell)
        after = out.cells[n + 1] if n + 1 < len(out.cells) else None
        noted = after is not None and after.get("metadata", {}).get(NOTE_KEY)  # prepared before
        if (EXERCISE_TAG in tags or len(kept) < len(outputs)) and not noted:
            note = new_markdown_cell(EXERCISE_NOTE)  # type: ignore[no-untyped-call]
            note.metadata[NOTE_KEY] = True
            cells.append(note)
    out.cells = cells
    return out


# -- markdown ---------------------------------------------------------------------------------
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _inlines(node: Any) -> list[Inline]:
    out: list[Inline] = []
    for child in node.children:
        kind = child.type
        if kind == "text":
            out.append(child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append({"t": "br"})
        elif kind == "code_inline":
            out.append({"t": "code", "v": child.content})
        elif kind == "strong":
            out.append({"t": "b", "c": _inlines(child)})
        elif kind == "em":
            out.append({"t": "i", "c": _inlines(child)})
        elif kind == "image":
            alt = "".join(x for x in _inlines(child) if isinstance(x, str))
            if alt:
                out.append({"t": "i", "c": [alt]})
        elif kind == "html_inline":
            continue  # tags are dropped; the text between them is kept
        else:  # links, strike-through...: their text
            out.extend(_inlines(child))
    return out


class _Headings:
    """PDF/UA wants the first heading at level 1 and no level skipped: levels are clamped."""

    def __init__(self) -> None:
        self.last = 0
        self.first: str | None = None

    def level(self, wanted: int, text: str) -> int:
        level = max(1, min(wanted, self.last + 1, 4))
        self.last = level
        if self.first is None and wanted == 1:
            self.first = text
        return level


def _md_blocks(node: Any, heads: _Headings) -> list[Block]:
    out: list[Block] = []
    for child in node.children:
        kind = child.type
        if kind == "heading":
            inl = _inlines(child.children[0]) if child.children else []
            text = "".join(x for x in inl if isinstance(x, str))
            out.append({"t": "h", "l": heads.level(int(child.tag[1:]), text), "c": inl})
        elif kind == "paragraph":
            out.append({"t": "p", "c": _inlines(child.children[0]) if child.children else []})
        elif kind in ("bullet_list", "ordered_list"):
            items = [_md_blocks(item, heads) for item in child.children]
            block: Block = {"t": "ul" if kind == "bullet_list" else "ol", "items": items}
            if kind == "ordered_list":
                block["start"] = int(child.attrs.get("start", 1))
            out.append(block)
        elif kind == "blockquote":
            out.append({"t": "quote", "c": _md_blocks(child, heads)})
        elif kind in ("fence", "code_block"):
            out.append({"t": "pre", "v": child.content.rstrip("\n")})
        elif kind == "hr":
            out.append({"t": "hr"})
        elif kind == "table":
            out.append(_md_table(child))
        elif kind == "html_block":
            out.extend(_html_blocks(child.content, heads))
        elif kind == "inline":
            out.append({"t": "p", "c": _inlines(child)})
    return out


def _md_table(node: Any) -> Block:
    head: list[list[Inline]] = []
    rows: list[Block] = []
    for part in node.children:
        for tr in part.children:
            cells = [_inlines(td.children[0]) if td.children else [] for td in tr.children]
            if part.type == "thead":
                head = cells
            else:
                rows.append({"c": cells})
    width = max([len(head)] + [len(r["c"]) for r in rows])
    head += [[] for _ in range(width - len(head))]
    for r in rows:
        r["c"] += [[] for _ in range(width - len(r["c"]))]
    return {"t": "table", "caption": None, "head": head, "rows": rows,
            "cols": ["auto"] * width}


def markdown_blocks(text: str, heads: _Headings | None = None) -> list[Block]:
    """Markdown (CommonMark and tables) as blocks."""
    from markdown_it.tree import SyntaxTreeNode

    return _md_blocks(SyntaxTreeNode(_markdown().parse(text)), heads or _Headings())


# -- HTML shown by cells ------------------------------------------------------------------------
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "source"}
_SKIP = {"style", "script", "head", "title", "template", "svg", "math"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
          "figure", "figcaption", "details", "summary", "dl", "dt", "dd", "form", "fieldset"}


class _Tree(HTMLParser):
    """HTML as nested ``[tag, attrs, children]`` lists, text as strings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list[Any] = ["root", {}, []]
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node: list[Any] = [tag, dict(attrs), []]
        self.stack[-1][2].append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1][2].append(data)


def _h_inlines(children: list[Any]) -> list[Inline]:
    out: list[Inline] = []
    for child in children:
        if isinstance(child, str):
            out.append(child)
            continue
        tag, _attrs, kids = child
        if tag in _SKIP:
            continue
        if tag in ("strong", "b", "th"):
            out.append({"t": "b", "c": _h_inlines(kids)})
        elif tag in ("em", "i"):
            out.append({"t": "i", "c": _h_inlines(kids)})
        elif tag == "code":
            out.append({"t": "code", "v": _text(kids)})
        elif tag == "br":
            out.append({"t": "br"})
        else:
            out.extend(_h_inlines(kids))
    return out


def _text(children: list[Any]) -> str:
    return "".join(c if isinstance(c, str) else _text(c[2]) for c in children
                   if isinstance(c, str) or c[0] not in _SKIP)


def _h_table(kids: list[Any]) -> Block:
    rows: list[list[list[Any]]] = []
    caption: list[Inline] | None = None

    def collect(nodes: list[Any]) -> None:
        nonlocal caption
        for n in nodes:
            if isinstance(n, str):
                continue
            if n[0] == "tr":
                rows.append([c for c in n[2] if not isinstance(c, str) and c[0] in ("td", "th")])
            elif n[0] == "caption":
                caption = _h_inlines(n[2])
            elif n[0] in ("thead", "tbody", "tfoot"):
                collect(n[2])

    collect(kids)
    width = max([len(r) for r in rows] + [1])
    cells = [[_h_inlines(c[2]) for c in r] + [[] for _ in range(width - len(r))] for r in rows]
    header_rows = 1 if rows and all(c[0] == "th" for c in rows[0]) else 0
    head = cells[0] if header_rows else [[] for _ in range(width)]
    return {"t": "table", "caption": caption, "head": head,
            "rows": [{"c": r} for r in cells[header_rows:]], "cols": ["auto"] * width}


def _h_blocks(children: list[Any], heads: _Headings) -> list[Block]:
    out: list[Block] = []
    pending: list[Any] = []

    def flush() -> None:
        inl = _h_inlines(pending)
        if "".join(x for x in inl if isinstance(x, str)).strip() or any(
                not isinstance(x, str) for x in inl):
            out.append({"t": "p", "c": inl})
        pending.clear()

    for child in children:
        if isinstance(child, str) or child[0] not in (
                _BLOCK | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre",
                          "blockquote", "hr", "li"}):
            if not (isinstance(child, list) and child[0] in _SKIP):
                pending.append(child)
            continue
        flush()
        tag, attrs, kids = child
        if tag == "div" and "goalkit-page-break" in (dict(attrs).get("class") or "").split():
            out.append({"t": "pagebreak"})  # the workshop pack starts each lesson on a new page
        elif tag[0] == "h" and tag[1:].isdigit():
            out.append({"t": "h", "l": heads.level(int(tag[1:]), _text(kids)),
                        "c": _h_inlines(kids)})
        elif tag in ("ul", "ol"):
            items = [_h_blocks(k[2], heads) for k in kids if isinstance(k, list) and k[0] == "li"]
            out.append({"t": tag, "items": items or [[]]})
        elif tag == "table":
            out.append(_h_table(kids))
        elif tag == "pre":
            out.append({"t": "pre", "v": _text(kids).strip("\n")})
        elif tag == "blockquote":
            out.append({"t": "quote", "c": _h_blocks(kids, heads)})
        elif tag == "hr":
            out.append({"t": "hr"})
        else:
            out.extend(_h_blocks(kids, heads))
    flush()
    return out


def _html_blocks(html: str, heads: _Headings) -> list[Block]:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return _h_blocks(tree.root[2], heads)


# -- the notebook ---------------------------------------------------------------------------------
def _source(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _output_blocks(output: NotebookNode, alt: str, heads: _Headings) -> list[Block]:
    kind = output.get("output_type")
    if kind == "stream":
        text = _source(output.get("text"))
        return [{"t": "pre", "v": text.rstrip("\n")}] if output.get("name") == "stdout" and \
            text.strip() else []
    if kind not in ("display_data", "execute_result"):
        return []  # errors are not teaching material
    data = output.get("data", {})
    for mime, fmt in (("image/png", "png"), ("image/jpeg", "jpg")):
        if mime in data:
            raw = base64.b64decode(_source(data[mime]))
            return [{"t": "image", "bytes": list(raw), "format": fmt, "alt": alt}]
    if "image/svg+xml" in data:
        svg = _source(data["image/svg+xml"]).encode("utf-8")
        return [{"t": "image", "bytes": list(svg), "format": "svg", "alt": alt}]
    if "text/markdown" in data:
        return markdown_blocks(_source(data["text/markdown"]), heads)
    if "text/html" in data:
        return _html_blocks(_source(data["text/html"]), heads)
    if "text/plain" in data:
        text = _source(data["text/plain"]).rstrip("\n")
        return [{"t": "pre", "v": text}] if text.strip() else []
    return []


def _writing_lines(cell: NotebookNode) -> int:
    meta = cell.get("metadata", {}).get("goalkit", {})
    n = meta.get("writing_lines", 0) if isinstance(meta, dict) else 0
    return max(0, min(int(n), MAX_LINES)) if isinstance(n, int) and not isinstance(n, bool) else 0


def notebook_blocks(nb: NotebookNode) -> tuple[str | None, list[Block]]:
    """(the first level-1 heading's text, the blocks) of an already prepared notebook."""
    lab = handout_labels()
    heads = _Headings()
    out: list[Block] = []
    last_heading = ""
    for cell in nb.cells:
        kind = cell.cell_type
        blocks: list[Block] = []
        if kind == "markdown":
            blocks = markdown_blocks(_source(cell.source), heads)
            if cell.get("metadata", {}).get(NOTE_KEY):
                blocks = [{"t": "box", "c": blocks}]
        elif kind == "raw":
            text = _source(cell.source).strip("\n")
            blocks = [{"t": "p", "c": [line]} for line in text.split("\n\n") if line.strip()]
        elif kind == "code":
            for output in cell.get("outputs", []):
                alt = (lab["picture_after"].format(heading=last_heading) if last_heading
                       else lab["picture"])
                blocks += _output_blocks(output, alt, heads)
        for b in blocks:
            if b["t"] == "h":
                last_heading = clean("".join(x for x in b["c"] if isinstance(x, str)))
        if kind in ("markdown", "raw") and (n := _writing_lines(cell)):
            blocks.append({"t": "lines", "n": n})
        out += blocks
    if out and out[0]["t"] != "h":  # PDF/UA: the document opens with its level-1 heading
        out.insert(0, {"t": "h", "l": 1, "c": [heads.first or lab["untitled"]], "o": False})
    return heads.first, out


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")


def _printable(value: Any) -> Any:
    """Every string without the C0 and C1 controls and U+FEFF (they draw nothing, and PDF/A
    forbids them); line breaks and tabs stay for preformatted text."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, dict):
        return {k: v if k == "bytes" else _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def notebook_to_pdf(nb: NotebookNode, paper: str = "A4", *, lang: str = "en",
                    fallback_title: str | None = None) -> bytes:
    """``nb`` as a printable PDF handout (PDF/UA-1): text and outputs, no code. The title is
    the first level-1 heading, else ``fallback_title``."""
    from ._typst import PAPER, compile_pdf
    from .pdf import PAGE_SIZES

    if paper not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {paper!r}")
    first, blocks = notebook_blocks(handout_notebook(nb))
    blocks = _printable(blocks)
    lab = handout_labels()
    name = clean(re.sub(r"[*_`]", "", first or fallback_title or lab["untitled"]))
    data = {"meta": {"title": name, "lang": lang, "paper": PAPER[paper], "page": lab["page"]},
            "doc": blocks}
    return compile_pdf("handout.typ", data)
