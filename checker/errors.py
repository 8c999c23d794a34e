"""The errors a run can meet, and the exit status each one gives."""

from __future__ import annotations

CLEAN = 0  # no finding at or above --fail-on
FINDINGS = 1  # a finding at or above --fail-on
INPUT_ERROR = 2  # bad usage or input: a one-line message names the file and what is wrong
INTERNAL_ERROR = 3  # factcheck itself failed (a bug): the other documents were still checked
TERMINATED = 143  # SIGTERM, as a shell reports it (128 + 15)
INTERRUPTED = 130  # Ctrl-C (128 + 2)


class InputError(Exception):
    """Bad input or usage: `where: what is wrong (what to do)`, never a traceback."""

    def __init__(self, where: str, problem: str, hint: str = "") -> None:
        self.where = where
        self.problem = problem
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        """The one-line message for standard error."""
        text = f"{self.where}: {self.problem}" if self.where else self.problem
        return f"{text} ({self.hint})" if self.hint else text


def internal(where: str, exc: BaseException) -> str:
    """The one line that says factcheck failed on a file, without a traceback."""
    detail = " ".join(str(exc).split())[:200] or "no detail"
    prefix = f"{where}: " if where else ""
    return (
        f"{prefix}internal error, {type(exc).__name__}: {detail} "
        "(a bug in factcheck: please report it with the file)"
    )
