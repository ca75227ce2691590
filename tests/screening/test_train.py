"""Training: label mapping, the held-out protocol, calibration, and a small end-to-end run."""

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from majlis.screening import train
from majlis.screening.classifier import Classifier
from majlis.screening.normalize import fold
from majlis.screening.training.calibrate import approve_threshold, reject_threshold
from majlis.screening.training.data import Row, labels_from_columns, rows_from_decisions
from majlis.screening.training.protocol import split_rows

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
CLEAN = ["thanks for the report", "the council should publish the numbers", "good point about taxes",
         "I disagree with the editor", "interesting interview", "the bridge is still closed"]
ABUSE = ["you stupid idiot", "shut up moron", "you are a disgusting pig", "idiot journalist",
         "stupid moron writer", "you pig shut up"]


def write_source(root, name, rows, columns):
    folder = root / name
    folder.mkdir(parents=True)
    with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows(rows)


@pytest.fixture
def data_dir(tmp_path):
    root = tmp_path / "data"
    rows = [(t, "en", 0, "train") for t in CLEAN * 5] + [(t, "en", 1, "train") for t in ABUSE * 5]
    write_source(root, "toy-offence", rows, ["text", "lang", "offensive", "split"])
    spam = [("buy cheap pills at example.com", "en", 1)] * 10 + [(t, "en", 0) for t in CLEAN]
    write_source(root, "toy-spam", spam, ["text", "lang", "spam"])
    held = [(t + " today", "en", 0) for t in CLEAN] + [(t + " today", "en", 1) for t in ABUSE]
    write_source(root, "olid", held, ["text", "lang", "offensive"])
    return root


@pytest.mark.parametrize(
    "columns, expected",
    [
        ({"offensive": 0}, {"offensive": 0, "personal_attack": 0, "profanity": 0, "threat": 0,
                            "identity_abuse": 0, "promotion": 0}),
        ({"offensive": 1}, {"offensive": 1, "personal_attack": 1, "promotion": 0}),
        ({"identity_attack": 1}, {"offensive": 1, "personal_attack": 1, "identity_abuse": 1,
                                  "promotion": 0}),
        ({"identity_attack": 0}, {"identity_abuse": 0, "promotion": 0}),
        ({"toxic": 1, "insult": 0, "threat": 1}, {"offensive": 1, "personal_attack": 0, "threat": 1,
                                                  "promotion": 0}),
        ({"spam": 1}, {"promotion": 1}),
    ],
)
def test_it_maps_source_columns_onto_heads_without_inventing_labels(columns, expected):
    labels, weights = labels_from_columns(columns)
    assert labels == expected
    assert ("promotion" in weights) == ("spam" not in columns)


def test_it_maps_moderator_decisions_onto_heads():
    rows = rows_from_decisions([
        {"text": "a", "language": "ckb", "labels": {"vulgarity": 1}, "weight": 2.0},
        {"text": "b", "language": "kmr", "labels": {"threat": 0, "promotion": 0}, "weight": 1.0},
        {"text": "c", "language": "en", "labels": {}, "weight": 1.0},
    ], weight_scale=3.0)
    assert len(rows) == 2
    assert rows[0].labels == {"profanity": 1, "offensive": 1} and rows[0].weight == 6.0
    assert rows[1].labels["personal_attack"] == 0 and rows[1].lang == "kmr"


def test_it_drops_training_copies_of_held_out_texts():
    held = Row("You IDIOT!! @USER", "en", "olid", "", {"offensive": 1})
    copy = Row("you idiot", "en", "davidson", "", {"offensive": 1})
    other = Row("hello", "en", "davidson", "", {"offensive": 0})
    train_rows, held_rows = split_rows([held, copy, other])
    assert train_rows == [other] and held_rows == [held]


def test_it_calibrates_thresholds_that_meet_the_targets():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 4000)
    s = np.clip(y * 0.5 + rng.normal(0.25, 0.15, 4000), 0, 1)
    t = reject_threshold(y, s)
    assert y[s >= t].mean() >= 0.98
    a = approve_threshold(y, s)
    assert (1 - y[s < a]).mean() >= 0.99
    assert reject_threshold(np.array([0, 1] * 50), np.full(100, 0.5)) == 1.0


def test_it_trains_calibrates_and_saves_a_loadable_model(data_dir, tmp_path):
    out = tmp_path / "model"
    summary = train.run(data_dir, out_dir=out, progress=False, holdout_dir=tmp_path / "held")
    assert summary["held_out_rows"] == 12
    assert summary["held_out_auc"]["offensive"]["olid/en"] > 0.8
    clf = Classifier.load(out)
    probs = clf.predict([fold("you stupid pig"), fold("thanks for the interview")], ["en", "en"])
    assert probs["offensive"][0] > probs["offensive"][1]
    calibration = json.loads((out / "calibration.json").read_text())
    assert set(calibration) == {"reject", "approve", "method", "measured"}
    assert "vulgarity" in calibration["reject"] and (tmp_path / "held" / "classifier.npz").exists()
    # Arabic and Persian features are crossed with their language, in a file of their own.
    assert clf.config.crossed_languages == ("ar", "fa")
    assert clf.weights.shape == (clf.config.width, len(clf.heads))
    assert np.load(out / "classifier-crossed.npz")["weights"].shape[0] == clf.config.cross_buckets


def test_a_model_without_crossed_features_leaves_no_crossed_file(tmp_path):
    from majlis.screening.classifier import save_model
    from majlis.screening.features import FeatureConfig

    (tmp_path / "classifier-crossed.npz").write_bytes(b"stale")
    config = FeatureConfig(buckets=16)
    meta = {"version": "v", "heads": ["offensive"], "features": config.to_dict()}
    save_model(tmp_path, np.ones((16, 1)), np.zeros(1), meta)
    assert not (tmp_path / "classifier-crossed.npz").exists()
    assert Classifier.load(tmp_path).weights.shape == (16, 1)


def test_it_is_reproducible(data_dir, tmp_path):
    for name in ("a", "b"):
        train.run(data_dir, out_dir=tmp_path / name, progress=False)
    a, b = (np.load(tmp_path / n / "classifier.npz") for n in ("a", "b"))
    assert np.array_equal(a["weights"], b["weights"]) and np.array_equal(a["bias"], b["bias"])
    a, b = (np.load(tmp_path / n / "classifier-crossed.npz") for n in ("a", "b"))
    assert np.array_equal(a["weights"], b["weights"])


def test_it_learns_from_moderator_decisions(data_dir, tmp_path):
    word = "xalxalok"  # a made-up Kurmanji-looking insult no public source contains
    decisions = [{"text": f"tu {word} î", "language": "kmr", "labels": {"personal_attack": 1},
                  "weight": 1.0}] * 20 + [
        {"text": "spas ji bo nûçeyê", "language": "kmr", "labels": {"personal_attack": 0},
         "weight": 1.0}] * 20
    train.run(data_dir, out_dir=tmp_path / "plain", progress=False)
    train.run(data_dir, out_dir=tmp_path / "site", decisions=decisions, progress=False)
    text = [fold(f"ew {word} e")]
    before = Classifier.load(tmp_path / "plain").predict(text, ["kmr"])["personal_attack"][0]
    after = Classifier.load(tmp_path / "site").predict(text, ["kmr"])["personal_attack"][0]
    assert after > before + 0.2


def test_it_trains_on_a_sample_of_the_shared_data(tmp_path):
    summary = train.run(SHARED_DATA, out_dir=tmp_path, sample=25, progress=False)
    assert summary["rows"] <= 25 * 20
    assert summary["heads"]["offensive"]["positives"] > 0
    assert Classifier.load(tmp_path).predict([fold("x")], ["tr"])["threat"].shape == (1,)


def test_it_scales_features_by_their_naive_bayes_log_count_ratio():
    import scipy.sparse as sp

    from majlis.screening.training.fit import nb_ratio

    # column 0 only in positives, column 1 only in negatives, column 2 in both alike
    X = sp.csr_matrix(np.array([[1, 0, 1], [1, 0, 1], [0, 1, 1], [0, 1, 1]], dtype=float))
    r = nb_ratio(X, np.array([1, 1, 0, 0]), np.ones(4))
    assert r[0] > 1 and r[1] < -1 and abs(r[2]) < 1e-9


def test_sub_category_heads_borrow_a_share_of_the_general_head():
    from majlis.screening.training.data import HEADS
    from majlis.screening.training.fit import GENERAL_SHARE, SHARED_HEADS, share_general_head

    weights = np.zeros((4, len(HEADS)), dtype=np.float32)
    bias = np.zeros(len(HEADS))
    weights[:, HEADS.index("offensive")] = [4.0, -4.0, 0.0, 8.0]
    bias[HEADS.index("offensive")] = -2.0
    weights[:, HEADS.index("threat")] = [0.0, 0.0, 3.0, 0.0]
    share_general_head(weights, bias)
    threat = HEADS.index("threat")
    assert weights[:, threat].tolist() == pytest.approx(
        [4.0 * GENERAL_SHARE, -4.0 * GENERAL_SHARE, 3.0, 8.0 * GENERAL_SHARE])
    assert bias[threat] == pytest.approx(-2.0 * GENERAL_SHARE)
    for head in HEADS:
        if head not in SHARED_HEADS and head != "offensive":
            assert not weights[:, HEADS.index(head)].any() and bias[HEADS.index(head)] == 0
    assert weights[:, HEADS.index("offensive")].tolist() == [4.0, -4.0, 0.0, 8.0]


def test_weak_negatives_add_only_clean_rows_and_keep_the_source_labels():
    from majlis.screening.training.data import add_weak_negatives

    rows = [
        Row("the council should publish the numbers", "en", "hateval2019", "train",
            {"identity_abuse": 0, "promotion": 0}, head_weights={"promotion": 0.3}),
        Row("shut up you idiot", "en", "hateval2019", "train",
            {"identity_abuse": 0, "promotion": 0}, head_weights={"promotion": 0.3}),
        Row("they all are vermin", "en", "hateval2019", "train",
            {"offensive": 1, "personal_attack": 1, "identity_abuse": 1, "promotion": 0}),
    ]
    add_weak_negatives(rows, 0.3)
    clean, insult, hate = rows
    assert clean.labels["offensive"] == 0 and clean.labels["threat"] == 0
    assert clean.head_weights["offensive"] == 0.3
    # The source's own label is a real label: it keeps its full weight.
    assert clean.labels["identity_abuse"] == 0 and "identity_abuse" not in clean.head_weights
    # A lexicon hit is not assumed clean, and a positive row is left as it was.
    assert "offensive" not in insult.labels
    assert hate.labels["offensive"] == 1 and "offensive" not in hate.head_weights
