"""Who is answering: the learner's chosen results name, and a link to their results file.

A notebook starts with :class:`LearnerName`; once a name is chosen, every exercise in that
kernel records its attempts to the learner's file (:mod:`goalkit.results`). With no name
chosen, exercises still give feedback but keep nothing. ``$GOALKIT_LEARNER`` chooses a name in
advance (for a demonstration machine, say). :class:`ResultsDownload` hands the learner their
file, to send to the trainer.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

import ipywidgets as w
from markupsafe import Markup

from ..results import LearnerResults, ResultsError, open_learner
from .common import styled

__all__ = ["LEARNER_ENV", "LearnerName", "ResultsDownload", "current_learner", "message",
           "use_learner"]

LEARNER_ENV = "GOALKIT_LEARNER"
MAX_DOWNLOAD = 5_000_000  # bytes: far above a workshop's answers; a link is not the way beyond


class _Current:
    results: LearnerResults | None = None


_CURRENT = _Current()


def use_learner(name: str, folder: Path | str | None = None) -> LearnerResults:
    """Save this kernel's answers under ``name`` (checked by ``learner_slug``)."""
    _CURRENT.results = open_learner(name, folder)
    return _CURRENT.results


def current_learner() -> LearnerResults | None:
    """The learner chosen in this kernel, else ``$GOALKIT_LEARNER`` if set, else None."""
    if _CURRENT.results is None and os.environ.get(LEARNER_ENV):
        use_learner(os.environ[LEARNER_ENV])
    return _CURRENT.results


def message(text: str, *, error: bool = False) -> str:
    """One status line as HTML (text escaped)."""
    cls = "goalkit-error" if error else "goalkit-ok"
    return str(Markup('<p class="{}" role="status">{}</p>').format(cls, text))


class LearnerName:
    """Choose the name this notebook's answers are saved under."""

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = folder
        chosen = current_learner()
        self.name = styled(w.Text(chosen.name if chosen else "", description="Your name",
                                  placeholder="first name or nickname, no patient details"),
                           "goalkit-learner-input")
        self.button = styled(w.Button(description="Save my answers under this name",
                                      layout=w.Layout(width="auto")), "goalkit-learner-save")
        self.status = styled(w.HTML(), "goalkit-learner-status")
        self.button.on_click(lambda _b: self.choose())
        self.root = styled(w.VBox([w.HBox([self.name, self.button]), self.status]),
                           "goalkit-learner")

    def choose(self) -> None:
        """What the button does: check the name and use it from now on."""
        try:
            results = use_learner(self.name.value, self.folder)
        except ResultsError as exc:
            self.status.value = message(str(exc), error=True)
            return
        before = len(results.attempts())
        again = (f" It already holds {before} answers: if they are not yours, pick another "
                 "name.") if before else ""
        self.status.value = message(f"Your answers will be saved as {results.path.name} in "
                                    f"{results.folder}.{again}")

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)


class ResultsDownload:
    """A button that turns the learner's results file into a download link."""

    def __init__(self, results: LearnerResults | None = None) -> None:
        self._results = results
        self.button = styled(w.Button(description="Get my results file",
                                      layout=w.Layout(width="auto")), "goalkit-results-get")
        self.link = styled(w.HTML(), "goalkit-results-download")
        self.button.on_click(lambda _b: self.show())
        self.root = styled(w.VBox([self.button, self.link]), "goalkit-results")

    def show(self) -> None:
        """What the button does: a link to the file, or why there is none."""
        results = self._results or current_learner()
        if results is None:
            self.link.value = message("Choose a results name at the top of the notebook "
                                      "first.", error=True)
            return
        try:
            data = results.path.read_bytes()
        except FileNotFoundError:
            self.link.value = message("No answers saved yet under this name.", error=True)
            return
        except OSError as exc:
            self.link.value = message(f"Cannot read {results.path}: {exc.strerror}.", error=True)
            return
        if len(data) > MAX_DOWNLOAD:
            self.link.value = message(f"The file is too big for a link: copy {results.path} "
                                      "instead.", error=True)
            return
        href = "data:application/x-ndjson;base64," + base64.b64encode(data).decode("ascii")
        self.link.value = str(Markup(
            '<p class="goalkit-ok"><a download="{}" href="{}" class="goalkit-results-link">'
            "Download {}</a> ({} answers), then send it to your trainer. It is also at {}.</p>"
        ).format(results.path.name, href, results.path.name, len(data.splitlines()),
                 results.path))

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)
