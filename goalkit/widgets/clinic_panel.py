"""The clinic's details for every handout: set once for this installation, from the app."""

from __future__ import annotations

import ipywidgets as w
from markupsafe import escape

from ..clinic import Clinic, clinic_path, load_clinic, save_clinic
from ..errors import GoalkitError
from .common import Messages, styled

__all__ = ["ClinicBox"]

_STYLE = {"description_width": "9em"}


class ClinicBox:
    """Name, phone, address and opening hours printed on every handout ("who to contact")."""

    def __init__(self, messages: Messages) -> None:
        self.messages = messages
        try:
            clinic = load_clinic() or Clinic()
            problem = ""
        except GoalkitError as exc:
            clinic, problem = Clinic(), str(exc)
        wide = w.Layout(width="30em")
        self.fields = {
            name: styled(
                w.Text(getattr(clinic, name), description=label, style=_STYLE, layout=wide),
                f"goalkit-clinic-{name}",
            )
            for name, label in (
                ("name", "Clinic name"),
                ("phone", "Phone"),
                ("address", "Address"),
                ("hours", "Phone answered"),
            )
        }
        self.save = styled(w.Button(description="Save clinic details"), "goalkit-clinic-save")
        self.save.on_click(lambda _b: self._save())
        self.note = styled(w.HTML(), "goalkit-clinic-note")
        if problem:
            self.note.value = f'<p class="goalkit-error">{escape(problem)}</p>'
        self.root = styled(
            w.VBox(
                [
                    w.HTML(
                        "<h4>Clinic details on every handout</h4><small>Set once for this "
                        "computer: they are printed under 'Who to contact' on every patient "
                        "handout. No patient details go here.</small>"
                    ),
                    *self.fields.values(),
                    self.save,
                    self.note,
                ]
            ),
            "goalkit-clinic",
        )

    def _save(self) -> None:
        try:
            clinic = Clinic(**{k: box.value.strip() for k, box in self.fields.items()})
            path = save_clinic(clinic, clinic_path())
        except (GoalkitError, ValueError) as exc:
            self.messages.say(f"Clinic details not saved: {exc}", error=True)
            return
        self.note.value = ""
        self.messages.say(f"Clinic details saved for every handout from now on ({path.name}).")
