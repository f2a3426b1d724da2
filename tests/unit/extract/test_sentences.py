"""Sentence splitting: abbreviations, initials, numbers, quotes, line breaks, six languages."""

# ruff: noqa: RUF001  # typographic quotes and Cyrillic are part of the test texts

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.extract.sentences import split_sentences

SAMPLE = Path(__file__).resolve().parents[3] / "inputs" / "articles"
TLS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "tls"


def sentences(text: str, language: str = "en") -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones in Washington. They talked.",
            ["Mr. Smith met Dr. Jones in Washington.", "They talked."],
        ),
        (
            "The attack came on Sept. 17 in the north. It killed 100.",
            ["The attack came on Sept. 17 in the north.", "It killed 100."],
        ),
        (
            "U.S. officials and the U.N. mission disagreed. Talks failed.",
            ["U.S. officials and the U.N. mission disagreed.", "Talks failed."],
        ),
        (
            "Troops arrived in the U.S. The mission ended.",
            ["Troops arrived in the U.S.", "The mission ended."],
        ),
        (
            "J. R. R. Tolkien wrote it. George W. Bush read it.",
            ["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
        ),
        (
            "Prices rose 3.5 percent in 2011. Output fell 0.2%.",
            ["Prices rose 3.5 percent in 2011.", "Output fell 0.2%."],
        ),
        (
            '"We will fight," he said. "Never." She left.',
            ['"We will fight," he said.', '"Never."', "She left."],
        ),
        (
            "He called it “a disaster.” Officials agreed.",
            ["He called it “a disaster.”", "Officials agreed."],
        ),
        (
            "Apple Inc. said it would. Gen. Lt. Col. Smith arrived at No. 10 Downing St. today.",
            [
                "Apple Inc. said it would.",
                "Gen. Lt. Col. Smith arrived at No. 10 Downing St. today.",
            ],
        ),
        (
            "Costs, e.g. fuel, rose. Others, i.e. wages, etc. did not.",
            ["Costs, e.g. fuel, rose.", "Others, i.e. wages, etc. did not."],
        ),
        ("Why? Because. Really!", ["Why?", "Because.", "Really!"]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
        ("The meeting is at 5 p.m. on Friday.", ["The meeting is at 5 p.m. on Friday."]),
        (
            "Sen. David Vitter (R-La.) said so. Nothing else.",
            ["Sen. David Vitter (R-La.) said so.", "Nothing else."],
        ),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "One sentence per line\nAnother line without a period\nA third.",
            ["One sentence per line", "Another line without a period", "A third."],
        ),
        (
            "A hard-wrapped sentence that goes on\nover the next line. Next one.",
            ["A hard-wrapped sentence that goes on\nover the next line.", "Next one."],
        ),
        ("First paragraph.\n\nSecond paragraph.", ["First paragraph.", "Second paragraph."]),
        ("  Padded sentence.   \n", ["Padded sentence."]),
        ("", []),
        (" \n\n ", []),
        ('He said it was over. "\nNext line.', ['He said it was over. "', "Next line."]),
    ],
)
def test_line_breaks_and_whitespace(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "M. Macron a parlé le 17 sept. à Paris. Il a ajouté « ceci ». Le Mali a répondu.",
            [
                "M. Macron a parlé le 17 sept. à Paris.",
                "Il a ajouté « ceci ».",
                "Le Mali a répondu.",
            ],
        ),
        (
            "de",
            "Am 17. September griff die Gruppe an. Die Lage ist z.B. schlecht. Dr. Meier kam.",
            [
                "Am 17. September griff die Gruppe an.",
                "Die Lage ist z.B. schlecht.",
                "Dr. Meier kam.",
            ],
        ),
        (
            "es",
            "¿Qué pasa? ¡Nada! El Sr. García llegó a EE.UU. el martes.",
            ["¿Qué pasa?", "¡Nada!", "El Sr. García llegó a EE.UU. el martes."],
        ),
        (
            "ru",
            "В. В. Путин заявил 17 сент. о победе. Это т.е. важно. Он ушёл.",
            ["В. В. Путин заявил 17 сент. о победе.", "Это т.е. важно.", "Он ушёл."],
        ),
        (
            "uk",
            "У 2024 р. війська відійшли. Проф. Шевченко це підтвердив.",
            ["У 2024 р. війська відійшли.", "Проф. Шевченко це підтвердив."],
        ),
        ("xx", "Mr. Smith left. He came back.", ["Mr. Smith left.", "He came back."]),
    ],
)
def test_other_languages(language: str, text: str, expected: list[str]) -> None:
    assert sentences(text, language) == expected


def test_sample_article_sentences_are_whole() -> None:
    body = (SAMPLE / "daily-mail-putin-wagner-mali-attacks.md").read_text("utf-8")
    body = body.split("---\n", 2)[2]

    found = sentences(body)

    assert (
        "The attacks on September 17, which killed mostly young police recruits, saw the Group "
        "for the Support of Islam and Muslims (JNIM) appear to easily cause chaos on two of the "
        "country’s most secured sites."
    ) in found
    assert (
        "Prior to the killings in late July, a Wagner column was ambushed and massacred near the "
        "Algerian border."
    ) in found
    assert (
        "Wagner has around 1,500 mercenaries in Mali, 400 in Burkina Faso and around 100 in Niger."
    ) in found


def test_first_sample_splits_paragraphs_into_sentences() -> None:
    body = (SAMPLE / "2025-08-31-osint-ukraine-archive-wagner-failures-in-mali.md").read_text(
        "utf-8"
    )

    found = sentences(body.split("---\n", 2)[2])

    assert "After a 2021 coup, a junta led by Assimi Goita seized power." in found
    assert any(s.startswith("“Relations between") and s.endswith("racism.") for s in found)
    assert any(s.startswith("Tensions culminated") and s.endswith("statement said.") for s in found)


@given(st.text(alphabet=st.sampled_from("ab .!?\n\"'”A1")))
def test_spans_are_ordered_stripped_and_inside_the_text(text: str) -> None:
    spans = split_sentences(text)

    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[start:end] for start, end in spans)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)


@pytest.mark.skipif(not TLS.is_dir(), reason="the shared tls news collections are not present")
def test_real_one_sentence_per_line_news_rejoined_is_split_back() -> None:
    """The tls articles come one sentence a line; joined into paragraphs, we find the lines."""
    found = expected = 0
    for path in sorted((TLS / "bpoil_reuters" / "articles").glob("*.md"))[:40]:
        lines = [line.strip() for line in path.read_text("utf-8").split("\n")[6:] if line.strip()]
        text = " ".join(lines[:30])
        ends = {end for _, end in split_sentences(text)}
        offset = 0
        for line in lines[:30]:
            offset += len(line)
            expected += 1
            found += offset in ends
            offset += 1
    assert found / expected > 0.9
