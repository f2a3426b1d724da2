"""Numbers and words that are not dates must never date an event (issue 3, item 5).

Each row is a real news sentence; whatever the tagger finds in it, nothing may be a DATE or
TIME mention except the spans listed as genuine.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates

REF = dt.date(2025, 8, 31)

TRAPS = [
    ("Support the OSINT Ukraine Archive. 2 minutes to read", ()),
    ("roughly 2,000 of its fighters have failed to improve security", ()),
    ("from 736 a year to more than 3,000 annually", ()),
    ("with 80% of fatalities attributed not to jihadists", ()),
    ("Wagner has around 1,500 mercenaries in Mali, 400 in Burkina Faso", ()),
    ("jihadi attacks that killed 100 people despite promises", ()),
    ("they killed at least 84 mercenaries, as well nearly 50 Malian soldiers", ()),
    ("The company paid $2,019 million for the stake.", ()),
    ("Shares rose 2024 points, a record.", ()),
    ("Turnout was 1999 votes short of the quorum.", ()),
    ("The tanker carried 2000 tonnes of fuel.", ()),
    ("He lives at No. 10 Downing Street.", ()),
    ("Theresa May said the vote would go ahead.", ()),
    ("A second attack hit the convoy.", ()),
    ("The 42-year-old commander was arrested.", ()),
    ("Each driver is 30 years old or more.", ()),
    ("The team won 3-1 after extra time.", ()),
    ("Call +223 2022 1234 for details.", ()),
    ("The plane flew at 2,400 km/h, its crew said.", ()),
    ("Coordinates 14.2024, -3.1999 mark the site.", ()),
    ("The vote was 2019 to 1985 in favour.", ()),
    ("He drove the car in the 80s on the motorway.", ()),
    ("Route 1990 was closed to traffic.", ()),
    ("Flight 2021 landed safely in Bamako.", ()),
    ("The march on the capital was halted.", ()),
    ("Police may detain suspects for questioning.", ()),
    ("The Sunday Times reported the story.", ()),
    ("They reported the fall of the town to rebels.", ()),
    ("Inflation is at 12.2020 percent, economists said.", ()),
    ("The report runs to 1,992 pages.", ()),
    ("Model 1911 pistols were seized.", ()),
    ("It was his second term in office.", ()),
    ("The price is 1,995 euros a unit.", ()),
    ("The score was 2010 to 2005 after the recount.", ()),
    ("About 2,500 troops will stay, the minister said on Sunday.", ("Sunday",)),
    ("After a 2021 coup, a junta led by Assimi Goita seized power.", ("2021",)),
    ("Mali has suffered a deep crisis since at least 2011.", ("2011",)),
    ("Tensions culminated in August reprisals against dozens of officers.", ("August",)),
]


@pytest.mark.parametrize(("sentence", "genuine"), TRAPS)
def test_non_date_numbers_and_words_never_date_an_event(sentence, genuine):
    dating = tuple(m.text for m in find_dates(sentence, reference=REF) if m.is_dating)
    assert dating == genuine


def test_3000_annually_is_at_most_a_set():
    found = find_dates("more than 3,000 annually in 2022–2024", reference=REF)
    assert [(m.text, m.type.value) for m in found] == [("annually", "SET"), ("2022–2024", "DATE")]


def test_two_minutes_is_a_duration_not_a_date():
    (mention,) = find_dates("2 minutes to read", reference=REF)
    assert (mention.type.value, mention.value, mention.is_dating) == ("DURATION", "PT2M", False)
