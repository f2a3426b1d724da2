"""Saved web pages from three differently built news sites: main text in, furniture out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.ingest import READERS, read_folder
from briefing.ingest.html import extract_page, read
from briefing.model import DateOrigin

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"

# page -> (paragraphs that must be there, furniture that must not, metadata)
PAGES = {
    "wordpress-blog.html": (
        [
            "Fighters of the Russian private military company Wagner suffered their heaviest",
            "Grey Zone, acknowledged heavy losses on July 29",
            "Wagner arrived in Mali in December 2021",
            "announced in 2023 that the group’s African operations",
        ],
        [
            "Commenter rant",
            "Commenter opinion",
            "We use cookies",
            "Share this",
            "Advertisement",
            "Africa Corps arrives in Bamako",  # related posts
            "Sidebar widget",
            "Recent Posts",
            "Burkina Faso buys Turkish drones",
            "Leave a Reply",
            "Powered by WordPress",
            "Skip to the content",
        ],
        {
            "title": "Ambush near Tinzaouaten: what we know about Wagner’s worst loss in Mali",
            "author": "Amadou Keita",
            "publisher": "Sahel Watch",
            "url": "https://sahelwatch.example.org/2024/07/30/ambush-near-tinzaouaten/",
            "published": dt.date(2024, 7, 30),
            "language": "en",
        },
    ),
    "news-outlet.html": (
        [
            "Islamist militants attacked a gendarmerie training school",
            "claimed responsibility for the attacks in a statement on Tuesday evening",
            "more than 70 people were killed",
            "asked the UN peacekeeping mission to leave in June 2023",
            "signed on 16 September 2023",
        ],
        [
            "Reader comment",
            "Your privacy",
            "842 partners",
            "Advertisement",
            "Share on Facebook",
            "Most viewed",
            "markets fall",
            "Wagner suffers heavy losses in northern Mali ambush",  # rich link
            "Epic banner",
            "Sign up to First Edition",
            "All rights reserved",
            "This discussion is now closed",
        ],
        {
            "title": "Dozens killed in twin attacks on Bamako police school and airport",
            "author": "Claire Dubois",
            "publisher": "The Global Courier",
            "url": "https://www.globalcourier.example.com/world/2024/sep/18/"
            "bamako-attacks-police-school-airport-mali",
            # datePublished, not dateModified (19 September)
            "published": dt.date(2024, 9, 18),
            "language": "en",
        },
    ),
    "regional-site.html": (
        [
            "Les Forces armées maliennes (FAMa) sont entrées mardi 14 novembre 2023 dans Kidal",
            "avaient pris le contrôle de la ville en début d'après-midi",
            "dans la nuit du 13 au 14 novembre",
            "remis le 31 octobre",
        ],
        [
            "Réaction de lecteur",
            "Ibrahim S.",
            "acceptez l'utilisation de cookies",
            "Publicité",
            "Partager",
            "WhatsApp",
            "À lire aussi",
            "Combats à Anéfis",
            "Les plus lus",
            "Météo Bamako",
            "Tous droits réservés",
            "3 réactions",
            "Accueil",
        ],
        {
            "title": "Kidal : l'armée et ses partenaires russes reprennent la ville",
            "author": "Fatoumata Traoré",
            "publisher": "L'Écho du Nord",
            "url": "https://www.echodunord.example.ml/securite/"
            "kidal-armee-reprend-la-ville-2023-11-15.html",
            "published": dt.date(2023, 11, 15),
            "language": "fr",
        },
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_main_paragraphs_are_extracted(name: str) -> None:
    page = extract_page((FIXTURES / name).read_bytes())
    wanted, _, _ = PAGES[name]
    for paragraph in wanted:
        assert paragraph in page.text


@pytest.mark.parametrize("name", sorted(PAGES))
def test_navigation_ads_share_buttons_and_comments_are_removed(name: str) -> None:
    page = extract_page((FIXTURES / name).read_bytes())
    _, unwanted, _ = PAGES[name]
    for furniture in unwanted:
        assert furniture not in page.text


@pytest.mark.parametrize("name", sorted(PAGES))
def test_metadata_comes_from_the_page_markup(name: str) -> None:
    page = extract_page((FIXTURES / name).read_bytes())
    _, _, metadata = PAGES[name]
    assert {key: getattr(page, key) for key in metadata} == metadata


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_text_is_one_paragraph_per_line(name: str) -> None:
    page = extract_page((FIXTURES / name).read_bytes())
    lines = page.text.split("\n")
    assert all(line == line.strip() and line for line in lines)
    assert len(lines) >= 4


def test_a_page_without_a_date_has_no_published_date() -> None:
    page = extract_page(
        "<html><body><article><p>"
        + "The column left Gao on a Tuesday and reached the border after two days. " * 5
        + "</p></article></body></html>"
    )
    assert page.published is None
    assert page.language == ""
    assert "The column left Gao" in page.text


def test_a_page_without_text_gives_empty_text() -> None:
    assert extract_page("<html><head><title>x</title></head><body></body></html>").text == ""


def test_a_saved_page_in_the_articles_folder_is_read(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "courier.html").write_bytes((FIXTURES / "news-outlet.html").read_bytes())
    found, notes = read_folder(tmp_path)
    assert [article.id for article in found] == ["courier"]
    article = found[0]
    assert article.published == dt.date(2024, 9, 18)
    assert article.date_origin is DateOrigin.METADATA
    assert article.publisher == "The Global Courier"
    assert "Reader comment" not in article.text
    assert "html-page" in {note.code for note in notes}
    assert (
        READERS[".html"](articles / "courier.html")[0].title
        == read(articles / "courier.html")[0].title
    )
