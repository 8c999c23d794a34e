"""The error a user can fix: printed as one line, exit status 2."""


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
