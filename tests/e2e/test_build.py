"""``briefing build`` on the sample project, checked by reading every output back."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from briefing.cli import main

pytestmark = pytest.mark.e2e

EXPECTED_ORDER = ["2011", "2021", "2022–2024", "August 2025", "31 August 2025"]
"""The anchored dates of the sample, in chronological order."""

UNPLACED = ["September 17", "late July", "this week"]
NOT_DATES = ["2 minutes", "80%", "736 a year", "1,500", "3,000 annually", "84", "100 people"]

SECOND_ARTICLE = "daily-mail-putin-wagner-mali-attacks.md"


@pytest.fixture
def built(sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "out"
    code = main(["build", "--inputs", str(sample_project), "--out", str(out)])
    assert code == 0
    return out


def timeline(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    return data


def test_build_writes_the_three_outputs(built: Path) -> None:
    assert sorted(p.name for p in built.iterdir()) == [
        "briefing.docx",
        "briefing.pdf",
        "timeline.json",
    ]


def test_timeline_json_has_the_sample_dates_in_order(built: Path) -> None:
    data = timeline(built)
    assert data["schema"] == 1
    labels = [event["date"]["label"] for event in data["events"]]
    positions = [
        next(i for i, text in enumerate(labels) if text == wanted) for wanted in EXPECTED_ORDER
    ]
    assert positions == sorted(positions)
    for event in data["events"]:
        assert event["date"]["anchored"] is True
        assert event["id"]
        assert event["sources"]


def test_every_source_span_is_the_sentence_that_carries_the_event(built: Path) -> None:
    data = timeline(built)
    texts = {article["id"]: article for article in data["articles"]}
    assert len(texts) == 2
    for event in data["events"] + data["unplaced"]:
        for ref in event["sources"]:
            assert ref["article"] in texts
            assert 0 <= ref["start"] < ref["end"]
            assert ref["end"] - ref["start"] == len(event["text"])


def test_year_less_dates_of_the_undated_article_are_unplaced_with_a_reason(built: Path) -> None:
    data = timeline(built)
    unplaced = {event["date"]["text"].lower(): event for event in data["unplaced"]}
    for phrase in UNPLACED:
        assert phrase.lower() in unplaced, phrase
        event = unplaced[phrase.lower()]
        assert event["date"]["anchored"] is False
        assert event["date"]["start"] is None
        assert "publication date" in event["date"]["reason"]


def test_no_event_is_dated_from_a_number_that_is_not_a_date(built: Path) -> None:
    data = timeline(built)
    phrases = [e["date"]["text"] for e in data["events"] + data["unplaced"]]
    for phrase in phrases:
        for trap in NOT_DATES:
            assert trap not in phrase, (phrase, trap)


def test_the_missing_publication_date_is_one_warning_saying_how_to_fix_it(
    sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--inputs", str(sample_project), "--out", str(tmp_path / "o")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert SECOND_ARTICLE in warnings[0]
    assert "published:" in warnings[0]


def test_adding_the_publication_date_places_those_events(
    sample_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main(["build", "--inputs", str(sample_project), "--out", str(out)]) == 0
    article = sample_project / "articles" / SECOND_ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("language: en\n", "language: en\npublished: 2025-09-20\n", 1), encoding="utf-8"
    )
    assert main(["build", "--inputs", str(sample_project), "--out", str(out)]) == 0
    data = timeline(out)
    labels = {event["date"]["label"] for event in data["events"]}
    assert "17 September 2025" in labels
    assert any(label.startswith("late July") and "2025" in label for label in labels)
    assert not any(e["date"]["text"] in ("September 17", "late July") for e in data["unplaced"])


def test_pdf_shows_the_chronology_in_order_with_source_marks(built: Path) -> None:
    reader = PdfReader(built / "briefing.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    position = flat.index("Chronology")
    for wanted in EXPECTED_ORDER:
        position = flat.index(wanted, position)
    assert "[1]" in flat
    assert "[2]" in flat
    assert "Dates that could not be placed" in flat
    assert "September 17 (year unknown)" in flat
    assert flat.index("Dates that could not be placed") < flat.index("September 17 (year unknown)")
    assert "Sources" in flat
    assert "Wagner in Mali" in flat
    assert re.search(r"Page 1 of \d+", flat)
    assert reader.metadata is not None
    assert reader.metadata.title == "Wagner in Mali"


def _text_heights(reader: PdfReader, page_number: int) -> list[tuple[str, float]]:
    """Each text run of a page with the height (y) it is drawn at."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            runs.append((text.strip(), tm[5] * cm[3] + cm[5]))

    reader.pages[page_number].extract_text(visitor_text=visit)
    return runs


def _internal_links(reader: PdfReader) -> list[tuple[int, int, float]]:
    """(page of the link, page of its destination, destination height) of each internal link."""
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}  # type: ignore[union-attr]
    named = reader.named_destinations
    links = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            dest = link.get("/Dest")
            if dest is None and link.get("/A") is not None:
                dest = link["/A"].get_object().get("/D")
            if dest is None:
                continue
            if not isinstance(dest, list):
                resolved = named[str(dest)]
                target = reader.get_destination_page_number(resolved)
                assert target is not None
                links.append((number, target, float(resolved.top or 0)))
                continue
            links.append((number, pages[dest[0].idnum], float(dest[3])))
    return links


def test_pdf_source_marks_link_to_their_entries(built: Path) -> None:
    reader = PdfReader(built / "briefing.pdf")
    data = timeline(built)
    links = _internal_links(reader)
    assert len(links) >= len(data["events"]) + len(data["unplaced"])
    # Sources are numbered by first citation: the 2011 event (undated article) cites [1],
    # the 2021 event (the dated article) cites [2]. Their links land on those entries.
    sources_page = max(number for _, number, _ in links)
    runs = _text_heights(reader, sources_page)
    first_entry = next(y for text, y in runs if text.startswith("“Vladimir Putin is facing"))
    second_entry = next(y for text, y in runs if "failures in Mali" in text)
    first_link, second_link = links[0], links[1]
    assert first_link[1] == second_link[1] == sources_page
    assert abs(first_link[2] - first_entry) < 20
    assert abs(second_link[2] - second_entry) < 20


def test_docx_has_the_chronology_table_with_linked_marks(built: Path) -> None:
    document = docx.Document(str(built / "briefing.docx"))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert "Title" in styles
    assert "Heading 1" in styles
    table = document.tables[0]
    dates = [row.cells[0].text for row in table.rows[1:]]
    positions = [next(i for i, d in enumerate(dates) if d.startswith(w)) for w in EXPECTED_ORDER]
    assert positions == sorted(positions)
    body = document.element.body.xml
    anchors = set(re.findall(r'w:anchor="([^"]+)"', body))
    bookmarks = set(re.findall(r'w:bookmarkStart [^>]*w:name="([^"]+)"', body))
    # Word bookmark names allow letters, digits and underscores only.
    assert {"source_1", "source_2"} <= anchors
    assert anchors <= bookmarks


def test_python_m_briefing_shows_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for option in ("--inputs", "--out", "--format", "--template", "--marking", "--strict"):
        assert option in result.stdout


def test_missing_inputs_folder_is_one_line_on_stderr_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["build", "--inputs", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert len(err.splitlines()) == 1
    assert "nowhere" in err
    assert "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_format_option_selects_outputs(sample_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(["build", "--inputs", str(sample_project), "--out", str(out), "--format", "json"]) == 0
    )
    assert [p.name for p in out.iterdir()] == ["timeline.json"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_the_docx(built: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(built / "briefing.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    converted = tmp_path / "briefing.pdf"
    assert converted.is_file()
    text = " ".join(page.extract_text() for page in PdfReader(converted).pages)
    assert "Wagner in Mali" in text
    assert "2022–2024" in text


def test_builds_are_byte_identical_with_source_date_epoch(
    sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["build", "--inputs", str(sample_project), "--out", str(first)]) == 0
    assert main(["build", "--inputs", str(sample_project), "--out", str(second)]) == 0
    for name in ("briefing.pdf", "briefing.docx", "timeline.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert "26 November 2025" in " ".join(
        page.extract_text() for page in PdfReader(first / "briefing.pdf").pages
    )


def test_a_failing_writer_leaves_previous_outputs_and_timeline_untouched(
    sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert main(["build", "--inputs", str(sample_project), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    timeline_file = sample_project / "timeline.yaml"
    kept = timeline_file.read_bytes()
    article = sample_project / "articles" / SECOND_ARTICLE
    article.write_text(
        article.read_text(encoding="utf-8") + "\nOn 3 March 2024, a new attack was reported.\n",
        encoding="utf-8",
    )

    from briefing import pipeline

    def explode(_: object) -> object:
        raise RuntimeError("writer crashed halfway")

    monkeypatch.setitem(pipeline.WRITERS, "docx", ("briefing.docx", explode))
    with pytest.raises(RuntimeError):
        main(["build", "--inputs", str(sample_project), "--out", str(out)])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert timeline_file.read_bytes() == kept
    assert not (sample_project / ".briefing.lock").exists()
