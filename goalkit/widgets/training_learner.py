"""Who is answering: the learner's chosen results name, and a link to their results file.

A notebook starts with :class:`LearnerName`. The name is chosen once per workshop: it is kept
in the results folder (:func:`goalkit.results.remember_learner`) and every later notebook, each
in its own kernel, shows "You are recorded as ..." and records under it, so a typo cannot make
a second learner. With no name chosen, exercises still give feedback but keep nothing.
``$GOALKIT_LEARNER`` chooses a name in advance (for a demonstration machine, say).
:class:`ResultsDownload` hands the learner their file, to send to the trainer.
"""

from __future__ import annotations

import base64
import os
import weakref
from pathlib import Path
from typing import Any

import ipywidgets as w
from markupsafe import Markup

from ..results import (
    LearnerResults,
    ResultsError,
    open_learner,
    remember_learner,
    remembered_learner,
)
from .common import styled

__all__ = ["LEARNER_ENV", "LearnerName", "ResultsDownload", "current_learner", "message",
           "on_learner_chosen", "recorded_as", "use_learner"]

LEARNER_ENV = "GOALKIT_LEARNER"
MAX_DOWNLOAD = 5_000_000  # bytes: far above a workshop's answers; a link is not the way beyond


class _Current:
    results: LearnerResults | None = None


_CURRENT = _Current()
# Called with the learner when one is chosen in this kernel: a quiz built before the name was
# typed (Run All in the first notebook) reorders its choices for that learner. Weak, so a
# widget that is gone is not kept alive.
_ON_CHOOSE: weakref.WeakSet[Any] = weakref.WeakSet()


def on_learner_chosen(widget: Any) -> None:
    """Call ``widget.learner_chosen(results)`` whenever a learner is chosen in this kernel."""
    _ON_CHOOSE.add(widget)


def use_learner(name: str, folder: Path | str | None = None, *,
                remember: bool = True) -> LearnerResults:
    """Save this kernel's answers under ``name`` (checked by ``learner_slug``) and, with
    ``remember``, keep it as the name for every notebook of the workshop."""
    _CURRENT.results = remember_learner(name, folder) if remember else open_learner(name, folder)
    for widget in list(_ON_CHOOSE):
        widget.learner_chosen(_CURRENT.results)
    return _CURRENT.results


def current_learner(folder: Path | str | None = None) -> LearnerResults | None:
    """The learner chosen in this kernel, else ``$GOALKIT_LEARNER`` if set, else the name kept
    in the results folder by an earlier notebook, else None."""
    if _CURRENT.results is None:
        if os.environ.get(LEARNER_ENV):
            use_learner(os.environ[LEARNER_ENV], remember=False)
        else:
            _CURRENT.results = remembered_learner(folder)
    return _CURRENT.results


def recorded_as(results: LearnerResults) -> str:
    """The line every notebook shows once a name is chosen."""
    return (f"You are recorded as {results.name} ({results.path.name} in {results.folder}). "
            "Not you? Type your own name and press the button.")


def message(text: str, *, error: bool = False) -> str:
    """One status line as HTML (text escaped)."""
    cls = "goalkit-error" if error else "goalkit-ok"
    return str(Markup('<p class="{}" role="status">{}</p>').format(cls, text))


class LearnerName:
    """Choose the name this notebook's answers are saved under."""

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = folder
        chosen = current_learner(folder)
        self.name = styled(w.Text(chosen.name if chosen else "", description="Your name",
                                  placeholder="first name or nickname, no patient details"),
                           "goalkit-learner-input")
        self.button = styled(w.Button(description="Save my answers under this name",
                                      layout=w.Layout(width="auto")), "goalkit-learner-save")
        self.status = styled(w.HTML(), "goalkit-learner-status")
        self.identity = styled(w.HTML(message(recorded_as(chosen)) if chosen else ""),
                               "goalkit-learner-identity")
        self.button.on_click(lambda _b: self.choose())
        self.root = styled(w.VBox([self.identity, w.HBox([self.name, self.button]),
                                   self.status]), "goalkit-learner")

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
        self.identity.value = message(recorded_as(results))
        self.status.value = message(f"Your answers will be saved as {results.path.name} in "
                                    f"{results.folder}; the next notebooks use this name "
                                    f"too.{again}")

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
