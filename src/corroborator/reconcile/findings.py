"""Verdicts: findings per claim — conflict, update, variant, corroborated or single_source — with their evidence.

Within a claim, the typed values of directly aligned sentences are matched and
grouped by what they measure. Each measured attribute gets its own verdict: a
claim can corroborate the distance of an epicentre while its sources disagree
on the population of the town. A claim with no compared values gets one
verdict for the whole sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from difflib import SequenceMatcher
from itertools import combinations

from corroborator.model import Evidence, Finding
from corroborator.reconcile.align import ALIGN, Pair, only_sum
from corroborator.reconcile.compare import (
    AGREEING,
    Match,
    RoleConflict,
    compare_values,
    converted_alike,
    could_be_one,
    counted,
    counted_alike,
    dated_verbs,
    different_events,
    dimension,
    family,
    figures_differ,
    is_update,
    match_values,
    name_words,
    one_party_dated,
    only_of_noun,
    quote_words,
    role_conflicts,
    same_counts,
    same_person_written,
    same_place,
    surname_written,
    whose,
)
from corroborator.places import countries, known_place
from corroborator.reconcile.games import one_final_score, one_game, one_game_day
from corroborator.reconcile.nominal import dated_noun, noun_dated_after
from corroborator.reconcile.units import (
    CALENDAR,
    LITTLE_WORDS,
    WEEKDAY,
    WEEKDAYS,
    Unit,
    Value,
    named_by_witness,
    speaker_key,
    weekday_of,
)
from corroborator.values import parse_quantity
from corroborator.verbs import NOT_EVENTS, REPORTING, verb_stem

# v2: figures over part of a game, times written as bounds, names in parentheses and two steps of one
# case are not compared as one attribute; a stored story reconciled by an older method is done again.
# v3: a figure glossed in another unit ("€5 million ($6.5 million)") is compared through its gloss; "a further"
# is "another"; two weekdays date one event told with two verbs when the sentences share words and a figure,
# and are two steps when each sentence names the verb the other dates; verbs of one event meet ("issued",
# "released"); a stranger given one person's age or description is a conflict (profiles); one sentence told
# twice compares its days whatever else; a page's "Last updated" line dates nothing it reports; a name swapped
# into a sentence told word for word is a conflict (swaps); a time the other sentence also states is not held
# against its other times; "U.S." no longer makes a lone name common; owners of one thing stand in one role;
# two people with two lines of figures are two people; a day or a month named with no year in an undated
# report is compared by month and day ("--04-15"); a line of only a place and a date dates nothing; a market's
# close is not its fall during the day; a share of a sum is part of it.
# v4: a day glossed by its date in brackets is that date; in one sentence told twice, values after the same two
# words are one value, bounds included; the nouns of one event's verbs meet them ("dismissal"), as "scheduled" and
# "planned" do; a figure and its conversion in brackets both meet the other's figure; an agreeing length of time
# pairs first; weakly aligned sentences compare two days of one event verb; two counts both sentences give tie
# their weekdays; a day the other sentence puts "a day before" its own, a day of last week against a plain one,
# and a figure stated of a place away from the story's are not held against the other; stand-ins, swaps,
# profiles and story-wide roles each see more (a full name tagged as an organisation, a sentence split elsewhere,
# a description set off before a name, one person written two ways) and less (another climber's fall, another
# player's three games).
# v5: a name one source spells its own way is the name several sources write; the speakers of one quoted
# statement stand in one role; two possessive days naming one thing in sentences that say the same otherwise
# ("Sunday's AFC divisional playoff game", "Wednesday's divisional playoff game") are two days for it; a swap is
# looked for in a line every outlet prints, and between two sources alone when the name is all that differs;
# a secretary or a minister is an office with the department written before it ("Interior Secretary").
# v6: a day is read by who acted as well as by the verb; a date that names its weekday sides with that weekday;
# spellings of one person are one answer; story-wide figures.
# v7: who-acted days leave out verbs of announcing and need three sources.
# v8: a day for the one person every other source names counts in a sentence that names nobody.
# v9: an age opening an apposition ("a 44-year-old Harwick man") is part of a profile, and a person named by a
# copula ("the man accused is …") is no mere speaker.
# v10: what two reports each say was announced "today (date)" is no conflict of days.
# v11: story-wide sums are compared within one currency.
# v12: story-wide figures: a figure modifying a noun ("a 41-yard pass") is one play's, and a tagged name whose
# surname the other sentence writes untagged is one person in both.
# v13: lone other days far outnumbered by the most given day each stand out (annotate v22's shared objects too).
# v14: one person the others spell two ways ("Ansel Varn", "Ansel Varne") is still the one person a day in a
# sentence naming nobody is held against.
# v15: a participle opening a clause of its own ("…, beating the holder on Tuesday", "after signing in
# on Thursday") is done by the sentence's one subject, so its day counts among that party's deeds.
# v16: stand-ins need a little less similarity (0.40); a spokesperson, or a name only as an owner ("Marco Belan's
# record"), stands in for no one.
# v17: more verbs of one event meet: "severed", "cut" and "damaged"; "foiled", "thwarted" and "repelled"; "nabbed" and
# "captured" with "arrested".
# v18: stand-ins: a full name needs one thing fewer in common from similarity 0.5 (a lone surname still from 0.6),
# and a sentence where the widely named person only speaks is no counterpart.
# v19: with embeddings, sentences aligned by meaning more than by words let their values agree but not differ, and
# name no one in another's role ("began a career in nursing in 1962", "ended her nursing career in 1971"); a
# stand-in found by meaning alone needs embeddings closer than before.
# v20: in two close sentences with one day each, a day the parse gives no verb dates all its sentence tells, so it
# meets a day of a verb that sentence names ("Marchetti ran for 118 yards Sunday, and his late score … won it for the
# Gulls");
# not after "after", "when" and the like. "Hampered", "disrupted" and "interrupted" meet.
# v21: one day of the year told with two years ("July 13, 2006", "July 13, 2009") is one date, whatever the words
# around each.
# v22: story-wide days: a day three or more sources give beside the same words, and one other day one source gives
# there and nowhere else, conflict (as story-wide figures do).
# v23: story-wide figures include ranks ("the No. 5 seed", "the No. 13 seed position").
# v24: story-wide figures: a figure of someone else ("Rafe Lindell … had driven for the depot for 22 years") is no
# second account of the one several sources give, so it no longer hides the one source giving another.
# v25: one person's line of figures told in other words ("Walsh ran for 142 yards and two scores", "… for
# 142 yards and 5 scores"): each sentence's one count of a noun meets the other's when another noun agrees.
# v26: v20's day of no verb meets the other day only when its own sentence names the verb the other day dates, as
# v20 meant (v20 checked the other sentence's own words).
# v27: a figure after another and "of" is the whole ("missing 10 of the Gulls' 16 games"), not the figure itself.
# v28: stand-ins: a lone full name in a role of its own, of no word the story writes in lower case, in a sentence set
# at the story's time, stands in at a lower closeness (0.30, not 0.40).
# v29: story-wide years, read like story-wide days ("the 1967 slayings" in three sources, "in 1964" in one); a toll's
# words ("now") no longer keep a date from standing out, only words of rescheduling do.
# v30: a weekday written before a closing attribution ("… razed villages Wednesday, officials said") dates what was
# told, not the saying the parse hangs it on.
# v31: stand-ins compare the places, organisations and works two sentences name whatever kind the tagger gave
# each ("Glass Harbour" a work in one report, a place in another; a one-word name meets the word left untagged), and a
# lone name of words the story writes in lower case ("Wild Card") stands in for no one. The one person a sentence
# names stands in when the parse makes them only the subject of "is", "has" or "gets" ("Tobias Ferreira is in talks
# to direct the sequel"); beside other people they still do not. A lone name given an office one person holds (a
# president, governor, mayor, sheriff, coroner, referee, umpire, a department's secretary or minister) that two or
# more other sources give one widely named person only stands in for them, however differently the sentences are
# worded. A lone surname the parse gives a role of its own, in a sentence set at the story's time, stands in at
# closeness 0.45 (else still 0.6).
# v32: story-wide days: words of rescheduling tell of a date moved only in that date's own clause ("…, but organisers
# said nothing had changed" moves no vote), and a majority sentence of another place or time is left out of the
# majority instead of hiding the odd day. One sentence told twice compares a value that opens it after the same word
# ("Between 1991 and 1998, …", "Between 1988 and 1998, …"). Two times the parse makes the time of one event verb
# are matched with no words around them ("On Monday, organizers named …", "… was named on Friday"). Story-wide lede
# days: the one report whose opening sentences give the main event another day than three or more reports' ledes
# give, a day no other source gives (as a bound, "by Saturday", "until at least Monday", or last week's, "last Saturday",
# it gives no day), while it gives theirs nowhere. Beside the same words, the day the ledes give the story needs two
# sources, not three, before another day there stands out.
# v33: story-wide lede days: a report naming its lede's own thing by the day the other ledes give ("open the doors
# Wednesday for the spring fair", "Sunday's fair") does not open on a later step; its lede day stands out.
# A weekday dates the verb "and" joins next after it too ("tied up two guards on Monday night and then
# fled"), so it meets another day of that verb ("fled Thursday from the county jail") in sentences tied as one.
# v34: stand-ins: a lone name in a role of its own that the parse gives the same deed in the same role as the other
# sources' person ("police arrested Tobias Ferreira", "police arrested Marta Quillon") stands in at closeness 0.25.
# v36: story-wide lede days: a report giving the day the other ledes give only in sentences of another matter (sharing
# neither two words nor a name with those ledes) does not open on a later step; its lede day stands out. A weekday
# followed at once by a clause of "when" dates what that clause tells ("closures Monday when two river bridges were
# flooded"), so it meets another day of that verb ("flooded Friday") in sentences tied as one. A year that is each
# sentence's one time, after the same two words of sentences that say the same otherwise ("to host 2014 Lanterns", "to
# host 2011 Lanterns"), is one year told two ways. A month with no year meets another month beside one distinctive word
# when each is its sentence's only time and the sentences agree on another value ("stabbed a neighbour in January",
# "the stabbing of a neighbour in March 2014"). A report's lede day passes over a dateline, a line too
# short to tell anything ("Sun, 15 Sep 2013"), rather than taking its year for a lede of another time.
# v37: a conflict over who cites, besides the sentences that found it, every other source's sentence that aligns
# with the lone name's sentence and names the person it stands in for: the reader sees each report it contradicts.
# A story-wide reading (of roles, figures or days) that finds again a sentence and value already in conflict adds
# the sentences it cites for the story's answer to that conflict instead of being dropped.
# v38: a conflict over who between a lone name and a widely named person also shows the other sources' sentences
# that give that person the lone name's deed ("Tom Reyes died Thursday", where the others say Carl Dunmore died),
# then those giving them its office ("The Quiet Harbor director Harlan Vos"); a deed shared in a list counts.
# v39: two quotes of one speaker are a variant only with a fifth of their words in common (two translations of one
# answer share about 30 %); a variant's explanation calls a quote a quote, a lyric or a passage. A conflict's
# explanation names at its end the sources it cites besides those it was found between ("also cited: …").
# v40: swaps: a name that leads the changed words on both sides of one sentence told twice is the swapped name when
# the rest of those words is a few lower-case words without a pronoun ("Harlow, 88, passed away early Sunday",
# "Dunmore died early Sunday"), and the words one sentence goes on with where the other ends weigh nothing.
# Words added to the front of a name both sentences write ("Southern California", "California") are no second name
# changed; a swapped name is given without its possessive ("Rosa Delmar's lawyer").
# Two sentences that tell one thing and then end differently leave their endings out: a name there is no second
# name changed, and those words do not count against the two being one sentence.
# Roles: among other people on the sides, a name one source gives that the tagger took for a place or an
# organisation stands in for the person of the other sentence when the parse gives the two alone one role of one
# event verb ("the Hawks fired Brannagh …, owner Sam Hale said", "the Hawks fired Dale Price"), and neither
# sentence writes the other's name.
# v41: a conflict over who also cites, from each source it does not cite yet, the sentence naming the person that
# shares the most words with the lone name's, though worded too differently to align.
# v42: story-wide days: a date written in full with its year that two sources give beside the same words makes
# another full date there stand out (one day of the year with another year needs only that word); a date with no
# year that meets both ("December 15") gives neither.
# Story-wide lede days: when three or more reports' opening sentences date the saying of their news on one day
# ("officials said Tuesday"), the one report dating it on another day no other source gives stands out.
# v43: story-wide figures: a figure given elsewhere hides the odd one, or shows its source giving the majority's too,
# only when it is the same kind of figure (a length is not given again by a bare "at least 50" nor by a date).
# The time something had gone on at the moment a sentence tells ("after four days of riots") is no figure to hold
# against another sentence's: each counts to its own moment.
# v44: a conflict over who cites each uncited source's sentence naming the person at text similarity 0.08, not 0.15.
# v45: a day of the week its bracketed date does not fall on ("Tuesday (July 24, 2004)") is a day of its own.
# Story-wide lede days: calling a number ("someone called 911 Friday morning") is a deed that dates the event.
# v46: beside a lone name that does something, someone who only speaks in an office ("coroner ... said") is no stand-in.
# v47: a conflict over a time cites, from each source it does not cite yet, a sentence giving one of its sides' times
# beside a word its sentences write by theirs ("his deadly 2022 rampage" with "a March 2022 rampage" against 2019).
# Story-wide days: a date written in full is read beside its day of the year too, so two sources writing "8 October
# 2022" make a third's "8 October 2019" stand out whatever words stand beside each.
# v48: story-wide figures: a source giving the majority's figure only in words of another matter ("the 12 summers I
# worked there", sharing no word with theirs) still stands out for the other figure it gives of the thing.
# v49: a conflict over who cites each source's closest sentence naming the person, not the last one found.
# v50: story-wide lede days: a day naming a thing that two of the ledes giving the main day write ("Monday night's fire"
# beside their "fire ... Friday night") is a report's lede day like a day dating the event.
# v51: swaps: a word the story writes in lower case, capitalised only to open a sentence ("At"), is no swapped name.
# v52: "passed away" (and "succumbed") is the verb of a death, as "died" is; a day written with a clock time in a named
# zone ("03:15 GMT Friday") meets the day next to it that another source names without a zone ("Thursday").
# v53: story-wide days: a report giving the majority's day in one sentence and another day beside two of the same words
# in another ("open the harvest fair on Friday", "open a harvest fair Monday") dates one thing two ways;
# the majority's day no longer makes its other day a second event or its lede a later step.
# v54: alignment: a count two sentences give differently beside one word counts like an agreeing one when they give
# an equal count of another noun (one line of figures, one changed: "96 yards and two scores", "142 yards …").
# v55: a song's line two sources give in other words is a variant wherever in the story their sentences stand.
# v55: a corroboration names each independent source once, with the articles and syndicated copies counted with it.
# v55: an update gives its reports' times in one zone and format, a day-dated copy after its original, each
# figure with its noun. Agreeing figures are explained in a reader's words (values.py). A timeline event is told
# by a sentence that gives its date. A corroborated value is stated by a sentence its explanation quotes.
# v56: story-wide roles: whom someone asked to do something ("asked Dr Mara Quinn to be surgeon general") fills a role
# of the story's event; a question put to someone is still saying.
# v58: story-wide roles: whom "killed" takes as object and whom "died" (or "passed away") takes as subject are one
# role, the person who died.
# v63: story-wide roles: whom "named" takes as object ("was named coach") is whom the story's "hired" does.
# v64: a story-wide figure or day standing out is its own conflict when its sentence's conflict is over another value.
# v65: stand-ins: an office's holders are counted in sentences writing its place, and one name spelled two ways
# ("Kasim Morvani", "Qasim Morbani") is one holder.
# v66: a name that "also" puts among a verb's objects is one more of them, not another in the role ("Agent Lyle also
# represents Corbin" beside "Lyle represented Dace").
# v67: story-wide roles: whom "nominated" or "picked" takes as object is the appointee "named" and "hired" take.
# v68: swaps: a name spelled two ways beside the swapped one ("Ansel Varn was killed", "Ansel Varne died") is no
# second swap, and its words do not count against the sentences being one. Story-wide roles: two sources alone
# filling a person's role of one verb, each with a stranger to the other, in sentences telling the rest alike, disagree.
# v69: story-wide lede days: a lede dating the verb two or more other ledes date with the main day (or writing it beside
# a day the parse ties to no verb) tells the main event, so the report giving the main day elsewhere no longer hides it.
# v70: a day of the week or of a month standing alone in its clause (", on Monday,") is read by the words around
# the verb the parse says it dates, in that verb's clause.
# v71: a figure in sentences that align only weakly is compared when the parse makes one person the subject of one
# event verb in both and each figure stands by that verb ("Hale slid about 2,100 feet", "Hale slid about 400m").
# Each sentence's only figure of one noun, one person's in both, in aligned sentences giving one same day, is one figure
# ("Kessler scored 31 points … Saturday night", "Kessler … posting 18 points … Saturday night"); "during a
# 15-2 run" counts a part of the game. Two distances from one place ("12 miles east of Amberford") measure one thing
# only when what one locates is written in the other sentence (a building and a motorist are two things).
# v72: explanations tell durations in the units their words name ("28 days and 28 days", not "4 weeks and 4
# weeks"), and one no whole number of minutes in two units ("5 minutes 23 seconds and about 5.5 minutes agree").
# v73: figures of polls credited to different pollsters ("a poll for the Daily Ledger", "a poll published by
# Norland Institute") are two measurements, not a conflict.
# v74: a sum each of two sentences gives once in one currency, the two more than rounding apart, ties the sentences
# as an agreeing sum would ("valued at 40 million euros", "worth 90 million euros"), and backs their figures.
# v75: a person in an event told by its noun fills the role of the noun's verb ("the killing of X", "X's arrest",
# "the escape by X"); one who "also died" is one more death, not another name for the one told. Whose life something
# "claimed" or "took" is who died; "X's sentence" is whom a court sentenced; "made an offer to X" is "an offer to X".
# v76: of two people each of two close sentences pairs by "and" with one person both name ("Alice Brandt and Nina
# Holm", "Alice Brandt, 58, and Ruth Kessler, 20"), the other is one role: a conflict.
# An office written with "-elect" ("President-elect Piet Lanner") is an office one person holds, the office to come.
# v77: a possessive day after "in" or "during" dates the deed done in the thing it names ("set the club record in
# Sunday's match" set it on Sunday), so it is compared as a plain day; "move on to Saturday's semifinals" still names.
# A comma between a place and the place it lies in ("Halifax, N.S.") breaks no clause: a day after it is read with
# the words before it.
# v78: two sums, each its sentence's only sum in its currency, in sentences tied by a value, differ as one sum when
# two words beside them are alike, even the story's most common ("masked raiders took watches worth …"), or one word in
# sentences about one person alone that name the same organisations (two bidders' offers are two sums).
# v79: a weekday after "the" and before a noun ("after the Friday night raid") is the day of that thing, not a
# bound; where neither of two days dates a verb, in sentences tied by words and another value, it dates the event.
# v80: a conflict over who also cites the other sources' sentences that agree with the lone name's on a figure and
# name the person the others name, by a surname the tagger missed too ("Varn finished with 288 yards").
# v81: whom a verb of giving takes before the thing given ("handed X four life sentences", "offered X a contract")
# fills the "to" object of the verb, or the role of the event noun given (X's sentence); a count one sentence gives among
# others it shares with the other ("four sentences") keeps the two sentences one line of figures.
# v86: a conflict over a day cites another source's sentence giving one side's day that names a person both sides'
# sentences name and writes a word of theirs anywhere ("replaced him by signing Dario Venn"); a day with its time of
# day ("Wednesday afternoon") counts as a side.
# v87: a count of one noun, the only figure of each of two articles' openings, beside one word, differing by more
# than rounding ("nabs 26 smugglers", "52 smugglers arrested"), ties the sentences as a misstated sum does (v74).
# v92: a conflict over a figure cites, as one over a day does (v86), other sources' sentences giving a side's figure of
# the same measure; a sentence naming a person both sides name and a thing they name is cited whatever its words.
# v93: two days (or months) that date one deed done by or to one person in both sentences ("killed Dana Pell in May",
# "… killed Dana Pell last September") tie the sentences as an agreeing day would, and are one attribute.
# v94: stand-ins: a lone name paired with someone ("X and Rafe Costa") whom another source pairs with the person it
# names needs the lower closeness of a lone name doing what that person does. An office elect ("President-elect") is
# held by one person, as the office is. A lone name given the office the other sentence gives the person ("coach")
# needs that lower closeness too.
# v95: a street's or a road's name and a place that is no street are no conflict about where ("near Linden Avenue",
# "in Queens"): the street may run through the town.
# v96: a game's final score both sentences give beside their days ("beat the Hawks, 27-20", "a 27-20 win") ties them
# as an agreeing figure does, and two weekdays beside it date that one game.
# v97: a conflict between two sentences that cites other sources giving either side names them in its explanation,
# each with the value it gives ("…; also cited: Valley Times (“Thursday”)"), as a conflict given more evidence later
# now does too.
# v98: "a fire broke out" and "caught fire" are one verb, as are "was pulled over" and "was stopped" (verbs.py),
# and sentences aligned faintly (FAINT_ALIGN) are compared for two calendar days the parse gives one event verb.
# v99: annotations v52 (spaced initials with no name after them, "U. S. agencies", are no person).
# v100: stand-ins: of two lone names in one sentence, one given an office one person holds stands in for them.
# v101: a conflict over who cites a source's sentence agreeing on the lone name's figure though it cites another of it.
# v102: annotations v53 (a day of the week hung on a gerund after "for" dates the verb "for" follows).
# v103: two sentences giving one game's final score, beside a day or not, each with one figure, a count of one noun,
# the same person's in both, tell that person's figure in that game: a differing one ties them and is a conflict.
# v104: a day closing the phrase of an event noun ("since the abduction of a young nurse in Ashby Sunday night") dates
# that event as its verb would, so two such days are compared even in sentences aligned faintly (FAINT_ALIGN).
# v105: stand-ins: initials the tagger took for a person ("U. N.") do not count as a second lone name in a sentence.
# v106: annotations v54 (a title the document quotes is a work where it is written unquoted too).
# v107: stand-ins: a lone surname the parse makes only a speaker does what a relative clause right after it tells
# ("said Vesk, who improved his record"), not in the perfect ("who has worked there for years": the past).
# v108: annotations v55 (a quoted nickname of a person is a person; beside the name it stands for, its own key).
# v109: "passed", "surpassed", "eclipsed" and "overtook" someone are one deed (verbs.py).
# v110: v105's check is dropped: annotate v52 already tags initials with no name after them as no person.
# v111: hiring or arresting someone again ("rehired", "reappointed", "rearrested") is the verb's own deed (verbs.py).
# Profiles: a stranger given as whose publicist, lawyer or agent someone is ("Quillon's publicist, Ned Carrow"),
# where two or more sources give that someone so beside one widely named person, is a conflict. Stand-ins: a lone
# name given the office the other sentence gives the person after the same name of what it is of ("The Quiet
# Harbor director") stands in at closeness 0.20.
# v112: stand-ins compare sentences with the verbs of one event as one word ("fled … was apprehended", "fled … was
# arrested"), in their similarity and in the words they share. A name closing its sentence after a comma ("…, club
# president Lena Morrow said late Tuesday.") is whoever said it, whatever verb the parse hangs it on, and an office
# written right before a name is that name's, not the one before the comma.
# v113: a person the parse makes the subject of a passive of thinking or saying ("an injured cat, thought to be the
# household's pet", "believed to want a trade") is talked about, not a speaker, so their age or description is read as a
# profile; an apposition set off by dashes ("Ines Halvorsen — who was a mother of 11 —") describes as one set off by
# commas, and a noun with its count ("mother of 11") tells one person apart as an age does.
# v114: a day followed at once by "during" or "at" and an event noun dates that event too ("a deputy said Wednesday
# during the clerk's arraignment" dates the arraignment), so it meets another day of the event's verb ("was arraigned
# Saturday") even in sentences aligned faintly (FAINT_ALIGN), as a day closing the noun's phrase does (v104).
# v115: a final score's day is the sentence's time nearest it (games.py): two sentences giving one final score each
# with its own day ("outlasted the Hawks 51 - 50 Friday", "which defeated the Hawks 51 - 50 on Monday") date one game
# two ways, beside other days and however faintly the rest aligns.
METHOD = "corroborator.reconcile.v115"
STRONG = 0.5  # sentences this similar say the same thing closely enough to contradict each other by a name
WORDED = 0.15  # text similarity of sentences that share words, not only a figure
VERBATIM = 0.9  # text similarity of one sentence told twice, a value or two changed
LABELLED_ALIKE = 2  # words two possessive days' things must share to be one thing ("county cup final")
# Pair score of sentences that align weakly ("The district prosecutor filed fraud charges Monday against the trader",
# "… according to papers filed Friday"): they are compared only where each dates one event verb both use.
WEAK_ALIGN = 0.3
FAINT_ALIGN = 0.2  # pairs this faint are compared only for calendar days of one event verb, or days of one event noun
NOUN_REACH = 120  # characters before a time where the phrase of the event noun it dates begins
VERBATIM_WORDS = 4  # content words a sentence needs for that to say something (a dateline says nothing)
FIGURE_WORDS = 2  # distinctive words two differing figures must share around them to measure one thing
ORDER_OF_MAGNITUDE = 10  # figures further apart than this factor measure different things
EXCHANGE_DRIFT = 1.15  # conversions of one sum this far apart differ by more than the day's exchange rate
# Two quotes of one speaker are one statement told two ways (two translations of one answer share about
# 30 % of their words) only with a fifth of their words in common; "she told us how much she hated the long drives"
# and "the new contract suited the team well" (10 %) are two things he said.
SAME_SPEAKER_WORDS = 0.2
# Two sources' lines of the song a story is about are one line in two translations with a third of their words in
# common ("Run away from the world / Go to the end with me", "Run away from necessity": 40 %).
LYRIC_WORDS = 0.33
QUOTED = {"speech": "quote", "lyric": "lyric", "written": "passage"}  # what a quote of each kind is called
_QUOTE_WORDS = re.compile(r"\w+")
_NEVER = datetime.max.replace(tzinfo=timezone.utc)


@dataclass(slots=True)
class Attribute:
    """Everything a claim's aligned sentences say about one measured attribute."""

    agreements: list[tuple[Match, Unit, Unit]] = field(default_factory=list)
    conflicts: list[tuple[Match, Unit, Unit]] = field(default_factory=list)
    updates: list[tuple[Match, Unit, Unit]] = field(default_factory=list)  # (match, earlier, later) in time order


def evidence_of(unit: Unit, value: str | None = None, text: str | None = None) -> Evidence:
    """A sentence as evidence: where it stands, who said it, and the value (and its words) it gives."""
    return Evidence(unit.document, unit.text, value, unit.source, unit.published, unit.start, unit.end, text)


def _counted(documents: dict[str, bool]) -> str:
    """An outlet's documents counted with another's: "syndicated copy", "2 syndicated copies", "2 articles"."""
    copies = all(documents.values())
    if len(documents) == 1:
        return "syndicated copy" if copies else "article"
    return f"{len(documents)} syndicated copies" if copies else f"{len(documents)} articles"


def _independent(units: list[Unit]) -> int:
    return len({u.witness for u in units})


def _witnesses(units: list[Unit]) -> list[str]:
    """Each independent source once, with the documents counted with it: "Meridian Wire (2 articles and Northgate
    Courier's syndicated copy, counted once)"."""
    groups: dict[str, list[Unit]] = {}
    for unit in units:
        groups.setdefault(unit.witness, []).append(unit)
    return [_witness(group) for group in groups.values()]


def _witness(group: list[Unit]) -> str:
    named = next((u.source for u in group if u.copy_of is None), group[0].source)
    articles = len({u.document for u in group if u.source == named})
    others: dict[str, dict[str, bool]] = {}  # another outlet's documents, each with whether it is a copy
    for unit in group:
        if unit.source != named:
            others.setdefault(unit.source, {})[unit.document] = unit.copy_of is not None
    copied = " and ".join(f"{source}'s {_counted(documents)}" for source, documents in others.items())
    if articles > 1:
        return f"{named} ({articles} articles{' and ' + copied if copied else ''}, counted once)"
    return f"{named} (with {copied}, counted once)" if copied else named



def _statement(units: list[Unit]) -> str:
    """The claim in one source's words: the earliest report, the shorter sentence on a tie."""
    return min(units, key=lambda u: (u.published or "9999", len(u.text), u.document)).text


def value_findings(units: list[Unit], scored: list[Pair], common: frozenset[str] = frozenset()) -> tuple[list[Finding], set[int]]:
    """Findings on typed values, and the sentences they cover.

    The values of every directly aligned pair of sentences are matched and compared (in weakly aligned
    pairs, at WEAK_ALIGN, only two times the parse gives one event verb in both); values
    joined by a match form one attribute (a toll reported four times, a date given two ways),
    which gets one verdict: update, conflict or corroborated. `common` are the story's most
    frequent words: sharing only those does not tie two differing values to one attribute.
    """
    parent: dict[int, int] = {}
    where: dict[int, int] = {}  # value id → unit index

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    filed: list[tuple[int, str, tuple]] = []
    away = _away(units)
    for pair in scored:
        if pair.score < FAINT_ALIGN:
            continue
        a, b = units[pair.a], units[pair.b]
        values = match_values(a, b, verbatim=pair.text >= VERBATIM)
        if pair.score < WEAK_ALIGN and not any(_one_event_dated(m, a, b) and m.first.precision == m.second.precision
                                               == CALENDAR or _one_event_named(m, a, b) or _one_game_dated(m, a, b)
                                               for m in values):
            continue
        close = pair.text >= STRONG
        matched = [(match, _classify(match, a, b, common, close, close or pair.values + pair.figures > 0, pair.text))
                   for match in values]
        if pair.score < ALIGN:
            matched = [(match, filing) for match, filing in matched
                       if filing is not None and _one_event_or_deed(match, a, b)]
        if (worded := pair.worded) < ALIGN:  # aligned by meaning more than by words: values may agree, not differ
            matched = [(match, filing) for match, filing in matched if filing is not None and (
                filing[0] == "agreements"
                or (worded >= min(WEAK_ALIGN, pair.score) and _one_event_or_deed(match, a, b)))]
        matched = [(match, None if filing and filing[0] == "conflicts" and _elsewhere(match, away) else filing)
                   for match, filing in matched]
        for match, filing in _without_other_lines(matched, a, b):
            where[id(match.first)], where[id(match.second)] = pair.a, pair.b
            parent[find(id(match.first))] = find(id(match.second))
            filed.append((id(match.first), *filing))
    attributes: dict[int, tuple[str, Attribute]] = {}
    for value_id, kind, entry in filed:
        name, attribute = attributes.setdefault(find(value_id), (entry[0].attribute, Attribute()))
        getattr(attribute, kind).append(entry)
    findings, covered = [], set()
    for name, attribute in attributes.values():
        finding = _attribute_finding(name, attribute)
        if finding is not None:
            findings.append(finding)
            covered |= {i for i, u in enumerate(units) if any(e.document == u.document and e.start == u.start for e in finding.evidence)}
    # Sentences that say the same thing closely contradict each other by naming someone else in one role.
    # Sentences that merely align do so only when one name is the story's odd one out, which no other
    # source uses, and the other a name several sources use: one outlet naming the wrong person; sentences
    # that align weakly (WEAK_ALIGN), only when one names no place, organisation or work the other does not.
    roles: dict[tuple[str, frozenset[str]], list[tuple[RoleConflict, Unit, Unit]]] = {}
    lone, widely = named_by(units)
    unknown = unknown_names(units, lone)
    for pair in scored:
        if pair.worded >= WEAK_ALIGN:
            a, b = units[pair.a], units[pair.b]
            if pair.worded < ALIGN and not (_same_setting(a, b) and (a.keys.keys() | b.keys.keys()) & lone):
                continue  # weakly aligned: only a lone name, in one setting, is looked at (and cheaply ruled out)
            if figures_differ(a, b):
                continue  # "Brennan finished with 16 points", "Kessler finished with 20 points": two people
            for conflict in role_conflicts(a, b, common, unknown):
                names = {conflict.first, conflict.second}
                if conflict.picked and pair.worded < ALIGN:
                    continue  # of several people, the pair in one role: only in sentences that align
                if pair.text < STRONG and not (conflict.kind == "person" and conflict.framed and names & lone
                                               and names & widely):
                    continue
                roles.setdefault((conflict.kind, frozenset((conflict.first, conflict.second))), []).append((conflict, a, b))
                covered |= {pair.a, pair.b}
    findings += [_role_conflict(group) for group in roles.values()]
    return findings, covered


def named_by(units: list[Unit]) -> tuple[set[str], set[str]]:
    """Entity keys only one source names (and under no name another source uses), and keys several sources name."""
    witnesses, names = named_by_witness(units)
    widely = {k for k, w in witnesses.items() if len(w) >= 2}
    # Two names can be one only when they share a word or one is the other's initials: look only there.
    by_word: dict[str, set[str]] = {}
    for key, name in names.items():
        for word in name_words(name):
            by_word.setdefault(word, set()).add(key)
    initialisms = {k for k, name in names.items() if _INITIALISM.fullmatch(name.replace(".", "").strip())}

    def near(key: str) -> Iterable[str]:
        words = name_words(names[key])
        if not words or key in initialisms:
            return witnesses
        return set().union(*(by_word[w] for w in words)) | initialisms

    lone = {
        k for k, w in witnesses.items() if len(w) == 1
        and not any(name_words(names[o]) and could_be_one(names[k], names[o])  # "U.S." names nobody
                    for o in near(k) if o != k and witnesses[o] - w)
    }
    # A name one source spells its own way ("Ansel Varne") is still the name several others write
    # ("Ansel Varn", "Ansel Peter Varn").
    widely |= {
        k for k, w in witnesses.items() if k not in widely and name_words(names[k]) and len(w | {
            witness for o in near(k)
            if name_words(names[o]) != name_words(names[k]) and same_person_written(names[k], names[o])
            for witness in witnesses[o]}) >= 2
    }
    return lone, widely


_INITIALISM = re.compile(r"[A-Z]{2,6}")


_PERSONAL_NAME = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*(?: [A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*){0,2}")


def unknown_names(units: list[Unit], lone: set[str]) -> frozenset[str]:
    """Names one source gives that the tagger took for a place or an organisation but that may be a
    person's: written like a personal name ("Ferreira", "Dana Tremblay") and no place the gazetteer knows."""
    return frozenset(
        key for unit in units for key, kind in unit.keys.items()
        if key in lone and kind in ("place", "org") and _PERSONAL_NAME.fullmatch(name := unit.names.get(key, key))
        and not known_place(name)
    )


def _without_other_lines(matched: list[tuple[Match, tuple | None]], a: Unit, b: Unit) -> list[tuple[Match, tuple]]:
    """The filed matches of two sentences, less their figures' conflicts when the figures differ throughout:
    two lines of figures with nothing in common ("caught 14 passes for 166 yards", "caught 21 passes for
    248 yards"; "31 points and 12 rebounds", "19 points and seven rebounds") describe two things (other
    players, other games), not one thing two ways."""
    filed = [(match, filing) for match, filing in matched if filing is not None]
    if _other_lines([match for match, _ in matched], a, b):
        return [(m, f) for m, f in filed if family(m.first) == "time" or f[0] != "conflicts"]
    return filed


def _other_lines(matches: list[Match], a: Unit, b: Unit) -> bool:
    """Whether two sentences' figures differ on two or more things and agree, in words they share, on none.

    Things are the matched figures and the nouns both sentences count, matched or not: "nine rebounds" is
    held against "16 rebounds" here even with no word around it to match it by."""
    differing, agreeing = set(), False
    for match in matches:
        if family(match.first) != "time":
            if match.comparison.relation == "conflict":
                differing.add(counted(match.first) or match.attribute)
            agreeing |= match.anchored and match.comparison.relation in AGREEING
    by_noun: dict[str, list[tuple]] = {}
    for x, y, comparison in same_counts(a, b):
        by_noun.setdefault(counted(x), []).append((comparison, x.anchors & y.anchors))
    for noun, relations in by_noun.items():
        if all(c is not None and c.relation == "conflict" for c, _ in relations):
            differing.add(noun)
        agreeing |= any(c is not None and c.relation in AGREEING and shared for c, shared in relations)
    return len(differing) >= 2 and not agreeing


def _attribute_finding(name: str, attribute: Attribute) -> Finding | None:
    if attribute.updates:
        return _update(name, attribute)
    if attribute.conflicts:
        return _conflict(name, attribute)
    if len({u.witness for _, a, b in attribute.agreements for u in (a, b)}) >= 2:
        agreeing = [unit for unit, _ in _values_by_document(attribute.agreements)]
        return _corroborated(agreeing, attribute.agreements)
    return None


def claim_findings(claim: list[Unit], covered: bool) -> list[Finding]:
    """The verdict on a claim as a whole: a quote variant, corroborated, or single_source.

    A claim whose sentences already have findings on their values gets only a variant, if any.
    """
    variant = _variant(claim)
    if covered:
        return [variant] if variant else []
    if variant:
        return [variant]
    if _independent(claim) >= 2:
        return [_corroborated(claim, [])]
    if any(u.checkable for u in claim):
        return [_single_source(claim)]
    return []


def _classify(match: Match, a: Unit, b: Unit, common: frozenset[str], strong: bool = False,
              backed: bool = False, text: float = 0.0) -> tuple[str, tuple] | None:
    """File a matched pair of values as an agreement, a conflict or an update (or neither)."""
    if family(match.first) != "time" and different_events(match.first, match.second, a, b):
        return None
    earlier, later = (a, b) if a.reported_before(b) else (b, a) if b.reported_before(a) else (None, None)
    differs = match.comparison.direction is not None
    if differs and earlier is not None and is_update(match, earlier, later):
        first, second = (match.first, match.second) if earlier is a else (match.second, match.first)
        return "updates", (Match(first, second, match.comparison, match.attribute, match.anchored), earlier, later)
    if match.comparison.relation in AGREEING:
        return "agreements", (match, a, b)
    if match.comparison.relation == "conflict" and not _time_stated_too(match, a, b) and _same_attribute(
            match, a, b, common, strong, backed, text):
        return "conflicts", (match, a, b)
    return None


def _counts_agreeing(a: Unit, b: Unit) -> int:
    """How many counted nouns two sentences give the same count of ("142 yards", "two scores")."""
    return len(counted_alike(a, b))


def _away(units: list[Unit]) -> frozenset[str]:
    """The story's places in no country its places named by two or more sources lie in: "eastern China" in a
    story of a quake in Iran."""
    witnesses, names = named_by_witness(units, frozenset({"place"}))
    codes = {key: countries(name) for key, name in names.items()}
    home = frozenset().union(*(codes[key] for key, named in witnesses.items() if len(named) >= 2))
    return frozenset(key for key, found in codes.items() if home and found and not found & home)


def _elsewhere(match: Match, away: frozenset[str]) -> bool:
    """Whether one of two values is stated of a place away from the story's, which the other does not name: a
    quake in China that killed more than a dozen is not the Iranian quake that killed ten."""
    first, second = match.first.places, match.second.places
    return bool((first | second) & away) and not first & second


_LAST_WEEK = re.compile(r"\blast\s+(?:" + "|".join(WEEKDAYS) + r")\b", re.I)


def of_last_week(value: Value) -> bool:
    """Whether a day of the week is written as last week's ("last Thursday")."""
    return value.precision == WEEKDAY and bool(_LAST_WEEK.search(value.text))


def _same_setting(a: Unit, b: Unit) -> bool:
    """Whether one sentence names nothing but people that the other does not: its places, organisations and
    works are all the other's too ("nominated Carla J. Benton as director of the National Seed
    Archive" and "nominated Dr. Ruth Cole to be chief health officer" are two nominations)."""
    mine = {k for k, kind in a.keys.items() if kind != "person"}
    theirs = {k for k, kind in b.keys.items() if kind != "person"}
    return mine <= theirs or theirs <= mine


def _one_deed_measured(match: Match, a: Unit, b: Unit) -> bool:
    """Whether two figures measure one person's one deed: the parse makes one person the subject of one event verb in
    both sentences, and each figure stands by that verb ("Rowan Hale, 32, slid about 2,100 feet while skiing",
    "Englishman Rowan Hale slid about 400m while skiing"), however differently the rest is worded."""
    if family(match.first) == "time":
        return False
    verbs = {verb_stem(word) for word in match.first.anchors} & {verb_stem(word) for word in match.second.anchors}
    return any(
        x.role == y.role == "subject" and x.kind == y.kind == "person" and x.stem == y.stem and x.stem in verbs
        and x.stem not in NOT_EVENTS and could_be_one(x.text, y.text)
        for x in a.arguments for y in b.arguments
    )


def _one_event_dated(match: Match, a: Unit, b: Unit) -> bool:
    """Whether two matched times differ as the time the parse gives one event verb in both sentences."""
    return (match.comparison.relation == "conflict" and family(match.first) == "time"
            and bool((dated_verbs(a, match.first) & dated_verbs(b, match.second)) - NOT_EVENTS))


def _one_event_or_deed(match: Match, a: Unit, b: Unit) -> bool:
    """Whether two differing values of weakly aligned sentences are the time of one event, told by its verb or its noun,
    or one deed's measure: what such sentences are compared for."""
    return (_one_event_dated(match, a, b) or _one_event_named(match, a, b) or _one_game_dated(match, a, b)
            or _one_deed_measured(match, a, b))


def _one_game_dated(match: Match, a: Unit, b: Unit) -> bool:
    """Whether two matched times differ as the day of one game, each the day of one final score both sentences give
    (`one_game_day`): "after the Gulls outlasted the Hawks 51-50 Friday", "the Gulls, who beat the Hawks 51-50 on
    Monday"."""
    return (match.comparison.relation == "conflict" and family(match.first) == "time"
            and one_game_day(a, match.first, b, match.second))


def _one_event_named(match: Match, a: Unit, b: Unit) -> bool:
    """Whether two matched times differ as the time of one event that one sentence, or both, tells by its noun: "since
    the abduction of a young nurse in Ashby Sunday night" and "the abduction of Mira Solen, 24, on Thursday"
    (`dated_noun`), or "Mira Solen was abducted on Thursday"."""
    if match.comparison.relation != "conflict" or family(match.first) != "time":
        return False
    nouns = _noun_dated(a, match.first), _noun_dated(b, match.second)
    return bool(((nouns[0] & (nouns[1] | dated_verbs(b, match.second)))
                 | (nouns[1] & dated_verbs(a, match.first))) - NOT_EVENTS)


def _noun_dated(unit: Unit, value: Value) -> set[str]:
    """The verb stems of the event nouns a time dates, as a set: the noun whose phrase it closes ("the arrest of Dana
    Pell on Monday") and the one it is followed by after "during" or "at" ("said Monday during his arraignment")."""
    at, end = value.start - unit.start, value.end - unit.start
    verbs = {dated_noun(unit.text[max(0, at - NOUN_REACH) : at]), noun_dated_after(unit.text[end : end + NOUN_REACH])}
    return verbs - {None}


def _time_stated_too(match: Match, a: Unit, b: Unit) -> bool:
    """Whether either sentence also states the other's time, elsewhere in it: "a 2004 conviction" is not
    contradicted by "between 1999 and 2004 ... until he went back to jail in May 2006"; nor is "Sunday" by
    "on Monday, as the toll from the quake a day before rose". (Figures are left out: a hedged figure agrees
    with too much.)"""
    def states(unit: Unit, value: Value) -> bool:
        return any(
            other is not match.first and other is not match.second and family(other) == "time"
            and (comparison := compare_values(value, other)) is not None and comparison.relation in AGREEING
            for other in unit.values
        )

    return family(match.first) == "time" and (
        states(b, match.first) or states(a, match.second)
        or _day_apart(b, match.second, match.first) or _day_apart(a, match.first, match.second))


_DAY_APART = re.compile(r"\b(?:(?:a|one|the)\s+day\s+(?P<before>before|earlier)|the\s+(?P<previous>previous|prior)\s+day|"
                        r"(?:a|one|the)\s+day\s+(?:after|later)|the\s+(?:next|following)\s+day)\b", re.I)


def _day_apart(unit: Unit, day: Value, other: Value) -> bool:
    """Whether a sentence that gives `day` (a day of the week) puts something else a day before or after it,
    on the other sentence's day: "the sixth aftershock shook the island on Monday, as the toll from the quake a
    day before rose" states Sunday for the quake too."""
    if WEEKDAY not in (day.precision, other.precision) or not (found := _DAY_APART.search(unit.text)):
        return False
    first, second = weekday_of(day), weekday_of(other)
    if first is None or second is None:
        return False
    step = -1 if found.group("before") or found.group("previous") else 1
    return (first + step) % 7 == second


def _same_attribute(match: Match, a: Unit, b: Unit, common: frozenset[str], strong: bool = False,
                    backed: bool = False, text: float = 0.0) -> bool:
    """Whether two differing values measure the same thing: the distinctive words around them (`common` ones left
    out) and whether each is its sentence's only value of its family weigh for times (`_same_time`) and figures
    (`_same_figure`), with `strong` (the sentences say the same otherwise), `backed` (they agree on another value)
    and `text` (the two sentences' similarity)."""
    shared = len((match.first.anchors & match.second.anchors) - common)
    alone = sum(family(v) == family(match.first) for v in a.values) == 1 == sum(family(v) == family(match.second) for v in b.values)
    if family(match.first) == "time":
        return _same_time(match, a, b, shared=shared, alone=alone, strong=strong, backed=backed, text=text)
    return _same_figure(match, a, b, shared=shared, alone=alone, strong=strong, backed=backed)


def _same_time(match: Match, a: Unit, b: Unit, *, shared: int, alone: bool, strong: bool, backed: bool,
               text: float) -> bool:
    """Whether two differing times date the same thing.

    Times need two distinctive words in common around them (`shared`), or one when each is its sentence's only
    time (`alone`), or none when the sentences say the same otherwise (`strong`) and each has one time; a bare year
    needs two, or the parse making it the time of one event verb in both sentences, and is never one attribute with
    a year that dates another event verb its own sentence also names. One sentence told twice (`text`, the two
    sentences' similarity, at VERBATIM) compares its times whatever else, a bound after the same words included; two
    weekdays need the rules of `_same_weekday`; a month with no year needs two words.
    """
    if (_names_a_thing(a, match.first) or _names_a_thing(b, match.second)) and text < VERBATIM:
        # "Monday's quake" and "Thursday's quake" are two quakes, not two dates for one; "Sunday's AFC
        # divisional playoff game" and "Wednesday's divisional playoff game", in sentences that say the same
        # otherwise, are one game.
        return (strong and match.first.label and match.second.label
                and not (of_last_week(match.first) or of_last_week(match.second))
                and len(match.first.labelled & match.second.labelled) >= LABELLED_ALIKE)
    dated = dated_verbs(a, match.first), dated_verbs(b, match.second)
    either = dated[0] | dated[1]
    if _report_day(a, match.first) and _report_day(b, match.second) and either & REPORTING and either <= REPORTING:
        return False  # "announced today (14 October 2011)", "announced today (20 October 2011)": each report
        # tells what was announced on its own day, as a later statement revises an earlier one
    if (_bound_of_its_own(a, match.first) or _bound_of_its_own(b, match.second)) and not (
            text >= VERBATIM and same_place(match.first, match.second)):
        return False  # "must leave by Sunday noon" gives the latest time, not the time; one
        # bound told twice ("the fifth operation since January", "… since September") is still one bound
    places_apart = match.first.places and match.second.places and not match.first.places & match.second.places
    if text >= VERBATIM and (shared or same_place(match.first, match.second)) and not places_apart and min(len(a.words), len(b.words)) >= VERBATIM_WORDS:
        return True  # one sentence told twice, its day changed: "In Saturday's semifinals, Harbor City will play ..."
    if WEEKDAY in (match.first.precision, match.second.precision):
        return _same_weekday(match, a, b, shared=shared, alone=alone, strong=strong, backed=backed, text=text,
                             places_apart=places_apart)
    if "year" in (match.first.precision, match.second.precision):
        # A bare year is background more often than the claim's date, unless it dates one event both tell;
        # never when each dates another event and one sentence names the other's too ("cleared in 1983 of
        # the fraud charges", "charged in 1981"): two steps of one case.
        dated = dated[0] - NOT_EVENTS, dated[1] - NOT_EVENTS
        if dated[0] and dated[1] and not dated[0] & dated[1] and (dated[1] & _stems(a) or dated[0] & _stems(b)):
            return False
        verbs = dated[0] & dated[1]
        # Each sentence's one time, after the same two words of sentences that say the same otherwise ("Dana
        # Whitfield to host 2014 Lanterns", "… picked to host 2011 Lanterns"): one year told two ways.
        placed = strong and alone and same_place(match.first, match.second)
        return not places_apart and (shared >= 2 or placed or (bool(verbs) and (shared == 1 or strong)))
    if one_day_of_the_year(match.first, match.second):
        # "December 15, 2013" and "December 15, 2010": one day of the year told with two years is one date
        # misstated far more often than two events falling on it.
        return not places_apart
    if any(v.precision == CALENDAR and len(v.value) == len("--MM") for v in (match.first, match.second)):
        # A month with no year, in an undated report ("begin filming in August"): too loose to date the
        # claim unless the words around it say what it dates, or one word does in sentences agreeing on another
        # value where it is each one's only time ("stabbed a neighbour in January", "the stabbing
        # of a neighbour in March 2014").
        # Or a month that dates one deed done by or to one person in both ("killed Dana Pell last September").
        return not places_apart and (shared >= 2 or (shared == 1 and alone and backed)
                                     or one_party_dated(a, match.first, b, match.second))
    return not places_apart and (shared >= 2 or (alone and (shared == 1 or strong)))


_WITHIN = re.compile(r"\b(?:in|during)\s+$", re.I)


def _names_a_thing(unit: Unit, value: Value) -> bool:
    """Whether a possessive day names a thing rather than dates what its sentence tells: "Monday's quake", "move on
    to Saturday's semifinals". A possessive day after "in" or "during" sets the sentence's deed within the thing it
    names, on that day: "broke the scoring record in Sunday's game" broke it on Sunday."""
    return value.label and not _WITHIN.search(unit.text, 0, value.start - unit.start)


def _same_weekday(match: Match, a: Unit, b: Unit, *, shared: int, alone: bool, strong: bool, backed: bool,
                  text: float, places_apart: bool) -> bool:
    """Whether two differing times, one of them a weekday, date the same thing (a day of last week and a plain one
    never do)."""
    if of_last_week(match.first) != of_last_week(match.second):
        return False  # "tweaked his knee last Thursday", "placed on injured reserve Wednesday": two weeks
    # A story runs over several days of the week (the crime, the arrest, the statement): two weekdays
    # are one attribute only as the time of one verb, or of two sentences that say the same otherwise.
    verbs = _time_told(a, match.first), _time_told(b, match.second)
    # An event told by its noun ("since the abduction of Mira Solen on Thursday") is dated as its verb would be.
    told = verbs[0] | _noun_dated(a, match.first), verbs[1] | _noun_dated(b, match.second)
    if both_date := (told[0] & told[1]) - NOT_EVENTS:
        return not _done_to_others(a, b, both_date)
    if (verbs[0] | verbs[1]) & NOT_EVENTS:
        # The day something was said, not the day it happened; unless the two sentences say the
        # same thing and date the same saying ("officials said Saturday" / "officials said Tuesday"),
        # or both date a saying and agree on a figure ("two men were arrested, police said Saturday").
        said = bool(verbs[0] & REPORTING and verbs[1] & REPORTING)
        same_saying = bool(verbs[0] & verbs[1]) and strong
        return alone and not places_apart and (same_saying or (said and (strong or backed)))
    if _done_to_others(a, b, _event_verbs(a) & _event_verbs(b)):
        return False  # "placed Owen Pratt on IR on Tuesday", "placed Tom Burke on IR Wednesday"
    if places_apart:
        return False
    # A final score both sentences give beside their days tells one game ("beat the Hawks 27-20 on Sunday night",
    # "overcame the Hawks 27-20 on Thursday"): its day, told two ways. Beside other days, the day nearest the score
    # is the game's ("will meet the Larks Saturday after the Larks outlasted the Hawks 51 - 50 Friday").
    if (alone and one_game(a, match.first, b, match.second)) or one_game_day(a, match.first, b, match.second):
        return True
    # A verb one sentence dates and the other names undated ("a shooting killed two on Friday", "was
    # charged Saturday in the shooting that killed two"): maybe another step of the story; surely so
    # when each sentence names the verb the other dates.
    steps = (verbs[0] - verbs[1]) & _stems(b), (verbs[1] - verbs[0]) & _stems(a)
    if shared >= 2 or (strong and alone and not (verbs[0] or verbs[1])):
        return not (steps[0] and steps[1])
    if strong and alone and (_dates_all_it_tells(a, match.first, verbs[0], verbs[1])
                             or _dates_all_it_tells(b, match.second, verbs[1], verbs[0])):
        return True
    # A day dating one verb dates the verb "and" joins to it next ("tied up two guards on Monday
    # night and then fled"): against another day of that verb, in sentences tied as below, one event.
    if alone and (strong or (backed and text >= WORDED)) and (
            (not steps[1] and _dates_what_follows(b, match.second, verbs[0] - verbs[1]))
            or (not steps[0] and _dates_what_follows(a, match.first, verbs[1] - verbs[0]))):
        return True
    # A day followed by a clause of "when" dates what that clause tells too ("saw closures Monday when two
    # river bridges were flooded"): against another day of that verb, in sentences tied as above, one event.
    if alone and (strong or (backed and text >= WORDED)) and (
            (not steps[1] and _dates_its_when_clause(b, match.second, verbs[0] - verbs[1]))
            or (not steps[0] and _dates_its_when_clause(a, match.first, verbs[1] - verbs[0]))):
        return True
    # Each sentence's one weekday, in sentences that share words and a figure ("Four workers died when
    # a Dunmore mill caught fire Wednesday", "Four workers were killed when a boiler blew
    # apart at the mill on Saturday"): one event told with two verbs.
    # Two figures of one thing agreeing ("142 yards and two scores") tie them as well as words.
    tied = strong or (backed and text >= WORDED) or _counts_agreeing(a, b) >= 2
    # A day naming the thing its sentence tells of ("arrested hours after the Friday night raid") dates no verb,
    # so no word stands by it: in sentences tied as above, where neither day dates a verb, it is the day of the
    # event the other sentence tells ("robbed the store on Monday and took watches worth 40,000 euros").
    if alone and tied and not (verbs[0] or verbs[1]) and (
            _day_of_a_noun(a, match.first) or _day_of_a_noun(b, match.second)):
        return True
    return alone and shared >= 1 and tied and not (steps[0] or steps[1])


def _bound_of_its_own(unit: Unit, value: Value) -> bool:
    """Whether a time is written as a bound (`written_as_bound`) of no thing it names: "after the Friday night raid"
    bounds the deed by the raid, and the day is the raid's."""
    return written_as_bound(unit, value) and not _day_of_a_noun(unit, value)


_DAY_OF_A_NOUN = re.compile(r"\s+(?P<noun>[a-z][a-z-]+)\b")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_NOT_NOUNS = LITTLE_WORDS | frozenset("when after before following prior".split())


def _day_of_a_noun(unit: Unit, value: Value) -> bool:
    """Whether a weekday, after "the", is written before a noun it names as a thing of that day ("the Friday night
    raid", "the Monday fire"): the day of the thing, not of a verb."""
    at, end = value.start - unit.start, value.end - unit.start
    found = _DAY_OF_A_NOUN.match(unit.text, end)
    return (value.precision == WEEKDAY and found is not None and found.group("noun") not in _NOT_NOUNS
            and bool(_THE_BEFORE.search(unit.text, 0, at)))


def _same_figure(match: Match, a: Unit, b: Unit, *, shared: int, alone: bool, strong: bool, backed: bool) -> bool:
    """Whether two differing figures measure the same thing.

    Figures need two distinctive words in common (`shared`), or one when the sentences say the same otherwise or
    agree on another value (`backed`: the same quake's time and depth, a differing population of its town), or the
    same counted noun when each is its sentence's only figure in sentences that say the same otherwise, or when each
    is its sentence's only count of that noun in one person's line of figures that agrees on another noun; figures
    more than ten times apart never measure one thing; a figure converted in brackets is compared through its
    conversion.
    """
    if _orders_apart(match.first, match.second):
        return False  # "23 points" in a game and "2,116 points" in a career: two measures, not one misreported
    if _part_word(a, match.first) != _part_word(b, match.second):
        return False  # "his first 12 carries" and "25 of 31 carries"; "needed nine points" and "scored 20 points"
    if _elapsed(a, match.first) or _elapsed(b, match.second):
        return False  # "reopened after three days of strikes", "quiet Monday after six days of strikes": two moments
    if _period(a, match.first) != _period(b, match.second):
        return False  # "seven points in the first half" and "14 points" in the game; "40 jabs during the round"
    if (_from_a_place(a, match.first) and _from_a_place(b, match.second)
            and not (_locates(a, match.first, b) or _locates(b, match.second, a))):
        # "The depot is about 12 miles east of Amberford", "a hiker 40 miles east of Amberford": the
        # direction and the place say where each is measured from; what each locates must be one thing.
        return False
    # The place or the person a figure's clause names says whose figure it is, as a distinctive word would.
    shared += len(match.first.places & match.second.places)
    shared += any(could_be_one(x, y) for x in match.first.people for y in match.second.people)
    shared += _one_deed_measured(match, a, b)  # one person's one deed: whose figure it is and what it measures
    if converted_alike(match.first, match.second):
        # One sum, stated alike in its own currency: conversions a few per cent apart are exchange rates of
        # different days; further apart, one source misstates the sum.
        return _ratio(match.first, match.second) > EXCHANGE_DRIFT
    if shared >= FIGURE_WORDS or (shared and backed):
        return True
    # One sum told twice: each sentence's only sum in its currency, beside two words both write, in sentences that
    # agree on another value or are tied by the sum itself (`backed`). The words may be the story's most common:
    # a story's main sum is told in its most common words ("masked raiders took watches worth …").
    if backed and match.first.kind == "money" and only_sum(a, match.first) and only_sum(b, match.second):
        alike = len(match.first.anchors & match.second.anchors)
        # One word does when the sentences are about one person alone and name the same organisations: whose sum
        # it is is one ("took watches valued at … from jeweller Anton Varnell", "seized … worth of watches from Anton
        # Varnell's shop"); two bidders' offers to one person are two sums.
        if alike >= FIGURE_WORDS or (alike and _one_persons(a, b) and _organisations(a) == _organisations(b)):
            return True
    # A counted noun says what a figure measures; a currency or a unit of time does not ("$3 million
    # upfront" and "$459 million at the box office" are two figures).
    one_noun = (match.first.kind == "count" and counted(match.first) is not None
                and counted(match.first) == counted(match.second))
    # One person's line of figures told twice, one figure of it changed: "Walsh ran for 142 yards and two
    # scores", "Walsh carried 25 times for 142 yards and 5 scores" (each sentence's one count of
    # the noun, another noun counted alike).
    line = (one_noun and backed and only_of_noun(a, match.first) and only_of_noun(b, match.second)
            and _counts_agreeing(a, b) >= 1 and _one_persons(a, b))
    # One person's figure on one day, or in one game: each sentence's only figure, of one counted noun, the same
    # person's in both, in sentences that give the same day ("Paul Kessler scored 20 points … on Thursday night",
    # "Kessler passed Orpe … while posting 43 points … on Thursday night") or the same final score ("Rafe Ondrej
    # rushed for 112 yards as the Pelicans held off the Miners 24-17", "Ondrej's 240 yards and the 24-17 result").
    owned = (one_noun and alone and (_same_day(a, b) or one_final_score(a, b))
             and any(could_be_one(x, y) for x in whose(a, match.first) for y in whose(b, match.second)))
    return (strong and alone and one_noun) or line or owned


_POINTS = r"(?:north|south)(?:\s*-?\s*(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?"
# A distance written from a place: "12 miles east of Amberford", "40km (25 miles) north - west of Port Tallis".
_FROM_PLACE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:" + _POINTS + r")\s+of|(?:away\s+)?from)\b", re.I)
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "northern", "southern", "eastern", "western", "away"})


def _from_a_place(unit: Unit, value: Value) -> bool:
    """Whether a length is a distance from a place: "12 miles east of Amberford"."""
    return dimension(value) == "length" and bool(_FROM_PLACE.match(unit.text, value.end - unit.start))


def _locates(unit: Unit, value: Value, other: Unit) -> bool:
    """Whether what a distance from a place locates (the words around it, less its direction) is written in the other
    sentence too: "the quake struck 40 miles east of Port Tallis" and "its centre lay … 22
    miles east of Port Tallis" locate one quake."""
    return bool((value.anchors - _DIRECTIONS) & set(other.words))


def _same_day(a: Unit, b: Unit) -> bool:
    """Whether two sentences each give one time and the two are equal ("Thursday night", "Thursday night")."""
    times = [v for v in a.values if family(v) == "time"], [v for v in b.values if family(v) == "time"]
    if len(times[0]) != 1 or len(times[1]) != 1:
        return False
    comparison = compare_values(times[0][0], times[1][0])
    return comparison is not None and comparison.relation == "equal"


_AFTER = re.compile(r"\bafter\s+$", re.I)
_OF = re.compile(r"\s+of\b", re.I)


def _elapsed(unit: Unit, value: Value) -> bool:
    """Whether a length of time is the time something had gone on when what the sentence tells happened: "after four
    days of riots". Each sentence counts to its own moment, so two such lengths differ as the moments do."""
    at, end = value.start - unit.start, value.end - unit.start
    return (value.kind == "duration" and bool(_AFTER.search(unit.text[max(0, at - 8):at]))
            and bool(_OF.match(unit.text, end)))


def _organisations(unit: Unit) -> set[str]:
    """The keys of the organisations a sentence names."""
    return {key for key, kind in unit.keys.items() if kind == "org"}


def _one_persons(a: Unit, b: Unit) -> bool:
    """Whether two sentences are about one person alone: every person either names may be that one, and both
    write the surname (a name the tagger missed in one is still written there)."""
    named = [u.names.get(k, k) for u in (a, b) for k, kind in u.keys.items() if kind == "person"]
    return bool(named) and all(could_be_one(named[0], other) for other in named) and all(
        surname_written(named[0], u.text) for u in (a, b))


# Words before a figure ("his first 12 carries") and within it ("the two other victims") that make it a part.
_PART = re.compile(r"\b(first|last|final|opening|closing|another|additional|extra|further|need|needs|needed|needing)"
                   r"\W+(?:(?:just|only|his|her|its|their|the|a|about|nearly|some)\W+)*$", re.I)
_SHARE = re.compile(r"\b(?:share|portion|part|slice|contribution)\s+of\s+(?:the\s+|its\s+|their\s+)?[\w'’-]+"
                    r"[\s,:—–-]*$", re.I)
# A figure after another and "of" is the whole the first is part of: "missing 10 of the Gulls' 16 games".
_WHOLE = re.compile(r"\b\d{1,3}(?:[,.]\d+)*\s+of\s+(?:(?:the|its|their|his|her|[\w.-]+['’]s?)\s+){0,2}$", re.I)
_MORE = frozenset({"another", "additional", "extra", "further"})  # "another 20,000 people", "a further 34,000"
_OTHER = re.compile(r"\b(other|more)\b(?!\s+than)", re.I)
# A part of a game or a fight named after "in", "during" or "over": "in the first half", "during the deciding run".
_PERIOD = re.compile(r"\b(?:in|during|over)\s+((?:the|an?|that|those|this|its|his|her|their)\s+(?:[\w'’-]+\s+){0,4}?"
                     r"(?:half|halves|quarter|period|round|rounds|inning|innings|frame|lap|laps|run))\b", re.I)
_BOUND_BEFORE = re.compile(r"\b(?:by|until|till|before|since|after)\s+(?:at\s+least\s+)?(?:the\s+)?(?:(?:early|late)\s+)?$",
                           re.I)
_DETERMINERS = frozenset("the a an that those this its his her their s".split())
PERIOD_REACH = 60  # characters between a figure and the period it is counted over
# A market figure at the close of trading: "closed down 2.7 percent", "ended the day 2% higher", "finished at".
_CLOSE = re.compile(r"\b(?:closed|closing|ended(?:\s+the\s+day)?|finished)(?:\s+(?:up|down|higher|lower|at|off))?\s+$", re.I)
CLOSE_REACH = 32  # characters between those words and the figure


def _part_word(unit: Unit, value: Value) -> str | None:
    """The word that makes a figure a part of a whole, or a target, rather than the whole: "his first
    12 carries", "another 300 homes", "needed just nine points", "the two other victims", "the city's share
    of the grant, 4 million pounds"; or the whole, after a part: "10 of the Gulls' 16 games"."""
    before = unit.text[max(0, value.start - unit.start - 40) : value.start - unit.start]
    if _SHARE.search(before):
        return "share"
    if _WHOLE.search(before):
        return "whole"
    found = _PART.search(before[-32:])
    if found:
        word = found.group(1).casefold()
        return "another" if word in _MORE else word.rstrip("s").removesuffix("ed").removesuffix("ing")
    found = _OTHER.search(value.text)
    return found.group(1).casefold() if found else None


_CLAUSE_BEFORE = re.compile(r"\b(?:after|before|following|since|until|when|while)\b", re.I)


def one_day_of_the_year(a: Value, b: Value) -> bool:
    """Whether two dates give one day and month in two different years."""
    return a.precision == b.precision == "day" and a.value[4:] == b.value[4:] and a.value[:4] != b.value[:4]


def _dates_all_it_tells(unit: Unit, value: Value, dated: set[str], other: set[str]) -> bool:
    """Whether a sentence's day, which dates no verb the parse finds (`dated` is empty), dates all the sentence
    tells, the verbs the other sentence's day dates (`other`) among them: "Theo Marchetti ran for 118 yards, and
    his score late in the last quarter Wednesday gave the Gulls a win" against "Marchetti ran for 118 yards
    Sunday". Not
    a day after a word that opens another step of the story."""
    return not dated and bool(other) and other <= _stems(unit) and not _after_clause(unit, value)


_FOLLOWING = re.compile(r"\band\s+(?:then\s+|later\s+)?(?P<verb>\w+)")


def _dates_what_follows(unit: Unit, value: Value, other: set[str]) -> bool:
    """Whether a sentence's day also dates the verb "and" joins next after it, one the other sentence's day dates
    (`other`): "tied up two guards on Monday night and then fled" dates the flight as well as
    the tying-up. Not a day after a word that opens another step of the story, nor a verb after a comma or
    such a word ("…, and a week later escaped", "… after which he escaped")."""
    other = other - NOT_EVENTS
    if not other or _after_clause(unit, value):
        return False
    rest = unit.text[value.end - unit.start:]
    found = _FOLLOWING.search(rest)
    return (found is not None and verb_stem(found.group("verb").casefold()) in other
            and not _CLAUSE_BEFORE.search(rest, 0, found.start()) and "," not in rest[:found.start()])


_WHEN_CLAUSE = re.compile(r"\W{0,3}when\s+(?P<clause>[^,;:.]+)", re.I)


def _dates_its_when_clause(unit: Unit, value: Value, other: set[str]) -> bool:
    """Whether a sentence's day is followed at once by a clause of "when" naming a verb the other sentence's day
    dates (`other`): "saw closures Monday when two river bridges were flooded" dates the flooding as well
    as the closures. Not a day after a word that opens another step of the story."""
    other = other - NOT_EVENTS
    if not other or _after_clause(unit, value):
        return False
    found = _WHEN_CLAUSE.match(unit.text, value.end - unit.start)
    return found is not None and any(verb_stem(word) in other for word in _QUOTE_WORDS.findall(found.group("clause").casefold()))


def _after_clause(unit: Unit, value: Value) -> bool:
    """Whether a time comes after a word that opens another step of the story: "charged … after a stabbing
    at a street fair Friday" dates the stabbing, not the charge."""
    return bool(_CLAUSE_BEFORE.search(unit.text, 0, value.start - unit.start))


def written_as_bound(unit: Unit, value: Value) -> bool:
    """Whether a time is written as a bound, the latest or the earliest it may be, not as the time itself:
    "by Saturday evening", "until Monday", "until at least Monday", "since 2009"."""
    at = value.start - unit.start
    return bool(_BOUND_BEFORE.search(unit.text, max(0, at - 24), at))


def _period(unit: Unit, value: Value) -> str | None:
    """The part of an event a figure is counted over, when its sentence names one near it or opens with it:
    "scored seven points in the first half", "40 jabs thrown during the round", "During the deciding run,
    he blocked two shots". Figures over different parts, or over a part and the whole, are two figures."""
    at = value.start - unit.start
    for found in _PERIOD.finditer(unit.text):
        if found.start() <= at < found.end():
            continue  # the figure names the period itself: "in the 11th round"
        gap = at - found.end() if found.end() <= at else found.start() - at
        if gap <= PERIOD_REACH or found.start() == 0:
            words = [w.casefold() for w in _QUOTE_WORDS.findall(found.group(1))]
            return " ".join(w for w in words if w not in _DETERMINERS)
    if _CLOSE.search(unit.text, max(0, at - CLOSE_REACH), at):
        return "close"  # "stocks closed down 2.7 percent": the day's close, not its fall at the worst
    return None


def _ratio(first: Value, second: Value) -> float:
    """How many times the larger of two figures is the smaller (1 when either cannot be read or is zero)."""
    try:
        a, b = abs(parse_quantity(first.value).number), abs(parse_quantity(second.value).number)
    except ValueError:
        return 1.0
    return max(a, b) / min(a, b) if min(a, b) > 0 and math.isfinite(max(a, b)) else 1.0


def _orders_apart(first: Value, second: Value) -> bool:
    """Whether two figures lie more than ten times apart."""
    return _ratio(first, second) > ORDER_OF_MAGNITUDE


def _done_to_others(a: Unit, b: Unit, stems: set[str]) -> bool:
    """Whether the two sentences name different people in one role of every verb they both date: the day
    one player was placed on injured reserve and the day another was are two events."""
    def people(unit: Unit, stem: str, role: str) -> list[str]:
        return [x.text for x in unit.arguments if x.stem == stem and x.role == role and x.kind == "person"]

    def apart(stem: str) -> bool:
        return any(
            (first := people(a, stem, role)) and (second := people(b, stem, role))
            and not any(could_be_one(x, y) for x in first for y in second)
            for role in ("subject", "object")
        )

    return bool(stems) and all(apart(stem) for stem in stems)


def _event_verbs(unit: Unit) -> set[str]:
    """The stems of the event verbs a sentence names someone the subject or object of."""
    return {x.stem for x in unit.arguments if x.kind == "person" and x.role in ("subject", "object")} - NOT_EVENTS


def _stems(unit: Unit) -> set[str]:
    """The verb stems of every word of a sentence: "charges" and "charged" meet in "charg"."""
    return {verb_stem(word) for word in _QUOTE_WORDS.findall(unit.text.casefold())}


_TODAY = re.compile(r"\b(?:today|tonight|yesterday)\s*[(\[,–—-]?\s*$", re.I)


def _report_day(unit: Unit, value: Value) -> bool:
    """Whether a time is the report's own day: "today", or the date that glosses it ("today (14 October 2011)")."""
    if value.text.casefold() in {"today", "tonight", "yesterday"}:
        return True
    return bool(_TODAY.search(unit.text[max(0, value.start - unit.start - 16) : value.start - unit.start]))


# What closes a sentence with whoever told it, after the comma that ends what they told: ", officials and state
# media said.", ", the Press Democrat reported."
_ATTRIBUTION = re.compile(r"[^,;]{0,40}?,\s*(?:[\w.'’&-]+\s+){1,8}?(?P<verb>said|says|reported|reports|told|"
                          r"announced|stated|confirmed|added)\b[^,;]{0,60}$", re.I)


def _time_told(unit: Unit, value: Value) -> set[str]:
    """The stems of the verbs a time dates, less a closing attribution's verb the parse hangs it on when it is
    written before that attribution: "an earthquake razed villages Wednesday, officials said" dates the quake, not
    the saying ("…, officials said Wednesday" dates the saying)."""
    stems = dated_verbs(unit, value)
    found = _ATTRIBUTION.match(unit.text, value.end - unit.start)
    if found is None:
        return stems
    closing = {x.stem for x in unit.arguments if x.kind == "time" and x.text == value.text
               and x.verb.casefold() == found.group("verb").casefold()}
    return stems - (closing & REPORTING)


def _values_by_document(pairs: list[tuple[Match, Unit, Unit]]) -> list[tuple[Unit, Value]]:
    seen: dict[str, tuple[Unit, Value]] = {}
    for match, a, b in pairs:
        seen.setdefault(a.document, (a, match.first))
        seen.setdefault(b.document, (b, match.second))
    return list(seen.values())


ALSO_CITED = "; also cited: "  # what ends a conflict's explanation: the sources it cites besides its two


def cited_as(source: str, value_text: str | None) -> str:
    """A source a conflict cites besides its two, as its explanation names it: with the value it gives."""
    return f"{source} (“{value_text}”)" if value_text else source


def _conflict(name: str, attribute: Attribute) -> Finding:
    involved = _values_by_document(attribute.conflicts + attribute.agreements)
    match, a, b = next(((m, a, b) for m, a, b in attribute.conflicts if a.witness != b.witness), attribute.conflicts[0])
    explanation = f"{a.source} says “{match.first.text}”, {b.source} says “{match.second.text}”: {match.comparison.explanation}"
    if a.witness == b.witness:
        explanation += f" (both from {a.source})"
    # The other sources giving either side are cited too; the explanation names them, so its two sources are not
    # taken for all there are (as citing.py names those it adds later).
    others = {unit.source: value.text for unit, value in involved if unit.source not in (a.source, b.source)}
    if others:
        explanation += ALSO_CITED + ", ".join(cited_as(source, text) for source, text in others.items())
    evidence = [evidence_of(unit, value.value, value.text) for unit, value in involved]
    return Finding("conflict", _statement([unit for unit, _ in involved]), name, evidence, explanation, METHOD)


def _update(name: str, attribute: Attribute) -> Finding:
    """A figure revised over time: the reports in publication order, earliest first."""
    reports: dict[str, tuple[Unit, Match, bool]] = {}
    for match, earlier, later in attribute.updates:
        reports.setdefault(earlier.document, (earlier, match, True))
        reports[later.document] = (later, match, False)
    for match, a, b in attribute.agreements:
        reports.setdefault(a.document, (a, match, True))
        reports.setdefault(b.document, (b, match, False))
    times = {unit.document: unit.published_at for unit, _, _ in reports.values()}

    def order(unit: Unit) -> tuple:
        # A syndicated copy dated only by its day follows its original, whose hour is known.
        at = times.get(unit.copy_of) if unit.published_precision == "day" and unit.copy_of in times else None
        return (at or unit.published_at or _NEVER, at is not None, unit.document)

    ordered = sorted(reports.values(), key=lambda r: order(r[0]))

    def value(report: tuple[Unit, Match, bool]):
        unit, match, is_first = report
        return match.first if is_first else match.second

    zone = _one_zone([r[0] for r in ordered])
    chain = " → ".join(f"{_figure(value(r), name)} ({r[0].source}, {_when(r[0], zone)})" for r in ordered)
    explanation = f"the {name} was revised as reports came in: {chain}; a later figure updates an earlier one, not a contradiction"
    evidence = [evidence_of(r[0], value(r).value, value(r).text) for r in ordered]
    latest = ordered[-1][0]
    return Finding("update", latest.text, name, evidence, explanation, METHOD)


def _figure(value: Value, name: str) -> str:
    """A revised figure in a reader's words, with what it counts where its sentence leaves that to the attribute
    ("rose to 13": "13 people")."""
    try:
        quantity = parse_quantity(value.value)
    except ValueError:
        return value.text
    text = quantity.describe()
    if quantity.unit is None and name.startswith("count of "):
        return f"{text} {name.removeprefix('count of ')}"
    return text


def _one_zone(units: list[Unit]) -> timezone:
    """The zone to give a chain of reports' times in: their own when they share one, else UTC."""
    offsets = {u.published_at.utcoffset() for u in units if u.published and u.published_precision != "day"}
    return timezone(offsets.pop()) if len(offsets) == 1 and None not in offsets else timezone.utc


def _when(unit: Unit, zone: timezone) -> str:
    """A report's publication time in one format for the whole chain: "2025-03-10 05:40 UTC", "2025-03-10"."""
    if not unit.published:
        return "undated"
    if unit.published_precision == "day":
        return unit.published[:10]
    at = unit.published_at
    if at.tzinfo is None:
        return at.strftime("%Y-%m-%d %H:%M")
    minutes = int(zone.utcoffset(None).total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    label = "UTC" if not minutes else f"UTC{'+' if minutes > 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")
    return f"{at.astimezone(zone):%Y-%m-%d %H:%M} {label}"


def _role_conflict(group: list[tuple[RoleConflict, Unit, Unit]]) -> Finding:
    """Different entities named in one role: each sentence that names either, with the name it gives."""
    conflict, a, b = group[0]
    first, second = a.names.get(conflict.first, conflict.first), b.names.get(conflict.second, conflict.second)
    named: dict[str, tuple[Unit, str]] = {}
    for entry, x, y in group:
        named.setdefault(x.document, (x, x.names.get(entry.first, entry.first)))
        named.setdefault(y.document, (y, y.names.get(entry.second, entry.second)))
    evidence = [evidence_of(unit, name, name) for unit, name in named.values()]
    if all(entry.spelled for entry, _, _ in group):
        explanation = (f"{a.source} writes {first} where {b.source} writes {second}, in sentences that otherwise "
                       f"say the same thing: one {conflict.kind} spelled two ways")
        return Finding("variant", _statement([a, b]), conflict.kind, evidence, explanation, METHOD)
    explanation = f"{a.source} names {first} where {b.source} names {second}, in sentences that otherwise say the same thing"
    return Finding("conflict", _statement([a, b]), conflict.kind, evidence, explanation, METHOD)


def _corroborated(claim: list[Unit], agreements: list[tuple[Match, Unit, Unit]]) -> Finding:
    values = {unit.document: value for unit, value in _values_by_document(agreements)}
    evidence = [
        evidence_of(u, values[u.document].value, values[u.document].text) if u.document in values else evidence_of(u)
        for u in claim
    ]
    explanation = f"stated by {_independent(claim)} independent sources: {', '.join(_witnesses(claim))}"
    attribute, told = None, claim
    if agreements:
        match, first, second = max(agreements, key=lambda entry: _specificity(entry[0]))
        attribute, told = match.attribute, [first, second]  # the sentences the explanation quotes tell the claim
        explanation += f"; “{match.first.text}” and “{match.second.text}”: {match.comparison.explanation}"
    elif spelled := _spellings(claim):
        explanation += f"; {spelled}"
    return Finding("corroborated", _statement(told), attribute, evidence, explanation, METHOD)


_RELATION_RANK = {"equal": 3, "compatible": 2, "within": 1, "contains": 1}
_PRECISION_RANK = {"minute": 4, "day": 3, "month": 2, "year": 1}


def _specificity(match: Match) -> tuple:
    """How telling an agreement is, to explain a finding by: exact and precise values first."""
    precision = min(_PRECISION_RANK.get(v.precision or "", 0) for v in (match.first, match.second))
    return (precision, _RELATION_RANK.get(match.comparison.relation, 0), match.first.text != match.second.text)


def _spellings(claim: list[Unit]) -> str | None:
    """Names the sources spell differently for one entity they share: "Um Tae Hwa" and "Um Tae-hwa" are one person."""
    shared = set.intersection(*(set(u.keys) for u in claim)) if claim else set()
    for key in sorted(shared):
        names = list(dict.fromkeys(u.names[key] for u in claim))
        if len(names) > 1:
            return " and ".join(f"“{n}”" for n in names) + f" are one {claim[0].keys[key]}"
    return None


def _single_source(claim: list[Unit]) -> Finding:
    evidence = [evidence_of(u, u.values[0].value, u.values[0].text) if u.values else evidence_of(u) for u in claim]
    explanation = f"only {_witnesses(claim)[0]} states this"
    return Finding("single_source", _statement(claim), None, evidence, explanation, METHOD)


def _same_words(a: list[str], b: list[str]) -> bool:
    """Whether one quote is the other, or a stretch of it."""
    shorter, longer = sorted((a, b), key=len)
    size = SequenceMatcher(None, shorter, longer, autojunk=False).find_longest_match(0, len(shorter), 0, len(longer)).size
    return size >= 0.9 * len(shorter)


def _variant(claim: list[Unit]) -> Finding | None:
    """The same quote in other words: quotes of one kind, by one speaker or closely alike, worded differently."""
    quoted = [(u, q) for u in claim for q in u.quotes if q.kind in ("speech", "lyric", "written")]
    best = None
    for (ua, qa), (ub, qb) in combinations(quoted, 2):
        if ua.witness == ub.witness or qa.kind != qb.kind:
            continue
        a, b = quote_words(qa.text), quote_words(qb.text)
        if not a or not b or _same_words(a, b):
            continue  # the same words, or one source quoting part of what the other quotes
        similarity = SequenceMatcher(None, a, b).ratio()
        same_speaker = bool(qa.speaker and qb.speaker and speaker_key(qa.speaker) == speaker_key(qb.speaker))
        if similarity >= (SAME_SPEAKER_WORDS if same_speaker else 0.5) and (best is None or similarity > best[0]):
            best = (similarity, ua, qa, ub, qb)
    if best is None:
        return None
    return _variant_finding(_statement(claim), *best)


def lyric_variants(units: list[Unit], findings: list[Finding]) -> list[Finding]:
    """One song's line as two sources give it in different words (two translations), wherever in the story.

    A lyric has no speaker to align its sentences by, and the sentences around two translations of one line
    rarely share words, so lyrics are compared across the story: each line pairs with the other source's line
    it shares the most words with (LYRIC_WORDS or more), once.
    """
    given = {(e.document, e.value) for f in findings if f.verdict == "variant" for e in f.evidence}
    lyrics = [(u, q) for u in units for q in u.quotes if q.kind == "lyric" and (u.document, q.text) not in given]
    scored = []
    for (ua, qa), (ub, qb) in combinations(lyrics, 2):
        a, b = quote_words(qa.text), quote_words(qb.text)
        if ua.witness == ub.witness or not a or not b or _same_words(a, b):
            continue
        if (similarity := SequenceMatcher(None, a, b).ratio()) >= LYRIC_WORDS:
            scored.append((similarity, ua, qa, ub, qb))
    variants, paired = [], set()
    for similarity, ua, qa, ub, qb in sorted(scored, key=lambda entry: -entry[0]):
        if not {id(qa), id(qb)} & paired:
            paired |= {id(qa), id(qb)}
            variants.append(_variant_finding(_statement([ua, ub]), similarity, ua, qa, ub, qb))
    return variants


def _variant_finding(statement: str, similarity: float, ua: Unit, qa, ub: Unit, qb) -> Finding:
    speaker = qa.speaker or qb.speaker
    who = f" of {speaker}'s" if speaker else ""
    explanation = (
        f"{ua.source} and {ub.source} give the same {QUOTED[qa.kind]}{who} in different wording "
        f"({similarity:.0%} of the words in common)"
    )
    evidence = [evidence_of(ua, qa.text, qa.text), evidence_of(ub, qb.text, qb.text)]
    return Finding("variant", statement, "quote", evidence, explanation, METHOD)
