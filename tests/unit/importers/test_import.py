"""Importing articles: file names, front matter, duplicates, overrides, Word and PDF reports."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from reportlab.pdfgen import canvas

from briefing import importers
from briefing.errors import InputError
from briefing.importers import ImportStatus, Overrides, add, draft_from, import_draft
from briefing.importers.documents import read_docx, read_pdf, unwrap
from briefing.importers.draft import Draft, admiralty, markdown, slug
from briefing.ingest import text as text_reader

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
TODAY = dt.date(2025, 9, 1)
TEXT = "On 12 March 2024 the convoy left Gao.\nTwo days later it reached Kidal.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    return tmp_path


# ---------------------------------------------------------------------------------------------
# Names and front matter


def test_slug_is_date_publisher_title_in_ascii() -> None:
    draft = Draft(
        text="x",
        source="-",
        title="Kidal : l'armée reprend la ville",
        publisher="L'Écho du Nord",
        published=dt.date(2023, 11, 15),
    )
    assert slug(draft) == "2023-11-15-l-echo-du-nord-kidal-l-armee-reprend-la-ville"


def test_slug_says_undated_and_uses_the_first_words_without_a_title() -> None:
    draft = Draft(text="Wagner fighters were seen near Gao, witnesses said on Monday.", source="-")
    assert slug(draft) == "undated-wagner-fighters-were-seen-near-gao-witnesses-said"


def test_slug_is_capped_at_a_word_boundary() -> None:
    draft = Draft(text="x", source="-", title="word " * 40, publisher="a very long outlet " * 5)
    stem = slug(draft)
    assert len(stem) <= len("undated") + 1 + 30 + 1 + 60
    assert not stem.endswith("-")
    assert "--" not in stem


@pytest.mark.parametrize(
    "title",
    ["Wagner: the end? #1", "yes", "2025", "- a dash", "'quoted' and \"double\"", " padded "],
)
def test_front_matter_reads_back_exactly(tmp_path: Path, title: str) -> None:
    draft = Draft(
        text=TEXT,
        source="-",
        title=title,
        publisher="no",
        url="https://example.org/a?b=1#c",
        published=dt.date(2024, 3, 12),
        accessed=TODAY,
        language="en",
        author="Fatoumata Traoré",
        reliability="B2",
    )
    path = tmp_path / "a.md"
    path.write_text(markdown(draft), encoding="utf-8")
    article, notes = text_reader.read(path)
    assert not [note for note in notes if note.level != "info"]
    assert (article.title, article.publisher, article.url, article.author) == (
        title.strip(),  # the reader strips padding; every other character comes back
        "no",
        "https://example.org/a?b=1#c",
        "Fatoumata Traoré",
    )
    assert (article.published, article.accessed, article.language, article.reliability) == (
        dt.date(2024, 3, 12),
        TODAY,
        "en",
        "B2",
    )
    assert "the convoy left Gao" in article.text


def test_front_matter_holds_only_the_known_fields() -> None:
    text = markdown(Draft(text="Body.", source="-", publisher="Sahel Watch"))
    assert text == "---\npublisher: Sahel Watch\n---\nBody.\n"


@pytest.mark.parametrize(("code", "canonical"), [("B2", "B2"), ("a1", "A1"), (" F6 ", "F6")])
def test_admiralty_codes_are_accepted(code: str, canonical: str) -> None:
    assert admiralty(code) == canonical


@pytest.mark.parametrize("code", ["G1", "A7", "A0", "AB", "B", "B22", ""])
def test_other_reliability_values_are_refused(code: str) -> None:
    with pytest.raises(InputError, match="Admiralty"):
        admiralty(code)


# ---------------------------------------------------------------------------------------------
# Sources


def test_a_saved_page_becomes_a_markdown_article(project: Path) -> None:
    (result,) = add([str(FIXTURES / "wordpress-blog.html")], project, today=TODAY)
    assert result.status is ImportStatus.ADDED
    assert result.path.name == (
        "2024-07-30-sahel-watch-ambush-near-tinzaouaten-what-we-know-about-wagners-worst.md"
    )
    article, _ = text_reader.read(result.path)
    assert article.publisher == "Sahel Watch"
    assert article.author == "Amadou Keita"
    assert article.published == dt.date(2024, 7, 30)
    assert article.accessed is None  # a saved file: the access date is not known
    assert "Grey Zone, acknowledged heavy losses on July 29" in article.text
    assert "Commenter rant" not in result.path.read_text(encoding="utf-8")


def test_a_text_file_keeps_its_front_matter_as_metadata(project: Path, tmp_path: Path) -> None:
    source = tmp_path / "note.md"
    source.write_text(
        "---\ntitle: Convoy\npublisher: Field notes\npublished: 2024-03-12\n---\n" + TEXT,
        encoding="utf-8",
    )
    (result,) = add([str(source)], project, today=TODAY)
    assert result.path.name == "2024-03-12-field-notes-convoy.md"
    assert result.path.read_text(encoding="utf-8").count("---\n") == 2


def test_pasted_text_takes_its_metadata_from_the_flags(project: Path) -> None:
    overrides = Overrides(
        title="Convoy reaches Kidal",
        publisher="Radio Sahel",
        published=dt.date(2024, 3, 14),
        reliability="C3",
        language="en",
    )
    (result,) = add(["-"], project, today=TODAY, overrides=overrides, pasted=TEXT)
    assert result.path.name == "2024-03-14-radio-sahel-convoy-reaches-kidal.md"
    article, _ = text_reader.read(result.path)
    assert (article.reliability, article.published) == ("C3", dt.date(2024, 3, 14))
    assert result.diagnostics == ()


def test_flags_override_what_the_page_says(project: Path) -> None:
    overrides = Overrides(publisher="Courier", published=dt.date(2024, 9, 17), author="Desk")
    (result,) = add([str(FIXTURES / "news-outlet.html")], project, today=TODAY, overrides=overrides)
    article, _ = text_reader.read(result.path)
    assert (article.publisher, article.published, article.author) == (
        "Courier",
        dt.date(2024, 9, 17),
        "Desk",
    )
    assert article.title == "Dozens killed in twin attacks on Bamako police school and airport"


def test_an_article_without_a_date_is_named_undated_and_warned(project: Path) -> None:
    (result,) = add(["-"], project, today=TODAY, pasted=TEXT)
    assert result.path.name.startswith("undated-")
    assert [note.code for note in result.diagnostics] == [
        "no-published-date",
        "language-detected",
    ]


def test_pasted_text_gets_its_language_detected_and_written(project: Path) -> None:
    pasted = (
        "Le 17 septembre 2024, la junte a annoncé un couvre-feu à Bamako après les attaques "
        "contre l'école de gendarmerie et l'aéroport militaire."
    )
    (result,) = add(["-"], project, today=TODAY, pasted=pasted)
    assert "\nlanguage: fr\n" in result.path.read_text(encoding="utf-8")
    article, _ = text_reader.read(result.path)
    assert article.language == "fr"
    (note,) = [n for n in result.diagnostics if n.code == "language-detected"]
    assert "French (fr)" in note.message


def test_a_text_too_short_to_tell_is_read_as_english_and_said_so(project: Path) -> None:
    (result,) = add(["-"], project, today=TODAY, pasted="Kidal, 2024.")
    assert "language:" not in result.path.read_text(encoding="utf-8")
    assert "language-assumed" in [note.code for note in result.diagnostics]


def test_unknown_suffixes_and_missing_files_fail_with_a_reason(project: Path) -> None:
    (project / "sheet.xlsx").write_bytes(b"PK")
    results = add([str(project / "sheet.xlsx"), str(project / "gone.txt")], project, today=TODAY)
    assert [r.status for r in results] == [ImportStatus.FAILED, ImportStatus.FAILED]
    assert "cannot import '.xlsx' files" in results[0].reason
    assert "no such file" in results[1].reason


def test_empty_text_is_not_imported(project: Path) -> None:
    (result,) = add(["-"], project, today=TODAY, pasted="   \n\n")
    assert result.status is ImportStatus.FAILED
    assert "no article text" in result.reason
    assert list((project / "articles").iterdir()) == []


# ---------------------------------------------------------------------------------------------
# Duplicates and names never overwritten


def test_the_same_page_twice_is_added_once(project: Path) -> None:
    page = str(FIXTURES / "news-outlet.html")
    first, second = add([page, page], project, today=TODAY)
    assert first.status is ImportStatus.ADDED
    assert (second.status, second.path, second.reason) == (
        ImportStatus.DUPLICATE,
        first.path,
        "same URL",
    )
    assert len(list((project / "articles").iterdir())) == 1


def test_the_same_text_differently_spaced_and_cased_is_a_duplicate(project: Path) -> None:
    add(["-"], project, today=TODAY, pasted=TEXT)
    respaced = "  ON 12 March 2024   the convoy left Gao!\n\n\nTwo days later it reached Kidal. "
    (result,) = add(["-"], project, today=TODAY, pasted=respaced)
    assert (result.status, result.reason) == (ImportStatus.DUPLICATE, "same text")


def test_the_same_url_with_tracking_parameters_is_a_duplicate(project: Path) -> None:
    add(["-"], project, today=TODAY, pasted=TEXT, overrides=Overrides(url="https://x.org/a/"))
    (result,) = add(
        ["-"],
        project,
        today=TODAY,
        pasted="Another text entirely, on 3 May 2024.",
        overrides=Overrides(url="http://www.x.org/a?utm_source=tw#top"),
    )
    assert (result.status, result.reason) == (ImportStatus.DUPLICATE, "same URL")


def test_adding_again_with_metadata_fills_in_what_the_file_lacks(project: Path) -> None:
    (first,) = add(["-"], project, today=TODAY, pasted=TEXT)
    body = first.path.read_text(encoding="utf-8").split("---\n", 2)[2]
    given = Overrides(title="Convoy reaches Kidal", publisher="Reuters", published=TODAY)
    (again,) = add(["-"], project, today=TODAY, pasted=TEXT, overrides=given)
    assert again.status is ImportStatus.COMPLETED
    assert again.path == first.path  # the same file, not a copy
    assert again.reason == "same text: filled in title, publisher, published"
    article, _ = text_reader.read(first.path)
    assert (article.title, article.publisher, article.published) == (
        "Convoy reaches Kidal",
        "Reuters",
        TODAY,
    )
    assert first.path.read_text(encoding="utf-8").split("---\n", 2)[2] == body
    assert len(list((project / "articles").iterdir())) == 1


def test_adding_again_never_overwrites_metadata_without_force(project: Path) -> None:
    meta = Overrides(title="Convoy", publisher="Desk")
    (first,) = add(["-"], project, today=TODAY, pasted=TEXT, overrides=meta)
    other = Overrides(publisher="Reuters", author="A. Writer")
    (kept,) = add(["-"], project, today=TODAY, pasted=TEXT, overrides=other)
    assert kept.status is ImportStatus.COMPLETED
    assert "filled in author" in kept.reason
    assert "kept its own publisher (--force replaces them)" in kept.reason
    assert text_reader.read(first.path)[0].publisher == "Desk"
    (forced,) = add(["-"], project, today=TODAY, pasted=TEXT, overrides=other, force=True)
    assert "replaced publisher" in forced.reason
    article, _ = text_reader.read(first.path)
    assert (article.publisher, article.author, article.title) == ("Reuters", "A. Writer", "Convoy")


def test_adding_again_with_nothing_new_is_a_plain_duplicate(project: Path) -> None:
    add(["-"], project, today=TODAY, pasted=TEXT, overrides=Overrides(publisher="Desk"))
    (result,) = add(["-"], project, today=TODAY, pasted=TEXT, overrides=Overrides(publisher="Desk"))
    assert (result.status, result.reason) == (ImportStatus.DUPLICATE, "same text")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Путин заявил о переговорах", "2024-09-18-tass-putin-zayavil-o-peregovorakh"),  # noqa: RUF001 -- Cyrillic on purpose
        ("Ο Πούτιν στο Μάλι", "2024-09-18-tass-o-poytin-sto-mali"),  # noqa: RUF001 -- Greek on purpose
    ],
)
def test_titles_in_other_scripts_are_transliterated(title: str, expected: str) -> None:
    draft = Draft(
        text="x",
        source="-",
        title=title,
        publisher="ТАСС",  # noqa: RUF001 -- Cyrillic on purpose
        published=dt.date(2024, 9, 18),
    )
    assert slug(draft) == expected


def test_a_taken_name_gets_a_number_and_nothing_is_overwritten(project: Path) -> None:
    meta = Overrides(title="Convoy", publisher="Desk", published=dt.date(2024, 3, 12))
    taken = project / "articles" / "2024-03-12-desk-convoy.txt"
    taken.write_text("Something else entirely, written by hand.", encoding="utf-8")
    first, second = (
        add(["-"], project, today=TODAY, overrides=meta, pasted=text)[0]
        for text in (TEXT, "A different report on 13 March 2024.")
    )
    assert [first.path.name, second.path.name] == [
        "2024-03-12-desk-convoy-2.md",
        "2024-03-12-desk-convoy-3.md",
    ]
    assert taken.read_text(encoding="utf-8") == "Something else entirely, written by hand."


def test_import_draft_refuses_a_draft_without_text(project: Path) -> None:
    with pytest.raises(InputError, match="no article text"):
        import_draft(Draft(text="", source="-"), project)


def test_a_missing_project_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        add(["-"], tmp_path / "nowhere", today=TODAY, pasted=TEXT)


# ---------------------------------------------------------------------------------------------
# Word and PDF reports


def _docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    document.core_properties.title = "Sahel security update"
    document.core_properties.author = "Analysis Desk"
    document.core_properties.created = dt.datetime(2024, 5, 6, 10, 0, tzinfo=dt.UTC)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.add_paragraph("")
    document.save(str(path))
    return path


def _pdf(path: Path, lines: list[str]) -> Path:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    pdf.setTitle("Quarterly report on Mali")
    pdf.setAuthor("Field Office")
    y = 800
    for line in lines:
        pdf.drawString(50, y, line)
        y -= 14
    pdf.save()
    path.write_bytes(buffer.getvalue())
    return path


def test_a_word_report_gives_paragraphs_and_core_properties(tmp_path: Path) -> None:
    path = _docx(tmp_path / "r.docx", ["On 6 May 2024 the desk met.", "Nothing else happened."])
    draft = read_docx(path)
    assert draft.text == "On 6 May 2024 the desk met.\nNothing else happened."
    assert (draft.title, draft.author, draft.published) == (
        "Sahel security update",
        "Analysis Desk",
        dt.date(2024, 5, 6),
    )


def test_a_pdf_report_gives_text_and_information(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "r.pdf",
        [
            "The Malian army and its Russian partners entered Kidal on 14 November",
            "2023, after several days of fighting.",
            "The rebels said they had withdrawn.",
        ],
    )
    draft = read_pdf(path)
    assert draft.text.split("\n") == [
        "The Malian army and its Russian partners entered Kidal on 14 November 2023, after "
        "several days of fighting.",
        "The rebels said they had withdrawn.",
    ]
    assert (draft.title, draft.author) == ("Quarterly report on Mali", "Field Office")


def test_word_and_pdf_reports_are_imported(project: Path, tmp_path: Path) -> None:
    report = _docx(tmp_path / "r.docx", ["On 6 May 2024 the desk met in Bamako."])
    brief = _pdf(tmp_path / "b.pdf", ["On 7 May 2024 the office closed."])
    results = add([str(report), str(brief)], project, today=TODAY)
    assert [r.status for r in results] == [ImportStatus.ADDED, ImportStatus.ADDED]
    assert results[0].path.name == "2024-05-06-sahel-security-update.md"
    assert "the office closed" in results[1].path.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_damaged_report_fails_with_a_clear_message(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"this is not what it claims to be")
    with pytest.raises(InputError, match="not a readable"):
        draft_from(str(path), today=TODAY)


def test_unwrap_joins_hard_wrapped_lines_and_hyphenated_words() -> None:
    page = (
        "The convoy left Gao in the early morning and drove north towards the border\n"
        "with Algeria, where it was ambushed by rebels of the CSP-DPA coali-\n"
        "tion.\n"
        "A second paragraph.\n"
        "\n"
        "Third"
    )
    assert unwrap(page).split("\n") == [
        "The convoy left Gao in the early morning and drove north towards the border with "
        "Algeria, where it was ambushed by rebels of the CSP-DPA coalition.",
        "A second paragraph.",
        "Third",
    ]


def test_the_public_names_are_listed() -> None:
    assert len(set(importers.__all__)) == len(importers.__all__)
    assert all(hasattr(importers, name) for name in importers.__all__)
