"""French, German, Spanish, Russian and Ukrainian dates (issue 3, item 6)."""
# ruff: noqa: RUF001  (the Cyrillic letters are meant)

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates
from briefing.model import Mod

REF = dt.date(2024, 9, 20)

CASES = [
    ("uk", "Атаки 17 вересня забрали життя 70 людей.", [("17 вересня", "2024-09-17")]),
    ("uk", "У серпні 2024 року загинули десятки офіцерів.", [("серпні 2024 року", "2024-08")]),
    ("uk", "Напруга досягла піку в серпні.", [("серпні", "2024-08")]),
    ("uk", "Розвідка повідомила про це в неділю.", [("неділю", "2024-09-15")]),
    ("uk", "Минулого тижня бойовики відступили.", [("Минулого тижня", "2024-W37")]),
    ("uk", "Про це стало відомо вчора.", [("вчора", "2024-09-19")]),
    ("uk", "Колону знищили 3 дні тому.", [("3 дні тому", "2024-09-17")]),
    ("uk", "Переворот стався у 2021 році.", [("2021", "2021")]),
    ("uk", "Засідка сталася наприкінці липня.", [("наприкінці липня", "2024-07")]),
    ("uk", "Угоду підписали 5 травня 2023 року.", [("5 травня 2023 року", "2023-05-05")]),
    ("ru", "Атаки 17 сентября унесли жизни 70 человек.", [("17 сентября", "2024-09-17")]),
    ("ru", "В августе 2023 года Пригожин погиб.", [("августе 2023 года", "2023-08")]),
    ("ru", "На прошлой неделе боевики отступили.", [("На прошлой неделе", "2024-W37")]),
    ("ru", "Об этом сообщили в пятницу.", [("пятницу", "2024-09-20")]),
    ("ru", "Колонна попала в засаду 3 дня назад.", [("3 дня назад", "2024-09-17")]),
    ("ru", "Это произошло вчера.", [("вчера", "2024-09-19")]),
    ("ru", "Засада случилась в конце июля.", [("в конце июля", "2024-07")]),
    ("fr", "Les attaques du 17 septembre ont fait 70 morts.", [("17 septembre", "2024-09-17")]),
    ("fr", "Le 17 septembre 2024, la junte a réagi.", [("17 septembre 2024", "2024-09-17")]),
    ("fr", "Des représailles ont eu lieu en août.", [("août", "2024-08")]),
    ("fr", "La semaine dernière, Wagner a reculé.", [("La semaine dernière", "2024-W37")]),
    ("fr", "Le ministre l'a annoncé hier.", [("hier", "2024-09-19")]),
    ("fr", "Le convoi a été attaqué il y a 3 jours.", [("il y a 3 jours", "2024-09-17")]),
    ("fr", "L'embuscade a eu lieu fin juillet.", [("fin juillet", "2024-07")]),
    ("fr", "Le rapport daté du 17/09/2024 est public.", [("17/09/2024", "2024-09-17")]),
    ("de", "Am 17. September griffen Dschihadisten an.", [("17. September", "2024-09-17")]),
    ("de", "Im August 2023 starb Prigoschin.", [("August 2023", "2023-08")]),
    ("de", "Die Kämpfe begannen im August.", [("August", "2024-08")]),
    ("de", "Der Konvoi wurde vor 3 Tagen angegriffen.", [("vor 3 Tagen", "2024-09-17")]),
    ("de", "Das Ministerium teilte dies gestern mit.", [("gestern", "2024-09-19")]),
    ("de", "Der Hinterhalt geschah Ende Juli.", [("Ende Juli", "2024-07")]),
    ("de", "Letzte Woche zogen sich die Kämpfer zurück.", [("Letzte Woche", "2024-W37")]),
    (
        "es",
        "Los ataques del 17 de septiembre dejaron 70 muertos.",
        [("17 de septiembre", "2024-09-17")],
    ),
    (
        "es",
        "El 17 de septiembre de 2024 la junta respondió.",
        [("17 de septiembre de 2024", "2024-09-17")],
    ),
    ("es", "Las represalias ocurrieron en agosto.", [("agosto", "2024-08")]),
    ("es", "El convoy fue atacado hace 3 días.", [("hace 3 días", "2024-09-17")]),
    ("es", "El ministro lo anunció ayer.", [("ayer", "2024-09-19")]),
    ("es", "La emboscada fue a finales de julio.", [("finales de julio", "2024-07")]),
    ("es", "La semana pasada los combatientes se retiraron.", [("La semana pasada", "2024-W37")]),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), CASES)
def test_dates_in_other_languages_are_found_and_normalised(language, sentence, expected):
    found = find_dates(sentence, reference=REF, language=language)
    assert [(m.text, m.value) for m in found] == expected


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("uk", "наприкінці липня"),
        ("ru", "в конце июля"),
        ("fr", "fin juillet"),
        ("de", "Ende Juli"),
        ("es", "finales de julio"),
    ],
)
def test_late_in_a_month_carries_the_end_modifier_in_every_language(language, sentence):
    (mention,) = find_dates(sentence, reference=REF, language=language)
    assert mention.mod is Mod.END


def test_a_year_less_ukrainian_date_without_reference_is_unanchored():
    (mention,) = find_dates("17 вересня", reference=None, language="uk")
    assert (mention.value, mention.anchored) == ("XXXX-09-17", False)


def test_a_bare_month_word_without_a_cue_is_not_a_date():
    assert find_dates("Лютий мороз ударив.", reference=REF, language="uk") == ()


def test_an_unknown_language_falls_back_to_english_rules():
    (mention,) = find_dates("on 17 September 2024", reference=REF, language="xx")
    assert mention.value == "2024-09-17"
