"""Generate briefing/extract/lang/tables.py from dateparser's locale data.

Run from the repository root: ``.venv/bin/python tools/gen_date_tables.py`` (needs the test
extras: dateparser and num2words, which spells the number words). dateparser lists
month and weekday names in the nominative and genitive; the Russian and Ukrainian locative
("в августе", "у серпні") and accusative ("в пятницу") forms news uses are derived here by
regular suffix rules, with the few irregular ones listed by hand.
"""
# ruff: noqa: RUF001, RUF002, RUF003  (Cyrillic words and examples are meant to be Cyrillic)

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

LANGUAGES = ("fr", "de", "es", "ru", "uk")
MONTH_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNIT_KEYS = {"year": "Y", "month": "M", "week": "W", "day": "D"}
CLOCK_UNIT_KEYS = {"hour": "H", "minute": "MIN", "second": "S"}
ABBREVIATIONS = {"пр", "сл", "эт", "мес", "нед", "наст", "мин", "міс", "sem", "ant", "próx"}
ABBREVIATIONS |= {"след"}
EXTRA = {
    # Forms dateparser does not list but news writes: locative months, accusative weekdays.
    # Genitive weekdays: "в ночь с субботы на воскресенье", "з понеділка".
    "uk": {
        "months": {"лютому": 2, "листопаді": 11},
        "weekdays": {"п’ятниця": 5, "п’ятницю": 5, "понеділка": 1, "вівторка": 2, "середи": 3}
        | {"четверга": 4, "п'ятниці": 5, "п’ятниці": 5, "суботи": 6, "неділі": 7},
    },
    "ru": {
        "months": {},
        "weekdays": {"понедельника": 1, "вторника": 2, "среды": 3, "четверга": 4}
        | {"пятницы": 5, "субботы": 6, "воскресенья": 7},
    },
    "fr": {"months": {"aout": 8, "fevrier": 2, "decembre": 12}, "weekdays": {}},
    "de": {"months": {"jänner": 1, "maerz": 3}, "weekdays": {}},
    "es": {"months": {"setiembre": 9}, "weekdays": {}},
}


def _locative(code: str, word: str) -> list[str]:
    """Locative forms of a nominative month name: "серпень" -> "серпні", "август" -> "августе"."""
    if code == "uk" and word.endswith("ень"):
        return [word[:-3] + "ні"]
    if code == "ru" and word.endswith(("ь", "й")):
        return [word[:-1] + "е"]
    if code == "ru" and word in ("март", "август"):
        return [word + "е"]
    return []


def _accusative(code: str, word: str) -> list[str]:
    """Accusative of a feminine weekday: "среда" -> "среду", "неділя" -> "неділю"."""
    if code in ("ru", "uk") and word.endswith("а"):
        return [word[:-1] + "у"]
    if code in ("ru", "uk") and word.endswith("я"):
        return [word[:-1] + "ю"]
    return []


def _full_words(forms: list[str], minimum: int) -> list[str]:
    return sorted({f.lower() for f in forms if len(f) >= minimum and "." not in f})


_FEMININE = {"ru": {"два": "две", "один": "одна"}, "uk": {"два": "дві", "один": "одна"}}


def _numbers(code: str) -> tuple[dict[str, int], dict[str, int]]:
    """Cardinal words 1-100 (and round hundreds/thousand) and ordinal words 1-31, from
    num2words: "dix-huit", "veintidós", "двадцять два", "zweiundzwanzig"."""
    from num2words import num2words

    cardinals: dict[str, int] = {}
    for n in [*range(1, 101), 200, 300, 500, 1000]:
        word = num2words(n, lang=code).lower()
        cardinals.setdefault(word, n)
        if code == "fr":  # the 1990 spelling joins every part with hyphens
            cardinals.setdefault(word.replace(" et ", "-et-").replace(" ", "-"), n)
        if code == "de" and word.startswith("ein") and n >= 100:
            cardinals.setdefault(word[3:], n)  # "hundert", "tausend"
        for masculine, feminine in _FEMININE.get(code, {}).items():
            if word == masculine or word.endswith(" " + masculine):
                # "семьдесят две недели", "сімдесят дві години": the feminine form
                cardinals.setdefault(word[: -len(masculine)] + feminine, n)
    ordinals: dict[str, int] = {}
    for n in range(1, 32):
        ordinals.setdefault(num2words(n, lang=code, to="ordinal").lower(), n)
    return cardinals, ordinals


def _table(code: str) -> dict[str, object]:
    info = importlib.import_module(f"dateparser.data.date_translation_data.{code}").info
    months: dict[str, int] = {}
    for n, key in enumerate(MONTH_KEYS, 1):
        for form in _full_words(info[key], 3):
            months[form] = n
            for derived in _locative(code, form):
                months[derived] = n
    weekdays: dict[str, int] = {}
    for n, key in enumerate(WEEKDAY_KEYS, 1):
        for form in _full_words(info[key], 4):
            weekdays[form] = n
            for derived in _accusative(code, form):
                weekdays[derived] = n
    # Drop truncations ("серед" of "середа" means "among"): only whole words name a weekday.
    weekdays = {
        w: n for w, n in weekdays.items() if not any(o != w and o.startswith(w) for o in weekdays)
    }
    months.update(EXTRA[code]["months"])
    weekdays.update(EXTRA[code]["weekdays"])
    units = {
        form: unit
        for key, unit in {**UNIT_KEYS, **CLOCK_UNIT_KEYS}.items()
        for form in _full_words(info[key], 2)
    }
    relative: dict[str, tuple[str, int]] = {}
    for key, phrases in info["relative-type"].items():
        m = re.fullmatch(r"(in )?(\d) (day|week|month|year)( ago)?", key)
        if m is None:
            continue
        shift = int(m.group(2)) * (1 if m.group(1) else -1)
        for phrase in phrases:
            tokens = phrase.lower().split()
            if any(t in ABBREVIATIONS or (len(t) == 1 and t not in "вуl") for t in tokens):
                continue
            relative[phrase.lower()] = (UNIT_KEYS[m.group(3)], shift)
    cardinals, ordinals = _numbers(code)
    regexes = info["relative-type-regex"]
    ago_after = regexes["\\1 day ago"][0].startswith("(")
    return {
        "months": months,
        "weekdays": weekdays,
        "units": units,
        "relative": relative,
        "numbers": cardinals,
        "ordinals": ordinals,
        "ago": tuple(sorted({w.lower() for w in info["ago"]} - {"il ya"})),
        "ago_after": ago_after,
        "later": tuple(
            sorted(
                w.lower()
                for w in info["in"]
                if w.lower() not in ("en", "in", "im", "за", "протягом", "в течение", "après")
            )
        ),
    }


def main() -> int:
    """Write the tables module and format it."""
    out = Path("briefing/extract/lang/tables.py")
    lines = [
        '"""Date words per language. GENERATED by tools/gen_date_tables.py from dateparser\'s',
        'locale data: do not edit by hand, edit the generator and run it again."""',
        "# ruff: noqa: RUF001  (Cyrillic words are meant to look like Cyrillic)",
        "",
        "from __future__ import annotations",
        "",
        "from types import MappingProxyType",
        "from typing import Final",
        "",
        "from briefing.extract.lang.table import LanguageTable",
        "",
        "TABLES: Final = MappingProxyType(",
        "    {",
    ]
    for code in LANGUAGES:
        t = _table(code)
        lines.append(f"        {code!r}: LanguageTable(")
        lines.append(f"            code={code!r},")
        for field in ("months", "weekdays", "units", "relative", "numbers", "ordinals"):
            value = dict(sorted(t[field].items()))  # type: ignore[attr-defined]
            lines.append(f"            {field}=MappingProxyType({value!r}),")
        for field in ("ago", "ago_after", "later"):
            lines.append(f"            {field}={t[field]!r},")
        lines.append("        ),")
    lines += [
        "    }",
        ")",
        '"""Every supported language other than English, by ISO 639-1 code."""',
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", str(out)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
