"""The analysis of one document: its tokens, phrases and clauses, with lookups by offset."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from checker.language import classes, clauses, coordination, nouns, numbers, tokens, verbs
from checker.language.geometry import Geometry


@dataclass
class Analysis:
    """What the language layer knows of a text; each layer is built the first time it is asked."""

    text: str  # the source-mapped text (markup blanked), offset for offset the file's
    geometry: Geometry
    tokens: list[tokens.Token] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, geometry: Geometry) -> Analysis:
        """Tokenise and tag a text whose sentences the geometry gives."""
        found = tokens.tokenize(text)
        sentence_starts: set[int] = set()
        # Token starts only grow: walk the sentence and paragraph starts beside them instead
        # of bisecting for each token (the geometry's `sentence_index`, done in one pass).
        sentences, paragraphs = geometry.sentence_starts, geometry.paragraph_starts
        sentence, paragraph = -1, -1
        previous = -2
        for token in found:
            start = token.start
            while sentence + 1 < len(sentences) and sentences[sentence + 1] <= start:
                sentence += 1
            while paragraph + 1 < len(paragraphs) and paragraphs[paragraph + 1] <= start:
                paragraph += 1
            token.sent, token.para = sentence, paragraph
            if sentence != previous:
                sentence_starts.add(token.i)
                previous = sentence
        classes.tag(found, sentence_starts)
        return cls(text, geometry, found)

    @cached_property
    def starts(self) -> list[int]:
        """Each token's start, for bisecting."""
        return [t.start for t in self.tokens]

    def token_index(self, offset: int) -> int:
        """The index of the token that holds or follows an offset."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and self.tokens[index].end > offset:
            return index
        return index + 1

    def span_tokens(self, start: int, end: int) -> tuple[int, int]:
        """The first and last token index inside `[start, end)` (last < first when none)."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end) - 1
        return first, last

    @cached_property
    def sentence_tokens(self) -> list[tuple[int, int]]:
        """The first and last token index of each sentence (empty sentences get (n, n - 1))."""
        spans: list[tuple[int, int]] = []
        count = len(self.geometry.sentences)
        sentence, first = -1, 0
        for token in self.tokens:  # sentence ids never fall along the tokens
            if token.sent != sentence:
                if 0 <= sentence < count:
                    spans.append((first, token.i - 1))
                sentence, first = token.sent, token.i
        if 0 <= sentence < count:
            spans.append((first, len(self.tokens) - 1))
        return spans

    @cached_property
    def numbers(self) -> list[numbers.NumberPhrase]:
        """Every number phrase."""
        return numbers.find(self.tokens)

    @cached_property
    def verb_groups(self) -> list[verbs.VerbGroup]:
        """Every verb group."""
        return verbs.find(self.tokens)

    @cached_property
    def noun_phrases(self) -> list[nouns.NounPhrase]:
        """Every noun phrase (pronouns included, as phrases of one word)."""
        return nouns.find(self.tokens)

    @cached_property
    def clauses(self) -> list[clauses.Clause]:
        """Every clause, sentence by sentence."""
        return clauses.segment(
            self.tokens, self.sentence_tokens, self.verb_groups, self.noun_phrases
        )

    @cached_property
    def coordinations(self) -> list[coordination.Coordination]:
        """Every coordination of phrases or clauses ("A, B and C"; "48% backed it, 31% …")."""
        return coordination.find(self)

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [c.first for c in self.clauses]

    def clause_of(self, index: int) -> int | None:
        """The clause that holds a token (the innermost: a parenthesis inside a clause wins)."""
        at = bisect.bisect_right(self._clause_starts, index) - 1
        while at >= 0:
            clause = self.clauses[at]
            if clause.first <= index <= clause.last:
                return at
            if self.clauses[at].sentence != self.tokens[index].sent:
                return None
            at -= 1
        return None

    @cached_property
    def _phrase_firsts(self) -> list[int]:
        return [p.first for p in self.noun_phrases]

    def phrases_before(self, index: int) -> int:
        """How many noun phrases start before token `index`."""
        return bisect.bisect_left(self._phrase_firsts, index)

    def phrase_of(self, index: int) -> int | None:
        """The noun phrase that holds a token, or None."""
        at = bisect.bisect_right(self._phrase_firsts, index) - 1
        if at >= 0 and self.noun_phrases[at].last >= index:
            return at
        return None

    @cached_property
    def _group_firsts(self) -> list[int]:
        return [g.first for g in self.verb_groups]

    def group_of(self, index: int) -> int | None:
        """The verb group that holds a token, or None."""
        at = bisect.bisect_right(self._group_firsts, index) - 1
        if at >= 0 and self.verb_groups[at].last >= index:
            return at
        return None

    def governing_verb(self, index: int) -> int | None:
        """The verb group a phrase at token `index` depends on: the nearest finite or participle
        group before it in its clause, else the first after it ("In 1975, X founded Y")."""
        clause_index = self.clause_of(index)
        if clause_index is None:
            return None
        clause = self.clauses[clause_index]
        before = [g for g in clause.verbs if self.verb_groups[g].last < index]
        if before:
            return before[-1]
        after = [g for g in clause.verbs if self.verb_groups[g].first > index]
        return after[0] if after else None

    def text_of(self, first: int, last: int) -> str:
        """The text from token `first` to token `last`, as written."""
        if last < first:
            return ""
        return self.text[self.tokens[first].start : self.tokens[last].end]
