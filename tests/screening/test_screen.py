"""The public contract: screen(), screen_many() and the Verdict they return."""

import json

import pytest

from majlis import screening
from majlis.screening import Policy, Verdict, screen, screen_many
from majlis.screening.categories import CODES

THREAT = "I know where you live and I will kill you, you filthy dog."
SPAM = "Cheap watches and phones at www.best-deals-shop.example, call 0750 123 4567 today, 50% off!"
POLITE = "Thank you for this clear report. I hope both sides keep meeting and share what they agree on."


def test_it_scores_a_threat_high():
    threat, polite = screen(THREAT), screen(POLITE)
    assert threat.scores["threat"] >= 0.9
    assert threat.violation >= polite.violation + 0.5
    assert threat.decision == "reject"


def test_it_finds_promotion_with_evidence():
    verdict = screen(SPAM)
    assert verdict.scores["promotion"] >= 0.8
    spans = [e for r in verdict.reasons if r.category == "promotion" for e in r.evidence]
    assert {e.text for e in spans} >= {"www.best-deals-shop.example", "0750 123 4567", "50% off"}
    assert all(SPAM[e.start:e.end] == e.text for e in spans)


def test_it_approves_a_polite_comment():
    verdict = screen(POLITE)
    assert verdict.decision != "reject"
    assert verdict.violation < 0.3
    assert verdict.language == "en"
    assert not [r for r in verdict.reasons if r.source != "model"]
    lenient = Policy(approve_thresholds={c: 0.3 for c in CODES})
    assert screen(POLITE, policy=lenient).decision == "approve"


def test_it_returns_every_category_and_the_json_contract():
    data = screen(THREAT).to_dict()
    assert set(data) == {"decision", "language", "violation", "scores", "reasons", "model_version"}
    assert tuple(data["scores"]) == CODES
    assert all(0.0 <= v <= 1.0 for v in data["scores"].values())
    reason = data["reasons"][0]
    assert set(reason) == {"category", "score", "evidence", "source"}
    assert set(reason["evidence"][0]) == {"start", "end", "text"}
    json.dumps(data)


def test_it_round_trips_a_verdict_through_json():
    verdict = screen(SPAM)
    again = Verdict.from_dict(json.loads(json.dumps({"id": 7, **verdict.to_dict()})))
    assert again.to_dict() == verdict.to_dict()


def test_it_screens_a_batch_in_order_like_one_by_one():
    texts = [POLITE, THREAT, SPAM, "", "سأقتلك", "   "]
    batch = screen_many(texts)
    assert [v.to_dict() for v in batch] == [screen(t).to_dict() for t in texts]
    assert screen_many([]) == []


def test_it_handles_empty_and_odd_text():
    for text in ["", " ", "🙂🙂", "\u200b\u200f", "12345", "a" * 5000]:
        verdict = screen(text)
        assert verdict.decision in {"approve", "review", "reject"}


def test_it_flags_a_flood_of_the_same_text_by_others():
    text = "Visit our page for the best offers on phones this week, you will not regret it!"
    recent = [text.replace("best", "very best"), "Nice article", text + "!!"]
    verdict = screen(text, recent=recent)
    flood = [r for r in verdict.reasons if r.source == "flood"]
    assert flood and flood[0].evidence[0].text == text
    assert verdict.scores["promotion"] > screen(text).scores["promotion"]


def test_it_flags_an_unrelated_comment_as_off_topic_without_rejecting():
    article = {"title": "Parliament passes the 2025 budget", "body": "The finance minister said spending on "
               "schools and hospitals will rise, while the opposition criticised the deficit."}
    text = ("My cat likes to sleep on the sofa all day and my dog plays football in the garden "
            "with the neighbours and their children every weekend, while my grandmother bakes "
            "cakes with strawberries from the market and sings old songs")
    verdict = screen(text, article)
    assert verdict.scores["off_topic"] >= 0.5
    assert verdict.decision == "review"
    assert screen(text).scores["off_topic"] == 0.0
    assert screen("The deficit will hurt schools and hospitals.", article).scores["off_topic"] == 0.0


def test_it_accepts_an_article_object():
    class Article:
        title = "Budget"
        body = "Parliament passed the budget."
        language = "en"

    verdict = screen(POLITE, Article())
    assert verdict.decision != "reject" and verdict.scores["off_topic"] == 0.0


def test_it_applies_the_given_policy():
    strict = Policy(reject_thresholds={"personal_attack": 0.5})
    lenient = Policy(reject_thresholds={c: 0.999 for c in CODES})
    assert screen("you are an idiot", policy=lenient).decision == "review"
    assert screen("you are an idiot", policy=strict).decision == "reject"


def test_it_detects_the_language_per_comment():
    assert [v.language for v in screen_many(["Thank you, good article", "شكرا على المقال",
                                              "Teşekkürler, güzel haber", "ممنون از این گزارش"])] == \
        ["en", "ar", "tr", "fa"]


def test_it_works_without_a_trained_model(monkeypatch):
    monkeypatch.setattr(screening.engine, "classifier", lambda: None)
    verdict = screen(THREAT)
    assert verdict.model_version == "rules-only"
    assert verdict.decision == "reject"
    assert not [r for r in verdict.reasons if r.source == "model"]


def test_it_combines_model_probabilities_with_rule_evidence(monkeypatch):
    class FakeModel:
        version = "fake-1"

        def predict(self, folded, languages):
            import numpy as np
            return {"personal_attack": np.full(len(folded), 0.6), "offensive": np.full(len(folded), 0.3)}

    monkeypatch.setattr(screening.engine, "classifier", lambda: FakeModel())
    polite = screen(POLITE)
    assert polite.model_version == "fake-1"
    assert polite.scores["personal_attack"] == pytest.approx(0.6)
    assert [r.source for r in polite.reasons] == ["model"] and polite.reasons[0].evidence == []
    insult = screen("you are an idiot")
    assert insult.scores["personal_attack"] == pytest.approx(1 - 0.4 * 0.25, abs=1e-3)
    assert polite.decision == "review"


def test_it_imports_no_django_anywhere_in_the_engine():
    import ast
    from pathlib import Path

    package = Path(screening.__file__).parent
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.split(".")[0] == "django" for n in names), path
