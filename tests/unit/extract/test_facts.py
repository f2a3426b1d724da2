"""Key facts: present statements with a number or a named subject, and nothing else."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.facts import find_facts
from briefing.model import SourceRef
from tests.factories import article

DAY = dt.date(2025, 8, 31)


def facts_of(sentence: str) -> list[str]:
    found = find_facts(article("a", sentence, published=DAY), [(0, len(sentence))])
    return [fact.text for fact in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Wagner has around 1,500 mercenaries in Mali, 400 in Burkina Faso and around 100 in Niger.",
        "BP owns 65% of the Macondo well in the Gulf of Mexico.",
        "Transocean operates the rig under a contract with the oil company.",
        "The company employs 80,000 people in more than 80 countries.",
    ],
)
def test_present_statements_with_a_number_or_a_name_are_facts(sentence: str) -> None:
    assert facts_of(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Is the company able to pay 20 billion dollars?",
        "“We have 1,500 men there and they are the best,” he said.",
        "I think the company has 3 options left.",
        "The situation is bad.",
        "Wagner fighters have also been accused of cannibalism in parts of Africa.",
        "Goita has rejected Moscow's demands and begun seeking other partners.",
        "Russia is losing influence in the Sahel despite moving in heavy weaponry.",
        "Click here",
        "The government should spend 10 million on the clean-up of the coast.",
    ],
)
def test_questions_quotes_opinions_and_events_are_not_facts(sentence: str) -> None:
    assert facts_of(sentence) == []


def test_a_fact_is_attributed_sourced_and_dated_as_of_publication() -> None:
    text = "Mali has about 2,000 Russian fighters, the SZRU said."
    [fact] = find_facts(article("a", text, published=DAY), [(0, len(text))])
    assert fact.as_of == DAY
    assert fact.attribution == "the SZRU"
    assert fact.claim == "said"
    assert fact.sources == (SourceRef(article="a", start=0, end=len(text)),)


def test_no_sentences_give_no_facts() -> None:
    assert find_facts(article("a", "Text."), []) == ()
