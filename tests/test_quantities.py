"""Quantities in one sentence: hand-built cases for every rule, and the seed sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from corroborator.annotate.quantities import find_quantities, words_to_number
from corroborator.values import compare_quantities, parse_quantity


def found(text, **kwargs):
    return [(m.text, m.kind, m.value) for m in find_quantities(text, **kwargs)]


def only(text, **kwargs):
    (mention,) = find_quantities(text, **kwargs)
    return mention.text, mention.kind, mention.value


# ---------------------------------------------------------------- the seed sentences


def test_quantities_words_five_and_a_half_minute_video_is_about_330_seconds():
    assert only("The five-and-a-half minute video is a heartbreaking story.") == (
        "five-and-a-half minute", "duration", "~330 s")


def test_quantities_hyphenated_5_minutes_23_seconds_is_323_seconds():
    assert only("At just 5-minutes 23-seconds, the tone is set early on.") == (
        "5-minutes 23-seconds", "duration", "323 s")


def test_quantities_the_two_video_lengths_agree():
    long_ = find_quantities("The five-and-a-half minute video is a heartbreaking story.")[0]
    short = find_quantities("At just 5-minutes 23-seconds, the tone is set early on.")[0]
    result = compare_quantities(parse_quantity(long_.value), parse_quantity(short.value), words=(long_.text, short.text))
    assert result.relation == "compatible"
    assert result.explanation.startswith("about 5.5 minutes and 5 minutes 23 seconds agree within")


def test_quantities_donating_100000_dollars_is_usd():
    text = "they demonstrated which side they supported by donating $100,000 to benefit the victims’ families."
    assert only(text) == ("$100,000", "money", "100000 USD")


def test_quantities_ranked_at_the_no_4_spot_is_rank_4():
    assert only("It ranked at the No. 4 spot:") == ("No. 4", "rank", "No. 4")


def test_quantities_the_last_90_seconds_is_90_seconds():
    assert only("But it’s the last 90 seconds of the video that absolutely broke me.") == (
        "90 seconds", "duration", "90 s")


def test_quantities_almost_300_teenage_students_counts_students_below_300():
    text = ("After the Sewol Ferry sank off the coast of South Korea in April 2014, "
            "killing almost 300 teenage students, Korea’s politicians tried to distance themselves.")
    assert only(text) == ("almost 300 teenage students", "count", "<~300 students")
    value = parse_quantity("<~300 students")
    assert value.approximate and value.high == 300


# ---------------------------------------------------------------- numbers in words


@pytest.mark.parametrize(
    ("words", "number", "approximate"),
    [("five", 5, False), ("ninety-nine", 99, False), ("twenty one", 21, False), ("one hundred and twenty", 120, False),
     ("a hundred", 100, False), ("twelve million", 12_000_000, False), ("two thousand five hundred", 2500, False),
     ("five-and-a-half", Decimal("5.5"), True), ("two and a half million", 2_500_000, True),
     ("half a million", 500_000, True), ("a dozen", 12, True), ("three billion", 3_000_000_000, False)],
)
def test_quantities_numbers_in_words(words, number, approximate):
    assert words_to_number(words) == (number, approximate)


def test_quantities_words_five_and_a_half_minutes_is_330_seconds():
    assert only("The clip runs five-and-a-half minutes.") == ("five-and-a-half minutes", "duration", "~330 s")


def test_quantities_twelve_million_with_and_without_a_noun():
    assert found("Twelve million viewers watched; the total was twelve million.") == [
        ("Twelve million viewers", "count", "12000000 viewers"), ("twelve million", "count", "12000000")]


def test_quantities_digits_with_scale_words_and_abbreviations():
    assert found("It drew 1.2 million fans and 3.5bn dollars.") == [
        ("1.2 million fans", "count", "1200000 fans"), ("3.5bn dollars", "money", "3500000000 USD")]


def test_quantities_a_lone_half_is_not_a_number():
    assert find_quantities("Half of the fans left.") == []


# ---------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "value"),
    [("It lasted 5 minutes 23 seconds.", "323 s"), ("It lasted 5 minutes and 23 seconds.", "323 s"),
     ("It lasted two hours.", "7200 s"), ("It lasted 90 seconds.", "90 s"), ("It lasted a minute and a half.", "~90 s"),
     ("It lasted half an hour.", "~1800 s"), ("It took two hours and 5 minutes.", "7500 s"),
     ("a 3-day festival", "259200 s")],
)
def test_quantities_durations_are_seconds(text, value):
    assert [m.value for m in find_quantities(text)] == [value]
    assert find_quantities(text)[0].kind == "duration"


def test_quantities_durations_that_are_times_or_ages_are_skipped():
    assert find_quantities("It leaked two years ago.") == []
    assert find_quantities("The 23-year-old singer, 23 years old, sang.") == []


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "value"),
    [("$100,000", "100000 USD"), ("US$2.5 million", "2500000 USD"), ("€40,000", "40000 EUR"),
     ("₩1.2 billion", "1200000000 KRW"), ("40,000 euros", "40000 EUR"), ("100,000 dollars", "100000 USD"),
     ("£5 million", "5000000 GBP"), ("$2.5m", "2500000 USD"), ("$10k", "10000 USD"), ("10 billion won", "10000000000 KRW"),
     ("HK$300", "300 HKD"), ("half a million dollars", "~500000 USD"), ("euro110 billion", "110000000000 EUR")],
)
def test_quantities_money_takes_a_currency_code(text, value):
    (mention,) = find_quantities(f"They gave {text} to the fund.")
    assert (mention.text, mention.kind, mention.value) == (text, "money", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("a two-million-euro booty", "2000000 EUR"), ("a 5-million-dollar house", "5000000 USD"),
     ("a $2.6-million booty", "2600000 USD"), ("a $2.6 - million booty", "2600000 USD")],
)
def test_quantities_a_sum_written_as_one_hyphenated_word_is_money(text, value):
    # "$2.6 - million" is the hyphen of "$2.6-million" spaced out by a tokenizer, not a range up to a million.
    (mention,) = find_quantities(f"They made off with {text}.")
    assert (mention.kind, mention.value) == ("money", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("4 1/2 months", "~11833857 s"), ("4½ months", "~11833857 s"), ("½ hour", "~1800 s"), ("2 1/4 miles", "~2.25 miles"),
     ("2 1/2 percent", "~2.5%")],
)
def test_quantities_a_whole_number_and_a_fraction_is_one_figure(text, value):
    (mention,) = find_quantities(f"He served {text} in all.")
    assert (mention.text, mention.value) == (text, value)


def test_quantities_a_fraction_alone_in_digits_is_no_figure():
    # "1/2" is as often a date or a score as a half.
    assert find_quantities("The score was 1/2 at half time.") == []
    # Text tokenised with spaces writes "6 1/2 weeks" as "61 / 2 weeks": the 2 is a denominator, no count of weeks.
    assert find_quantities("She spent 61 / 2 weeks in the county jail.") == []


def test_quantities_a_scale_word_is_read_with_its_glued_figure_not_alone():
    # "euro45 billion" is 45 billion euros, never a bare "billion"; "Euro 2012" is no sum of money.
    assert [m.value for m in find_quantities("Valdoria gets a euro45 billion loan.")] == ["45000000000 EUR"]
    assert [m.kind for m in find_quantities("Euro 2012 starts in June.")] == []


def test_quantities_pounds_are_sterling_beside_another_currency_or_a_worth():
    def read(text):
        return [m.value for m in find_quantities(text)]

    assert read("Thieves took art worth 96 million euros (41 million pounds).") == ["96000000 EUR", "41000000 GBP"]
    assert read("The court fined him 5,000 pounds ($7,000).") == ["5000 GBP", "7000 USD"]
    assert read("The painting is valued at 3 million pounds.") == ["3000000 GBP"]
    # A weight stays a weight: "pounds of", or a sum in the sentence that the pounds do not convert.
    assert read("Police seized 200 pounds of cocaine worth $5 million.") == ["200 pounds", "5000000 USD"]
    assert read("He weighed 300 pounds and paid $50 for the scale.") == ["300 pounds", "50 USD"]


def test_quantities_a_letter_scale_needs_a_currency_sign():
    # Without a sign, a glued "m" is metres; before a counted noun it is ambiguous and left out.
    assert [m.value for m in find_quantities("The wall is 5m high.")] == ["5 metres"]
    assert find_quantities("Some 2m people watched.") == []
    assert find_quantities("A 5k run.") == []
    assert [m.value for m in find_quantities("It costs $5m.")] == ["5000000 USD"]
    assert [m.value for m in find_quantities("The striker was offered $200MM.")] == ["200000000 USD"]


def test_quantities_a_headlines_upper_case_scale_letter_scales_a_sum():
    assert [m.value for m in find_quantities("Harbour Group Buys Rival For $184M")] == ["184000000 USD"]
    assert [m.value for m in find_quantities("Deal worth $1.2B, sources say")] == ["1200000000 USD"]
    assert [m.value for m in find_quantities("A $2M-$3M budget.")] == ["2000000-3000000 USD"]
    # Without a sign it says millions of something unnamed: no figure is read, not 600 of nothing.
    assert find_quantities("The app reached 600M users.") == []


# ---------------------------------------------------------------- measures


def test_quantities_units_of_measure_glued_or_spaced_get_their_full_name():
    cases = {
        "the depot, about 31km east of Amberford": "~31 kilometres",
        "The depot is about 19 miles east of Amberford.": "~19 miles",
        "He fell about 2,000ft from a ridge.": "~2000 feet",
        "She fell 60 metres.": "60 metres",
        "Gusts reached 120 km/h.": "120 kilometres per hour",
        "Winds of 75 mph hit the coast.": "75 miles per hour",
        "The fire burned 300 square kilometres.": "300 square kilometres",
        "The package weighed 5 kg.": "5 kilograms",
        "He lost 20 pounds.": "20 pounds",
        "a 35-yard interception return": "35 yards",
    }
    for text, value in cases.items():
        assert [m.value for m in find_quantities(text)] == [value], text
    assert [m.kind for m in find_quantities("He fell 60 metres.")] == ["count"]


def test_quantities_a_height_in_feet_and_inches_is_read_as_inches():
    assert [m.value for m in find_quantities("He is 5 feet 11 inches tall.")] == ["71 inches"]
    assert [(m.text, m.value) for m in find_quantities("The 6-foot-7 junior scored.")] == [("6-foot-7", "79 inches")]
    assert [m.value for m in find_quantities("It was 5 feet wide for 11 weeks.")] == ["5 feet", "6652800 s"]


def test_quantities_a_dozen_of_counts_the_noun_after_of():
    assert [m.value for m in find_quantities("Dozen of warships patrol the gulf.")] == ["~12 warships"]
    assert find_quantities("Two of the victims were named.") == []


# ---------------------------------------------------------------- counts


def test_quantities_counts_name_the_counted_noun():
    assert only("30,000 travellers were stranded.") == ("30,000 travellers", "count", "30000 travellers")
    assert only("Officials said 200 flights were cancelled.") == ("200 flights", "count", "200 flights")
    assert only("Some 40 people waited.") == ("Some 40 people", "count", "~40 people")


def test_quantities_more_than_200_flights_and_about_230_agree():
    first, second = find_quantities("More than 200 flights were cancelled, about 230 in all.")
    assert (first.value, second.value) == (">200 flights", "~230")
    assert compare_quantities(parse_quantity(first.value), parse_quantity(second.value)).relation == "compatible"


def test_quantities_about_30000_and_40000_people_conflict():
    (about,) = find_quantities("About 30,000 people marched.")
    (exact,) = find_quantities("Police counted 40,000 people.")
    assert compare_quantities(parse_quantity(about.value), parse_quantity(exact.value)).relation == "conflict"


def test_quantities_a_bare_number_counts_nothing():
    assert find_quantities("BTS's 7 and the 3-1 win, one of the most.") == []


def test_quantities_proper_plural_nouns_keep_their_case_and_titles_are_not_counts():
    assert found("30,000 Americans came.") == [("30,000 Americans", "count", "30000 Americans")]
    assert find_quantities("It is one of The 100 Greatest Songs of all time.") == []


def test_quantities_vague_plurals_are_ranges():
    assert found("Hundreds of fans and tens of thousands of people came.") == [
        ("Hundreds of fans", "count", "200-999 fans"), ("tens of thousands of people", "count", "20000-99999 people")]


def test_quantities_a_dozen_is_approximate():
    assert only("She got a dozen roses.") == ("a dozen roses", "count", "~12 roses")


# ---------------------------------------------------------------- years and dates are not counts


def test_quantities_years_and_dates_are_not_counts():
    text = "In 2014, on December 11 and 24 January, at 10 a.m., the 2024 Academy Awards and the 2017 ballad."
    assert find_quantities(text) == []


def test_quantities_a_four_digit_number_with_a_count_noun_is_a_count():
    assert found("About 2000 people came and 2000 students left.") == [
        ("About 2000 people", "count", "~2000 people"), ("2000 students", "count", "2000 students")]


def test_quantities_numbers_inside_excluded_spans_are_skipped():
    text = "Sales hit 300 units on day 300 units."
    start = text.rindex("300")
    assert found(text, exclude=[(start, start + 3)]) == [("300 units", "count", "300 units")]


def test_quantities_identifiers_are_not_numbers():
    assert find_quantities("COVID-19 cases and G7 members met.") == []


# ---------------------------------------------------------------- approximation and ranges


@pytest.mark.parametrize(
    ("words", "value"),
    [("about", "~230 flights"), ("around", "~230 flights"), ("roughly", "~230 flights"), ("some", "~230 flights"),
     ("nearly", "<~230 flights"), ("almost", "<~230 flights"), ("more than", ">230 flights"),
     ("over", ">230 flights"), ("at least", ">=230 flights"), ("up to", "<=230 flights"),
     ("fewer than", "<230 flights"), ("less than", "<230 flights"), ("as many as", "<=230 flights"),
     ("just over", ">~230 flights")],
)
def test_quantities_approximation_words(words, value):
    (mention,) = find_quantities(f"Officials said {words} 230 flights were cancelled.")
    assert (mention.text, mention.value) == (f"{words} 230 flights", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("between 20 and 30 people", "20-30 people"), ("20-30 people", "20-30 people"),
     ("20 to 30 people", "20-30 people"), ("from 20 to 30 people", "20-30 people"),
     ("2 to 3 million people", "2000000-3000000 people"), ("$20-$30", "20-30 USD")],
)
def test_quantities_ranges(text, value):
    (mention,) = find_quantities(f"They counted {text} there.")
    assert (mention.text, mention.value) == (text, value)


# ---------------------------------------------------------------- percentages and ranks


@pytest.mark.parametrize(
    ("text", "value"),
    [("9%", "9%"), ("nine percent", "9%"), ("9 per cent", "9%"), ("about 9.5%", "~9.5%"),
     ("3 percentage points", "3 pp")],
)
def test_quantities_percentages(text, value):
    (mention,) = find_quantities(f"Prices rose {text} in February.")
    assert (mention.text, mention.kind, mention.value) == (text, "percent", value)


@pytest.mark.parametrize(
    ("text", "span"),
    [("It ranked at the No. 4 spot.", "No. 4"), ("It took fourth place.", "fourth place"),
     ("It was ranked 4th.", "4th"), ("It hit the number four spot.", "number four"),
     ("It reached #4 on the chart.", "#4"), ("It finished in 4th place.", "4th place")],
)
def test_quantities_ranks(text, span):
    assert only(text) == (span, "rank", "No. 4")


def test_quantities_top_ten_is_a_rank_bound():
    assert only("It stayed in the top 10 for weeks.") == ("top 10", "rank", "No. <=10")


# ---------------------------------------------------------------- candidates and offsets


def test_quantities_candidates_add_nothing_the_scan_already_found():
    text = "About 30,000 fans waited."
    assert found(text, candidates=[(0, 12, "CARDINAL")]) == [("About 30,000 fans", "count", "~30000 fans")]


def test_quantities_offsets_are_relative_to_the_sentence():
    text = "Later, about 30,000 fans waited."
    (mention,) = find_quantities(text)
    assert text[mention.start:mention.end] == mention.text == "about 30,000 fans"


def test_quantities_pronouns_are_not_counted_nouns():
    assert find_quantities("She cares for five of them while he looks after seven others.") == []


def test_quantities_a_bare_figure_after_a_death_toll_is_a_count():
    mentions = find_quantities("The death toll from Monday's earthquake rose to 13, the agency said.")
    assert [(m.text, m.value) for m in mentions if m.kind == "count"] == [("13", "13")]
