"""The A of SMART: absolutes nobody can promise (Achievable, Realistic) and things done to the
patient rather than by them (Action-oriented). Read through :mod:`goalkit.smart_rules`.
"""

from __future__ import annotations

__all__ = [
    "ABSOLUTES",
    "PASSIVE",
]

# --- Achievable: absolutes nobody can promise -------------------------------------------------
ABSOLUTES = (
    "forever", "for ever", "permanently", "for good", "ever again", "never again",
    "completely pain free", "totally pain free", "completely pain", "totally pain",
    "100 %", "100 percent", "100 per cent", "all the time", "no pain at all", "zero pain",
    "completely cured", "fully cured", "cured", "never have", "never feel", "never get",
    "0 / 10", "pain free forever", "never be in pain",
)

# Things done to the patient, not by them (Action-oriented is not met by these).
PASSIVE = (
    "be given", "receive", "be seen", "be referred", "be reviewed", "have <det>? injection",
    "get <det>? scan", "be prescribed", "be treated", "be assessed",
)
