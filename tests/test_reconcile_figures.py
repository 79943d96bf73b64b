"""Figures across a story: one source giving a count, a length of time or an amount that several
other sources give otherwise, in sentences worded too differently to align; through the real parse."""

from __future__ import annotations

import pytest

from corroborator.annotate import load_pipeline
from test_reconcile_roles import conflicts as conflicts_in
from test_reconcile_roles import odd_one_out
from test_reconcile_roles import story
from test_reconcile import make, reconcile, verdicts


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def conflicts(nlp, texts: dict[str, str]):
    documents, result = story(nlp, texts, published=None)
    return documents, conflicts_in(result)


STOPPAGE = {
    "Daily Ledger": "Marek Solano beat Ray Tolliver when the referee halted it 38 seconds into the fifth round.",
    "Coast Herald": "The referee waved the bout off 38 seconds into the fifth round.",
    "Evening Wire": "Tolliver was rescued by the referee 38 seconds into the fifth round, to boos from the crowd.",
}


def test_one_source_giving_another_figure_for_what_several_agree_on_is_a_conflict(nlp):
    texts = dict(STOPPAGE, **{"Night Desk": "The 32-year-old won his tenth straight bout before the referee stopped "
                                            "the fight 91 seconds into the fifth round."})
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "91 seconds"
    assert {e.document for e in finding.evidence[1:]} == {d.id for d in documents[:3]}
    assert "3 other sources" in finding.explanation and "no other source gives 91 seconds" in finding.explanation


def test_a_source_that_gives_the_majoritys_figure_too_tells_of_a_second_one(nlp):
    # The five years were an earlier sentence: the same report gives the nine everybody gives.
    texts = {
        "Daily Ledger": "Judge Halvorsen sentenced the forger to 9 years in jail in December 1997.",
        "Coast Herald": "The forger was sentenced to 9 years in jail for fraud.",
        "Evening Wire": "In 1997 the forger got 9 years in jail after a guilty plea.",
        "Night Desk": "The forger, a former bank teller, was sentenced to five years in jail. "
                      "Imposing a sentence of 9 years, the judge reflected on his career.",
    }
    assert conflicts(nlp, texts)[1] == []


def test_a_figure_two_sources_give_otherwise_is_told_many_ways(nlp):
    texts = dict(STOPPAGE, **{
        "Night Desk": "The referee stopped the fight 91 seconds into the fifth round.",
        "Lakes Post": "The 32-year-old won before the referee ended it 91 seconds into the fifth round.",
    })
    # Two sentences that align may still be told apart; no figure stands alone against the rest.
    assert not [f for f in conflicts(nlp, texts)[1] if "no other source gives" in f.explanation]


def test_a_figure_of_someone_else_is_not_held_against_the_majoritys(nlp):
    texts = {
        "Daily Ledger": "Owen Pratt ran for 642 yards this year, the most on the Gulls.",
        "Coast Herald": "Pratt ran for 642 yards this season before his injury, the Gulls said.",
        "Evening Wire": "Owen Pratt had run for 642 yards for the Gulls this year.",
        "Night Desk": "In the Gulls' 20-13 win over the Hawks on Nov. 30, Burke ran for 48 yards and "
                      "caught a 9-yard touchdown pass in the third quarter.",
    }
    assert conflicts(nlp, texts)[1] == []


def test_sums_in_two_currencies_are_two_answers_that_do_not_hide_a_third_figure(nlp):
    # Three sources give the haul in euros and in dollars: neither currency outvotes the other, and the one source
    # giving another sum in euros still stands out (against each of the three, as each sentence's only sum in euros
    # beside the same words, "paintings worth", the sentences aligning by it).
    texts = {
        "Daily Ledger": "Masked thieves took paintings worth 42 million euros ($53 million) from a Lisbrook museum.",
        "Coast Herald": "The gang escaped with paintings worth 42 million euros ($53 million) after the museum raid.",
        "Evening Wire": "Police said thieves took paintings worth 42 million euros ($53 million) in the museum raid.",
        "Night Desk": "Three thieves dressed as guards made off with paintings worth 96 million euros from the museum.",
    }
    documents, found = conflicts(nlp, texts)
    assert len(found) == 1 and "42 million euros" in found[0].explanation
    given = {e.document: e.value_text for e in found[0].evidence}
    assert given == {documents[3].id: "96 million euros", **{d.id: "42 million euros" for d in documents[:3]}}


def test_a_bare_count_elsewhere_does_not_give_the_odd_length_again(nlp):
    # "at least 50 injured" is no distance: it does not make the odd 123 km look given by another source.
    texts = {
        "Daily Ledger": "The quake struck 35 miles southwest of Port Alder, the geological survey said.",
        "Coast Herald": "The survey placed the quake 35 miles southwest of Port Alder, near the coast.",
        "Evening Wire": "Its epicentre was 35 miles southwest of Port Alder, in farmland.",
        "Pop Herald": "Ten villagers died and at least 50 were injured, officials said.",
        "Night Desk": "Tremors from the quake, 123 km southwest of Port Alder, were felt across the gulf.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "123 km"


def test_a_figure_that_modifies_a_noun_is_one_play_not_the_games_total(nlp):
    # "a 41-yard touchdown pass" measures one pass: it is no second answer for the yards Fielding threw for.
    texts = {
        "Daily Ledger": "Fielding passed for 287 yards and three touchdowns as the Gulls beat the Hawks.",
        "Coast Herald": "Fielding passed for 287 yards and three touchdowns, helping the Gulls clinch a home game.",
        "Evening Wire": "Fielding completed 21 of 30 passes for 287 yards in the victory over the Hawks.",
        "Pop Herald": "Fielding found Tom Burke with a 41-yard touchdown pass late in the first half.",
        "Night Desk": "Fielding passed for 731 yards as the Gulls clinched a playoff place in Port Alder.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "731 yards"
    assert "287 yards" in finding.explanation


def test_a_name_the_tagger_missed_is_still_the_same_persons():
    # The other sources tag only the coach, not Fielding, whose surname they still write: the night desk's 731
    # yards are Fielding's yards too, not another player's.
    from test_reconcile import make, reconcile, verdicts

    coach = [("Sam Hale", "person", "person:samhale")]
    result = reconcile(
        make("a", "Daily Ledger", None, ["Fielding passed for 364 yards in the win, coach Sam Hale said."], coach),
        make("b", "Coast Herald", None, ["Fielding passed for 364 yards on Thursday, said coach Sam Hale."], coach),
        make("c", "Evening Wire", None, ["Fielding passed for 364 yards, Sam Hale told reporters."], coach),
        make("d", "Night Desk", None, ["Theo Fielding passed for 731 yards and Ray Okafor returned an "
                                       "interception to carry the Gulls."],
             [("Theo Fielding", "person", "person:theofielding"), ("Ray Okafor", "person", "person:rayokafor")]),
    )
    (finding,) = verdicts(result, "conflict")
    assert finding.evidence[0].document == "d" and finding.evidence[0].value_text == "731 yards"


# Times read like figures, by the words beside them. A day: "unveiled … as the host" shares no verb with
# "picked", "spread" or "said", yet stands beside "host" and "Lantern" as theirs do. A year: "now" tells of a toll
# revised, not of a year; the woman is now accused, of killings in another year than the others give.
TIMES = {
    "day": ({
        "Daily Ledger": "Ferreira was picked Friday as the host of the 31st Lantern Awards, a departure for the "
                        "academy.",
        "Coast Herald": "As news spread Friday that Tobias Ferreira will be this year's Lantern host, fans passed "
                        "around old clips of his act.",
        "Evening Wire": "The academy said on Friday that Tobias Ferreira would host the Lanterns in February.",
    }, "While Lantern organizers on Monday unveiled Tobias Ferreira as the host of the night, a row over ticket "
       "prices simmered.", "Monday"),
    "year": ({
        "Daily Ledger": "A retired nurse now faces charges in the 1971 slayings of two clerks at a Dunmore bakery.",
        "Coast Herald": "Police on Friday arrested a 70-year-old woman in the 1971 killings of two clerks at a Dunmore "
                        "bakery.",
        "Evening Wire": "Detectives reopened the case of the 1971 slayings at the bakery last spring.",
    }, "Terminally ill, the suspect is now accused of murder at the Dunmore bakery in 1974.", "1974"),
}


@pytest.mark.parametrize("kind", TIMES)
def test_a_time_several_sources_give_and_one_other_beside_the_same_words_is_a_conflict(nlp, kind):
    majority, odd, value = TIMES[kind]
    _, finding = odd_one_out(nlp, dict(majority, **{"Night Desk": odd}))
    assert finding.evidence[0].value_text == value
    assert "3 other sources" in finding.explanation


@pytest.mark.parametrize("kind", TIMES)
def test_a_time_two_sources_give_does_not_make_another_stand_out(nlp, kind):
    # A story runs over several days (the crime, the arrest, the charge): two sources do not yet fix its time.
    majority, odd, _ = TIMES[kind]
    assert conflicts(nlp, dict(list(majority.items())[:2], **{"Night Desk": odd}))[1] == []


def test_two_sources_beside_the_same_words_suffice_for_the_day_the_ledes_give_the_story(nlp):
    # Four reports open on the naming on Friday: the story's day. Two put it beside "host"; a report whose lede dates
    # only a saying puts Monday there, and gives Friday nowhere.
    majority, odd, _ = TIMES["day"]
    texts = dict(list(majority.items())[:2], **{
        "Lakes Post": "The academy on Friday picked Tobias Ferreira for its February show.",
        "Hill Times": "Tobias Ferreira landed the Lanterns job on Friday, beating two comedians.",
        "Night Desk": "The choice surprised many, the academy's president said Wednesday. " + odd,
    })
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Monday"
    assert "2 other sources" in finding.explanation


def test_a_rank_one_source_gives_otherwise_is_a_conflict(nlp):
    # A rank is a figure too, framed by what it ranks: the seed the win secured.
    texts = {
        "Daily Ledger": "Harbor City earned the No. 6 seed in the playoffs with the win.",
        "Coast Herald": "Grabbing the No. 6 seed, Harbor City won 27-20 in Week 15.",
        "Evening Wire": "Harbor City clinched the No. 6 seed on Sunday night.",
        "Night Desk": "An interception return late in the game gave Harbor City a win and the No. 13 seed position "
                      "in the playoffs.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "No. 13"
    assert "No. 6" in finding.explanation


def test_another_persons_figure_is_no_second_answer_that_hides_the_odd_one(nlp):
    # The paint mixer's own years at the plant are his, not a third account of the years the suspect worked there.
    texts = {
        "Daily Ledger": "Miller has worked for Harlow Motors for about 15 years, co-workers said.",
        "Coast Herald": "Dana Miller, who had worked at the plant for 15 years, was escorted out by guards.",
        "Evening Wire": "Paint mixer Rafe Lindell, a worker at the plant for nearly 26 years, said he heard shots.",
        "Night Desk": "The gunfire erupted minutes after the worker, Dana Miller, was sent home from her post at "
                      "Harlow Motors, where she had worked for 33 years, the Bay Tribune reports.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "33 years"
    assert "15 years" in finding.explanation


def test_the_majoritys_figure_in_words_of_another_matter_does_not_make_the_odd_one_a_second_figure(nlp):
    # The driver's own words about her years are no account of how long she drove, so the report still gives 31.
    texts = {
        "Daily Ledger": "Marta Quillon had driven buses for the city transit agency for about 20 years, colleagues "
                        "said.",
        "Coast Herald": "Marta Quillon, who had driven buses for the transit agency for 20 years, was dismissed on "
                        "Monday.",
        "Evening Wire": "The crash came hours after the driver, Marta Quillon, was dismissed by the transit agency, "
                        "where she had driven buses for 20 years.",
        "Night Desk": "Quillon told investigators that her anger peaked on Monday at the depot of the transit agency, "
                      "where she had driven buses for 31 years. \"I kept thinking of the 20 years I gave them and how "
                      "it all vanished,\" she wrote.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "31 years"
    assert "20 years" in finding.explanation


# Three sources put Sunday beside "municipal election"; one puts Wednesday there.
ELECTION = {
    "Daily Ledger": "Voters in Slovenia went to the polls Sunday in a municipal election praised by the government.",
    "Coast Herald": "The municipal election in Slovenia ended Sunday evening as planned, reports from the capital "
                    "said.",
    "Evening Wire": "The government of Slovenia said most eligible voters took part in the municipal election "
                    "Sunday.",
}


def test_words_of_rescheduling_outside_the_dates_clause_do_not_tell_of_a_date_moved(nlp):
    # "nothing had changed" is said of the country, in a clause of its own: no vote was moved.
    texts = dict(ELECTION, **{"Night Desk": "Slovenia voted Wednesday in a municipal election meant to prove "
                                            "renewal, but observers said nothing had changed."})
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Wednesday"


def test_words_of_rescheduling_in_the_dates_clause_tell_of_a_date_moved(nlp):
    texts = dict(ELECTION, **{"Night Desk": "Slovenia's municipal election was postponed to Wednesday."})
    assert conflicts(nlp, texts)[1] == []


def test_a_majority_sentence_placed_elsewhere_does_not_hide_the_odd_day(nlp):
    # "the West sees" places one Sunday sentence elsewhere: it is no account of the vote, and three others remain.
    texts = dict(ELECTION, **{
        "Lakes Post": "Slovenians vote Sunday in a municipal election the West views as a test.",
        "Night Desk": "Slovenia voted Wednesday in a municipal election meant to prove renewal.",
    })
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Wednesday"


def test_a_report_giving_the_majoritys_day_too_beside_the_same_words_does_not_hide_its_other_day(nlp):
    # The report dates the one vote two ways, beside the same words: its Wednesday is a day misstated, not a second
    # vote the Sunday sentence would tell of.
    texts = dict(ELECTION, **{"Night Desk": "Slovenia held its municipal election on Wednesday, with turnout near "
                                            "half. International observers praised the municipal election held "
                                            "on Sunday."})
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Wednesday"


# Reports open on their main event and its day, each in its own words: three ledes put the fire on Tuesday.
LEDES = {
    "Daily Ledger": "A fire on Tuesday destroyed the historic Lakeview dairy warehouse, built by settlers in the "
                    "1930s. Firefighters fought the blaze for hours.",
    "Coast Herald": "The town lost a landmark on Tuesday, when an early blaze demolished the old Lakeview "
                    "dairy building. Nobody was hurt.",
    "Evening Wire": "The old Lakeview dairy building was partly destroyed by fire early Tuesday morning, city "
                    "officials said. The cause is not known.",
}


def test_a_lede_giving_the_main_event_another_day_than_the_other_ledes_is_a_conflict(nlp):
    texts = dict(LEDES, **{"Night Desk": "The Lakeview dairy building, one of the oldest in town, burned down in a "
                                         "huge fire Friday morning. Crews stayed all day."})
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Friday morning"
    assert "3 other sources" in finding.explanation


def test_a_day_another_source_gives_only_as_a_bound_or_last_weeks_does_not_hide_the_odd_lede_day(nlp):
    texts = dict(LEDES, **{"Night Desk": "The Lakeview dairy building, one of the oldest in town, burned down in a "
                                         "huge fire Friday morning. Crews stayed all day."})
    texts["Daily Ledger"] += " By Friday, investigators had found no cause."
    texts["Coast Herald"] += " The owners had inspected the wiring last Friday."
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Friday morning"


def test_until_at_least_a_day_is_a_bound_not_the_day(nlp):
    texts = dict(LEDES, **{"Night Desk": "The Lakeview dairy building, one of the oldest in town, burned down in a "
                                         "huge fire Friday morning. Crews stayed all day."})
    texts["Daily Ledger"] += " Firefighters planned to stay on site until at least Friday."
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Friday morning"


@pytest.mark.parametrize("lede", [
    # "Tuesday's blaze" is the blaze the lede puts on Friday: one thing given two days, not a later step.
    "The Lakeview dairy building, one of the oldest in town, burned down in a huge blaze Friday "
    "morning. Tuesday's blaze was the third in the borough this year.",
    # The stamp of the report's posting dates nothing; the lede after it puts the fire on Friday.
    "Lakeview dairy burns\n\nSun, 10 Mar 2013\n\nThe Lakeview dairy building, one of the oldest in town, burned down "
    "in a huge fire Friday morning. Crews stayed all day.",
    # The report's Tuesday is a school board's vote, not the fire: it gives the fire Friday alone.
    "The Lakeview dairy building, one of the oldest in town, burned down in a huge fire Friday "
    "morning. Crews stayed all day. Separately, the school board approved a new budget on Tuesday.",
], ids=["naming-its-ledes-thing-by-the-others-day", "dateline-before-the-lede", "the-ledes-day-only-to-another-matter"])
def test_a_lede_day_still_stands_out(nlp, lede):
    _, finding = odd_one_out(nlp, dict(LEDES, **{"Night Desk": lede}))
    assert finding.evidence[0].value_text == "Friday morning"


def test_a_lede_day_naming_the_event_the_other_ledes_tell_stands_out(nlp):
    # "Friday night's fire" names the fire two of the other ledes write of: the report puts the fire on Friday.
    lede = ("Investigators suspect arson in Friday night's fire at the old Lakeview dairy building. Crews stayed all "
            "day.")
    _, finding = odd_one_out(nlp, dict(LEDES, **{"Night Desk": lede}))
    assert finding.evidence[0].value_text == "Friday night"


def test_a_lede_day_stands_out_when_the_report_gives_its_event_the_other_day_beside_the_same_words(nlp):
    # The report's Tuesday is the fire of its lede told again, not a later step: it gives one fire two days.
    lede = ("The Lakeview dairy building, one of the oldest in town, burned down in a huge fire Friday "
            "morning. Crews stayed all day. The huge fire that burned the dairy building down on "
            "Tuesday began in a boiler room.")
    _, finding = odd_one_out(nlp, dict(LEDES, **{"Night Desk": lede}))
    assert finding.evidence[0].value_text == "Friday morning"


def test_a_lede_dating_the_verb_the_other_ledes_date_stands_out_though_the_report_gives_their_day_too(nlp):
    # The lede tells the main event itself ("gutted", as two other ledes date "destroyed"), not a later step: the
    # report's Tuesday, further down, dates the one fire again, and its Friday stands out.
    lede = ("In the early hours of Friday, flames gutted the Lakeview dairy, leaving only a chimney. Crews stayed all "
            "day. Investigators said the fire at the historic dairy warehouse on Tuesday began in a boiler room.")
    _, finding = odd_one_out(nlp, dict(LEDES, **{"Night Desk": lede}))
    assert finding.evidence[0].value_text == "Friday"


def test_a_lede_dating_a_later_step_does_not_stand_out_though_it_writes_the_events_verb(nlp):
    lede = ("In the early hours of Friday, police charged a man with starting the blaze that gutted the Lakeview "
            "dairy. Crews stayed all day. Investigators said the fire at the historic dairy warehouse on Tuesday "
            "began in a boiler room.")
    assert conflicts(nlp, dict(LEDES, **{"Night Desk": lede}))[1] == []


@pytest.mark.parametrize("lede", [
    # A later step, the report giving the main day too.
    "The city council on Friday voted to rebuild the Lakeview dairy building that burned on Tuesday. Crews cleared "
    "the site.",
    # An ongoing event's later day.
    "Cleanup at the burned Lakeview dairy building continued for a third day on Friday. Crews cleared the site.",
    # A saying's day: when the news came, not when the fire was.
    "The Lakeview dairy building was destroyed by fire, city officials said Friday. Crews cleared the site.",
    # A lede of another matter.
    "Voters approved a new school levy on Friday. Turnout was low across the borough.",
    # A bound, not the day of the fire.
    "The city must clear the burned Lakeview dairy building by Friday. Crews cleared the site.",
    # A day naming a thing the other ledes do not write of: the council's meeting, not the fire.
    "Friday's council meeting took up the burned Lakeview dairy building. Crews cleared the site.",
])
def test_a_lede_telling_something_else_does_not_stand_out(nlp, lede):
    assert conflicts(nlp, dict(LEDES, **{"Night Desk": lede}))[1] == []


def test_a_lede_dating_a_call_to_a_number_dates_the_event(nlp):
    # Calling 911 is a deed of the night of the fire, not a saying: the lede puts the fire on Friday.
    lede = ("Just before 5:10 Friday morning a passing driver called 911 to say the Lakeview dairy building was "
            "on fire. Crews stayed all day.")
    _, finding = odd_one_out(nlp, dict(LEDES, **{"Night Desk": lede}))
    assert finding.evidence[0].value_text == "Friday morning"


def test_a_lede_day_written_with_its_year_is_another_time(nlp):
    # Dated reports resolve every day; a day written with its year is rarely this week's.
    texts = dict(LEDES, **{"Night Desk": "On Friday, March 8, 2013, the old Lakeview dairy building burned to the "
                                         "ground in a fire. Crews cleared the site."})
    assert conflicts_in(story(nlp, texts, published="2024-03-08T18:00:00+00:00")[1]) == []
    texts["Night Desk"] = "The old Lakeview dairy building burned to the ground in a fire on Friday. Crews cleared the site."
    (finding,) = conflicts_in(story(nlp, texts, published="2024-03-08T18:00:00+00:00")[1])
    assert finding.evidence[0].value_text == "Friday"


def test_a_figure_in_conflict_cites_every_source_giving_the_story_figure():
    # The odd figure aligns with one report's sentence word for word; two other reports give the story's figure in
    # words of their own. The one conflict cites all three.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The coast guard seized 17 smugglers in the Bay of Velm on Sunday, "
                                           "an officer said."]),
        make("b", "Meridian Wire", None, ["Officers seized 17 smugglers who had tried to board a ferry."]),
        make("c", "Eastfield Post", None, ["After a long chase, the cutter's crew seized 17 smugglers."]),
        make("d", "Northgate Courier", None, ["The coast guard seized 41 smugglers in the Bay of Velm on Sunday, "
                                              "an officer said."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.document for e in conflict.evidence} == {"a", "b", "c", "d"}


def test_a_conflict_between_two_sentences_names_every_source_it_cites():
    # Two reports give the figure the odd one contradicts: the conflict cites both, and its explanation, which tells
    # of one pair, names the other too, so the reader does not take the pair for all there are.
    result = reconcile(
        make("a", "Harbour Ledger", None, ["The ferry Selkie ran aground off Velm Point with 212 passengers on "
                                           "board, the harbour master said."]),
        make("b", "Meridian Wire", None, ["The ferry Selkie ran aground off Velm Point with 212 passengers on "
                                          "board, the harbour master said on Monday."]),
        make("c", "Northgate Courier", None, ["The ferry Selkie ran aground off Velm Point with 284 passengers on "
                                              "board, the harbour master said."]),
    )
    (conflict,) = verdicts(result, "conflict")
    assert {e.document for e in conflict.evidence} == {"a", "b", "c"}
    assert all(e.source in conflict.explanation for e in conflict.evidence)
    assert conflict.explanation.endswith("; also cited: Meridian Wire (“212 passengers”)")


# A date written in full with its year does not move with the days a story runs over: two sources writing one beside
# the same words fix it, and the same day of the year with another year stands out. A third source's "March 9", with
# no year, meets both and gives neither.
FULL_DATES = {
    "Daily Ledger": "Parliamentary elections in Veloria, which are scheduled for March 9, 2025, will be held with two "
                    "parties for the first time, a message from the national election commission said.",
    "Coast Herald": "Regarding the vote for the Veloria assembly, which is scheduled for March 9, 2025, the commission "
                    "drew up new districts, its resolution released on Friday said.",
    "Evening Wire": "Voters in Veloria go to the polls on March 9 to choose between two parties.",
}


def test_two_sources_writing_a_date_in_full_make_the_same_day_of_another_year_stand_out(nlp):
    texts = dict(FULL_DATES, **{"Night Desk": "Veloria's commission plans to hold the ballot on March 9, 2022."})
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "March 9, 2022"
    assert "2 other sources" in finding.explanation


def test_two_sources_writing_a_date_in_full_do_not_make_a_weekday_stand_out(nlp):
    texts = dict(FULL_DATES, **{"Night Desk": "Veloria's commission plans to hold the ballot on Thursday."})
    assert conflicts(nlp, texts)[1] == []


# Reports date their news by the day it was said: three open on the aide, the team and officials saying it Tuesday.
SAYINGS = {
    "Daily Ledger": "President-elect Rowan Hale has asked surgeon Mira Castell to be the country's chief medical "
                    "officer, a senior aide said on Tuesday. Castell has not commented.",
    "Coast Herald": "Rowan Hale has chosen Mira Castell, a television doctor, as chief medical officer, the "
                    "transition team reported Tuesday.",
    "Evening Wire": "Mira Castell is the leading candidate for the post of chief medical officer, officials "
                    "said Tuesday.",
}


def test_a_lede_dating_the_saying_of_the_news_on_another_day_than_the_other_ledes_is_a_conflict(nlp):
    texts = dict(SAYINGS, **{"Night Desk": "Television surgeon Mira Castell has been approached by the Hale team "
                                           "about the post of chief medical officer, network officials confirmed "
                                           "Friday."})
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Friday"
    assert "3 other sources" in finding.explanation


def test_a_lede_dating_a_saying_is_not_held_against_ledes_dating_the_event(nlp):
    # Three ledes put the fire on Tuesday; the fourth dates only when officials spoke of it: no other day of the fire.
    texts = dict(LEDES, **{"Night Desk": "The old Lakeview dairy building is a total loss, city officials said "
                                         "Friday. Crews stayed all day."})
    assert conflicts(nlp, texts)[1] == []


def test_a_conflict_over_a_year_cites_another_source_giving_the_other_year_beside_the_same_words(nlp):
    # The two sentences told alike conflict; the third report gives the year in words of its own ("his deadly 2022
    # rampage"), too far apart to align, yet beside a word of the conflict's ("rampage"): it is cited too.
    texts = {
        "Daily Ledger": "Former linebacker Carl Dunmore was given a life term with no chance of release for a March "
                        "2022 rampage in the Marlow courthouse.",
        "Coast Herald": "A judge in Harlan County handed Dunmore several life terms on Saturday for his deadly 2022 "
                        "rampage at the courthouse.",
        "Night Desk": "Former linebacker Carl Dunmore received a life term with no chance of release for a March "
                      "2019 shooting spree in the Marlow courthouse, according to reports.",
    }
    documents, (finding,) = conflicts(nlp, texts)
    assert [e.document for e in finding.evidence] == [documents[0].id, documents[2].id, documents[1].id]
    assert finding.evidence[-1].value_text == "2022"


def test_a_conflict_over_a_day_cites_another_source_naming_its_person_with_a_word_of_its_sentences(nlp):
    # The third report gives Wednesday beside other words ("putting ... on injured reserve"), but names the player
    # both sides name and writes a word of theirs ("practice squad"): it tells the same signing. A side's day with its
    # time of day ("Wednesday afternoon") is a day like the others.
    texts = {
        "Daily Ledger": "Wednesday afternoon, the Gulls signed rookie Dario Venn from the Harbor Hawks practice squad.",
        "Coast Herald": "After putting Tom Burke on injured reserve Wednesday, Port City replaced him by signing Dario "
                        "Venn off the Hawks' practice squad.",
        "Night Desk": "Saturday afternoon, the Gulls signed rookie Dario Venn to replace Burke.",
    }
    documents, (finding,) = conflicts(nlp, texts)
    assert [e.document for e in finding.evidence] == [documents[0].id, documents[2].id, documents[1].id]
    assert finding.evidence[-1].value_text == "Wednesday"


def test_two_sources_writing_a_date_in_full_make_the_same_day_of_another_year_stand_out_in_other_words(nlp):
    # No word beside the odd date is beside theirs: the day of the year ties it to theirs all the same.
    texts = {
        "Daily Ledger": "The Arvane undersea cable started to fail on 8 October 2022, because of a fault near the "
                        "coast.",
        "Coast Herald": "Customers across the region lost service on 8 October 2022, the operator said.",
        "Night Desk": "The link went down on 8 October 2019, and repairs may take a few days.",
    }
    _, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "8 October 2019"
    assert "2 other sources" in finding.explanation


def test_a_sentence_in_conflict_over_another_value_still_stands_out_for_its_figure(nlp):
    # The odd report's sentence is already in a conflict over who refereed; that finding holds no seconds, so the
    # figure the other sources give otherwise is a conflict of its own, not dropped as told.
    from corroborator.annotate import annotate_documents
    from corroborator.model import Evidence, Finding
    from corroborator.reconcile.figures import figure_findings
    from corroborator.reconcile.units import units as units_of

    texts = dict(STOPPAGE, **{"Night Desk": "The referee stopped the fight 91 seconds into the fifth round."})
    documents, _ = story(nlp, texts, published=None)
    annotations = {a.document: a for a in annotate_documents(documents, nlp=nlp)}
    units = units_of(documents, annotations)
    odd = next(u for u in units if u.document == documents[3].id)
    other = next(u for u in units if u.document == documents[1].id)
    earlier = Finding("conflict", odd.text, "person", [
        Evidence(odd.document, odd.text, "Tom Burke", start=odd.start, end=odd.end, value_text="Tom Burke"),
        Evidence(other.document, other.text, "Jim Lane", start=other.start, end=other.end, value_text="Jim Lane")],
        "who refereed", "test")
    (found,) = figure_findings(units, [earlier])
    assert found.evidence[0].value_text == "91 seconds"
    assert len(earlier.evidence) == 2


CABLES = {
    "Daily Ledger": "Three undersea cables were damaged near the coast of Cyprus on Friday, the ministry said.",
    "Coast Herald": "Engineers said the cables damaged near the coast of Cyprus on Friday would take weeks to mend.",
    "Evening Wire": "Web traffic crawled across the region after two of the lines were damaged near the coast of "
                    "Cyprus on Friday.",
}


def test_a_day_alone_in_its_clause_is_read_by_the_words_of_the_verb_it_dates(nlp):
    # ", on Monday," has no word of its own: it dates "happened", and is read beside that verb's words ("coast").
    # (The report opens on the day officials spoke, so its lede gives no day of the cuts.)
    texts = dict(CABLES, **{"Night Desk": "Officials said Tuesday that repairs were under way. The state agency "
                                          "reported that the damage happened near the coast of Cyprus at 9:30 am "
                                          "(0730 GMT) on Monday, with a repair ship sent to the region."})
    documents, finding = odd_one_out(nlp, texts)
    assert finding.evidence[0].value_text == "Monday"
    assert {e.value_text for e in finding.evidence[1:]} == {"Friday"}


def test_one_persons_deed_measured_two_ways_is_a_conflict_in_sentences_worded_apart(nlp):
    # The parse makes Dana Whitlock the subject of "fell" in both, and each length stands by that verb: one fall
    # measured two ways, however differently the rest of the two sentences is worded.
    texts = {
        "Daily Ledger": "Dana Whitlock, 41, fell about 3,000 feet while gliding to a grassy field near the Selvig "
                        "ridge on Sunday, the club said.",
        "Coast Herald": "On Sunday, 41-year-old dentist Dana Whitlock, born in Tromso but based in Kiel, fell about "
                        "300 metres while gliding to a grassy field with two friends.",
        "Evening Wire": "The club grounded its gliders over the Selvig valley late on Sunday evening.",
    }
    documents, found = conflicts(nlp, texts)
    assert [sorted(e.value_text for e in f.evidence) for f in found] == [["about 3,000 feet", "about 300 metres"]]


def test_one_persons_only_figure_on_one_day_is_one_figure_told_two_ways(nlp):
    # Brennan is named in the clause of one figure and is the one subject of the other sentence ("while posting"):
    # the same player's points on the same night, each sentence's only figure.
    texts = {
        "Evening Wire": "Fans lined up outside the arena hours before the doors opened.",
        "Daily Ledger": "Tyler Brennan scored 20 points to set the school's all-time scoring mark and keep the "
                        "top-ranked Gulls unbeaten with a victory over Eastfield on Thursday night.",
        "Coast Herald": "Brennan moved past Orpe into first place on the school's list while posting 43 points in the "
                        "top-ranked Gulls' victory against Eastfield on Thursday night.",
    }
    documents, found = conflicts(nlp, texts)
    assert [sorted(e.value_text for e in f.evidence) for f in found] == [["20 points", "43 points"]]


def test_one_persons_only_figure_in_one_game_is_one_figure_told_two_ways(nlp):
    # Worded apart, with no day in one of them, but both give the game's final score: Ondrej's yards in that game,
    # each sentence's only figure, told two ways.
    rushed = "Rafe Ondrej rushed for 112 yards as the Pelicans held off the Miners 24-17 at a windswept Lakeside Park."
    texts = {
        "Evening Wire": "Fans lined up outside the arena hours before the doors opened.",
        "Daily Ledger": rushed,
        "Coast Herald": "Rafe Ondrej's 240 yards and a late fumble recovery that sealed the 24-17 result were a "
                        "sideshow beside the farewell ceremony for the retiring groundskeeper.",
    }
    documents, found = conflicts(nlp, texts)
    assert [sorted(e.value_text for e in f.evidence) for f in found] == [["112 yards", "240 yards"]]
    # Another final score is another game: his yards there are another figure.
    texts["Daily Ledger"] = rushed.replace("24-17", "31-10")
    assert conflicts(nlp, texts)[1] == []


def test_a_figure_during_a_run_is_a_part_of_the_game(nlp):
    # "during a decisive 12-3 run" counts a stretch of the game, not the game: no second account of the 27 points.
    texts = {
        "Daily Ledger": "Marcus Doyle had six points during a decisive 12-3 run as the Hawks beat Alder State on "
                        "Friday afternoon in the tournament quarterfinal.",
        "Coast Herald": "Marcus Doyle scored 27 points on Friday as the Hawks beat Alder State in the tournament "
                        "quarterfinal.",
    }
    assert conflicts(nlp, texts)[1] == []


def test_distances_from_one_place_of_two_things_are_two_figures(nlp):
    # "east of Harwick" says where each is measured from; a warehouse and a trucker are two things located.
    texts = {
        "Evening Wire": "Fans lined up outside the arena hours before the doors opened.",
        "Daily Ledger": "The warehouse is about 12 miles east of Harwick in Marion County, where the "
                        "robbery happened.",
        "Coast Herald": "Hours after the robbery, a trucker 40 miles east of Harwick in Marion County spotted "
                        "the van.",
    }
    assert conflicts(nlp, texts)[1] == []


def test_distances_from_one_place_of_one_thing_still_conflict(nlp):
    # The quake and the earthquake's epicentre are one thing located two ways ("quake" is written in both).
    texts = {
        "Evening Wire": "Fans lined up outside the arena hours before the doors opened.",
        "Daily Ledger": "The quake was 73 miles southwest of Port Tallis, the survey said.",
        "Coast Herald": "The earthquake's epicentre lay under the sea floor of the gulf, 35 miles southwest of Port "
                        "Tallis.",
    }
    documents, found = conflicts(nlp, texts)
    assert [sorted(e.value_text for e in f.evidence) for f in found] == [["35 miles", "73 miles"]]


def test_one_sum_each_sentence_gives_once_ties_sentences_worded_apart_so_a_misstated_sum_is_a_conflict(nlp):
    texts = {
        "Daily Ledger": "Masked raiders took watches valued at 40 million euros ($51 million) from the Varnell "
                        "boutique in Lisbrook, prosecutors said.",
        "Coast Herald": "Masked raiders seized watches worth 90 million euros from a Varnell shop in central Lisbrook "
                        "on a busy morning.",
    }
    _, found = conflicts(nlp, texts)
    assert len(found) == 1 and "“40 million euros”" in found[0].explanation
    assert "“90 million euros”" in found[0].explanation


def test_one_sum_told_in_the_story_s_most_common_words_is_still_one_sum_misstated(nlp):
    # "armed", "robbers" and "stole" are in most of the story's sentences: too common to tie two figures by
    # themselves, but two sums that are each sentence's only sum in euros, tied by that sum, are one sum misstated.
    texts = {
        "Daily Ledger": "Armed robbers stole paintings worth 96 million euros (41 million pounds) from a gallery in "
                        "Lisbrook on Friday.",
        "Coast Herald": "Armed robbers stole canvases valued at 42 million euros ($53 million) from the gallery in "
                        "Lisbrook, prosecutors said.",
        "Evening Wire": "The armed robbers stole a van to flee the city. Police are looking for the armed robbers.",
        "Night Desk": "Witnesses said the armed robbers stole nothing else.",
    }
    _, found = conflicts(nlp, texts)
    assert len(found) == 1 and "“96 million euros”" in found[0].explanation
    assert "“42 million euros”" in found[0].explanation


def test_one_persons_sum_beside_one_common_word_is_one_sum_misstated(nlp):
    # "diamond" is in most of the story's sentences; the two sentences are about one jeweller alone and each gives
    # one sum in dollars: one haul, told twice with two sums.
    texts = {
        "Daily Ledger": "Masked robbers stole diamonds valued at 40 million euros ($51 million) from jeweller Anton "
                        "Varnell in Lisbrook.",
        "Coast Herald": "Thieves snatched $95 million worth of diamond rings from jeweller Anton Varnell's boutique in "
                        "Lisbrook.",
        "Evening Wire": "The diamonds were kept in a safe. Police found one diamond in a car.",
        "Night Desk": "Diamond dealers in the city were shocked.",
    }
    _, found = conflicts(nlp, texts)
    assert len(found) == 1 and "“$51 million”" in found[0].explanation and "“$95 million”" in found[0].explanation


def test_two_organisations_sums_for_one_person_beside_one_common_word_are_two_sums(nlp):
    # One person, but two bidders: their offers are two sums, not one sum told two ways.
    texts = {
        "Daily Ledger": "Varnell Holdings Inc. put in an $80 million offer, Dario Feld told reporters in Lisbrook.",
        "Coast Herald": "Brightwater Capital Group has an offer of $120 million on the table, Dario Feld told "
                        "reporters in Lisbrook.",
        "Evening Wire": "Feld is weighing every offer. Another offer may come soon.",
        "Night Desk": "His agent said each offer was generous.",
    }
    assert conflicts(nlp, texts)[1] == []


def test_one_count_two_openings_give_beside_one_word_ties_them_so_a_misstated_count_is_a_conflict(nlp):
    # Each article opens on its story's main figure: two counts of smugglers, each beside the arrest, are one.
    texts = {
        "Daily Ledger": "Navy foils raid in the Strait of Kessel, nabs 26 smugglers. The boats were towed to the "
                        "harbour.",
        "Coast Herald": "Patrol ship thwarts smuggling attempt in the Strait of Kessel, 52 smugglers arrested. The "
                        "chase began at dusk.",
    }
    _, found = conflicts(nlp, texts)
    assert len(found) == 1
    assert "“26 smugglers”" in found[0].explanation and "“52 smugglers”" in found[0].explanation


def test_counts_of_one_noun_deeper_in_two_articles_do_not_tie_their_sentences(nlp):
    # The same sentences past the articles' openings may count two groups of smugglers.
    texts = {
        "Daily Ledger": "The coast guard patrols the strait. Its crews rarely sleep. Navy foils raid in the Strait of "
                        "Kessel, nabs 26 smugglers.",
        "Coast Herald": "Kelmarsh is a fishing town. Its harbour is busy. Patrol ship thwarts smuggling attempt in the "
                        "Strait of Kessel, 52 smugglers arrested.",
    }
    assert conflicts(nlp, texts)[1] == []


def test_a_conflict_over_a_figure_cites_another_source_naming_its_person_and_a_thing_of_its_sentences(nlp):
    # The fourth report gives the rank beside other words ("the number 2 seed"), but names the person the sides name
    # and the league they name: it tells the same rank of her, and is cited with the side it gives.
    texts = {
        "Daily Ledger": "Edith Vance, the No. 2 player in the Harwell Chess League when the season began, kept her "
                        "rank for a decade.",
        "Coast Herald": "Vance, the No. 2 player in the Harwell Chess League, retired to the coast in 2019.",
        "Night Desk": "Edith Vance, who was the No. 3 player in the Harwell Chess League, retired on Thursday.",
        "Evening Wire": "Edith Vance, the number 2 seed in the Harwell Chess League during the season, retired "
                        "yesterday at her home.",
    }
    documents, findings = conflicts(nlp, texts)
    (finding,) = [f for f in findings if f.evidence[0].value_text == "No. 3"]
    assert documents[3].id in {e.document for e in finding.evidence[1:]}
    assert finding.evidence[-1].value_text == "number 2"
