"""``majlis train`` and ``majlis evaluate`` as commands."""

import csv
import json
from io import StringIO

import pytest
from django.core.management import call_command

ROWS = [("thanks for the report", 0), ("you stupid idiot", 1), ("good point", 0),
        ("shut up moron", 1)] * 6


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data" / "toy"
    folder.mkdir(parents=True)
    with open(folder / "toy.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "lang", "offensive"])
        writer.writerows((t, "en", y) for t, y in ROWS)
    return tmp_path / "data"


def test_it_trains_into_the_given_directory(data_dir, tmp_path):
    out = StringIO()
    call_command("train", data=str(data_dir), out=str(tmp_path / "m"), sample=20, verbosity=0,
                 stdout=out)
    assert (tmp_path / "m" / "classifier.npz").exists()
    assert (tmp_path / "m" / "calibration.json").exists()
    assert json.loads(out.getvalue())["rows"] == 20


def test_it_reads_moderator_decisions_when_asked(data_dir, tmp_path, monkeypatch):
    import sys
    import types

    fake = types.ModuleType("majlis.moderation.labels")
    fake.decision_rows = lambda: iter([{"text": "tu kerê", "language": "kmr",
                                        "labels": {"personal_attack": 1}, "weight": 2.0}])
    monkeypatch.setitem(sys.modules, "majlis.moderation.labels", fake)
    out = StringIO()
    call_command("train", data=str(data_dir), out=str(tmp_path / "m"), with_decisions=True,
                 verbosity=0, stdout=out)
    assert json.loads(out.getvalue())["decisions"] == 1


def test_it_evaluates_a_csv_as_markdown_and_json(data_dir, tmp_path):
    call_command("train", data=str(data_dir), out=str(tmp_path / "m"), verbosity=0,
                 stdout=StringIO())
    csv_path = data_dir / "toy" / "toy.csv"
    md, js = StringIO(), StringIO()
    call_command("evaluate", data=str(csv_path), model=str(tmp_path / "m"), verbosity=0, stdout=md)
    call_command("evaluate", data=str(csv_path), model=str(tmp_path / "m"), json=True,
                 verbosity=0, stdout=js)
    assert "| offensive | en | 24 | 12 |" in md.getvalue()
    assert json.loads(js.getvalue())["rows"][0]["roc_auc"] > 0.9
