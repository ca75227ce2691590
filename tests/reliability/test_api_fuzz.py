"""Schemathesis against ``/api/v1/openapi.json`` on a live server on 127.0.0.1.

Every operation of the OpenAPI document, moderation included (with an admin's bearer token), gets
generated requests, valid ones and invalid ones; every answer must be below 500 and match the
document (status code, content type, body schema, headers). The number of examples per operation
and mode is bounded (``EXAMPLES``); raise it locally with ``MAJLIS_FUZZ_EXAMPLES``.
(Schemathesis' own pytest plugin does not run under pytest 9 yet, so the operations are driven here
with Hypothesis directly.)
"""

import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from majlis.accounts.models import ApiToken

EXAMPLES = int(os.environ.get("MAJLIS_FUZZ_EXAMPLES", "30"))
# Checks left out for one operation, each with its reason.
EXCLUDED = {
    # ``slug`` or ``url``: one of the two is required, which OpenAPI 3.0 query parameters cannot say,
    # so a request with neither is schema-valid and rightly refused (422).
    "GET /api/v1/widget/article": [positive_data_acceptance],
}
# In the negative mode schemathesis also counts a repeated query parameter (``?limit=1&limit=2``) as
# a violation to refuse; Django, like most frameworks, reads one of the values. Every other check
# (no 5xx, documented status, content type, body schema, headers) applies to negative cases too,
# and test_malformed.py refuses the invalid bodies that matter by name.
NEGATIVE_EXCLUDED = [negative_data_rejection]


def holds_nul(case) -> bool:
    """NUL characters are refused by design (PostgreSQL cannot store or compare them, see
    majlis/lib/limits.py), and OpenAPI 3.0 cannot say "any string but NUL": such a schema-valid
    request is rightly refused, so the acceptance check is left out for it (every other check holds)."""

    def has(value) -> bool:
        if isinstance(value, (str, bytes)):
            return ("\x00" if isinstance(value, str) else b"\x00") in value
        if isinstance(value, dict):
            return any(has(k) or has(v) for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return any(has(v) for v in value)
        return False

    return has([case.path_parameters, case.query, case.body])


def fuzz(operation, mode, headers) -> list[str]:
    """Run ``EXAMPLES`` generated cases of one operation; return the distinct failures."""
    failures = {}

    @given(operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def run(case):
        try:
            excluded = EXCLUDED.get(operation.label, []) + (NEGATIVE_EXCLUDED if mode == GenerationMode.NEGATIVE else [])
            if holds_nul(case):
                excluded = excluded + [positive_data_acceptance]
            case.call_and_validate(headers=headers, excluded_checks=excluded)
        except (FailureGroup, Exception) as exc:  # every check failure is kept, with its request
            found = getattr(exc, "exceptions", None) or [exc]
            for failure in found:
                summary = f"{type(failure).__name__}: {str(failure).strip().splitlines()[0][:160]}"
                failures.setdefault(summary, f"{operation.label} [{mode.value}] {summary}\n    {case.as_curl_command()[:300]}")

    try:
        run()
    except Unsatisfiable:  # nothing to make invalid (an operation without parameters or body)
        pass
    return list(failures.values())


def test_it_answers_every_generated_request_within_the_schema(transactional_db, live_server, article, alice, settings):
    settings.MAJLIS_RATE_LIMIT_PER_IP = 0
    settings.MAJLIS_RATE_LIMIT_PER_EMAIL = 0
    headers = {"Authorization": f"Bearer {ApiToken.issue(alice)[1]}"}
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {"POST /api/v1/moderation/comments/{comment_id}/decision", "GET /api/v1/moderation/queue"} <= {
        op.label for op in operations}
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            failures += fuzz(operation, mode, headers)
    assert failures == [], "\n".join(failures)
