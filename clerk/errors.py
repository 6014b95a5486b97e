"""The one root of every error the core raises on purpose (Anki's ``pylib/anki/errors.py`` idea).

``ClerkError`` carries a stable snake_case ``code`` (the message key a front end translates by) and a
message in Chinese that fits on one line. Specific classes keep their builtin base as a second base
(``class CatalogError(ClerkError, ValueError)``), so ``except ValueError`` callers keep working.
The CLI turns any ``ClerkError`` into its one line on stderr and exit 2 (``clerk/cli/__init__.py``).
"""

from __future__ import annotations

import re

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


class ClerkError(Exception):
    """A problem a person can cause or fix; never a programming error."""

    code: str = "clerk_error"
    """Stable snake_case key (instances may set a more specific one, e.g. the server's error code)."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__:
            cls.code = _CAMEL.sub("_", cls.__name__).lower()

    def one_line(self) -> str:
        """The message as one line (several lines, e.g. a list of problems, joined with "；")."""
        parts = [p.strip() for p in str(self).splitlines() if p.strip()]
        return "；".join(parts) if parts else type(self).__name__
