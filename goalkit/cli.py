"""The ``goalkit`` command (also ``python -m goalkit``).

Bad input never shows a traceback: the command prints one line on stderr and exits with 2,
and nothing is written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from .errors import GoalkitError

__all__ = ["main"]

EXIT_BAD_INPUT = 2
# Controls and bidirectional overrides in an error (say, from a file name) are shown, not obeyed.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CULL_IDLE = 600
"""Seconds after which ``goalkit app`` shuts down a kernel whose browser tab has gone."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see --help)\n")


def _cmd_check(args: argparse.Namespace) -> int:
    from .smart import check_goal
    from .smart_render import render_text

    try:
        report = check_goal(args.text, confidence=args.confidence, why=args.why or None)
    except ValueError as exc:
        raise GoalkitError(str(exc)) from None
    print(render_text(report, color=sys.stdout.isatty() and "NO_COLOR" not in os.environ))
    return 0


def _output_path(out: str, default_name: str) -> Path:
    path = Path(out)
    if path.is_dir():
        return path / default_name
    if not path.parent.is_dir():
        problem = "is not a folder" if path.parent.exists() else "does not exist"
        raise GoalkitError(f"cannot write {out}: {path.parent} {problem}")
    return path


def _cmd_export(args: argparse.Namespace) -> int:
    from . import export, fileformat

    worksheet = fileformat.load(args.worksheet)
    if args.language:  # the patient page's language, for this export
        from .model import evolve

        worksheet = evolve(worksheet, language=args.language)
    options: dict[str, object] = {}
    if args.to in ("pdf", "html"):
        options = {"page_size": args.paper, "clinician": not args.patient_only}
    with _font_notes():
        data = export.render(worksheet, args.to, deidentify=args.deidentify, **options)
    ext = export.file_extension(args.to)
    name = export.default_filename(worksheet, ext, deidentified=args.deidentify)
    target = _output_path(args.output, name)
    _write(target, data)
    return 0


def _write(target: Path, data: bytes) -> None:
    from ._io import write_atomic

    try:
        write_atomic(target, data)
    except OSError as exc:
        raise GoalkitError(f"cannot write {target}: {exc.strerror}") from None
    print(target)


@contextlib.contextmanager
def _font_notes() -> Iterator[None]:
    """A PDF printed with characters no font covers: one note on stderr naming them (the file
    is still written)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        if type(w.message).__name__ in ("MissingFontWarning", "NotConformingWarning"):
            line = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(w.message))
            print(f"goalkit: note: {line}", file=sys.stderr)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def _cmd_blank(args: argparse.Namespace) -> int:
    from .export.pdf import blank_pdf

    target = _output_path(args.output, f"goalkit-blank-{args.paper.lower()}.pdf")
    with _font_notes():
        data = blank_pdf(args.paper)
    _write(target, data)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from . import export, fileformat
    from ._io import write_atomic
    from .export.fhir import from_fhir

    source = Path(args.bundle)
    try:
        if source.stat().st_size > 4 * fileformat.MAX_BYTES:
            raise GoalkitError(f"{source.name}: too large to be a goal plan bundle")
        data = source.read_bytes()
    except FileNotFoundError:
        raise GoalkitError(f"{args.bundle}: no such file") from None
    except IsADirectoryError:
        raise GoalkitError(f"{args.bundle}: is a folder, not a FHIR bundle") from None
    except OSError as exc:
        raise GoalkitError(f"{args.bundle}: cannot read ({exc.strerror})") from None
    worksheet = from_fhir(data, label=source.name)
    target = _output_path(args.output, export.default_filename(worksheet, "json"))
    try:
        write_atomic(target, fileformat.dumps(worksheet).encode("utf-8"))
    except OSError as exc:
        raise GoalkitError(f"cannot write {target}: {exc.strerror}") from None
    print(target)
    return 0


def _cmd_cases(args: argparse.Namespace) -> int:
    from . import cases

    for name in cases.names():
        print(f"{name:24s} {cases.summary(name)}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from . import fileformat

    ws = fileformat.load(args.worksheet)
    print(f"{args.worksheet}: valid goalkit worksheet (schema_version {ws.schema_version})")
    return 0


def _cmd_app(args: argparse.Namespace) -> int:
    from .serve import voila_command

    if args.pool_size < 0 or args.cull_idle < 0:
        raise GoalkitError("--pool-size and --cull-idle cannot be negative")
    cmd = voila_command(
        port=args.port,
        ip=args.ip,
        open_browser=args.open_browser,
        pool_size=args.pool_size,
        cull_idle=args.cull_idle,
        token=args.token,
    )
    print(f"goalkit: serving the worksheet app on http://{args.ip}:{args.port}/", file=sys.stderr)
    os.execvp(cmd[0], cmd)  # noqa: S606 - replaces this process so Ctrl-C stops Voilà directly


def _cmd_workshop(args: argparse.Namespace) -> int:
    from .results import RESULTS_ENV, results_dir
    from .serve import class_notebook_path, voila_command

    folder = Path(args.results).expanduser().resolve() if args.results else results_dir()
    if folder.exists() and not folder.is_dir():
        raise GoalkitError(f"{folder} is not a folder")
    os.environ[RESULTS_ENV] = str(folder)  # the dashboard's kernel reads this folder
    cmd = voila_command(port=args.port, ip=args.ip, notebook=class_notebook_path(),
                        pool_size=0, token=args.token)
    print(f"goalkit: the class view of {folder} on http://{args.ip}:{args.port}/",
          file=sys.stderr)
    os.execvp(cmd[0], cmd)  # noqa: S606 - as `goalkit app`


def _cmd_workshop_pack(args: argparse.Namespace) -> int:
    from ._io import write_atomic
    from .export.workshop_pack import build_pack

    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise GoalkitError(f"{out} is a file: give a folder for the pack")
    if not out.exists() and not out.parent.is_dir():
        raise GoalkitError(f"cannot write {out}: {out.parent} does not exist")
    lessons = Path(args.notebooks)
    if not lessons.is_dir():
        raise GoalkitError(f"{lessons} is not a folder of lesson notebooks")
    pack, key = build_pack(lessons, args.paper)  # before anything is written
    out.mkdir(exist_ok=True)
    for name, data in (("workshop-pack.pdf", pack), ("answer-key.pdf", key)):
        write_atomic(out / name, data, mode=0o644)
        print(out / name)
    return 0


def _add_workshop(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser("workshop", help="serve the facilitator's class view of a workshop's "
                       "results folder with Voilà (127.0.0.1)")
    p.add_argument("--results", metavar="FOLDER",
                   help="the results folder (default $GOALKIT_RESULTS, else goalkit's own)")
    p.add_argument("--port", type=int, default=8867)
    p.add_argument("--ip", default="127.0.0.1", help="address to listen on (names and answers "
                   "of the learners are shown: keep it on 127.0.0.1 or behind a login)")
    p.add_argument("--token", action="store_true", help="require a token in the URL")
    p.set_defaults(func=_cmd_workshop)
    p = sub.add_parser("workshop-pack", help="print the workshop pack (lessons, exercises with "
                       "writing lines, quizzes) and a separate answer key as PDF")
    p.add_argument("output", metavar="OUT", help="folder for workshop-pack.pdf and "
                   "answer-key.pdf (created if missing)")
    p.add_argument("--notebooks", default=str(Path(__file__).resolve().parents[1] /
                                              "notebooks"), help="the lesson notebooks' folder")
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    p.set_defaults(func=_cmd_workshop_pack)


def build_parser() -> argparse.ArgumentParser:
    from .export import FORMATS
    from .export.i18n import LANGUAGES

    parser = _Parser(
        prog="goalkit",
        description="SMART goal checking, worksheet exports and the worksheet app.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("check", help="check a goal statement against SMART, with explanations")
    p.add_argument("text", help="the goal statement, in quotes")
    p.add_argument("--confidence", type=int, help="the patient's confidence, 0-10")
    p.add_argument("--why", help="why the goal matters to the patient")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("export", help="export a worksheet file to another format")
    p.add_argument("worksheet", help="a goalkit worksheet (.json)")
    p.add_argument("--to", required=True, choices=FORMATS, help="output format")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file, or a folder (the file is then named by worksheet id and date)",
    )
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="PDF/HTML page size")
    p.add_argument(
        "--patient-only",
        action="store_true",
        help="PDF/HTML: only the patient's page, without the clinician summary",
    )
    p.add_argument(
        "--language",
        choices=LANGUAGES,
        help="the patient page's language (default: the worksheet's own)",
    )
    p.add_argument(
        "--deidentify",
        action="store_true",
        help="leave out the clinician's name and free-text notes (keeps the patient reference)",
    )
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser(
        "import", help="read a FHIR R4 Bundle (from export --to fhir) into a worksheet"
    )
    p.add_argument("bundle", help="a FHIR R4 Bundle (.json)")
    p.add_argument("-o", "--output", required=True, help="worksheet file to write, or a folder")
    p.set_defaults(func=_cmd_import)
    p = sub.add_parser("blank", help="a blank worksheet PDF to fill in by hand")
    p.add_argument("-o", "--output", required=True,
                   help="output file, or a folder (the file is then goalkit-blank-a4.pdf)")
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="page size")
    p.set_defaults(func=_cmd_blank)

    p = sub.add_parser("cases", help="list the worked cases used in the training notebooks")
    p.set_defaults(func=_cmd_cases)

    p = sub.add_parser("validate", help="check that a worksheet file is valid")
    p.add_argument("worksheet")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("app", help="serve the worksheet app with Voilà (127.0.0.1 by default)")
    p.add_argument("--port", type=int, default=8866)
    p.add_argument(
        "--ip",
        default="127.0.0.1",
        help="address to listen on; anything but 127.0.0.1 exposes patient data to the network",
    )
    p.add_argument("--open-browser", action="store_true", help="open a browser tab")
    p.add_argument(
        "--pool-size",
        type=int,
        default=1,
        help="kernels kept started for the next visitors (each ~85 MB while waiting)",
    )
    p.add_argument(
        "--cull-idle",
        type=int,
        default=CULL_IDLE,
        metavar="SECONDS",
        help="shut down kernels whose tab is gone after this long (0 = never; "
        f"default {CULL_IDLE})",
    )
    p.add_argument(
        "--token",
        action="store_true",
        help="require a token in the URL ($JUPYTER_TOKEN, or a random one printed at start)",
    )
    p.set_defaults(func=_cmd_app)
    _add_workshop(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except GoalkitError as exc:
        line = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(exc))
        print(f"goalkit: error: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
