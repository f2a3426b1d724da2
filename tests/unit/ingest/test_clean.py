"""Cleaning removes page furniture by general rules and never a dated sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.clean import clean, drop_boilerplate, find_boilerplate
from briefing.model import Article

TLS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "tls"

PROSE = (
    "The rebels attacked the northern town of Kidal on Tuesday morning.\n"
    "Officials said at least twelve soldiers were killed in the fighting.\n"
    "The army sent reinforcements from the capital after the attack.\n"
    "Residents described hours of heavy gunfire near the airport.\n"
)
MORE_PROSE = (
    "Aid agencies warned that food supplies in the region were running low.\n"
    "The government blamed the violence on armed groups operating near the border.\n"
    "Several families fled south towards the river on foot.\n"
)


def reasons(text: str) -> dict[str, str]:
    """Removed line text -> reason."""
    return {removed.text: removed.reason for removed in clean(text).removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("2 minutes to read", "reading-time"),
        ("5 min read", "reading-time"),
        ("Reading time: 4 minutes", "reading-time"),
        ("3 min de lecture", "reading-time"),
        ("Support the Example Archive in hard times 🇺🇦 Donate here", "banner"),
        ("Subscribe to our newsletter for the latest news.", "banner"),
        ("Sign up for our free daily briefing", "banner"),
        ("By Jane Smith and Tom Brown", "byline"),
        ("Published: 12:19 BST, 26 April 2009 | Updated: 14:02 BST, 26 April 2009", "timestamp"),
        ("Last updated at 10:14 GMT", "timestamp"),
        ("Source", "navigation"),
        ("Read more", "navigation"),
        ("Share", "navigation"),
        ("Advertisement", "navigation"),
        ("Читайте также", "navigation"),
        ("Share on Facebook Share on Twitter Email", "share-buttons"),
        ("Facebook Twitter WhatsApp Telegram", "share-buttons"),
        ("Comments", "comments"),
        ("Have your say", "comments"),
        ("Comments are moderated and may be edited.", "comments-notice"),
        ("This discussion is now closed.", "comments-notice"),
        ("Tell us your experiences by filling in the form below.", "reader-prompt"),
        ("The Associated Press contributed to this report.", "credits"),
        ("(Reporting by Ann Lee; Editing by Bob Kay)", "credits"),
        ("© 2010 Example News Network. All rights reserved.", "credits"),
        ("![Troops in Gao](https://example.org/gao.jpg)", "image"),
        ('<div class="share"><span></span></div>', "markup"),
        ("* * *", "markup"),
        ("[Read more](https://example.org/more)", "navigation"),
    ],
)
def test_each_furniture_pattern_is_removed(line: str, reason: str) -> None:
    text = PROSE + line + "\n" + MORE_PROSE

    result = clean(text)

    assert reasons(text) == {line: reason}
    assert line not in result.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Mali has suffered a deep crisis since at least 2011, when separatists invaded Timbuktu.",
        "The junta seized power after a coup in August 2020.",
        "Tensions culminated in August reprisals against dozens of officers.",
        "The attacks on September 17 killed mostly young police recruits.",
        "Share prices fell 8 cents to $90.29 on Tuesday.",
        "Readers who donate to the fund received a letter on 3 May 2024.",
        "Subscribers to the service were told on Monday that it would close.",
        "By Thursday afternoon, a five-mile long oil slick extended from the site.",
        "Source: the ministry said 1,500 troops arrived in 2021.",
        "Wagner has around 1,500 mercenaries in Mali, 400 in Burkina Faso.",
        "Comments by the minister on 4 June angered the opposition.",
        "He said the talks would resume next week in Geneva.",
    ],
)
def test_real_sentences_survive(sentence: str) -> None:
    text = PROSE + sentence + "\n" + MORE_PROSE

    result = clean(text)

    assert sentence in result.text
    assert all(removed.text != sentence for removed in result.removed)


def test_dated_line_without_final_punctuation_is_kept() -> None:
    line = "Troops entered Kidal on 14 November 2023 after a long advance"
    text = PROSE + line + "\n" + MORE_PROSE

    assert line in clean(text).text


def test_caption_copy_of_a_sentence_is_removed_and_the_sentence_kept() -> None:
    sentence = "Vladimir Putin is facing shame in Mali after Russia‘s Wagner group failed."
    caption = "Vladimir Putin (pictured) is facing shame in Mali after Russia’s Wagner group failed"
    text = sentence + "\n" + PROSE + caption + "\n" + MORE_PROSE

    result = clean(text)

    assert sentence in result.text
    assert "(pictured)" not in result.text
    assert reasons(text)[caption] == "repeated-caption"


def test_caption_before_its_sentence_still_loses_to_the_full_sentence() -> None:
    caption = "Rebels (left) stand near the burnt-out trucks outside the town of Gao"
    sentence = "Rebels stand near the burnt-out trucks outside the town of Gao."
    text = PROSE + caption + "\n" + sentence + "\n" + MORE_PROSE

    result = clean(text)

    assert sentence in result.text
    assert caption not in result.text


def test_caption_like_line_without_punctuation_is_removed() -> None:
    caption = "Dozens of mercenaries were killed in an ambush in a significant setback"
    text = PROSE + caption + "\n" + MORE_PROSE

    assert reasons(text) == {caption: "caption"}


def test_headline_first_line_is_kept_when_there_is_no_title() -> None:
    headline = "Rebels seize northern town after heavy fighting"
    text = headline + "\n" + PROSE

    assert clean(text).text.startswith(headline)


def test_headline_repeating_the_title_is_removed_as_title() -> None:
    text = "Wagner’s failures in Mali undermine Kremlin’s strategy\n\n" + PROSE

    result = clean(text, title="Wagner's failures in Mali undermine Kremlin's strategy")

    assert [(removed.reason, removed.line) for removed in result.removed] == [("title", 1)]


def test_comment_thread_and_everything_after_it_is_removed() -> None:
    thread = (
        "At 12:19 26th Apr 2009, reader_one wrote: This comment was removed.\n"
        "A second paragraph of the same comment, written on 27 April 2009.\n"
        "At 00:45 am on 16 Jun 2010, another wrote: It will happen again.\n"
    )
    text = PROSE + thread

    result = clean(text)

    assert result.text == PROSE.strip()
    assert {removed.reason for removed in result.removed} == {"comments"}
    assert len(result.removed) == 3


def test_comment_thread_starting_mid_line_keeps_the_article_part() -> None:
    text = PROSE + "The editor is head of the newsroom At 18:20 29th Apr 2009, fan wrote: Great.\n"

    result = clean(text)

    assert result.text.endswith("The editor is head of the newsroom")
    assert result.removed[0].text == "At 18:20 29th Apr 2009, fan wrote: Great."


def test_reader_questions_above_a_comment_thread_are_removed() -> None:
    prompts = "Are you in the region?\nWhat do you think of the response?\n"
    text = PROSE + prompts + "At 10:14 am on 28 May 2010, pzero wrote: Fine.\n"

    result = clean(text)

    assert result.text == PROSE.strip()
    assert [removed.reason for removed in result.removed[:2]] == ["reader-prompt"] * 2


def test_comment_section_between_notices_is_removed_and_article_text_after_kept() -> None:
    text = (
        PROSE
        + "We welcome comments that advance the story through relevant opinion.\n"
        + "I think the company is to blame for all of this.\n"
        + "This discussion is now closed.\n"
    )

    result = clean(text)

    assert "to blame" not in result.text
    assert result.text == PROSE.strip()


def test_exact_repeated_sentence_keeps_the_first_copy() -> None:
    repeated = "Oil from the damaged well continues to wash ashore on Grand Isle."
    text = repeated + "\n" + PROSE + repeated + "\n"

    result = clean(text)

    assert result.text.count(repeated) == 1
    assert result.text.startswith(repeated)
    assert result.removed[0].reason == "repeated-line"


@pytest.mark.parametrize(
    "credit",
    [
        "Photograph: Jane Doe/AP",
        "Photograph: Larry W. Smith\\/EPA",  # initials, and the tokenised slash
        "Photograph: Carl de Souza/AFP/Getty Images",
        "Photograph: AP",  # an agency alone
        "Photograph: Associated Press",
        "Photograph: Rex Features",
        "Photograph: Graeme Robertson",  # a photographer's name alone
        "Photograph: Sarah Lee for the Guardian",
    ],
)
def test_photo_credit_glued_to_a_sentence_is_cut_off(credit: str) -> None:
    line = f"{credit} The oil spill is worse than previously thought, officials said."

    result = clean(PROSE + line + "\n")

    assert "The oil spill is worse than previously thought, officials said." in result.text
    assert "Photograph" not in result.text


@pytest.mark.parametrize(
    "line",
    [
        "Photo: President Barack Obama speaks in the Rose Garden on Monday, 3 May 2010.",
        "Picture: Coast Guard Admiral Thad Allen briefs reporters on Monday, 3 May 2010.",
    ],
)
def test_a_caption_is_not_taken_for_a_credit(line: str) -> None:
    """Only "Photograph:" credits a bare name; after "Photo:" a name opens the caption."""
    text = clean(PROSE + line + "\n").text

    assert line.split(": ", 1)[1].split(" on ")[0] in text or line.split(": ")[1] not in text
    assert "Obama speaks" not in text or "President Barack Obama speaks" in text
    assert "Allen briefs" not in text or "Admiral Thad Allen briefs" in text


def test_tokenised_brackets_and_escapes_read_as_written() -> None:
    line = (
        "The well leaked 5,000 barrels a day -LRB- 795 cubic metres -RRB- , the AFP\\/Getty "
        "caption said -LSB- sic -RSB- of the worst leak on 3 May 2010."
    )

    text = clean(PROSE + line + "\n").text

    assert (
        "5,000 barrels a day (795 cubic metres) , the AFP/Getty caption said [sic] of the "
        "worst leak on 3 May 2010." in text
    )
    assert "LRB" not in text


def test_line_map_points_each_kept_line_to_its_file_line() -> None:
    text = "Source\n\nFirst real sentence of the article is here.\n2 minutes to read\nSecond one."

    result = clean(text, first_line=7)

    assert result.text == "First real sentence of the article is here.\nSecond one."
    assert result.line_starts == (0, len("First real sentence of the article is here.\n"))
    assert result.source_lines == (9, 11)
    assert [removed.line for removed in result.removed] == [7, 10]


def test_paragraph_breaks_survive_as_one_blank_line() -> None:
    text = "One sentence here.\n\n\n\nAnother sentence here.\nSource\n\nA third one."

    assert clean(text).text == "One sentence here.\n\nAnother sentence here.\n\nA third one."


def test_empty_and_all_furniture_texts_clean_to_nothing() -> None:
    assert clean("").text == ""
    assert clean("\n\n  \n").text == ""
    result = clean("Source\nShare\n2 min read\n")
    assert result.text == ""
    assert result.line_starts == ()
    assert len(result.removed) == 3


def test_long_line_and_many_lines_are_cleaned_quickly() -> None:
    long_line = "word " * 4000 + "ends here on 3 May 2024."
    text = "".join(f"Sentence number {n} of a long article is here.\n" for n in range(20000))
    text += long_line

    result = clean(text)

    assert result.text.endswith("3 May 2024.")


@pytest.mark.skipif(not TLS.is_dir(), reason="the shared tls news collections are not present")
def test_real_bbc_comment_threads_are_removed() -> None:
    folder = TLS / "H1N1_bbc" / "articles"
    with_comments = [
        path for path in sorted(folder.glob("*.md")) if "wrote:" in path.read_text("utf-8")
    ]
    assert with_comments
    for path in with_comments[:10]:
        body = path.read_text("utf-8").split("---\n", 2)[2]
        result = clean(body)
        assert " wrote: " not in result.text, path.name
        assert any(removed.reason == "comments" for removed in result.removed)


def test_line_repeated_across_many_articles_is_boilerplate() -> None:
    teaser = "The pun - ancient artform, or the lowest form of wit?"
    dated = "The well was capped on 15 July 2010 after months of leaking."
    texts = [f"Story number {n} says the ministry acted.\n{teaser}\n{dated}" for n in range(10)]

    keys = find_boilerplate(texts)

    assert len(keys) == 1
    assert "pun" in next(iter(keys))
    assert find_boilerplate(texts[:4]) == frozenset()


def test_drop_boilerplate_keeps_the_line_map_and_records_the_removal(tmp_path: Path) -> None:
    cleaned = clean(
        "First sentence of the story.\n\nSidebar teaser line here\nLast one.", first_line=5
    )
    article = Article(
        id="a",
        path=tmp_path / "a.md",
        text=cleaned.text,
        line_starts=cleaned.line_starts,
        source_lines=cleaned.source_lines,
        body_line=5,
    )

    result = drop_boilerplate(article, frozenset({"sidebar teaser line here"}))

    assert result.text == "First sentence of the story.\n\nLast one."
    assert result.source_lines == (5, 8)
    assert result.line_of(result.text.index("Last")) == 8
    assert [(removed.line, removed.reason) for removed in result.removed] == [(7, "boilerplate")]
    assert drop_boilerplate(article, frozenset()) is article
