"""Typed values: contract strings both ways, and the comparisons reconcile builds findings on."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone

import pytest

from corroborator.values import (
    APPROX_TOLERANCE,
    NEAR_TOLERANCE,
    ROUNDING_TOLERANCE,
    QuantityValue,
    TimeValue,
    compare_quantities,
    compare_times,
    parse_quantity,
    parse_time,
)

# ---------------------------------------------------------------- time strings


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2025", "year"),
        ("2023-12", "month"),
        ("2023-12-11", "day"),
        ("2024-01-24T00:00+09:00", "minute"),
        ("2024-01-23T10:00-05:00", "minute"),
        ("2024-01-24T00:00+00:00", "minute"),
        ("2024-01-24T00:00", "minute"),
        ("2024-01-15/2024-01-21", "day"),
        ("1990/1999", "year"),
    ],
)
def test_times_contract_strings_parse_and_format_back(value, precision):
    parsed = parse_time(value, precision)
    assert parsed.precision == precision
    assert parsed.format() == value


def test_times_interval_ends_are_inclusive_in_the_string_and_exclusive_inside():
    week = parse_time("2024-01-15/2024-01-21")
    assert week.start == datetime(2024, 1, 15) and week.end == datetime(2024, 1, 22)
    assert week.is_interval


def test_times_month_is_the_whole_month():
    december = parse_time("2023-12", "month")
    assert december.start == datetime(2023, 12, 1) and december.end == datetime(2024, 1, 1)


def test_times_minute_with_zone_is_aware_and_without_zone_is_naive():
    assert parse_time("2024-01-24T00:00+09:00").zone_known
    assert not parse_time("2024-01-24T00:00").zone_known
    assert not parse_time("2023-12-11").zone_known


def test_times_parse_reads_a_zone_name_from_the_argument_or_an_rfc9557_suffix():
    assert parse_time("2024-01-24T00:00+09:00", "minute", zone="Asia/Seoul").zone == "Asia/Seoul"
    suffixed = parse_time("2024-01-24T00:00+09:00[Asia/Seoul]")
    assert suffixed.zone == "Asia/Seoul" and suffixed.format() == "2024-01-24T00:00+09:00"


def test_times_unknown_has_no_value():
    assert parse_time(None).precision == "unknown"
    assert parse_time("", "unknown").format() is None
    assert TimeValue.unknown().format() is None


def test_times_parse_rejects_a_precision_that_does_not_match_the_string():
    with pytest.raises(ValueError, match="precision"):
        parse_time("2023-12", "day")


def test_times_parse_rejects_text_that_is_not_a_time_value():
    with pytest.raises(ValueError, match="not a time value"):
        parse_time("December 11")


def test_times_of_date_builds_day_month_and_year():
    assert TimeValue.of_date(date(2023, 12, 11)).format() == "2023-12-11"
    assert TimeValue.of_date(date(2023, 12, 11), "month").format() == "2023-12"
    assert TimeValue.of_date(date(2023, 12, 11), "year").format() == "2023"


# ---------------------------------------------------------------- comparing times


def test_times_december_2023_contains_december_11_2023():
    result = compare_times(parse_time("2023-12"), parse_time("2023-12-11"))
    assert result.relation == "contains"
    assert result.explanation == "December 2023 contains 2023-12-11"


def test_times_day_is_within_its_month():
    result = compare_times(parse_time("2023-12-11"), parse_time("2023-12"))
    assert result.relation == "within"


def test_times_same_day_is_equal():
    assert compare_times(parse_time("2023-12-11"), parse_time("2023-12-11")).relation == "equal"


def test_times_midnight_in_seoul_and_new_york_morning_before_are_the_same_moment():
    seoul = parse_time("2024-01-24T00:00+09:00", "minute", zone="Asia/Seoul")
    new_york = parse_time("2024-01-23T10:00-05:00", "minute", zone="America/New_York")
    result = compare_times(seoul, new_york)
    assert result.relation == "equal"
    assert result.explanation == (
        "2024-01-24T00:00+09:00 (Seoul) and 2024-01-23T10:00-05:00 (New York) are the same moment"
    )


def test_times_a_new_york_date_of_january_23_can_hold_midnight_january_24_in_seoul():
    result = compare_times(parse_time("2024-01-23"), parse_time("2024-01-24T00:00+09:00", zone="Asia/Seoul"))
    assert result.relation == "compatible"
    assert "UTC-12:00 to UTC+08:59" in result.explanation and "not stated" in result.explanation


def test_times_a_date_contains_a_clock_time_on_the_clock_time_s_own_calendar():
    result = compare_times(parse_time("2024-01-24"), parse_time("2024-01-24T00:00+09:00", zone="Asia/Seoul"))
    assert result.relation == "contains"
    assert "Seoul" in result.explanation


def test_times_a_clock_time_far_from_a_date_conflicts_in_every_zone():
    result = compare_times(parse_time("2024-01-20"), parse_time("2024-01-24T00:00+09:00"))
    assert result.relation == "conflict" and result.direction == "later"
    assert result.explanation.startswith("2024-01-20 and 2024-01-24T00:00+09:00")


def test_times_different_days_conflict_and_say_by_how_much_and_which_way():
    result = compare_times(parse_time("2023-12-11"), parse_time("2023-12-12"))
    assert result.relation == "conflict"
    assert result.direction == "later"
    assert result.explanation == "2023-12-11 and 2023-12-12 differ by 1 day; the second is later"


def test_times_different_moments_differ_in_hours_and_minutes():
    result = compare_times(parse_time("2024-01-24T18:00+09:00"), parse_time("2024-01-24T15:30+09:00"))
    assert result.relation == "conflict" and result.direction == "earlier"
    assert "2 h 30 min" in result.explanation


def test_times_week_across_a_month_end_overlaps_the_month():
    assert compare_times(parse_time("2024-01-29/2024-02-04"), parse_time("2024-02")).relation == "overlaps"


def test_times_zoneless_clock_time_is_compatible_with_the_same_clock_time_in_a_zone():
    result = compare_times(parse_time("2024-01-24T00:00"), parse_time("2024-01-24T00:00+09:00"))
    assert result.relation == "compatible"
    assert "at UTC+09:00" in result.explanation


def test_times_unknown_is_incomparable():
    assert compare_times(parse_time(None), parse_time("2014")).relation == "incomparable"


def test_times_year_contains_month():
    result = compare_times(parse_time("2014"), parse_time("2014-04"))
    assert result.relation == "contains" and result.explanation == "2014 contains April 2014"


def test_times_aware_moments_compare_across_zones_not_wall_clocks():
    utc = TimeValue.at(datetime(2024, 1, 23, 15, 0, tzinfo=timezone.utc), "UTC")
    assert compare_times(utc, parse_time("2024-01-24T00:00+09:00")).relation == "equal"


# ---------------------------------------------------------------- quantity strings


@pytest.mark.parametrize(
    "value",
    ["330 s", "~330 s", "323 s", ">200 flights", ">=5 people", "<3 cars", "<=10 people", "<~300 students",
     ">~200", "~230", "30000 people", "100000 USD", "9%", "2.5 pp", "No. 4", "No. <=10", "20-30 people",
     "~20-30", "2500000 USD"],
)
def test_quantities_contract_strings_parse_and_format_back(value):
    assert parse_quantity(value).format() == value


def test_quantities_more_than_is_an_open_lower_bound():
    value = parse_quantity(">200 flights")
    assert value.low == 200 and math.isinf(value.high) and value.low_open
    assert value.unit == "flights"


def test_quantities_about_is_an_approximate_number():
    value = parse_quantity("~230")
    assert value.low == value.high == 230 and value.approximate and value.unit is None


def test_quantities_rank_is_written_no_n_with_unit_rank():
    value = parse_quantity("No. 4")
    assert value.unit == "rank" and value.low == 4 and value.kind == "rank"
    assert QuantityValue.stated(4, "rank").format() == "No. 4"


@pytest.mark.parametrize(
    ("value", "kind"),
    [("330 s", "duration"), ("100000 USD", "money"), ("40000 EUR", "money"), ("9%", "percent"),
     ("No. 4", "rank"), ("30000 people", "count"), ("~230", "count")],
)
def test_quantities_kind_follows_the_unit(value, kind):
    assert parse_quantity(value).kind == kind


def test_quantities_parse_rejects_text_that_is_not_a_quantity_value():
    with pytest.raises(ValueError, match="not a quantity value"):
        parse_quantity("about thirty")


def test_quantities_stated_rejects_an_unknown_qualifier():
    with pytest.raises(ValueError, match="qualifier"):
        QuantityValue.stated(3, None, "?")


# ---------------------------------------------------------------- comparing quantities


def test_quantities_more_than_200_and_about_230_do_not_conflict():
    result = compare_quantities(parse_quantity(">200 flights"), parse_quantity("~230"))
    assert result.relation == "compatible"
    assert "more than 200" in result.explanation


def test_quantities_about_30000_and_40000_people_conflict():
    result = compare_quantities(parse_quantity("~30000 people"), parse_quantity("40000 people"))
    assert result.relation == "conflict"
    assert result.explanation.startswith("about 30,000 vs 40,000 people: differ by 29%, beyond 'about' (±10%)")
    assert result.direction == "higher"


def test_quantities_approximate_330_seconds_agrees_with_323_seconds():
    result = compare_quantities(parse_quantity("~330 s"), parse_quantity("323 s"))
    assert result.relation == "compatible"
    assert result.explanation.startswith("about 5.5 minutes and 5 minutes 23 seconds agree within")


def test_quantities_a_revised_figure_differs_with_direction():
    result = compare_quantities(parse_quantity("200 people"), parse_quantity("230 people"))
    assert result.relation == "conflict" and result.direction == "higher"
    assert "differ by 14%" in result.explanation and "the second is higher" in result.explanation
    assert compare_quantities(parse_quantity("230 people"), parse_quantity("200 people")).direction == "lower"


def test_quantities_different_counted_nouns_are_incomparable():
    result = compare_quantities(parse_quantity("30000 people"), parse_quantity("200 flights"))
    assert result.relation == "incomparable" and "people vs flights" in result.explanation


def test_quantities_a_counted_noun_is_the_same_in_capitals():
    # A noun set in title case in a list ("six rifles, 12 Magazines") counts what "12 magazines" counts.
    assert compare_quantities(parse_quantity("12 Magazines"), parse_quantity("12 magazines")).relation == "equal"
    assert compare_quantities(parse_quantity("12 Magazines"), parse_quantity("31 magazines")).relation == "conflict"


def test_quantities_persons_are_people():
    # "killing 10 persons", "killing 10 people": one count of one thing.
    assert compare_quantities(parse_quantity("10 persons"), parse_quantity("10 people")).relation == "equal"
    assert compare_quantities(parse_quantity("23 persons"), parse_quantity("10 people")).relation == "conflict"


def test_quantities_different_currencies_are_incomparable():
    assert compare_quantities(parse_quantity("100000 USD"), parse_quantity("100000 EUR")).relation == "incomparable"


def test_quantities_different_kinds_are_incomparable():
    assert compare_quantities(parse_quantity("9%"), parse_quantity("9 s")).relation == "incomparable"


def test_quantities_units_of_one_dimension_compare_after_converting():
    result = compare_quantities(parse_quantity("~24 kilometres"), parse_quantity("~15 miles"))
    assert result.relation == "compatible"
    assert "(24.1 kilometres)" in result.explanation
    assert compare_quantities(parse_quantity("600 metres"), parse_quantity("2000 feet")).relation == "compatible"
    assert compare_quantities(parse_quantity("90 kilograms"), parse_quantity("200 pounds")).relation == "compatible"
    result = compare_quantities(parse_quantity("30 kilometres"), parse_quantity("15 miles"))
    assert result.relation == "conflict" and result.direction == "lower"
    assert "30 kilometres vs 15 miles (24.1 kilometres)" in result.explanation


def test_quantities_a_measure_keeps_the_rounding_of_the_unit_it_was_stated_in():
    # "8 km" is 7.5-8.5 km and "5 miles" 4.5-5.5 miles: a conversion rounded to the unit agrees.
    assert compare_quantities(parse_quantity("8 kilometres"), parse_quantity("5 miles")).relation == "compatible"
    assert compare_quantities(parse_quantity("151 yards"), parse_quantity("152 yards")).relation == "conflict"


def test_quantities_units_of_different_dimensions_are_incomparable():
    result = compare_quantities(parse_quantity("5 metres"), parse_quantity("5 kilograms"))
    assert result.relation == "incomparable" and "length vs weight" in result.explanation


def test_quantities_a_count_without_a_noun_compares_with_a_count():
    assert compare_quantities(parse_quantity("~230"), parse_quantity("230 flights")).relation == "compatible"


def test_quantities_same_statement_is_equal():
    assert compare_quantities(parse_quantity("No. 4"), parse_quantity("No. 4")).relation == "equal"
    assert compare_quantities(parse_quantity("323 s"), parse_quantity("323 s")).relation == "equal"


def test_quantities_round_numbers_allow_rounding_up_to_five_percent():
    assert compare_quantities(parse_quantity("30000 people"), parse_quantity("30400 people")).relation == "compatible"
    assert compare_quantities(parse_quantity("30000 people"), parse_quantity("34000 people")).relation == "conflict"
    assert compare_quantities(parse_quantity("9%"), parse_quantity("9.2%")).relation == "compatible"


def test_quantities_exact_small_numbers_do_not_round_into_each_other():
    result = compare_quantities(parse_quantity("323 s"), parse_quantity("324 s"))
    assert result.relation == "conflict" and "differ by 0.3%" in result.explanation
    assert compare_quantities(parse_quantity("No. 4"), parse_quantity("No. 5")).relation == "conflict"


def test_quantities_almost_means_close_below():
    assert compare_quantities(parse_quantity("<~300 students"), parse_quantity("260 students")).relation == "compatible"
    assert compare_quantities(parse_quantity("<~300 students"), parse_quantity("304 students")).relation == "conflict"
    assert compare_quantities(parse_quantity("<~300 students"), parse_quantity("200 students")).relation == "conflict"


def test_quantities_bounds_exclude_their_own_edge():
    assert compare_quantities(parse_quantity(">200"), parse_quantity("180")).relation == "conflict"
    assert compare_quantities(parse_quantity("<=10 people"), parse_quantity("10 people")).relation == "compatible"
    assert compare_quantities(parse_quantity("<3 cars"), parse_quantity("3 cars")).relation == "conflict"


def test_quantities_two_hedged_figures_that_meet_at_one_number_agree():
    result = compare_quantities(parse_quantity("<~100000000000 USD"), parse_quantity(">100000000000 USD"))
    assert result.relation == "compatible"
    assert "meet at" in result.explanation
    # A hedge against an exact figure at its own edge still conflicts: "less than 3 cars" is not "3 cars".
    assert compare_quantities(parse_quantity("<3 cars"), parse_quantity("3 cars")).relation == "conflict"


def test_quantities_range_contains_a_number_and_overlaps_a_range():
    assert compare_quantities(parse_quantity("20-30 people"), parse_quantity("25 people")).relation == "contains"
    assert compare_quantities(parse_quantity("25 people"), parse_quantity("20-30 people")).relation == "within"
    assert compare_quantities(parse_quantity("20-30"), parse_quantity("25-35")).relation == "overlaps"
    assert compare_quantities(parse_quantity("20-30"), parse_quantity("40-50")).relation == "conflict"


def test_quantities_tolerances_are_the_documented_ones():
    assert (APPROX_TOLERANCE, NEAR_TOLERANCE, ROUNDING_TOLERANCE) == (0.10, 0.15, 0.05)
    low, high, _, _ = parse_quantity("~330 s").tolerance()
    assert (low, high) == pytest.approx((297, 363))
    low, high, low_open, high_open = parse_quantity("30000 people").tolerance()
    assert (low, high, low_open, high_open) == (28500, 31500, True, True)


def test_durations_round_to_the_unit_they_were_stated_in():
    year, week = 31556952, 604800
    # "nearly four years" and "four years": four years stated in years is about four years.
    assert compare_quantities(parse_quantity(f"<~{4 * year} s"), parse_quantity(f"{4 * year} s")).relation == "compatible"
    assert compare_quantities(parse_quantity(f"{3 * week} s"), parse_quantity(f"{4 * week} s")).relation == "conflict"
    assert compare_quantities(parse_quantity(f"{8 * year} s"), parse_quantity(f"{7 * year} s")).relation == "conflict"
    # Seconds stay exact: "5 minutes 23 seconds" is no whole number of minutes.
    assert compare_quantities(parse_quantity("323 s"), parse_quantity("324 s")).relation == "conflict"


def test_durations_are_described_in_the_unit_they_were_stated_in():
    year, week = 31556952, 604800
    result = compare_quantities(parse_quantity(f"{3 * week} s"), parse_quantity(f"{4 * week} s"))
    assert result.explanation.startswith("3 vs 4 weeks: differ by")
    assert parse_quantity(f"{year} s").describe() == "1 year"
    assert parse_quantity("<~7200 s").describe() == "almost 2 hours"
    # A duration no whole number of minutes is told in two units, or, approximate, with one decimal.
    assert parse_quantity("323 s").describe() == "5 minutes 23 seconds"
    assert parse_quantity("~330 s").describe() == "about 5.5 minutes"
    assert parse_quantity("3601 s").describe() == "1 hour 1 second"
    assert parse_quantity("45 s").describe() == "45 s"


@pytest.mark.parametrize("first, second, words, explanation", [
    ("2419200 s", "2419200 s", ("28 days", "its first 28 days"), "28 days and 28 days are equal"),
    ("2419200 s", "2419200 s", ("four weeks", "28 days"), "4 weeks and 28 days are equal"),
    ("1814400 s", "2419200 s", ("three weeks", "four weeks"), "3 vs 4 weeks: differ by 29%"),
    ("323 s", "~330 s", ("5-minutes 23-seconds", "five-and-a-half minute"),
     "5 minutes 23 seconds and about 5.5 minutes agree within 'about' (±10%)"),
    ("148320000000 s", "129600000000 s", ("41.2 million hours", "36 million hours"), "41,200,000 vs 36,000,000 hours"),
])
def test_durations_are_explained_in_the_units_their_words_name(first, second, words, explanation):
    result = compare_quantities(parse_quantity(first), parse_quantity(second), words=words)
    assert result.explanation.startswith(explanation)


@pytest.mark.parametrize("first, second, explanation", [
    ("~1500 people", ">1400 people",
     "about 1,500 people and more than 1,400 people agree within 'about' (±10%) and the bound 'more than 1,400'"),
    ("<~7200 s", "7080 s", "almost 120 minutes and 118 minutes agree within 'almost' (up to 15% below)"),
    ("2500000 USD", "2500000 USD", "2,500,000 USD and 2,500,000 USD are equal"),
    ("323 s", "~330 s", "5 minutes 23 seconds and about 5.5 minutes agree within 'about' (±10%)"),
])
def test_agreeing_figures_are_explained_as_a_reader_writes_them(first, second, explanation):
    assert compare_quantities(parse_quantity(first), parse_quantity(second)).explanation == explanation
