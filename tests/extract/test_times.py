"""Time expressions (extract/times/): recognition, spans and values against a reference date.

Expected values are worked out by hand from a calendar and the conventions in the module's
docstring (parts of a period are thirds of it: "the middle of January 2022" is 11-21 January;
an anchored duration runs from its anchor to anchor + length), never copied from output.
Sentences come from the seed's phrasing, from real Guardian articles (read at run time from the
shared data, with the article's own date as reference) and from PolNeAR articles (the date in
the file name).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from functools import cache
from pathlib import Path

import pytest

from newsint.extract.times import extract_times, lexicon
from newsint.model import TimeExpression
from newsint.nlp.model import load_nlp

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GUARDIAN = SHARED / "data" / "news" / "guardian-syria.jsonl"
POLNEAR = SHARED / "data" / "attribution" / "polnear" / "dev" / "text"
SEED_DATE = dt.date(2022, 2, 11)  # the seed's reference date (a Friday), from its gold file
GUARDIAN_SWEEP = 40  # articles the consistency sweep parses (about 10 s on one core)


def times(text: str, reference: dt.date | None) -> list[TimeExpression]:
    found = extract_times(load_nlp()(text), reference)
    for t in found:
        assert text[t.start : t.end] == t.text, t
        assert t.anchored == (t.value_start is not None)
    return found


def one(text: str, phrase: str, reference: dt.date | None) -> TimeExpression:
    matches = [t for t in times(text, reference) if t.text == phrase]
    assert len(matches) == 1, [t.text for t in times(text, reference)]
    return matches[0]


def value(t: TimeExpression) -> tuple[str | None, str | None, str | None]:
    return t.precision, t.value_start, t.value_end


# --------------------------------------------------------------------------------------------
# The seed's phrases, reference date 2022-02-11


def test_the_middle_of_january_is_the_middle_third_of_the_month():
    t = one("Russian troops have been arriving since the middle of January.", "the middle of January", SEED_DATE)
    assert value(t) == ("month-part", "2022-01-11", "2022-01-21")
    assert t.anchored and t.kind == "date"


def test_back_at_the_beginning_of_december_is_last_december_first_third():
    text = "Lukashenko announced back at the beginning of December that joint exercises would be held."
    assert value(one(text, "the beginning of December", SEED_DATE)) == ("month-part", "2021-12-01", "2021-12-10")


def test_ten_days_from_feb_10_runs_from_the_10th_to_the_20th():
    t = one("The drills are being held for ten days from Feb. 10.", "ten days from Feb. 10", SEED_DATE)
    assert value(t) == ("day", "2022-02-10", "2022-02-20")
    assert t.kind == "duration" and t.duration == "P10D"


def test_that_year_resolves_to_the_year_mentioned_before_it():
    text = (
        "The West imposed sanctions after the crackdown on protests in 2020. "
        "Moscow backed Lukashenko after the contested presidential election that year."
    )
    assert value(one(text, "that year", SEED_DATE)) == ("year", "2020-01-01", "2020-12-31")


def test_a_count_later_runs_from_the_date_mentioned_before_it():
    found = one("Russia annexed Crimea on 18 March 2014. Three days later, Moscow signed a treaty.", "Three days later",
                SEED_DATE)  # fmt: skip
    assert value(found) == ("day", "2014-03-21", "2014-03-21")


def test_a_count_of_months_from_a_year_stays_unanchored():
    # Six months after some day of 2016 may fall in 2016 or 2017: no month is known.
    found = one("The talks began in 2016 and collapsed six months later.", "six months later", SEED_DATE)
    assert not found.anchored and found.precision == "month"


def test_that_year_without_a_year_before_it_stays_unanchored():
    t = one("The contested presidential election that year changed everything.", "that year", SEED_DATE)
    assert t.value_start is None and not t.anchored and t.precision == "year"


def test_the_following_year_is_the_year_after_the_one_mentioned():
    text = "Throughout the rest of 2015, and into the following year, the organisation held its ground."
    assert value(one(text, "the following year", None)) == ("year", "2016-01-01", "2016-12-31")


# --------------------------------------------------------------------------------------------
# Absolute dates


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Exercises began on 10 February 2022 in Belarus.", "10 February 2022", ("day", "2022-02-10", "2022-02-10")),
        ("The summit opened on February 10, 2022.", "February 10, 2022", ("day", "2022-02-10", "2022-02-10")),
        ("The treaty was signed in March 2013 in Minsk.", "March 2013", ("month", "2013-03-01", "2013-03-31")),
        ("The war began in 2020 and never stopped.", "2020", ("year", "2020-01-01", "2020-12-31")),
        ("Prices doubled in the 1990s.", "the 1990s", ("decade", "1990-01-01", "1999-12-31")),
        ("Isis was formed on 8 April 2013, unilaterally.", "8 April 2013", ("day", "2013-04-08", "2013-04-08")),
        ("Fighting flared in mid-2014 near the border.", "mid-2014", ("year-part", "2014-05-01", "2014-08-31")),
        ("Troops were withdrawn in early 2020.", "early 2020", ("year-part", "2020-01-01", "2020-04-30")),
        ("The first half of 2021 was calm.", "The first half of 2021", ("year-part", "2021-01-01", "2021-06-30")),
        (
            "Talks stalled at the end of March 2021.",
            "the end of March 2021",
            ("month-part", "2021-03-22", "2021-03-31"),
        ),
        ("It was published on 2022-02-04 online.", "2022-02-04", ("day", "2022-02-04", "2022-02-04")),
    ],
)
def test_written_dates_need_no_reference_date(text, phrase, expected):
    assert value(one(text, phrase, None)) == expected


def test_a_date_without_a_year_takes_the_nearest_year_across_new_year():
    # An article of 2022-01-03 speaking of Dec. 28 means the December just gone.
    t = one("The convoy crossed the border on Dec. 28, officials said.", "Dec. 28", dt.date(2022, 1, 3))
    assert value(t) == ("day", "2021-12-28", "2021-12-28")


def test_without_a_reference_date_a_day_and_month_stay_unresolved():
    t = one("The drills started on Feb. 10 near Brest.", "Feb. 10", None)
    assert t.value_start is None and t.value_end is None and not t.anchored
    assert t.precision == "month-day"


def test_a_range_of_days_in_one_month():
    # guardian-0121, dated 2018-04-15.
    text = "The EU will hold a Syria reconstruction conference on 24-25 April, but the last week appears"
    assert value(one(text, "24-25 April", dt.date(2018, 4, 15))) == ("day", "2018-04-24", "2018-04-25")


def test_may_the_modal_is_not_a_month():
    assert times("Russia may 10 times increase its forces; talks may resume.", SEED_DATE) == []


def test_capitalised_month_names_only():
    assert times("Protesters will march on the capital.", SEED_DATE) == []


# --------------------------------------------------------------------------------------------
# Relative expressions (reference date 2022-02-11, a Friday)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Talks were held last week in Geneva.", "last week", ("week", "2022-01-31", "2022-02-06")),
        ("The minister resigned yesterday.", "yesterday", ("day", "2022-02-10", "2022-02-10")),
        ("Elections are due this year.", "this year", ("year", "2022-01-01", "2022-12-31")),
        ("Forces will withdraw next month.", "next month", ("month", "2022-03-01", "2022-03-31")),
        ("The base was built two years ago.", "two years ago", ("year", "2020-01-01", "2020-12-31")),
        ("Tensions rose late last year.", "late last year", ("year-part", "2021-09-01", "2021-12-31")),
        ("The bridge was closed last Friday.", "last Friday", ("day", "2022-02-04", "2022-02-04")),
        ("Talks resume next Monday.", "next Monday", ("day", "2022-02-14", "2022-02-14")),
        ("The decision came earlier this month.", "earlier this month", ("month-part", "2022-02-01", "2022-02-11")),
        ("The army left last July.", "last July", ("month", "2021-07-01", "2021-07-31")),
        ("Nothing changed this week.", "this week", ("week", "2022-02-07", "2022-02-13")),
    ],
)
def test_relative_expressions_resolve_against_the_reference_date(text, phrase, expected):
    t = one(text, phrase, SEED_DATE)
    assert value(t) == expected and t.anchored


def test_on_wednesday_follows_the_tense_of_its_verb():
    past = one("The ministers met on Wednesday in Minsk.", "Wednesday", SEED_DATE)
    future = one("The ministers will meet on Wednesday in Minsk.", "Wednesday", SEED_DATE)
    assert value(past) == ("day", "2022-02-09", "2022-02-09")  # the Wednesday before Friday the 11th
    assert value(future) == ("day", "2022-02-16", "2022-02-16")  # the Wednesday after


def test_a_date_on_a_noun_does_not_take_the_verbs_tense():
    # The postponing is past; the conference, nine days after the reference date, need not be.
    text = "The reconstruction conference on 24-25 April was postponed."
    assert value(one(text, "24-25 April", dt.date(2018, 4, 15))) == ("day", "2018-04-24", "2018-04-25")


def test_without_a_reference_date_nothing_relative_is_invented():
    for t in times("The minister resigned yesterday, last week he met Putin on Wednesday.", None):
        assert t.value_start is None and not t.anchored, t


def test_ago_without_a_reference_date_is_an_unresolved_point_not_a_duration():
    t = one("It happened a couple of years ago.", "a couple of years ago", None)
    assert (t.kind, t.precision, t.value_start, t.duration) == ("date", "year", None, None)


def test_now_is_the_present():
    t = one("Belarus is now a staging area.", "now", SEED_DATE)
    assert t.precision == "present" and t.value_start == "2022-02-11"


def test_the_weekend_for_a_past_verb_is_the_one_just_gone():
    # Reference 2019-03-12 is a Tuesday: the weekend just gone is 9-10 March.
    t = one("The last enclave finally fell over the weekend.", "the weekend", dt.date(2019, 3, 12))
    assert value(t) == ("weekend", "2019-03-09", "2019-03-10")


# --------------------------------------------------------------------------------------------
# Durations, sets, clock times


@pytest.mark.parametrize(
    ("text", "phrase", "iso"),
    [
        ("The drills will last for ten days.", "ten days", "P10D"),
        ("They fought for several years.", "several years", "PXY"),
        ("A three-month review began.", "three-month", "P3M"),
        ("The siege lasted almost seven years.", "almost seven years", "P7Y"),
        ("Officials have hunted him for the past five years.", "the past five years", "P5Y"),
        ("It has gained momentum in recent months.", "recent months", "PXM"),
        ("Power was cut for 24 hours.", "24 hours", "PT24H"),
    ],
)
def test_durations_without_an_anchor_keep_their_iso_length(text, phrase, iso):
    t = one(text, phrase, SEED_DATE)
    assert t.kind == "duration" and t.duration == iso
    assert t.value_start is None and not t.anchored


def test_a_range_of_counts_gives_two_durations():
    found = times("Construction will take between 12 and 18 months.", SEED_DATE)
    assert [(t.text, t.duration) for t in found] == [("12", "P12M"), ("18 months", "P18M")]


def test_a_fraction_is_not_a_duration():
    assert times("The camp houses less than a quarter of their number.", SEED_DATE) == []


def test_a_frequency_is_a_set():
    t = one("Hundreds of journalists visit each year.", "each year", SEED_DATE)
    assert t.kind == "set" and t.duration == "P1Y" and not t.anchored


def test_a_clock_time_next_to_a_weekday_is_one_expression():
    # 2013-03-22 is a Friday; "postponed until" points ahead: the next day.
    text = "The qualifier has been postponed until 15:00 GMT Saturday due to heavy snow."
    t = one(text, "15:00 GMT Saturday", dt.date(2013, 3, 22))
    assert t.kind == "time" and t.value_start == "2013-03-23T15:00" and t.precision == "minute"


def test_a_clock_time_alone_has_no_day():
    t = one("Shelling started at 3 a.m. and lasted hours.", "3 a.m.", SEED_DATE)
    assert t.kind == "time" and t.value_start is None and t.precision == "time"


# --------------------------------------------------------------------------------------------
# Real articles


@cache
def guardian(article_id: str) -> tuple[str, dt.date]:
    if not GUARDIAN.exists():
        pytest.skip(f"shared data not found: {GUARDIAN}")
    for line in GUARDIAN.open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] == article_id:
            return row["text"], dt.date.fromisoformat(row["date"])
    raise AssertionError(article_id)


@cache
def guardian_times(article_id: str) -> list[TimeExpression]:
    text, date = guardian(article_id)
    return times(text, date)


def in_context(found: list[TimeExpression], text: str, context: str, phrase: str) -> TimeExpression:
    at = text.index(context)
    matches = [t for t in found if t.text == phrase and at <= t.start < at + len(context)]
    assert len(matches) == 1, (phrase, [t.text for t in found if at <= t.start < at + len(context)])
    return matches[0]


@pytest.mark.parametrize(
    ("article", "context", "phrase", "expected"),
    [
        # 2019-04-10
        ("guardian-0000", "started late last year", "late last year", ("year-part", "2018-09-01", "2018-12-31")),
        # 2019-03-26, a Tuesday: the Saturday before is the 23rd
        ("guardian-0002", "caliphate” on Saturday in Baghuz", "Saturday", ("day", "2019-03-23", "2019-03-23")),
        ("guardian-0002", "tactics last July", "last July", ("month", "2018-07-01", "2018-07-31")),
        ("guardian-0002", "as recently as January", "January", ("month", "2019-01-01", "2019-01-31")),
        # 2019-03-23
        ("guardian-0003", "around 7 January", "7 January", ("day", "2019-01-07", "2019-01-07")),
        ("guardian-0003", "taken from him four years ago", "four years ago", ("year", "2015-01-01", "2015-12-31")),
        ("guardian-0003", "In late 2015, suicide", "late 2015", ("year-part", "2015-09-01", "2015-12-31")),
        # 2019-03-12, a Tuesday
        ("guardian-0008", "died last week", "last week", ("week", "2019-03-04", "2019-03-10")),
        # 2018-12-23, a Sunday: "last week" is the week ending that day (Mattis resigned on 20 December)
        ("guardian-0065", "secretary who quit last week", "last week", ("week", "2018-12-17", "2018-12-23")),
        ("guardian-0008", "said on Sunday he was", "Sunday", ("day", "2019-03-10", "2019-03-10")),
        # "since Wednesday morning" with a present-perfect verb: the Wednesday before
        ("guardian-0008", "since Wednesday morning", "Wednesday morning", ("day", "2019-03-06", "2019-03-06")),
        # 2018-04-12, a Thursday: the attack was the Saturday before; a modal looks ahead
        ("guardian-0127", "for Saturday’s alleged chemical attack", "Saturday", ("day", "2018-04-07", "2018-04-07")),
        ("guardian-0127", "we could meet on Saturday", "Saturday", ("day", "2018-04-14", "2018-04-14")),
        # 2018-01-26: six months before the fall of Aleppo "in 2016": the month is not known
        ("guardian-0177", "supply road six months earlier", "six months earlier", ("month", None, None)),
    ],
)
def test_guardian_articles(article, context, phrase, expected):
    text, _ = guardian(article)
    assert value(in_context(guardian_times(article), text, context, phrase)) == expected


def test_every_guardian_article_gives_consistent_records():
    # Not a check of values (the hand-checked ones are above) but of what must always hold.
    if not GUARDIAN.exists():
        pytest.skip(f"shared data not found: {GUARDIAN}")
    rows = [json.loads(line) for line in GUARDIAN.open(encoding="utf-8")][:GUARDIAN_SWEEP]
    nlp = load_nlp()
    for row, doc in zip(rows, nlp.pipe(row["text"] for row in rows), strict=True):
        found = extract_times(doc, dt.date.fromisoformat(row["date"]))
        assert [t.id for t in found] == [f"T{n}" for n in range(1, len(found) + 1)]
        for t in found:
            assert row["text"][t.start : t.end] == t.text
            assert t.anchored == (t.value_start is not None) == (t.value_end is not None), t
            assert t.value_start is None or t.value_start <= t.value_end, t
            assert (t.kind in ("duration", "set")) == (t.duration is not None), t
        assert all(a.end <= b.start for a, b in itertools.pairwise(found)), "expressions overlap"


@pytest.mark.parametrize(
    "context",
    [
        "urged May to give MPs",  # Theresa May, though spaCy marks "May" a DATE
        "Lebanese daily al-Joumhouria",  # a newspaper, not a frequency
    ],
)
def test_guardian_words_that_are_not_times(context):
    text, _ = guardian("guardian-0125")
    at = text.index(context)
    assert not [t for t in guardian_times("guardian-0125") if at <= t.start < at + len(context)]


def test_guardian_durations_stay_durations():
    text, _ = guardian("guardian-0003")
    t = in_context(guardian_times("guardian-0003"), text, "after six weeks of gruelling", "six weeks")
    assert t.kind == "duration" and t.duration == "P6W" and not t.anchored


def test_polnear_article_dated_by_its_file_name():
    path = POLNEAR / "breitbart_2016-09-12_stealth-over-health-hillary-clin.txt"
    if not path.exists():
        pytest.skip(f"shared data not found: {path}")
    text = path.read_text(encoding="utf-8")
    found = times(text, dt.date(2016, 9, 12))  # a Monday
    sunday = in_context(found, text, "medical scare on Sunday", "Sunday")
    assert value(sunday) == ("day", "2016-09-11", "2016-09-11")
    memorial = in_context(found, text, "during the Sept. 11 memorial", "Sept. 11")
    assert value(memorial) == ("day", "2016-09-11", "2016-09-11")


def polnear(name: str) -> str:
    path = POLNEAR / name
    if not path.exists():
        pytest.skip(f"shared data not found: {path}")
    return path.read_text(encoding="utf-8")


def test_polnear_a_weekday_on_a_noun_in_a_present_clause_is_the_last_one():
    # Dated Friday 2016-09-30; the first presidential debate was on Monday 26 September.
    text = polnear("breitbart_2016-09-30_the-latest-trump-urges-supporter.txt")
    found = times(text, dt.date(2016, 9, 30))
    debate = in_context(found, text, "microphone problems during Monday’s debate", "Monday")
    assert value(debate) == ("day", "2016-09-26", "2016-09-26")
    rate = in_context(found, text, "more than $25,000 a year", "a year")
    assert rate.kind == "set" and rate.duration == "P1Y"


def test_polnear_since_january_1st_lies_behind():
    # Dated 2016-09-29: "since January 1st" is the start of that year, not the next.
    text = polnear("breitbart_2016-09-29_politifact-donald-trump-is-right.txt")
    found = times(text, dt.date(2016, 9, 29))
    assert value(in_context(found, text, "thousands since January 1st", "January 1st"))[1] == "2016-01-01"


def test_polnear_usa_today_is_a_name_not_a_day():
    text = polnear("breitbart_2016-09-26_green-party-candidate-jill-stein.txt")
    found = times(text, dt.date(2016, 9, 26))
    at = text.index("USA Today")
    assert not [t for t in found if at <= t.start < at + len("USA Today")]


# --------------------------------------------------------------------------------------------
# The lexicon


def test_the_lexicon_knows_every_month_and_weekday():
    lex = lexicon()
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(7))
    assert lex.parts["middle"] == (pytest.approx(1 / 3), pytest.approx(2 / 3))


def test_ids_are_in_text_order():
    found = times("In 2020 protests began; last week talks resumed; now they stall.", SEED_DATE)
    assert [t.id for t in found] == ["T1", "T2", "T3"]
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_tense_of_a_fragment_whose_root_is_a_preposition_ends() -> None:
    # A headline-like fragment parsed with a preposition as its root ("Through the night"): the
    # walk up from the date to its verb must stop at the root (it looped for ever when the root
    # was compared by identity, spaCy making a new Token object on every access).
    import signal

    from spacy.tokens import Doc

    from newsint.extract.times import clause_tense
    from newsint.nlp.model import load_nlp

    doc = Doc(
        load_nlp().vocab,
        words=["Through", "the", "night"],
        heads=[0, 2, 0],
        deps=["ROOT", "det", "pobj"],
        pos=["ADP", "DET", "NOUN"],
    )
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("clause_tense did not end")))
    signal.alarm(10)
    try:
        assert clause_tense(doc, 12, 17) == 0  # "night": no verb, tense unknown
    finally:
        signal.alarm(0)
