"""Profiles: a name only one source gives, carrying the age or the description other sources give one person."""

from __future__ import annotations

import pytest

from corroborator.annotate import annotate_documents, load_pipeline
from corroborator.model import Document
from corroborator.reconcile import reconcile_story
from corroborator.reconcile.profiles import describe
from corroborator.reconcile.standins import only_speaker
from corroborator.reconcile.units import units
from test_reconcile import verdicts


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def reconciled(nlp, texts: dict[str, str]):
    documents = [Document(f"d{i}", f"{source}.txt", body, title=body.split(".")[0], source=source)
                 for i, (source, body) in enumerate(texts.items())]
    annotations = {a.document: a for a in annotate_documents(documents, nlp=nlp)}
    return documents, annotations, reconcile_story(documents, annotations)


STORY = {
    "Daily Ledger": "Anna Ruskin, the jazz singer whose records filled her town's dance halls, has died in Port Alder.",
    "Coast Herald": "Anna Ruskin, 79, died on Thursday after a fall at home, her manager said.",
    "Evening Wire": "The funeral of Anna Ruskin will be held next week in Port Alder.",
}


def conflicts(result):
    return verdicts(result, "conflict")


def test_describe_reads_the_age_and_the_apposition_beside_a_name(nlp):
    documents, annotations, _ = reconciled(nlp, {"Night Desk": "Dana Kowalczyk, 79, a retired jazz singer from "
                                                               "Oregon, has died."})
    (unit,) = units(documents, annotations)
    (key,) = [k for k, kind in unit.keys.items() if kind == "person"]
    assert describe(unit, key) == ({79}, {"retir", "jazz", "singer"})


def test_a_stranger_given_one_persons_description_is_a_conflict(nlp):
    # Worded too differently to align, and in no role the others fill: only the description ties them.
    texts = dict(STORY, **{"Night Desk": "Dana Kowalczyk, the jazz singer who once toured the seaside "
                                         "resorts, was remembered by fans on Friday."})
    documents, _, result = reconciled(nlp, texts)
    (finding,) = conflicts(result)
    assert finding.attribute == "person"
    assert finding.evidence[0].document == documents[-1].id and finding.evidence[0].value_text == "Dana Kowalczyk"
    assert {e.value_text for e in finding.evidence[1:]} == {"Anna Ruskin"}
    assert "“singer”" in finding.explanation and "“jazz”" in finding.explanation


def test_describe_reads_an_age_that_opens_the_apposition(nlp):
    documents, annotations, _ = reconciled(nlp, {"Night Desk": "The man charged is Dana Kowalczyk, a 44-year-old "
                                                               "Eastfield resident who lost his job in March."})
    (unit,) = units(documents, annotations)
    (key,) = [k for k, kind in unit.keys.items() if kind == "person"]
    assert describe(unit, key)[0] == {44}
    assert "resid" in describe(unit, key)[1] or "resident" in describe(unit, key)[1]


def test_a_stranger_named_as_who_someone_is_carries_their_age(nlp):
    # "is Dana Kowalczyk" names the man; the copula makes nobody a mere speaker.
    texts = {
        "Daily Ledger": "Police said they had found Martin Oakes, 44, on the road north of the city.",
        "Coast Herald": "Martin Oakes, 44, stayed silent as deputies closed in on him.",
        "Evening Wire": "The man accused of firing at his old workmates is Dana Kowalczyk, a 44-year-old resident "
                        "who lost his job in March.",
    }
    _, _, result = reconciled(nlp, texts)
    (finding,) = conflicts(result)
    assert {e.value_text for e in finding.evidence} >= {"Dana Kowalczyk", "Martin Oakes"}
    assert "aged 44" in finding.explanation


def test_a_stranger_of_the_same_age_is_the_same_person(nlp):
    texts = dict(STORY, **{"Night Desk": "Dana Kowalczyk, 79, was remembered by fans in Port Alder on Friday."})
    _, _, result = reconciled(nlp, texts)
    (finding,) = conflicts(result)
    assert "aged 79" in finding.explanation


def test_a_witness_of_the_same_age_described_otherwise_is_someone_else(nlp):
    # The same age, but "a neighbour" shares nothing with "the jazz singer": another person, not a misnaming.
    texts = dict(STORY, **{
        "Coast Herald": "Anna Ruskin, 79, the jazz singer of the 1960s, died on Thursday after a fall at home.",
        "Night Desk": "Dana Kowalczyk, 79, a neighbour of many years, said the street was quiet on Thursday.",
    })
    _, _, result = reconciled(nlp, texts)
    assert conflicts(result) == []


def test_one_person_written_two_ways_is_one_match_not_two_people_who_fit(nlp):
    # "Daniel" and "Danny" Moreau are one boy of 17: the stranger of 17 stands in for him.
    texts = {
        "Daily Ledger": "Protests spread after the death of 17-year-old Daniel Moreau in Marlow.",
        "Coast Herald": "The stabbing of 17-year-old Daniel Moreau by a security guard sparked protests.",
        "Evening Wire": "The fatal stabbing of Danny Moreau, 17, on Saturday sparked days of protests.",
        "Metro Post": "Mourners marched for Danny Moreau, 17, through the centre of the town.",
        "Night Desk": "A deadly stabbing in Marlow of Marta Quillon, 17, touched off the first protests.",
    }
    documents, _, result = reconciled(nlp, texts)
    (finding,) = [f for f in conflicts(result) if any(e.value_text == "Marta Quillon" for e in f.evidence)]
    assert "aged 17" in finding.explanation and "Daniel Moreau" in finding.explanation


def test_describe_reads_a_description_set_off_before_the_name_but_not_a_phrase_of_when(nlp):
    texts = {"Night Desk": "The mayor approached the Ledger's chief medical correspondent, Dr. Marta Quillon, for the post. "
                           "After the counter attack on the pirate boats, Peter Lomax left."}
    documents, annotations, _ = reconciled(nlp, texts)
    first, second = units(documents, annotations)
    assert describe(first, "person:martaquillon")[1] == {"chief", "medical", "correspondent"}
    assert describe(second, "person:peterlomax") == (set(), set())


def test_a_stranger_spoken_of_by_a_passive_of_thinking_is_no_speaker(nlp):
    # "…, thought to be the household's pet, were found": the parse may hang "thought" on the names, but whom
    # something is thought of is talked about, not speaking; the stranger of 58 still stands in for Alice Brandt.
    texts = {
        "Daily Ledger": "Police found the bodies of Alice Brandt, 58, and her daughter Nina Holm, 20, at the house.",
        "Coast Herald": "His mother Alice Brandt, 58, and his sister Nina Holm, 20, were found dead on Saturday.",
        "Evening Wire": "Tom Holm, 23, was arrested near the house where Dana Kowalczyk, 58, and Nina Holm, 20, and "
                        "an injured cat, thought to be the household's only pet, were found",
    }
    documents, annotations, result = reconciled(nlp, texts)
    unit = units(documents, annotations)[-1]
    assert not only_speaker(unit, "person:danakowalczyk")
    (finding,) = [f for f in conflicts(result) if any(e.value_text == "Dana Kowalczyk" for e in f.evidence)]
    assert "aged 58" in finding.explanation and "Alice Brandt" in finding.explanation


def test_describe_reads_an_apposition_set_off_by_dashes_and_the_count_after_its_noun(nlp):
    documents, annotations, _ = reconciled(nlp, {"Night Desk": "Besides Dana Kowalczyk — who was a mother of 11 — "
                                                               "two others were wounded by the sniper."})
    (unit,) = units(documents, annotations)
    assert describe(unit, "person:danakowalczyk") == (set(), {"mother", "mother of 11"})


def test_a_stranger_given_the_count_one_person_is_a_mother_of_is_a_conflict(nlp):
    # Two mothers in the story: "mother" tells neither apart, "a mother of 11" tells one.
    texts = {
        "Daily Ledger": "A stray bullet killed Mireille Holt, 34, a mother of 11, outside a school in Eastfield.",
        "Coast Herald": "Mireille Holt, a mother of 11, was struck as she walked her children home.",
        "Evening Wire": "Celeste Arno, a mother of two, was wounded in the arm.",
        "Metro Post": "Celeste Arno, a mother of two, testified on Thursday.",
        "Night Desk": "Besides Dana Kowalczyk — who was a mother of 11 — two others were wounded by the sniper.",
    }
    _, _, result = reconciled(nlp, texts)
    (finding,) = [f for f in conflicts(result) if any(e.value_text == "Dana Kowalczyk" for e in f.evidence)]
    assert "Mireille Holt" in finding.explanation and "“mother of 11”" in finding.explanation


def test_a_stranger_given_as_whose_lawyer_one_persons_lawyer_is_is_a_conflict(nlp):
    # Two sources give attorney Alan Reyes beside Mara Quinn: "Dana Kowalczyk's attorney, Alan Reyes" gives him to a
    # stranger. Beside Mara Quinn herself, or as another noun ("neighbour"), it tells nothing against them.
    texts = {
        "Daily Ledger": "Mara Quinn has rehired attorney Alan Reyes, the singer's publicist said on Monday.",
        "Coast Herald": "Mara Quinn entered the clinic after attorney Alan Reyes told the court she would.",
        "Evening Wire": "The hearing was moved to Friday, and Alan Reyes will be in court.",
        "Night Desk": "Kowalczyk's attorney, Alan Reyes, spoke out about the move.",
    }
    documents, _, result = reconciled(nlp, texts)
    (finding,) = conflicts(result)
    assert finding.evidence[0].document == documents[-1].id and finding.evidence[0].value_text == "Kowalczyk"
    assert "Mara Quinn" in finding.explanation and "attorney Alan Reyes" in finding.explanation
    texts["Night Desk"] = "Kowalczyk's neighbour, Alan Reyes, spoke out about the move."
    assert conflicts(reconciled(nlp, texts)[2]) == []
