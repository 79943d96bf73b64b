"""Swaps: one sentence told word for word by two sources, a name swapped, the stranger untagged by the parse."""

from __future__ import annotations

from test_reconcile import make, reconcile, verdicts

STOPPED = "In 2008, Klitschko stopped {} in the 11th round of the title fight."
PEOPLE = [("Klitschko", "person", "person:wladimirklitschko"), ("Tony Thompson", "person", "person:tonythompson")]


def test_a_name_swapped_into_one_sentence_told_word_for_word_is_a_conflict():
    # "Quillon" carries no entity: the tagger did not know it for a name. The words still show the swap.
    result = reconcile(
        make("a", "Harbour Ledger", None, [STOPPED.format("Tony Thompson")], entities=PEOPLE),
        make("b", "Meridian Wire", None, ["Tony Thompson, 37, lost again.", STOPPED.format("Thompson")],
             entities=PEOPLE + [("Thompson", "person", "person:tonythompson")]),
        make("c", "Northgate Courier", None, [STOPPED.format("Quillon")], entities=PEOPLE[:1]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert [e.document for e in conflict.evidence][0] == "c"
    assert conflict.evidence[0].value_text == "Quillon" and conflict.evidence[1].value_text in ("Tony Thompson", "Thompson")
    assert "word for word" in conflict.explanation and "no other source names Quillon" in conflict.explanation


def test_a_name_another_source_uses_or_a_pronoun_is_no_swap():
    named = [("Wladimir Klitschko", "person", "person:wladimirklitschko")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Wladimir Klitschko stopped Thompson in the 11th round of the fight."],
             entities=named + [("Thompson", "person", "person:tonythompson")]),
        make("b", "Meridian Wire", None, ["Klitschko stopped Thompson in the 11th round of the title fight."],
             entities=PEOPLE[:1] + [("Thompson", "person", "person:tonythompson")]),
        make("c", "Northgate Courier", None, ["Wladimir stopped Thompson in the 11th round of the title fight.",
                                              "He stopped Thompson in the 11th round of the title fight."],
             entities=[("Thompson", "person", "person:tonythompson")]),
    )
    assert not verdicts(result, "conflict")


def test_title_case_headlines_swap_no_names():
    # The tagger takes "Playoff Berth" for a person in two headlines; "Playoff Spot" is no stranger's name.
    berth = [("Playoff Berth", "person", "person:playoffberth")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Colts Clinch Playoff Berth With Win Over Chiefs"], entities=berth),
        make("b", "Meridian Wire", None, ["Colts Clinch Playoff Berth With Win Over Chiefs"], entities=berth),
        make("c", "Northgate Courier", None, ["Colts Clinch Playoff Spot With Win Over Chiefs"]),
    )
    assert not verdicts(result, "conflict")


def test_a_swap_shows_through_a_sentence_split_elsewhere_and_a_name_a_third_of_the_sentence():
    corner = ("{} was in his brother's corner as usual, urging on fans in the {} stadium when the first chants "
              "of \"Klitschko{}")
    vitali = [("Vitali", "person", "person:vitali")]
    result = reconcile(
        make("a", "Harbour Ledger", None, [corner.format("Vitali", "soccer", "!")], entities=vitali),
        make("b", "Meridian Wire", None, ["Vitali, 41, watched from ringside."], entities=vitali),
        make("c", "Northgate Courier", None, [corner.format("Kowalczyk", "football", ', Klistchko" stirred.')]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Kowalczyk" and conflict.evidence[1].value_text == "Vitali"

    lohan = [("Lindsay Lohan", "person", "person:lindsaylohan")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Lawyer: Lindsay Lohan checks into rehab facility"], entities=lohan),
        make("b", "Meridian Wire", None, ["Lindsay Lohan began a 90-day stay."], entities=lohan),
        make("c", "Northgate Courier", None, ["Lawyer: Ines Halvorsen checks into rehab facility"]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Ines Halvorsen"


def test_a_conflict_over_who_cites_every_report_it_contradicts():
    # Two reports tell the bout word for word and a third in its own words: the stranger stands against all three.
    result = reconcile(
        make("a", "Harbour Ledger", None, [STOPPED.format("Tony Thompson")], entities=PEOPLE),
        make("b", "Meridian Wire", None, [STOPPED.format("Tony Thompson")], entities=PEOPLE),
        make("d", "Eastfield Post", None, ["Klitschko stopped Tony Thompson in the 11th round in 2008, ending the "
                                           "title fight."], entities=PEOPLE),
        make("c", "Northgate Courier", None, [STOPPED.format("Quillon")], entities=PEOPLE[:1]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].document == "c"
    assert {e.document for e in conflict.evidence[1:]} == {"a", "b", "d"}
    assert all(e.value_text == "Tony Thompson" for e in conflict.evidence[1:])


def test_a_conflict_over_who_cites_a_report_told_in_other_words_too():
    # A report that shares only some words with the stranger's sentence still tells of the person the stranger
    # stands in for: it is cited beside the sentence the swap was found by.
    result = reconcile(
        make("a", "Harbour Ledger", None, [STOPPED.format("Tony Thompson")], entities=PEOPLE),
        make("d", "Eastfield Post", None, ["Tony Thompson lasted until the 11th round against Klitschko."],
             entities=PEOPLE),
        make("c", "Northgate Courier", None, [STOPPED.format("Quillon")], entities=PEOPLE[:1]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert [e.document for e in conflict.evidence] == ["c", "a", "d"]


def test_a_name_swapped_in_with_the_verb_told_in_other_words_is_a_conflict():
    # "Harlow, 88, passed away" and "Dunmore died": the name leads the changed words on both sides, the rest
    # of them only the verb told another way. "Dunmore" carries no entity.
    harlow = [("Harlow", "person", "person:joanharlow")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Harlow, 88, passed away early Sunday at her home in Malibu, her family said."],
             entities=harlow),
        make("b", "Meridian Wire", None, ["Joan Harlow, the former swimmer, was 88."],
             entities=[("Joan Harlow", "person", "person:joanharlow")]),
        make("c", "Northgate Courier", None, ["Dunmore died early Sunday at her home in Malibu, her family said."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Dunmore" and conflict.evidence[1].value_text == "Harlow"


def test_a_capitalised_word_before_a_pronoun_for_the_person_is_no_swap():
    # "Supporters hailed him as a hero for blowing the whistle": the person is the "him", not "Supporters".
    felt = [("Felt", "person", "person:markfelt")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Felt blew the whistle on a corrupt administration."], entities=felt),
        make("b", "Meridian Wire", None, ["Mark Felt, 91, lived in Santa Rosa."],
             entities=[("Mark Felt", "person", "person:markfelt")]),
        make("c", "Northgate Courier", None, ["Supporters hailed him as a hero for blowing the whistle on a corrupt "
                                              "administration."]),
    )
    assert not verdicts(result, "conflict")


def test_a_swap_shows_through_a_place_written_longer():
    # "a Southern California treatment center" and "a California treatment center" name one place: the name
    # swapped is the sentences' only other difference.
    benton = [("Carla Benton", "person", "person:carlabenton")]
    told = "{}'s lawyer said Friday the singer checked into a {} treatment center."
    result = reconcile(
        make("a", "Harbour Ledger", None, [told.format("Carla Benton", "Southern California")], entities=benton),
        make("b", "Meridian Wire", None, ["Carla Benton, 31, was sentenced in June."], entities=benton),
        make("c", "Northgate Courier", None, [told.format("Rosa Delmar", "California")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Rosa Delmar" and conflict.evidence[1].value_text == "Carla Benton"


def test_a_swap_shows_through_sentences_that_end_differently():
    # Both tell who loaded the rifle, then go on each its own way; "Route 9" in one ending is no second swap.
    doyle = [("Doyle", "person", "person:frankdoyle")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The clerk told police Doyle loaded the rifle in the back room and fired "
                                           "twice at the counter."], entities=doyle),
        make("b", "Meridian Wire", None, ["Frank Doyle, 44, was held without bail."],
             entities=[("Frank Doyle", "person", "person:frankdoyle")]),
        make("c", "Northgate Courier", None, ["The clerk told police Kessler loaded the rifle in the back room and "
                                              "then drove off on Route 9."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Kessler" and conflict.evidence[1].value_text == "Doyle"


def test_an_ordinary_word_opening_the_sentence_is_no_swapped_name():
    # "At" is capitalised only because it opens the sentence: the story writes "at" in lower case elsewhere and no
    # entity's name holds it. A name the story writes in lower case too ("Rose", "rose") is still a name when an
    # entity knows it.
    delmar = [("Rosa Delmar", "person", "person:rosadelmar")]
    told = "{} the bridge over the river would close for repairs next week."
    ledger = make("a", "Harbour Ledger", None, [told.format("Rosa Delmar said")], entities=delmar)
    wire = make("b", "Meridian Wire", None, ["Rosa Delmar, 52, spoke at length."], entities=delmar)
    result = reconcile(ledger, wire, make("c", "Northgate Courier", None, [
        "At the bridge over the river, crews said it would close for repairs next week.",
        "Crews worked at the site all night."]))
    assert not verdicts(result, "conflict")

    result = reconcile(ledger, wire, make("c", "Northgate Courier", None, [
        told.format("Rose said"), "The water rose at the bridge all night."],
        entities=[("Rose", "person", "person:rose")]))
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Rose" and conflict.evidence[1].value_text == "Rosa Delmar"


def test_a_swap_shows_through_a_name_beside_it_spelled_two_ways():
    # "Paul Rait was killed after slipping" and "Paul Raite died when he slipped" name one climber, spelled two ways
    # and told in other words: the name swapped is the other one.
    doyle = [("Doyle", "person", "person:frankdoyle"), ("Paul Rait", "person", "person:paulrait")]
    told = "Mr {}'s death came a day after the climber Paul {} from a ridge in the same park."
    result = reconcile(
        make("a", "Harbour Ledger", None, [told.format("Doyle", "Rait was killed after slipping and falling")],
             entities=doyle),
        make("b", "Meridian Wire", None, ["Frank Doyle, 44, was a keen climber."],
             entities=[("Frank Doyle", "person", "person:frankdoyle")]),
        make("c", "Northgate Courier", None, [told.format("Kessler", "Raite died when he slipped and fell")],
             entities=[("Paul Raite", "person", "person:paulraite")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Kessler" and conflict.evidence[1].value_text == "Doyle"
