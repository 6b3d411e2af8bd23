"""The kernel manager ``goalkit app`` gives Voilà: idle culling that spares a page still loading.

jupyter_server culls a kernel when it has had no activity for ``cull_idle_timeout`` seconds and
no browser is connected. That rule cannot tell a tab that has gone from a page that has not
connected *yet*: Voilà's preheated kernel was last active at its pre-render, perhaps hours ago,
and under load a page can take half a minute to open its connection. ``bench/bench_load.py``
saw pages lose their kernel that way (4 and 8 sessions, 10 s timeout).

Here a kernel that no browser has connected to yet is kept for ``connect_grace`` seconds after
it was given to a page (or started for one), and never less than the cull timeout. After that,
or once its page has connected and gone, the usual rule applies.

Voilà builds its pool manager as a subclass of this class
(``--VoilaConfiguration.multi_kernel_manager_class``); the hand-out is wrapped per instance.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float

__all__ = ["AppKernelManager"]


class AppKernelManager(AsyncMappingKernelManager):
    """``AsyncMappingKernelManager`` that does not cull a kernel whose page is still loading."""

    connect_grace = Float(
        300.0,
        config=True,
        help="Seconds a kernel waits for its page to connect before it may be culled.",
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]
        self._waiting: dict[str, float] = {}  # kernel id -> when it was given to a page
        hand_out: Callable[..., Awaitable[Any]] | None = getattr(
            self, "get_rendered_notebook", None
        )
        if hand_out is None:  # no preheated pool: kernels start when the page is requested
            return

        @functools.wraps(hand_out)
        async def get_rendered_notebook(*args: Any, **kw: Any) -> Any:
            result = await hand_out(*args, **kw)
            self._waiting[str(result[-1])] = time.monotonic()  # (task, cells, kernel id)
            return result

        self.get_rendered_notebook = get_rendered_notebook

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        kernel_id = str(await super().start_kernel(*args, **kwargs))
        self._waiting[kernel_id] = time.monotonic()
        return kernel_id

    def notify_connect(self, kernel_id: str) -> None:
        self._waiting.pop(kernel_id, None)
        super().notify_connect(kernel_id)  # type: ignore[no-untyped-call]

    def waiting(self, kernel_id: str) -> bool:
        """True while a kernel's page may still connect."""
        since = self._waiting.get(kernel_id)
        grace = max(self.connect_grace, float(self.cull_idle_timeout))
        return since is not None and time.monotonic() - since < grace

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        for gone in set(self._waiting) - set(self._kernels):
            del self._waiting[gone]
        if self.waiting(kernel_id):
            return
        await super().cull_kernel_if_idle(kernel_id)  # type: ignore[no-untyped-call]
