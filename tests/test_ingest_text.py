"""The layout reader for pages saved as text."""

from corroborator.ingest.text import read_layout, split_names, strip_title_suffix


def test_title_loses_section_suffix_after_a_pipe():
    assert strip_title_suffix("Ferry Fares Rise Again | Local News") == "Ferry Fares Rise Again"


def test_title_keeps_a_dash_that_is_part_of_the_headline():
    assert strip_title_suffix("Spider-Man - a Review of the Year") == "Spider-Man - a Review of the Year"


def test_title_loses_outlet_suffix_after_a_dash_when_it_names_the_outlet():
    assert strip_title_suffix("Ferry Fares Rise - Harbour Ledger", "Harbour Ledger") == "Ferry Fares Rise"


def test_byline_names_split_into_a_list():
    assert split_names("By Ana Lima, Tom Okafor and Mei Chen") == ["Ana Lima", "Tom Okafor", "Mei Chen"]


PAGE = """Port Authority Approves New Ferry Terminal | Harbour News

By Ana Lima and Tom Okafor
The Harbour Ledger
March 14, 2025

PORTSMOUTH: The port authority approved a new ferry terminal on Friday, its chair said.

The terminal will cost about $40 million and open in 2027.

Also read: Ferry fares rise for the third year

Officials expect more than 200 crossings a week once it opens.

Share this:

© 2025 The Harbour Ledger. All rights reserved.

3 thoughts on “Port Authority Approves New Ferry Terminal”

Sam says:
March 14, 2025 at 9:12 am
About time, the old one leaks.

Priya says:
March 14, 2025 at 10:40 am
Who pays for it?

Leave a Reply

Your email address will not be published. Required fields are marked *
"""


def test_layout_finds_title_byline_outlet_and_date():
    layout = read_layout(PAGE)
    assert layout.title == "Port Authority Approves New Ferry Terminal"
    assert layout.authors == ["Ana Lima", "Tom Okafor"]
    assert layout.source == "The Harbour Ledger"
    assert layout.published == "2025-03-14T00:00:00+00:00"
    assert layout.published_precision == "day"


def test_layout_body_runs_from_dateline_to_last_sentence_without_furniture():
    layout = read_layout(PAGE)
    assert layout.paragraphs[0].startswith("PORTSMOUTH:")
    assert layout.paragraphs[-1] == "Officials expect more than 200 crossings a week once it opens."
    body = "\n".join(layout.paragraphs)
    for furniture in ("Also read", "Share this", "©", "thoughts on", "Leave a Reply", "email address"):
        assert furniture not in body


def test_comment_header_counts_comments_and_their_texts_are_kept_apart():
    layout = read_layout(PAGE)
    assert layout.comment_count == 3
    assert layout.comments == ["About time, the old one leaks.", "Who pays for it?"]


def test_comment_count_in_words():
    layout = read_layout("Headline\n\nA body sentence that is long enough.\n\nOne response to “Headline”\n\nLeave a Reply\n")
    assert layout.comment_count == 1


def test_first_line_that_is_a_sentence_is_body_not_title():
    layout = read_layout("The council met on Friday and approved the plan.\n\nIt will cost more.\n")
    assert layout.title is None
    assert layout.paragraphs[0] == "The council met on Friday and approved the plan."


def test_published_time_with_zone_keeps_the_offset():
    layout = read_layout("Headline\n\nThe Ledger\nPublished: January 23, 2024 10:30 PM KST\n\nBody text here.\n")
    assert layout.published == "2024-01-23T22:30:00+09:00"
    assert layout.published_precision == "minute"


WORDPRESS_TAIL = """Quake Kills Nine

By Ana Lima, Meridian Wire
The Courier
March 10, 2025

AMBERFORD — A strong earthquake struck the highlands early Monday, officials said.

With additional reporting by Courier staff.

Share this:

Facebook

X

Email

Like this:

Like Loading...

2 thoughts on “Quake Kills Nine”

Tomas W.
March 10, 2025 at 9:12 am
Thinking of everyone in the valley.

Reply

P. Garrow
March 10, 2025 at 10:30 am
The consulate line is busy.

Reply

Leave a Reply
"""


def test_share_buttons_and_like_lines_are_furniture_not_body():
    layout = read_layout(WORDPRESS_TAIL)
    assert layout.paragraphs[-1] == "With additional reporting by Courier staff."
    assert {"Facebook", "X", "Email", "Like this:"} <= set(layout.furniture)


def test_comment_author_and_date_lines_are_not_comment_text():
    layout = read_layout(WORDPRESS_TAIL)
    assert layout.comments == ["Thinking of everyone in the valley.", "The consulate line is busy."]
    assert layout.comment_count == 2


def test_byline_affiliation_is_not_an_author():
    assert read_layout(WORDPRESS_TAIL).authors == ["Ana Lima"]
