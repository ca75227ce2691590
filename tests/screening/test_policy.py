"""Policy: thresholds and modes turn scores into a decision and an immediate action."""

import json

import pytest

from majlis.screening.categories import CODES
from majlis.screening.policy import Policy, load_defaults
from majlis.screening.verdict import Verdict


def scores(**given):
    return {code: given.get(code, 0.0) for code in CODES}


def verdict(decision):
    return Verdict(decision, "en", 0.5, scores(), [], "test")


@pytest.mark.parametrize(
    "given, decision",
    [
        ({}, "approve"),
        ({"threat": 0.95}, "reject"),
        ({"threat": 0.5}, "review"),
        ({"promotion": 0.9}, "reject"),
        ({"off_topic": 0.99}, "review"),  # off_topic never auto-rejects
        ({"profanity": 0.19}, "approve"),
    ],
)
def test_it_decides_from_scores(given, decision):
    policy = Policy(reject_thresholds={c: 0.9 for c in CODES}, approve_thresholds={c: 0.2 for c in CODES})
    assert policy.decide(scores(**given)) == decision


def test_it_does_not_approve_when_the_overall_violation_is_high():
    policy = Policy(approve_thresholds={c: 0.2 for c in CODES})
    assert policy.decide(scores(), violation=0.1) == "approve"
    assert policy.decide(scores(), violation=0.6) == "review"


@pytest.mark.parametrize(
    "mode, decision, action",
    [
        ("manual", "reject", None),
        ("manual", "approve", None),
        ("assisted", "reject", "reject"),
        ("assisted", "approve", None),
        ("assisted", "review", None),
        ("autopilot", "reject", "reject"),
        ("autopilot", "approve", "approve"),
        ("autopilot", "review", None),
    ],
)
def test_it_applies_a_verdict_by_mode(mode, decision, action):
    assert Policy(mode=mode).apply(verdict(decision)) == action


def test_it_refuses_bad_settings():
    with pytest.raises(ValueError):
        Policy(mode="yolo")
    with pytest.raises(ValueError):
        Policy(reject_thresholds={"spam": 0.5})
    with pytest.raises(ValueError):
        Policy(approve_thresholds={"threat": 1.5})


def test_it_reads_thresholds_from_a_calibration_file(tmp_path):
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"reject": {"threat": 0.7, "unknown": 0.1}, "approve": {"threat": 0.05}}))
    defaults = load_defaults(path)
    assert defaults["reject"]["threat"] == 0.7
    assert defaults["approve"]["threat"] == 0.05
    assert "unknown" not in defaults["reject"]
    assert defaults["reject"]["profanity"] == 0.9


def test_it_falls_back_without_a_calibration_file(tmp_path):
    defaults = load_defaults(tmp_path / "missing.json")
    assert set(defaults["reject"]) == set(CODES)
    assert all(0 < v <= 1 for v in defaults["reject"].values())


def test_it_takes_a_reject_threshold_of_one_as_never(tmp_path):
    # The calibration is done on the engine's own scores (lexicons included), so the policy no
    # longer second-guesses it: 1.0 means the data supports no automatic reject for that category.
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"reject": {"vulgarity": 1.0, "personal_attack": 0.93}}))
    defaults = load_defaults(path)
    assert defaults["reject"]["vulgarity"] == 1.0
    assert defaults["reject"]["personal_attack"] == 0.93
    policy = Policy(reject_thresholds=defaults["reject"])
    assert policy.decide(scores(vulgarity=0.99)) == "review"
