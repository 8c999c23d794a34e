"""Word classes: each token's class from the data files, its morphology and its neighbours.

A small rule tagger, not a statistical one: closed classes come straight from the lexicon; an
open-class word is a verb, a noun or a name by its form (a known verb form, -ed, -ing, -ly,
a capital) and by the words around it ("the opened doors" is not a verb, "the Trust opened" is).
Tags: DET POSS PRON ADP CCONJ SCONJ AUX MODAL TO NEG PART NUM ORD PUNCT SYM MONTH WEEKDAY PROPN
NOUN VERB ADJ ADV.
"""

from __future__ import annotations

from functools import cache

from checker.language import lexicon
from checker.language.tokens import Token

_SYMBOLS = frozenset("%$€£¥₹₩₦₽₺₪+&@#/§°")
_NOUNISH = frozenset({"NOUN", "PROPN", "NUM", "ORD", "ADJ"})
_BEFORE_NOUN = frozenset({"DET", "POSS", "NUM", "ORD", "ADJ", "PART"})
_SUBJECTS = frozenset({"NOUN", "PROPN", "PRON"})
# (text, kind, sentence start) → the tag, lemma and verb forms a token has by itself
_LEXICAL: dict[tuple[str, str, bool], tuple[str, str, frozenset[str]]] = {}


@cache
def _closed() -> dict[str, str]:
    """Closed-class words and their tag; of two classes, the first listed here wins."""
    tags: dict[str, str] = {}
    order = [
        ("negations.txt", "NEG"),
        ("coordinators.txt", "CCONJ"),
        ("modals.tsv", "MODAL"),
        ("auxiliaries.tsv", "AUX"),
        ("possessives.tsv", "POSS"),
        ("pronouns.tsv", "PRON"),
        ("existential.txt", "PRON"),
        ("subordinators.txt", "SCONJ"),
        ("determiners.tsv", "DET"),
        ("prepositions.txt", "ADP"),
        ("comparatives.txt", "ADJ"),
        ("adjectives.txt", "ADJ"),
        ("adverbs.txt", "ADV"),
    ]
    for name, tag in order:
        for word in lexicon.words(name):
            tags.setdefault(word, tag)
    tags["to"] = "TO"
    return tags


@cache
def _calendar() -> dict[str, str]:
    return {word: row[0].upper() for word, row in lexicon.table("calendar.tsv").items()}


def tag(tokens: list[Token], sentence_starts: set[int]) -> None:
    """Give every token its tag, lemma and verb forms, left to right."""
    closed = _closed()
    calendar = _calendar()
    numbers = lexicon.number_words()
    forms = lexicon.verb_forms()
    auxiliaries = lexicon.table("auxiliaries.tsv")
    known = _LEXICAL
    # The words the text also writes in lower case: "Cars account for …" starts with a noun.
    lowered: set[str] = set()
    for token in tokens:
        if token.kind == "word" and not token.text[:1].isupper():
            lowered.add(token.lower)
        # A token's own tag depends on its text, kind and sentence start only: the same words
        # come back in every release, so it is looked up once per process, not per token.
        key = (token.text, token.kind, token.i in sentence_starts)
        lexical = known.get(key)
        if lexical is None:
            word_class = _lexical(token, key[2], closed, calendar, numbers, forms)
            lemma, verb_forms = token.lemma, token.forms
            if token.kind == "word" and token.lower in forms:
                lemma, verb_forms = forms[token.lower]
            if word_class == "AUX":
                lemma = auxiliaries.get(token.lower, (lemma,))[0]
            lexical = word_class, lemma, verb_forms
            if len(known) > 200_000:  # a long batch: keep memory flat
                known.clear()
            known[key] = lexical
        token.tag, token.lemma, token.forms = lexical
    for token in tokens:
        if token.tag == "?":
            token.tag = _open(tokens, token, token.i in sentence_starts, lowered)
        elif token.tag in ("SCONJ", "POSS") and token.lower in ("that", "her"):
            token.tag = _that_or_her(tokens, token)
        elif token.tag == "TO":
            token.tag = _to(tokens, token)
    _months_as_names(tokens)
    _possessive_clitics(tokens)
    _first_as_adverb(tokens)
    _light_verbs(tokens)
    _nouns_before_auxiliaries(tokens)
    _plurals_after_numbers(tokens)
    _plural_objects(tokens)


def _lexical(
    token: Token,
    first: bool,
    closed: dict[str, str],
    calendar: dict[str, str],
    numbers: dict[str, lexicon.Number],
    forms: dict[str, tuple[str, frozenset[str]]],
) -> str:
    """The tag a token has by itself, or "?" when its neighbours must decide."""
    kind, lower = token.kind, token.lower
    if kind == "number":
        return "ORD" if lower[-2:] in ("st", "nd", "rd", "th") and lower[:-2].isdecimal() else "NUM"
    if kind == "clitic":
        return "PART"
    if kind == "punct":
        return "SYM" if token.text in _SYMBOLS else "PUNCT"
    if kind in ("url", "email"):
        return "PROPN"
    if lower in calendar and (token.is_cap or len(lower) > 3) and lower != "may":
        return calendar[lower]
    if lower == "may" and token.is_cap and not first:
        return "MONTH"
    number = numbers.get(lower)
    if number is not None and number.kind in ("cardinal", "ordinal", "fraction", "count", "scale"):
        return "ORD" if number.kind == "ordinal" else "NUM"
    if lower in closed and not (len(token.text) > 1 and token.text.isupper() and not first):
        return closed[lower]  # an acronym ("US", "IT") is a name, not the pronoun
    if kind == "abbr":
        return "PROPN" if token.text[:1].isupper() else "ADV"
    return "?"


def _open(
    tokens: list[Token], token: Token, first: bool, lowered: set[str] | frozenset[str]
) -> str:
    """An open-class word's tag from its form and its neighbours."""
    before = tokens[token.i - 1] if token.i > 0 else None
    after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
    forms = token.forms
    lower = token.lower
    if token.is_cap and not first:
        return "PROPN"
    if not forms and before is not None and before.tag == "MODAL" and token.kind == "word":
        token.forms = frozenset({"base"})  # "can trace": after a modal, a verb we do not list
        return "VERB"
    if token.is_cap and first and not forms and lower not in lexicon.table("irregular_plurals.tsv"):
        # A capital at a sentence start is a name unless the word is known otherwise: written
        # in lower case elsewhere, or a plural before a verb ("Cars account for").
        common = lower in lowered or (
            lexicon.plural_of_noun(lower) is not None
            and after is not None
            and (
                (after.tag in ("AUX", "MODAL", "?") and bool(after.forms))
                or (after.tag == "ADP" and after.text.islower() and after.lower != "of")
            )
        )
        if not common and not lower.endswith(("ly", "ed", "ing")):
            return "PROPN"
    if (
        lower.endswith("ly")
        and len(lower) > 4
        and not forms
        and lower not in lexicon.words("ly_nouns.txt")
    ):
        return "ADV"
    if forms:
        return _verb_or_noun(tokens, token, before, after, first)
    if len(lower) > 4 and lower.endswith("ed"):
        token.forms = frozenset({"past", "participle"})
        token.lemma = _ed_lemma(lower)
        return _verb_or_noun(tokens, token, before, after, first)
    if len(lower) > 5 and lower.endswith("ing"):
        token.forms = frozenset({"gerund"})
        token.lemma = lower[:-3]
        return _verb_or_noun(tokens, token, before, after, first)
    if _unlisted_third_person(tokens, token, before, after):
        token.forms = frozenset({"3sg"})
        token.lemma = lexicon.plural_of_noun(lower) or lower
        return "VERB"  # "the firm revamps its site": a verb we do not list
    return "NOUN"


def _unlisted_third_person(
    tokens: list[Token], token: Token, before: Token | None, after: Token | None
) -> bool:
    """Whether an unlisted "-s" word stands between a singular subject that opens its
    sentence ("The trust", "Acme", "It") and an article or a possessive that opens its
    object ("the coast", "its site"): a verb, not a plural noun. A plural ends many noun
    phrases before "this", "each" or a number ("World Cup races this season"), so those do
    not count."""
    if before is None or after is None or lexicon.plural_of_noun(token.lower) is None:
        return False
    if after.sent != token.sent or not (after.lower in ("the", "a", "an") or after.tag == "POSS"):
        return False
    if before.lower in ("he", "she", "it"):
        return before.i == 0 or tokens[before.i - 1].sent != before.sent
    if before.tag not in ("NOUN", "PROPN") or lexicon.plural_of_noun(before.text) is not None:
        return False
    k = before.i
    while k > 0 and tokens[k - 1].sent == token.sent:
        if tokens[k - 1].tag not in ("DET", "PROPN", "NOUN", "ADJ") or before.i - k >= 8:
            return False  # not the sentence's first phrase, or longer than a subject is
        k -= 1
    return True


def _verb_or_noun(
    tokens: list[Token], token: Token, before: Token | None, after: Token | None, first: bool
) -> str:
    """A word that can be a verb: a verb after a subject, an auxiliary or `to`; a noun or an
    adjective after a determiner or a number ("the 980 retired teachers")."""
    forms = token.forms
    prev = before.tag if before is not None else ""
    nxt = after.tag if after is not None else ""
    finite = bool(forms & {"past", "3sg", "base"})
    if prev in ("AUX", "MODAL", "TO", "NEG"):
        return "VERB"
    if _after_bare_share(tokens, token) and "base" in forms and nxt in ("ADP", "TO", "DET", "ADV"):
        return "VERB"  # "50% go to schools", "30 per cent say": a share is a plural subject
    if prev == "ADV" and before is not None and before.i > 0:
        return "VERB" if finite or "participle" in forms or "gerund" in forms else "NOUN"
    if prev in _BEFORE_NOUN or (
        prev == "PROPN" and before is not None and before.lower.endswith("'s")
    ):
        if forms & {"participle", "gerund"} and nxt in ("NOUN", "PROPN", "?"):
            return "ADJ"
        if (
            forms & {"participle", "gerund"}
            and after is not None
            and after.forms
            and after.tag == "?"
        ):
            return "ADJ"
        return "NOUN"
    if first and forms & {"participle", "gerund"}:
        return "VERB"  # "Founded in 1965, the society …", "Speaking at the launch …"
    if (
        prev == "PROPN"
        and forms & {"3sg", "base"}
        and before is not None
        and _owned_name(tokens, before)
    ):
        return "NOUN"  # "the Reserve's Green Shoots grants": the owned thing's name goes on
    if prev in _SUBJECTS and (finite or "participle" in forms):
        if prev == "NOUN" and forms == frozenset({"base"}) and nxt in ("NOUN", "PROPN"):
            return "NOUN"  # "the support staff", "care assistants": a compound
        if (
            prev == "NOUN"
            and before is not None
            and "3sg" not in forms
            and "past" not in forms
            and lexicon.plural_of_noun(before.text) is None
        ):
            return "NOUN"  # "a pay rise": a present verb after a singular noun would be "rises"
        return "VERB"
    if forms & {"past", "participle"} and not forms & {"base", "3sg"}:
        return "VERB"
    if prev in ("PUNCT", "CCONJ", "SCONJ", "") and forms & {"gerund", "participle"}:
        return "VERB"
    if (
        prev == "ADP"
        and "gerund" in forms
        and nxt in ("ADP", "NUM", "DET", "POSS", "PUNCT", "ORD", "ADV")
    ):
        return "VERB"  # "since forming in 2007", "after opening its first shop"
    if prev in ("CCONJ", "SCONJ") and finite and nxt in ("NUM", "DET", "POSS", "PRON", "PROPN"):
        return "VERB"  # "… and contribute 63.5% to": a verb with its object
    if (
        prev == "PUNCT"
        and before is not None
        and before.text == ","
        and "3sg" in forms
        and (nxt in ("PROPN", "DET", "POSS", "NUM") or (after is not None and after.is_cap))
    ):
        return "VERB"  # "…, joins Amberlin Print Works as"
    if (
        "3sg" in forms
        and nxt in ("ADP", "TO", "ADV")
        and after is not None
        and after.lower != "of"  # "…, which could affect the business, results of operations"
        and _after_set_off(tokens, token)
    ):
        return "VERB"  # "The Festival, first held in 2010, opens on 4 July"
    return "NOUN"


def _after_set_off(tokens: list[Token], token: Token) -> bool:
    """Whether a word follows the comma that closes a participial or relative phrase set off
    after the subject (", first held in 2010,", ", which opened in 1984,"): the sentence's
    verb comes next, not a plural noun of a list ("cars, buses, trains in")."""
    k = token.i - 1
    if k < 1 or tokens[k].text != ",":
        return False
    j = k - 1
    while j > 0 and k - j <= 12 and tokens[j].sent == token.sent and tokens[j].text != ",":
        j -= 1
    if j <= 0 or tokens[j].text != "," or tokens[j].sent != token.sent:
        return False
    opener = j + 1
    while opener < k and (tokens[opener].tag == "ADV" or tokens[opener].lower == "first"):
        opener += 1  # "first held", "now based" ("first" is an adverb only after this pass)
    lead = tokens[opener]
    participle = "participle" in lead.forms and (
        lead.tag == "VERB" or tokens[opener - 1].lower == "first"  # "first held": not yet VERB
    )
    return participle or (lead.tag == "SCONJ" and lead.lower in ("which", "who"))


def _ed_lemma(word: str) -> str:
    """The base of a verb we do not list, from its -ed form: "planned" → "plan",
    "showcased" → "showcase", "produced" → "produce", "visited" → "visit"."""
    stem = word[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    if stem.endswith(("c", "v", "z", "u", "as", "ag")):
        return stem + "e"
    return stem


def _after_bare_share(tokens: list[Token], token: Token) -> bool:
    """Whether a word follows a percentage with no article before it ("50% go", not "a 20%
    rise")."""
    k = token.i - 1
    if k >= 1 and tokens[k].lower == "cent" and tokens[k - 1].lower == "per":
        k -= 1
    if k < 1 or not (tokens[k].text == "%" or tokens[k].lower in ("per", "percent")):
        return False
    number = k - 1
    if tokens[number].kind != "number":
        return False
    return number == 0 or tokens[number - 1].tag not in ("DET", "POSS", "ADJ", "NUM")


def _months_as_names(tokens: list[Token]) -> None:
    """`Jan Novak`, `April Ryan`: a month before a capitalised word that is neither a number
    nor a calendar word is a first name ("June 5", "March 2024", "May Day" stay months)."""
    for token in tokens:
        if token.tag != "MONTH" or token.i + 1 >= len(tokens):
            continue
        nxt = tokens[token.i + 1]
        if nxt.tag == "PROPN" and nxt.kind == "word" and nxt.is_cap and nxt.lower not in ("day",):
            if token.i > 0 and tokens[token.i - 1].lower in (
                "in",
                "on",
                "of",
                "since",
                "by",
                "until",
                "from",
            ):
                continue  # "in June Smith said …" is rare; "in March Acme …" is not
            token.tag = "PROPN"


def _owned_name(tokens: list[Token], token: Token) -> bool:
    """Whether a name follows a possessive ("the Reserve's Green Shoots", "its Small Sparks")."""
    k = token.i
    while (
        k > 0
        and tokens[k].tag in ("PROPN", "ADJ")
        and (tokens[k].is_cap or tokens[k].tag == "PROPN")
    ):
        k -= 1
    if k < token.i and tokens[k].kind == "clitic" and k > 0:
        # "the Tidewell Men's Shed dates back": a plural's possessive inside the name
        return tokens[k - 1].lower not in lexicon.table("irregular_plurals.tsv")
    return k < token.i and (tokens[k].kind == "clitic" or tokens[k].tag == "POSS")


def _that_or_her(tokens: list[Token], token: Token) -> str:
    """`that first gathering`, `her chief executive` point at a noun; `said that`, `told her` not."""
    after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
    if after is None:
        return "PRON" if token.lower == "her" else "SCONJ"
    if token.lower == "her":
        following = tokens[token.i + 2] if token.i + 2 < len(tokens) else None
        if after.tag == "NUM" and (following is None or following.tag in ("PUNCT", "CCONJ")):
            return "PRON"  # "which makes her 42, the youngest …": her age, not her 42 things
        return "POSS" if after.tag in ("?", "NOUN", "ADJ", "NUM", "ORD", "PROPN") else "PRON"
    before = tokens[token.i - 1] if token.i > 0 else None
    points = after.tag in ("ORD", "NUM") or (
        after.tag == "?" and not after.forms and not after.is_cap
    )
    if points and before is not None and before.tag in ("ADP", "VERB", "?"):
        return "DET"
    starts = before is None or before.sent != token.sent or before.text in (".", ";", ":")
    if starts and (after.forms & {"3sg", "past"} or after.tag in ("AUX", "MODAL")):
        return "PRON"  # "That makes Chandrasekar 41", "That was in 2019": a pronoun
    return "SCONJ"


def _to(tokens: list[Token], token: Token) -> str:
    """`to` before a verb's base form marks an infinitive; before anything else it is a preposition."""
    after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
    if after is not None and "base" in after.forms and after.tag in ("?", "VERB", "AUX"):
        return "TO"
    if after is not None and after.lower in ("be", "have"):
        return "TO"
    return "ADP"


def _light_verbs(tokens: list[Token]) -> None:
    """`takes place`, `took part`: the verb and its noun, whatever came before them."""
    pairs = lexicon.pairs("light_verbs.tsv")
    for token in tokens[:-1]:
        if token.forms and (token.lemma, tokens[token.i + 1].lower) in pairs:
            token.tag, tokens[token.i + 1].tag = "VERB", "NOUN"


def _nouns_before_auxiliaries(tokens: list[Token]) -> None:
    """`The print works was started`, `the news is`: an -s form after a determiner or a noun
    and right before a finite auxiliary is a noun (a verb is never followed by one)."""
    for token in tokens[1:-1]:
        before, after = tokens[token.i - 1], tokens[token.i + 1]
        if (
            token.tag == "VERB"
            and token.forms == frozenset({"3sg"})
            and before.tag in ("DET", "NOUN", "ADJ", "POSS")
            and after.tag == "AUX"
            and after.lower in ("is", "was", "has")
        ):
            token.tag = "NOUN"


def _plurals_after_numbers(tokens: list[Token]) -> None:
    """`23 countries, 40+ U.S. states, and …`: an -s form after a number (and a name or an
    adjective before it) that a comma, a conjunction or the sentence's end follows is a plural
    noun, not a verb."""
    for token in tokens[1:-1]:
        if token.tag != "VERB" or token.forms != frozenset({"3sg"}):
            continue
        after = tokens[token.i + 1]
        if not (after.text in (",", ";", ".", ")") or after.tag == "CCONJ"):
            continue
        k = token.i - 1
        while k > 0 and tokens[k].tag in ("PROPN", "ADJ") and token.i - k <= 2:
            k -= 1
        while k > 0 and tokens[k].tag == "SYM" and tokens[k].text == "+":
            k -= 1
        if tokens[k].tag == "NUM":
            token.tag = "NOUN"


@cache
def _clause_verbs() -> frozenset[str]:
    """Verbs whose object may be a clause: of thinking and of saying."""
    return lexicon.words("complement_verbs.txt") | lexicon.words("reporting_verbs.txt")


def _plural_objects(tokens: list[Token]) -> None:
    """`has been offering low-cost loans for`, `operates shops in`: an -s form after the object
    words of a finite verb, with a preposition, a punctuation mark or a conjunction after it, is
    a plural noun that ends the object, not a second verb. Not after a verb whose object may be
    a clause ("believes prices rise"), nor after a time ("opened last year hosts")."""
    clause_verbs = _clause_verbs()
    times = lexicon.words("time_nouns.txt")
    for token in tokens[2:-1]:
        if token.tag != "VERB" or token.forms != frozenset({"3sg"}):
            continue
        after = tokens[token.i + 1]
        if not (after.tag in ("ADP", "CCONJ", "TO") or after.text in (",", ";", ".", ")")):
            continue
        k = token.i - 1
        while k > 0 and token.i - k <= 3 and tokens[k].tag in ("NOUN", "ADJ"):
            if tokens[k].lemma in times:
                break
            k -= 1
        verb = tokens[k]
        if k == token.i - 1 or tokens[k + 1].lemma in times or verb.tag != "VERB":
            continue
        finite = "3sg" in verb.forms or (k > 0 and tokens[k - 1].tag in ("AUX", "MODAL"))
        if finite and verb.lemma not in clause_verbs and verb.lower not in clause_verbs:
            token.tag = "NOUN"


def _first_as_adverb(tokens: list[Token]) -> None:
    """`was first held`, `, first staged in 1959`: "first" before a participle is an adverb."""
    for token in tokens:
        if token.lower != "first" or token.i + 1 >= len(tokens):
            continue
        nxt = tokens[token.i + 1]
        before = tokens[token.i - 1] if token.i > 0 else None
        if (
            nxt.forms & {"participle"}
            and not nxt.forms & {"base"}
            and (before is None or before.tag in ("AUX", "PUNCT", "ADV"))
        ):
            token.tag = "ADV"
            nxt.tag = "VERB"


def _possessive_clitics(tokens: list[Token]) -> None:
    """`'s` after a pronoun is a verb ("it's"); after a noun or a name it marks the owner."""
    for token in tokens:
        if (
            token.kind == "clitic"
            and token.i > 0
            and tokens[token.i - 1].lower in ("it", "he", "she", "that", "there", "what", "who")
        ):
            token.tag = "AUX"
            token.lemma = "be"
