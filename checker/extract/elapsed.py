"""Counts of years and occasions: "now in its 30th year", "its 16th anniversary", "turns 9 this
year", "celebrating 50 years", "its diamond jubilee", "the race's 18th outing", "returns for a
16th time", "the 22nd since the annual event began in 1996", "for the ninth year running"."""

from __future__ import annotations

from functools import cache

from checker.extract import spans
from checker.extract.base import Draft
from checker.extract.events import frequency_in, sentence_span
from checker.language import lexicon, numbers, relations
from checker.language.analysis import Analysis
from checker.language.nouns import kind_of_name
from checker.language.tokens import Token

_CELEBRATE = frozenset({"celebrate", "mark", "commemorate", "reach", "enter", "hit"})
_YEAR_UNITS = {"year": 1, "years": 1, "decade": 10, "decades": 10, "century": 100, "centuries": 100}
_RUNNING = frozenset({"running", "consecutive", "straight", "successive"})


@cache
def _series() -> frozenset[str]:
    return lexicon.words("series_nouns.txt")


@cache
def _jubilees() -> dict[tuple[str, ...], int]:
    return {tuple(row[0].split()): int(row[1]) for row in lexicon.rows("jubilees.tsv")}


@cache
def _jubilee_openers() -> frozenset[str]:
    return frozenset(words[0] for words in _jubilees())


def find(analysis: Analysis, taken: spans.Index, origins: list[Draft]) -> list[Draft]:
    """Every count of years or of occasions, with the mention of whose they are."""
    tokens = analysis.tokens
    out: list[Draft] = []
    openers = _jubilee_openers()
    for token in tokens:
        if token.tag not in ("ORD", "VERB") and token.lower not in openers:
            continue  # only an ordinal, a verb or a jubilee's first word opens a count
        if taken.overlapping(token.start, token.end):
            continue
        ordinal = numbers.ordinal_at(tokens, token.i)
        first, number = ordinal if ordinal is not None else (token.i, None)
        in_name = (
            token.kind == "word"
            and token.is_cap
            and token.i + 1 < len(tokens)
            and tokens[token.i + 1].tag == "PROPN"
        )
        # "first" is mostly a first occasion (an origin), but a first anniversary is a count
        nxt = tokens[token.i + 1].lower if token.i + 1 < len(tokens) else ""
        least = 1 if nxt in ("anniversary", "birthday") else 2
        if (
            number is not None and least <= number <= 1000 and not in_name
        ):  # "The Second Spin Laptop Scheme"
            draft = _counted(analysis, token, first, number, origins)
            if draft is not None:
                out.append(draft)
            continue
        if token.tag == "VERB" and token.lemma == "turn":
            out += _turns(analysis, token)
        elif token.tag == "VERB" and token.lemma in _CELEBRATE:
            draft = _celebrates(analysis, token)
            if draft is not None:
                out.append(draft)
        jubilee = _jubilee(analysis, token)
        if jubilee is not None:
            out.append(jubilee)
    return out


def _draft(analysis: Analysis, first: int, last: int, number: int, unit: str, cue: str) -> Draft:
    tokens = analysis.tokens
    if first > 0 and tokens[first - 1].tag == "POSS":
        first -= 1  # "its 25th anniversary": whose it is belongs to the claim
    start, end = tokens[first].start, tokens[last].end
    value = f"{lexicon.ordinal_suffix(number)} {unit}"
    draft = Draft(
        kind="ordinal", start=start, end=end, value=value, number=number, unit=unit, cue=cue
    )
    begin, stop = sentence_span(tokens, first)
    draft.frequency = frequency_in(tokens, begin, stop)
    return draft


def _subject(draft: Draft, analysis: Analysis, phrase: int | None) -> None:
    """The mention a count is about: "its" of "its ninth year" stands for the owner."""
    if phrase is not None:
        draft.extra["subject_span"] = relations.owner_span(analysis, phrase)


def _counted(
    analysis: Analysis, token: Token, first: int, number: int, origins: list[Draft]
) -> Draft | None:
    """An ordinal (its words from `first` to `token`) and what it counts: years of a life,
    anniversaries, or occasions of a series."""
    tokens = analysis.tokens
    i = token.i
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    prev = tokens[first - 1] if first > 0 else None
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if (
        nxt is not None
        and nxt.lower in _RUNNING | {"year", "full"}
        and (nxt.lower == "year" or (after and after.lower == "year"))
    ):
        year_at = i + 1 if nxt.lower == "year" else i + 2
        following = tokens[year_at + 1] if year_at + 1 < len(tokens) else None
        if (following is not None and following.lower in _RUNNING | {"in"}) or (
            nxt.lower in _RUNNING
        ):
            draft = _draft(
                analysis,
                first,
                year_at + (1 if following and following.lower in _RUNNING else 0),
                number,
                "consecutive year",
                "for the Nth year running",
            )
            draft.frequency = draft.frequency or "P1Y"
        elif prev is not None and (prev.tag == "POSS" or prev.lower == "the"):
            start = first - 1 if prev.tag == "POSS" else first
            if start > 0 and tokens[start - 1].lower == "in":
                start -= 1  # "now in its ninth year": the claim is being in that year
                if start > 0 and tokens[start - 1].lower in ("now", "currently", "already"):
                    start -= 1
            draft = _draft(
                analysis,
                start,
                year_at,
                number,
                "year",
                "in its Nth year",
            )
        else:
            return None
        _subject(draft, analysis, _owner(analysis, i))
        return draft
    if nxt is not None and nxt.lower in ("anniversary", "birthday", "jubilee"):
        unit = "birthday" if nxt.lower == "birthday" else "anniversary"
        draft = _draft(analysis, first, i + 1, number, unit, f"Nth {unit}")
        _subject(draft, analysis, _owner(analysis, i, of_allowed=True))
        return draft
    return _occasion(analysis, token, first, number, origins)


def _owner(analysis: Analysis, i: int, of_allowed: bool = False) -> int | None:
    """Whose count an ordinal is: "its"/"her" (the resolver follows it), "the race's", "the
    25th anniversary of X", a name ("The 29th Quenby Cross Makers' Market"), or the clause's
    subject ("the robotics firm is marking its …")."""
    tokens = analysis.tokens
    phrase = analysis.phrase_of(i)
    if phrase is not None:
        found = analysis.noun_phrases[phrase]
        if found.determiner in ("its", "their", "his", "her", "our"):
            clause_subject = relations.subject_of(analysis, i)
            # "its"/"their" may be the clause's thing; "his"/"her" is the resolver's person
            if clause_subject is not None and found.determiner in ("its", "their", "our"):
                subject = analysis.noun_phrases[clause_subject]
                singular = lexicon.plural_of_noun(subject.head.text) is None
                thing = subject.head.lemma not in lexicon.words("person_nouns.txt")
                if not subject.pronoun and subject.head.tag != "NUM" and singular and thing:
                    return clause_subject  # "the robotics firm is marking its 45th anniversary"
            return phrase
        if found.possessor is not None:
            owner = found.possessor
            if analysis.noun_phrases[owner].head.lemma not in lexicon.words("time_nouns.txt"):
                return owner  # "the race's 18th outing"
        if found.name:
            return phrase  # "The 29th Quenby Cross Makers' Market"
        if of_allowed or found.determiner == "the":
            owned = relations.of_phrase(analysis, phrase)
            if owned is not None:
                return _possessed(analysis, owned)
    before = i - 1
    while before >= 0 and tokens[before].lower in ("the", "a", "an"):
        before -= 1
    if before >= 0 and tokens[before].text in (",", "–", "—"):
        apposed = relations.phrase_before(analysis, before + 1)
        if apposed is not None:
            owned = relations.of_phrase(analysis, apposed)
            return (
                owned
                if owned is not None
                and analysis.noun_phrases[apposed].head.lower in ("edition", "staging")
                else apposed
            )
    clause_subject = relations.subject_of(analysis, i)
    if (
        phrase is not None
        and clause_subject is not None
        and analysis.noun_phrases[phrase].first > 1
    ):
        opener = tokens[analysis.noun_phrases[phrase].first - 1]
        if opener.tag == "ADP" and analysis.noun_phrases[clause_subject].last == opener.i - 1:
            return phrase  # "Applications for the 21st round": the round's, not the applications'
    return clause_subject


def _possessed(analysis: Analysis, phrase: int) -> int:
    """The last phrase of a possessive chain: "bursaries" of "the Shed's Founders' bursaries"."""
    phrases = analysis.noun_phrases
    while True:
        owned = [p for p in range(phrase + 1, min(phrase + 3, len(phrases)))
                 if phrases[p].possessor == phrase]  # fmt: skip
        if not owned:
            return phrase
        phrase = owned[0]


def _occasion(
    analysis: Analysis, token: Token, first: int, number: int, origins: list[Draft]
) -> Draft | None:
    """`the race's 18th outing`, `the 39th annual conference`, `a 16th time`, `its 7th cohort`,
    `The 29th Quenby Cross Makers' Market`, and an occasion left unnamed: `the 22nd since …`,
    `the fourth so far`, `this year's is the 30th`."""
    tokens = analysis.tokens
    i = token.i
    prev = tokens[first - 1] if first > 0 else None
    if prev is None or not (
        prev.tag in ("DET", "POSS") or prev.kind == "clitic" or prev.lower in ("a", "an")
    ):
        return None
    j = i + 1
    noun: Token | None = None
    while (
        j < len(tokens)
        and j - i <= 5
        and tokens[j].tag in ("ADJ", "NOUN", "PROPN", "ADV")
        and not tokens[j].line_start
    ):
        if tokens[j].lower in _series() or lexicon.singular(tokens[j].lower) in _series():
            noun = tokens[j]
        if (
            tokens[j].tag == "PROPN"
            and j + 1 < len(tokens)
            and tokens[j + 1].tag not in ("NOUN", "PROPN", "PART", "PUNCT")
        ):
            noun = noun or tokens[j]
        j += 1
    phrase = analysis.phrase_of(i)
    named = (
        phrase is not None
        and analysis.noun_phrases[phrase].name
        and analysis.noun_phrases[phrase].last > i
    )
    if noun is None and named and phrase is not None:
        noun = analysis.noun_phrases[phrase].head
    # "the 22nd since …", "the sixth so far", "is the 30th": no noun after the ordinal
    elided = noun is None and not any(t.tag in ("NOUN", "PROPN") for t in tokens[i + 1 : j])
    if noun is None and not elided:
        return None
    if (
        noun is not None
        and noun.lower in ("time", "times")
        and not (
            prev.lower in ("a", "an", "the") and first >= 2 and tokens[first - 2].lower == "for"
        )
    ):
        return None  # "the 3rd time zone"; "returns for a 16th time" keeps it
    unit = lexicon.singular(noun.lower) if noun is not None and noun.tag != "PROPN" else "occasion"
    last = noun.i if noun is not None else i
    apposed = None
    if elided:
        last, unit, apposed = _of_its_kind(analysis, first, i, unit)
    if named and phrase is not None:
        last = analysis.noun_phrases[phrase].last
    draft = _draft(analysis, first, last, number, unit, "the Nth occasion")
    words = [t.lower for t in tokens[i + 1 : last + 1]]
    for word in words:
        period = lexicon.table("frequencies.tsv").get(word)
        if period:
            draft.frequency = period[0]
    if apposed is not None:
        _subject(
            draft, analysis, apposed
        )  # "Today's festival, the 90th of its kind": the festival's
    elif unit in lexicon.words("occasion_nouns.txt") or phrase is None:
        _subject(draft, analysis, _owner(analysis, i, of_allowed=True))
    else:
        _subject(
            draft, analysis, phrase
        )  # "the 39th annual conference of the Federation": the series
    _since(analysis, draft, last, origins)
    return draft


def _of_its_kind(analysis: Analysis, first: int, i: int, unit: str) -> tuple[int, str, int | None]:
    """`Today's meeting, the eighth of its kind`: the claim runs to "kind", and counts what
    the phrase it stands beside names (that phrase is returned: the count is its)."""
    tokens = analysis.tokens
    words = [t.lower for t in tokens[i + 1 : i + 4]]
    last = i + 3 if words[:1] == ["of"] and words[2:3] == ["kind"] else i
    if words[:2] in (["so", "far"], ["to", "date"]):
        last = i + 2  # "the sixth so far"
    if first >= 2 and tokens[first - 2].text in (",", "–", "—"):
        apposed = relations.phrase_before(analysis, first - 1)
        if apposed is not None:
            head = analysis.noun_phrases[apposed].head
            if head.tag == "NOUN" and lexicon.singular(head.lower) in _series():
                return last, lexicon.singular(head.lower), apposed
    return last, unit, None


def _since(analysis: Analysis, draft: Draft, last: int, origins: list[Draft]) -> None:
    """`the 22nd since the annual event began in 1996`, `the ninth since its launch in 2016`:
    the count starts at the beginning said after "since"; `since the launch of X` counts from
    X's beginning."""
    tokens = analysis.tokens
    k = last + 1
    while (
        k < len(tokens) and k - last <= 4 and tokens[k].lower in ("of", "its", "kind", "so", "far")
    ):
        k += 1
    if k >= len(tokens) or tokens[k].lower not in ("since", "after"):
        return
    _, end = sentence_span(tokens, k)
    for origin in origins:
        if tokens[k].start < origin.start and origin.start <= tokens[end].start:
            draft.links.append(origin)
            draft.extra["anchored"] = True
            return
    j = k + 1
    while j < len(tokens) and tokens[j].lower in ("the", "its"):
        j += 1
    if (
        j < len(tokens)
        and tokens[j].lower in lexicon.table("origin_nouns.tsv")
        and j + 2 < len(tokens)
        and tokens[j + 1].lower == "of"
    ):
        phrase = analysis.phrase_of(j + 2)
        if phrase is not None:
            found = analysis.noun_phrases[phrase]
            draft.extra["anchor_span"] = (found.start, found.end)


def _turns(analysis: Analysis, token: Token) -> list[Draft]:
    """`turns 9 this year`, `who turns 78 this year`: an anniversary or an age (both are made;
    the subject's kind decides which check reads it)."""
    tokens = analysis.tokens
    nxt = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
    if nxt is None or nxt.tag != "NUM" or nxt.kind not in ("number", "word"):
        return []
    value = lexicon.number_words().get(nxt.lower)
    digits = nxt.text.isdecimal() and len(nxt.text) <= 4
    number = int(nxt.text) if digits else int(value.value) if value else None
    if number is None or not 1 <= number <= 1000:
        return []
    subject = relations.subject_of(analysis, token.i)
    anniversary = _draft(analysis, token.i, nxt.i, number, "anniversary", "turns N")
    age = Draft(kind="age", start=tokens[token.i].start, end=nxt.end, value=f"{number} years old",
                number=number, unit="year", cue="turns")  # fmt: skip
    kind = _kind(analysis, subject)
    made = [
        d for d, wanted in ((anniversary, "thing"), (age, "person")) if kind in (wanted, "either")
    ]
    for draft in made:
        _subject(draft, analysis, subject)
    return made


def _kind(analysis: Analysis, phrase: int | None) -> str:
    """Whether a subject is a person ("she", "Dr Achebe"), a thing ("the café", "Veltrane
    Robotics") or could be either (a surname)."""
    if phrase is None:
        return "either"
    found = analysis.noun_phrases[phrase]
    if found.pronoun:
        return "person" if found.head.lower in ("he", "she", "him", "her") else "thing"
    if found.name:
        kind = kind_of_name(found, analysis.tokens)
        return {"person": "person", "organisation": "thing"}.get(kind, "either")
    return "person" if found.head.lemma in lexicon.words("person_nouns.txt") else "thing"


def _celebrates(analysis: Analysis, token: Token) -> Draft | None:
    """`is celebrating 50 years`, `celebrates 30 years with the bike kitchen`, `marks three
    decades`, `is celebrating a decade of …`: the years since the subject began ("a year of
    record sales" is no anniversary: a single year counts only in figures or words)."""
    tokens = analysis.tokens
    j = token.i + 1
    if j + 1 >= len(tokens) or tokens[j + 1].lower not in _YEAR_UNITS:
        return None
    count = tokens[j]
    one = count.lower == "a" and tokens[j + 1].lower in ("decade", "century")
    if count.tag != "NUM" and not one:
        return None
    value = lexicon.number_words().get(count.lower)
    number = (
        1
        if one
        else int(count.text)
        if count.text.isdecimal() and len(count.text) <= 4
        else int(value.value)
        if value
        else None
    )
    if number is None:
        return None
    after = tokens[j + 2] if j + 2 < len(tokens) else None
    if after is not None and after.lower in ("since", "after", "ago"):
        return None  # "marks 25 years since …" is read elsewhere
    years = number * _YEAR_UNITS[tokens[j + 1].lower]
    draft = _draft(analysis, j, j + 1, years, "anniversary", "celebrating N years")
    _subject(draft, analysis, relations.subject_of(analysis, token.i))
    return draft


def _jubilee(analysis: Analysis, token: Token) -> Draft | None:
    """`its diamond jubilee`, `the centenary`: an anniversary named by a word."""
    tokens = analysis.tokens
    if token.lower not in _jubilee_openers():
        return None
    for size in (2, 1):
        key = tuple(t.lower for t in tokens[token.i : token.i + size])
        if len(key) == size and key in _jubilees():
            years = _jubilees()[key]
            draft = _draft(
                analysis, token.i, token.i + size - 1, years, "anniversary", " ".join(key)
            )
            _subject(draft, analysis, _owner(analysis, token.i, of_allowed=True))
            return draft
    return None
