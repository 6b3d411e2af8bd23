"""Where the system Chromium is and the flags it needs here: shared by the browser tests,
the benchmarks and the screenshot script (goalkit itself never starts a browser).

The flags keep Chromium from reaching for the network (this machine's network is closed) and
let it run as root in a container.
"""

from __future__ import annotations

import os
import shutil

__all__ = ["CHROMIUM_ARGS", "chromium_path"]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """$GOALKIT_CHROMIUM, else Debian's chromium, else None (Playwright's own download)."""
    for candidate in (
        os.environ.get("GOALKIT_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None
