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
    ("fr", "Le 17 septembre 2024, la junte a réagi.", [("Le 17 septembre 2024", "2024-09-17")]),
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
        [("del 17 de septiembre", "2024-09-17")],
    ),
    (
        "es",
        "El 17 de septiembre de 2024 la junta respondió.",
        [("El 17 de septiembre de 2024", "2024-09-17")],
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


def test_a_language_without_rules_reads_only_what_every_language_writes_alike():
    # Italian has no rules: its month names are not read as English ones, but ISO and
    # numeric dates and years are the same in every language
    text = "Il 17 settembre 2024 e il 2024-09-18, poi il 19/09/2024; ieri."
    found = find_dates(text, reference=REF, language="it")
    assert [(m.text, m.value) for m in found] == [
        ("2024", "2024"),
        ("2024-09-18", "2024-09-18"),
        ("19/09/2024", "2024-09-19"),
    ]


NEWS = [
    # French
    (
        "fr",
        "Le coup d'État du 24 mai 2021 a renversé le président.",
        [("24 mai 2021", "2021-05-24")],
    ),
    (
        "fr",
        "Le convoi a été attaqué il y a trois jours près de Gao.",
        [("il y a trois jours", "2024-09-17")],
    ),
    ("fr", "Les combats ont repris lundi dans le nord.", [("lundi", "2024-09-16")]),
    ("fr", "Le ministre s'est rendu à Bamako mardi dernier.", [("mardi dernier", "2024-09-17")]),
    ("fr", "Les délégués se retrouveront lundi prochain.", [("lundi prochain", "2024-09-23")]),
    ("fr", "Les élections auront lieu l'année prochaine.", [("l'année prochaine", "2025")]),
    ("fr", "Le rapport a été publié le mois dernier.", [("le mois dernier", "2024-08")]),
    ("fr", "L’an dernier, la production d'or a chuté.", [("L’an dernier", "2023")]),
    ("fr", "Cette année, la production a encore baissé.", [("Cette année", "2024")]),
    ("fr", "Les troupes françaises ont quitté le pays en 2022.", [("2022", "2022")]),
    ("fr", "En août 2023, Prigojine est mort dans un accident.", [("août 2023", "2023-08")]),
    ("fr", "Le sommet se tiendra le 3 octobre.", [("le 3 octobre", "2024-10-03")]),
    (
        "fr",
        "La junte a annoncé mercredi 18 septembre un couvre-feu.",
        [("mercredi 18 septembre", "2024-09-18")],
    ),
    (
        "fr",
        "Depuis début septembre, les attaques se multiplient.",
        [("début septembre", "2024-09")],
    ),
    ("fr", "Les pourparlers reprendront demain à Alger.", [("demain", "2024-09-21")]),
    ("fr", "Il y a deux semaines, l'armée a repris Kidal.", [("Il y a deux semaines", "2024-W36")]),
    ("fr", "L'accord a été signé il y a un an.", [("il y a un an", "2023")]),
    ("fr", "La mission a duré dix ans.", [("dix ans", "P10Y")]),
    (
        "fr",
        "Le 1er janvier 2024, la loi est entrée en vigueur.",
        [("Le 1er janvier 2024", "2024-01-01")],
    ),
    ("fr", "Ils ont été libérés à la mi-juillet.", [("mi-juillet", "2024-07")]),
    ("fr", "La décision est attendue dans trois jours.", [("dans trois jours", "2024-09-23")]),
    ("fr", "Le bilan publié aujourd’hui fait état de 40 morts.", [("aujourd’hui", "2024-09-20")]),
    ("fr", "Les otages ont été enlevés hier soir près de Mopti.", [("hier soir", "2024-09-19TEV")]),
    ("fr", "Les négociations durent depuis plusieurs semaines.", [("plusieurs semaines", "PXW")]),
    ("fr", "Le décret du 05.09.2024 prolonge l'état d'urgence.", [("05.09.2024", "2024-09-05")]),
    # German
    (
        "de",
        "Der Putsch vom 24. Mai 2021 stürzte den Präsidenten.",
        [("24. Mai 2021", "2021-05-24")],
    ),
    ("de", "Der Konvoi wurde vor drei Tagen angegriffen.", [("vor drei Tagen", "2024-09-17")]),
    ("de", "Die Kämpfe flammten am Montag wieder auf.", [("Montag", "2024-09-16")]),
    (
        "de",
        "Der Minister reiste letzten Dienstag nach Bamako.",
        [("letzten Dienstag", "2024-09-17")],
    ),
    (
        "de",
        "Die Delegationen treffen sich am kommenden Montag.",
        [("kommenden Montag", "2024-09-23")],
    ),
    ("de", "Die Wahlen finden nächstes Jahr statt.", [("nächstes Jahr", "2025")]),
    ("de", "Der Bericht wurde letzten Monat veröffentlicht.", [("letzten Monat", "2024-08")]),
    ("de", "In diesem Jahr sank die Goldproduktion.", [("diesem Jahr", "2024")]),
    ("de", "Im vergangenen Jahr flohen Tausende.", [("Im vergangenen Jahr", "2023")]),
    ("de", "Die französischen Truppen verließen das Land 2022.", [("2022", "2022")]),
    ("de", "Im August 2023 starb Prigoschin.", [("August 2023", "2023-08")]),
    ("de", "Die Kämpfe begannen im August.", [("August", "2024-08")]),
    ("de", "Vor zwei Wochen eroberte die Armee Kidal zurück.", [("Vor zwei Wochen", "2024-W36")]),
    ("de", "Das Abkommen wurde vor einem Jahr unterzeichnet.", [("vor einem Jahr", "2023")]),
    ("de", "Der Einsatz dauerte zehn Jahre.", [("zehn Jahre", "P10Y")]),
    ("de", "Seit Anfang September häufen sich die Angriffe.", [("Anfang September", "2024-09")]),
    ("de", "Die Gespräche werden morgen fortgesetzt.", [("morgen", "2024-09-21")]),
    (
        "de",
        "Am Mittwoch, dem 18. September, verhängte die Junta eine Ausgangssperre.",
        [("Mittwoch, dem 18. September", "2024-09-18")],
    ),
    ("de", "Mitte Juli wurden die Geiseln freigelassen.", [("Mitte Juli", "2024-07")]),
    ("de", "Am 1. Januar 2024 trat das Gesetz in Kraft.", [("1. Januar 2024", "2024-01-01")]),
    ("de", "Die heute veröffentlichte Bilanz nennt 40 Tote.", [("heute", "2024-09-20")]),
    ("de", "Das Dekret vom 05.09.2024 verlängert den Notstand.", [("05.09.2024", "2024-09-05")]),
    ("de", "Vergangene Woche zogen sich die Kämpfer zurück.", [("Vergangene Woche", "2024-W37")]),
    ("de", "Die Verhandlungen laufen seit mehreren Wochen.", [("mehreren Wochen", "PXW")]),
    ("de", "Die Geiseln kamen gestern frei.", [("gestern", "2024-09-19")]),
    # Spanish
    (
        "es",
        "El golpe del 24 de mayo de 2021 derrocó al presidente.",
        [("del 24 de mayo de 2021", "2021-05-24")],
    ),
    (
        "es",
        "El convoy fue atacado hace tres días cerca de Gao.",
        [("hace tres días", "2024-09-17")],
    ),
    ("es", "Los combates se reanudaron el lunes.", [("el lunes", "2024-09-16")]),
    ("es", "El ministro viajó a Bamako el pasado martes.", [("el pasado martes", "2024-09-17")]),
    ("es", "Las delegaciones se reunirán el próximo lunes.", [("el próximo lunes", "2024-09-23")]),
    ("es", "Las elecciones se celebrarán el próximo año.", [("el próximo año", "2025")]),
    ("es", "El informe se publicó el mes pasado.", [("el mes pasado", "2024-08")]),
    ("es", "Este año la producción de oro cayó.", [("Este año", "2024")]),
    ("es", "El año que viene se renovará el mandato.", [("El año que viene", "2025")]),
    ("es", "Las tropas francesas abandonaron el país en 2022.", [("2022", "2022")]),
    ("es", "En agosto de 2023 murió Prigozhin.", [("agosto de 2023", "2023-08")]),
    ("es", "Hace dos semanas el ejército recuperó Kidal.", [("Hace dos semanas", "2024-W36")]),
    ("es", "El acuerdo se firmó hace un año.", [("hace un año", "2023")]),
    ("es", "La misión duró diez años.", [("diez años", "P10Y")]),
    (
        "es",
        "Desde principios de septiembre se multiplican los ataques.",
        [("principios de septiembre", "2024-09")],
    ),
    ("es", "Las conversaciones se reanudarán mañana.", [("mañana", "2024-09-21")]),
    (
        "es",
        "El miércoles 18 de septiembre la junta decretó un toque de queda.",
        [("El miércoles 18 de septiembre", "2024-09-18")],
    ),
    ("es", "Fueron liberados a mediados de julio.", [("mediados de julio", "2024-07")]),
    (
        "es",
        "El 1 de enero de 2024 entró en vigor la ley.",
        [("El 1 de enero de 2024", "2024-01-01")],
    ),
    ("es", "El balance publicado hoy habla de 40 muertos.", [("hoy", "2024-09-20")]),
    (
        "es",
        "El decreto del 05/09/2024 prolonga el estado de emergencia.",
        [("05/09/2024", "2024-09-05")],
    ),
    ("es", "Ayer fueron liberados los rehenes.", [("Ayer", "2024-09-19")]),
    (
        "es",
        "Las negociaciones duran desde hace varias semanas.",
        [("varias semanas", "PXW")],
    ),
    ("es", "La ofensiva comenzó en julio.", [("julio", "2024-07")]),
    ("es", "La semana que viene llegará la misión.", [("La semana que viene", "2024-W39")]),
    # Russian
    ("ru", "Переворот 24 мая 2021 года сверг президента.", [("24 мая 2021 года", "2021-05-24")]),
    ("ru", "Колонну атаковали три дня назад под Гао.", [("три дня назад", "2024-09-17")]),
    ("ru", "Бои возобновились в понедельник.", [("понедельник", "2024-09-16")]),
    ("ru", "Министр прилетел в Бамако в прошлый вторник.", [("в прошлый вторник", "2024-09-17")]),
    ("ru", "Делегации встретятся в следующую среду.", [("в следующую среду", "2024-09-25")]),
    ("ru", "Выборы пройдут в следующем году.", [("в следующем году", "2025")]),
    ("ru", "Доклад опубликовали в прошлом месяце.", [("в прошлом месяце", "2024-08")]),
    ("ru", "В этом году добыча золота упала.", [("В этом году", "2024")]),
    ("ru", "Французские войска покинули страну в 2022 году.", [("2022", "2022")]),
    ("ru", "В августе 2023 года погиб Пригожин.", [("августе 2023 года", "2023-08")]),
    ("ru", "Напряжённость выросла в августе.", [("августе", "2024-08")]),
    ("ru", "Две недели назад армия вернула Кидаль.", [("Две недели назад", "2024-W36")]),
    ("ru", "Соглашение подписали год назад.", [("год назад", "2023")]),
    ("ru", "Миссия длилась десять лет.", [("десять лет", "P10Y")]),
    ("ru", "С начала сентября нападения участились.", [("С начала сентября", "2024-09")]),
    ("ru", "Переговоры продолжатся завтра.", [("завтра", "2024-09-21")]),
    (
        "ru",
        "В среду, 18 сентября, хунта ввела комендантский час.",
        [("среду, 18 сентября", "2024-09-18")],
    ),
    ("ru", "Их освободили в середине июля.", [("в середине июля", "2024-07")]),
    ("ru", "1 января 2024 года закон вступил в силу.", [("1 января 2024 года", "2024-01-01")]),
    ("ru", "Опубликованные сегодня данные говорят о 40 погибших.", [("сегодня", "2024-09-20")]),
    ("ru", "На прошлой неделе боевики отступили.", [("На прошлой неделе", "2024-W37")]),
    ("ru", "Заложников освободили 17 сентября.", [("17 сентября", "2024-09-17")]),
    ("ru", "Указ от 05.09.2024 продлевает режим ЧП.", [("05.09.2024", "2024-09-05")]),
    ("ru", "Переговоры идут уже несколько недель.", [("несколько недель", "PXW")]),
    ("ru", "Вчера боевики напали на пост.", [("Вчера", "2024-09-19")]),
    # Ukrainian
    (
        "uk",
        "Переворот 24 травня 2021 року скинув президента.",
        [("24 травня 2021 року", "2021-05-24")],
    ),
    ("uk", "Колону атакували три дні тому під Гао.", [("три дні тому", "2024-09-17")]),
    ("uk", "Бої відновилися в понеділок.", [("понеділок", "2024-09-16")]),
    (
        "uk",
        "Міністр прилетів до Бамако в минулий вівторок.",
        [("в минулий вівторок", "2024-09-17")],
    ),
    ("uk", "Делегації зустрінуться в наступну середу.", [("в наступну середу", "2024-09-25")]),
    ("uk", "Вибори відбудуться наступного року.", [("наступного року", "2025")]),
    ("uk", "Звіт оприлюднили минулого місяця.", [("минулого місяця", "2024-08")]),
    ("uk", "Цього року видобуток золота впав.", [("Цього року", "2024")]),
    ("uk", "Торік країну залишили тисячі людей.", [("Торік", "2023")]),
    ("uk", "Французькі війська залишили країну у 2022 році.", [("2022", "2022")]),
    ("uk", "У серпні 2023 року загинув Пригожин.", [("серпні 2023 року", "2023-08")]),
    ("uk", "Два тижні тому армія повернула Кідаль.", [("Два тижні тому", "2024-W36")]),
    ("uk", "Угоду підписали рік тому.", [("рік тому", "2023")]),
    ("uk", "Місія тривала десять років.", [("десять років", "P10Y")]),
    ("uk", "З початку вересня напади почастішали.", [("З початку вересня", "2024-09")]),
    ("uk", "Переговори продовжаться завтра.", [("завтра", "2024-09-21")]),
    (
        "uk",
        "У середу, 18 вересня, хунта запровадила комендантську годину.",
        [("середу, 18 вересня", "2024-09-18")],
    ),
    ("uk", "Їх звільнили в середині липня.", [("в середині липня", "2024-07")]),
    ("uk", "1 січня 2024 року закон набув чинності.", [("1 січня 2024 року", "2024-01-01")]),
    ("uk", "Оприлюднені сьогодні дані свідчать про 40 загиблих.", [("сьогодні", "2024-09-20")]),
    ("uk", "На минулому тижні бойовики відступили.", [("На минулому тижні", "2024-W37")]),
    ("uk", "Заручників звільнили 17 вересня.", [("17 вересня", "2024-09-17")]),
    ("uk", "Указ від 05.09.2024 продовжує надзвичайний стан.", [("05.09.2024", "2024-09-05")]),
    ("uk", "Переговори тривають уже кілька тижнів.", [("кілька тижнів", "PXW")]),
    ("uk", "Учора бойовики напали на блокпост.", [("Учора", "2024-09-19")]),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), NEWS)
def test_news_sentences_in_each_language_give_their_dates(language, sentence, expected):
    found = find_dates(sentence, reference=REF, language=language)
    assert [(m.text, m.value) for m in found] == expected


def test_each_language_has_at_least_25_news_sentences():
    counts = {
        code: sum(1 for row in NEWS if row[0] == code) for code in ("fr", "de", "es", "ru", "uk")
    }
    assert min(counts.values()) >= 25, counts
