"""The reconcile stage on hand-built stories: claims, verdicts, evidence, timeline and entities.

Documents are built by hand, as spaCy's tests build a Doc: sentences are given, times and
quantities come from the real finders, and entities are named with their keys.
"""

from __future__ import annotations

import re

import pytest

from corroborator.annotate.quantities import find_quantities
from corroborator.annotate.times import find_times
from corroborator.model import Annotation, Document, Mention, Quote, Sentence
from corroborator.reconcile import reconcile_story
from corroborator.reconcile.align import pairs
from corroborator.places import nested
from corroborator.reconcile.standins import standin_findings
from corroborator.reconcile.units import units as story_units


def make(
    doc_id: str,
    source: str,
    published: str | None,
    sentences: list[str],
    entities: list[tuple[str, str, str]] = (),
    quotes: list[tuple[str, str | None, str]] = (),
    duplicate_of: str | None = None,
) -> tuple[Document, Annotation]:
    """A document and its annotation: entities are (surface text, kind, key); quotes (text, speaker, kind)."""
    body = " ".join(sentences)
    precision = None if published is None else ("day" if len(published) <= 10 else "minute")
    if published and len(published) <= 10:
        published = f"{published}T00:00:00+00:00"
    annotation = Annotation(doc_id, method="test")
    offset = 0
    for text in sentences:
        annotation.sentences.append(Sentence(offset, offset + len(text), text))
        found = find_times(text, published, precision)
        spans = [(m.start, m.end) for m in found]
        found += find_quantities(text, exclude=spans)
        for mention in found:
            mention.start += offset
            mention.end += offset
            annotation.mentions.append(mention)
        offset += len(text) + 1
    for surface, kind, key in entities:
        for match in re.finditer(re.escape(surface), body):
            annotation.mentions.append(Mention(match.start(), match.end(), kind, surface, key=key))
    for text, speaker, kind in quotes:
        at = body.index(text)
        annotation.quotes.append(Quote(at, at + len(text), text, speaker, kind))
    document = Document(doc_id, f"{doc_id}.txt", body, title=sentences[0], source=source, published=published,
                        published_precision=precision, duplicate_of=duplicate_of)
    return document, annotation


def reconcile(*made):
    documents = [d for d, _ in made]
    return reconcile_story(documents, {a.document: a for _, a in made})


def verdicts(result, verdict):
    return [f for f in result.findings if f.verdict == verdict]


def _documents_of(finding):
    return {e.document for e in finding.evidence}


def test_more_than_200_and_about_230_flights_agree():
    result = reconcile(
        make("a", "Harbour Ledger", "2025-03-10T18:00:00+00:00",
             ["More than 200 flights were cancelled at Amberford airport on Monday, the operator said."]),
        make("b", "Meridian Wire", "2025-03-10T19:00:00+00:00",
             ["About 230 flights were cancelled at Amberford airport on Monday as inspections went on."]),
    )
    assert not verdicts(result, "conflict")
    (agreed,) = [f for f in verdicts(result, "corroborated") if f.attribute == "count of flights"]
    assert _documents_of(agreed) == {"a", "b"}
    assert "agree" in agreed.explanation


def test_about_30000_and_40000_people_conflict_with_both_values_as_evidence():
    result = reconcile(
        make("a", "Harbour Ledger", "2025-03-10T18:00:00+00:00",
             ["About 30,000 people gathered in the main square of Portmarin for the vigil on Sunday."]),
        make("b", "Meridian Wire", "2025-03-10T18:30:00+00:00",
             ["Some 40,000 people gathered in the main square of Portmarin for the vigil on Sunday, police said."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"~30000 people", "~40000 people"}
    assert "Harbour Ledger" in conflict.explanation and "Meridian Wire" in conflict.explanation


STATS = "He rushed for {} yards and caught {} passes for {} yards this season, the team said."


def test_two_lines_of_figures_that_differ_throughout_are_two_things_not_a_conflict():
    # Other seasons or other players, written with a pronoun: nothing in the figures is shared.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", [STATS.format(269, 29, 201)]),
        make("b", "Meridian Wire", "2025-01-06", [STATS.format(793, 39, 302)]),
    )
    assert not verdicts(result, "conflict")
    # The same line with one figure changed is a disagreement about that figure.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", [STATS.format(269, 29, 201)]),
        make("b", "Meridian Wire", "2025-01-06", [STATS.format(269, 31, 201)]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"29 passes", "31 passes"}


def test_a_game_line_of_other_points_and_other_rebounds_is_another_game():
    # The rebounds have no word around them to match them by; they still differ, as the points do.
    line = "Tomas Redl finished with {} points and {} rebounds, and the Hawks won."
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", [line.format(25, 16)], entities=[("Tomas Redl", "person", "person:tomasredl")]),
        make("b", "Meridian Wire", "2025-01-06", [line.format(22, "nine")], entities=[("Tomas Redl", "person", "person:tomasredl")]),
    )
    assert not verdicts(result, "conflict")
    # The points alone differing, beside rebounds that agree, is a disagreement about the points.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", [line.format(25, 16)], entities=[("Tomas Redl", "person", "person:tomasredl")]),
        make("b", "Meridian Wire", "2025-01-06", [line.format(22, 16)], entities=[("Tomas Redl", "person", "person:tomasredl")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"25 points", "22 points"}


def test_a_part_or_a_target_is_not_the_whole_figure():
    # "his first 17 passes" is part of "30 passes"; "needed just six points" is the target, not the 20 scored.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", ["Redl completed 21 of 30 passes for 287 yards in the win."]),
        make("b", "Meridian Wire", "2025-01-06", ["Redl completed his first 17 passes for 287 yards in the win."]),
        make("c", "Northgate Courier", "2025-01-06", ["Redl needed just six points in the rout to set the mark."]),
        make("d", "Pop Notes", "2025-01-06", ["Redl scored 20 points in the rout to set the mark."]),
    )
    assert not verdicts(result, "conflict")
    # One lender's share of a bailout is part of the bailout.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-05-05", ["The lenders agreed to give Valdoria 55 billion euros in loans "
                                                   "over five years to keep its banks open."]),
        make("b", "Meridian Wire", "2025-05-05", ["Kessland agreed to give Valdoria its share of the bailout, 11 "
                                                  "billion euros in loans over five years, to keep its banks open."]),
    )
    assert not verdicts(result, "conflict")
    # "the two other victims" are the victims besides someone, not all of them.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", ["The three victims were taken to Elm Park General Hospital."]),
        make("b", "Meridian Wire", "2025-01-06", ["The two other victims were taken to Elm Park General Hospital."]),
    )
    assert not verdicts(result, "conflict")
    # The figure after "10 of" is the whole ("the Gulls' 16 games" of a season), not the games he played.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", ["An ankle injury limited Pratt to only six games of the Gulls' "
                                                   "season before the playoff loss."]),
        make("b", "Meridian Wire", "2025-01-06", ["An ankle injury kept Pratt out of 10 of the Gulls' 16 games of "
                                                  "the season before the playoff loss."]),
    )
    assert not verdicts(result, "conflict")
    # Two firsts are one part, and can disagree.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", ["Redl completed his first 15 passes for 287 yards in the win."]),
        make("b", "Meridian Wire", "2025-01-06", ["Redl completed his first 17 passes for 287 yards in the win."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"15 passes", "17 passes"}


def test_another_and_a_further_are_one_part_and_can_disagree():
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", ["Another 15,000 farmers rallied outside the hall in Portmarin."]),
        make("b", "Meridian Wire", "2025-01-06", ["A further 31,000 farmers rallied outside the hall in Portmarin."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"15000 farmers", "31000 farmers"}


def test_sums_converted_alike_but_restated_differently_conflict_on_the_restated_sum():
    # Each source gives the sum in euros, glossed in dollars: the euros agree, the dollars are the figure at odds.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05",
             ["Two thieves took paintings worth 3 million euros ($3.9 million) from the gallery, its owner said."]),
        make("b", "Meridian Wire", "2025-01-06",
             ["The gallery lost five canvases, a three-million-euro ($9.1-million) haul, to two thieves."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"3900000 USD", "9100000 USD"}
    # Conversions a few per cent apart are two days' exchange rates, not a disagreement.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05",
             ["Two thieves took paintings worth 3 million euros ($3.9 million) from the gallery, its owner said."]),
        make("b", "Meridian Wire", "2025-01-06",
             ["The gallery lost five canvases, a three-million-euro ($4-million) haul, to two thieves."]),
    )
    assert not verdicts(result, "conflict")


def test_a_markets_fall_during_the_day_is_not_its_close():
    result = reconcile(
        make("a", "Harbour Ledger", "2025-05-05", ["Traders fled as Valdorian shares plunged 4.7 per cent."]),
        make("b", "Meridian Wire", "2025-05-05", ["Traders fled as Valdorian shares closed down 2.8 percent."]),
    )
    assert not verdicts(result, "conflict")
    # Two closes that differ do conflict.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-05-05", ["Traders fled as Valdorian shares closed down 4.7 per cent."]),
        make("b", "Meridian Wire", "2025-05-05", ["Traders fled as Valdorian shares closed down 2.8 percent."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"4.7%", "2.8%"}


def test_the_time_something_had_gone_on_is_counted_to_each_sentences_own_moment():
    # "after four days of protests" and "after nine days of protests" tell two moments of one protest.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Shops in Valmont reopened after four days of protests over the fuel tax."]),
        make("b", "Meridian Wire", None,
             ["Valmont was quiet on Sunday after nine days of protests over the fuel tax."]),
    )
    assert not verdicts(result, "conflict")
    # How long it lasted, told two ways, still disagrees.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The protests over the fuel tax in Valmont lasted four days."]),
        make("b", "Meridian Wire", None, ["The protests over the fuel tax in Valmont lasted nine days, police said."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value_text for e in conflict.evidence} == {"four days", "nine days"}


def test_a_figure_over_part_of_a_game_is_not_the_figure_over_the_game():
    # Points in the first half are part of the game's; shots blocked during one run, part of the game's.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05",
             ["Redl came on as a substitute, scored 12 points and blocked five shots in the win over Halden."]),
        make("b", "Meridian Wire", "2025-01-06",
             ["Redl carried the Hawks in the first half, when he scored seven points in the win over Halden."]),
        make("c", "Northgate Courier", "2025-01-06",
             ["During the deciding 15-2 run, Redl blocked two shots in the win over Halden."]),
    )
    assert not verdicts(result, "conflict")
    # Two halves are two parts; the same half, told two ways, can disagree.
    first, second, again = (
        f"Redl scored {points} points in the {half} half of the win over Halden."
        for points, half in ((7, "first"), (9, "second"), (11, "first"))
    )
    result = reconcile(make("a", "Harbour Ledger", "2025-01-05", [first]),
                       make("b", "Meridian Wire", "2025-01-06", [second]))
    assert not verdicts(result, "conflict")
    result = reconcile(make("a", "Harbour Ledger", "2025-01-05", [first]),
                       make("b", "Meridian Wire", "2025-01-06", [again]))
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"7 points", "11 points"}


def test_an_equal_count_is_matched_before_another_count_of_the_same_thing():
    # "two touchdowns" in each sentence is one figure; "three touchdowns" on punt returns is another.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05",
             ["Redl ran for 512 yards and two touchdowns, and scored three touchdowns on kick returns this season."]),
        make("b", "Meridian Wire", "2025-01-06",
             ["Redl closed his second season with 512 yards rushing, scoring two touchdowns on the ground."]),
    )
    assert not verdicts(result, "conflict")


def test_five_and_a_half_minutes_agrees_with_5_minutes_23_seconds():
    result = reconcile(
        make("a", "Film Daily", "2024-01-23", ["The five-and-a-half minute video follows a couple on the run."]),
        make("b", "Pop Notes", "2024-01-23", ["At just 5-minutes 23-seconds, the video follows a couple running away."]),
    )
    assert not verdicts(result, "conflict")
    (agreed,) = [f for f in verdicts(result, "corroborated") if f.attribute == "duration"]
    assert {e.value for e in agreed.evidence} == {"~330 s", "323 s"}


def test_december_2023_contains_december_11_and_the_timeline_keeps_the_day():
    result = reconcile(
        make("a", "Film Daily", "2024-01-23", ["V enlisted in the military in Dec 2023, his agency confirmed."],
             entities=[("V", "person", "person:v")]),
        make("b", "Pop Notes", "2024-01-23", ["V enlisted for mandatory military duty on December 11."],
             entities=[("V", "person", "person:v")]),
    )
    assert not verdicts(result, "conflict")
    (agreed,) = [f for f in verdicts(result, "corroborated") if f.attribute == "date"]
    assert "contains" in agreed.explanation or "within" in agreed.explanation
    assert [(e.date, len(e.documents)) for e in result.timeline] == [("2023-12-11", 2)]


def test_a_corroborated_value_is_stated_by_a_sentence_its_explanation_quotes():
    # The earliest report says only "this week"; the agreement explained is the two reports of Thursday.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-03-14T06:00:00+00:00",
             ["A second quake shook the Caskell Highlands this week, injuring 23 people in the town of Brask."]),
        make("b", "Meridian Wire", "2025-03-14T08:00:00+00:00",
             ["The quake shook the Caskell Highlands on Thursday, injuring 23 people in the town of Brask."]),
        make("c", "Pacific Signal", "2025-03-14T09:00:00+00:00",
             ["A quake shook the Caskell Highlands on Thursday night, injuring 23 people in the town of Brask."]),
    )
    (dated,) = [f for f in verdicts(result, "corroborated") if f.attribute == "date"]
    assert "“Thursday” and “Thursday night”" in dated.explanation
    assert dated.statement.startswith("The quake shook the Caskell Highlands on Thursday,")


def test_a_timeline_event_is_told_by_a_sentence_that_gives_its_date():
    # The earliest report only says "in December"; the day on the timeline is the later report's, and so is its text.
    result = reconcile(
        make("a", "Film Daily", "2024-01-20", ["V enlisted in the military in Dec 2023, his agency confirmed."],
             entities=[("V", "person", "person:v")]),
        make("b", "Pop Notes", "2024-01-23", ["V enlisted for mandatory military duty on December 11."],
             entities=[("V", "person", "person:v")]),
    )
    assert [(e.date, e.event) for e in result.timeline] == [
        ("2023-12-11", "V enlisted for mandatory military duty on December 11.")]


def test_a_sentence_that_gives_one_date_twice_is_one_event_on_the_timeline():
    result = reconcile(make("a", "Pacific Signal", "2025-02-18", [
        "Streamline, which bought the film last year, said its subscriptions in Korea rose 18% in 2024.",
        "The band was founded in 2016 and released its first album on March 3, 2016.",
    ]))
    assert [(e.date, e.event[:10]) for e in result.timeline] == [
        ("2016", "The band w"), ("2016-03-03", "The band w"), ("2024", "Streamline")]


def test_sources_that_tell_one_dated_event_alike_share_one_timeline_entry():
    # "in 1987" stands alone between commas, so the words around the date say nothing; the sentences do.
    result = reconcile(
        make("a", "Meridian Wire", "2025-03-10", ["The region's last deadly quake, in 1987, killed 31 people."]),
        make("b", "Pacific Signal", "2025-03-10", ["Its last deadly earthquake, in 1987, killed 31 people."]),
        make("c", "Reelside", "2025-03-10", ["The bell tower, which had survived the 1987 earthquake, fell."]),
    )
    assert sorted(len(e.documents) for e in result.timeline if e.date == "1987") == [1, 2]


def test_midnight_in_seoul_and_the_morning_before_in_new_york_are_one_moment():
    result = reconcile(
        make("a", "Hanbit Herald", "2025-02-20T09:00:00+09:00",
             ["The film will stream on Streamline from midnight KST on February 21, the platform said."]),
        make("b", "Pacific Signal", "2025-02-20T08:00:00-05:00",
             ["The film will stream on Streamline from 10 a.m. ET on February 20, the platform said."]),
    )
    assert not verdicts(result, "conflict")
    (agreed,) = [f for f in verdicts(result, "corroborated") if f.attribute == "time"]
    assert "same moment" in agreed.explanation


def test_a_toll_that_grows_through_the_day_is_an_update_not_a_conflict():
    result = reconcile(
        make("a", "Meridian Wire", "2025-03-10T07:40:00+02:00",
             ["A strong earthquake struck the highlands early Monday, killing at least 9 people, officials said."]),
        make("b", "Meridian Wire", "2025-03-10T15:20:00+02:00",
             ["The death toll from Monday's earthquake in the highlands rose to 13, officials said."]),
        make("c", "Harbour Ledger", "2025-03-10T19:45:00+00:00",
             ["The death toll from the earthquake that struck the highlands before dawn rose to 16, officials said."]),
    )
    assert not verdicts(result, "conflict")
    (update,) = verdicts(result, "update")
    assert [e.document for e in update.evidence] == ["a", "b", "c"]
    assert [e.value for e in update.evidence] == [">=9 people", "13", "16"]
    assert "not a contradiction" in update.explanation


def test_an_updates_reports_are_timed_in_one_format_and_a_copy_follows_its_original():
    first = "A strong earthquake struck the highlands early Monday, killing at least 9 people, officials said."
    result = reconcile(
        make("a", "Meridian Wire", "2025-03-10T07:40:00+02:00", [first]),
        make("copy", "Northgate Courier", "2025-03-10", [first], duplicate_of="a"),
        make("b", "Meridian Wire", "2025-03-10T15:20:00+02:00",
             ["The death toll from Monday's earthquake in the highlands rose to 13, officials said."]),
        make("c", "Harbour Ledger", "2025-03-10T19:45:00+00:00",
             ["The death toll from the earthquake that struck the highlands before dawn rose to 16, officials said."]),
    )
    (update,) = verdicts(result, "update")
    assert update.explanation.startswith(
        "the count of people was revised as reports came in: at least 9 people (Meridian Wire, 2025-03-10 05:40 UTC)"
        " → at least 9 people (Northgate Courier, 2025-03-10) → 13 people (Meridian Wire, 2025-03-10 13:20 UTC)"
        " → 16 people (Harbour Ledger, 2025-03-10 19:45 UTC);")


def test_one_sentence_told_twice_with_its_named_day_changed_is_a_conflict():
    # "Saturday's semifinals" names a thing, which alone would not date it; the sentences are one sentence.
    line = "In {}'s semifinals, Harbor City will play Alder State, which defeated Eastfield on Friday."
    result = reconcile(
        make("a", "Harbour Ledger", None, [line.format("Saturday")]),
        make("b", "Meridian Wire", None, [line.format("Tuesday")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"Saturday", "Tuesday"}


def test_a_pages_own_update_times_are_not_compared():
    result = reconcile(
        make("a", "Harbour Ledger", "2016-03-14", ["14 March 2016 Last updated at 08:25 GMT",
                                                   "A fire broke out at the bakery in Norrby."]),
        make("b", "Meridian Wire", "2016-03-16", ["16 March 2016 Last updated at 17:04 GMT",
                                                  "A fire broke out at the bakery in Norrby."]),
    )
    assert not verdicts(result, "conflict")


@pytest.mark.parametrize("line", ["14 March 2016 Last updated at 08:25 GMT", "Tuesday, Mar 15, 2016 | Updated 6:40 PM EDT",
                                  "Published: Nov 3, 2016"])
def test_a_pages_dateline_states_no_time_of_what_it_reports(line):
    from corroborator.reconcile.units import units

    document, annotation = make("a", "Harbour Ledger", "2013-07-21", [line])
    (unit,) = units([document], {"a": annotation})
    assert not [v for v in unit.values if v.kind in ("date", "time")]


def test_a_year_the_other_sentence_also_states_is_not_held_against_its_other_dates():
    people = [("Oyelaran", "person", "person:oyelaran")]
    result = reconcile(
        make("a", "Harbour Ledger", "2009-10-06", ["Oyelaran was serving a 20-year term in jail for a 2003 "
                                                   "armed robbery conviction."], entities=people),
        make("b", "Meridian Wire", "2009-10-06", ["Between 1996 and 2003, Oyelaran was in and out of court until he "
                                                  "went back to jail in March 2004 to serve a 20-year term for "
                                                  "armed robbery."], entities=people),
    )
    assert not verdicts(result, "conflict")


@pytest.mark.parametrize(("text", "value"), [("April 15", "--04-15"), ("21 July", "--07-21"), ("Sept. 3", "--09-03"),
                                           ("September", "--09"), ("March 2010", None), ("this year", None)])
def test_a_day_or_a_month_without_a_year_is_written_as_iso_yearless(text, value):
    from corroborator.reconcile.units import calendar_value

    assert calendar_value(text) == value


def test_a_yearless_day_in_an_undated_report_is_held_against_a_dated_one():
    # "April 15 of this year" in an undated report cannot be placed in a year, but it is not November 20.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Town council elections in Norrby that are set for April 15 "
                                           "of this year are to be contested by four parties."]),
        make("b", "Meridian Wire", None, ["Town council elections in Norrby which are expected on November 20, "
                                          "2019, are to be contested by four parties."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"--04-15", "2019-11-20"}
    assert "different days of the year" in conflict.explanation
    # The same day and month agree, whatever the year.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["Town council elections in Norrby that are set for November 20 "
                                           "of this year are to be contested by four parties."]),
        make("b", "Meridian Wire", None, ["Town council elections in Norrby which are expected on November 20, "
                                          "2019, are to be contested by four parties."]),
    )
    assert not verdicts(result, "conflict")


def test_a_line_of_only_a_place_and_a_date_states_no_time_of_what_it_reports():
    from corroborator.reconcile.units import units

    document, annotation = make("a", "Harbour Ledger", None, ["WASHINGTON, DC, April 28, 2009"],
                                entities=[("WASHINGTON", "place", "place:washington"), ("DC", "place", "place:dc")])
    (unit,) = units([document], {"a": annotation})
    assert not unit.values


def test_a_date_off_by_a_day_is_a_conflict():
    result = reconcile(
        make("a", "Pacific Signal", "2025-02-20",
             ["Mirae made her screen debut on February 18 at the world premiere of Salt Lantern in Seoul."],
             entities=[("Mirae", "person", "person:mirae"), ("Seoul", "place", "place:seoul")]),
        make("b", "Reelside", "2025-02-20",
             ["Mirae made her screen debut on February 19 at the world premiere of Salt Lantern in Seoul."],
             entities=[("Mirae", "person", "person:mirae"), ("Seoul", "place", "place:seoul")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"2025-02-18", "2025-02-19"}
    assert "1 day" in conflict.explanation


def test_a_time_given_as_a_bound_is_not_the_time_itself():
    # "by February 19" is the latest the residents were back: it does not contradict the day the fire broke out.
    fire = "Residents evacuated after the fire at the Dunmore warehouse on February 17 were allowed to return home."
    back = "Residents evacuated from the Dunmore warehouse fire were all allowed to return home {} February 19."
    result = reconcile(make("a", "Pacific Signal", "2025-02-20", [fire]),
                       make("b", "Reelside", "2025-02-20", [back.format("by")]))
    assert not verdicts(result, "conflict")
    result = reconcile(make("a", "Pacific Signal", "2025-02-20", [back.format("on").replace("19", "18")]),
                       make("b", "Reelside", "2025-02-20", [back.format("on")]))
    (conflict,) = verdicts(result, "conflict")  # the day itself, told two ways, still can disagree
    assert {e.value for e in conflict.evidence} == {"2025-02-18", "2025-02-19"}


def test_a_syndicated_copy_is_not_a_second_witness():
    sentence = "The Lirenian consulate opened a telephone line for relatives seeking news of family members."
    result = reconcile(
        make("wire", "Meridian Wire", "2025-03-10T07:40:00+02:00", [sentence], entities=[("Lirenian", "other", "other:lirenian")]),
        make("copy", "Northgate Courier", "2025-03-10", [sentence], entities=[("Lirenian", "other", "other:lirenian")],
             duplicate_of="wire"),
    )
    (single,) = verdicts(result, "single_source")
    assert _documents_of(single) == {"wire", "copy"}
    assert single.explanation == ("only Meridian Wire (with Northgate Courier's syndicated copy, counted once) "
                                  "states this")
    assert not verdicts(result, "corroborated")


def test_corroboration_names_each_independent_source_and_what_counts_with_it():
    sentence = "The Lirenian consulate opened a telephone line for relatives seeking news of family members."
    entities = [("Lirenian", "other", "other:lirenian")]
    result = reconcile(
        make("wire", "Meridian Wire", "2025-03-10T07:40:00+02:00", [sentence], entities=entities),
        make("wire2", "Meridian Wire", "2025-03-10T15:20:00+02:00", [sentence.replace("opened", "has opened")],
             entities=entities),
        make("copy", "Northgate Courier", "2025-03-10", [sentence], entities=entities, duplicate_of="wire"),
        make("ledger", "Harbour Ledger", "2025-03-10T19:45:00+00:00", [sentence.replace("a telephone", "a")],
             entities=entities),
    )
    (corroborated,) = verdicts(result, "corroborated")
    assert len(corroborated.evidence) == 4
    assert corroborated.explanation.startswith(
        "stated by 2 independent sources: Meridian Wire (2 articles and Northgate Courier's syndicated copy, "
        "counted once), Harbour Ledger")


def test_one_outlets_two_articles_count_once():
    result = reconcile(
        make("a", "Meridian Wire", "2025-03-10T07:40:00+02:00",
             ["Rail services across the Caskell Highlands were suspended while engineers inspected bridges."],
             entities=[("Caskell Highlands", "place", "place:caskellhighlands")]),
        make("b", "Meridian Wire", "2025-03-10T15:20:00+02:00",
             ["Rail services across the Caskell Highlands stayed suspended while engineers inspected bridges."],
             entities=[("Caskell Highlands", "place", "place:caskellhighlands")]),
    )
    assert not verdicts(result, "corroborated")
    assert verdicts(result, "single_source")


def test_two_translations_of_one_quote_are_a_variant():
    first = "I wanted to make a film about the people who stay behind when the sea takes everything"
    second = "My hope was to tell the story of those who remain after the sea has taken it all"
    result = reconcile(
        make("a", "Pacific Signal", "2025-02-19", [f"“{first},” said director Yoon Ji-seok at the premiere."],
             entities=[("Yoon Ji-seok", "person", "person:yoonjiseok")], quotes=[(first, "Yoon Ji-seok", "speech")]),
        make("b", "Meridian Wire", "2025-02-19", [f"“{second},” director Yoon Ji-seok told reporters at the premiere."],
             entities=[("Yoon Ji-seok", "person", "person:yoonjiseok")], quotes=[(second, "Yoon Ji-seok", "speech")]),
    )
    (variant,) = verdicts(result, "variant")
    assert {e.value for e in variant.evidence} == {first, second}
    assert "give the same quote of Yoon Ji-seok's in different wording" in variant.explanation


def test_two_translations_of_one_lyric_are_a_variant_though_their_sentences_differ():
    # Two outlets' translations of one line of a song, in sentences that share no other words; the first outlet
    # also quotes a line the second does not, which stays its own.
    first, second = "Sail away from the harbour / Stay by my side", "Sail away from every sorrow, stay beside me"
    other = "Lanterns burn along the water"
    result = reconcile(
        make("a", "Pacific Signal", "2025-02-19",
             [f"The chorus pleads: “{first}.”", f"Later she sings “{other}.”"],
             quotes=[(first + ".", None, "lyric"), (other + ".", None, "lyric")]),
        make("b", "Meridian Wire", "2025-02-19", [f"“{second}”, the heroine asks her lover in the final scene."],
             quotes=[(second, None, "lyric")]),
    )
    (variant,) = verdicts(result, "variant")
    assert {e.value for e in variant.evidence} == {first + ".", second}
    assert "give the same lyric in different wording" in variant.explanation
    assert [f.statement for f in verdicts(result, "single_source")] == [f"Later she sings “{other}.”"]


def test_two_different_things_one_person_said_are_no_variant():
    # One sentence each about what the director said at the premiere, aligned as one claim; the two quotes share
    # a few small words and nothing else.
    first = "The island taught me how little a family needs when the water comes"
    second = "We shot every scene in one long summer and the crew slept in the lighthouse"
    result = reconcile(
        make("a", "Pacific Signal", "2025-02-19", [f"“{first},” said director Yoon Ji-seok at the premiere."],
             entities=[("Yoon Ji-seok", "person", "person:yoonjiseok")], quotes=[(first, "Yoon Ji-seok", "speech")]),
        make("b", "Meridian Wire", "2025-02-19", [f"“{second},” director Yoon Ji-seok told reporters at the premiere."],
             entities=[("Yoon Ji-seok", "person", "person:yoonjiseok")], quotes=[(second, "Yoon Ji-seok", "speech")]),
    )
    assert not verdicts(result, "variant")


def test_sentences_that_merely_share_a_name_are_not_one_claim():
    result = reconcile(
        make("a", "Pacific Signal", "2025-02-19", ["Mirae wore a dark blue gown on the red carpet before the screening."],
             entities=[("Mirae", "person", "person:mirae")]),
        make("b", "Meridian Wire", "2025-02-19", ["Mirae announced an Asia tour that opens in Busan next spring."],
             entities=[("Mirae", "person", "person:mirae")]),
    )
    assert not verdicts(result, "corroborated")
    assert len(verdicts(result, "single_source")) == 2


def test_a_sentence_that_aligns_with_only_one_member_of_a_claim_does_not_corroborate_it():
    # The shoot aligns with the director's research and with the review's "survival drama"; those two
    # do not align with each other, so the review is no third source of the claim.
    director = ("Yoon Ji-seok", "person", "person:yoonjiseok")
    result = reconcile(
        make("a", "Meridian Wire", "2025-02-19",
             ["Director Yoon Ji-seok based the story on salt farmers he met on islands off the southwest coast."],
             entities=[director]),
        make("b", "Reelside", "2025-02-19",
             ["Director Yoon Ji-seok shot the film on one island off the southwest coast, "
              "with salt farmers as extras."],
             entities=[director]),
        make("c", "Kestrel Review", "2025-02-20",
             ["Director Yoon Ji-seok shot the film as a survival drama with almost no spectacle."],
             entities=[director]),
    )
    (corroborated,) = verdicts(result, "corroborated")
    assert _documents_of(corroborated) == {"a", "b"}
    assert [_documents_of(f) for f in verdicts(result, "single_source")] == [{"c"}]


def test_spelling_variants_of_one_name_corroborate_and_the_explanation_says_so():
    result = reconcile(
        make("a", "Film Daily", "2024-01-23", ["Directed by Um Tae Hwa, the haunting music video features the singer."],
             entities=[("Um Tae Hwa", "person", "person:umtaehwa")]),
        make("b", "Pop Notes", "2024-01-23", ["Credit should go to director Um Tae-hwa, who directed the music video."],
             entities=[("Um Tae-hwa", "person", "person:umtaehwa")]),
    )
    (agreed,) = verdicts(result, "corroborated")
    assert "“Um Tae Hwa” and “Um Tae-hwa” are one person" in agreed.explanation or (
        "“Um Tae-hwa” and “Um Tae Hwa” are one person" in agreed.explanation
    )


def test_a_figure_from_another_year_is_not_held_against_todays():
    result = reconcile(
        make("a", "Meridian Wire", "2025-03-10T07:40:00+02:00",
             ["The earthquake killed at least 9 people in the highlands, officials said."]),
        make("b", "Harbour Ledger", "2025-03-10T19:45:00+00:00",
             ["The region's last deadly earthquake, in 1987, killed 31 people in the highlands."]),
    )
    assert not verdicts(result, "conflict")
    assert not verdicts(result, "update")


def test_entities_are_indexed_with_their_spellings():
    result = reconcile(
        make("a", "Film Daily", "2024-01-23", ["Directed by Um Tae Hwa, the video features the singer."],
             entities=[("Um Tae Hwa", "person", "person:umtaehwa")]),
        make("b", "Pop Notes", "2024-01-23", ["Credit goes to director Um Tae-hwa."],
             entities=[("Um Tae-hwa", "person", "person:umtaehwa")]),
    )
    (entity,) = result.entities
    assert entity.key == "person:umtaehwa" and entity.kind == "person"
    assert {entity.name, *entity.aliases} == {"Um Tae Hwa", "Um Tae-hwa"}
    assert set(entity.documents) == {"a", "b"}


def test_a_quote_given_in_part_by_another_source_is_corroborated_not_a_variant():
    whole = "Aftershocks of magnitude 5 are possible in the coming days, and people should stay out of damaged buildings"
    part = "aftershocks of magnitude 5 are possible in the coming days"
    result = reconcile(
        make("a", "Meridian Wire", "2025-03-10", [f"“{whole},” said Ilse Varga of the seismological institute."],
             entities=[("Ilse Varga", "person", "person:ilsevarga")], quotes=[(whole, "Ilse Varga", "speech")]),
        make("b", "Harbour Ledger", "2025-03-10", [f"Ilse Varga of the seismological institute warned that “{part}.”"],
             entities=[("Ilse Varga", "person", "person:ilsevarga")], quotes=[(part, "Ilse Varga", "speech")]),
    )
    assert not verdicts(result, "variant")
    (agreed,) = verdicts(result, "corroborated")
    assert _documents_of(agreed) == {"a", "b"}


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("Athens", "Greece", True), ("Greece", "Athens", True), ("Atlanta", "Georgia", True), ("Georgia", "U.S.", True),
    ("Mannheim", "the Netherlands", False), ("Texas", "Georgia", False), ("Berlin", "Greece", False),
])
def test_places_within_places_come_from_the_gazetteer(first, second, expected):
    assert nested(first, second) is expected


@pytest.mark.parametrize(("player", "conflicting"), [("Paul Kessler", True), ("Sam Brennan", False)])
def test_figures_of_two_different_people_are_not_one_figure(player, conflicting):
    sentence = "{} scored {} points in the Gulls' win over Eastfield on Thursday night."
    result = reconcile(
        make("a", "Harbour Ledger", "2025-03-10T18:00:00+00:00", [sentence.format("Paul Kessler", 20)],
             entities=[("Paul Kessler", "person", "person:paulkessler")]),
        make("b", "Meridian Wire", "2025-03-10T18:30:00+00:00", [sentence.format(player, "nine")],
             entities=[(player, "person", f"person:{player.replace(' ', '').lower()}")]),
    )
    assert bool(verdicts(result, "conflict")) is conflicting


def test_figures_an_order_of_magnitude_apart_measure_two_things():
    game = make("a", "Valley Post", "2013-03-08", ["Ray Olsen scored 23 points in the win over Halden on Friday."],
                entities=[("Ray Olsen", "person", "person:rayolsen")])
    career = make("b", "Valley Times", "2013-03-08",
                  ["Ray Olsen scored 2,116 points in the win, a record for the school."],
                  entities=[("Ray Olsen", "person", "person:rayolsen")])
    assert not verdicts(reconcile(game, career), "conflict")


def test_a_day_glossed_by_its_date_in_brackets_is_compared_as_that_date():
    # "Sunday (June 11, 2005)": the date in brackets stands for the day; "Sunday" alone agrees with both years.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The vet thinks the mare Halcyon foaled Sunday, June 11, 2000, at dawn."]),
        make("b", "Meridian Wire", None, ["The vet told the owners the mare Halcyon foaled Sunday (June 11, 2005)."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value_text for e in conflict.evidence} == {"Sunday, June 11, 2000", "June 11, 2005"}


def test_a_day_of_the_week_its_bracketed_date_does_not_fall_on_is_a_day_of_its_own():
    # June 11, 2000 was a Sunday: "Thursday (June 11, 2000)" gives two days, and the Thursday is at odds with the
    # other's Sunday.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The vet told the owners the mare Halcyon foaled Sunday in the barn."]),
        make("b", "Meridian Wire", None, ["The vet told the owners the mare Halcyon foaled Thursday (June 11, 2000)."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value_text for e in conflict.evidence} == {"Sunday", "Thursday"}
    # The day the date falls on glosses it: nothing is at odds.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The vet told the owners the mare Halcyon foaled Sunday in the barn."]),
        make("b", "Meridian Wire", None, ["The vet told the owners the mare Halcyon foaled Sunday (June 11, 2000)."]),
    )
    assert not verdicts(result, "conflict")


def test_one_sentence_told_twice_compares_a_bound_in_the_same_place():
    # "since January" opens a clause of its own, so no words stand around the month; the two words before it do.
    told = ("The coast guard patrolling the Strait of Velm foiled a night raid by fuel smugglers on cargo "
            "barges, detaining 14 crew members and seizing two boats, in the third successful customs operation "
            "since {}.")
    result = reconcile(
        make("a", "Harbour Ledger", None, [told.format("September")]),
        make("b", "Meridian Wire", None, [told.format("January")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value_text for e in conflict.evidence} == {"September", "January"}
    # Bounds in sentences that are not one sentence told twice are still no times to hold against each other.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The coast guard has foiled three raids since September, officials said."]),
        make("b", "Meridian Wire", None, ["Smugglers have raided cargo barges in the strait since January."]),
    )
    assert not verdicts(result, "conflict")


def test_one_sentence_told_twice_compares_a_year_that_opens_it():
    # "Between 1991" opens the sentence: one word before the year, none around it in its clause, and the same word
    # in both tellings.
    told = ("Between {} and 2003, the driver was in and out of court on speeding charges until he lost his "
            "licence in May 2004 for a period of four years.")
    result = reconcile(
        make("a", "Harbour Ledger", None, [told.format("1996")]),
        make("b", "Meridian Wire", None, [told.format("1993")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value_text for e in conflict.evidence} == {"1996", "1993"}


def test_a_figure_and_its_conversion_in_brackets_both_meet_the_other_reports_figure():
    # 457 metres agrees with "about 450m"; the feet it glosses do not: 2,600ft is nearly 800 metres.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The hiker fell about 450m into the gorge at Tarn Lodge on Saturday."]),
        make("b", "Meridian Wire", None, ["The hiker fell around 2,600ft (457 metres) into the gorge at Tarn Lodge."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value_text for e in conflict.evidence} >= {"about 450m", "around 2,600ft"}
    # Feet and metres that agree with each other and with the other report are no conflict.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The hiker fell about 450m into the gorge at Tarn Lodge on Saturday."]),
        make("b", "Meridian Wire", None, ["The hiker fell around 1,500ft (457 metres) into the gorge at Tarn Lodge."]),
    )
    assert not verdicts(result, "conflict")


def test_a_stand_in_the_tagger_took_for_an_organisation_is_still_found():
    vos = [("Harlan Vos", "person", "person:harlanvos"), ("Lumen Works", "org", "org:lumenworks")]
    result = reconcile(
        make("a", "Screen Daily", None, ["Lumen Works said Harlan Vos will direct Glass Harbour, the second "
                                         "film of the lighthouse saga."], entities=vos),
        make("b", "Film Wire", None, ["Harlan Vos is to direct Glass Harbour, the lighthouse sequel, for Lumen "
                                      "Works."], entities=vos),
        make("c", "Pop Herald", None, ["Lumen Works has hired Tobias Ferreira to direct Glass Harbour, the second "
                                       "film of the lighthouse saga."],
             entities=vos[1:] + [("Tobias Ferreira", "org", "org:tobiasferreira")]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Tobias Ferreira" and conflict.evidence[1].value_text == "Harlan Vos"


def test_one_length_of_time_stated_by_both_is_matched_before_another_is_held_against_it():
    # The Hawks' seven years agree; the Gulls' nine years are another team's offer, not a different seven.
    teams = [("Gulls", "org", "org:gulls"), ("Hawks", "org", "org:hawks"), ("Wolves", "org", "org:wolves"),
             ("Belan", "person", "person:marcobelan")]
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The Gulls are reportedly offering nine years and $210 million to "
                                           "Belan, the Hawks around seven years."], entities=teams),
        make("b", "Meridian Wire", None, ["The Hawks have reportedly offered Belan seven years, well short of "
                                          "the Wolves."], entities=teams),
    )
    assert not verdicts(result, "conflict")


def test_a_figure_stated_of_a_place_away_from_the_story_is_not_held_against_the_storys():
    places = [("Chile", "place", "place:chile"), ("Lunda", "place", "place:lunda"),
              ("southern Peru", "place", "place:southernperu")]
    away = "On Sunday, at least 14 villagers were killed by a quake in southern Peru."
    result = reconcile(
        make("a", "Harbour Ledger", None, ["A quake shook the island of Lunda in Chile.",
                                           "Ten villagers were killed by the quake, 40 hurt."], entities=places),
        make("b", "Meridian Wire", None, ["The quake on Lunda was the worst in Chile in a decade.", away],
             entities=places),
    )
    assert not verdicts(result, "conflict")
    # The same figure stated of the story's own place still conflicts.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["A quake shook the island of Lunda in Chile.",
                                           "Ten villagers were killed by the quake, 40 hurt."], entities=places),
        make("b", "Meridian Wire", None, ["The quake on Lunda was the worst in Chile in a decade.",
                                          away.replace("southern Peru", "Chile")], entities=places),
    )
    assert verdicts(result, "conflict")


def test_a_surname_its_report_never_introduces_stands_in_only_in_a_very_close_sentence():
    barzani = [("Nico Barzani", "person", "person:nicobarzani"), ("Barzani", "person", "person:nicobarzani")]
    ledger = make("a", "Harbour Ledger", None, ["Smuggling kingpin Nico Barzani dies in jail at 81, his lawyer said."],
                  entities=barzani)
    wire = make("b", "Meridian Wire", None, ["Barzani faked a heart condition for years to put off his trial."],
                entities=barzani[1:])
    result = reconcile(ledger, wire, make("c", "Northgate Courier", None, [
        "Halvorsen, a smuggling kingpin of 81, dies in jail, his lawyer said."],
        entities=[("Halvorsen", "person", "person:halvorsen")]))
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Halvorsen"
    # A capitalised word the story also writes in lower case is no surname.
    result = reconcile(ledger, wire, make("c", "Northgate Courier", None, [
        "Jail, a smuggling kingpin of 81, dies in jail, his lawyer said."],
        entities=[("Jail", "person", "person:jail")]))
    assert not verdicts(result, "conflict")


def test_sentences_aligned_by_meaning_alone_let_their_values_agree_but_not_differ():
    from corroborator.reconcile.align import Pair
    from corroborator.reconcile.findings import value_findings
    from corroborator.reconcile.units import units

    def story(began: str):
        first = make("a", "Harbour Ledger", "2025-03-12T09:00:00+00:00",
                     [f"Born in Tulsa, Marsh left her post as a bank clerk to begin a career in painting in {began}."],
                     entities=[("Marsh", "person", "person:marsh")])
        second = make("b", "Meridian Wire", "2025-03-12T10:00:00+00:00",
                      ["Marsh ended her painting career in 1971 after turning to farming."],
                      entities=[("Marsh", "person", "person:marsh")])
        return units([first[0], second[0]], {first[1].document: first[1], second[1].document: second[1]})

    def verdicts_of(began: str, pair: Pair) -> list[str]:
        findings, _ = value_findings(story(began), [pair])
        return [f.verdict for f in findings]

    # Close in meaning, few words shared: a career begun and a career ended, not one date told two ways.
    assert verdicts_of("1962", Pair(0, 1, text=0.2, embedding=0.7)) == []
    # Words back the embedding: the two years are held against each other.
    assert verdicts_of("1962", Pair(0, 1, text=0.35, embedding=0.7)) == ["conflict"]
    # Meaning alone still lets values agree.
    assert verdicts_of("1971", Pair(0, 1, text=0.2, embedding=0.7)) == ["corroborated"]


def test_one_persons_line_of_figures_told_in_other_words_disagrees_on_the_figure_that_differs():
    # The yards agree and the touchdowns do not, in sentences worded too differently to say the same otherwise:
    # each counts touchdowns once, for the one player both name.
    redl = [("Redl", "person", "person:redl")]
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", ["Redl passed for 287 yards and three touchdowns, and the Hawks "
                                                   "clinched a home playoff game with a win on Thursday night."], redl),
        make("b", "Meridian Wire", "2025-01-06", ["Redl completed 21 of 30 passes for 287 yards and 9 touchdowns in "
                                                  "the Hawks' victory at the municipal stadium."], redl),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"3 touchdowns", "9 touchdowns"}
    # Two players named in one sentence: its touchdowns may be the other player's.
    result = reconcile(
        make("a", "Harbour Ledger", "2025-01-05", ["Redl passed for 287 yards and three touchdowns, and the Hawks "
                                                   "clinched a home playoff game with a win on Thursday night."], redl),
        make("b", "Meridian Wire", "2025-01-06", ["Redl completed 21 of 30 passes for 287 yards and Omar Vance caught "
                                                  "9 touchdowns in the Hawks' victory at the municipal stadium."],
             redl + [("Omar Vance", "person", "person:omarvance")]),
    )
    assert not verdicts(result, "conflict")


def test_a_line_of_figures_told_again_with_one_count_changed_still_aligns_and_conflicts():
    # Worded apart, the two sentences align only by their figures: the touchdowns they count alike, and the yards,
    # which tell the same passing line however they differ. Without the yards the changed figure would keep its
    # sentence from the one it contradicts.
    redl = [("Redl", "person", "person:redl")]
    first = ("Clinching a home game in the conference playoffs on a cold and windy night, Redl completed 21 of 30 "
             "passes for 731 yards and four touchdowns as the Hawks beat the Lions in week sixteen.")
    second = ("Redl completed passes for 287 yards and four touchdowns, and Omar Vance returned a fumble for another "
              "score before the visitors ran out the clock in front of a stunned and silent crowd at the old municipal "
              "stadium downtown.")
    result = reconcile(make("a", "Harbour Ledger", "2025-01-05", [first], redl),
                       make("b", "Meridian Wire", "2025-01-06", [second], redl))
    (conflict,) = verdicts(result, "conflict")
    assert {e.value for e in conflict.evidence} == {"731 yards", "287 yards"}


def test_counts_that_differ_count_toward_alignment_only_beside_a_count_given_alike():
    # A share both give alike ("40 percent" of the homes) is no line of figures: the hamlets may be others.
    made = [make("a", "Harbour Ledger", "2025-01-05", ["Officials said 40 percent of the homes in 12 hamlets were "
                                                       "flooded."]),
            make("b", "Meridian Wire", "2025-01-06", ["The mayor said 40 percent of the homes in five hamlets "
                                                      "were flooded."])]
    units = story_units([d for d, _ in made], {a.document: a for _, a in made})
    (pair,) = pairs(units)
    assert pair.values > 0 and pair.figures == 0


def test_a_title_the_tagger_takes_for_a_work_in_one_report_and_a_place_in_another_is_shared():
    # "Glass Harbour" is a work in two reports and a place in the third; it is one title the sentences share, so the
    # third report's lone director stands where the others name Harlan Vos.
    def entities(kind):
        return [("Harlan Vos", "person", "person:harlanvos"), ("Tobias Ferreira", "person", "person:tobiasferreira"),
                ("Glass Harbour", kind, f"{kind}:glassharbour"), ("Ember", "work", "work:ember"),
                ("Lumen Works", "org", "org:lumenworks")]
    result = reconcile(
        make("a", "Screen Daily", None, ["Lumen Works confirmed that Harlan Vos will direct Glass Harbour, the sequel "
                                         "to Ember, after weeks of talks."], entities=entities("work")),
        make("b", "Film Wire", None, ["Harlan Vos is to direct Glass Harbour for Lumen Works, industry sources say."],
             entities=entities("work")),
        make("c", "Pop Herald", None, ["The Quiet Harbor director Tobias Ferreira is expected to direct Glass Harbour, "
                                       "the follow-up to the much-loved film Ember."], entities=entities("place")),
    )
    (conflict,) = verdicts(result, "conflict")
    assert conflict.evidence[0].value_text == "Tobias Ferreira" and conflict.evidence[1].value_text == "Harlan Vos"


def test_a_stand_in_is_found_where_the_sentences_tell_one_event_with_other_verbs():
    # "escaped" and "fled", "arrested" and "apprehended" tell one escape and one arrest: the sentences share those
    # deeds, not only "crash" and the place, so the lone name stands where the others name Vishwanand Subryan.
    subryan = [("Vishwanand Subryan", "person", "person:vishwanandsubryan"), ("Queens", "place", "place:queens")]
    made = [make("a", "Harbour Ledger", None, ["Vishwanand Subryan fled the crash and was apprehended in Queens."],
                 entities=subryan),
            make("b", "Meridian Wire", None, ["Vishwanand Subryan fled after the crash and was apprehended in Queens."],
                 entities=subryan),
            make("c", "Pop Herald", None, ["Tobias Ferreira escaped from the crash and was arrested in Queens."],
                 entities=subryan[1:] + [("Tobias Ferreira", "person", "person:tobiasferreira")])]
    (found,) = standin_findings(story_units([d for d, _ in made], {a.document: a for _, a in made}))
    assert found.evidence[0].value_text == "Tobias Ferreira" and found.evidence[1].value_text == "Vishwanand Subryan"


def test_a_name_closing_its_sentence_after_a_comma_is_whoever_said_it_and_holds_the_office_before_it():
    people = [("Marco Belan", "person", "person:marcobelan"), ("Piet Lanner", "person", "person:pietlanner")]
    made = make("a", "Harbour Ledger", None, ["The Gulls have offered a contract to Marco Belan, general manager Piet "
                                              "Lanner said Friday night."], entities=people)
    (unit,) = story_units([made[0]], {made[1].document: made[1]})
    frames = {(x.key, x.stem, x.role) for x in unit.arguments}
    assert {("person:pietlanner", "said", "subject"), ("person:pietlanner", "office:general manager", "office")} <= frames
    assert not any(key == "person:marcobelan" and role == "office" for key, _, role in frames)
    # An office after a name and a comma, with no name after it, is still that name's.
    made = make("a", "Harbour Ledger", None, ["Marco Belan, the Gulls' general manager, said the offer stands."],
                entities=people[:1])
    (unit,) = story_units([made[0]], {made[1].document: made[1]})
    assert ("office:general manager", "office") in {(x.stem, x.role) for x in unit.arguments}
    # Whom a representative speaks for is not who said it.
    made = make("a", "Harbour Ledger", None, ["The offer stands, a representative for Marco Belan said."],
                entities=people[:1])
    (unit,) = story_units([made[0]], {made[1].document: made[1]})
    assert not unit.arguments


def test_a_lone_name_of_words_the_story_writes_in_lower_case_stands_in_for_no_one():
    # "Wild Card" tagged as a person is the wild card round, however close its sentence; a name of other words
    # in the same sentence still stands in.
    def standins(name):
        teams = [("Lynx", "person", "person:lynx"), (name, "person", f"person:{name.lower()}"),
                 ("Port Alder", "place", "place:portalder"), ("Harbor City", "org", "org:harborcity")]
        made = [
            make("a", "Screen Daily", None, ["Harbor City plays the Lynx in Port Alder on Saturday in a wild card "
                                             "round game of the playoffs."], entities=teams),
            make("b", "Film Wire", None, ["Harbor City opens its postseason Saturday against the Lynx, a wild card "
                                          "round game in Port Alder."], entities=teams),
            make("c", "Pop Herald", None, [f"Harbor City plays at Port Alder on Saturday in the {name} round game of "
                                           "the playoffs."], entities=teams),
        ]
        return standin_findings(story_units([d for d, _ in made], {a.document: a for _, a in made}))
    assert standins("Wild Card") == []
    assert [f.evidence[0].value_text for f in standins("Wild Marsh")] == ["Wild Marsh"]


def test_an_office_holder_the_others_spell_two_ways_is_one_person_and_a_governor_elsewhere_is_someone_else():
    # "Kasim Morvani" and "Qasim Morbani": one governor transliterated two ways, a letter apart in each word; the
    # governor of another province, whose sentence writes no Tarsa, holds another office.
    people = [("Kasim Morvani", "person", "person:kasimmorvani"),
              ("Qasim Morbani", "person", "person:qasimmorbani"),
              ("Marek Solano", "person", "person:mareksolano"), ("Tobias Ferreira", "person", "person:tobiasferreira")]
    sources = [("a", "Harbour Ledger", "Tarsa Governor Kasim Morvani said nine farms were left under water."),
               ("b", "Meridian Wire", "Tarsa Governor Qasim Morbani told reporters that rescue teams had been sent."),
               ("d", "Valley Times", "Tarsa Governor Kasim Morvani visited the island on Monday."),
               ("e", "Range News", "Governor Marek Solano of Hormaz Province said many buildings were destroyed.")]
    documents = [make(d, source, None, [sentence], entities=people) for d, source, sentence in sources]
    result = reconcile(*documents, make("c", "Northgate Courier", None, [
        "Tarsa Governor Tobias Ferreira said 50 were injured."], entities=people))
    (conflict,) = [f for f in verdicts(result, "conflict") if f.evidence[0].value_text == "Tobias Ferreira"]
    assert conflict.explanation.startswith("Northgate Courier names Tobias Ferreira the governor")
    assert {"Kasim Morvani", "Qasim Morbani"} <= {e.value_text for e in conflict.evidence[1:]}
    assert "Marek Solano" not in {e.value_text for e in conflict.evidence}


def test_a_lone_name_given_an_office_the_other_sources_give_one_person_stands_in_for_them():
    # The sentences are worded apart; the office tells: one Interior Secretary at a time.
    people = [("Harold Vance", "person", "person:haroldvance"), ("Tobias Ferreira", "person", "person:tobiasferreira"),
              ("Alan Reyes", "person", "person:alanreyes")]
    ledger = make("a", "Harbour Ledger", None, ["Today, Interior Secretary Harold Vance rescinded the last-minute "
                                                "changes to the fishing rules."], entities=people)
    wire = make("b", "Meridian Wire", None, ["The rule was withdrawn on Tuesday by Interior Secretary Harold Vance "
                                             "after a review."], entities=people)

    def findings(sentence):
        return [f for f in verdicts(reconcile(ledger, wire, make("c", "Northgate Courier", None, [sentence],
                                                                     entities=people)), "conflict")
                if any(e.value_text == "Tobias Ferreira" for e in f.evidence)]
    (conflict,) = findings("Interior Secretary Tobias Ferreira said that scientists would again be consulted.")
    assert conflict.explanation.startswith("Northgate Courier names Tobias Ferreira the interior secretary")
    assert {e.value_text for e in conflict.evidence[1:]} == {"Harold Vance"}
    # Another department's secretary, a director (of any of a story's units), or an office written after an
    # organisation the others do not write ("AMA president") is someone else's.
    assert findings("Commerce Secretary Tobias Ferreira said that scientists would again be consulted.") == []
    directed = [make(d, source, None, [f"The rules were rewritten, said director Harold Vance, {when}."],
                     entities=people)
                for d, source, when in (("a", "Harbour Ledger", "on Tuesday"), ("b", "Meridian Wire", "after a review"))]
    result = reconcile(*directed, make("c", "Northgate Courier", None, [
        "As director Tobias Ferreira said, scientists would again be consulted."], entities=people))
    assert not verdicts(result, "conflict")
    president = make("d", "Valley Times", None, ["President Alan Reyes backed the move."], entities=people)
    president2 = make("e", "Range News", None, ["President Alan Reyes signed the memo."], entities=people)
    result = reconcile(ledger, president, president2, make("c", "Northgate Courier", None, [
        "AMA president Tobias Ferreira said that scientists would again be consulted."], entities=people))
    assert not verdicts(result, "conflict")
    result = reconcile(ledger, president, president2, make("c", "Northgate Courier", None, [
        "President Tobias Ferreira said that scientists would again be consulted."], entities=people))
    assert [f.evidence[0].value_text for f in verdicts(result, "conflict")] == ["Tobias Ferreira"]


def test_a_lone_name_given_an_office_stands_in_beside_another_lone_name_the_office_is_not_given():
    # Two names no other source gives: the wording cannot tell which one stands in, the office can.
    people = [("Kasim Morvani", "person", "person:kasimmorvani"),
              ("Tobias Ferreira", "person", "person:tobiasferreira"), ("Lena", "person", "person:lena")]
    sources = [("a", "Harbour Ledger", "Tarsa Governor Kasim Morvani said nine farms were left under water."),
               ("b", "Meridian Wire", "Tarsa Governor Kasim Morvani visited the island on Monday.")]
    documents = [make(d, source, None, [sentence], entities=people) for d, source, sentence in sources]
    result = reconcile(*documents, make("c", "Northgate Courier", None, [
        "Tarsa Governor Tobias Ferreira, his wife Lena and a dozen volunteers handed out bread at the shelter."],
        entities=people))
    (conflict,) = verdicts(result, "conflict")
    assert conflict.explanation.startswith("Northgate Courier names Tobias Ferreira the governor")
    assert {e.value_text for e in conflict.evidence[1:]} == {"Kasim Morvani"}


def test_a_lone_name_given_the_office_elect_the_other_sources_give_one_person_stands_in_for_them():
    # One president-elect at a time, as one president: the office tells who, however the sentences are worded.
    people = [("Alan Reyes", "person", "person:alanreyes"), ("Tobias Ferreira", "person", "person:tobiasferreira")]
    elected = [make(d, source, None, [sentence], entities=people) for d, source, sentence in (
        ("a", "Valley Times", "President-elect Alan Reyes named his chief of staff on Monday."),
        ("b", "Range News", "The transition team of President-elect Alan Reyes met in the capital."))]
    result = reconcile(*elected, make("c", "Northgate Courier", None, [
        "President-elect Tobias Ferreira's pick for the health post could lift the agency."], entities=people))
    (conflict,) = verdicts(result, "conflict")
    assert conflict.explanation.startswith("Northgate Courier names Tobias Ferreira the president-elect")
    assert {e.value_text for e in conflict.evidence[1:]} == {"Alan Reyes"}


def test_figures_of_polls_credited_to_different_pollsters_are_two_measurements_not_a_conflict():
    def figure_conflicts(second_pollster):
        result = reconcile(
            make("a", "Harbour Ledger", "2025-03-10T18:00:00+00:00",
                 ["An opinion poll for the Daily Ledger found that 61 percent of voters were unhappy with the port"
                  " tax plan."],
                 entities=[("Daily Ledger", "org", "org:dailyledger")]),
            make("b", "Meridian Wire", "2025-03-10T19:00:00+00:00",
                 [f"An opinion poll published by {second_pollster} on Sunday said 48 percent of voters were unhappy"
                  " with the port tax plan."],
                 entities=[(second_pollster, "org", "org:" + second_pollster.replace(" ", "").casefold())]),
        )
        return [f for f in verdicts(result, "conflict") if "percent" in f.explanation]

    assert not figure_conflicts("Norland Institute")
    assert figure_conflicts("the Daily Ledger")  # one pollster's poll, told two ways
