"""Evidence spans cut the original body into plain and marked pieces, and nothing else."""

import pytest

from majlis.moderation.evidence import segments, spans

BODY = "You idiot, I will find you. Buy at shop.example!"


def ev(start, end, text=None, category="personal_attack"):
    return {"category": category, "evidence": [{"start": start, "end": end, "text": BODY[start:end] if text is None else text}]}


def test_it_marks_the_spans_and_keeps_every_character():
    pieces = segments(BODY, [ev(4, 9), ev(35, 47, category="promotion")])
    assert "".join(p.text for p in pieces) == BODY
    assert [(p.text, p.category) for p in pieces if p.marked] == [("idiot", "personal_attack"), ("shop.example", "promotion")]


@pytest.mark.parametrize("reasons", [
    [ev(-1, 3)],
    [ev(10, 999)],
    [ev(5, 5)],
    [ev(4, 9, text="other")],
    [{"category": "threat", "evidence": [{"start": "4", "end": 9}]}],
    ["not a dict"],
    None,
])
def test_it_ignores_spans_that_do_not_fit_the_body(reasons):
    assert spans(BODY, reasons) == []
    assert [p.text for p in segments(BODY, reasons)] == [BODY]


def test_it_merges_overlapping_spans():
    assert spans(BODY, [ev(4, 9), ev(6, 14, category="threat")]) == [(4, 14, "personal_attack")]


def test_it_returns_one_empty_piece_for_an_empty_body():
    assert [p.text for p in segments("", [])] == [""]


def test_it_escapes_marked_and_plain_text_in_the_queue(client_for, alice, article, comment_factory):
    body = "<script>alert(1)</script> and <b>bold</b>"
    comment_factory(article, body, reasons=[{"category": "threat", "evidence": [{"start": 0, "end": 8, "text": "<script>"}]}])
    html = client_for(alice).get("/moderation/").content.decode()
    assert '<mark class="ev" data-category="threat" title="Threat">&lt;script&gt;</mark>alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;' in html
    assert "<script>alert" not in html


@pytest.mark.parametrize("source, category", [("relevance", "off_topic"), ("flood", "promotion")])
def test_whole_comment_judgements_do_not_hide_the_words(source, category):
    whole = {"category": category, "source": source,
             "evidence": [{"start": 0, "end": len(BODY), "text": BODY}]}
    pieces = segments(BODY, [whole, ev(4, 9)])
    assert [(p.text, p.category) for p in pieces if p.marked] == [("idiot", "personal_attack")]


def test_a_one_word_comment_is_still_marked_whole():
    assert spans("idiot", [{"category": "personal_attack", "source": "lexicon",
                            "evidence": [{"start": 0, "end": 5, "text": "idiot"}]}]) == [(0, 5, "personal_attack")]
