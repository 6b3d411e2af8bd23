"""Which language a goal is written in, so the checker never judges what it cannot read.

goalkit's lexicons and grammar are English. A goal written in another language would get
confident, wrong verdicts, so :func:`other_language` names the language of a goal that is not
English, and :func:`goalkit.smart.check_goal` then gives no verdict on the letters read from the
text. The model is py3langid's (a maintained fork of langid.py, Lui & Baldwin 2012), which ships
its weights in the package. It loads in about a second, so it is only asked when few of the
goal's words are words goalkit knows: an English goal, in full words or in shorthand, never pays
for it.

>>> from goalkit.smart_scan import scan_text
>>> other_language(scan_text("Walk to the shop and back within 6 weeks")) is None
True
>>> other_language(scan_text("Subir las escaleras de mi casa sin ayuda en 4 semanas"))
'es'
"""

from __future__ import annotations

from functools import cache
from typing import Any

from goalkit.smart_hits import Scan

__all__ = ["CANDIDATES", "language_name", "other_language"]

# The languages the identifier chooses among (the ones patients in goalkit's users' clinics are
# most likely to write in besides English). A short goal is easily mistaken for a language it
# is not written in, so the list stays short and a verdict needs MIN_PROBABILITY, or
# MIN_PROBABILITY_UNKNOWN when hardly any word is one goalkit knows.
CANDIDATES = (
    "en", "es", "fr", "de", "it", "pt", "nl", "pl", "ro", "tr", "ar", "zh", "cy",
    # the rest of Europe's larger languages and the most spoken elsewhere, so that a goal in
    # Norwegian or Slovenian is not taken for Dutch or Polish (found by held-out set 5)
    "sv", "da", "no", "fi", "cs", "sk", "sl", "hr", "hu", "el", "ru", "uk", "bg", "lt", "lv",
    "et", "ja", "ko", "hi", "ur", "fa", "he", "vi", "id", "ms", "sw", "af", "ga", "ca", "eu",
    "gl", "sq", "is",
)
MIN_PROBABILITY = 0.9
MIN_PROBABILITY_UNKNOWN = 0.5
# Below this share of words goalkit knows, the identifier is asked; below the second, hardly
# any word is English.
KNOWN_SHARE = 0.5
HARDLY_KNOWN_SHARE = 0.25


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(CANDIDATES))
    return ident


def _known_share(scan: Scan) -> float:
    from goalkit.smart_scan import KNOWN_WORDS

    words = [t for t in scan.tokens if t.kind == "word"]
    if not words:
        return 1.0
    known = sum(1 for t in words if not t.keys.isdisjoint(KNOWN_WORDS) or t.norm in KNOWN_WORDS)
    return known / len(words)


def other_language(scan: Scan) -> str | None:
    """The ISO 639-1 code of the language ``scan``'s text is written in, if not English."""
    share = _known_share(scan)
    if share >= KNOWN_SHARE:
        return None
    code, probability = _identifier().classify(scan.text)
    needed = MIN_PROBABILITY if share >= HARDLY_KNOWN_SHARE else MIN_PROBABILITY_UNKNOWN
    return None if code == "en" or probability < needed else str(code)


def language_name(code: str) -> str:
    """The English name of a language code ("es" -> "Spanish")."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(code).get_display_name("en"))
    except (UnknownLocaleError, ValueError):
        return code
