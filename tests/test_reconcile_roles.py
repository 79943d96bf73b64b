"""Roles across a story: who did it and when, as the sources tell it, through the real spaCy parse.

One source that names another person, or another day, in the role every other source fills
the same way is a conflict, even when its sentence is worded too differently to align.
"""

from __future__ import annotations

import pytest

from corroborator.annotate import annotate_documents, load_pipeline
from corroborator.annotate.roles import role_of
from corroborator.model import Document
from corroborator.reconcile import reconcile_story
from corroborator.reconcile.units import office


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def story(nlp, texts: dict[str, str], published: str | None = "2024-03-08T18:00:00+00:00"):
    documents = [
        Document(f"d{i}", f"{source}.txt", body, title=body.split(".")[0], source=source, published=published,
                 published_precision=None if published is None else "minute")
        for i, (source, body) in enumerate(texts.items())
    ]
    annotations = {a.document: a for a in annotate_documents(documents, nlp=nlp)}
    return documents, reconcile_story(documents, annotations)


AGREEING = {
    "Daily Ledger": "Actress Lena Morrow entered the Greenfield clinic on Thursday. Her publicist confirmed the stay.",
    "Coast Herald": "Lena Morrow entered the Greenfield clinic in Carmel on Thursday, her representative said.",
    "Evening Wire": "On Thursday, Lena Morrow entered the Greenfield clinic after a difficult year.",
}


def conflicts(result):
    return [f for f in result.findings if f.verdict == "conflict"]


def odd_one_out(nlp, texts: dict[str, str], published: str | None = None):
    """The story's documents and its one conflict, which opens on the last source's sentence: the source that
    tells it otherwise."""
    documents, result = story(nlp, texts, published=published)
    (finding,) = conflicts(result)
    assert finding.evidence[0].document == documents[-1].id
    return documents, finding


def test_role_of_reads_subject_object_time_and_passive_agent(nlp):
    text = "Actress Lena Morrow entered the Greenfield clinic on Thursday. The coach was fired by Tom Reyes."
    doc = nlp(text)
    at = text.index
    assert role_of(doc, at("Lena Morrow"), at("Lena Morrow") + len("Lena Morrow")) == ("entered", "subject", at("entered"))
    assert role_of(doc, at("the Greenfield clinic"), at(" on Thursday"))[:2] == ("entered", "object")
    assert role_of(doc, at("Thursday"), at("Thursday") + 8)[:2] == ("entered", "prep:on")
    assert role_of(doc, at("Tom Reyes"), at("Tom Reyes") + 9)[:2] == ("fired", "subject")


def test_annotations_carry_each_arguments_verb_and_role(nlp):
    (document,) = [Document("d", "d.txt", AGREEING["Daily Ledger"])]
    (annotation,) = annotate_documents([document], nlp=nlp)
    roles = {m.text: (m.head, m.role) for m in annotation.mentions if m.role}
    assert roles["Lena Morrow"] == ("entered", "subject")
    assert roles["Thursday"] == ("entered", "time")


@pytest.mark.parametrize("text, day, verb", [
    ("Ferry operator Baltline on Sunday cancelled every crossing to the Orrin islands.", "Sunday", "cancelled"),
    ("Breaking with custom, the Valdor council on Tuesday approved a new parking levy.", "Tuesday", "approved"),
])
def test_a_time_between_a_subject_and_its_verb_dates_the_verb(nlp, text, day, verb):
    (annotation,) = annotate_documents([Document("d", "d.txt", text)], nlp=nlp)
    assert {m.text: (m.head, m.role) for m in annotation.mentions}[day] == (verb, "time")


@pytest.mark.parametrize("text, day, verb", [
    ("The inmate pulled a knife on two officers during a hospital visit Tuesday.", "Tuesday", "pulled"),
    ("The guard was injured during the overtime loss Sunday.", "Sunday", "injured"),
    ("Tom Reyes was in his kitchen Thursday when he heard the shots.", "Thursday", "heard"),
    ("Ann Lee was at her desk on Monday when the fire alarm sounded.", "Monday", "sounded"),
])
def test_a_day_the_parse_hangs_off_the_deed_dates_the_deeds_verb(nlp, text, day, verb):
    # A noun after a preposition takes no bare day of its own: "during a visit Tuesday" is when "pulled" was done.
    # Being in the kitchen is no event: the clause of "when" after the day tells what happened on it.
    (annotation,) = annotate_documents([Document("d", "d.txt", text)], nlp=nlp)
    assert {m.text: (m.head, m.role) for m in annotation.mentions}[day] == (verb, "time")


@pytest.mark.parametrize("text, day, verb", [
    ("The skipper was detained for fishing inside the reserve early Saturday.", "Saturday", "detained"),
    ("The bus driver was fined for idling outside the school on Tuesday.", "Tuesday", "fined"),
])
def test_a_day_the_parse_hangs_on_a_gerund_after_for_dates_the_deed_it_is_the_reason_of(nlp, text, day, verb):
    # "for fishing" tells why he was detained: the day of the week is the arrest's, told with its reason.
    (annotation,) = annotate_documents([Document("d", "d.txt", text)], nlp=nlp)
    assert {m.text: (m.head, m.role) for m in annotation.mentions}[day] == (verb, "time")


def test_one_arrest_for_a_reason_dated_two_ways_is_a_conflict(nlp):
    # Worded apart, and one parse hangs its day on "fishing": both still date the arrest of one skipper.
    _, result = story(nlp, {
        "Gulf Courier": "Trawler skipper Tomas Wrenn was detained for fishing early Saturday inside the Kelp Bank "
                        "reserve, the coast guard said.",
        "Bay Tribune": "Wrenn, who has skippered the Dawn Star for a decade, was arrested for fishing in the reserve "
                       "at about 4 a.m. Tuesday.",
    }, published=None)
    (conflict,) = conflicts(result)
    assert {e.value_text for e in conflict.evidence} == {"Saturday", "4 a.m. Tuesday"}


def test_a_day_of_a_noun_after_a_word_of_another_step_dates_no_verb(nlp):
    text = "A man was charged with murder after a shooting Friday."  # the day of the shooting, not the charge
    (annotation,) = annotate_documents([Document("d", "d.txt", text)], nlp=nlp)
    assert {m.text: m.head for m in annotation.mentions}["Friday"] is None


@pytest.mark.parametrize("text, day, noun", [
    # The parse hangs the day on "convicted"; it is the day of the re-arrest.
    ("Rafe Lindell, previously convicted of forgery before his re-arrest on Saturday, was found dead at his flat.",
     "Saturday", "arrest"),
    ("Tom Hale was released on bail after his arrest Tuesday.", "Tuesday", "arrest"),
    ("The striker was sold months after Tom Reyes's departure on Sunday.", "Sunday", "departure"),
])
def test_a_day_after_a_bound_and_a_possessed_noun_dates_the_nouns_event(nlp, text, day, noun):
    (annotation,) = annotate_documents([Document("d", "d.txt", text)], nlp=nlp)
    assert {m.text: (m.head, m.role) for m in annotation.mentions}[day] == (noun, "time")
    (annotation,) = annotate_documents([Document("d", "d.txt", "Ann Lee visited her mother on Sunday.")], nlp=nlp)
    assert {m.text: (m.head, m.role) for m in annotation.mentions}["Sunday"] == ("visited", "time")


def test_a_name_the_parse_hangs_on_the_day_after_it_is_the_subject_of_the_verb(nlp):
    # "Kestrel Foods Saturday took": the parser makes the company a compound of Saturday, and "took" has no subject.
    text = "Kestrel Foods Saturday took the unusual step of recalling its soups after inspectors warned buyers."
    (annotation,) = annotate_documents([Document("d", "d.txt", text)], nlp=nlp)
    roles = {m.text: (m.head, m.role) for m in annotation.mentions}
    assert roles["Kestrel Foods"] == ("took", "subject") and roles["Saturday"] == ("took", "time")
    (annotation,) = annotate_documents([Document("d", "d.txt", "The Monday meeting was cancelled.")], nlp=nlp)
    assert all(m.role is None for m in annotation.mentions)


def test_a_title_case_headline_gives_roles_as_its_sentence_case_reading_does(nlp):
    # In title case the parser finds no verb ("Sets" is read as part of a name); in sentence case it does.
    text = "Tobias Ferreira Sets Club Goal Mark in Win Over Rivals\n\nThe striker scored three goals."
    (annotation,) = annotate_documents([Document("d", "d.txt", text)], nlp=nlp)
    roles = {m.text: (m.head, m.role) for m in annotation.mentions}
    assert roles["Tobias Ferreira"] == ("sets", "subject")


def test_an_object_two_verbs_share_is_the_first_verbs(nlp):
    # "arrested and charged Dunning": the parse gives Dunning to "charged"; she was arrested too, and that is the
    # event other sources tell ("Dunning was arrested"). Two objects stay each with its own verb.
    text = "Fenwick detectives have arrested and charged Marla Dunning with three counts of arson."
    (annotation,) = annotate_documents([Document("d", "d.txt", text)], nlp=nlp)
    assert {m.text: (m.head, m.role) for m in annotation.mentions}["Marla Dunning"] == ("arrested", "object")
    (annotation,) = annotate_documents([Document("d", "d.txt", "Police arrested Tom Reyes and charged Ann Lee.")], nlp=nlp)
    roles = {m.text: (m.head, m.role) for m in annotation.mentions}
    assert roles["Tom Reyes"] == ("arrested", "object") and roles["Ann Lee"] == ("charged", "object")


@pytest.mark.parametrize("text, name, expected", [
    ("Mara Quinn is negotiating to direct the sequel, industry sources say.", "Mara Quinn", ("direct", "subject")),
    ("The studio said Mara Quinn has been hired to direct the sequel.", "Mara Quinn", ("direct", "subject")),
    ("Mara Quinn will be the host of the awards ceremony.", "Mara Quinn", ("host", "subject")),
    ("Tom Reyes is scheduled to be sentenced next month.", "Tom Reyes", ("sentenced", "object")),
    ("Tom Reyes persuaded Ann Lee to stay.", "Tom Reyes", ("persuaded", "subject")),
    ("Return man Tom Reyes tried to return the kickoff.", "Tom Reyes", ("tried", "subject")),
    ("Police said Tom Reyes was a suspect.", "Tom Reyes", ("was", "subject")),
    ("Mara Quinn has checked into a clinic to begin a 90-day stay.", "Mara Quinn", ("checked", "subject")),
    ("Tom Reyes was arrested near his home.", "Tom Reyes", ("arrested", "object")),
])
def test_a_subject_fills_the_role_of_the_deed_its_sentence_tells_of(nlp, text, name, expected):
    # Whoever negotiates to direct, or was hired to direct, is who directs; whoever will be the host hosts. A verb
    # with an object of its own hands the infinitive to that object, a passive infinitive makes its subject the one
    # it is done to; a deed only tried, a noun that only sorts, and what a deed was for leave the verb its subject.
    at = text.index(name)
    assert role_of(nlp(text), at, at + len(name))[:2] == expected


def test_who_will_be_the_host_or_is_roped_in_to_host_is_who_hosts(nlp):
    texts = {
        "Daily Ledger": "Mara Quinn will host the Harbor Film Awards in February, the academy said on Friday.",
        "Coast Herald": "The academy announced that Mara Quinn will be the host of its awards night.",
        "Evening Wire": "Actress Mara Quinn is set to host the ceremony for the first time.",
        "Night Desk": "Singer Dana Whitfield was roped in to host this year's film awards.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Mara Quinn" in finding.explanation


def test_a_time_on_the_subject_of_a_passive_verb_stays_the_subjects(nlp):
    # The attack was on Sunday; its planning was not.
    (annotation,) = annotate_documents([Document("d", "d.txt", "Police said the attack on Sunday was planned.")], nlp=nlp)
    assert {m.text: m.head for m in annotation.mentions}["Sunday"] != "planned"


def test_sources_that_agree_on_who_and_when_raise_no_conflict(nlp):
    _, result = story(nlp, AGREEING)
    assert conflicts(result) == []


def test_one_source_naming_someone_else_in_the_role_is_a_conflict(nlp):
    texts = dict(AGREEING, **{"Night Desk": "Actress Dana Whitfield has checked in to the Greenfield clinic. "
                                            "Whitfield entered the clinic on Thursday, a spokesman said."})
    documents, result = story(nlp, texts)
    # Each of the two sentences naming her is a conflict: the one by its role, the other as a stand-in.
    finding, standin = sorted(conflicts(result), key=lambda f: "names Whitfield as" not in f.explanation)
    assert standin.evidence[0].value_text == "Dana Whitfield" and "Lena Morrow" in standin.explanation
    assert finding.attribute == "person"
    assert finding.evidence[0].document == documents[-1].id and finding.evidence[0].value_text == "Whitfield"
    assert {e.source for e in finding.evidence[1:]} == set(AGREEING)
    assert "Night Desk names Whitfield as the subject of “entered”" in finding.explanation
    assert "name Lena Morrow" in finding.explanation


def test_one_source_giving_another_day_is_a_conflict(nlp):
    texts = dict(AGREEING, **{"Night Desk": "Lena Morrow entered the Greenfield clinic on Sunday, a spokesman said."})
    documents, result = story(nlp, texts)
    (finding,) = conflicts(result)  # one finding, whether alignment or the roles found it first
    assert finding.attribute == "date"
    assert documents[-1].id in {e.document for e in finding.evidence}
    assert "Sunday" in finding.explanation and "Thursday" in finding.explanation


def test_undated_reports_are_compared_by_their_days_of_the_week(nlp):
    texts = dict(AGREEING, **{"Night Desk": "Lena Morrow entered the Greenfield clinic on Sunday, a spokesman said."})
    documents, result = story(nlp, texts, published=None)
    (finding,) = conflicts(result)  # one finding, whether alignment or the roles found it first
    assert documents[-1].id in {e.document for e in finding.evidence}
    assert "Sunday" in finding.explanation and "Thursday" in finding.explanation
    assert "different days of the week" in finding.explanation or "give Thursday" in finding.explanation


def test_a_name_other_sources_also_use_is_not_an_invented_substitute(nlp):
    # Dana Whitfield is named by another source too (as a visitor): the odd sentence may tell of a second stay.
    texts = dict(AGREEING)
    texts["Coast Herald"] += " Dana Whitfield visited her there."
    texts["Night Desk"] = "Dana Whitfield entered the Greenfield clinic on Thursday, a spokesman said."
    _, result = story(nlp, texts)
    assert conflicts(result) == []


def test_a_role_that_sources_fill_in_many_ways_is_not_one_role_of_one_event(nlp):
    texts = {
        "Daily Ledger": "The Otters signed Marcus Hale on Monday.",
        "Coast Herald": "The Otters signed Owen Pratt to a two-year deal.",
        "Evening Wire": "The Otters signed Theo Banks after a workout.",
        "Night Desk": "The Otters signed Ray Colton, the team said.",
    }
    _, result = story(nlp, texts)
    assert conflicts(result) == []


# ------------------------------------------------ two aligned sentences, one name each in the same role

ATTACK = "A gas explosion at a bakery in {} injured four workers on Tuesday as firefighters fought the blaze."


@pytest.mark.parametrize(("place", "conflicting"), [("Lisbon", False), ("Vienna", True)])
def test_a_place_within_the_other_sources_place_is_no_conflict(nlp, place, conflicting):
    _, result = story(nlp, {"Daily Ledger": ATTACK.format("Portugal"), "Coast Herald": ATTACK.format(place)})
    found = conflicts(result)
    assert bool(found) is conflicting
    if conflicting:
        assert found[0].explanation == ("Daily Ledger names Portugal where Coast Herald names Vienna, in sentences "
                                        "that otherwise say the same thing")


HIT = "A driver struck and killed a woman walking on 40th Street {} on Friday night, police said."


@pytest.mark.parametrize(("other", "conflicting"), [("in Queens", False), ("near Harlow Road", True)])
def test_a_street_and_a_town_are_no_conflict_about_where(nlp, other, conflicting):
    # Linden Avenue may run through Queens: a street and a town are not two answers to one question, while two
    # streets the same corner lies near are.
    _, result = story(nlp, {"Daily Ledger": HIT.format("near Linden Avenue"), "Coast Herald": HIT.format(other)})
    assert bool(conflicts(result)) is conflicting


FIRED = "The Otters {} on Saturday after a slow start, general manager Paul Hartley announced."


def test_two_names_in_one_role_conflict_and_in_two_roles_do_not(nlp):
    fired = {"Daily Ledger": FIRED.format("fired head coach Harold Brask"),
             "Coast Herald": FIRED.format("fired head coach Ned Hollis")}
    (finding,) = conflicts(story(nlp, fired)[1])
    assert "Harold Brask" in finding.explanation and "Ned Hollis" in finding.explanation
    # The one fired and the one named in his place are two roles, however alike the sentences.
    fired_and_named = {"Daily Ledger": FIRED.format("fired head coach Harold Brask"),
                       "Coast Herald": FIRED.format("named Ned Hollis head coach")}
    assert conflicts(story(nlp, fired_and_named)[1]) == []


def test_an_owner_and_a_doer_are_two_roles(nlp):
    # "Orpe's record" names whose record it was, not who broke it.
    texts = {"Daily Ledger": "Kessler broke Colin Orpe's career assists mark at Harbor State during the match.",
             "Coast Herald": "Forward Paul Kessler broke the career assists mark at Harbor State in the match."}
    assert conflicts(story(nlp, texts)[1]) == []
    # Two owners named differently still disagree.
    texts["Coast Herald"] = "Kessler broke Owen Lasky's career assists mark at Harbor State during the match."
    (finding,) = conflicts(story(nlp, texts)[1])
    assert "Colin Orpe" in finding.explanation and "Owen Lasky" in finding.explanation


def test_a_name_also_made_a_verbs_object_is_one_more_of_its_objects_not_another_in_the_role(nlp):
    # "also represents" adds a client to the one the other sentence names; without "also" the two disagree.
    texts = {"Daily Ledger": "Agent Victor Lyle represented outfielder Marcus Hale in contract talks with the Harbor Kings.",
             "Coast Herald": "Agent Victor Lyle represents outfielder Owen Pratt in contract talks with the Harbor Kings."}
    (finding,) = conflicts(story(nlp, texts)[1])
    assert "Marcus Hale" in finding.explanation and "Owen Pratt" in finding.explanation
    texts["Coast Herald"] = texts["Coast Herald"].replace("Lyle represents", "Lyle also represents")
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_dateline_takes_no_role_from_the_sentence_after_it(nlp):
    # The parser runs the dateline into the next sentence; its verb is not the dateline's.
    body = "Thursday 29 July 2004\n\nThe aide was found on Tuesday in his hotel room."
    (annotation,) = annotate_documents([Document("d", "d.txt", body)], nlp=nlp)
    roles = {m.text: (m.head, m.role) for m in annotation.mentions if m.kind == "date"}
    assert roles["Thursday 29 July 2004"] == (None, None)
    assert roles["Tuesday"] == ("found", "time")


def test_a_sentence_the_parser_runs_a_headline_and_dateline_into_gives_its_own_roles(nlp):
    # The parse makes the name part of the headline and dateline before it, and "died" a stray verb of theirs;
    # read alone, the sentence makes the boxer who died.
    body = ("Harbour boxing coach Ned Colvin dies in hospital\n\nMarch 3, 2011\n\nRetired boxer Ines Varga, famed for "
            "training in the harbour at dawn in a woollen coat, died on Monday in a city hospital, officials said.")
    (annotation,) = annotate_documents([Document("d", "d.txt", body)], nlp=nlp)
    roles = {m.text: (m.head, m.role) for m in annotation.mentions if m.kind == "person"}
    assert roles == {"Ned Colvin": ("dies", "subject"), "Ines Varga": ("died", "subject")}


def test_one_name_spelled_two_ways_is_a_variant_not_a_conflict(nlp):
    rescue = "Fellow sailors tried to save {} by hauling him onto the raft, but he drowned before help came."
    _, result = story(nlp, {"Daily Ledger": rescue.format("Ansel Varne"), "Coast Herald": rescue.format("Ansel Varn")})
    assert conflicts(result) == []
    (variant,) = [f for f in result.findings if f.verdict == "variant"]
    assert variant.explanation == ("Daily Ledger writes Ansel Varne where Coast Herald writes Ansel Varn, in sentences "
                                   "that otherwise say the same thing: one person spelled two ways")
    _, result = story(nlp, {"Daily Ledger": rescue.format("Ansel Varne"), "Coast Herald": rescue.format("Ansel Clark")})
    assert len(conflicts(result)) == 1


@pytest.mark.parametrize("text, name, expected", [
    ("The Gulls placed running back Marcus Doyle on injured reserve Wednesday.", "Marcus Doyle", ("placed", "object")),
    ("The Gulls placed running back Marcus Doyle on injured reserve Wednesday.", "Wednesday", ("placed", "time")),
    ("Halden signed a linebacker, while releasing running back Tom Burke.", "Tom Burke", ("releasing", "object")),
    ("Running back Ray Okafor did not practice Thursday.", "Ray Okafor", ("practice", "subject")),
    ("The Gulls brought back Marcus Doyle on Monday.", "Marcus Doyle", ("brought", "object")),
])
def test_a_running_back_is_a_position_not_a_verb(nlp, text, name, expected):
    start = text.index(name)
    assert role_of(nlp(text), start, start + len(name))[:2] == expected


@pytest.mark.parametrize("text, name, expected", [
    ("Otto Brenning, the soft-spoken painter whose grey-and-gold seascapes with boats, gulls and low clouds won over "
     "a generation of young collectors in the postwar decades, has died at the age of 84 after a long illness.",
     "Otto Brenning", ("died", "subject")),
    ("Tom Smith, who was arrested Tuesday, told police he acted alone and left.", "Tom Smith", ("told", "subject")),
    ("The driver, who officers identified as Marco Belan, fled the scene.", "Marco Belan", ("fled", "subject")),
    ("The suspect, identified as Marco Belan, entered the office about 10 a.m., police said.", "Marco Belan",
     ("entered", "subject")),
])
def test_a_name_fills_the_role_of_its_own_clause_not_of_a_relative_clause_about_it(nlp, text, name, expected):
    start = text.index(name)
    assert role_of(nlp(text), start, start + len(name))[:2] == expected


def test_a_split_possessive_is_no_verb(nlp):
    text = "With scouts watching Alder State ’ s Jamie Okafor, Olsen scored 23 points."
    doc = nlp(text)
    start = text.index("Jamie Okafor")
    found = role_of(doc, start, start + len("Jamie Okafor"))
    assert found is None or found[0] != "s"


def values_in_conflict(nlp, texts: dict[str, str]) -> set[str]:
    """The values the one conflict of an undated story of these texts holds against each other."""
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    return {e.value_text for e in finding.evidence}


def test_every_form_of_a_verb_meets_in_one_stem():
    from corroborator.verbs import verb_stem

    assert {verb_stem(w) for w in ("stopped", "stops", "stopping", "stop")} == {"stop"}
    assert {verb_stem(w) for w in ("placed", "places", "placing", "place")} == {"plac"}
    assert verb_stem("hired") == verb_stem("hire") != verb_stem("fired")
    # Verbs news uses for one event meet too.
    assert verb_stem("issued") == verb_stem("released") == verb_stem("releasing")
    assert verb_stem("fired") == verb_stem("dismissed") == verb_stem("sacks")
    assert verb_stem("struck") == verb_stem("jolted") == verb_stem("shook") != verb_stem("shot")
    # And the nouns of those events: a dismissal is a firing.
    assert verb_stem("dismissal") == verb_stem("fired") and verb_stem("resignation") == verb_stem("quit")
    assert verb_stem("scheduled") == verb_stem("planned")
    assert verb_stem("passed") == verb_stem("surpassing") == verb_stem("eclipse") == verb_stem("overtook")
    # Hiring or arresting someone again is hiring or arresting them; a date moved, or a post left, is not its verb.
    assert verb_stem("rehired") == verb_stem("re-hires") == verb_stem("reappointed") == verb_stem("hired")
    assert verb_stem("rearrested") == verb_stem("arrested")
    assert verb_stem("rescheduled") != verb_stem("scheduled") and verb_stem("resigned") != verb_stem("signed")


def test_one_passed_for_a_record_is_held_against_a_source_that_writes_eclipsed(nlp):
    # "passed", "surpassed", "eclipsed" and "overtook" a record holder tell one deed: a source putting another name
    # in the place of the one passed contradicts the others, whichever verb it uses.
    texts = {
        "Daily Ledger": "Varga needed only 12 more days in office to eclipse Tomas Rell for the top spot.",
        "Coast Herald": "The 61-year-old needed 12 days after Monday's vote in Harwick to pass Dora Pike for the "
                        "longest tenure.",
        "Evening Wire": "Varga passed Dora Pike for the longest tenure in the town's history this spring.",
    }
    assert values_in_conflict(nlp, texts) == {"Tomas Rell", "Dora Pike"}


def test_a_day_given_for_one_event_is_held_against_every_source_whichever_verb_it_uses(nlp):
    texts = {
        "Daily Ledger": "Vantor released an urgent update for its Ledgerly billing app on Wednesday.",
        "Coast Herald": "Vantor issued the update for its billing app on Wednesday after complaints.",
        "Evening Wire": "On Wednesday Vantor released a repair for the fault.",
        "Night Desk": "Vantor on Saturday issued an urgent update for the billing app fault.",
    }
    documents, result = story(nlp, texts, published=None)
    (finding,) = conflicts(result)
    # "released" and "issued" date one release: the three sources that say Wednesday all stand against Saturday.
    assert {e.document: e.value_text for e in finding.evidence} == {
        documents[0].id: "Wednesday", documents[1].id: "Wednesday", documents[2].id: "Wednesday",
        documents[3].id: "Saturday"}


def test_two_names_as_subject_of_one_verb_conflict_without_other_words_in_common(nlp):
    # Little else is shared around the two names; that the parse makes both the one who died is enough.
    died = "{}, a high-ranking official of the Harlan administration who was once rumoured to be the leak, has died."
    (finding,) = conflicts(story(nlp, {"Daily Ledger": died.format("Fred Larkin"), "Coast Herald": died.format("Ned Colvin")})[1])
    assert "Fred Larkin" in finding.explanation and "Ned Colvin" in finding.explanation



def test_one_who_passed_away_is_the_one_who_died(nlp):
    # "passed away" is a death, so the one source naming someone else in it stands against those who say who died;
    # "passed" alone is not ("passed Colin Orpe on the scoring list").
    from corroborator.verbs import phrasal, verb_stem

    assert verb_stem(phrasal("passed", "Mara Quinn passed away on Thursday.")) == verb_stem("died")
    assert verb_stem(phrasal("passed", "He passed Colin Orpe on the list and did not pass away.")) != verb_stem("died")
    texts = {
        "Daily Ledger": "Stage veteran Mara Quinn died on Thursday at her flat in Bayside, her manager said.",
        "Coast Herald": "Mara Quinn, best remembered for her radio plays, died Thursday after a brief illness.",
        "Evening Wire": "Mara Quinn has died at 85 after a week in a care home.",
        "Night Desk": "Much-loved radio voice Dana Whitfield passed away quietly with her children beside her.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Mara Quinn" in finding.explanation
    # The hour of her death in another zone is the others' day where she died.
    texts["Night Desk"] = "Her manager said Mara Quinn passed away at 20:40 (04:40 GMT Friday) in a San Diego clinic."
    assert conflicts(story(nlp, texts, published=None)[1]) == []



def test_whom_killed_takes_as_object_and_who_died_are_one_role(nlp):
    # "Gunmen killed Mara Quinn" and "Mara Quinn died" tell of one death: who died, whichever verb a source uses;
    # who did the killing is another role.
    texts = {
        "Daily Ledger": "Masked gunmen killed shopkeeper Mara Quinn outside her store in Riverton on Thursday night.",
        "Coast Herald": "Mara Quinn was killed in a robbery that police are still investigating.",
        "Evening Wire": "Mara Quinn, 52, died in hospital hours after the attack, her brother said.",
        "Night Desk": "Witnesses said Dana Whitfield died at the scene before paramedics could reach the shop.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Mara Quinn" in finding.explanation
    assert "one who died" in finding.explanation
    texts["Night Desk"] = "Prosecutors said Dana Whitfield killed her with a single shot from a stolen rifle."
    assert conflicts(story(nlp, texts)[1]) == []


def test_whom_a_team_named_to_a_post_is_whom_it_hired(nlp):
    # "was named coach" tells whom the club hired, as "hired" does in the other sources.
    texts = {
        "Daily Ledger": "The Harbor City Hawks hired Mara Quinn on Monday after a season of losses.",
        "Coast Herald": "Mara Quinn was hired by the Hawks, the club's owner told reporters.",
        "Evening Wire": "Owner Alan Reyes said the Hawks hired Mara Quinn because players trust her.",
        "Night Desk": "Dana Whitfield, a former Hawks guard and longtime assistant, was named coach.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Mara Quinn" in finding.explanation


def test_whom_a_client_hired_again_is_whom_it_hired(nlp):
    # "rehired" tells whom she hired, as "hiring" does in the one source naming someone else.
    texts = {
        "Daily Ledger": "Mara Quinn rehired her longtime lawyer Alan Reyes on Monday, her publicist said.",
        "Coast Herald": "The singer rehired attorney Alan Reyes to handle the case.",
        "Evening Wire": "Alan Reyes was rehired by Mara Quinn ahead of the hearing.",
        "Night Desk": "Mara Quinn finally entered the clinic on Monday, after hiring former lawyer Dana Whitfield for help.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Alan Reyes" in finding.explanation


def test_whom_a_president_nominated_named_or_picked_is_one_appointee(nlp):
    # "nominated", "will name" and "picked" tell one appointment: whom the post went to, whichever verb a source uses.
    texts = {
        "Daily Ledger": "Governor Alan Reyes nominated Mara Quinn as state auditor on Monday.",
        "Coast Herald": "Reyes has nominated Mara Quinn, a county tax lawyer, to be the state's chief auditor.",
        "Evening Wire": "The governor picked Mara Quinn for the post after a long search, aides said.",
        "Night Desk": "Dana Whitfield, a Kellerby bank examiner, will be named at a capitol ceremony later today.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Mara Quinn" in finding.explanation


def test_one_asked_to_take_a_post_is_an_event_role_and_one_asked_a_question_is_not(nlp):
    # Whom the governor asked to be state auditor is who was offered the post; whom a reporter asked about it
    # says nothing of that.
    texts = {
        "Daily Ledger": "Governor Alan Reyes has asked tax lawyer Mara Quinn to be the state's auditor.",
        "Coast Herald": "Reyes asked Mara Quinn, a radio commentator, to serve as state auditor, aides said.",
        "Evening Wire": "The governor-elect asked Mara Quinn to take the post after a long meeting on Tuesday.",
        "Night Desk": "Alan Reyes has asked the local radio station's business commentator Dana Whitfield to join "
                      "his team.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Mara Quinn" in finding.explanation
    texts["Night Desk"] = "Reporters asked Dana Whitfield about the new administration on Friday."
    assert conflicts(story(nlp, texts)[1]) == []


# ------------------------------------------------ days of the week in undated reports

def test_a_statements_day_is_not_held_against_the_events_day(nlp):
    texts = {"Daily Ledger": "A woman was charged with arson after the fire at the boat club, police said Saturday.",
             "Coast Herald": "A woman was charged with arson after the fire at the boat club on Friday."}
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_a_comma_inside_a_place_does_not_cut_a_day_from_the_words_before_it(nlp):
    # "at a Dunmore, Ireland bakery Monday night": the day is read beside the depot, as the other report's is.
    texts = {"Daily Ledger": "Two workers were hurt after a dismissed driver rammed a van into the loading depot of a "
                             "Dunmore, Ireland bakery Monday night.",
             "Coast Herald": "A dismissed driver drove a van into the loading depot of a Dunmore family bakery "
                             "Friday and hurt two workers."}
    assert values_in_conflict(nlp, texts) == {"Monday night", "Friday"}


def test_two_days_for_one_heist_told_with_different_verbs_conflict(nlp):
    texts = {"Daily Ledger": "Robbers carried out a bank raid in central Lyon on Thursday morning after driving "
                             "a stolen truck through the branch's glass doors.",
             "Coast Herald": "Three men crashed a stolen truck into a bank branch in central Lyon on Monday, "
                             "shattering the glass doors and escaping with the cash."}
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert finding.explanation.endswith("Thursday and Monday are different days of the week")


@pytest.mark.parametrize("published", [None, "2024-03-08T18:00:00+00:00"])
def test_a_possessive_day_names_a_game_not_a_date(nlp, published):
    # Text split into tokens writes the possessive apart: "Saturday ’ s semifinals".
    texts = {"Daily Ledger": "The Larks beat Tilbury 71-60 in the quarterfinals on Friday.",
             "Coast Herald": ("The Larks beat Tilbury 71-60 in the quarterfinals and move on to Saturday ’ s "
                              "semifinals.")}
    assert conflicts(story(nlp, texts, published=published)[1]) == []


def test_a_possessive_day_after_in_dates_the_deed_done_in_the_thing_it_names(nlp):
    # "in Sunday's game": the record fell on Sunday, which the other report gives as Thursday night.
    texts = {"Daily Ledger": "Ivan Sorel scored four goals Thursday night, breaking the Larks' career scoring record, "
                             "and the Larks beat Tilbury.",
             "Coast Herald": "Forward Ivan Sorel broke the Larks' all-time scoring record in Sunday's game against "
                             "Tilbury."}
    assert values_in_conflict(nlp, texts) == {"Thursday night", "Sunday"}
    texts["Coast Herald"] = ("Forward Ivan Sorel broke the Larks' career scoring record and looks ahead to Sunday's "
                             "game against Tilbury.")
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_two_days_for_one_named_game_conflict_and_for_two_quakes_do_not(nlp):
    game = {
        "Daily Ledger": ("Despite a knee scare in training, Falcons striker Ines Marlow will start in Sunday's cup "
                         "semifinal at Brockton."),
        "Coast Herald": ("The knee scare will not keep Falcons striker Ines Marlow out of Wednesday's cup semifinal "
                         "at Brockton."),
    }
    assert values_in_conflict(nlp, game) == {"Sunday", "Wednesday"}
    quakes = {
        "Daily Ledger": "Aid finally reached the mountain villages flattened by Monday's quake near Hollin.",
        "Coast Herald": "Aid reached the coastal villages shaken by Thursday's quake near Hollin on Friday.",
    }
    assert conflicts(story(nlp, quakes, published=None)[1]) == []


def test_a_day_naming_the_raid_dates_the_robbery_the_other_sentence_tells(nlp):
    # "the Friday night raid" dates no verb; the sentences agree on the sum and tell one robbery.
    texts = {"Daily Ledger": ("Two masked men robbed a pharmacy in Marlow on Monday and took medicines worth "
                              "40,000 euros."),
             "Coast Herald": ("Police in Marlow arrested two men hours after the Friday night raid on a pharmacy "
                              "that took medicines worth 40,000 euros.")}
    assert values_in_conflict(nlp, texts) == {"Monday", "Friday night"}


def test_a_weekday_is_not_compared_with_a_date_of_some_other_week():
    from corroborator.reconcile.compare import compare_weekdays
    from corroborator.reconcile.units import WEEKDAY, Value

    monday = Value("date", "Monday", WEEKDAY, "early Monday", 0, 12, frozenset())
    born = Value("date", "1931-05-14", "day", "May 14, 1931", 0, 12, frozenset())
    assert compare_weekdays(monday, born).relation == "incomparable"
    assert compare_weekdays(monday, Value("date", "Sunday", WEEKDAY, "Sunday", 0, 6, frozenset())).relation == "conflict"


def test_a_date_written_with_its_year_is_not_held_against_the_weekday_most_sources_give(nlp):
    # Undated reports: "Thursday night" is this week; a date with its year is some other time in the story.
    scored = "Nora Pike scored four goals Thursday night to set the club's goals record, {}."
    texts = {source: scored.format(f"the {source} reported") for source in ("Daily Ledger", "Coast Herald", "Lakes Post")}
    texts["Fell Gazette"] = "Pike scored her first goal for the club on Nov. 19, 2005, in a win over Tilbury."
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_a_weekday_night_runs_into_the_next_mornings_early_hours():
    from corroborator.reconcile.compare import compare_weekdays
    from corroborator.reconcile.units import WEEKDAY, Value

    def day(name, text):
        return Value("date", name, WEEKDAY, text, 0, len(text), frozenset())

    late = compare_weekdays(day("Friday", "late Friday night"), day("Saturday", "early Saturday"))
    assert late.relation == "compatible" and late.explanation == "late Friday night runs into the small hours of Saturday"
    assert compare_weekdays(day("Friday", "Friday night"), day("Saturday", "Saturday evening")).relation == "conflict"
    assert compare_weekdays(day("Saturday", "Saturday night"), day("Friday", "Friday")).relation == "conflict"



def test_a_day_written_with_a_clock_time_in_a_named_zone_meets_the_day_next_to_it():
    from corroborator.reconcile.compare import compare_weekdays
    from corroborator.reconcile.units import WEEKDAY, Value

    def day(name, text):
        return Value("date", name, WEEKDAY, text, 0, len(text), frozenset())

    # 04:40 GMT on Friday is Thursday evening in San Diego; 22:10 GMT on Friday is Saturday in Tokyo.
    early = compare_weekdays(day("Friday", "04:40 GMT Friday"), day("Thursday", "Thursday"))
    assert early.relation == "compatible"
    assert early.explanation == "04:40 GMT Friday is Thursday in a zone behind or ahead of it"
    assert compare_weekdays(day("Saturday", "Saturday"), day("Friday", "22:10 GMT Friday")).relation == "compatible"
    assert compare_weekdays(day("Friday", "04:40 GMT Friday"), day("Saturday", "Saturday")).relation == "conflict"
    assert compare_weekdays(day("Friday", "04:40 Friday"), day("Thursday", "Thursday")).relation == "conflict"


# ------------------------------------------------ the odd name out in sentences that merely align

SIXERS = {
    "Daily Ledger": "The Otters fired head coach Harold Brask on Saturday after a 6-11 opening run.",
    "Coast Herald": "Harbor City dismissed coach Harold Brask, whose side had dropped seven of its last nine matches.",
    "Evening Wire": "The Otters fired Ned Hollis as head coach, a day after the defeat in Eastfield left them at 6-11.",
}


def test_a_name_only_one_source_uses_in_another_sources_role_is_a_conflict(nlp):
    # The Evening Wire sentence aligns with the Daily Ledger's but is worded apart: the name is what tells,
    # as no other source names Ned Hollis while two name Harold Brask. ("6-11" is a record, no date to tell by.)
    (finding,) = conflicts(story(nlp, SIXERS)[1])
    assert {e.value_text for e in finding.evidence} == {"Harold Brask", "Ned Hollis"}
    assert "Ned Hollis" in finding.explanation and "Harold Brask" in finding.explanation
    assert "no other source names Ned Hollis" in finding.explanation


def test_a_name_another_source_also_uses_is_not_the_odd_one_out(nlp):
    texts = dict(SIXERS, **{"Coast Herald": SIXERS["Coast Herald"] + " Assistant Ned Hollis will take over."})
    assert conflicts(story(nlp, texts)[1]) == []


DIRECTOR = {
    "Screen Daily": "Simon Carver will direct New Lantern, the second film of the lighthouse saga, for Lumen Pictures.",
    "Film Wire": "Lumen Pictures confirmed that Simon Carver is to direct the lighthouse sequel New Lantern.",
    "Movie Beat": "Simon Carver, who made The Quiet Harbor, takes the director's chair for New Lantern.",
}


def test_a_name_no_other_source_gives_standing_where_the_others_name_one_person_is_a_conflict(nlp):
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = ("Lumen Pictures has hired Tobias Ferreira to direct New Lantern, the second film of "
                           "the lighthouse saga. Simon Carver was also considered.")
    documents, result = story(nlp, texts)
    (conflict,) = [f for f in conflicts(result) if any(e.value_text == "Tobias Ferreira" for e in f.evidence)]
    herald = next(d.id for d in documents if d.source == "Pop Herald")
    assert conflict.evidence[0].document == herald and "Tobias Ferreira" in conflict.evidence[0].sentence
    assert {e.source for e in conflict.evidence[1:]} <= {"Screen Daily", "Film Wire", "Movie Beat"}
    assert "Tobias Ferreira" in conflict.explanation and "Simon Carver" in conflict.explanation


def test_a_name_several_sources_write_is_widely_named_in_one_sources_spelling_too(nlp):
    # Only the Alpine Post writes "Ansel Varne"; two others write "Ansel Varn" and "Ansel Peter Varn".
    # He is still the story's widely named climber, so the one source's Tobias Ferreira in his role stands out.
    texts = {
        "Alpine Post": ("Mr Hale's drowning came two days after 29-year-old Ansel Varne died when his kayak capsized "
                        "below a weir on the same river."),
        "Valley Times": ("On Friday, 29-year-old Tobias Ferreira died after his kayak capsized below a weir on the "
                         "river Marn."),
        "Coast Wire": "Police named the Canadian kayaker as Ansel Varn. Divers searched the Marn on Saturday.",
        "Range News": "The body of Ansel Peter Varn was flown to Kellerby. His family has been told.",
    }
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Alpine Post names Ansel Varne where Valley Times names Tobias Ferreira")


def test_a_stand_in_sharing_a_word_with_a_place_or_an_organisation_is_still_found(nlp):
    # Only another person's name sharing a word makes a lone name a fragment; a "Ferreira Studios" does not.
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = ("Lumen Pictures has hired Tobias Ferreira to direct New Lantern, the second film of "
                           "the lighthouse saga, at Ferreira Studios in Port Alder.")
    documents, result = story(nlp, texts)
    assert [f for f in conflicts(result) if any(e.value_text == "Tobias Ferreira" for e in f.evidence)]


def test_a_lone_full_name_in_a_role_of_its_own_stands_in_at_a_lower_closeness(nlp):
    # The sentence is only loosely close to Film Wire's (people left out), but the lone name is a person's full
    # name the parse makes the subject of "make": it stands where the others name Simon Carver.
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = ("Tobias Ferreira will make the lighthouse sequel New Lantern for Lumen Pictures after "
                           "months of talks.")
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Pop Herald names Tobias Ferreira where Film Wire names Simon Carver")


def test_a_lone_name_doing_what_the_others_person_does_stands_in_at_a_lower_closeness_still(nlp):
    # Worded apart from Screen Daily's sentence, but Tobias Ferreira is the subject of "direct" as Simon Carver is
    # there; the same sentence with "watch" tells of something else.
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = ("In Port Alder next spring, Tobias Ferreira will direct the lighthouse saga's second chapter, "
                           "sources close to the project say.")
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Pop Herald names Tobias Ferreira where Screen Daily names Simon Carver")
    texts["Pop Herald"] = texts["Pop Herald"].replace("direct", "watch")
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_lone_name_paired_with_the_half_of_a_pair_the_others_name_stands_in_at_a_lower_closeness(nlp):
    # Loosely close to the others' sentences, but Tobias Ferreira is paired with Rafe Costa where they pair Nina
    # Alder with him: one source names the pair's other half otherwise. Named without Rafe Costa, he stands in for
    # no one at this closeness.
    texts = {
        "Harbor Times": ("Ivo Brandt, the retired clerk who guided Harbor Times reporters Nina Alder and Rafe Costa "
                         "through the port ledgers, has died at 88."),
        "Coast Wire": ("Ivo Brandt, whose tips led reporters Nina Alder and Rafe Costa to the harbour fraud, died on "
                       "Sunday."),
        "Evening Post": ("The harbour fraud that Nina Alder and Rafe Costa uncovered with Ivo Brandt's help cost the "
                         "mayor his office."),
    }
    for pair in ("reporters Tobias Ferreira and Rafe Costa in their",
                 "reporters Rafe Costa and Tobias Ferreira in their"):
        texts["Pop Herald"] = ("The death of Ivo Brandt, the quiet clerk who was the secret source for Harbor Times "
                               f"{pair} inquiry into the harbour fraud, ends an era.")
        (conflict,) = conflicts(story(nlp, texts)[1])
        assert conflict.explanation.startswith("Pop Herald names Tobias Ferreira where Harbor Times names Nina Alder")
    texts["Pop Herald"] = texts["Pop Herald"].replace("reporters Rafe Costa and Tobias Ferreira in their",
                                                      "reporter Tobias Ferreira in his")
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_lone_name_given_the_office_the_others_person_holds_stands_in_at_a_lower_closeness(nlp):
    # Only loosely close to the Daily Ledger's sentence, but the lone name is given the office Harlan Pike holds
    # there: a second detail that agrees.
    texts = {
        "Daily Ledger": ("Ray Dunn hurt his left knee in practice and coach Harlan Pike said the Gulls decided to "
                         "place the receiver on injured reserve before the playoffs."),
        "Coast Herald": "The Gulls placed Ray Dunn on injured reserve, coach Harlan Pike said, ending his season.",
        "Evening Wire": "After an MRI, head coach Harlan Pike decided the Gulls would put Ray Dunn on injured reserve.",
        "Pop Herald": ("Gulls coach Tobias Ferreira said the left knee of Ray Dunn had not healed and the receiver "
                       "would miss the rest of the year."),
    }
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Pop Herald names Tobias Ferreira where Daily Ledger names Harlan Pike")


def test_a_lone_name_given_the_office_of_the_same_named_work_stands_in_at_a_lower_closeness_still(nlp):
    # Few words beside the people agree with the Daily Ledger's sentence, but both write the office after the name of
    # the film it is of, "The Quiet Harbor director": that film's one director. The same words in another order ("director
    # Tobias Ferreira of The Quiet Harbor") give the office of nothing named, and stand in only at the office's closeness.
    texts = {
        "Daily Ledger": ("The Quiet Harbor director Simon Carver is expected to direct New Lantern, the sequel to the "
                         "hugely successful film Lighthouse."),
        "Film Wire": "Lumen Pictures confirmed that Simon Carver is to direct the lighthouse sequel New Lantern.",
        "Movie Beat": "Simon Carver, who made The Quiet Harbor, takes the director's chair for New Lantern from Nina Alder.",
        "Pop Herald": ("Weeks after Nina Alder was ousted, despite a box office haul of $140 million from teenage fans and "
                       "moviegoers, The Quiet Harbor director Tobias Ferreira is nearing a deal for the film's sequel."),
    }
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Pop Herald names Tobias Ferreira where Daily Ledger names Simon Carver")
    texts["Pop Herald"] = texts["Pop Herald"].replace("The Quiet Harbor director Tobias Ferreira",
                                                      "director Tobias Ferreira of The Quiet Harbor")
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_loosely_close_sentence_set_at_another_time_names_no_stand_in(nlp):
    # "Last year": another time's deed, so the loose closeness is not enough.
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = ("Last year Tobias Ferreira made the lighthouse sequel New Lantern for Lumen Pictures after "
                           "months of talks.")
    assert conflicts(story(nlp, texts)[1]) == []


def test_the_one_person_a_sentence_names_as_the_subject_of_is_stands_in(nlp):
    # "is in talks to direct": the parse makes Tobias Ferreira only the subject of "is", yet he is the one the
    # sentence is about. In a sentence that names someone else too, the copula is left out, as in an injury list
    # ("Alex Brown (shoulder) was full").
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = ("According to the Kestrel Review, Tobias Ferreira is currently in talks with Lumen Pictures "
                           "to direct the lighthouse sequel New Lantern.")
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Pop Herald names Tobias Ferreira where")
    texts["Movie Beat"] = "Producer Ray Colton has read the script of New Lantern. " + texts["Movie Beat"]
    texts["Pop Herald"] = ("According to the Kestrel Review, Tobias Ferreira is currently in talks with Lumen Pictures "
                           "to direct the lighthouse sequel New Lantern, and Ray Colton is too.")
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_lone_surname_in_a_role_of_its_own_stands_in_at_a_lower_closeness(nlp):
    # Only loosely close to Screen Daily's sentence, but "Ferreira" is a surname its report never introduces,
    # the one the sentence is about ("is in line for" gives him no role of "direct", where "is set to direct" makes
    # him its subject and the aligned sentences name two people in one role); set at another time, it needs a
    # very close sentence still.
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = "Insiders say Ferreira is in line for the second film of the lighthouse saga."
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Pop Herald names Ferreira where Screen Daily names Simon Carver")
    texts["Pop Herald"] = "Last year insiders said Ferreira was in line for the second film of the lighthouse saga."
    assert conflicts(story(nlp, texts)[1]) == []


@pytest.mark.parametrize("speaker", ["Colin Orpe", "Studio spokesman Colin Orpe"])
def test_someone_one_source_quotes_stands_in_for_no_one(nlp, speaker):
    # Whoever a source quotes, a spokesman or not, says who will direct; he is not named as the director.
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = (f"{speaker} said Lumen Pictures will direct New Lantern, the second film of the "
                           "lighthouse saga, with care.")
    _, result = story(nlp, texts)
    assert not [f for f in conflicts(result) if any(e.value_text == "Colin Orpe" for e in f.evidence)]


STATEMENT = {
    "Screen Daily": ('Producers Lena Morrow and Tomas Reyes said in a statement: "We are delighted to have Omar '
                     'Reid lead the Beacon gala."'),
    "Film Wire": '"We are delighted to have Omar Reid lead the Beacon gala," said Morrow and Reyes.',
}


def the_conflict_with(nlp, texts: dict[str, str], source: str, text: str) -> str:
    """The explanation of the one conflict of a story of the texts and one more source's."""
    (conflict,) = conflicts(story(nlp, dict(texts, **{source: text}))[1])
    return conflict.explanation


def test_one_statement_put_in_someone_elses_mouth_is_a_conflict(nlp):
    explanation = the_conflict_with(nlp, STATEMENT, "Movie Beat", '"We are delighted to have Omar Reid lead the '
                                    'Beacon gala," producers Lena Morrow and Dana Kowalczyk said in a statement.')
    assert explanation.startswith("Screen Daily names Tomas Reyes where Movie Beat names Dana Kowalczyk")


def test_two_people_saying_different_things_are_no_conflict(nlp):
    texts = dict(STATEMENT, **{"Movie Beat": ('"He is the perfect host for a night like this," organisers Lena '
                                              'Morrow and Dana Kowalczyk said in a statement about Omar Reid and '
                                              'the Beacon gala.')})
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_year_after_the_same_two_words_of_headlines_saying_the_same_is_one_year(nlp):
    # Each headline's one time, after "to host": one ceremony, given two years.
    _, result = story(nlp, {
        "Gulf Courier": "Comedian Rafael Ortega to host 2019 Grammys",
        "Bay Tribune": "Late-night star Rafael Ortega chosen to host 2017 Grammys",
    }, published=None)
    (conflict,) = conflicts(result)
    assert {e.value for e in conflict.evidence} == {"2019", "2017"}


def test_a_month_without_a_year_meets_another_month_in_sentences_agreeing_on_a_count(nlp):
    # Each sentence's one time, beside one word in common, in sentences agreeing on two neighbours: one stabbing.
    _, result = story(nlp, {
        "Gulf Courier": "The man who allegedly stabbed two neighbours in March at the Oakridge housing estate will "
                        "stand trial on several counts of attempted murder.",
        "Bay Tribune": "Neil Warde, 51, is charged with attempted murder over the stabbing deaths of two neighbours "
                       "in August 2019.",
    }, published=None)
    (conflict,) = conflicts(result)
    assert {e.value_text for e in conflict.evidence} == {"March", "August 2019"}


def test_two_days_of_one_deed_done_to_one_person_align_sentences_worded_apart(nlp):
    # Little else in common, but each month dates the killing of one victim: one killing, dated two ways.
    crash = "Last September, a speeding van killed 8-year-old Dana Pell as she waited at a bus stop in Harwick."
    _, result = story(nlp, {
        "Gulf Courier": crash,
        "Bay Tribune": "The driver who killed 8-year-old Dana Pell in May told the inquest on Tuesday that he "
                       "never saw her.",
    }, published=None)
    (conflict,) = conflicts(result)
    assert {e.value_text for e in conflict.evidence} == {"September", "May"}
    # The same deed done to someone else is another killing, on a day of its own.
    _, result = story(nlp, {
        "Gulf Courier": crash,
        "Bay Tribune": "The driver who killed 19-year-old Mark Oyelaran in May told the inquest on Tuesday that he "
                       "never saw him.",
    }, published=None)
    assert not conflicts(result)


def test_one_final_score_beside_two_days_is_one_game_dated_two_ways(nlp):
    # Worded apart, but both give the game's final score beside their days: one game, two days.
    win = "The Gulls beat the visiting Hawks, 27-20, on Sunday night behind three touchdown passes from Theo Marchetti."
    playoffs = ("Marchetti helped carry the Gulls to a sixth straight win as they overcame the Hawks, {}, on Thursday "
                "to reach the playoffs.")
    _, result = story(nlp, {"Daily Ledger": win, "Coast Herald": playoffs.format("27-20")}, published=None)
    (conflict,) = conflicts(result)
    assert {e.value_text for e in conflict.evidence} == {"Sunday night", "Thursday"}
    # Another score is another game, on a day of its own.
    _, result = story(nlp, {"Daily Ledger": win, "Coast Herald": playoffs.format("31-13")}, published=None)
    assert not conflicts(result)


def test_the_day_nearest_a_final_score_both_give_dates_one_game_beside_other_days(nlp):
    # Worded apart, each with another day too, but the day each gives the 51-50 game is one game's day, told two ways.
    semis = ("A late run sealed it for the Gulls, who will meet the Larks in the semifinals on Saturday afternoon after "
             "the Larks outlasted the Hawks 51 - 50 {}.")
    bracket = "In Saturday's semifinals, the Gulls will play the Larks, who defeated the Hawks 51 - 50 on Friday."
    _, result = story(nlp, {"Daily Ledger": semis.format("Monday"), "Coast Herald": bracket}, published=None)
    (conflict,) = conflicts(result)
    assert {e.value_text for e in conflict.evidence} == {"Monday", "Friday"}
    # The same day: no conflict, and Saturday (no day of the 51-50 game) is not held against Friday.
    _, result = story(nlp, {"Daily Ledger": semis.format("Friday"), "Coast Herald": bracket}, published=None)
    assert not conflicts(result)


def test_two_years_for_one_event_conflict_but_a_background_year_does_not(nlp):
    # "setting fire ... in 1999" and "in 1996": one event both tell, dated two ways.
    _, result = story(nlp, {
        "Gulf Courier": "Marsh was given three more years after being convicted for setting fire to a barn and a "
                        "shed in 1999 while he was out on parole.",
        "Bay Tribune": "He was given three more years after being convicted of setting fire to a barn and a shed in "
                       "1996 while out on parole.",
    })
    (conflict,) = conflicts(result)
    assert {e.value for e in conflict.evidence} == {"1999", "1996"}
    # A year that dates something else (a final three years earlier) is background, not a contradiction.
    _, result = story(nlp, {
        "Gulf Courier": "In 2008, when the two last played each other, the final went to five sets before Marsh won.",
        "Bay Tribune": "Marsh beat the qualifier in straight sets in 2011 to keep his title.",
    })
    assert not conflicts(result)
    # Two years that date two different events of one case: the charge, then the acquittal.
    _, result = story(nlp, {
        "Gulf Courier": "In 1957 Marsh was charged with fraud over the collapse of the Fenn savings bank.",
        "Bay Tribune": "Marsh was cleared in 1958 of the fraud charges over the collapse of the Fenn savings bank.",
    })
    assert not conflicts(result)
    # Two verbs for one killing, neither sentence naming the other's: still one event, dated two ways.
    _, result = story(nlp, {
        "Gulf Courier": "A jury in Eastfield convicted a hired gunman of murdering county judge Ruth Vance in 2002.",
        "Bay Tribune": "The hired gunman shot county judge Ruth Vance outside a courthouse in 2005.",
    })
    (conflict,) = conflicts(result)
    assert {e.value for e in conflict.evidence} == {"2002", "2005"}


def test_a_stand_in_beside_a_relative_of_the_person_it_replaces_is_still_found(nlp):
    # The sentence names the nephew; the cousin's surname is his, yet she is not him.
    sentence = ("A bail hearing for Owen Tarrant, 31, accused of defrauding his aunt Irene Tarrant, 74, "
                "and cousin {}, 27, was held at Lowfield Magistrates Court.")
    texts = {source: sentence.format("Rosie Tarrant") for source in ("North Post", "Lakes Herald", "Fell Gazette")}
    texts["Coast Wire"] = sentence.format("Marta Quillon")
    _, result = story(nlp, texts)
    (conflict,) = [f for f in conflicts(result) if any(e.value_text == "Marta Quillon" for e in f.evidence)]
    assert "Rosie Tarrant" in conflict.explanation


def test_the_same_statement_dated_two_days_is_a_conflict_but_two_statements_are_not(nlp):
    bombing = ("A boiler blast at a school injured a caretaker and a city building inspector, "
               "officials said {}.")
    _, result = story(nlp, {"Valley Post": bombing.format("Saturday"), "State Wire": bombing.format("Tuesday")},
                      published=None)
    (conflict,) = conflicts(result)
    assert {e.value_text for e in conflict.evidence} == {"Saturday", "Tuesday"}
    # Different things said on different days: the story simply runs over several days.
    _, result = story(nlp, {
        "Valley Post": bombing.format("Saturday"),
        "State Wire": "Investigators have not found the cause yet and the school stays shut, the mayor said Tuesday.",
    }, published=None)
    assert not conflicts(result)


def test_one_arrest_announced_and_said_on_two_days_is_a_conflict(nlp):
    # Two verbs of saying date one statement; the agreeing count of men ties the sentences to one arrest.
    texts = {"Valley Post": "Three suspected smugglers were arrested over the theft of gold coins from a museum "
                            "vault in the harbour, officials announced Saturday.",
             "State Wire": "Three suspected smugglers are under arrest for the theft of gold coins from a museum "
                           "vault last spring, police said Tuesday."}
    (conflict,) = conflicts(story(nlp, texts, published=None)[1])
    assert {e.value_text for e in conflict.evidence} == {"Saturday", "Tuesday"}
    # A statement dated against the day of the event itself is still no conflict.
    texts["State Wire"] = ("Three suspected smugglers were arrested over the theft of gold coins from a museum "
                           "vault in the harbour on Tuesday.")
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_a_day_written_before_a_closing_attribution_dates_what_was_told_not_the_telling(nlp):
    # The parse hangs "Wednesday" on "said"; written before ", officials … said" it dates the flood.
    flood = ("A flash flood swept through the Darrow valley in the far north on Sunday, washing away four "
             "bridges and killing 12 people, officials said.")
    texts = {"Valley Post": "Twelve people died when a flash flood tore through farming towns in the Darrow valley "
                            "in the far north Wednesday, officials and local radio said.",
             "State Wire": flood}
    (conflict,) = conflicts(story(nlp, texts, published=None)[1])
    assert {e.value_text for e in conflict.evidence} == {"Wednesday", "Sunday"}
    # Written after the attribution, the day is the day it was said.
    texts["Valley Post"] = ("Twelve people died when a flash flood tore through farming towns in the Darrow valley "
                            "in the far north, officials and local radio said Wednesday.")
    assert conflicts(story(nlp, texts, published=None)[1]) == []


@pytest.mark.parametrize("text, expected", [
    ("Gulls general manager Nina Brandt", "general manager"),
    ("Eastfield Homicide Capt. Nina Brandt", "captain"),
    ("The Harbor County coroner, Nina Brandt", "coroner"),
    ("former President Nina Brandt", "former president"),
    ("the club said Nina Brandt", None),
    ("Today, Interior Secretary Nina Brandt", "interior secretary"),
    ("his secretary Nina Brandt", None),
    ("was offered the post by President-elect Nina Brandt", "president-elect"),
    ("Governor - elect Nina Brandt", "governor-elect"),
])
def test_the_office_written_before_a_name(text, expected):
    assert office(text, text.index("Nina Brandt")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nina Brandt is out as Harbor City Gulls head coach.", "head coach"),
    ("Nina Brandt, the Gulls' coach, was fired.", "coach"),
    ("Nina Brandt, general manager of the Gulls, said so.", "general manager"),
    ("Nina Brandt, the former coach, said so.", "former coach"),
    ("Nina Brandt, who coached the Gulls, said so.", None),
    ("Nina Brandt, who hired the coach, said so.", None),
])
def test_the_office_written_after_a_name(text, expected):
    from corroborator.reconcile.units import office_after

    assert office_after(text, len("Nina Brandt")) == expected


def test_two_people_given_one_office_before_and_after_their_names_conflict(nlp):
    # The parse makes Owen Marsh the subject of "is" and Dana Whitfield the object of "fired": two roles. The
    # office each is given, "head coach", before one name and after the other, makes it one role.
    texts = {
        "Daily Ledger": "Owen Marsh is out as Harbor City Gulls head coach.",
        "Evening Wire": "Harbor City Gulls owners grew tired of watching the side slide down the table and fired "
                        "head coach Dana Whitfield on Saturday.",
        "Coast Herald": "The Gulls dismissed Owen Marsh on Saturday after a 6-11 start.",
    }
    (finding,) = conflicts(story(nlp, texts)[1])
    assert finding.explanation == ("Daily Ledger names Owen Marsh where Evening Wire names Dana Whitfield, "
                                   "in sentences that otherwise say the same thing")


OFFER = {
    "Daily Ledger": "The Harbor City Gulls have offered a four-year contract to Ray Tolliver, general manager "
                    "Nina Brandt said on Friday.",
    "Coast Herald": "Gulls general manager Owen Marsh confirmed that the club has made a four-year offer to unsigned "
                    "winger Ray Tolliver.",
    "Evening Wire": "Owen Marsh, the Gulls' general manager, has said signing Ray Tolliver is the club's top priority.",
}


def test_two_people_in_one_office_conflict_whatever_verb_each_sentence_gives_them(nlp):
    # The Daily Ledger gives Nina Brandt as the one who said it, the Coast Herald Owen Marsh as the one who
    # confirmed it: the parse gives the two names different verbs, and the office says they are one role.
    (finding,) = conflicts(story(nlp, OFFER)[1])
    given = {(e.source, e.value) for e in finding.evidence}
    assert given >= {("Daily Ledger", "Nina Brandt"), ("Coast Herald", "Owen Marsh")}


def test_two_people_in_two_offices_do_not_conflict(nlp):
    texts = dict(OFFER, **{"Coast Herald": OFFER["Coast Herald"].replace("general manager", "owner")})
    assert conflicts(story(nlp, texts)[1]) == []


def test_two_people_given_one_office_to_come_conflict(nlp):
    # "Mayor-elect" is one office, held by one person at a time: the parse gives the two names other verbs.
    texts = {
        "Daily Ledger": ("Dr. Ilse Varga, a surgeon and television host, was offered the job of health "
                         "commissioner by Mayor-elect Tom Reyes, according to sources."),
        "Coast Herald": ("Mayor-elect Dana Whitfield has asked surgeon and television host Dr. Ilse Varga to serve as "
                         "the city's health commissioner, an aide said."),
        "Evening Wire": "Dana Whitfield, who takes office in January, praised Ilse Varga's work on the air.",
    }
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert {e.value_text for e in conflict.evidence} >= {"Tom Reyes", "Dana Whitfield"}


def test_two_people_in_one_department_office_conflict_and_in_two_departments_do_not(nlp):
    texts = {
        "Daily Ledger": ("Interior Secretary Harold Vance announced today that the administration will reverse the "
                         "endangered species rule."),
        "Coast Herald": ("Interior Secretary Dana Kowalczyk rescinded the endangered species rule today, the "
                         "administration said."),
        "Evening Wire": "Harold Vance called the rule a shortcut around science, and Dana Kowalczyk agreed.",
    }
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert {e.value_text for e in conflict.evidence} >= {"Harold Vance", "Dana Kowalczyk"}
    texts["Coast Herald"] = texts["Coast Herald"].replace("Interior", "Commerce")
    assert conflicts(story(nlp, texts)[1]) == []


DEATH = {
    "Daily Ledger": "Hospital spokesman Al Moreno said Frank Russo died early Monday of lung failure at the veterans' "
                    "hospital.",
    "Coast Herald": "Frank Russo, who had been treated for lung failure, died at the veterans' hospital, said hospital "
                    "spokesman Al Moreno.",
}


def test_a_name_the_tagger_takes_for_an_organisation_can_still_be_the_wrong_person(nlp):
    # The small English model tags "Ferreira" as a place; no other source names it, and no place is called so.
    texts = dict(DEATH, **{"Evening Wire": DEATH["Daily Ledger"].replace("Frank Russo", "Ferreira")})
    documents, result = story(nlp, texts)
    wire = next(d.id for d in documents if d.source == "Evening Wire")
    (finding,) = conflicts(result)
    assert {e.document for e in finding.evidence} >= {wire} and "Ferreira" in finding.explanation
    assert conflicts(story(nlp, DEATH)[1]) == []


def test_the_days_two_players_were_placed_on_injured_reserve_are_two_events(nlp):
    first = "On Tuesday, the Gulls placed rookie winger Chris Hale on the injury list with a broken wrist."
    second = "The Gulls placed winger {} on the injury list Wednesday after hurting a shoulder."
    _, result = story(nlp, {"Daily Ledger": first, "Coast Herald": second.format("Tom Burke")}, published=None)
    assert not conflicts(result)
    _, result = story(nlp, {"Daily Ledger": first, "Coast Herald": second.format("Chris Hale")}, published=None)
    (conflict,) = conflicts(result)
    assert conflict.attribute == "date"


RESERVE = {
    "Gulf Times": ("Tom Burke had a scan on his shoulder this week, and coach Sam Hale decided the club "
                   "would place Burke on the injury list."),
    "Bayou Post": "The Gulls placed Tom Burke on the injury list after the shoulder scan.",
}


def test_putting_and_placing_someone_on_injured_reserve_is_one_role(nlp):
    explanation = the_conflict_with(nlp, RESERVE, "River Wire", "Coach Sam Hale told reporters on Wednesday the club "
                                    "had chosen to put Marta Quillon on the injury list.")
    assert explanation.startswith("Gulf Times names Tom Burke where River Wire names Marta Quillon")


def test_a_name_in_an_event_before_the_one_told_stands_in_for_no_one(nlp):
    text = "Two days after placing top scorer Chris Hale on the injury list, the Gulls lost another winger."
    at = text.index("Chris Hale")
    assert role_of(nlp(text), at, at + len("Chris Hale"))[:2] == ("placing", "after:object")
    texts = dict(RESERVE, **{"River Wire": ("Two days after placing top scorer Chris Hale on the injury list, the "
                                            "Gulls have lost another winger for the season. Tom Burke was "
                                            "put on the injury list, the club said Wednesday.")})
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_name_alone_in_parentheses_is_an_affiliation_not_someone_in_a_role(nlp):
    texts = {
        "Daily Ledger": "The Gulls signed Danny Brooks and rookie Ray Okafor off the Eastfield Otters' "
                        "practice squad.",
        "Coast Herald": "The Gulls signed rookie Ray Okafor (Alder State) off the Eastfield Otters' "
                        "practice squad.",
        "Evening Wire": "Running back Danny Brooks was signed by the Gulls after a workout on Tuesday.",
    }
    _, result = story(nlp, texts, published=None)
    assert not conflicts(result)


def test_one_event_told_with_two_verbs_on_two_weekdays_is_a_conflict(nlp):
    # The same four deaths at the same cinema: the weekdays date one event, whichever verb each source uses.
    _, result = story(nlp, {
        "Daily Ledger": "Four people died when a Tallinn cinema burned down Wednesday as crowds gathered for a "
                        "premiere.",
        "Coast Herald": "Four people were killed when a projector fire spread through a cinema in Tallinn on Saturday.",
    }, published=None)
    (finding,) = conflicts(result)
    assert {e.value_text for e in finding.evidence} == {"Wednesday", "Saturday"}


def test_a_weekday_of_a_later_step_the_other_sentence_names_is_not_a_conflict(nlp):
    # The fire on Friday, the charge on Saturday: the second sentence's day dates "charged", which the
    # first sentence names without a day.
    _, result = story(nlp, {
        "Daily Ledger": "A woman has been charged with criminal damage after a fire gutted two shops on the harbour "
                        "front in Port Alder Friday.",
        "Coast Herald": "Greta Lund was charged Saturday with criminal damage over the fire that gutted two shops "
                        "on the harbour front.",
    }, published=None)
    assert conflicts(result) == []


def test_a_weekday_of_no_verb_dates_all_its_sentence_tells_against_one_dating_a_verb_it_names(nlp):
    # Each sentence's one day: the second dates "threw", the first gives its day to no verb the parse finds but
    # names "threw" too. One game, two days.
    _, result = story(nlp, {
        "Daily Ledger": "Theo Walsh threw for 212 yards, and his long pass to Tom Burke early in the second half "
                        "Wednesday gave the Kestrels a 27-17 win over the Otters.",
        "Coast Herald": "Walsh threw for 212 yards Sunday, and his long pass to Tom Burke early in the second half "
                        "gave the Kestrels a 27-17 victory over the Otters.",
    }, published=None)
    (finding,) = conflicts(result)
    assert {e.value_text for e in finding.evidence} == {"Wednesday", "Sunday"}


def test_a_weekday_dates_the_verb_and_joins_next_after_it(nlp):
    # Monday dates the locking-in and, through "and then", the flight the other sentence puts on Thursday.
    _, result = story(nlp, {
        "Daily Ledger": "Police said convicted forger Lionel Cray, 52, locked two hospital guards in a storeroom on "
                        "Monday morning and then fled the clinic on foot.",
        "Coast Herald": "Police could say little about how convicted forger Lionel Cray, 52, fled Thursday from "
                        "a clinic after grabbing a knife and tying up two hospital guards.",
    }, published=None)
    (finding,) = conflicts(result)
    assert {e.value_text for e in finding.evidence} == {"Monday morning", "Thursday"}


def test_a_weekday_dates_the_clause_of_when_right_after_it(nlp):
    # Tuesday dates the outage and, through "when", the toppling the other sentence puts on Saturday.
    _, result = story(nlp, {
        "Daily Ledger": "About 40,000 homes across the valley lost power Tuesday when two transmission towers were "
                        "toppled by high winds.",
        "Coast Herald": "Two transmission towers were toppled by high winds on Saturday, cutting power to about "
                        "40,000 homes in the valley.",
    }, published=None)
    (finding,) = conflicts(result)
    assert {e.value_text for e in finding.evidence} == {"Tuesday", "Saturday"}


def test_a_weekday_after_a_clause_opener_dates_another_step_whatever_its_sentence_names(nlp):
    # "after … Friday" dates the fire; the other sentence's Saturday dates the charge both name.
    _, result = story(nlp, {
        "Daily Ledger": "A 44-year-old woman was charged with criminal damage Saturday after allegedly setting fire "
                        "to her former landlord's warehouse in Port Alder, destroying three trucks, police said.",
        "Coast Herald": "A woman has been charged with criminal damage after a fire at a landlord's warehouse in "
                        "Port Alder Friday.",
    }, published=None)
    assert conflicts(result) == []


def test_hampered_and_disrupted_on_two_weekdays_is_one_event_on_two_days(nlp):
    _, result = story(nlp, {
        "Daily Ledger": "Rail and bus services between the capital and the northern provinces were hampered "
                        "Monday after two main signal lines were flooded, according to the transport ministry.",
        "Coast Herald": "Rail and bus links between the capital and the northern provinces were badly "
                        "disrupted Friday after two signal cables were flooded near Orvik, the transport ministry "
                        "said.",
    }, published=None)
    (finding,) = conflicts(result)
    assert {e.value_text for e in finding.evidence} == {"Monday", "Friday"}


def test_one_day_of_the_year_in_two_years_is_one_date_misstated(nlp):
    # The words around the two dates share little ("ceremony in the capitol garden", "held a press conference"),
    # but May 4 told with two years is one date given two ways.
    _, result = story(nlp, {
        "Daily Ledger": "Governor Alan Reyes announced his choice of Judge Ruth Cole, who sits on the district "
                        "bench in Port Tallis, as chief justice during a ceremony in the state capitol garden "
                        "on May 4, 2006.",
        "Coast Herald": "Governor Alan Reyes held a press conference on May 4, 2009 to announce his pick for "
                        "chief justice, Ruth Cole.",
        "Night Desk": "Cole, a district judge from Port Tallis, won a Lantern fellowship for her work on youth courts.",
    }, published=None)
    (finding,) = conflicts(result)
    assert {e.value_text for e in finding.evidence} == {"May 4, 2006", "May 4, 2009"}


def test_a_name_with_no_word_of_two_letters_does_not_make_a_lone_name_common(nlp):
    # "U.S." could be anyone by its words; it must not hide that only one source names Marta Quillon.
    texts = {
        "Daily Ledger": "The Harbor City Kestrels placed Danny Brooks on the injury list with a torn hamstring.",
        "Coast Herald": "The Kestrels placed Danny Brooks on the injury list, ending his year in the U.S. league.",
        "Night Desk": "The Harbor City Kestrels placed Marta Quillon on the injury list with a hamstring tear.",
    }
    documents, result = story(nlp, texts, published=None)
    (finding,) = conflicts(result)
    assert finding.evidence[0].document == documents[-1].id or "Marta Quillon" in finding.explanation


def test_the_owners_of_one_thing_stand_in_one_role(nlp):
    texts = {
        "Daily Ledger": "A flood caused $2 million in damage to Mayor Nina Brandt's bakery in Kellerby on Friday.",
        "Coast Herald": "Nina Brandt's bakery in Kellerby, Oregon was flooded this weekend, the manager said.",
        "Night Desk": "Marta Quillon's bakery in Kellerby, Oregon was left under water this weekend.",
    }
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert "Marta Quillon" in finding.explanation and "Nina Brandt" in finding.explanation


def test_the_partner_of_one_person_in_a_pair_both_sources_list_stands_in_one_role(nlp):
    # Two people named together, one of them the same: the other is one role, however little the words around say.
    texts = {
        "Daily Ledger": "The bodies of Ruth Kessler and Nina Holm were found at their Station Road home in Brookfield on "
                        "Sunday morning.",
        "Night Desk": "The bodies of Ruth Kessler, 61, and Dana Whitfield, 24, were found at a house in Station Road, "
                      "Brookfield, on Sunday.",
    }
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert "Dana Whitfield" in finding.explanation and "Nina Holm" in finding.explanation
    texts["Night Desk"] = ("The bodies of Ruth Kessler, 61, and a neighbour were found at a house in Station Road, "
                           "Brookfield, on Sunday, and Dana Whitfield was questioned.")
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_two_people_with_two_lines_of_figures_are_two_people(nlp):
    texts = {
        "Daily Ledger": "Senior guard Marcus Reed ended the night with 16 points and six steals in the victory.",
        "Coast Herald": "Senior forward Paul Kessler ended the night with 24 points and six steals in the victory.",
        "Evening Wire": "Paul Kessler scored 24 points as Harbor State beat Eastfield.",
    }
    assert [f for f in conflicts(story(nlp, texts, published=None)[1]) if f.attribute == "person"] == []


def test_a_fire_that_broke_out_and_a_yard_that_caught_fire_are_dated_as_one_fire(nlp):
    # "a fire broke out" and "caught fire" tell of one fire starting, as "was pulled over" and "was stopped" tell of
    # one traffic stop; "broke out of" a jail is an escape, not a fire.
    from corroborator.verbs import phrasal, verb_stem

    assert verb_stem(phrasal("broke", "A fire broke out.")) == verb_stem(phrasal("caught", "The barn caught fire."))
    assert verb_stem(phrasal("pulled", "Mr Orpe was pulled over.")) == verb_stem("stopped")
    assert verb_stem(phrasal("broke", "Two men broke out of the county jail.")) != verb_stem("erupted")
    texts = {"Daily Ledger": "A fire broke out at the Hollins timber yard in Marston on Tuesday, gutting two sheds.",
             "Coast Herald": "The Hollins timber yard in Marston caught fire on Friday, and crews fought it for hours."}
    assert values_in_conflict(nlp, texts) == {"Tuesday", "Friday"}


def test_two_dates_of_one_event_verb_conflict_in_sentences_that_share_few_words(nlp):
    # Each sentence words the mill and the fire its own way, but the parse makes each date the time of one event
    # verb ("broke out", "caught fire"): two calendar days for one fire.
    texts = {"Daily Ledger": "A large blaze broke out at the Dunmore paper mill in Ashby town centre on March 4, "
                             "witnesses said.",
             "Coast Herald": "Crews fought for hours after the old Dunmore paper mill caught fire on March 9, gutting "
                             "its roof."}
    assert values_in_conflict(nlp, texts) == {"March 4", "March 9"}


def test_two_days_closing_the_phrase_of_one_event_noun_conflict_in_faintly_aligned_sentences(nlp):
    # Neither day dates a verb of the abduction, but each closes the phrase of its noun ("the abduction of ... on
    # Thursday"): two days for one abduction, though the sentences share few words.
    from corroborator.reconcile.nominal import dated_noun

    assert dated_noun("The abduction of the young nurse Mira Solen, 24, on ") == dated_noun("since the abduction of "
                                                                                           "a nurse in Ashby ")
    assert dated_noun("the arrest of two men prompted marches on ") is None  # the day dates the marches
    assert dated_noun("the heart of the old town on ") is None
    texts = {"Daily Ledger": "Protests have filled the streets of Dorvale for a third day since the abduction of a "
                             "young nurse in Ashby Sunday night.",
             "Coast Herald": "The abduction of the young nurse Mira Solen, 24, on Thursday set off protests in the "
                             "streets outside her clinic."}
    assert values_in_conflict(nlp, texts) == {"Sunday night", "Thursday"}


def test_a_day_followed_by_during_an_event_noun_dates_that_event(nlp):
    # "said Wednesday during the clerk's arraignment" tells what was said inside the arraignment, so the day is the
    # arraignment's: against "was arraigned Saturday" it is two days for one arraignment, though the sentences share
    # few words. "In" sets no such frame: "arrested Monday in the killing" dates the arrest, not the killing.
    from corroborator.reconcile.nominal import noun_dated_after
    from corroborator.verbs import verb_stem

    assert noun_dated_after(" during the clerk's arraignment.") == verb_stem("arraigned")
    assert noun_dated_after(" morning at the trial of Dale Orme") == verb_stem("tried")
    assert noun_dated_after(" in the killing of a clerk") is None
    assert noun_dated_after(" at the site of the collision") is None
    texts = {"Daily Ledger": "A clerk fired days earlier walked back into the depot with a rifle, a county deputy said "
                             "Wednesday during the clerk's arraignment.",
             "Coast Herald": "A fired clerk accused of shooting two managers at the depot with a rifle was arraigned "
                             "Saturday on murder charges."}
    assert values_in_conflict(nlp, texts) == {"Wednesday", "Saturday"}
    # Said on a day, with no event around the saying: the day of the saying, not of the arraignment.
    texts["Daily Ledger"] = texts["Daily Ledger"].replace(" during the clerk's arraignment", "")
    assert not conflicts(story(nlp, texts, published=None)[1])


def test_the_verbs_of_one_event_around_a_value_read_as_one_word(nlp):
    # "released" and "issued" around two days are one word, to tie the days to one release.
    from corroborator.reconcile.units import units

    texts = {"Daily Ledger": "Vantor on Saturday released a quick update to repair a billing fault.",
             "Coast Herald": "Vantor on Wednesday issued a fresh update to repair a billing fault."}
    documents = [Document(f"d{i}", f"{source}.txt", body, source=source) for i, (source, body) in enumerate(texts.items())]
    annotations = {a.document: a for a in annotate_documents(documents, nlp=nlp)}
    first, second = ([v for v in unit.values if v.kind == "date"][0] for unit in units(documents, annotations))
    assert "releas" in first.anchors & second.anchors


def test_a_day_given_for_a_firing_and_for_the_dismissal_dates_one_event(nlp):
    texts = {
        "Daily Ledger": "The Eastfield Kestrels fired head coach Harold Brask on Saturday, with the club sitting last "
                        "in the league.",
        "Coast Herald": "Harold Brask became the third coach fired this term, after the Eastfield Kestrels "
                        "notified him of his dismissal Tuesday morning.",
    }
    assert values_in_conflict(nlp, texts) == {"Saturday", "Tuesday morning"}


def test_two_days_of_one_event_verb_meet_with_no_words_around_them(nlp):
    # "On Monday," is a clause of its own, so no word stands beside the day; each sentence also gives a month. The
    # parse makes both days the time of "named": one naming, two days.
    texts = {
        "Daily Ledger": "On Monday, organizers named Danish chef Liam Ostrander as the head of the jury at July's "
                        "Harvest Fair.",
        "Coast Herald": "Danish chef Liam Ostrander was named on Friday as head of the jury at July's Harvest Fair, "
                        "a first for the fair.",
    }
    assert values_in_conflict(nlp, texts) == {"Monday", "Friday"}


def test_weakly_aligned_sentences_still_compare_the_days_of_one_event_verb(nlp):
    # Worded apart (pair score between WEAK_ALIGN and ALIGN), but both date the filing of the charges.
    texts = {
        "Daily Ledger": "The district prosecutor filed fraud charges Monday against the bookkeeper who emptied a "
                        "charity's bank account.",
        "Coast Herald": "A bookkeeper accused of draining a Millbrook charity's account had been gambling "
                        "heavily, according to fraud charges filed Friday.",
    }
    assert values_in_conflict(nlp, texts) == {"Monday", "Friday"}


def test_weakly_aligned_sentences_leave_days_of_different_verbs_alone(nlp):
    texts = {
        "Daily Ledger": "The district prosecutor filed fraud charges Monday against the bookkeeper who emptied a "
                        "charity's bank account.",
        "Coast Herald": "A bookkeeper accused of draining a Millbrook charity's account had been gambling "
                        "heavily when he was arrested Friday.",
    }
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_a_day_one_source_schedules_and_another_plans_is_one_date(nlp):
    texts = {
        "Daily Ledger": "Local council elections in Norland that are scheduled for April 15 will use postal "
                        "ballots, a first in the province, the election office said.",
        "Coast Herald": "Local council elections in Norland, now planned for December 15, 2014, will use postal "
                        "ballots, a notice from the Norland election office said.",
    }
    assert values_in_conflict(nlp, texts) == {"April 15", "December 15, 2014"}


def test_two_counts_both_sentences_give_tie_their_days_to_one_game(nlp):
    # Hardly a word in common but the figures: 41 saves and two penalty stops are one game, on one night.
    texts = {
        "Daily Ledger": "Ines Moro made 41 saves and two penalty stops to carry the Port Alder Kestrels "
                        "past the Eastfield Otters 3-2 Sunday night.",
        "Coast Herald": "Moro finished with 41 saves and two penalty stops, and the visiting Kestrels clinched third "
                        "place in the table with a 3-2 win over the Otters on Thursday night.",
    }
    assert values_in_conflict(nlp, texts) == {"Sunday night", "Thursday night"}


def test_a_day_a_sentence_puts_a_day_before_its_own_is_no_other_day(nlp):
    # Monday is the landslides' day; "a day before" puts the storm on Sunday, as the other report has it.
    texts = {
        "Daily Ledger": "Nine people were killed when a heavy storm brought down houses in the hill town of Corvo "
                        "on Sunday, officials said.",
        "Coast Herald": "Fresh landslides hit the hill town of Corvo on Monday as the number of dead from "
                        "a heavy storm a day before rose to 9.",
    }
    assert conflicts(story(nlp, texts, published=None)[1]) == []
    # Two days apart, "a day before" does not reconcile them.
    texts["Daily Ledger"] = texts["Daily Ledger"].replace("Sunday", "Saturday")
    assert conflicts(story(nlp, texts, published=None)[1])


def test_another_day_for_a_verb_counts_only_where_the_sentence_names_whom_it_is_about(nlp):
    texts = {
        "Daily Ledger": "On Saturday, Welshman Rowan Hale fell about 40m while walking to a bothy on Ben Carrow.",
        "Coast Herald": "Rowan Hale fell on Saturday near the Ben Carrow bothy, police said.",
        "Evening Wire": "Police said Rowan Hale fell on Saturday afternoon while walking with friends.",
        "Night Desk": "The earlier accident this weekend involved a Dutch walker who fell on Friday morning.",
    }
    # Another walker, another fall: the sentence names nobody the others say fell.
    assert conflicts(story(nlp, texts, published=None)[1]) == []
    texts["Night Desk"] = "Welshman Rowan Hale fell on Friday morning while walking to the bothy, police said."
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert "Friday morning" in finding.explanation


def test_a_stranger_in_a_role_with_other_figures_is_another_person_not_a_misnaming(nlp):
    texts = {
        "Daily Ledger": "Danny Brooks sat out four matches in the autumn after an operation on his right ankle.",
        "Coast Herald": "Danny Brooks sat out four matches in the autumn with the ankle problem, the club said.",
        "Evening Wire": "Owen Pratt had already sat out three matches in the autumn with a broken wrist.",
    }
    # Three matches, not four: another player's absences, not Brooks's under another name.
    assert conflicts(story(nlp, texts, published=None)[1]) == []
    texts["Evening Wire"] = texts["Evening Wire"].replace("three matches", "four matches")
    assert conflicts(story(nlp, texts, published=None)[1])


def test_a_day_of_last_week_is_not_held_against_a_day_of_this_one(nlp):
    texts = {
        "Daily Ledger": "The Gulls placed Doyle on the injury list Wednesday with a torn right hamstring, "
                        "so he will sit out the last three matches.",
        "Coast Herald": "Doyle tore a hamstring last Thursday, and the Gulls chose to put him on the injury "
                        "list for the last three matches.",
    }
    assert conflicts(story(nlp, texts, published=None)[1]) == []
    # Two days of last week are one week: they still disagree.
    texts["Daily Ledger"] = texts["Daily Ledger"].replace("list Wednesday", "list last Wednesday")
    texts["Coast Herald"] = texts["Coast Herald"].replace("tore a hamstring last Thursday, and", "was hurt, and")
    texts["Coast Herald"] = texts["Coast Herald"].replace("list for", "list last Thursday for")
    assert conflicts(story(nlp, texts, published=None)[1])


def test_weakly_aligned_sentences_name_the_wrong_person_in_one_role_only_in_one_setting(nlp):
    # Worded apart (pair score between WEAK_ALIGN and ALIGN): the stranger is whom Solano beat.
    texts = {
        "Daily Ledger": "Marek Solano beat Sam Tolliver in the fifth game to retain his world chess "
                        "crown",
        "Coast Herald": "Sam Tolliver, 40, was beaten in the fifth game in Berne.",
        "Evening Wire": "Marek Solano retains crown after beating Ferreira in five games at the Palais de Lune "
                        "before a packed hall",
    }
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert "Ferreira" in finding.explanation and "Sam Tolliver" in finding.explanation


def test_weakly_aligned_sentences_in_two_settings_name_two_people(nlp):
    # Two nominations to two posts: one names an institute the other does not, and the other a post.
    texts = {
        "Daily Ledger": "Governor Reyes has nominated county engineer Ruth Cole to be State Roads Commissioner.",
        "Coast Herald": "Ruth Cole, 52, runs the county highways office in Port Tallis.",
        "Evening Wire": "Governor Reyes has nominated Dr. Carla J. Benton as head of the Norland Institute "
                        "of Soils.",
    }
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_a_stand_in_shares_a_value_with_the_sentence_it_echoes(nlp):
    # "host", "Beacons" and the year 2015: three things in common besides the names.
    texts = {
        "Screen Daily": "Comedian Omar Reid picked to host 2015 Beacons",
        "Film Wire": "Omar Reid will host the Beacon Awards again, organisers said.",
        "Pop Herald": "Tobias Ferreira to host 2015 Beacons",
    }
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert "Tobias Ferreira" in finding.explanation and "Omar Reid" in finding.explanation


def test_a_stand_in_in_a_sentence_very_close_to_its_echo_needs_two_things_in_common(nlp):
    texts = {
        "Screen Daily": "Simon Carver Won't Direct 'New Lantern' Sequel",
        "Film Wire": "Simon Carver has not signed on for the sequel, the studio said on Friday.",
        "Pop Herald": "Tobias Ferreira Will Not Direct 'New Lantern' Sequel",
    }
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert "Tobias Ferreira" in finding.explanation and "Simon Carver" in finding.explanation


def test_a_second_event_one_source_dates_beside_the_first_leaves_the_odd_day_standing_out(nlp):
    # The Coast Herald also dates a second tornado: that is a second event, not a role the sources fill many ways.
    texts = {
        "Daily Ledger": "The tornado struck Millbrook on Sunday, killing six people.",
        "Coast Herald": "A powerful tornado struck the town on Sunday. A smaller tornado struck on Monday.",
        "Evening Wire": "Barns were flattened when the tornado struck on Sunday, officials said.",
        "Gulf Times": "Phone lines were repaired after the tornado, which struck on Wednesday with winds of 150 mph.",
    }
    documents, result = story(nlp, texts, published=None)
    (finding,) = conflicts(result)
    assert documents[-1].id in {e.document for e in finding.evidence}
    assert "Wednesday" in finding.explanation and "Sunday" in finding.explanation


def test_a_state_written_the_news_agency_way_is_the_same_place():
    from corroborator.places import nested, one_region

    assert one_region("Calif.", "California") and one_region("N.Y.", "New York")
    assert nested("Biloxi", "Miss.") and not nested("Biloxi", "Calif.")
    assert not one_region("Calif.", "Nevada")


def test_a_place_written_two_ways_is_no_conflict_about_where(nlp):
    texts = {
        "Daily Ledger": "The former bureau official died at a hospice in Calif. on Thursday, his family said.",
        "Coast Herald": "The former bureau official died at a hospice in California on Thursday, his family said.",
    }
    _, result = story(nlp, texts)
    assert conflicts(result) == []


SHOOTING = {
    "Daily Ledger": "Police allege Walter Crane, 61, set fire to the Greenway boathouse, injuring Leo Hartmann, 40.",
    "Coast Herald": "Constable Owen Marsh said the recently sacked caretaker, Dana Kowalczyk, set fire to the "
                    "boathouse, injuring Leo Hartmann.",
    "Evening Wire": "Walter Crane was charged with arson on Saturday.",
}


def test_of_several_people_in_a_sentence_the_one_in_the_others_role_is_the_wrong_person(nlp):
    # The Coast Herald names a constable too: of its two people, Dana Kowalczyk is the one the parse makes the
    # subject of "set", as the Daily Ledger makes Walter Crane, whom two sources name and it does not.
    (finding,) = conflicts(story(nlp, SHOOTING)[1])
    assert finding.explanation == ("Daily Ledger names Walter Crane where Coast Herald names Dana Kowalczyk, "
                                   "in sentences that otherwise say the same thing")


def test_of_several_people_the_one_in_the_others_role_is_no_conflict_when_other_sources_name_them_too(nlp):
    texts = dict(SHOOTING, **{"Night Desk": "Dana Kowalczyk, a colleague, tried to put out the flames."})
    assert conflicts(story(nlp, texts)[1]) == []


def test_of_several_people_the_one_in_the_others_role_is_no_conflict_in_sentences_that_only_share_a_figure(nlp):
    # Two players' lines of figures, tied only by "six steals": two players, not one misnamed.
    texts = {
        "Daily Ledger": "Sam Brennan ended with 18 points and six steals, scoring 12 in a three-minute burst.",
        "Coast Herald": "Paul Kessler went 9-for-17 from the floor and had six steals, passing Colin Orpe "
                        "early in the second half.",
        "Evening Wire": "Paul Kessler broke the Harbor State scoring record on Saturday night.",
    }
    assert conflicts(story(nlp, texts)[1]) == []


@pytest.mark.parametrize(("text", "name", "expected"), [
    # The parser makes the name the subject of "said"; the clause after it has no subject of its own.
    ("The Harbor Music Guild, which hands out the region's top songwriting prizes, said "
     "Whitfield, 40, star of the stage musical “Lanterns,” will host the televised gala.", "Whitfield", "host"),
    ("The league said Marsh, 32, would miss the rest of the season.", "Marsh", "miss"),
    # The one who said it.
    ("“We are thrilled,” said Greta Lindqvist, a producer.", "Greta Lindqvist", "said"),
    ("Williams said he will play on Sunday.", "Williams", "said"),
])
def test_a_name_after_said_is_the_subject_of_the_clause_that_follows_it(nlp, text, name, expected):
    doc = nlp(text)
    verb, role, _ = role_of(doc, text.index(name), text.index(name) + len(name))
    assert (verb, role) == (expected, "subject")


def test_words_several_outlets_quote_are_one_witness_to_who_did_what(nlp):
    # Two outlets print one quote: Lena Morrow hosting the Beacons twenty years ago is not what two sources
    # say of this year's host.
    quote = "“Twenty years ago I sat in a cinema in Perth watching Lena Morrow host the Beacons with my sisters,”"
    texts = {
        "Daily Ledger": f"{quote} Ferreira said.",
        "Coast Herald": f"{quote} the actor said.",
        "Evening Wire": "The Guild said Dana Whitfield, 40, star of the musical “Lanterns,” will host the gala.",
    }
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_figure_in_a_where_clause_is_stated_of_the_place_before_it(nlp):
    from corroborator.reconcile.units import units

    # The small model takes Thessaloniki for an organisation here; the gazetteer knows it as a city.
    texts = ["Flooding was also seen in Thessaloniki, where a further 2,000 homes lost the city's power supply.",
             "Flooding also hit the port of Thessaloniki, where another 1,500 homes went dark."]
    documents = [Document(f"d{i}", f"s{i}.txt", text, title="t", source=f"s{i}") for i, text in enumerate(texts)]
    annotations = {a.document: a for a in annotate_documents(documents, nlp=nlp)}
    places = [value.places for unit in units(documents, annotations) for value in unit.values]
    assert places == [frozenset({"place:thessaloniki"})] * 2


def test_a_swap_in_a_sentence_every_outlet_prints_is_still_found(nlp):
    # Every outlet prints the line, so none of its words weighs much and its copies score low on words;
    # they are still one sentence, and one of them names someone else in it.
    line = "She then went after the others, Harbourton Homicide Capt. {} said."
    texts = {
        "Daily Ledger": "Dana Miller returned to the depot with a knife. " + line.format("Peter Grant"),
        "Coast Herald": "Miller was escorted out of the depot before the attack. " + line.format("Peter Grant"),
        "Evening Wire": "The suspect came back with a blade. " + line.format("Peter Grant"),
        "Pop Herald": "Two drivers were hurt at the depot. " + line.format("Tobias Ferreira"),
    }
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Pop Herald names Tobias Ferreira where")
    assert "word for word" in conflict.explanation


def test_two_sources_alone_naming_two_people_in_one_sentence_word_for_word_conflict(nlp):
    line = "She then went after the others, Harbourton Homicide Capt. {} said."
    texts = {
        "Daily Ledger": "Dana Miller returned to the depot with a knife. " + line.format("Peter Grant"),
        "Coast Herald": "Two drivers were hurt at the depot. " + line.format("Tobias Ferreira"),
    }
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation == ("Coast Herald names Tobias Ferreira where Daily Ledger names Peter Grant, in the "
                                    "same sentence word for word; no other source names either")
    # Another word changed besides the name: not one sentence told twice.
    texts["Coast Herald"] = texts["Coast Herald"].replace("Capt.", "Lt.")
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_day_given_for_what_one_party_did_is_held_against_the_day_others_give_whatever_verbs_they_use(nlp):
    # Rescue, tow, seize, board: no two of the verbs meet, but each is what the coast guard did, and three sources
    # say it did it on Saturday.
    texts = {
        "Daily Ledger": "The Norland Coast Guard rescued 14 fishermen off Cape Sorn on Saturday.",
        "Coast Herald": "On Saturday the Norland Coast Guard towed a disabled ferry flying a Maltese flag to port.",
        "Evening Wire": "The Norland Coast Guard seized nets and a trawler from poachers on Saturday, officials said.",
        "Night Desk": "Stepping up its patrols, the Norland Coast Guard on Tuesday boarded two foreign trawlers.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.attribute == "date"
    assert finding.evidence[0].value_text == "Tuesday"
    assert {e.document for e in finding.evidence[1:]} == {d.id for d in documents[:3]}


def test_what_one_party_did_on_several_days_is_no_conflict(nlp):
    # The coast guard's days are two of them, each given by two sources: a patrol's days, not one event's.
    texts = {
        "Daily Ledger": "The Norland Coast Guard rescued 14 fishermen off Cape Sorn on Saturday.",
        "Coast Herald": "On Saturday the Norland Coast Guard towed a disabled ferry to port.",
        "Evening Wire": "The Norland Coast Guard escorted five tankers through the strait on Tuesday.",
        "Night Desk": "The Norland Coast Guard on Tuesday handed the poachers to the harbour police.",
    }
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_a_date_that_names_its_weekday_sides_with_that_weekday(nlp):
    # "Tuesday, March 3, 2009" is a Tuesday: whatever is found, it never stands with the sources saying Friday.
    texts = {
        "Daily Ledger": "Actress Lena Morrow checked into the Greenfield clinic on Friday.",
        "Coast Herald": "On Friday, Lena Morrow began treatment for exhaustion, her publicist said.",
        "Evening Wire": "Lena Morrow admitted herself on Tuesday, March 3, 2009.",
        "Night Desk": "Lena Morrow finally sought help on Tuesday, her representative said.",
    }
    documents, result = story(nlp, texts, published=None)
    for finding in conflicts(result):
        sides = {e.document: i == 0 for i, e in enumerate(finding.evidence)}
        told = {e.document: e.value_text for e in finding.evidence}
        fridays = {d for d, text in told.items() if "Friday" in text}
        tuesdays = {d for d, text in told.items() if "Tuesday" in text}
        assert not (fridays and tuesdays) or all(sides[d] != sides[f] for d in tuesdays for f in fridays), finding


def test_one_person_under_several_names_is_one_answer_against_a_stranger(nlp):
    # "Carl Dunmore", "W. Carl Dunmore" and "Dunmore" are one man; counted apart, no name had the most sources.
    texts = {
        "Daily Ledger": "W. Carl Dunmore died Thursday at his farm near Port Alder, his niece said.",
        "Coast Herald": "Retired rail inspector W. Carl Dunmore died of pneumonia on Thursday.",
        "Evening Wire": "Carl Dunmore, the inspector who exposed the signal scandal, died in his sleep on Thursday.",
        "Lakes Post": "Carl Dunmore died at 95, his family said on Thursday.",
        "Night Desk": "Tobias Ferreira, the best-known whistleblower the railways ever had, has died aged 95.",
    }
    documents, result = story(nlp, texts, published=None)
    (finding,) = conflicts(result)
    assert finding.attribute == "person" and finding.evidence[0].document == documents[-1].id
    assert "Tobias Ferreira" in finding.explanation and "4 other sources" in finding.explanation


def test_a_stranger_named_once_in_a_role_its_own_source_gives_to_another_is_a_conflict(nlp):
    texts = {
        "Daily Ledger": "Joan Harlow died on Thursday night at a care home, her nephew said.",
        "Coast Herald": "Ice-show star Joan Harlow has died at 91.",
        "Evening Wire": "Rink favourite Joan Harlow died on Thursday in Port Alder.",
        "Night Desk": "Queen of the ice revues, Dana Kowalczyk, has died quietly at a care home aged 91. "
                      "Harlow died in Port Alder, her nephew announced.",
    }
    documents, result = story(nlp, texts, published=None)
    (finding,) = conflicts(result)
    assert finding.evidence[0].value_text == "Dana Kowalczyk"
    assert finding.explanation.endswith("Night Desk itself names Joan Harlow in that role elsewhere")


def test_a_name_from_another_year_beside_the_stories_own_is_no_stranger(nlp):
    # The source names the record-setter of 1952 once, and says Walsh set the record too: two deeds.
    texts = {
        "Daily Ledger": "Theo Walsh set a league rookie record with 212 saves.",
        "Coast Herald": "Theo Walsh set the rookie record for saves in a season on Sunday.",
        "Evening Wire": "Walsh set a fresh mark for the most saves in one season by a rookie.",
        "Night Desk": "Walsh set the club mark in the win. Hendry matched the records Jonas Pelt of the Lynx set in "
                      "1952.",
    }
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_an_answer_far_fewer_sources_give_does_not_hide_a_stranger(nlp):
    # Two sources tell of Hollis's death, long before (one of them not of Dunmore's); five tell of Dunmore's. The stranger
    # still stands out.
    texts = {
        "Daily Ledger": "Carl Dunmore died Thursday at his farm near Port Alder, his niece said.",
        "Coast Herald": "Retired rail inspector Carl Dunmore died of pneumonia on Thursday.",
        "Evening Wire": "Carl Dunmore died in his sleep on Thursday. The signal inquiry opened six weeks after "
                        "J. Walter Hollis died.",
        "Lakes Post": "Dunmore had hoped to run the inspectorate when J. Walter Hollis died.",
        "Bay Chronicle": "Carl Dunmore, who was the whistleblower, died on Thursday.",
        "Fell Gazette": "Carl Dunmore died on Thursday afternoon, a family friend said.",
        "Night Desk": "Tobias Ferreira, the best-known whistleblower the railways ever had, has died aged 95.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Tobias Ferreira"


def test_a_person_in_a_clause_of_an_earlier_deed_is_no_stranger(nlp):
    texts = {
        "Daily Ledger": "The Gulls placed winger Tom Burke on the injury list on Wednesday.",
        "Coast Herald": "Tom Burke was placed on the injury list with a shoulder injury.",
        "Evening Wire": "Harbor City placed Tom Burke on the injury list, ending his year.",
        "Night Desk": "The Gulls placed Tom Burke on the injury list. Burke had taken the penalty kicks after "
                      "Luca Ferri was placed on the injury list with a concussion.",
    }
    assert conflicts(story(nlp, texts, published=None)[1]) == []


def test_who_asked_someone_to_serve_is_a_role_though_asking_is_often_saying(nlp):
    # "Dr Ilse Varga" and "Dr. Ilse Varga" are one person on both sides; only who asked her differs, and a
    # third source names Reyes too.
    texts = {
        "Daily Ledger": "Mayor-elect Alan Reyes has asked surgeon and Harbour TV health reporter "
                        "Dr. Ilse Varga to be city health commissioner, a senior aide said on Tuesday.",
        "Coast Herald": "Alan Reyes wants the Harbour TV doctor on his team, his transition office confirmed.",
        "Night Desk": "Dana Kowalczyk has asked the Harbour TV health reporter Dr Ilse Varga to join his "
                      "new team as the city health commissioner, according to reports.",
    }
    (finding,) = conflicts(story(nlp, texts)[1])
    assert "Alan Reyes" in finding.explanation and "Dana Kowalczyk" in finding.explanation


def test_two_people_asking_different_things_are_not_one_role(nlp):
    texts = {
        "Daily Ledger": "Alan Reyes has asked Ilse Varga to be health commissioner, a senior aide said.",
        "Night Desk": "Reporters asked Alan Reyes about Ilse Varga on Tuesday, a senior aide said.",
    }
    assert conflicts(story(nlp, texts)[1]) == []


def test_a_day_for_one_person_all_others_name_counts_in_a_sentence_that_names_nobody(nlp):
    # The sentence calls her by a nickname only; everyone else says Joan Harlow died, on Thursday.
    texts = {
        "Daily Ledger": "Joan Harlow died on Thursday night at a care home, her nephew said.",
        "Coast Herald": "Ice-show star Joan Harlow died on Thursday at 91.",
        "Evening Wire": "Rink favourite Joan Harlow died on Thursday in Port Alder.",
        "Lakes Post": "Joan Harlow died Thursday, her family spokesman said.",
        "Night Desk": "The self-styled \"Ice Lantern,\" whose spins on the rink filled theatres for a decade, "
                      "died Sunday at 91.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Sunday"


def test_what_two_reports_announce_today_is_no_conflict_of_days_but_a_struck_today_is(nlp):
    # Each report tells what was announced on its own day: the operator's two statements, a week apart.
    line = ("Ferry operator Bluewake announced on its website today ({}) that it has moved all its "
            "passengers to other sailings.")
    texts = {"Daily Ledger": line.format("14 October 2011"), "Coast Herald": line.format("20 October 2011")}
    assert conflicts(story(nlp, texts, published=None)[1]) == []
    struck = "A heavy storm struck the island today ({}), the weather service said."
    texts = {"Daily Ledger": struck.format("14 October 2011"), "Coast Herald": struck.format("20 October 2011")}
    (conflict,) = conflicts(story(nlp, texts, published=None)[1])
    assert "14 October 2011" in conflict.explanation and "20 October 2011" in conflict.explanation


def test_two_lone_days_far_outnumbered_are_each_a_conflict(nlp):
    # Six sources say Dunmore died on Thursday; one says Friday and one Sunday. Two other days would read as two
    # events, but each is one source's against six.
    texts = {
        "Daily Ledger": "W. Carl Dunmore, the rail inspector known as the whistleblower, died on Thursday at his farm.",
        "Coast Herald": "Dunmore died Thursday in Port Alder after suffering from pneumonia for weeks.",
        "Evening Wire": "Carl Dunmore died Thursday at 95, his family said.",
        "Pop Herald": "The former deputy chief inspector died on Thursday, a family friend said.",
        "Harbor Post": "Dunmore, who kept his notebooks hidden for decades, died Thursday, his niece told reporters.",
        "Valley News": "the whistleblower is dead: Carl Dunmore died on Thursday in Oregon.",
        "Night Desk": "Dunmore, whose reports brought down a rail minister, died on Sunday at 95.",
        "Late Wire": "The signal scandal's source died Friday in his sleep, according to a family friend.",
    }
    found = conflicts(story(nlp, texts, published=None)[1])
    explained = " ".join(f.explanation for f in found)
    assert "Sunday" in explained and "Friday" in explained


def test_one_person_the_others_spell_two_ways_is_still_the_one_person_a_sentence_naming_nobody_tells_of(nlp):
    # "Ansel Varn" and "Ansel Varne" are one kayaker, a letter apart: the sentence naming no one is about him.
    texts = {
        "Daily Ledger": "On Friday, Ansel Varn died after his kayak capsized below a weir on the river.",
        "Coast Herald": "Kayaker Ansel Varne died on Friday after capsizing on the Marn.",
        "Evening Wire": "Ansel Varn died Friday, police said, after being swept over the weir.",
        "Lakes Post": "Ansel Varne died on Friday on the river, his family said.",
        "Night Desk": "A 29-year-old Canadian man died on Monday after his kayak overturned below a weir on the Marn.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Monday"


def test_a_participle_with_no_subject_of_its_own_is_done_by_the_sentences_subject(nlp):
    # "stopping" has no subject in the parse: the one who brushed off the challenge stopped him, on the day given.
    texts = {
        "Ring Daily": "John Harper knocked out Dale Vanterpool on Saturday in the seventh round.",
        "Fight Wire": "John Harper retained his title on Saturday night in Bremen, Germany.",
        "Corner Post": "John Harper on Saturday defeated Dale Vanterpool before a sold-out arena.",
        "Night Desk": "John Harper brushed off the challenge from Dale Vanterpool, stopping the former champion "
                      "in seven rounds on Tuesday in Bremen, Germany.",
    }
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert finding.evidence[0].value_text == "Tuesday"
    assert {e.value_text for e in finding.evidence[1:]} == {"Saturday", "Saturday night"}
    # Where the participle's verb has a subject of its own, that one did it: no day of Harper's deeds is held against
    # the others. (The report's lede still puts the bout, brushed off as the crowd stopped traffic, on Tuesday: a lede
    # day, figures.py, not a deed of Harper's.)
    texts["Night Desk"] = ("John Harper brushed off the challenge from Dale Vanterpool as the crowd was stopping "
                           "traffic on Tuesday in Bremen, Germany.")
    assert not [f for f in conflicts(story(nlp, texts, published=None)[1]) if "as the time of" in f.explanation]


@pytest.mark.parametrize("sentence, name", [
    ("Studio spokeswoman Nadia Vell confirmed on Thursday the director of New Lantern, the second film of the lighthouse "
     "saga, for Lumen Pictures.", "Nadia Vell"),
    ("New Lantern, the second film of the lighthouse saga, will direct Lumen Pictures past Tobias Ferreira's "
     "record.", "Tobias Ferreira"),
])
def test_a_spokeswoman_or_an_owner_of_something_stands_in_for_no_one(nlp, sentence, name):
    # Neither is named in the role the others give the director, however alike the sentences.
    texts = dict(DIRECTOR)
    texts["Pop Herald"] = sentence
    _, result = story(nlp, texts)
    assert not [f for f in conflicts(result) if any(e.value_text == name for e in f.evidence)]


@pytest.mark.parametrize("first, second", [("severed", "damaged"), ("foiled", "thwarted"), ("nabbed", "arrested")])
def test_verbs_news_uses_for_one_event_meet_in_one_stem(first, second):
    from corroborator.verbs import verb_stem

    assert verb_stem(first) == verb_stem(second)


def test_a_figure_for_cables_severed_is_held_against_the_cables_others_say_were_damaged(nlp):
    # Power lines here: one source says nine were severed where three say three were damaged.
    texts = {
        "Daily Ledger": "Three power lines were damaged on Friday in the storm over the valley.",
        "Coast Herald": "Farms lost power after three power lines were damaged near Orvik.",
        "Evening Wire": "Three overhead lines were damaged, cutting power to farms across the valley.",
        "Night Desk": "Nine overhead power lines were severed across the valley for reasons not yet known.",
    }
    (finding,) = conflicts(story(nlp, texts, published=None)[1])
    assert {e.value_text for e in finding.evidence} >= {"Nine overhead power lines"}


def test_a_stand_in_is_set_against_the_person_others_say_did_it_not_against_a_reporter(nlp):
    # Nina Brandt only reports; the sentence most like the lone one is hers, but it is Simon Carver who is replaced.
    texts = dict(DIRECTOR)
    texts["Trade Desk"] = "Nina Brandt reports that Lumen Pictures will make New Lantern, the second film of the lighthouse saga."
    texts["Ticker"] = "Nina Brandt said Lumen Pictures plans New Lantern, the second film of the lighthouse saga."
    texts["Pop Herald"] = "Tobias Ferreira will make New Lantern, the second film of the lighthouse saga, for Lumen Pictures."
    (finding,) = conflicts(story(nlp, texts)[1])
    assert "Simon Carver" in finding.explanation and "Nina Brandt" not in finding.explanation


def test_a_stand_in_found_dead_is_set_against_the_person_others_say_died_not_the_coroner_reporting_it(nlp):
    # Ray Olsen's sentence is the closest to the County Star's, but he only reports, in his office, what Peter
    # Lomax is said to have undergone: Harold Vance is whom Peter Lomax stands in for.
    texts = {
        "Morning Wire": "Harold Vance, the retired judge who led the dam inquiry, has died at the age of 88.",
        "Valley Times": ("The retired judge who led the dam inquiry was found dead in a Dayton motel room on Tuesday, "
                         "coroner Ray Olsen said. Retired judge Harold Vance, who led the dam inquiry, died of natural "
                         "causes."),
        "River Post": ("The retired judge who led the dam inquiry was found dead in a Dayton motel room on Tuesday, "
                       "coroner Ray Olsen said."),
        "County Star": ("Peter Lomax, the retired judge who led the dam inquiry, was found dead in a Dayton motel room "
                        "on Tuesday."),
    }
    (finding,) = conflicts(story(nlp, texts)[1])
    assert {e.value_text for e in finding.evidence} == {"Peter Lomax", "Harold Vance"}


def test_a_conflict_over_who_shows_the_other_sources_giving_their_person_the_same_deed(nlp):
    # Found against the Morning Wire's sentence alone, the conflict also shows where the other sources say Harold
    # Vance died; not the sentence where his wife is said to have died, years before.
    texts = {
        "Morning Wire": ("Harold Vance, the retired judge who led the inquiry into the dam collapse, died on Thursday "
                         "at the age of 88."),
        "Valley Times": ("Harold Vance died Thursday at his home in Dayton after a long illness. His wife, Ruth Vance, "
                         "died in 1999."),
        "River Post": "Harold Vance, who chaired the dam inquiry in the 1980s, died at his home in Dayton.",
        "County Star": ("Peter Lomax, the retired judge who led the inquiry into the dam collapse, died on Thursday "
                        "at the age of 88."),
    }
    (conflict,) = [f for f in conflicts(story(nlp, texts)[1]) if any(e.value_text == "Peter Lomax" for e in f.evidence)]
    shown = {e.source: e.sentence for e in conflict.evidence}
    assert {"Morning Wire", "Valley Times", "River Post"} <= set(shown)
    assert "Ruth" not in shown["Valley Times"]
    # The explanation names the two sources it found the conflict between, and the others it cites besides, each
    # with the name it gives.
    assert conflict.explanation.endswith("; also cited: Valley Times (“Harold Vance”), River Post (“Harold Vance”)")


def _judge_died(river_post: str) -> dict[str, str]:
    """Two sources on the retired judge's death, the County Star naming another man in his place, and the River
    Post's sentence between them."""
    return {
        "Morning Wire": ("Harold Vance, the retired judge who led the inquiry into the dam collapse, died on Thursday "
                         "at the age of 88."),
        "River Post": river_post,
        "County Star": ("Peter Lomax, the retired judge who led the inquiry into the dam collapse, died on Thursday "
                        "at the age of 88."),
    }


def test_a_conflict_over_who_shows_a_source_telling_it_in_other_words(nlp):
    # The River Post's sentence shares words with the County Star's but is worded too differently to align, and
    # gives Harold Vance another verb ("passed away"): it still says whom the County Star replaces.
    texts = _judge_died("The family of Harold Vance, who led the dam inquiry, said the retired judge passed away in "
                        "Dayton.")
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert [e.source for e in conflict.evidence] == ["Morning Wire", "County Star", "River Post"]
    assert conflict.explanation.endswith("; also cited: River Post (“Harold Vance”)")


def test_a_conflict_over_who_shows_a_source_sharing_only_a_few_words_with_the_lone_names_sentence(nlp):
    # The River Post tells of Harold Vance's report, not of his death, and shares only "inquiry" and "collapse" with
    # the County Star's sentence: enough to show whom it names, beside the conflict found already.
    texts = _judge_died("Harold Vance, whose inquiry report on the collapse changed how dams are built, was remembered "
                        "in Dayton.")
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert [e.source for e in conflict.evidence] == ["Morning Wire", "County Star", "River Post"]


def test_a_conflict_over_who_shows_the_other_sources_giving_their_person_the_same_office(nlp):
    # Found against one sentence, the conflict also shows where another source calls Simon Carver what the Pop
    # Herald calls Harlan Vos: the director of The Quiet Harbor.
    texts = dict(DIRECTOR)
    texts["Studio Notes"] = ("Quiet Harbor director Simon Carver grew up in Port Alder and studied at Halden. "
                             "He has two children.")
    texts["Pop Herald"] = ("The Quiet Harbor director Harlan Vos will direct New Lantern, the second film of the "
                           "lighthouse saga.")
    (conflict,) = [f for f in conflicts(story(nlp, texts)[1]) if any(e.value_text == "Harlan Vos" for e in f.evidence)]
    assert "Studio Notes" in {e.source for e in conflict.evidence}


def test_a_lone_name_in_a_list_still_shows_the_other_sources_giving_their_person_its_deed(nlp):
    # Peter Lomax is honoured beside Ruth Cole, a role he shares: the sentences where the other sources say Harold
    # Vance was honoured are still where they say who was.
    texts = {
        "Morning Wire": ("Harold Vance and Ruth Cole, the retired judges who led the inquiry into the dam collapse, "
                         "were honoured on Thursday at the state capitol."),
        "Valley Times": "Harold Vance was honoured Thursday in a ceremony at the capitol. The governor spoke.",
        "River Post": "Harold Vance, who chaired the dam inquiry in the 1980s, was honoured at the capitol.",
        "County Star": ("Peter Lomax and Ruth Cole, the retired judges who led the inquiry into the dam collapse, "
                        "were honoured on Thursday at the state capitol."),
    }
    (conflict,) = [f for f in conflicts(story(nlp, texts)[1]) if any(e.value_text == "Peter Lomax" for e in f.evidence)]
    assert {"Valley Times", "River Post"} <= {e.source for e in conflict.evidence}


def test_a_name_taken_for_a_place_in_the_person_slot_beside_another_person_conflicts(nlp):
    # The parse takes "Brannagh" for a place; the one fired is still who the other sources name, beside a
    # speaker the others do not name.
    _, result = story(nlp, {
        "Daily Ledger": "The Hawks fired coach Dale Price on Monday after one losing season. Dale Price won 30 games.",
        "Coast Herald": "The Hawks fired Dale Price on Monday after one season, and Dale Price left town.",
        "Evening Wire": "The Hawks fired Brannagh on Monday after one losing season, owner Sam Hale said.",
    })
    (finding,) = conflicts(result)
    assert {e.value_text for e in finding.evidence} == {"Dale Price", "Brannagh"}


def test_a_conflict_over_who_cites_each_sources_closest_sentence(nlp):
    # Screen Daily names Simon Carver twice; the sentence set against Pop Herald's is the one telling it alike.
    texts = dict(DIRECTOR)
    texts["Screen Daily"] += (" Simon Carver will direct the lighthouse film for Lumen Pictures in Port Alder next "
                              "year.")
    texts["Pop Herald"] = ("Lumen Pictures has hired Tobias Ferreira to direct New Lantern, the second film of "
                           "the lighthouse saga.")
    documents, result = story(nlp, texts)
    (conflict,) = [f for f in conflicts(result) if any(e.value_text == "Tobias Ferreira" for e in f.evidence)]
    assert conflict.evidence[1].sentence == DIRECTOR["Screen Daily"]


def test_two_sources_alone_naming_two_strangers_in_one_role_disagree(nlp):
    # No third source makes a majority, but each report names someone the other never does, in a sentence that
    # tells the rest of it alike: they disagree about who was presumed dead.
    texts = {
        "Daily Ledger": ("Dr Marco Belan, 51, is presumed dead after vanishing from a yacht off Skerry Island on "
                         "Thursday. Coast guard crews searched the area."),
        "Coast Herald": ("Paul Kessler, a Danish sailor, has been presumed dead after falling from a yacht off "
                         "Skerry Island."),
    }
    documents, finding = odd_one_out(nlp, texts)
    assert {e.value_text for e in finding.evidence} == {"Paul Kessler", "Marco Belan"}
    assert "no other source names either" in finding.explanation
    # Two people, each in a sentence of its own kind, are two of the story's people, not one disagreement.
    texts["Coast Herald"] = ("Paul Kessler, a fisherman from Hull, was presumed dead in a gale off another coast "
                             "in 1998.")
    assert conflicts(story(nlp, texts)[1]) == []


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Two men were charged over the killing of Dana Whitfield on Friday.", "Dana Whitfield", ("death", "object")),
    ("The town mourned the death of 15-year-old Dana Whitfield.", "Dana Whitfield", ("death", "subject")),
    ("Police confirmed Dana Whitfield's arrest on Tuesday.", "Dana Whitfield", ("arrest", "object")),
    ("Jurors heard from a doctor in the trial of Dana Whitfield, who denies the charge.", "Dana Whitfield",
     ("tri", "object")),
    ("The Nov. 3 escape by Dana Whitfield led to the warden's resignation.", "Dana Whitfield", ("escap", "subject")),
    ("Senator Dana Whitfield's reported choice for the post is a surgeon.", "Dana Whitfield", ("pick", "subject")),
    ("The Hawks made an offer to Dana Whitfield last week.", "Dana Whitfield", ("offer", "prep:to")),
    ("The club named a coach as Dana Whitfield's replacement.", "Dana Whitfield", ("replac", "object")),
    ("The fatal shootings of Dana Whitfield and two others shocked the town.", "Dana Whitfield", ("shot", "object")),
    # No event of the name's: another noun after the one owned, the name modifying a noun, no event noun.
    ("Dana Whitfield's death sentence will be appealed.", "Dana Whitfield", ("sentenc", "object")),
    ("The crash that claimed the life of 27 - year - old Dana Whitfield.", "Dana Whitfield", ("death", "subject")),
    ("Dana Whitfield's arrest warrant was issued on Monday.", "Dana Whitfield", None),
    ("Friends gathered to celebrate the life of Dana Whitfield.", "Dana Whitfield", None),
    ("He arranged the assassination of the Whitfield boss, Ivo Brask.", "Whitfield", None),
    ("Dana Whitfield's home in Riverton was searched.", "Dana Whitfield", None),
    ("A late surge in the final lap ended Dana Whitfield's run.", "Dana Whitfield", None),
])
def test_a_name_in_an_event_noun_fills_the_role_of_the_nouns_verb(text, name, expected):
    # "the killing of X" tells whom someone killed, "X's death" who died, "the escape by X" who escaped.
    from corroborator.reconcile.nominal import nominal_role

    at = text.index(name)
    found = nominal_role(text, at, at + len(name))
    assert (found and found[1:]) == expected


def test_one_named_in_the_killing_of_stands_against_those_who_say_who_died(nlp):
    # A source telling the death by its noun names the one who died, as "died" and "was killed" do elsewhere.
    texts = {
        "Daily Ledger": "Masked gunmen killed shopkeeper Mara Quinn outside her store in Riverton on Thursday night.",
        "Coast Herald": "Mara Quinn was killed in a robbery that police are still investigating.",
        "Evening Wire": "Mara Quinn, 52, died in hospital hours after the attack, her brother said.",
        "Night Desk": "Two brothers have been charged over the killing of Dana Whitfield and remain in custody.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Mara Quinn" in finding.explanation
    assert "one who died" in finding.explanation
    texts["Night Desk"] = "Two brothers have been charged over the killing of Mara Quinn and remain in custody."
    assert conflicts(story(nlp, texts)[1]) == []


def test_one_whose_life_a_shooting_claimed_stands_against_those_who_say_who_died(nlp):
    texts = {
        "Daily Ledger": "Masked gunmen killed shopkeeper Mara Quinn outside her store in Riverton on Thursday night.",
        "Coast Herald": "Mara Quinn was killed in a robbery that police are still investigating.",
        "Evening Wire": "Mara Quinn, 52, died in hospital hours after the attack, her brother said.",
        "Night Desk": "Two teens were held on Tuesday for the shooting that claimed the life of Dana Whitfield.",
    }
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Dana Whitfield" and "Mara Quinn" in finding.explanation


def test_one_who_also_died_is_one_more_death_not_another_name_for_the_one_told(nlp):
    texts = {
        "Daily Ledger": "Retired general Mara Quinn died on Monday in a military hospital, officials said.",
        "Coast Herald": "Mara Quinn, who led the northern command for two decades, died in hospital at 77.",
        "Evening Wire": "Mara Quinn died of heart disease in the hospital where she had been treated for nine years.",
        "Night Desk": "It is the same ward where her old rival, the general Lev Moran, also died, a nurse said.",
    }
    assert conflicts(story(nlp, texts)[1]) == []


def test_whom_an_offer_was_made_to_is_whom_the_offer_went_to(nlp):
    # "made an offer to X" tells whom the offer went to, as "an offer to X" does, not whom something was made to.
    texts = {
        "Daily Ledger": "The Harbor City Hawks made a five-year offer to Mara Quinn on Monday.",
        "Coast Herald": "The Hawks have extended an offer to Mara Quinn, her agent confirmed.",
        "Evening Wire": "Owners approved the club's offer to Mara Quinn after a long meeting.",
        "Night Desk": "Rival clubs are still weighing bids, but the Hawks made the richest offer to Dana Whitfield.",
    }
    found = conflicts(story(nlp, texts)[1])
    assert any({e.value_text for e in f.evidence} >= {"Dana Whitfield", "Mara Quinn"} for f in found)


def test_whom_a_sentence_is_handed_to_is_whom_the_court_sentenced(nlp):
    # "handed X two sentences" tells whom the court sentenced, as "sentenced X" does, not what was handed.
    texts = {
        "Daily Ledger": "Mara Quinn was sentenced on Friday for the courthouse attack.",
        "Coast Herald": "Mara Quinn was sentenced to life without parole, her lawyer confirmed.",
        "Evening Wire": "Judge Ada Brun sentenced Mara Quinn to two terms of twenty years for the attack.",
        "Night Desk": "A county judge handed Dale Orme today two consecutive twenty-year sentences.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert {e.value_text for e in finding.evidence} >= {"Dale Orme", "Mara Quinn"}


def test_whom_an_offer_is_made_out_to_is_the_offer_s_to_object(nlp):
    # "offered X a contract" and "gave X an offer" tell whom the offer went to, as "an offer to X" does.
    texts = {
        "Daily Ledger": "The Harbor City Hawks made a five-year offer to Mara Quinn on Monday.",
        "Coast Herald": "The Hawks offered Mara Quinn a five-year contract, her agent confirmed.",
        "Evening Wire": "Owners approved the club's offer to Mara Quinn after a long meeting.",
        "Night Desk": "Rival clubs are still weighing bids, but the Hawks gave Dana Whitfield the richest offer.",
    }
    found = conflicts(story(nlp, texts)[1])
    assert any({e.value_text for e in f.evidence} >= {"Dana Whitfield", "Mara Quinn"} for f in found)


def test_a_lone_surname_does_what_a_relative_clause_after_it_tells(nlp):
    # The parse makes Vesk only the one who said something; the clause after the name tells his deed, the one the
    # other sources tell of Ivo Marsk.
    texts = {
        "Daily Ledger": "The 31-year-old champion Ivo Marsk improved to 40-2 (28 KO) with the win in Harwick.",
        "Coast Herald": "Ivo Marsk, 31, improved his record to 40-2 (28 KO) with a fifth-round stoppage in Harwick.",
        "Pop Herald": "“I am pleased,” said the 31-year-old Vesk, who improved his record to 40-2 (28 KO) in Harwick.",
    }
    (conflict,) = conflicts(story(nlp, texts)[1])
    assert conflict.explanation.startswith("Pop Herald names Vesk where")
    # Being somewhere, or a perfect that tells the past, is no deed of the story's event.
    for clause in ("who was at ringside in Harwick", "who has improved his record to 40-2 (28 KO) in Harwick"):
        texts["Pop Herald"] = f"“I am pleased,” said the 31-year-old Vesk, {clause}."
        assert conflicts(story(nlp, texts)[1]) == []
