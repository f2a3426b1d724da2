"""An entry reads as one sentence: no headline, dateline, bullet or caption glued to it.

Each case is a short line shaped like the real news collections' first lines (headline,
standfirst, timestamp and lede run together by the outlet's page or by tokenising), and the
sentence the chronology entry must read once the article is cleaned and its events extracted.
The lines are written for the test; the licensed articles stay outside the repository.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.events import extract
from briefing.ingest.clean import clean
from briefing.ingest.glued import cut
from tests.factories import article

PUBLISHED = dt.date(2010, 4, 30)
LEDE_AFTER = "The Coast Guard said the slick was still growing."


def entries(body: str, *, title: str = "") -> list[str]:
    """The event sentences of an article with this body, as the chronology shows them."""
    cleaned = clean(body, title=title)
    found = extract(article(text=cleaned.text, published=PUBLISHED)).events
    for event in found:
        start, end = event.sources[0].start, event.sources[0].end
        assert cleaned.text[start:end] == event.text  # spans index the cleaned text
    return [event.text for event in found]


GLUED = [
    pytest.param(
        "Deepwater Horizon disaster sparks investor panic as oil company braces itself "
        "Thursday 29 April 2010 17.33 BST Shares in BP plunged 7% today as investors panicked.",
        "Shares in BP plunged 7% today as investors panicked.",
        id="guardian-headline-standfirst-timestamp",
    ),
    pytest.param(
        "cents Oil rig explosion already causing political storm cents BP could face criminal "
        "charges and ban on activities in US Friday 30 April 2010 22.49 BST Britain's biggest "
        "oil company was tonight facing the threat of criminal charges.",
        "Britain's biggest oil company was tonight facing the threat of criminal charges.",
        id="guardian-bullets-and-timestamp",
    ),
    pytest.param(
        "US sues BP over Gulf of Mexico oil disaster 16 December 2010 Last updated at 06:54 GMT "
        "Help The United States said on Wednesday it would sue BP and eight other companies.",
        "The United States said on Wednesday it would sue BP and eight other companies.",
        id="bbc-last-updated-help",
    ),
    pytest.param(
        "Fergus Walsh | 18:17 UK time, Tuesday, 16 June 2009 Denmark reported the first case "
        "of resistance to Tamiflu on Monday.",
        "Denmark reported the first case of resistance to Tamiflu on Monday.",
        id="bbc-blog-byline-time",
    ),
    pytest.param(
        "GENEVA | Wed Apr 29, 2009 3:21 pm BST GENEVA -LRB- Reuters -RRB- - The WHO raised its "
        "pandemic alert to phase 5 on Wednesday.",
        "The WHO raised its pandemic alert to phase 5 on Wednesday.",
        id="reuters-place-timestamp-wire",
    ),
    pytest.param(
        "\\* 4,379 people infected with H1N1 flu in 29 countries \\* First death reported in "
        "Costa Rica ZURICH, May 10 -LRB- Reuters -RRB- - The flu has spread to 29 countries, "
        "the World Health Organisation said on Sunday.",
        "The flu has spread to 29 countries, the World Health Organisation said on Sunday.",
        id="reuters-bullets-wire-dateline",
    ),
    pytest.param(
        "Thursday, April 29, 2010; 4:49 PM A massive oil spill is expected to reach "
        "Louisiana's coastline by Thursday night, the governor said.",
        "A massive oil spill is expected to reach Louisiana's coastline by Thursday night, "
        "the governor said.",
        id="washington-post-timestamp",
    ),
    pytest.param(
        "NEW ORLEANS -LRB- AP -RRB- -- Choppy seas and rain halted Saturday's cleanup of the "
        "spill.",
        "Choppy seas and rain halted Saturday's cleanup of the spill.",
        id="ap-wire-dateline",
    ),
    pytest.param(
        "OCEAN SPRINGS, Miss. -- BP's compensation fund issued a final payment on Friday to "
        "one claimant.",
        "BP's compensation fund issued a final payment on Friday to one claimant.",
        id="agency-place-dateline",
    ),
    pytest.param(
        "A boom is erected in Louisiana to counter the spill The success of BP's move on "
        'Sunday to curb the leak is "not clear", the US has said.',
        'The success of BP\'s move on Sunday to curb the leak is "not clear", the US has said.',
        id="caption-glued-to-lede",
    ),
    pytest.param(
        "Dr Murray denies any wrongdoing On 8 February police searched the doctor's offices.",
        "On 8 February police searched the doctor's offices.",
        id="headline-glued-to-date-clause",
    ),
    pytest.param(
        "Gulf oil spill: Obama and Cameron move to end rift over BP A telephone call on "
        "Saturday eased the tension between the two leaders.",
        "A telephone call on Saturday eased the tension between the two leaders.",
        id="headline-ending-in-acronym",
    ),
    pytest.param(
        "NEW CAP FOR LEAKING OIL WELL When engineers removed the cap on 10 July, oil began to "
        "flow freely again.",
        "When engineers removed the cap on 10 July, oil began to flow freely again.",
        id="subhead-in-capitals",
    ),
    pytest.param(
        "cents BP shares fall 2.5% cents Pipe carries 12% of America's oil output A group of "
        "motorcyclists ride past the pipeline, operated by BP Photograph: Al Grillo\\/AP BP "
        "shares slid nearly 2.5% this morning after the pipeline closed.",
        "BP shares slid nearly 2.5% this morning after the pipeline closed.",
        id="bullets-caption-and-photo-credit",
    ),
    pytest.param(
        "Thu May 6, 2010 1:40 pm EDT -LRB- Reuters -RRB- - A 98-ton steel chamber reached the "
        "site of the leak on Thursday.",
        "A 98-ton steel chamber reached the site of the leak on Thursday.",
        id="timestamp-then-bare-wire-credit",
    ),
]


@pytest.mark.parametrize(("line", "entry"), GLUED)
def test_the_entry_is_the_sentence_without_the_furniture_glued_to_it(line: str, entry: str) -> None:
    assert entries(line + "\n" + LEDE_AFTER) == [entry]


def test_a_dated_headline_before_a_caption_and_its_credit_becomes_an_entry_of_its_own() -> None:
    line = (
        "cents Igor Sechin to meet BP boss today A heavily oiled bird struggles on a boom in "
        "Louisiana Photograph: Gerald Herbert\\/AP Russia's top energy official said on Monday "
        "he expected Tony Hayward to step down."
    )
    assert entries(line + "\n" + LEDE_AFTER) == [
        "Igor Sechin to meet BP boss today",
        "Russia's top energy official said on Monday he expected Tony Hayward to step down.",
    ]


def test_the_caption_before_a_photo_credit_is_no_entry_even_when_dated() -> None:
    # The picture "burning last week" is not news of that week: the caption goes.
    body = (
        "Industry officials say it could take months to contain the leak The Deepwater Horizon "
        "oil rig burning last week.\n"
        "It later sank with the presumed loss of 11 lives.\n"
        "Photograph: Gerald Herbert\\/AP Underwater robots dived to the ocean floor yesterday "
        "to staunch the leak.\n"
        f"{LEDE_AFTER}\n"
    )
    assert entries(body) == [
        "Underwater robots dived to the ocean floor yesterday to staunch the leak."
    ]


def test_a_known_headline_opening_the_first_line_is_split_off() -> None:
    title = "Oil reaches the Louisiana coast"
    body = f"{title} Oil from the leaking well washed ashore on Thursday night.\n{LEDE_AFTER}"
    assert entries(body, title=title) == [
        "Oil from the leaking well washed ashore on Thursday night."
    ]


FURNITURE_ONLY = [
    pytest.param(
        "co. uk BP claims oil leak will be ' a trickle ' by next week - 1 hr ago Citizen.",
        id="news-aggregator-links",
    ),
    pytest.param(
        "cents This article was amended on 8 May 2010 to correct the figure for revenues.",
        id="correction-notice",
    ),
    pytest.param(
        "But our thirst for oil is the real issue This article appeared on p21 of the Main "
        "section of the Observer on 00.16 BST on Sunday 30 May 2010.",
        id="print-edition-note",
    ),
    pytest.param(
        "A version appeared on p1 of the Main section of the Guardian on 22.57 BST on Wednesday "
        "25 August 2010 Comment is free on Twitter Latest news, views and links",
        id="print-edition-note-with-links",
    ),
    pytest.param(
        "Who is to blame Posted by: rallyart2012 | April 30, 2010 12:27 PM | Report abuse "
        "Does anybody believe this happened on Tuesday by chance?",
        id="comment-signature",
    ),
    pytest.param(
        "Re: Posted by Jason-May 1st, 2009 -- 4:59 pm GMT I agree with you about Friday.",
        id="comment-reply-header",
    ),
    pytest.param(
        "It has a beautiful square Posted by chibeetle 2 May 2012 The island is reached by "
        "ferry on Sundays.",
        id="reader-tip-signature",
    ),
]


@pytest.mark.parametrize("line", FURNITURE_ONLY)
def test_furniture_lines_give_no_entry(line: str) -> None:
    assert entries(line) == []


UNCHANGED = [
    pytest.param(
        "Allen said a pressure test was completed at 5:54 a.m. CDT -LRB- 10:54 GMT -RRB- on "
        "Sunday.",
        id="clock-time-inside-a-sentence",
    ),
    pytest.param(
        "10.20 am ET: Chairman Ed Markey is pulling no punches in his statement today.",
        id="live-blog-entry-time",
    ),
    pytest.param(
        "Analysts expect a dividend of 7 to 10 cents a share, down from 14 cents on Monday.",
        id="cents-as-money",
    ),
    pytest.param(
        "People who saw the spill tell The Associated Press that BP acted slowly on Monday.",
        id="the-in-a-name",
    ),
    pytest.param(
        "Tests on Monday showed that an influenza A virus had reached the herd.",
        id="influenza-a",
    ),
    pytest.param(
        "Visitors to the Believe It or Not museum fell on Friday, the owners said.",
        id="title-case-name",
    ),
    pytest.param(
        "The spill, the company said on Friday, was smaller than feared.",
        id="plain-sentence",
    ),
]


@pytest.mark.parametrize("line", UNCHANGED)
def test_sentences_without_glued_furniture_stay_whole(line: str) -> None:
    as_written = line.replace("-LRB- ", "(").replace(" -RRB-", ")")  # tokenised brackets
    assert entries(line) == [as_written]


def test_cut_pieces_keep_their_file_line_and_are_listed_as_removed() -> None:
    body = (
        "Deepwater Horizon disaster sparks panic Thursday 29 April 2010 17.33 BST "
        "Shares in BP plunged 7% today.\n"
        "Fund managers said they were worried about the legal costs on Friday.\n"
    )
    cleaned = clean(body, first_line=8)
    assert cleaned.text.split("\n")[0] == "Shares in BP plunged 7% today."
    assert cleaned.source_lines[:2] == (8, 9)
    assert [(line.line, line.reason, line.text) for line in cleaned.removed] == [
        (8, "headline", "Deepwater Horizon disaster sparks panic"),
        (8, "dateline", "Thursday 29 April 2010 17.33 BST"),
    ]


def test_a_sentence_before_a_dateline_on_its_line_is_kept() -> None:
    pieces = cut(
        "Take a look at the video I took on July 15: Jul 18, 2010 15:26 UTC After a family "
        "getaway, it was back to the Gulf."
    )
    assert [(piece.text, piece.reason) for piece in pieces] == [
        ("Take a look at the video I took on July 15:", ""),
        ("Jul 18, 2010 15:26 UTC", "dateline"),
        ("After a family getaway, it was back to the Gulf.", ""),
    ]


def test_a_dated_headline_glued_to_the_lede_becomes_a_line_of_its_own() -> None:
    # A fragment with a date may be a sentence that lost its full stop: split, never dropped.
    body = "Judge sets January 2013 trial over spill claims A federal judge outlined the trial."
    assert clean(body).text.split("\n") == [
        "Judge sets January 2013 trial over spill claims",
        "A federal judge outlined the trial.",
    ]
