"""Dates by language and rule family (issue 11): real-style news sentences, each with every
temporal expression it holds and its TIMEX3 value, and each language's false friends.

The tables live in ``cases_<language>.py``; all are read against a publication on Friday 20
September 2024.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates
from tests.unit.extract import cases_de, cases_es, cases_fr, cases_ru, cases_uk

REF = dt.date(2024, 9, 20)
TABLES = {"fr": cases_fr, "es": cases_es, "de": cases_de, "ru": cases_ru, "uk": cases_uk}
ROWS = [
    pytest.param(code, sentence, expected, id=f"{code}-{family}-{i}")
    for code, module in TABLES.items()
    for family, rows in module.CASES.items()
    for i, (sentence, expected) in enumerate(rows)
]
TRAPS = [
    pytest.param(code, sentence, id=f"{code}-trap-{i}")
    for code, module in TABLES.items()
    for i, sentence in enumerate(module.TRAPS)
]


@pytest.mark.parametrize(("language", "sentence", "expected"), ROWS)
def test_each_expression_of_a_news_sentence_gets_its_timex3_value(language, sentence, expected):
    found = find_dates(sentence, reference=REF, language=language)
    assert [(m.text, m.value) for m in found] == expected


@pytest.mark.parametrize(("language", "sentence"), TRAPS)
def test_false_friends_give_no_date_time_or_duration(language, sentence):
    # a vague reference ("hoy por hoy" is the present) is allowed: it never dates an event
    found = find_dates(sentence, reference=REF, language=language)
    assert [(m.text, m.value) for m in found if not m.value.endswith("_REF")] == []


SHARED_FAMILIES = ("clock", "daypart", "ago", "tense", "set")


@pytest.mark.parametrize("language", sorted(TABLES))
def test_every_language_covers_the_shared_families_with_enough_sentences(language):
    cases = TABLES[language].CASES
    assert set(SHARED_FAMILIES) <= set(cases), sorted(set(SHARED_FAMILIES) - set(cases))
    assert all(len(cases[family]) >= 3 for family in SHARED_FAMILIES)
    assert sum(len(rows) for rows in cases.values()) >= 60
    assert len(TABLES[language].TRAPS) >= 8
