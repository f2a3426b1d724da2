"""Precision and recall of the chronology's merge decision on labelled sentence pairs.

The pairs (``merge_pairs.jsonl``) are references into the shared news collections: collection,
article file and character offsets of each sentence in the file, a ``same`` label and a note;
the articles themselves stay outside the repository. Each collection a pair names is read and
extracted as ``briefing build`` would, the term weights are computed over all sentences of the
story (every collection of the same prefix, like one briefing over all outlets), and
``briefing.chronology.same_event`` (the very function ``order`` merges with) decides each pair.

Run: ``.venv/bin/python benchmarks/bench_merge.py [--data DIR] [--sweep]``. Without the shared
data it prints why and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import chronology
from briefing.extract.events import extract
from briefing.ingest import read_folder
from briefing.ingest.clean import detokenize
from briefing.model import Event
from briefing.similarity import Weights

if TYPE_CHECKING:
    from collections.abc import Sequence

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "merge_pairs.jsonl"
DATA = HERE.parent.parent / "shared" / "data" / "tls"


@dataclass(frozen=True, slots=True)
class Ref:
    """One sentence of a pair: a span of an article file of a collection."""

    collection: str
    file: str
    start: int
    end: int

    @property
    def story(self) -> str:
        """The story the collection covers: ``bpoil`` for ``bpoil_bbc``."""
        return self.collection.split("_", 1)[0]


@dataclass(frozen=True, slots=True)
class Pair:
    """A labelled pair of sentences."""

    a: Ref
    b: Ref
    same: bool
    note: str


def load(path: Path) -> list[Pair]:
    """The labelled pairs of a JSON-lines file."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            pairs.append(Pair(Ref(**row["a"]), Ref(**row["b"]), bool(row["same"]), row["note"]))
    return pairs


@dataclass(frozen=True, slots=True)
class Story:
    """Every event extracted from the collections of one story, and their weights."""

    events: dict[tuple[str, str], tuple[Event, ...]]
    """(collection, article id) -> its events."""
    weights: Weights


def read_story(data: Path, story: str) -> Story:
    """Read and extract every collection of a story, as one briefing over all of them."""
    events: dict[tuple[str, str], tuple[Event, ...]] = {}
    for folder in sorted(data.glob(f"{story}_*")):
        articles, _ = read_folder(folder)
        for article in articles:
            events[(folder.name, article.id)] = extract(article).events
    every = [event for found in events.values() for event in found]
    return Story(events=events, weights=chronology.run_weights(every))


def find_event(data: Path, ref: Ref, story: Story) -> Event | None:
    """The event extracted from the referenced sentence, if extraction dated it."""
    raw = (data / ref.collection / "articles" / ref.file).read_text(encoding="utf-8")
    sentence = " ".join(detokenize(raw[ref.start : ref.end]).split())  # as cleaning reads it
    events = story.events.get((ref.collection, Path(ref.file).stem), ())
    for event in events:
        if " ".join(event.text.split()) == sentence or sentence in " ".join(event.text.split()):
            return event
    # Cleaning may have cut a headline or dateline glued to the sentence in the file.
    for event in events:
        text = " ".join(event.text.split())
        if text in sentence and len(text) >= len(sentence) / 3:
            return event
    return None


def score(decisions: Sequence[tuple[bool, bool]]) -> tuple[float, float, int, int, int]:
    """Precision, recall, true positives, false positives and false negatives."""
    tp = sum(1 for said, truth in decisions if said and truth)
    fp = sum(1 for said, truth in decisions if said and not truth)
    fn = sum(1 for said, truth in decisions if not said and truth)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def main(argv: Sequence[str] | None = None) -> int:
    """Print the merge decision's precision and recall on the labelled pairs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the tls collections folder")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--sweep", action="store_true", help="also try other thresholds")
    parser.add_argument("--errors", action="store_true", help="list the misjudged pairs")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: shared data not found at {args.data} (use --data DIR)")
        return 0
    pairs = load(args.pairs)
    started = time.perf_counter()
    stories = {story: read_story(args.data, story) for story in sorted({p.a.story for p in pairs})}
    print(f"read and extracted {len(stories)} stories in {time.perf_counter() - started:.1f} s")
    resolved: list[tuple[Pair, Event, Event, Weights]] = []
    for pair in pairs:
        story = stories[pair.a.story]
        first, second = find_event(args.data, pair.a, story), find_event(args.data, pair.b, story)
        if first is None or second is None:
            print(f"unresolved (no dated event at the offsets): {pair.note}")
            continue
        resolved.append((pair, first, second, story.weights))
    positives = sum(1 for pair, *_ in resolved if pair.same)
    print(f"{len(resolved)} pairs ({positives} same event, {len(resolved) - positives} different)")
    thresholds = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] if args.sweep else []
    for threshold in [*thresholds, chronology.THRESHOLD]:
        decisions = [
            (chronology.same_event(a, b, weights, threshold=threshold), pair.same)
            for pair, a, b, weights in resolved
        ]
        precision, recall, tp, fp, fn = score(decisions)
        chosen = "  <- chronology.THRESHOLD" if threshold == chronology.THRESHOLD else ""
        print(
            f"threshold {threshold:.2f}: precision {precision:.3f}  recall {recall:.3f}"
            f"  (tp {tp}, fp {fp}, fn {fn}){chosen}"
        )
    if args.errors:
        for pair, a, b, weights in resolved:
            if chronology.same_event(a, b, weights) != pair.same:
                kind = "missed" if pair.same else "wrongly merged"
                print(f"{kind}: {pair.note} ({pair.a.file} / {pair.b.file})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
