"""factcheck: finds the claims in a press release that contradict each other or its own date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["InputError", "__version__", "check_text", "load_rules"]

if TYPE_CHECKING:
    from checker.api import check_text, load_rules
    from checker.errors import InputError


def __getattr__(name: str) -> Any:
    # The API is imported on first use, so that `factcheck --version` stays light.
    if name in ("check_text", "load_rules"):
        from checker import api

        return getattr(api, name)
    if name == "InputError":
        from checker.errors import InputError

        return InputError
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
