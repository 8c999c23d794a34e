"""Subject linking: one entity under several names, pronouns, and no link when unsure."""

from __future__ import annotations

from datetime import date

from checker.document import from_text
from checker.models import Claim
from checker.pipeline import claims_of


def _claims(text: str, release: date = date(2022, 10, 8)) -> list[Claim]:
    return claims_of(from_text(text, "<test>", release))


def _one(claims: list[Claim], kind: str) -> Claim:
    found = [c for c in claims if c.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_alias_by_last_words_across_paragraphs() -> None:
    claims = _claims(
        "Officials met as part of the EU-IOM strategic cooperation framework, now in its ninth "
        "year.\n\nBackground:\n\nIn July 2012, the EU and IOM established a Strategic Cooperation "
        "Framework to enhance collaboration."
    )
    ordinal, origin = _one(claims, "ordinal"), _one(claims, "origin")
    assert ordinal.subject_id is not None and ordinal.subject_id == origin.subject_id
    assert ordinal.subject == "Strategic Cooperation Framework"  # the name, not the description
    assert ordinal.subject_via == (
        "'its' refers to 'EU-IOM strategic cooperation framework' before it, which is "
        "'Strategic Cooperation Framework'"
    )


def test_pronoun_refers_to_the_entity_named_before() -> None:
    claims = _claims(
        "The Youth Orchestra of the Danube, founded in 1998, tours eleven cities. Its director "
        "has led the orchestra since its creation in 2010.",
        date(2023, 5, 10),
    )
    origins = [c for c in claims if c.kind == "origin" and c.unit == "founding"]
    assert len(origins) == 2
    assert origins[0].subject_id == origins[1].subject_id
    assert origins[1].subject_via and origins[1].subject_via.startswith("'its'")


def test_head_noun_alone_links_to_the_full_name() -> None:
    claims = _claims(
        "The Alpine Water Forum, founded in 2009, meets in Geneva. The Forum is now in its 14th year."
    )
    ordinal, origin = _one(claims, "ordinal"), _one(claims, "origin")
    assert ordinal.subject_id == origin.subject_id
    assert ordinal.subject == "Alpine Water Forum"


def test_two_candidates_with_the_same_head_are_not_guessed() -> None:
    claims = _claims(
        "The Water Forum, founded in 2009, and the Energy Forum, founded in 2011, met. "
        "The Forum opened in 2015."
    )
    later = [c for c in claims if c.kind == "origin" and c.text == "opened in 2015"]
    assert later and later[0].subject_id is None


def test_age_and_birth_of_one_person() -> None:
    claims = _claims(
        "Artistic director Maria Lopez, 52, who was born in 1965, spoke.", date(2023, 5, 10)
    )
    age, birth = _one(claims, "age"), _one(claims, "birth")
    assert age.subject == "Maria Lopez" and age.subject_id == birth.subject_id


def test_series_counted_since_the_launch_of_an_entity() -> None:
    claims = _claims(
        "In July 2012, the EU and IOM established a Strategic Cooperation Framework to work "
        "together. Today's meeting, the eighth of its kind since the launch of the EU-IOM "
        "Strategic Cooperation Framework, was held."
    )
    ordinal, origin = _one(claims, "ordinal"), _one(claims, "origin")
    assert ordinal.unit == "meeting"
    assert ordinal.anchor_id is not None and ordinal.anchor_id == origin.subject_id


def test_a_description_that_names_nothing_is_its_own_entity() -> None:
    claims = _claims(
        "The centre opened in 2010. This week the centre marks 10 years since its opening.",
        date(2023, 5, 10),
    )
    origin, duration = _one(claims, "origin"), _one(claims, "duration")
    assert origin.subject == "centre" and origin.subject_id == duration.subject_id


def test_a_pronoun_in_a_fronted_phrase_stands_for_the_subject_after_it() -> None:
    claims = _claims(
        "The Water Forum was founded in 2009. Since its launch in 2012, the Hollow Trust has "
        "planted trees.",
        date(2023, 5, 10),
    )
    launch = [c for c in claims if c.kind == "origin" and "2012" in c.text]
    assert launch and launch[0].subject == "Hollow Trust"
    assert launch[0].subject_via and "opens the sentence" in launch[0].subject_via


def test_a_title_is_not_part_of_a_persons_name() -> None:
    claims = _claims('"We were eight," said Chair Kari Nordmann, 61.', date(2023, 5, 10))
    assert _one(claims, "age").subject == "Kari Nordmann"


def test_they_after_a_plural_noun_is_not_a_name_said_before_it() -> None:
    claims = _claims(
        "The Wrenfield Lantern Parade, which began in 1988, returns in May.\n\n"
        "More than 31.8 million Hispanic Americans were part of the labor force in 2023. "
        "They have grown in representation by 69% over the last 20 years."
    )
    assert _one(claims, "origin").subject == "Wrenfield Lantern Parade"
    durations = [c for c in claims if c.kind == "duration" and c.text == "the last 20 years"]
    assert len(durations) == 1 and durations[0].subject is None


def test_they_straight_after_an_organisation_is_that_organisation() -> None:
    claims = _claims(
        "The Wrenfield Trust was founded in 1988. They have worked in the valley for the last "
        "34 years."
    )
    durations = [c for c in claims if c.kind == "duration" and "34 years" in c.text]
    assert len(durations) == 1 and durations[0].subject == "Wrenfield Trust"


def _origins(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "origin"]


def test_a_generic_description_is_the_organisation_just_named() -> None:
    claims = _claims(
        "The Health Scientific Advisory Group met in March.\n\n"
        "The Cinderholm Allotment Society (founded 1989) now has 300 members. Rosalind Crewe "
        "founded the group in 1983."
    )
    first, second = _origins(claims)
    assert first.subject == second.subject == "Cinderholm Allotment Society"


def test_a_kind_of_organisation_reaches_a_named_beginning_paragraphs_back() -> None:
    filler = "\n\n".join(f"Paragraph {n} says nothing of the firm." for n in range(4))
    claims = _claims(
        f"Northgale Textiles, est. 2000, employs 38 people.\n\n{filler}\n\n"
        "The mill has been in business since 2001 and has never moved premises."
    )
    first, second = _origins(claims)
    assert second.subject_id is not None and first.subject_id == second.subject_id


def test_it_with_a_beginning_is_the_nearest_thing_not_the_one_already_begun() -> None:
    claims = _claims(
        "Ossory & Blake Surveyors builds things: it was set up in 2006 by Ottilie Prescott.\n\n"
        "The Oakhollow Repair Café mends the appliances of its neighbours. It was started in 2016."
    )
    assert [c.subject for c in _origins(claims)] == [
        "Ossory & Blake Surveyors",
        "Oakhollow Repair Café",
    ]


def test_a_description_stands_for_a_thing_only_by_its_noun() -> None:
    claims = _claims(
        "The 9th round of the Harlowmere Sea Scout Group's Founders' bursaries, awarded every "
        "year since 2017, is now open.\n\nAmong the top 500 companies on the list, those "
        "companies have added more than 48,678 jobs over the past three years."
    )
    durations = [c for c in claims if c.kind == "duration" and "three" in c.text]
    assert [c.subject for c in durations] == [None]


def test_a_description_sharing_a_stem_with_a_name_is_that_name() -> None:
    filler = "\n\n".join(f"- Focused on item {n}" for n in range(8))
    claims = _claims(
        "Zainab Oyelaran, who founded Ossory & Blake Surveyors in 2013, is stepping back.\n\n"
        f"{filler}\n\nThe surveying practice was started in 2014 in Oyelaran's kitchen."
    )
    assert [c.subject for c in _origins(claims)] == ["Ossory & Blake Surveyors"] * 2


def test_a_description_after_an_indefinite_with_its_head_is_that_thing() -> None:
    claims = _claims(
        "The Wrenfield Lantern Parade has taken place every three years since 2013.\n\n"
        "What started as an online radio show now reaches thousands. As it embarks on its "
        "third season, the show undergoes a rebrand."
    )
    ordinals = [c for c in claims if c.kind == "ordinal"]
    assert len(ordinals) == 1 and ordinals[0].subject != "Wrenfield Lantern Parade"


def test_its_in_a_clause_whose_subject_names_nothing_known_is_not_guessed() -> None:
    claims = _claims(
        "The annual Tidewell Sea Swim began in 2014 as a small gathering.\n\n"
        "Judges met in May. They read the entries. They chose the winners. They wrote a report.\n\n"
        "This latest victory for RAW® further solidifies its position as a leader in the "
        "industry. As the brand celebrates its 20th anniversary, this recognition underscores "
        "the impact RAW® has had."
    )
    ordinal = _one(claims, "ordinal")
    assert ordinal.subject != "Tidewell Sea Swim"


def test_a_plural_description_is_not_a_singular_thing_said_before() -> None:
    claims = _claims(
        "In the 22 months since its clinic opened in September 2023, the Ulverby Carers' Network "
        "has seen 1,900 patients.\n\nThe top 500 companies on the list have added 48,678 jobs. "
        "Those companies have grown over the past three years.",
        date(2025, 8, 13),
    )
    past = [c for c in claims if c.kind == "duration" and "three years" in c.text]
    assert len(past) == 1 and past[0].subject is None


def test_a_pronoun_stands_for_the_subject_of_the_clause_before_it_in_its_sentence() -> None:
    claims = _claims(
        "HTX, founded in 2013, sells software.\n\nIts staff met in May.\n\n"
        "For more than half a century, the Tidewell Men's Shed has been giving retired men a "
        "workshop: its first meeting was held in 1984.",
        date(2024, 3, 25),
    )
    origins = {c.text: c.subject for c in claims if c.kind == "origin"}
    assert origins["was held in 1984"] == "Tidewell Men's Shed"


def test_a_generic_noun_finds_a_name_of_its_kind_before_any_other_name() -> None:
    claims = _claims(
        "The Ulverby Carers' Network (founded 2013) now has 40 members.\n\n"
        "Recent Clinical Data for GEO-CM04S1 was shown in May.\n\n"
        "Callum MacAskill founded the group in 2014 after a flood.",
        date(2025, 10, 29),
    )
    assert [c.subject for c in claims if c.kind == "origin"] == ["Ulverby Carers' Network"] * 2


def test_a_fronted_infinitive_or_participle_stands_for_the_subject_after_it() -> None:
    claims = _claims(
        "Lucia Ferrante will celebrate her 73rd birthday in December; she was born in 1952.\n\n"
        "To celebrate her 12th birthday, Eliana is offering her book for $0.99.\n\n"
        "The Gorseby Tech Summit made its debut in 2022 and has come back every year since.\n\n"
        "Rooted in science and in its 18th season, the NFL programme reaches kids.",
        date(2025, 8, 21),
    )
    subjects = {c.text: c.subject for c in claims if c.kind == "ordinal"}
    assert subjects["her 12th birthday"] != "Lucia Ferrante"
    assert subjects["its 18th season"] != "Gorseby Tech Summit"


def test_made_him_one_of_the_best_is_no_age() -> None:
    claims = _claims(
        "Callum MacAskill, born on April 6, 1929, volunteers. His work has made him one of the "
        "best-known faces in town.",
        date(2026, 8, 19),
    )
    assert not [c for c in claims if c.kind == "age"]
