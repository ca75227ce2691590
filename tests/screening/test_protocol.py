"""The evaluation protocols: official splits (pars-off-fa's mapped by text), protocol selection,
and no held-out text among the training rows."""

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from majlis.screening import evaluate, train
from majlis.screening.training.data import Row, load_sources, official_splits, read_csv_rows
from majlis.screening.training.protocol import (
    DEFAULT_PROTOCOL, PROTOCOLS, dedupe_key, holdout, is_held_out, split_rows,
)

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
PARS_OFF = "Pars-OFF Dataset/Pars-OFF"


def write_csv(path, header, rows, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def pars_off(tmp_path):
    """A pars-off-fa folder: the normalised CSV (no split column) and the authors' level-A files."""
    folder = tmp_path / "data" / "pars-off-fa"
    write_csv(folder / "pars-off-fa.csv", ["text", "lang", "offensive"], [
        ("@USER  اینجا   خوبه", "fa", 0),   # spaced differently from the test file
        ("تو احمقی<LF>برو", "fa", 1),       # a newline encoded as <LF>
        ("سلام به همه", "fa", 0),
        ("متنی که در هیچ فایلی نیست", "fa", 0),
        ("هم در آموزش هم در آزمون", "fa", 1),
    ])
    # The originals start with a byte-order mark and name the text column "tweet".
    write_csv(folder / PARS_OFF / "Pars-OFF_levela_test.csv", ["tweet", "label"], [
        ("@USER اینجا خوبه", "NOT"), ("تو احمقی\nبرو", "OFF"), ("هم در آموزش هم در آزمون", "OFF"),
    ], encoding="utf-8-sig")
    write_csv(folder / PARS_OFF / "Pars-OFF_levela_train.csv", ["tweet", "label"], [
        ("سلام به همه", "NOT"), ("هم در آموزش هم در آزمون", "OFF"),
    ], encoding="utf-8-sig")
    return folder


def test_it_maps_pars_off_rows_onto_the_official_split_by_text(pars_off):
    rows = read_csv_rows(pars_off / "pars-off-fa.csv", "pars-off-fa")
    assert [r.split for r in rows] == ["test", "test", "train", "", "test"]


def test_unmatched_pars_off_rows_stay_training_rows(pars_off):
    rows = read_csv_rows(pars_off / "pars-off-fa.csv", "pars-off-fa")
    train_rows, held = split_rows(rows, "splits")
    assert [r.text for r in held] == [rows[0].text, rows[1].text, rows[4].text]
    assert {r.split for r in train_rows} == {"train", ""}
    assert split_rows(rows, "sources")[1] == rows  # the whole source


def test_evaluate_reads_the_same_official_split(pars_off):
    records, labels = evaluate.read_labelled_csv(pars_off / "pars-off-fa.csv", "test")
    assert labels == ["offensive"] and len(records) == 3
    assert [r["offensive"] for r in records] == ["0", "1", "1"]


def test_a_source_without_split_files_keeps_no_split(tmp_path):
    write_csv(tmp_path / "ethos" / "ethos.csv", ["text", "lang", "threat"], [("a", "en", 0)])
    assert official_splits(tmp_path / "ethos", "ethos") is None
    assert read_csv_rows(tmp_path / "ethos" / "ethos.csv", "ethos")[0].split == ""


@pytest.mark.parametrize(
    "source, split, splits, sources",
    [
        ("offenseval2020-ar", "dev", True, False),
        ("offenseval2020-ar", "train", False, False),
        ("osact2022-ar", "dev", True, False),
        ("arabic-offensive-taxonomy", "ID4-youtube", False, True),
        ("l-hsab", "", False, True),
        ("pars-off-fa", "test", True, True),
        ("pars-off-fa", "train", False, True),
        ("phate-fa", "test", True, True),
        ("phate-fa", "val", False, False),
        ("turkish-offensive-lingda", "test", True, True),
        ("olid", "train", True, True),
        ("ethos", "", True, True),
        ("hateval2019", "train", False, False),
        ("davidson", "", False, False),
    ],
)
def test_each_protocol_holds_out_its_own_rows(source, split, splits, sources):
    row = Row("text", "xx", source, split)
    assert is_held_out(row, "splits") is splits
    assert is_held_out(row, "sources") is sources
    assert is_held_out(row) is splits  # the default


def test_an_unknown_protocol_is_refused(tmp_path):
    assert DEFAULT_PROTOCOL == "splits" and set(PROTOCOLS) == {"splits", "sources"}
    with pytest.raises(ValueError, match="unknown protocol"):
        holdout("random-rows")
    with pytest.raises(ValueError, match="unknown protocol"):
        train.run(tmp_path, out_dir=tmp_path / "m", protocol="random-rows", progress=False)


def test_training_records_the_protocol_it_held_out(tmp_path):
    data = tmp_path / "data"
    rows = [("thanks for the report", "en", 0, "train"), ("you stupid idiot", "en", 1, "train"),
            ("good point", "en", 0, "dev"), ("shut up moron", "en", 1, "dev")] * 5
    write_csv(data / "osact2022-ar" / "osact2022-ar.csv", ["text", "lang", "offensive", "split"],
              rows)
    for protocol, held_out in (("splits", 10), ("sources", 0)):
        out = tmp_path / protocol
        summary = train.run(data, out_dir=out, held_out_only=True, protocol=protocol,
                            progress=False, with_calibration=False)
        meta = json.loads((out / "classifier.json").read_text())
        assert (summary["protocol"], meta["protocol"], meta["kind"]) == (
            protocol, protocol, "held-out fit")
        assert summary["held_out_rows"] == held_out
        assert summary["train_rows_held_out_fit"] == 20 - held_out


@pytest.fixture(scope="module")
def shared_rows():
    return load_sources(SHARED_DATA)


def test_the_shared_pars_off_copy_maps_onto_the_authors_split(shared_rows):
    counts = Counter((r.split, r.labels["offensive"]) for r in shared_rows
                     if r.source == "pars-off-fa")
    # The authors' level-A test file has 1,051 tweets, 318 of them offensive; every row matches.
    assert counts[("test", 1)] == 318 and counts[("test", 0)] == 733
    assert counts[("", 0)] + counts[("", 1)] == 0


@pytest.mark.parametrize("protocol", sorted(PROTOCOLS))
def test_no_held_out_text_is_among_the_training_rows(shared_rows, protocol):
    train_rows, held = split_rows(shared_rows, protocol)
    held_keys = {dedupe_key(r.text) for r in held}
    assert not [r for r in train_rows if dedupe_key(r.text) in held_keys]
    assert {r.source for r in held} == set(holdout(protocol))
    assert len(train_rows) + len(held) < len(shared_rows)  # copies were found and dropped


def test_the_splits_protocol_holds_out_only_official_splits_for_ar_and_fa(shared_rows):
    _, held = split_rows(shared_rows, "splits")
    by_set = Counter((r.source, r.split) for r in held if r.lang in ("ar", "fa"))
    assert by_set == {("offenseval2020-ar", "dev"): 999, ("osact2022-ar", "dev"): 1268,
                      ("pars-off-fa", "test"): 1051, ("phate-fa", "test"): 2822}


def test_majlis_train_takes_a_protocol_and_a_held_out_only_fit(tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    data = tmp_path / "data"
    rows = [("thanks for the report", "en", 0, "train"), ("you stupid idiot", "en", 1, "train"),
            ("good point", "en", 0, "dev"), ("shut up moron", "en", 1, "dev")] * 5
    write_csv(data / "osact2022-ar" / "osact2022-ar.csv", ["text", "lang", "offensive", "split"],
              rows)
    out = StringIO()
    call_command("train", data=str(data), out=str(tmp_path / "m"), protocol="splits",
                 held_out_only=True, verbosity=0, stdout=out)
    summary = json.loads(out.getvalue())
    assert (summary["protocol"], summary["held_out_rows"]) == ("splits", 10)
    assert json.loads((tmp_path / "m" / "classifier.json").read_text())["kind"] == "held-out fit"
    with pytest.raises(CommandError, match="--held-out-only needs --out"):
        call_command("train", data=str(data), held_out_only=True, verbosity=0, stdout=StringIO())


def test_the_baseline_comparison_refuses_a_fit_of_another_protocol(tmp_path, benchmark_module):
    baselines = benchmark_module("baselines")
    (tmp_path / "classifier.json").write_text(json.dumps({"kind": "held-out fit",
                                                          "protocol": "sources"}))
    baselines.check_model_protocol(tmp_path, "sources")
    with pytest.raises(SystemExit, match="held-out fit of protocol 'splits'"):
        baselines.check_model_protocol(tmp_path, "splits")
    (tmp_path / "classifier.json").write_text(json.dumps({"kind": "shipped fit",
                                                          "protocol": "splits"}))
    with pytest.raises(SystemExit):
        baselines.check_model_protocol(tmp_path, "splits")


def test_the_baseline_tables_mark_sets_alt_profanity_check_was_trained_on(benchmark_module):
    baselines = benchmark_module("baselines")

    def row(name, apc):
        return {"set": name, "label": "toxic", "lang": "en", "n": 10, "positives": 5,
                "pr_auc": 0.5, "threshold": None, "precision": None, "recall": None,
                "auc": {"majlis": 0.7, "classifier": 0.6, "tfidf-lr": 0.6, "apc": apc}}

    rows = [row("jigsaw-toxic-sample", 0.99), row("olid", 0.8), row("hateval2019[test]", 0.6)]
    macro, unseen = baselines.macro_by_language(rows), baselines.unseen_macro(rows)
    assert macro["en"]["apc"] == pytest.approx((0.99 + 0.8 + 0.6) / 3)
    assert unseen["en"]["apc"] == pytest.approx(0.7) and unseen["en"]["rows"] == 2
    table = baselines.markdown(rows, macro, unseen, "splits")
    assert "| jigsaw-toxic-sample | toxic | en | 10 | 5 | 0.700 | 0.600 | 0.600 | 0.990 (seen) |" in table
    assert "| olid | toxic | en | 10 | 5 | 0.700 | 0.600 | 0.600 | 0.800 |" in table
    assert "Macro ROC-AUC without those sets" in table


def test_thresholds_are_chosen_on_the_calibration_protocols_held_out_rows(tmp_path):
    from majlis.screening.training.protocol import is_calibration

    data = tmp_path / "data"
    clean = ["thanks for the report", "the council should publish the numbers", "good point",
             "I disagree with the editor", "interesting interview", "the bridge is closed"]
    abuse = ["you stupid idiot", "shut up moron", "you disgusting pig", "idiot journalist",
             "stupid moron writer", "you pig shut up"]
    rows = [(t, "ar", y, s) for s in ("train", "dev") for y, ts in ((0, clean), (1, abuse))
            for t in ts]
    write_csv(data / "osact2022-ar" / "osact2022-ar.csv", ["text", "lang", "offensive", "split"],
              rows * 3)
    whole = [(f"{t} {n}", "ar", y) for n in ("today", "again", "now") for y, ts in
             ((0, clean), (1, abuse)) for t in ts]
    write_csv(data / "l-hsab" / "l-hsab.csv", ["text", "lang", "offensive"], whole)
    summary = train.run(data, out_dir=tmp_path / "m", progress=False, protocol="splits")
    assert (summary["protocol"], summary["calibrated_on"]) == ("splits", "sources")
    assert summary["calibration"]["method"]["protocol"] == "sources"
    measured = summary["calibration"]["measured"]["reject"]["personal_attack"]["rows"]
    assert measured == sum(not is_calibration(Row(t, "ar", "l-hsab", "")) for t, _, _ in whole)
    same = train.run(data, out_dir=tmp_path / "s", progress=False, protocol="splits",
                     calibrate_on="splits")
    assert same["calibration"]["method"]["protocol"] == "splits"
    assert same["calibration"]["measured"]["reject"]["personal_attack"]["rows"] == sum(
        not is_calibration(Row(t, "ar", "osact2022-ar", "")) for t, _, y, s in rows * 3 if s == "dev")
