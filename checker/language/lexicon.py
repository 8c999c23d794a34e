"""The word classes and lexicons of `checker/language/data`, read once and kept."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

VerbForm = str  # "base", "3sg", "past", "participle", "gerund"


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a data file: its lines without comments, split at tabs."""
    text = resources.files("checker.language").joinpath("data").joinpath(name).read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """A one-column data file as a set of entries (`words("prepositions.txt")`)."""
    return frozenset(row[0] for row in rows(name))


@cache
def pairs(name: str) -> frozenset[tuple[str, str]]:
    """A two-column data file as a set of pairs (`pairs("light_verbs.tsv")`)."""
    return frozenset((row[0], row[1]) for row in rows(name))


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """A data file keyed by its first column, the other columns as the value."""
    return {row[0]: row[1:] for row in rows(name)}


_IRREGULAR_THIRD_PERSON = {"be": "is", "have": "has"}


def _third_person(base: str) -> str:
    if base in _IRREGULAR_THIRD_PERSON:
        return _IRREGULAR_THIRD_PERSON[base]
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _doubles(base: str) -> bool:
    """Whether a final consonant may double before -ed/-ing ("stop" → "stopped")."""
    return (
        len(base) >= 3
        and base[-1] not in "aeiouwxy"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
    )


def _pasts(base: str) -> list[str]:
    if base.endswith("e"):
        return [base + "d"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base[:-1] + "ied"]
    forms = [base + "ed"]
    if _doubles(base):
        forms.append(base + base[-1] + "ed")
    return forms


def _gerunds(base: str) -> list[str]:
    if base.endswith("ie"):
        return [base[:-2] + "ying"]
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return [base[:-1] + "ing"]
    forms = [base + "ing"]
    if _doubles(base):
        forms.append(base + base[-1] + "ing")
    return forms


@cache
def verb_forms() -> dict[str, tuple[str, frozenset[VerbForm]]]:
    """Every known verb form: the lemma and which forms it can be ("set" is base, past and
    participle)."""
    found: dict[str, tuple[str, set[VerbForm]]] = {}

    def add(form: str, lemma: str, kind: VerbForm) -> None:
        entry = found.setdefault(form, (lemma, set()))
        entry[1].add(kind)

    irregular = table("irregular_verbs.tsv")
    bases = sorted(words("verbs.txt") | set(irregular))
    # A form two verbs share takes its lemma from the first verb that makes it, so the order
    # is fixed (a set's order follows the hash seed) and past forms come first: "saw", "found"
    # and "fell" in a release are far more often "see", "find" and "fall" than base forms.
    for base in bases:
        past, participle = irregular.get(base) or ("|".join(_pasts(base)),) * 2
        for form in past.split("|"):
            add(form, base, "past")
        for form in participle.split("|"):
            add(form, base, "participle")
    for base in bases:
        add(base, base, "base")
        add(_third_person(base), base, "3sg")
        for gerund in _gerunds(base):
            add(gerund, base, "gerund")
    return {form: (lemma, frozenset(kinds)) for form, (lemma, kinds) in found.items()}


@dataclass(frozen=True)
class Number:
    """A number word: its value and kind (cardinal, ordinal, scale, fraction, multiplier, count)."""

    value: float
    kind: str


@cache
def number_words() -> dict[str, Number]:
    """Number words, with the compounds "twenty-one" and "twenty-first" composed."""
    found = {row[0]: Number(float(row[1]), row[2]) for row in rows("numbers.tsv")}
    units = {w: n for w, n in found.items() if n.kind == "cardinal" and 1 <= n.value <= 9}
    ordinal_units = {w: n for w, n in found.items() if n.kind == "ordinal" and 1 <= n.value <= 9}
    tens = {w: n for w, n in found.items() if n.kind == "cardinal" and n.value in range(20, 100)}
    for ten, ten_number in tens.items():
        for unit, unit_number in units.items():
            found[f"{ten}-{unit}"] = Number(ten_number.value + unit_number.value, "cardinal")
        for unit, unit_number in ordinal_units.items():
            found[f"{ten}-{unit}"] = Number(ten_number.value + unit_number.value, "ordinal")
    return found


def plural_of_noun(word: str) -> str | None:
    """The singular of a word that looks like a plural noun, or None ("teachers" → "teacher")."""
    lower = word.lower()
    irregular = table("irregular_plurals.tsv")
    if lower in irregular:
        return irregular[lower][0]
    if lower in words("not_plural.txt") or len(lower) < 3 or not lower.endswith("s"):
        return None
    if lower.endswith(("ss", "us", "is")) or "'" in lower or "’" in lower:
        return None
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        return lower[:-2]
    return lower[:-1]


def singular(word: str) -> str:
    """A noun's singular form (itself when it is not a plural)."""
    return plural_of_noun(word) or word.lower()


@dataclass(frozen=True)
class Hedge:
    """An interval around an amount: factors of the amount (None: open) and which ends count."""

    low: float | None
    high: float | None
    bounds: str


@cache
def hedges() -> dict[str, Hedge]:
    """The hedges before an amount ("nearly", "more than"), by their words."""
    out = {}
    for word, low, high, bounds in rows("hedges.tsv"):
        out[word] = Hedge(
            None if low == "-" else float(low), None if high == "-" else float(high), bounds
        )
    return out


def ordinal_suffix(number: int) -> str:
    """Digits with their suffix: 1st, 2nd, 11th, 23rd."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def ordinal_word(number: int) -> str:
    """The word for an ordinal up to the hundredth, else digits with a suffix ("eleventh")."""
    for word, value in number_words().items():
        if value.kind == "ordinal" and value.value == number:
            return word
    return ordinal_suffix(number)
