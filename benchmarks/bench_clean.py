"""How clean the event sentences are: furniture glued to them and attributions said twice.

Reads each news collection as ``briefing build`` does (``read_folder``: line rules and the
folder-wide boilerplate step), extracts its events and counts the event sentences that carry
page furniture, by kind:

- ``dateline``: a publication timestamp inside the sentence ("Friday 30 April 2010 22.49 BST",
  "| Wed Apr 29, 2009 3:21 pm BST", "Thursday, April 29, 2010; 4:49 PM", "18:17 UK time");
- ``wire``: a wire dateline opening it ("WASHINGTON -LRB- Reuters -RRB- -", "OCEAN SPRINGS,
  Miss. --");
- ``bullet``: list bullets of a standfirst ("cents", "\\*", "•");
- ``glued``: a second sentence start glued after a lowercase word with no punctuation ("...on
  BP The Deepwater Horizon...", "...the spill Oil is..."): a headline or caption before it;
- ``furniture``: "Last updated", "Help", "Report abuse", "Posted by", "wrote:", "hrs ago"...;
- ``comment``: reader-comment marks ("!!!", shouting in capitals);
- ``redundant``: the entry would print "(according to X)" after a sentence that names X;
- ``speaker``: an attribution that is no speaker ("BP has", "An", "In another step").

The detectors are written here, apart from the cleaning rules, so the figures test them.
``--save FILE`` writes every event sentence (collection, article, text) as JSON lines and
``--compare FILE`` says which sentences of an earlier run are gone and which changed, with
examples, so a cleaning change can be checked for sentences it lost.

Run: ``.venv/bin/python benchmarks/bench_clean.py [--data DIR] [--examples N] [--save F]
[--compare F]``. Without the shared data it prints why and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.extract.events import extract
from briefing.ingest import read_folder
from briefing.render.citations import Citer
from briefing.render.compose import EventEntry

if TYPE_CHECKING:
    from collections.abc import Sequence

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "tls"

_ZONE = r"(?:BST|GMT|EDT|EST|CET|CEST|UTC|ET|PT|UK time)"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY = rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS},? \d{{4}}|\b{_MONTHS} \d{{1,2}},? \d{{4}})"
_CLOCK = rf"\b\d{{1,2}}[.:]\d{{2}}\s*(?:[ap]\.?m\.?|{_ZONE}\b)"
DETECTORS: dict[str, re.Pattern[str]] = {
    "dateline": re.compile(
        rf"{_DAY}.{{0,25}}{_CLOCK}|{_CLOCK}.{{0,25}}{_DAY}"
        r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{1,2}, \d{4}\b",
        re.IGNORECASE,
    ),
    "wire": re.compile(
        r"^(?:[A-Z][A-Za-z.'\\/ ]*[A-Z.](?:, [A-Z][\w.' ]{1,25})?(?:, \w+ \d{1,2})?\s+)?"
        r"(?:-LRB-|\()\s*(?:Reuters|AP|AFP)\s*(?:-RRB-|\))\s*(?:-|--|—)"
        r"|^[A-Z][A-Z.'\\/ ]{2,}[A-Z.](?:, [A-Z][\w.]*\.?(?: [A-Z][\w.]*)?)? -- "
    ),
    "bullet": re.compile(r"(?:^|\s)(?:cents|\\\*|\*|•)\s"),
    "glued": re.compile(
        r"(?:^|\s)(?!(?:influenza|type|flu|strain|vitamin)\s)[a-z0-9](?:[\w’'%-]*\w)?[’'”\"]?\s+"
        r"(?:The|A|An|This|These|It|He|She|They|We|In|On|At|After|As|When|While|But|And|For"
        r"|From|With|There)\s+[a-z]"
    ),
    "subhead": re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,})*\s+[A-Z]{4,}\s+[A-Z]{4,}\s+[A-Z][a-z]"),
    "furniture": re.compile(
        r"\bLast updated\b|\bGMT Help\b|\bReport abuse\b|\bPosted by\b|\bwrote:"
        r"|\b\d+ (?:hrs?|mins?|hours?) ago\b|\bco\. uk\b|\bComments \(\d+\)"
        r"|\bPrintable version\b|\bE-?mail this\b|\bShare this\b|\b[Cc]lick here\b",
    ),
    "comment": re.compile(r"!!|\?\?|\bwrote:|\bReport (?:as )?abuse\b"),
}


# A speaker the attribution rules got wrong: a bare article, a clause cut before its verb
# ("BP has", "swift action and"), a circumstance ("In another step"), a day, a lone bracket.
ODD_SPEAKER = re.compile(
    r"^(?:a|an|the)$|\s(?:has|have|had|is|was|were|been|and|or|of|the|to|a|an)$"
    r"|^(?:in|at|on|for|with|by|from|even|to|as|after)\s|^-?[LR]RB|\w{5}\.$"
    r"|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b",
    re.IGNORECASE,
)


def names_speaker(entry_text: str, speaker: str) -> bool:
    """Whether the sentence names the speaker as written (case and spacing aside)."""
    folded = " ".join(entry_text.casefold().split())
    bare = re.sub(r"^the\s+", "", " ".join(speaker.casefold().split()))
    return bool(bare) and bare in folded


@dataclass(frozen=True, slots=True)
class Row:
    """One event sentence of a collection."""

    collection: str
    article: str
    text: str
    according: str
    speaker: str
    kinds: tuple[str, ...]


def measure(folder: Path, texts: dict[tuple[str, str], str]) -> list[Row]:
    """The event sentences of one collection, each with the furniture kinds it carries.

    ``texts`` receives each article's cleaned text, by (collection, article id).
    """
    articles, _ = read_folder(folder)
    citer = Citer(articles)
    rows = []
    for article in articles:
        texts[folder.name, article.id] = article.text
        for event in extract(article).events:
            entry = EventEntry(event=event, label="", reason="", citer=citer)
            kinds = [name for name, pattern in DETECTORS.items() if pattern.search(event.text)]
            if entry.according and names_speaker(event.text, event.attribution):
                kinds.append("redundant")
            if event.attribution and ODD_SPEAKER.search(event.attribution):
                kinds.append("speaker")
            rows.append(
                Row(
                    folder.name,
                    article.id,
                    event.text,
                    entry.according,
                    event.attribution,
                    tuple(kinds),
                )
            )
    return rows


def compare(
    rows: list[Row], texts: dict[tuple[str, str], str], earlier_path: Path, examples: int
) -> None:
    """Which sentences of an earlier run are gone, and which changed (and how).

    A sentence that is no event any more is "undated" when its end is still in the cleaned
    text (it lost only a dateline, its one date), "removed" when cleaning took it out.
    """
    earlier = [json.loads(line) for line in earlier_path.read_text(encoding="utf-8").splitlines()]
    now: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        now.setdefault((row.collection, row.article), []).append(row.text)
    same = changed = gone = undated = 0
    gone_examples: list[str] = []
    undated_examples: list[str] = []
    changed_examples: list[str] = []
    for old in earlier:
        sentences = now.get((old["collection"], old["article"]), [])
        if old["text"] in sentences:
            same += 1
            continue
        inside = [text for text in sentences if text in old["text"]]
        if inside:
            changed += 1
            changed_examples.append(f"  {old['text'][:300]}\n   -> {max(inside, key=len)[:300]}")
        elif old["text"][-25:] in texts.get((old["collection"], old["article"]), ""):
            undated += 1
            undated_examples.append(f"  {old['collection']}/{old['article']}: {old['text'][:300]}")
        else:
            gone += 1
            gone_examples.append(f"  {old['collection']}/{old['article']}: {old['text'][:300]}")
    new = len(rows) - same - changed
    print(
        f"\nagainst {earlier_path.name}: {len(earlier)} sentences then, {len(rows)} now; "
        f"{same} unchanged, {changed} shortened, {undated} no longer dated (text kept), "
        f"{gone} removed, {new} new or split"
    )
    for name, found in (
        ("removed", gone_examples),
        ("no longer dated", undated_examples),
        ("shortened", changed_examples),
    ):
        step = max(1, len(found) // examples)
        print(f"{name} (every {step}th of {len(found)}):")
        print("\n".join(found[::step][:examples]))


def main(argv: Sequence[str] | None = None) -> int:
    """Count furniture in event sentences per collection; print a table and examples."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the tls collections")
    parser.add_argument("--examples", type=int, default=0, help="examples of each kind to show")
    parser.add_argument("--save", type=Path, help="write every event sentence as JSON lines")
    parser.add_argument("--compare", type=Path, help="a --save file of an earlier run")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: shared data not found at {args.data} (use --data DIR)")
        return 0
    folders = sorted(path for path in args.data.iterdir() if (path / "articles").is_dir())
    kinds = [*DETECTORS, "redundant", "speaker"]
    print(f"{'collection':<22}{'events':>7}" + "".join(f"{kind:>10}" for kind in kinds))
    rows: list[Row] = []
    texts: dict[tuple[str, str], str] = {}
    for folder in folders:
        found = measure(folder, texts)
        rows.extend(found)
        counts = Counter(kind for row in found for kind in row.kinds)
        print(f"{folder.name:<22}{len(found):>7}" + "".join(f"{counts[k]:>10}" for k in kinds))
    totals = Counter(kind for row in rows for kind in row.kinds)
    print(f"{'all':<22}{len(rows):>7}" + "".join(f"{totals[k]:>10}" for k in kinds))
    flagged = sum(1 for row in rows if set(row.kinds) - {"redundant", "speaker"})
    print(f"event sentences with any furniture: {flagged} of {len(rows)}")
    for kind in kinds if args.examples else ():
        hits = [row for row in rows if kind in row.kinds]
        step = max(1, len(hits) // args.examples)
        print(f"\n{kind} ({len(hits)}):")
        for row in hits[::step][: args.examples]:
            notes = {"redundant": f"  ({row.according})", "speaker": f"  [{row.speaker}]"}
            print(f"  {row.collection}/{row.article}: {row.text[:260]}{notes.get(kind, '')}")
    if args.save:
        with args.save.open("w", encoding="utf-8") as out:
            for row in rows:
                record = {"collection": row.collection, "article": row.article, "text": row.text}
                out.write(json.dumps(record) + "\n")
    if args.compare:
        compare(rows, texts, args.compare, args.examples or 10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
