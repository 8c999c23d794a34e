"""What the CI renderers need to know of a rule: its id, severity, description and help."""

from __future__ import annotations

from checker.language.geometry import split_sentences as split
from checker.models import Frozen, Severity


class RuleMeta(Frozen):
    """A rule as the report formats describe it; the rule engine adapts its rules to this."""

    id: str
    severity: Severity
    description: str
    help: str

    @property
    def short_description(self) -> str:
        """The first sentence of the description (the rule id when there is none)."""
        spans = split(self.description)
        if not spans:
            return self.id
        start, end = spans[0]
        return " ".join(self.description[start:end].split())
