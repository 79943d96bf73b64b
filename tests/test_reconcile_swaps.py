"""Swaps: one sentence told word for word by two sources, a name swapped, the stranger untagged by the parse."""

from __future__ import annotations

from test_reconcile import make, reconcile, verdicts

STOPPED = "In 2008, Solano stopped {} in the 11th round of the title fight."
PEOPLE = [("Solano", "person", "person:mareksolano"), ("Ray Tolliver", "person", "person:raytolliver")]


def test_a_name_swapped_into_one_sentence_told_word_for_word_is_a_conflict():
    # "Quillon" carries no entity: the tagger did not know it for a name. The words still show the swap.
    result = reconcile(
        make("a", "Harbour Ledger", None, [STOPPED.format("Ray Tolliver")], entities=PEOPLE),
        make("b", "Meridian Wire", None, ["Ray Tolliver, 37, lost again.", STOPPED.format("Tolliver")],
             entities=PEOPLE + [("Tolliver", "person", "person:raytolliver")]),
        make("c", "Northgate Courier", None, [STOPPED.format("Quillon")], entities=PEOPLE[:1]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert [e.document for e in conflict.evidence][0] == "c"
    assert conflict.evidence[0].value_text == "Quillon" and conflict.evidence[1].value_text in ("Ray Tolliver", "Tolliver")
    assert "word for word" in conflict.explanation and "no other source names Quillon" in conflict.explanation


def test_a_name_another_source_uses_or_a_pronoun_is_no_swap():
    named = [("Marek Solano", "person", "person:mareksolano")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Marek Solano stopped Tolliver in the 11th round of the fight."],
             entities=named + [("Tolliver", "person", "person:raytolliver")]),
        make("b", "Meridian Wire", None, ["Solano stopped Tolliver in the 11th round of the title fight."],
             entities=PEOPLE[:1] + [("Tolliver", "person", "person:raytolliver")]),
        make("c", "Northgate Courier", None, ["Marek stopped Tolliver in the 11th round of the title fight.",
                                              "He stopped Tolliver in the 11th round of the title fight."],
             entities=[("Tolliver", "person", "person:raytolliver")]),
    )
    assert not verdicts(result, "conflict")


def test_title_case_headlines_swap_no_names():
    # The tagger takes "Playoff Berth" for a person in two headlines; "Playoff Spot" is no stranger's name.
    berth = [("Playoff Berth", "person", "person:playoffberth")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Gulls Clinch Playoff Berth With Win Over Hawks"], entities=berth),
        make("b", "Meridian Wire", None, ["Gulls Clinch Playoff Berth With Win Over Hawks"], entities=berth),
        make("c", "Northgate Courier", None, ["Gulls Clinch Playoff Spot With Win Over Hawks"]),
    )
    assert not verdicts(result, "conflict")


def test_a_swap_shows_through_a_sentence_split_elsewhere_and_a_name_a_third_of_the_sentence():
    corner = ("{} sat beside his sister's coach as always, cheering with fans in the {} arena when the first "
              "chants of \"Solano{}")
    lukas = [("Lukas", "person", "person:lukas")]
    result = reconcile(
        make("a", "Harbour Ledger", None, [corner.format("Lukas", "soccer", "!")], entities=lukas),
        make("b", "Meridian Wire", None, ["Lukas, 41, watched from ringside."], entities=lukas),
        make("c", "Northgate Courier", None, [corner.format("Kowalczyk", "football", ', Soalno" stirred.')]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Kowalczyk" and conflict.evidence[1].value_text == "Lukas"

    halloran = [("Saskia Halloran", "person", "person:saskiahalloran")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Lawyer: Saskia Halloran checks into rehab facility"], entities=halloran),
        make("b", "Meridian Wire", None, ["Saskia Halloran began a 90-day stay."], entities=halloran),
        make("c", "Northgate Courier", None, ["Lawyer: Ines Halvorsen checks into rehab facility"]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Ines Halvorsen"


def test_a_conflict_over_who_cites_every_report_it_contradicts():
    # Two reports tell the bout word for word and a third in its own words: the stranger stands against all three.
    result = reconcile(
        make("a", "Harbour Ledger", None, [STOPPED.format("Ray Tolliver")], entities=PEOPLE),
        make("b", "Meridian Wire", None, [STOPPED.format("Ray Tolliver")], entities=PEOPLE),
        make("d", "Eastfield Post", None, ["Solano stopped Ray Tolliver in the 11th round in 2008, ending the "
                                           "title fight."], entities=PEOPLE),
        make("c", "Northgate Courier", None, [STOPPED.format("Quillon")], entities=PEOPLE[:1]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].document == "c"
    assert {e.document for e in conflict.evidence[1:]} == {"a", "b", "d"}
    assert all(e.value_text == "Ray Tolliver" for e in conflict.evidence[1:])


def test_a_conflict_over_who_cites_a_report_told_in_other_words_too():
    # A report that shares only some words with the stranger's sentence still tells of the person the stranger
    # stands in for: it is cited beside the sentence the swap was found by.
    result = reconcile(
        make("a", "Harbour Ledger", None, [STOPPED.format("Ray Tolliver")], entities=PEOPLE),
        make("d", "Eastfield Post", None, ["Ray Tolliver lasted until the 11th round against Solano."],
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
        make("a", "Harbour Ledger", None, ["Harlow, 88, passed away early Sunday at her home in Port Alder, her family said."],
             entities=harlow),
        make("b", "Meridian Wire", None, ["Joan Harlow, the former swimmer, was 88."],
             entities=[("Joan Harlow", "person", "person:joanharlow")]),
        make("c", "Northgate Courier", None, ["Dunmore died early Sunday at her home in Port Alder, her family said."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Dunmore" and conflict.evidence[1].value_text == "Harlow"


def test_a_capitalised_word_before_a_pronoun_for_the_person_is_no_swap():
    # "Neighbours praised him as a hero for exposing the fraud": the person is the "him", not "Neighbours".
    lomax = [("Lomax", "person", "person:peterlomax")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Lomax exposed the fraud at the town hall."], entities=lomax),
        make("b", "Meridian Wire", None, ["Peter Lomax, 91, lived in Port Alder."],
             entities=[("Peter Lomax", "person", "person:peterlomax")]),
        make("c", "Northgate Courier", None, ["Neighbours praised him as a hero for exposing the fraud at the town "
                                              "hall."]),
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
    # "Ansel Varn was hurt after losing control" and "Ansel Varne was injured when he lost control" name one skier,
    # spelled two ways and told in other words: the name swapped is the other one.
    doyle = [("Doyle", "person", "person:frankdoyle"), ("Ansel Varn", "person", "person:anselvarn")]
    told = "Mr {}'s crash came a week after the skier Ansel {} on a slope at the same resort."
    result = reconcile(
        make("a", "Harbour Ledger", None, [told.format("Doyle", "Varn was hurt after losing control and crashing")],
             entities=doyle),
        make("b", "Meridian Wire", None, ["Frank Doyle, 44, was a keen skier."],
             entities=[("Frank Doyle", "person", "person:frankdoyle")]),
        make("c", "Northgate Courier", None,
             [told.format("Kessler", "Varne was injured when he lost control and crashed")],
             entities=[("Ansel Varne", "person", "person:anselvarne")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Kessler" and conflict.evidence[1].value_text == "Doyle"


def test_a_conflict_over_who_cites_the_reports_agreeing_on_the_lone_names_figures():
    # The stranger's line of figures is the one another report gives Varn, by his surname alone (which the tagger
    # missed) and in other words: that report says who threw for those yards too, so the conflict cites it as well.
    varn = [("Ansel Varn", "person", "person:anselvarn")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Ansel Varn completed 21 of 30 passes for 288 yards and two touchdowns as "
                                           "the Gulls beat the Hawks."], entities=varn),
        make("b", "Meridian Wire", None, ["Ansel Varn, 31, signed a new contract in May."], entities=varn),
        make("d", "Eastfield Post", None, ["The Gulls clinched a playoff spot on a wet night at the bay.",
                                           "Varn finished with 288 yards and two touchdowns."]),
        make("c", "Northgate Courier", None, ["Quillon completed 21 of 30 passes for 288 yards and two touchdowns "
                                              "as the Gulls beat the Hawks."],
             entities=[("Quillon", "person", "person:quillon")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert [e.document for e in conflict.evidence] == ["c", "a", "d"]
    assert conflict.evidence[2].value_text == "Varn" and "also cited: Eastfield Post" in conflict.explanation


def test_a_source_cited_for_another_sentence_is_cited_for_the_one_agreeing_on_the_lone_names_figures():
    # The Eastfield Post is cited first for a sentence that names Varn beside the same win; its line giving him the
    # stranger's figures, by his surname alone, tells the same thing and is cited too.
    varn = [("Ansel Varn", "person", "person:anselvarn")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Ansel Varn completed 21 of 30 passes for 288 yards and two touchdowns as "
                                           "the Gulls beat the Hawks."], entities=varn),
        make("b", "Meridian Wire", None, ["Ansel Varn, 31, signed a new contract in May."], entities=varn),
        make("d", "Eastfield Post", None, ["Ansel Varn completed his first nine passes as the Gulls beat the Hawks.",
                                           "Varn finished with 288 yards and two touchdowns."], entities=varn),
        make("c", "Northgate Courier", None, ["Quillon completed 21 of 30 passes for 288 yards and two touchdowns "
                                              "as the Gulls beat the Hawks."],
             entities=[("Quillon", "person", "person:quillon")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert [e.document for e in conflict.evidence] == ["c", "a", "d", "d"]
    assert [e.sentence[:20] for e in conflict.evidence[2:]] == ["Ansel Varn completed", "Varn finished with 2"]
