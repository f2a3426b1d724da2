"""Reading one text/Markdown article: front matter, encodings, bad input, the line map."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.ingest.text import read
from briefing.model import Article, DateOrigin, Diagnostic, Level

SAMPLE = Path(__file__).resolve().parents[3] / "inputs" / "articles"
OSINT = SAMPLE / "2025-08-31-osint-ukraine-archive-wagner-failures-in-mali.md"
DAILY_MAIL = SAMPLE / "daily-mail-putin-wagner-mali-attacks.md"

BODY = (
    "Rebels attacked the town of Kidal on 3 May 2024, officials said.\n"
    "The army sent reinforcements from the capital the next day.\n"
)


def write(tmp_path: Path, content: str | bytes, name: str = "article.md") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def codes(notes: tuple[Diagnostic, ...]) -> list[str]:
    return [note.code for note in notes]


def test_front_matter_fields_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\n"
        'title: "Rebels take Kidal"\n'
        "publisher: Example News\n"
        "url: https://example.org/kidal\n"
        "published: 2024-05-04\n"
        "accessed: '2024-05-06'\n"
        "language: FR\n"
        "author: [Jane Smith, Tom Brown]\n"
        "reliability: B2\n"
        "---\n" + BODY,
    )

    article, notes = read(path)

    assert article.id == "article"
    assert article.title == "Rebels take Kidal"
    assert article.publisher == "Example News"
    assert article.url == "https://example.org/kidal"
    assert article.published == dt.date(2024, 5, 4)
    assert article.date_origin is DateOrigin.FRONT_MATTER
    assert article.accessed == dt.date(2024, 5, 6)
    assert article.language == "fr"
    assert article.author == "Jane Smith, Tom Brown"
    assert article.reliability == "B2"
    assert article.body_line == 11
    assert article.text == BODY.strip()
    # the body is English: the analyst's word is kept, with a warning naming the line
    (note,) = notes
    assert (note.code, note.level, note.line) == ("language-mismatch", Level.WARNING, 7)
    assert "English (en)" in note.message


def test_article_without_front_matter_is_all_body(tmp_path: Path) -> None:
    article, notes = read(write(tmp_path, BODY, "note.txt"))

    assert article.text == BODY.strip()
    assert article.body_line == 1
    assert article.published is None
    assert article.date_origin is DateOrigin.UNKNOWN
    assert codes(notes) == ["no-published-date"]
    assert notes[0].level is Level.WARNING
    assert "published:" in notes[0].message


def test_file_name_date_is_used_when_front_matter_has_none(tmp_path: Path) -> None:
    article, notes = read(write(tmp_path, BODY, "2024-05-04-kidal.md"))

    assert article.published == dt.date(2024, 5, 4)
    assert article.date_origin is DateOrigin.FILENAME
    assert codes(notes) == ["published-from-filename"]


def test_front_matter_date_wins_over_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "---\npublished: 2024-05-05\n---\n" + BODY, "2024-05-04-kidal.md")

    article, _ = read(path)

    assert article.published == dt.date(2024, 5, 5)
    assert article.date_origin is DateOrigin.FRONT_MATTER


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-04", dt.date(2024, 5, 4)),
        ("'2024-05-04'", dt.date(2024, 5, 4)),
        ("2024-05-04T10:30:00Z", dt.date(2024, 5, 4)),
        ("'2024-05-04 10:30'", dt.date(2024, 5, 4)),
    ],
)
def test_published_accepts_dates_and_timestamps(
    tmp_path: Path, value: str, expected: dt.date
) -> None:
    article, _ = read(write(tmp_path, f"---\npublished: {value}\n---\n" + BODY))

    assert article.published == expected


def test_implausible_publication_year_is_a_warning(tmp_path: Path) -> None:
    article, notes = read(write(tmp_path, "---\ntitle: x\npublished: 1025-05-04\n---\n" + BODY))

    assert article.published == dt.date(1025, 5, 4)
    assert codes(notes) == ["implausible-published-date"]
    assert notes[0].line == 3


def test_unknown_front_matter_key_is_a_warning_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "---\npublished: 2024-05-04\ndataset_id: x/1\n---\n" + BODY)

    _, notes = read(path)

    assert codes(notes) == ["unknown-field"]
    assert notes[0].level is Level.WARNING
    assert notes[0].line == 3
    assert "'dataset_id' is not used" in notes[0].message


@pytest.mark.parametrize(
    ("key", "meant"), [("publised", "published"), ("date", "published"), ("Title", "title")]
)
def test_a_misspelt_or_foreign_key_says_which_field_was_meant(
    tmp_path: Path, key: str, meant: str
) -> None:
    path = write(tmp_path, f"---\ntitle: x\n{key}: 2024-05-04\n---\n" + BODY)

    _, notes = read(path)

    [note] = [n for n in notes if n.code == "unknown-field"]
    assert (note.level, note.line) == (Level.WARNING, 3)
    assert f"did you mean '{meant}'?" in note.message


@pytest.mark.parametrize("value", ["Z9", "reliable", "'B 7'", "A-1"])
def test_a_reliability_that_is_no_admiralty_grade_is_a_warning_and_left_out(
    tmp_path: Path, value: str
) -> None:
    path = write(tmp_path, f"---\npublished: 2024-05-04\nreliability: {value}\n---\n" + BODY)

    article, notes = read(path)

    assert article.reliability == ""
    [note] = [n for n in notes if n.code == "bad-reliability"]
    assert (note.level, note.line) == (Level.WARNING, 3)
    assert "not an Admiralty grade" in note.message


def test_an_admiralty_grade_is_read_in_canonical_form(tmp_path: Path) -> None:
    article, notes = read(write(tmp_path, "---\nreliability: b2\n---\n" + BODY))
    assert article.reliability == "B2"
    assert "bad-reliability" not in codes(notes)


@pytest.mark.parametrize(
    ("front_matter", "line", "words"),
    [
        ("title: Rebels: they took Kidal\n", 2, "malformed front matter"),
        ("published: 2024-05-04\ntitle: [unclosed\n", 3, "malformed front matter"),
        ("title: a\ntitle: b\n", 3, "duplicate key"),
        ("publisher: Example\npublished: yesterday\n", 3, "YYYY-MM-DD"),
        ("published: 2024-13-01\n", 2, "YYYY-MM-DD"),
        ("title: x\npublished: 2025\n", 3, "YYYY-MM-DD"),
        ("published: '2024-02-30'\n", 2, "YYYY-MM-DD"),
        ("title: {a: 1}\n", 2, "must be text"),
        ("- just\n- a list\n", 2, "key: value"),
    ],
)
def test_bad_front_matter_error_names_file_and_line(
    tmp_path: Path, front_matter: str, line: int, words: str
) -> None:
    path = write(tmp_path, "---\n" + front_matter + "---\n" + BODY)

    with pytest.raises(InputError) as caught:
        read(path)

    assert caught.value.path == path
    assert caught.value.line == line
    assert words in caught.value.message
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_unclosed_front_matter_says_how_to_fix_it(tmp_path: Path) -> None:
    path = write(tmp_path, "---\ntitle: Kidal\n" + BODY)

    with pytest.raises(InputError, match="never closed") as caught:
        read(path)

    assert caught.value.line == 1


def test_utf8_with_bom_is_read_like_utf8(tmp_path: Path) -> None:
    content = "---\npublished: 2024-05-04\n---\n" + BODY
    path = write(tmp_path, codecs.BOM_UTF8 + content.encode("utf-8"))

    article, notes = read(path)

    assert article.published == dt.date(2024, 5, 4)
    assert article.text == BODY.strip()
    assert notes == ()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_read_and_reported(tmp_path: Path, codec: str) -> None:
    content = "---\npublished: 2024-05-04\n---\n" + BODY
    data = content.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    article, notes = read(write(tmp_path, data))

    assert article.text == BODY.strip()
    assert codes(notes) == ["encoding"]
    assert "UTF-16" in notes[0].message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path: Path, codec: str) -> None:
    article, notes = read(write(tmp_path, BODY.encode(codec)))

    assert article.text == BODY.strip()
    assert "encoding" in codes(notes)


@pytest.mark.parametrize(
    ("text", "codec", "language"),
    [
        (
            "Президент заявил 17 сентября, что войска покинут Мали. "
            "Это решение вызвало споры в столице.\n",
            "cp1251",
            "ru",
        ),
        (
            "Le président a déclaré le 17 septembre que les troupes quitteraient le Mali. "
            "Cette décision a été très critiquée à Bamako.\n",
            "latin-1",
            "fr",
        ),
    ],
)
def test_legacy_encoding_is_detected_and_reported(
    tmp_path: Path, text: str, codec: str, language: str
) -> None:
    content = f"---\nlanguage: {language}\npublished: 2024-09-18\n---\n{text}"

    article, notes = read(write(tmp_path, content.encode(codec)))

    assert article.text == text.strip()
    assert codes(notes) == ["encoding"]
    assert notes[0].level is Level.WARNING
    assert "UTF-8" in notes[0].message


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        b"%PDF-1.4\n" + bytes(range(256)) * 8,
        bytes(range(256)) * 16,
    ],
)
def test_binary_file_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data)

    with pytest.raises(InputError, match="not a text file") as caught:
        read(path)

    assert caught.value.path == path


@pytest.mark.parametrize(
    "content",
    [
        "",
        "\n\n   \n",
        "---\npublished: 2024-05-04\n---\n",
        "<div>\n<p></p>\n</div>\n![](a.png)\n",
        "Source\nShare\nAdvertisement\n",
    ],
)
def test_empty_article_gives_a_warning_and_no_text(tmp_path: Path, content: str) -> None:
    article, notes = read(write(tmp_path, content))

    assert article.text == ""
    assert codes(notes) == ["empty-article"]
    assert notes[0].level is Level.WARNING


def test_nul_and_control_characters_are_stripped_with_a_warning(tmp_path: Path) -> None:
    content = "Rebels\x00 attacked\x07 the town of Kidal on 3 May 2024.\x1b\r\nThe army left.\r\n"

    article, notes = read(write(tmp_path, content.encode("utf-8"), "2024-05-04-k.txt"))

    assert article.text == "Rebels attacked the town of Kidal on 3 May 2024.\nThe army left."
    assert codes(notes) == ["control-characters", "published-from-filename"]
    assert "3 control" in notes[0].message


def test_unknown_language_code_falls_back_to_english(tmp_path: Path) -> None:
    path = write(tmp_path, "---\npublished: 2024-05-04\nlanguage: Klingon\n---\n" + BODY)

    article, notes = read(path)

    assert article.language == "en"
    assert codes(notes) == ["unknown-language"]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read(tmp_path / "absent.md")


def test_line_of_maps_offsets_back_to_file_lines(tmp_path: Path) -> None:
    content = (
        "---\n"  # 1
        "published: 2024-05-04\n"  # 2
        "---\n"  # 3
        "Source\n"  # 4
        "\n"  # 5
        "First sentence of the body, written on 3 May 2024.\n"  # 6
        "2 minutes to read\n"  # 7
        "Second sentence, a day later.\n"  # 8
    )
    article, _ = read(write(tmp_path, content))

    assert article.body_line == 4
    assert article.line_of(0) == 6
    assert article.line_of(article.text.index("Second")) == 8
    assert article.line_of(len(article.text) - 1) == 8
    assert [removed.line for removed in article.removed] == [4, 7]


# ---------------------------------------------------------------------------------------------
# The two sample articles


def sample(path: Path) -> Article:
    article, _ = read(path)
    return article


def test_sample_article_loses_its_furniture() -> None:
    article = sample(OSINT)

    assert "2 minutes to read" not in article.text
    assert "Donate here" not in article.text
    assert not article.text.rstrip().endswith("Source")
    assert "Wagner’s failures in Mali undermine" not in article.text
    assert {removed.reason for removed in article.removed} == {
        "banner",
        "title",
        "reading-time",
        "navigation",
    }
    assert article.published == dt.date(2025, 8, 31)


def test_sample_article_keeps_every_dated_sentence() -> None:
    text = sample(OSINT).text

    for sentence in [
        "After a 2021 coup, a junta led by Assimi Goita seized power.",
        "from 736 a year to more than 3,000 annually in 2022–2024",
        "Tensions culminated in August reprisals against dozens of officers",
        "Ukraine’s Foreign Intelligence Service (SZRU) said Sunday.",
    ]:
        assert sentence in text


def test_second_sample_loses_the_caption_copy_and_keeps_its_sentences() -> None:
    article = sample(DAILY_MAIL)

    assert "(pictured)" not in article.text
    assert article.text.startswith("Vladimir Putin is facing shame in Mali")
    for phrase in [
        "The attacks on September 17",
        "Prior to the killings in late July",
        "this week in a summit of African leaders",
        "since at least 2011",
        "Wagner’s public struggles this year.",
    ]:
        assert phrase in article.text
    assert article.published is None
    assert article.date_origin is DateOrigin.UNKNOWN


def test_sample_sentences_map_to_their_file_lines() -> None:
    article = sample(DAILY_MAIL)
    lines = DAILY_MAIL.read_text("utf-8").split("\n")

    offset = 0
    for kept in article.text.split("\n"):
        if kept:
            assert lines[article.line_of(offset) - 1] == kept
            assert lines[article.line_of(offset + len(kept) - 1) - 1] == kept
        offset += len(kept) + 1


def test_an_absurdly_long_title_is_cut_and_a_long_url_left_out(tmp_path: Path) -> None:
    title = "Headline " * 2000
    url = "https://example.org/?q=" + "x" * 5000
    article, notes = read(write(tmp_path, f"---\ntitle: {title}\nurl: {url}\n---\n" + BODY))

    assert len(article.title) == 1000
    assert article.title.endswith("…")
    assert article.url == ""
    assert [(n.code, n.line) for n in notes if n.code == "long-field"] == [
        ("long-field", 2),
        ("long-field", 3),
    ]
