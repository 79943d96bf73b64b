"""Games: the final scores sentences give, and the days of the games they score.

A sports story tells one game in many words ("the Gulls outlasted the Hawks 51-50 Friday", "which defeated the
Hawks 51-50 on Friday"); the final score both sentences give says it is one game, whatever verbs they use.
"""

from __future__ import annotations

import re

from corroborator.reconcile.units import TIME_KINDS, Unit, Value

# A game's final score, two numbers joined by a dash ("beat the Hawks 27-20", "a 27-20 victory"); not a team's
# record, in brackets or after "to" ("Harwick (22 - 9)", "improved to 22-9", "a 22-9 record").
_SCORE = re.compile(r"(?<![\d.,(])(?<!\(\s)(?<!\bto\s)(\d{1,3})\s?[-–]\s?(\d{1,3})(?!\d|[.,]\d|\s?[-–)]|\s+record)")
SCORE_REACH = 5  # words between a day and the score of the game it dates ("a 27-20 victory over the Hawks on Friday")
_WORDS = re.compile(r"\w+")


def scores(unit: Unit, near: Value) -> set[tuple[int, int]]:
    """The game scores a sentence gives within SCORE_REACH words of a value, each as (higher, lower)."""
    found = set()
    at, end = near.start - unit.start, near.end - unit.start
    for match in _SCORE.finditer(unit.text):
        gap = unit.text[match.end():at] if match.end() <= at else unit.text[end:match.start()]
        if len(_WORDS.findall(gap)) <= SCORE_REACH:
            found.add(_higher_first(match))
    return found


def _higher_first(score: re.Match) -> tuple[int, int]:
    """A score as (higher, lower), whichever team the sentence names first."""
    first, second = int(score.group(1)), int(score.group(2))
    return max(first, second), min(first, second)


def one_game(a: Unit, first: Value, b: Unit, second: Value) -> bool:
    """Whether two days each stand beside one final score both sentences give: the day of one game."""
    return bool(scores(a, first) & scores(b, second))


# A score that is no game's final one: a run, a lead or a tie within the game, or a team's start ("a 7-0 run", "a 13-3
# halftime lead", "tied 12-12", "made it 54-46", "after a 9-14 start").
_WITHIN_GAME = re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:run|lead|tie|deficit|start)\b", re.I)
_WITHIN_GAME_BEFORE = re.compile(r"\b(?:at|it|up|down|tied|trailed|trailing|led|leading)\s*$", re.I)


def final_scores(unit: Unit) -> set[tuple[int, int]]:
    """The final scores a sentence gives, beside a day or not, each as (higher, lower): no run, lead or tie within a
    game, and no team's record (`_SCORE`)."""
    return {_higher_first(match) for match in _final(unit.text)}


def _final(text: str) -> list[re.Match]:
    """The final scores a text gives, as matches of `_SCORE`: no run, lead or tie within a game."""
    return [match for match in _SCORE.finditer(text)
            if not (_WITHIN_GAME.match(text, match.end()) or _WITHIN_GAME_BEFORE.search(text, 0, match.start()))]


def one_final_score(a: Unit, b: Unit) -> bool:
    """Whether two sentences give one game's final score."""
    return bool(final_scores(a) & final_scores(b))


def game_days(unit: Unit) -> dict[int, set[tuple[int, int]]]:
    """The final scores each time of a sentence is the day of (by the id of its value): a final score's day is the
    sentence's time nearest it, within SCORE_REACH words ("will meet Harwick on Saturday after the Gulls outlasted
    the Hawks 51-50 Friday" dates the 51-50 game Friday, not Saturday). A run, a lead or a tie within a game is no
    game's final score."""
    text, times = unit.text, [v for v in unit.values if v.kind in TIME_KINDS]
    days: dict[int, set[tuple[int, int]]] = {}
    for match in _final(text):
        gaps = []
        for value in times:
            at, end = value.start - unit.start, value.end - unit.start
            gap = text[match.end():at] if match.end() <= at else text[end:match.start()] if end <= match.start() else ""
            gaps.append((len(_WORDS.findall(gap)), at, value))
        if gaps:
            words, _, nearest = min(gaps, key=lambda g: g[:2])
            if words <= SCORE_REACH:
                days.setdefault(id(nearest), set()).add(_higher_first(match))
    return days


def one_game_day(a: Unit, first: Value, b: Unit, second: Value) -> bool:
    """Whether two times are each the day of one final score both sentences give (`game_days`): one game's day,
    however differently the sentences tell the game ("outlasted the Hawks 51-50 Friday", "which defeated the Hawks
    51-50 on Monday")."""
    return bool(game_days(a).get(id(first), set()) & game_days(b).get(id(second), set()))
