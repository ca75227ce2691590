"""Property tests (hypothesis): arbitrary Unicode never breaks the screening engine, evidence always
points into the text the reader wrote, and the JSON API answers any body with 4xx, never 5xx.

Example counts are modest (``max_examples`` below) so that CI stays fast; raise them locally with
``MAJLIS_PROPERTY_EXAMPLES=5000`` (see docs/reliability.md).
"""

import json
import math
import os

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings, strategies as st

from majlis.screening import screen
from majlis.screening.categories import CODES
from majlis.screening.normalize import fold, normalize

# Per test, not a global profile: other test modules keep Hypothesis' defaults.
EXAMPLES = int(os.environ.get("MAJLIS_PROPERTY_EXAMPLES", "200"))
bounded = settings(max_examples=EXAMPLES, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Pieces that make the engine find evidence (so that spans get checked) mixed with the characters
# that move offsets: combining marks, tatweel, zero-width and bidi controls, Turkish i, emoji, ZWJ.
TRIGGERS = [
    "idiot", "stupid", "fuck", "f u c k", "sh1t", "fuuuuck", "@ss", "kill you", "buy now", "http://x.example/a",
    "www.shop.example", "+90 555 123 45 67", "@handle", "whatsapp", "aptal", "salak", "احمق", "كلب", "کەر", "گوه",
    "qehpik", "heywan", "İdiot", "IDİOT", "ıdiot", "ـــ", "\u064e", "\u0651", "\u200c", "\u200d", "\u200b", "\u202e",
    "\u2066", "\ufeff", "\u0301", "e\u0301", "s\u0327", "😀", "👨‍👩‍👧", "ﷺ", "ﻻ", "①", "ｆｕｃｋ", "ß", "ǅ", "İ", "\r\n", "\x00",
]
mixed_text = st.lists(st.one_of(st.sampled_from(TRIGGERS), st.text(max_size=6)), max_size=30).map(" ".join)
any_text = st.one_of(st.text(max_size=400), mixed_text)


def check_evidence(text, verdict):
    for reason in verdict.reasons:
        for evidence in reason.evidence:
            assert 0 <= evidence.start < evidence.end <= len(text), (text, evidence)
            assert text[evidence.start:evidence.end] == evidence.text, (text, evidence)


@bounded
@given(any_text)
def test_it_normalizes_any_text_with_offsets_inside_the_original(text):
    normalized = normalize(text)
    assert normalized.text == fold(text)
    size = len(normalized.text)
    for start, end in ((0, size), (0, size // 2), (size // 3, size)):
        orig_start, orig_end = normalized.span(start, end)
        assert 0 <= orig_start <= orig_end <= len(text)


@bounded
@given(any_text)
def test_it_screens_any_text_with_evidence_inside_it(text):
    verdict = screen(text)
    assert verdict.decision in ("approve", "review", "reject")
    assert set(verdict.scores) <= set(CODES)
    assert all(0.0 <= s <= 1.0 and not math.isnan(s) for s in verdict.scores.values())
    assert 0.0 <= verdict.violation <= 1.0
    check_evidence(text, verdict)
    json.dumps(verdict.to_dict())


@bounded
@given(any_text, st.text(max_size=80), st.text(max_size=300), st.sampled_from(["en", "ar", "ckb", "kmr", "tr", "fa", "xx", ""]))
def test_it_screens_any_text_against_any_article(text, title, body, language):
    verdict = screen(text, {"title": title, "body": body, "language": language})
    check_evidence(text, verdict)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)
comment_like = st.fixed_dictionaries(
    {}, optional={"author": json_values, "email": json_values, "body": json_values, "website": json_values,
                  "action": json_values, "reason": json_values, "note": json_values, "text": json_values,
                  "article": json_values},
)
bodies = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode()),
    comment_like.map(lambda v: json.dumps(v).encode()),
    comment_like.map(lambda v: json.dumps(v).encode()[:-1]),  # truncated JSON
)
content_types = st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""])


@pytest.fixture
def api_world(article, alice, token_for, settings):
    settings.MAJLIS_RATE_LIMIT_PER_IP = 0
    settings.MAJLIS_RATE_LIMIT_PER_EMAIL = 0
    return {"slug": article.slug, "token": token_for(alice)}


@bounded
@given(body=bodies, content_type=content_types)
def test_it_answers_any_body_with_a_client_error_never_a_server_error(api_world, body, content_type):
    client = Client(headers={"Authorization": f"Bearer {api_world['token']}"}, raise_request_exception=False)
    for path in (f"/api/v1/articles/{api_world['slug']}/comments", "/api/v1/screen", "/api/v1/moderation/comments/1/decision"):
        response = client.generic("POST", path, body, content_type=content_type)
        assert response.status_code < 500, (path, body, response.status_code)


query_values = st.one_of(st.text(max_size=30), st.integers().map(str), st.floats().map(str))


@bounded
@given(page=query_values, language=query_values, category=query_values, min_score=query_values, order=query_values, limit=query_values)
def test_it_answers_any_query_string_without_a_server_error(api_world, page, language, category, min_score, order, limit):
    client = Client(headers={"Authorization": f"Bearer {api_world['token']}"}, raise_request_exception=False)
    answers = [
        client.get(f"/api/v1/articles/{api_world['slug']}/comments", {"page": page}),
        client.get("/api/v1/moderation/queue", {"language": language, "category": category, "min_score": min_score,
                                                "order": order, "limit": limit, "article": page}),
        client.get("/api/v1/widget/article", {"slug": page, "url": category, "lang": language}),
    ]
    assert [a.status_code for a in answers if a.status_code >= 500] == []
