"""One tokenizer for the whole program: words, numbers, punctuation, with code-point offsets."""

from __future__ import annotations

import re

# Numbers keep their separators and a suffix ("1,340", "2.9bn", "21st", "61-year-old", "1980s");
# words keep hyphens and inner apostrophes ("full-time", "O'Brien", "don't") but give up a
# possessive "'s", which is a token of its own ("the festival 's twelfth outing").
_WORDS = (
    r"(?P<abbr>(?:[A-Za-z]\.){2,}(?![A-Za-z]))"
    r"|(?P<number>\d+(?:[.,]\d+)*(?:[^\W\d_]+)?(?:[-‐][^\W\d_]+)*)"
    r"|(?P<word>[^\W\d_]\w*(?:[-‐]\w+)*(?:['’](?![sS]\b)[^\W\d_]+)*)"
    r"|(?P<clitic>['’][sS]\b)"
    r"|(?P<punct>\S)"
)
_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>()\"']*[^\s<>()\"'.,;:!?])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)|" + _WORDS
)
# Most texts hold no address: without its two alternatives, tried at every word, a scan is
# a quarter faster.
_PLAIN = re.compile(_WORDS)

_NO_FORMS: frozenset[str] = frozenset()


class Token:
    """A token: its text, span, kind, and what the layer learns of it (class, lemma, forms)."""

    __slots__ = (
        "end",
        "forms",
        "i",
        "kind",
        "lemma",
        "line_start",
        "lower",
        "para",
        "sent",
        "space",
        "start",
        "tag",
        "text",
    )

    def __init__(
        self, i: int, text: str, start: int, end: int, kind: str, space: bool, line_start: bool
    ) -> None:
        self.i = i
        self.text = text
        self.lower = lower = text.lower()
        self.start = start
        self.end = end
        self.kind = kind  # word, number, punct, clitic, abbr, url, email
        self.space = space  # whitespace before it
        self.line_start = line_start  # first token of its line
        self.sent = 0
        self.para = 0
        self.tag = ""  # the word class, set by checker.language.classes
        self.lemma = lower
        self.forms: frozenset[str] = _NO_FORMS

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.tag}, {self.start})"

    @property
    def is_cap(self) -> bool:
        """Whether the token starts with a capital letter."""
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """The tokens of a text, in order; whitespace is not a token."""
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    previous_end = 0
    scanner = _TOKEN if "@" in text or "://" in text or "www." in text else _PLAIN
    for m in scanner.finditer(text):
        start, end = m.span()
        line_start = not tokens or find("\n", previous_end, start) >= 0
        append(
            Token(
                len(tokens), m.group(), start, end, m.lastgroup or "punct",
                start > previous_end, line_start,
            )
        )  # fmt: skip
        previous_end = end
    return tokens
