"""tilse's timeline metrics, checked on examples small enough to work out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.tls_metrics import Rouge, align_many_to_one, concat, date_f1

APRIL = {day: dt.date(2010, 4, day) for day in range(1, 31)}


@pytest.fixture(scope="module")
def rouge() -> Rouge:
    return Rouge()


def test_date_f1_counts_the_dates_both_sides_chose() -> None:
    predicted = [APRIL[1], APRIL[2], APRIL[3], APRIL[5]]
    reference = [APRIL[2], APRIL[3], APRIL[4]]
    scores = date_f1(predicted, reference)
    # 2 of the 4 predicted dates are right (P = 1/2); 2 of the 3 wanted were found (R = 2/3);
    # F1 = 2 * 1/2 * 2/3 / (1/2 + 2/3) = 4/7.
    assert scores.precision == pytest.approx(1 / 2)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(4 / 7)


def test_date_f1_of_nothing_is_zero() -> None:
    assert date_f1([], [APRIL[1]]).f1 == 0
    assert date_f1([APRIL[9]], [APRIL[1]]).f1 == 0


def test_tokens_are_lowercased_stemmed_and_free_of_stop_words(rouge: Rouge) -> None:
    # "the", "on" and "said" are ROUGE stop words (smart_common_words.txt); "rig" has 3
    # letters and is kept as it is; "sank" becomes "sink" by WordNet's exception list, which
    # the Porter stemmer alone could not do; "engineers" stems to "engin"; "well-head" is split
    # at the hyphen, and the hyphen itself is dropped.
    assert rouge.tokens(["The rig sank on 22 April, engineers said."]) == [
        "rig",
        "sink",
        "22",
        "april",
        "engin",
    ]
    assert rouge.tokens(["The well-head"]) == ["head"]  # "well" is a stop word too


def test_rouge_1_and_2_on_two_sentences_worked_by_hand(rouge: Rouge) -> None:
    predicted = {APRIL[22]: ["The rig sank on 22 April, engineers said."]}
    reference = {APRIL[22]: ["The burning rig sinks on April 22."]}
    scores = concat(predicted, [reference], rouge)
    # Predicted tokens: rig sink 22 april engin (5)
    # Reference tokens: burn rig sink april 22 (5; "sinks" stems to "sink", "burning" to "burn")
    # ROUGE-1: rig, sink, 22, april match: 4 hits; P = 4/5, R = 4/5, F = 0.8.
    assert scores[1].precision == pytest.approx(0.8)
    assert scores[1].recall == pytest.approx(0.8)
    assert scores[1].f1 == pytest.approx(0.8)
    # Predicted bigrams: rig-sink, sink-22, 22-april, april-engin (4)
    # Reference bigrams: burn-rig, rig-sink, sink-april, april-22 (4)
    # ROUGE-2: only rig-sink matches: P = R = F = 1/4.
    assert scores[2].f1 == pytest.approx(0.25)


# A reference of two dates and a prediction of three: the explosion on the right day and
# again a day late, the sinking a day late.
REFERENCE = {APRIL[20]: ["Rig explodes"], APRIL[22]: ["Rig sinks"]}
PREDICTED = {APRIL[20]: ["Rig explodes"], APRIL[21]: ["Rig explodes"], APRIL[23]: ["Rig sinks"]}


def test_concat_joins_all_summaries_in_date_order(rouge: Rouge) -> None:
    scores = concat(PREDICTED, [REFERENCE], rouge)
    # Predicted: rig explod rig explod rig sink (6 tokens), reference: rig explod rig sink (4).
    # ROUGE-1 hits: rig min(3, 2) + explod min(2, 1) + sink 1 = 4; P = 4/6, R = 4/4, F = 0.8.
    assert scores[1].f1 == pytest.approx(0.8)
    # Bigrams run across sentences, as ROUGE-1.5.5 joins a summary's sentences:
    # predicted rig-explod x2, explod-rig x2, rig-sink (5); reference rig-explod, explod-rig,
    # rig-sink (3); 3 hits: P = 3/5, R = 1, F = 0.75.
    assert scores[2].f1 == pytest.approx(0.75)


def test_many_to_one_alignment_weights_hits_by_date_distance(rouge: Rouge) -> None:
    scores = align_many_to_one(PREDICTED, [REFERENCE], rouge)
    # Costs = (1 - 1/(days apart + 1)) x (1 - ROUGE-1 approximation on raw tokens):
    #   predicted 20: ref 20 -> 0 x 0 = 0;          ref 22 -> 2/3 x 1/2 = 1/3   => ref 20
    #   predicted 21: ref 20 -> 1/2 x 0 = 0;        ref 22 -> 1/2 x 1/2 = 1/4   => ref 20
    #   predicted 23: ref 20 -> 3/4 x 1/2 = 3/8;    ref 22 -> 1/2 x 0 = 0       => ref 22
    # Two predicted dates go to one reference date (many-to-one).
    # ROUGE-1 precision: (2 x 1 + 2 x 1/2 + 2 x 1/2) / (2 + 2 + 2) = 4/6.
    # Recall: ref 20 -> predicted 20 (cost 0, the first of two zeros), ref 22 -> predicted 23:
    #   (2 x 1 + 2 x 1/2) / (2 + 2) = 3/4.  F = 2 x 2/3 x 3/4 / (2/3 + 3/4) = 12/17.
    assert scores[1].precision == pytest.approx(2 / 3)
    assert scores[1].recall == pytest.approx(3 / 4)
    assert scores[1].f1 == pytest.approx(12 / 17)
    # ROUGE-2, one bigram per summary: P = (1 + 1/2 + 1/2) / 3, R = (1 + 1/2) / 2: F = 12/17.
    assert scores[2].f1 == pytest.approx(12 / 17)


def test_alignment_of_the_right_dates_equals_plain_rouge(rouge: Rouge) -> None:
    scores = align_many_to_one(REFERENCE, [REFERENCE], rouge)
    assert scores[1].f1 == pytest.approx(1.0)
    assert scores[2].f1 == pytest.approx(1.0)


def test_a_day_late_halves_the_aligned_score(rouge: Rouge) -> None:
    late = {day + dt.timedelta(days=1): text for day, text in REFERENCE.items()}
    assert align_many_to_one(late, [REFERENCE], rouge)[1].f1 == pytest.approx(0.5)
    assert concat(late, [REFERENCE], rouge)[1].f1 == pytest.approx(1.0)  # concat cannot tell


def test_an_empty_prediction_scores_zero(rouge: Rouge) -> None:
    assert align_many_to_one({}, [REFERENCE], rouge)[1].f1 == 0
    assert concat({}, [REFERENCE], rouge)[2].f1 == 0
