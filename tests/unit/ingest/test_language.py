"""Telling an article's language from its text, and what the analyst is told about it."""
# ruff: noqa: RUF001  (the Cyrillic letters are meant)

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.extract.dates import languages
from briefing.ingest import read_folder
from briefing.ingest.language import DATE_RULES, UNKNOWN, Detection, detect
from briefing.ingest.text import read
from briefing.model import Level

if TYPE_CHECKING:
    from pathlib import Path

PARAGRAPHS = {
    "en": "The junta announced a curfew in Bamako on Tuesday after the attacks on the police "
    "school and the military airport, which killed dozens of people.",
    "fr": "La junte a annoncé mardi un couvre-feu à Bamako après les attaques contre l'école "
    "de gendarmerie et l'aéroport militaire, qui ont fait des dizaines de morts.",
    "es": "La junta anunció el martes un toque de queda en Bamako tras los ataques contra la "
    "escuela de gendarmería y el aeropuerto militar, que dejaron decenas de muertos.",
    "de": "Die Junta verhängte am Dienstag eine Ausgangssperre in Bamako, nachdem bei den "
    "Angriffen auf die Polizeischule und den Militärflughafen Dutzende Menschen starben.",
    "ru": "Хунта во вторник ввела комендантский час в Бамако после нападений на школу "
    "жандармерии и военный аэропорт, в результате которых погибли десятки человек.",
    "uk": "Хунта у вівторок запровадила комендантську годину в Бамако після нападів на школу "
    "жандармерії та військовий аеропорт, унаслідок яких загинули десятки людей.",
}


@pytest.mark.parametrize(("code", "text"), sorted(PARAGRAPHS.items()))
def test_each_language_of_the_briefings_is_told_from_one_paragraph(code, text):
    assert detect(text) == Detection(code, reliable=True)


@pytest.mark.parametrize("text", ["", "   \n", "Kidal, 2024.", "12:30 — 17/09"])
def test_a_text_too_short_to_tell_names_no_language(text):
    assert detect(text) == UNKNOWN


def test_control_characters_do_not_stop_detection():
    assert detect("\x00\x07" + PARAGRAPHS["fr"] + "\x1b").code == "fr"


def test_the_languages_with_date_rules_are_the_taggers():
    assert languages() == DATE_RULES


def _article(folder: Path, name: str, text: str, language: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    front = "---\npublished: 2024-09-20\n" + (f"language: {language}\n" if language else "")
    path = folder / name
    path.write_text(front + "---\n" + text + "\n", encoding="utf-8")
    return path


def test_an_article_without_a_language_gets_the_one_its_text_is_in(tmp_path):
    article, notes = read(_article(tmp_path, "a.md", PARAGRAPHS["uk"]))
    assert (article.language, notes) == ("uk", ())


def test_a_front_matter_language_the_text_contradicts_is_kept_and_warned_with_its_line(tmp_path):
    article, notes = read(_article(tmp_path, "a.md", PARAGRAPHS["fr"], language="en"))
    assert article.language == "en"
    (note,) = notes
    assert note.path is not None
    assert (note.level, note.code, note.path.name, note.line) == (
        Level.WARNING,
        "language-mismatch",
        "a.md",
        3,
    )
    assert "French (fr)" in note.message


def test_a_front_matter_language_the_text_agrees_with_says_nothing(tmp_path):
    article, notes = read(_article(tmp_path, "a.md", PARAGRAPHS["es"], language="es"))
    assert (article.language, notes) == ("es", ())


def test_a_language_without_date_rules_is_reported_once_per_folder(tmp_path):
    italian = (
        "La giunta ha annunciato martedì il coprifuoco a Bamako dopo gli attacchi contro la "
        "scuola di polizia e l'aeroporto militare, che hanno causato decine di morti."
    )
    articles_dir = tmp_path / "articles"
    _article(articles_dir, "a.md", italian)
    _article(articles_dir, "b.md", italian + " Il bilancio è provvisorio.")
    _article(articles_dir, "c.md", PARAGRAPHS["en"])
    articles, notes = read_folder(tmp_path)
    assert [a.language for a in articles] == ["it", "it", "en"]
    (note,) = [n for n in notes if n.code == "language-without-date-rules"]
    assert note.path is not None
    assert (note.level, note.path.name) == (Level.WARNING, "a.md")
    assert note.message.startswith("2 article(s) in Italian (it), which has no date rules")
