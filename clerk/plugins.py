"""Components above the core (printing) found through entry points, so ``clerk/`` never imports them.

``printing`` registers its document renderer under the entry-point group ``window_clerk.documents``
(see pyproject.toml); the CLI and services ask this module for it. When the component is not
installed the caller gets ``ComponentMissing`` with a plain message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from typing import Any

from clerk.errors import ClerkError


class ComponentMissing(ClerkError, RuntimeError):
    pass


def _load(group: str) -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=group)}


def document_renderer() -> Callable[..., bytes]:
    """``render(kind, case_view, hall_settings, **options) -> PDF bytes``."""
    eps = _load("window_clerk.documents")
    if "render" not in eps:
        raise ComponentMissing("打印组件（printing）未安装：无法生成 PDF")
    fn: Callable[..., bytes] = eps["render"].load()
    return fn


def printer_factory() -> Callable[..., Any]:
    """``make_printer(spec: str) -> Printer`` (``cups:QUEUE`` or ``pdf:DIR``)."""
    eps = _load("window_clerk.documents")
    if "printer" not in eps:
        raise ComponentMissing("打印组件（printing）未安装：无法打印")
    fn: Callable[..., Any] = eps["printer"].load()
    return fn


def demo_hooks() -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, ep in sorted(_load("window_clerk.demo").items()):
        try:
            yield name, ep.load()
        except ImportError:  # that component is not built or not installed
            continue
