"""Check types, one module each, registered by the name a rule's `check:` gives."""

from __future__ import annotations

import importlib
import pkgutil

from checker.checks.base import REGISTRY, CheckType, Hit, Params

__all__ = ["REGISTRY", "CheckType", "Hit", "Params"]

# Every module of this package but the shared ones registers its check type on import.
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module not in ("base", "common"):
        importlib.import_module(f"{__name__}.{_module}")
