"""Times in one sentence, resolved against the publication: hand-built cases for every rule."""

from __future__ import annotations

import dateparser.search
import pytest

from corroborator.annotate.times import find_times
from corroborator.values import compare_times, parse_time

PUBLISHED = "2024-01-23T00:00:00+00:00"  # both seed pieces; a Tuesday


def values(text, published=PUBLISHED, **kwargs):
    return {m.text: m.value for m in find_times(text, published, "day", **kwargs)}


def only(text, published=PUBLISHED, **kwargs):
    (mention,) = find_times(text, published, "day", **kwargs)
    return mention


# ---------------------------------------------------------------- the seed sentences


def test_times_enlisted_in_dec_2023_and_expected_to_return_in_march_2025():
    mentions = find_times("V enlisted in the military in Dec 2023 and is expected to return in March 2025.", PUBLISHED)
    assert [(m.text, m.kind, m.value, m.precision) for m in mentions] == [
        ("Dec 2023", "date", "2023-12", "month"),
        ("March 2025", "date", "2025-03", "month"),
    ]


def test_times_in_march_for_plans_is_the_next_march():
    mention = only("IU’s album should be out soon, and she is to embark on a tour in March.")
    assert (mention.text, mention.value, mention.precision) == ("March", "2024-03", "month")


def test_times_earlier_today_is_the_publication_day():
    mention = only("The K-pop idol and actress IU released her latest single “Love Wins All” earlier today.")
    assert (mention.text, mention.value, mention.precision) == ("earlier today", "2024-01-23", "day")


def test_times_resolve_month_day_against_publication():
    text = ("END NOTE: I know that this music video was filmed before V enlisted for mandatory military duty "
            "on December 11, and well before X’s tragic death on December 27.")
    assert values(text) == {"December 11": "2023-12-11", "December 27": "2023-12-27"}


def test_times_sewol_ferry_sank_in_april_2014():
    text = ("After the Sewol Ferry sank off the coast of South Korea in April 2014, "
            "killing almost 300 teenage students, Korea’s politicians tried to distance themselves.")
    mention = only(text)
    assert (mention.text, mention.value, mention.precision) == ("April 2014", "2014-04", "month")


def test_times_no_4_spot_and_durations_are_not_times():
    assert find_times("It ranked at the No. 4 spot:", PUBLISHED) == []
    assert find_times("At just 5-minutes 23-seconds, the tone is set early on.", PUBLISHED) == []
    assert find_times("But it’s the last 90 seconds of the video that absolutely broke me.", PUBLISHED) == []
    assert find_times("The five-and-a-half minute video is a heartbreaking story.", PUBLISHED) == []


def spans(text, *parts):
    return [(text.index(part), text.index(part) + len(part)) for part in parts]


@pytest.mark.parametrize(
    ("text", "parts"),
    [("The Larks beat the Wrens 34 - 12 on Sunday.", ["34 - 12", "Sunday"]),
     ("Pell threw for 260 yards as the Larks won 27-20 on Sunday.", ["27-20", "Sunday"]),
     ("The Wrens (11 - 4) host the Larks on Sunday after a 9 - 5 season.", ["11 - 4", "9 - 5 season", "Sunday"])],
)
def test_times_a_score_or_a_record_a_caller_passes_is_no_date(text, parts):
    assert values(text, candidates=spans(text, *parts)) == {"Sunday": "2024-01-21"}


# ---------------------------------------------------------------- month names and year inference


def test_times_month_day_in_a_plan_takes_the_coming_year():
    assert values("The singer will perform on December 11.") == {"December 11": "2024-12-11"}


def test_times_in_march_in_a_past_report_is_the_last_march():
    assert values("The band toured Europe in March.") == {"March": "2023-03"}


def test_times_a_day_after_publication_is_still_past_reporting_across_zones():
    # A Seoul release reported as done by a page dated the day before in UTC.
    assert values("The video was released on January 24.") == {"January 24": "2024-01-24"}


def test_times_explicit_tense_overrides_the_words():
    assert values("The band toured in March.", tense="future") == {"March": "2024-03"}
    assert values("On Monday she said the tour was over in March.", tense="past")["March"] == "2023-03"


def test_times_a_clause_that_looks_ahead_resolves_forward_in_a_sentence_told_in_the_past():
    # The parse reads the sentence as past ("said"); what the agency said is to come.
    text = "Her agency said filming would begin in September, after the last leg of her tour."
    assert values(text, tense="past") == {"September": "2024-09"}


def test_times_tense_is_read_per_clause():
    text = "V, who enlisted in December, will return in March."
    assert values(text) == {"December": "2023-12", "March": "2024-03"}


def test_times_full_dates_in_several_orders():
    assert values("It aired on December 11, 2023.") == {"December 11, 2023": "2023-12-11"}
    assert values("It aired on 11 December 2023.") == {"11 December 2023": "2023-12-11"}
    assert values("It aired on Wednesday, January 24, 2024.") == {"Wednesday, January 24, 2024": "2024-01-24"}
    assert values("It aired on Sept. 5, 2023.") == {"Sept. 5, 2023": "2023-09-05"}


def test_times_month_and_year_is_a_month():
    assert values("It began in December of 2023.") == {"December of 2023": "2023-12"}


def test_times_day_range_is_an_interval():
    assert values("The concerts run January 24-26.") == {"January 24-26": "2024-01-24/2024-01-26"}


def test_times_may_needs_a_preposition_to_be_a_month():
    assert values("She was born in May 1990 and moved in May.") == {"May 1990": "1990-05", "May": "2023-05"}
    assert find_times("Fans may gather outside.", PUBLISHED) == []


# ---------------------------------------------------------------- numeric dates


def test_times_numeric_dotted_date():
    assert values("It was published on 2024.02.21 in Seoul.") == {"2024.02.21": "2024-02-21"}


def test_times_numeric_iso_date():
    assert values("It was published on 2024-02-21.") == {"2024-02-21": "2024-02-21"}


def test_times_numeric_day_month_order_is_used_only_when_unambiguous():
    mentions = {m.text: (m.value, m.precision) for m in find_times("It aired 13/12/2023 and 11/12/2023.", PUBLISHED)}
    assert mentions == {"13/12/2023": ("2023-12-13", "day"), "11/12/2023": (None, "unknown")}


# ---------------------------------------------------------------- relative expressions


def test_times_yesterday_and_tomorrow():
    assert values("Fans queued yesterday and will return tomorrow.") == {
        "yesterday": "2024-01-22", "tomorrow": "2024-01-24"}


def test_times_last_week_is_the_monday_to_sunday_week_before():
    assert values("Sales fell last week.") == {"last week": "2024-01-15/2024-01-21"}


def test_times_this_and_next_week():
    assert values("It opens this week, not next week.") == {
        "this week": "2024-01-22/2024-01-28", "next week": "2024-01-29/2024-02-04"}


def test_times_next_month_and_last_year():
    assert values("The album comes out next month.") == {"next month": "2024-02"}
    assert values("The tour ended last year.") == {"last year": "2023"}


def test_times_earlier_this_month():
    mention = only("The agency said earlier this month that the tour was on.")
    assert (mention.value, mention.precision) == ("2024-01", "month")


def test_times_days_and_weeks_ago():
    assert values("It leaked two days ago.") == {"two days ago": "2024-01-21"}
    assert values("It leaked three weeks ago.") == {"three weeks ago": "2024-01-01/2024-01-07"}


def test_times_on_tuesday_in_a_report_is_the_latest_tuesday_and_in_a_plan_the_next():
    published_thursday = "2024-01-25T00:00:00+00:00"
    assert values("The meeting was held on Tuesday.", published_thursday) == {"Tuesday": "2024-01-23"}
    assert values("The meeting will be held on Tuesday.", published_thursday) == {"Tuesday": "2024-01-30"}


def test_times_last_and_next_weekday_exclude_the_publication_day():
    assert values("It happened last Tuesday.") == {"last Tuesday": "2024-01-16"}
    assert values("It happens next Tuesday.") == {"next Tuesday": "2024-01-30"}


# ---------------------------------------------------------------- years and decades


def test_times_in_2014_is_a_year():
    mention = only("The ferry sank in 2014.")
    assert (mention.value, mention.precision, mention.kind) == ("2014", "year", "date")


def test_times_a_year_used_as_a_modifier_is_a_year():
    mention = only("He won at the 2024 Academy Awards.")
    assert (mention.text, mention.value, mention.precision) == ("2024", "2024", "year")


def test_times_a_four_digit_count_is_not_a_year():
    assert find_times("About 2000 people and 2,000 more came.", PUBLISHED) == []


def test_times_decades_are_year_intervals():
    assert values("Music of the 1990s and the '80s.") == {"1990s": "1990/1999", "'80s": "1980/1989"}


# ---------------------------------------------------------------- clock times and zones


def test_times_at_midnight_kst_on_january_24_keeps_its_zone():
    mention = only("The video was released at midnight KST on January 24.")
    assert mention.text == "midnight KST on January 24"
    assert (mention.kind, mention.value, mention.precision, mention.key) == (
        "time", "2024-01-24T00:00+09:00", "minute", "Asia/Seoul")


def test_times_midnight_in_seoul_is_the_morning_before_in_new_york():
    seoul = only("The video was released at midnight KST on January 24.")
    new_york = only("The video was released at 10 a.m. ET on January 23.")
    result = compare_times(parse_time(seoul.value, seoul.precision, seoul.key),
                           parse_time(new_york.value, new_york.precision, new_york.key))
    assert result.relation == "equal" and "(Seoul)" in result.explanation and "(New York)" in result.explanation


def test_times_eastern_time_follows_daylight_saving():
    assert values("It starts at 10 a.m. ET on January 24, 2024.") == {
        "10 a.m. ET on January 24, 2024": "2024-01-24T10:00-05:00"}
    assert values("It starts at 10 a.m. ET on July 4, 2024.") == {
        "10 a.m. ET on July 4, 2024": "2024-07-04T10:00-04:00"}


@pytest.mark.parametrize(
    ("zone", "offset", "name"),
    [("KST", "+09:00", "Asia/Seoul"), ("JST", "+09:00", "Asia/Tokyo"), ("EST", "-05:00", "America/New_York"),
     ("EDT", "-04:00", "America/New_York"), ("PT", "-08:00", "America/Los_Angeles"), ("GMT", "+00:00", "UTC"),
     ("UTC", "+00:00", "UTC"), ("BST", "+01:00", "Europe/London"), ("CET", "+01:00", "CET"),
     ("IST", "+05:30", "Asia/Kolkata"), ("AEST", "+10:00", "Australia/Sydney")],
)
def test_times_zone_abbreviations(zone, offset, name):
    mention = only(f"The show began at 6 p.m. {zone} on January 20.")
    assert (mention.value, mention.key) == (f"2024-01-20T18:00{offset}", name)


def test_times_utc_offset_written_out():
    assert values("It starts at 8 p.m. (UTC+9) on January 24.") == {"8 p.m. (UTC+9) on January 24": "2024-01-24T20:00+09:00"}


def test_times_local_time_stays_zoneless():
    mention = only("Fans gathered at 8:30 p.m. local time yesterday.")
    assert (mention.value, mention.precision, mention.key) == ("2024-01-22T20:30", "minute", None)


def test_times_date_then_clock_time_merge():
    mention = only("The video, released on January 24 at 6 p.m. KST, was a hit.")
    assert (mention.text, mention.value) == ("January 24 at 6 p.m. KST", "2024-01-24T18:00+09:00")


def test_times_twenty_four_hour_clock_with_zone():
    assert values("It happened on 24 December 2023, at 22:00 GMT.") == {
        "24 December 2023, at 22:00 GMT": "2023-12-24T22:00+00:00"}


def test_times_clock_time_without_a_date_stays_unknown():
    mention = only("The band will release the song at 6 p.m. KST.")
    assert (mention.kind, mention.value, mention.precision) == ("time", None, "unknown")


def test_times_clock_time_takes_the_only_date_in_the_sentence():
    mentions = find_times("On January 24, doors opened and at 6 p.m. KST the show began.", PUBLISHED)
    assert [(m.text, m.value) for m in mentions] == [
        ("January 24", "2024-01-24"), ("6 p.m. KST", "2024-01-24T18:00+09:00")]


# ---------------------------------------------------------------- what is not a date


def test_times_nine_percent_in_february_is_only_february():
    mention = only("Prices rose 9% in February.")
    assert (mention.text, mention.value) == ("February", "2023-02")


def test_times_ages_and_durations_passed_as_candidates_are_skipped():
    text = "The 23-year-old spent two years, the last 90 seconds, 5-minutes 23-seconds."
    spans = [(text.index(s), text.index(s) + len(s))
             for s in ("23-year-old", "two years", "the last 90 seconds", "5-minutes 23-seconds")]
    assert find_times(text, PUBLISHED, candidates=spans) == []
    text = "Yun, 44, a former documentary maker, said he had based the story on salt farmers."
    assert find_times(text, PUBLISHED, candidates=[(5, 7)]) == []


# ---------------------------------------------------------------- candidates and unknowns


def test_times_candidate_spans_are_resolved_and_trimmed():
    text = "The hit arrived on the fifth of December, 2023."
    start = text.index("the fifth")
    (mention,) = find_times(text, PUBLISHED, candidates=[(start, len(text) - 1)])
    assert (mention.text, mention.value, mention.precision) == ("fifth of December, 2023", "2023-12-05", "day")


def test_times_unresolvable_candidates_keep_precision_unknown():
    text = "In the summer the band rested."
    (mention,) = find_times(text, PUBLISHED, candidates=[(3, 13)])
    assert (mention.text, mention.value, mention.precision) == ("summer", None, "unknown")


def test_times_candidates_overlapping_a_pattern_match_are_left_to_it():
    text = "V enlisted in Dec 2023."
    (mention,) = find_times(text, PUBLISHED, candidates=[(text.index("Dec"), text.index("Dec") + 8)])
    assert (mention.text, mention.value) == ("Dec 2023", "2023-12")


def test_times_without_a_publication_only_absolute_dates_resolve():
    mentions = find_times("It happened on December 11, 2023, again on December 11 and last week.", None)
    assert [(m.text, m.value, m.precision) for m in mentions] == [
        ("December 11, 2023", "2023-12-11", "day"),
        ("December 11", None, "unknown"),
        ("last week", None, "unknown"),
    ]


def test_times_publication_day_is_read_in_its_own_zone():
    assert values("It aired earlier today.", "2024-01-24T08:00:00+09:00") == {"earlier today": "2024-01-24"}


def test_times_offsets_are_relative_to_the_sentence():
    text = "Before that, on December 11, he left."
    (mention,) = find_times(text, PUBLISHED)
    assert text[mention.start:mention.end] == mention.text == "December 11"


def test_times_never_search_running_text(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("search_dates must not be used on running text")

    monkeypatch.setattr(dateparser.search, "search_dates", refuse)
    assert values("Prices rose 9% in February and fell on December 11.") == {
        "February": "2023-02", "December 11": "2023-12-11"}


def test_times_all_capital_datelines():
    assert values("THURSDAY, JUNE 30, 2005") == {"THURSDAY, JUNE 30, 2005": "2005-06-30"}


def test_times_a_clock_time_does_not_take_the_day_of_another_event():
    # The relative clause dates an earlier quake; the clock time is the later one's, on a day the sentence leaves out.
    assert values("The quake struck at 9:15 p.m. near Dorvik, where a stronger quake on Monday killed 16 people.") == {
        "9:15 p.m.": None, "Monday": "2024-01-22"}
    assert values("The quake struck at 9:15 p.m. near Dorvik, where Monday's stronger quake killed 16 people.")[
        "9:15 p.m."] is None
    # A clock time inside a relative clause still takes the day the sentence opens on.
    assert values("On Monday, the fire, which broke out at 3 a.m., destroyed the mill.")["3 a.m."] == "2024-01-22T03:00"


def test_times_relative_day_with_a_clock_time():
    mention = only("The show airs tonight at 8 p.m. KST.")
    assert (mention.text, mention.value) == ("tonight at 8 p.m. KST", "2024-01-23T20:00+09:00")
