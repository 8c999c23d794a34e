"""Ages and births: "X, 54,", "X (54)", "aged 54", "the 54-year-old", "at the age of 29",
"is 77", "which makes her 31", "was 24 when he joined … in 2019", "born in 1970", "Born on 13
June 1932, X …", "(born 1970)"; each with the mention of the person it is about."""

from __future__ import annotations

from checker.extract import spans
from checker.extract.base import Draft
from checker.extract.events import sentence_span
from checker.language import lexicon, relations
from checker.language.analysis import Analysis
from checker.language.nouns import kind_of_name
from checker.language.tokens import Token

_AGE_WORDS = frozenset({"aged", "age"})
_END_OF_APPOSITION = frozenset(
    {",", ".", ";", ")", "and", "who", "is", "was", "has", "will", "said"}
)


def _value(token: Token) -> int | None:
    if token.kind == "number" and token.text.isdecimal():
        return int(token.text) if len(token.text) <= 3 else None  # an age has at most 3 digits
    word = lexicon.number_words().get(token.lower)
    return int(word.value) if word is not None and word.kind == "cardinal" else None


def _person(analysis: Analysis, phrase: int | None) -> bool:
    """Whether a noun phrase can be a person: a person's name, a surname, he or she, a noun
    for a person ("the firefighter")."""
    if phrase is None:
        return False
    found = analysis.noun_phrases[phrase]
    if found.pronoun:
        return found.head.lower in ("he", "she", "him", "her")
    if found.name:
        return kind_of_name(found, analysis.tokens) in ("person", "unknown")
    return found.head.lemma in lexicon.words("person_nouns.txt")


def find(analysis: Analysis, taken: spans.Index, atoms: list[Draft]) -> list[Draft]:
    """Stated ages with the person they belong to, and births."""
    out = list(_births(analysis, atoms))
    born = spans.Index(out)
    tokens = analysis.tokens
    births = {id(link) for b in out for link in b.links}
    for token in tokens:
        if token.tag != "NUM" and "year-old" not in token.lower:
            continue  # only a number or "N-year-old" can state an age
        if taken.overlapping(token.start, token.end) or born.overlapping(token.start, token.end):
            continue
        draft = _age_at(analysis, token)
        if draft is not None:
            if draft.extra.pop("moment", False):
                _moment(analysis, draft, [a for a in atoms if id(a) not in births])
            out.append(draft)
    return out


def _moment(analysis: Analysis, age: Draft, atoms: list[Draft]) -> None:
    """`at the age of 29 … in 1999`, `was 24 when he joined … in 2019`: the age at the date
    the sentence gives for the event."""
    tokens = analysis.tokens
    first, last = sentence_span(tokens, analysis.token_index(age.start))
    dates = [a for a in atoms if a.kind == "date" and a.date is not None
             and tokens[first].start <= a.start <= tokens[last].end
             and not _bounds_a_period(analysis, a)]  # fmt: skip
    if dates:
        age.links.append(min(dates, key=lambda d: abs(d.start - age.start)))


def _bounds_a_period(analysis: Analysis, atom: Draft) -> bool:
    """`since 2021`, `until 2019`: a date that opens or closes a period is no moment an age
    was reached at ("… since 2021, Whiting has honed his skills, becoming … at the age of 15")."""
    index = analysis.token_index(atom.start)
    k = index - 1
    while k >= 0 and analysis.tokens[k].tag in ("DET", "MONTH", "NUM") and index - k < 4:
        k -= 1  # "since the spring of 2021", "until May 2019"
    return k >= 0 and analysis.tokens[k].lower in ("since", "until", "till", "through")


def _age(
    analysis: Analysis, first: int, last: int, number: int, cue: str, person: int | None
) -> Draft | None:
    if not 1 <= number <= 119:
        return None
    tokens = analysis.tokens
    draft = Draft(kind="age", start=tokens[first].start, end=tokens[last].end,
                  value=f"{number} years old", number=number, unit="year", cue=cue)  # fmt: skip
    if person is not None:
        found = analysis.noun_phrases[person]
        draft.extra["subject_span"] = (found.start, found.end)
    return draft


def _age_at(analysis: Analysis, token: Token) -> Draft | None:
    tokens = analysis.tokens
    i = token.i
    if token.kind in ("number", "word") and "year-old" in token.lower:
        head = token.lower.split("-year-old")[0]
        word = lexicon.number_words().get(head)
        years = int(head) if head.isdecimal() else int(word.value) if word is not None else None
        if years is None or _thing_described(analysis, i):
            return None
        return _age(analysis, i, i, years, "N-year-old", _year_old_person(analysis, i))
    number = _value(token) if token.tag == "NUM" else None
    if number is None or i == 0:
        return None
    prev = tokens[i - 1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    words = [t.lower for t in tokens[max(0, i - 4) : i]]
    apposed = _apposed(analysis, i)
    if apposed is not None:
        return _age(analysis, i, i, number, "apposition", apposed)
    if prev.lower == "aged":
        person = (
            relations.phrase_before(analysis, i - 1)
            if i >= 2 and tokens[i - 2].text == ","
            else None
        )
        if person is None or not _person(analysis, person):
            person = _subject(analysis, i)
        return _age(analysis, i - 1, i, number, "aged", person)
    if words[-4:] == ["at", "the", "age", "of"]:
        draft = _age(analysis, i - 4, i, number, "at the age of", _subject(analysis, i))
        if draft is not None:
            draft.extra["moment"] = True
        return draft
    if (
        prev.lower in ("him", "her")
        and i >= 2
        and tokens[i - 2].lower in ("makes", "made", "making")
        and _bare(nxt)
    ):  # "makes her 42,", not "made him one of the most distinctive voices"
        return _age(analysis, i, i, number, "makes", analysis.phrase_of(i - 1))
    named = analysis.phrase_of(i - 1) if prev.tag == "PROPN" else None
    if named is not None and _bare(nxt) and _person(analysis, named):
        found = analysis.noun_phrases[named]
        if found.first > 0 and tokens[found.first - 1].lemma == "make":
            return _age(analysis, i, i, number, "makes", named)  # "That makes Chandrasekar 41"
    if prev.tag == "AUX" and prev.lemma == "be" and _bare(nxt):
        subject = _subject(analysis, i)
        if _person(analysis, subject):
            past = prev.lower in ("was", "were")
            draft = _age(analysis, i, i, number, "was N" if past else "is N", subject)
            if draft is not None and past:
                draft.extra["moment"] = True  # "was 24 when he joined … in 2019"
            return draft
    return None


def _bare(token: Token | None) -> bool:
    """Whether a number after "is" stands alone, as an age does ("is 77 and still …")."""
    if token is None:
        return True
    if token.tag in ("NOUN", "PROPN", "SYM", "NUM"):
        return False
    return token.lower not in ("percent", "per", "years", "of", "million", "billion", "times")


def _apposed(analysis: Analysis, i: int) -> int | None:
    """`Agnieszka Marchbank, 46,`, `Kofi Mensah, now 66,`, `Arroyo (34)`: the name before."""
    tokens = analysis.tokens
    prev = tokens[i - 1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    opener = i - 1
    if prev.lower == "now" and i >= 2 and tokens[i - 2].text == ",":
        opener = i - 2
    if tokens[opener].text == "(":
        closes = nxt is not None and nxt.text == ")"
    elif tokens[opener].text == ",":
        closes = nxt is None or nxt.lower in _END_OF_APPOSITION
    else:
        return None
    person = relations.phrase_before(analysis, opener)
    if not closes or person is None or not analysis.noun_phrases[person].name:
        return None
    return person if _person(analysis, person) else None


def _subject(analysis: Analysis, i: int) -> int | None:
    """The person a clause is about: its subject, or the name beside a description of them."""
    return named(analysis, relations.subject_of(analysis, i))


def named(analysis: Analysis, phrase: int | None) -> int | None:
    """The name a description stands beside: `Zainab Oyelaran, a retired vet` and `The 71-year-
    old pharmacist who now runs the shed, Jonah Estabrook,` are the named person."""
    if phrase is None:
        return None
    found = analysis.noun_phrases[phrase]
    if found.name or found.pronoun:
        return phrase
    tokens = analysis.tokens
    k = found.first
    for _ in range(3):  # "Haruto Sakamoto, aged 51, a retired chef": back over the age
        if k == 0 or tokens[k - 1].text != ",":
            break
        before = relations.phrase_before(analysis, k)
        if before is not None and analysis.noun_phrases[before].name and _person(analysis, before):
            return before
        j = k - 2
        while j > 0 and tokens[j].text != "," and k - j < 4:
            j -= 1
        if tokens[j].text != ",":
            break
        k = j + 1
    _, end = sentence_span(tokens, found.last)
    for k in range(found.last + 1, min(end, found.last + 12)):
        if tokens[k].tag in ("AUX", "MODAL") or (
            tokens[k].tag == "VERB"
            and k > found.last + 1
            and tokens[k - 1].text != ","
            and tokens[k - 1].tag not in ("SCONJ", "ADV")
        ):
            break
        named = _named_after_comma(analysis, k)
        if named is not None:
            return named
    return phrase


def _named_after_comma(analysis: Analysis, k: int) -> int | None:
    """The person's name that follows a comma at token `k` (", Emeka Nwosu,"), if any."""
    if analysis.tokens[k].text != "," or k + 1 >= len(analysis.tokens):
        return None
    candidate = analysis.phrase_of(k + 1)
    if (
        candidate is not None
        and analysis.noun_phrases[candidate].name
        and _person(analysis, candidate)
    ):
        return candidate
    return None


def _thing_described(analysis: Analysis, i: int) -> bool:
    """`a three-year-old programme`, `the 150-year-old building`: the age of a thing."""
    phrase = analysis.phrase_of(i)
    if phrase is None:
        return False
    head = analysis.noun_phrases[phrase].head
    if head.i == i or head.lemma in lexicon.words("person_nouns.txt"):
        return False
    things = (
        lexicon.words("organisation_heads.txt")
        | lexicon.words("series_nouns.txt")
        | lexicon.words("event_nouns.txt")
        | lexicon.words("thing_nouns.txt")
    )
    return head.lemma in things or lexicon.singular(head.lower) in things


def _year_old_person(analysis: Analysis, i: int) -> int | None:
    """`The 53-year-old firefighter …, Emeka Nwosu,`, `X, a 61-year-old engineer`: the name
    beside the description, else the clause's subject."""
    tokens = analysis.tokens
    phrase = analysis.phrase_of(i)
    if phrase is not None:
        found = analysis.noun_phrases[phrase]
        before = relations.phrase_before(analysis, found.first)
        if (
            before is not None
            and found.first > 0
            and tokens[found.first - 1].text == ","
            and analysis.noun_phrases[before].name
        ):
            return before
        _, end = sentence_span(tokens, i)
        for k in range(found.last + 1, min(end, found.last + 12)):
            named = _named_after_comma(analysis, k)
            if named is not None:
                return named
        if found.head.i != i:
            return phrase  # "he cared for a 45-year-old man": the man's age, not his
    return relations.subject_of(analysis, i)


def _births(analysis: Analysis, atoms: list[Draft]) -> list[Draft]:
    """`born in 1970`, `born in Ferncliff in 1948`, `Born on 13 June 1932, X …`, `(b. 1970)`."""
    tokens = analysis.tokens
    out = []
    for atom in atoms:
        if atom.kind != "date" or atom.date is None:
            continue
        index = analysis.token_index(atom.start)
        born = next((k for k in range(index - 1, max(-1, index - 7), -1)
                     if tokens[k].lower in ("born", "b.", "b")), None)  # fmt: skip
        if born is None or any(t.text in (".", ";") for t in tokens[born + 1 : index]):
            continue
        draft = Draft(kind="birth", start=tokens[born].start, end=atom.end, value=atom.value,
                      date=atom.date, cue="born", links=[atom])  # fmt: skip
        group = analysis.group_of(born)
        person = None
        if (
            group is not None
            and not analysis.verb_groups[group].finite
            and born > 0
            and tokens[born - 1].text in (",", "(")
        ):
            person = relations.phrase_before(analysis, born)
        if person is None and born > 0 and tokens[born - 1].text == "(":
            person = relations.phrase_before(analysis, born)
        if person is None and born > 0 and tokens[born - 1].tag in ("NOUN", "PROPN"):
            person = analysis.phrase_of(born - 1)  # "a retired geologist born in 1949"
        if person is None:
            person = relations.subject_of(analysis, born)
        person = named(analysis, person)
        if person is not None:
            found = analysis.noun_phrases[person]
            draft.extra["subject_span"] = (found.start, found.end)
        out.append(draft)
    return out
