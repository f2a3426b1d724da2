"""Attribution: who says so, as written, and how (said, claimed, reported, according to).

The first rows are the sample articles' own sentences; the rest are news sentences written in
the patterns wire copy uses (the licensed research articles stay outside the repository).
"""

from __future__ import annotations

import pytest

from briefing.extract.attribution import Attribution, acronyms, attribute
from tests.conftest import SAMPLE

SZRU = "Ukraine’s Foreign Intelligence Service (SZRU)"
KNOWN = {"SZRU": SZRU, "WHO": "World Health Organization (WHO)"}

CASES = [
    # The sample articles.
    (
        "Russia’s Wagner private military company is faltering in Mali, where roughly 2,000 of its "
        "fighters have failed to improve security, Ukraine’s Foreign Intelligence Service (SZRU) "
        "said Sunday.",
        SZRU,
        "said",
    ),
    (
        "Instead of battling jihadists, the mercenaries have clashed with Mali’s army, further "
        "stoking violence, according to reports.",
        "reports",
        "according to",
    ),
    (
        "The SZRU said civilian deaths have more than quadrupled since Goita took power.",
        SZRU,
        "said",
    ),
    (
        "The report says the Russians’ tactic - terrorizing ordinary Malians - has backfired.",
        "The report",
        "said",
    ),
    (
        "Tensions culminated in August reprisals against dozens of officers who disagreed with the "
        "PMC’s methods,” the intelligence statement said.",
        "the intelligence statement",
        "said",
    ),
    (
        "Unlike in Sudan, the Kremlin has failed to gain control of mineral wealth in Mali, "
        "including gold mines, the SZRU noted.",
        SZRU,
        "said",
    ),
    (
        "Earlier, investigative journalists reported a network of secret prisons run by Wagner.",
        "investigative journalists",
        "reported",
    ),
    (
        "Ukraine’s foreign intelligence service said Russia is losing influence in the Sahel.",
        "Ukraine’s foreign intelligence service",
        "said",
    ),
    (
        "Mali’s northern Tuareg rebels claimed they killed at least 84 mercenaries.",
        "Mali’s northern Tuareg rebels",
        "claimed",
    ),
    (
        "Ulf Laessing, director of the Sahel programme at German think tank the Konrad Adenauer "
        "Foundation, told The Telegraph: ‘Overall, they haven’t been able to achieve more.",
        "Ulf Laessing",
        "said",
    ),
    # Wire-copy patterns.
    ("The ministry said on Monday that 12 soldiers had died.", "The ministry", "said"),
    ("Three people were killed, police said.", "police", "said"),
    ("“We will not leave,” said Amadou Traoré, a local mayor.", "Amadou Traoré", "said"),
    ("“It is over,” Diallo said.", "Diallo", "said"),
    ("The death toll rose to 40, according to the Red Cross.", "the Red Cross", "according to"),
    (
        "The bill could reach $20bn, according to analysts at UBS.",
        "analysts at UBS",
        "according to",
    ),
    (
        "The WHO said the virus had spread to 74 countries.",
        "World Health Organization (WHO)",
        "said",
    ),
    (
        "A spokesman for the army said the town was under control.",
        "A spokesman for the army",
        "said",
    ),
    (
        "The company’s chief executive, Jane Roe, said the leak was small.",
        "Jane Roe",
        "said",
    ),
    (
        "Admiral Thad Allen, the official in charge of the response, told reporters the well held.",
        "Admiral Thad Allen",
        "said",
    ),
    ("The rebels claimed responsibility for the ambush.", "The rebels", "claimed"),
    ("State media reported heavy fighting near Gao.", "State media", "reported"),
    ("Officials in Bamako reported 20 deaths on Friday.", "Officials in Bamako", "reported"),
    ("The junta denied that any civilians had been killed.", "The junta", "denied"),
    ("The United Nations warned of famine in the north.", "The United Nations", "warned"),
    (
        "President Emmanuel Macron announced the withdrawal in February.",
        "President Emmanuel Macron",
        "announced",
    ),
    ("The group alleged that the army had executed prisoners.", "The group", "claimed"),
    ("BP said on Monday it had capped the well.", "BP", "said"),
    # Shapes of the news collections' sentences that gave wrong speakers before.
    ("BP has said the device was collecting 15,000 barrels a day.", "BP", "said"),
    (
        "The government had previously said it expected the well to be dead by Sunday.",
        "The government",
        "said",
    ),
    (
        "On Monday, Florida Attorney General Bill McCollum -LRB- R -RRB- said Hayward was "
        "dismissive.",
        "Florida Attorney General Bill McCollum -LRB- R -RRB-",
        "said",
    ),
    ("“The idea is not inconceivable,” S&P said in a report.", "S&P", "said"),
    (
        "The pressure in the well was rising, said BP Vice-President Kent Wells.",
        "BP Vice-President Kent Wells",
        "said",
    ),
    (
        "BP stopped pumping but resumed later Thursday, said BP chief operating officer Doug "
        "Suttles.",
        "BP chief operating officer Doug Suttles",
        "said",
    ),
    ("In another step announced Monday, BP said it was building a new pipe.", "BP", "said"),
    (
        "A quarter of the flow is piped to a ship, the incident commander, Adm. Thad Allen, said "
        "Saturday.",
        "Adm. Thad Allen",
        "said",
    ),
]

UNATTRIBUTED = [
    "After a 2021 coup, a junta led by Assimi Goita seized power.",
    "The attacks on September 17 killed mostly young police recruits.",
    "Wagner has around 1,500 mercenaries in Mali, 400 in Burkina Faso and around 100 in Niger.",
    "It is hard to describe these explosions,” he said.",
    "Mali has suffered a deep crisis since at least 2011.",
    # No speaker rather than a wrong one ("An", "due to be", "resumed", "debt and").
    "An estimated 35,000 to 60,000 barrels of oil a day have been gushing out.",
    "The dividend, due to be announced on July 27, was being discussed by the board.",
    "A cap placed on the well earlier this month is now said to be collecting oil.",
    "On Thursday, Fitch and Moody's downgraded BP's debt and said more cuts could follow.",
]


@pytest.mark.parametrize(("sentence", "speaker", "claim"), CASES)
def test_speaker_and_claim_are_found_as_written(sentence: str, speaker: str, claim: str) -> None:
    assert attribute(sentence, KNOWN) == Attribution(speaker, claim)


@pytest.mark.parametrize("sentence", UNATTRIBUTED)
def test_sentence_without_a_named_source_has_no_attribution(sentence: str) -> None:
    assert attribute(sentence, KNOWN).speaker == ""


def test_article_defines_its_short_forms_at_first_full_mention() -> None:
    text = SAMPLE / "articles" / "2025-08-31-osint-ukraine-archive-wagner-failures-in-mali.md"
    assert acronyms(text.read_text(encoding="utf-8")) == {"SZRU": SZRU}


def test_short_form_without_a_definition_stays_as_written() -> None:
    assert attribute("The SZRU said so.", {}) == Attribution("The SZRU", "said")
