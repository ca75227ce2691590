"""CSV exports of the audit log and the statistics.

Cells come from readers (names, comment bodies), so a cell that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) is prefixed with ``'``.
"""

import csv

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DECISION_COLUMNS = (
    "decision_id", "comment_id", "created_at", "action", "reason", "moderator", "model_version",
    "note", "violation", "scores", "site", "article", "language", "author", "email_domain", "body",
)


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, header, rows) -> StreamingHttpResponse:
    """Stream ``rows`` (iterables of cells) under ``header`` as a CSV download."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(header)  # the BOM lets spreadsheet programs read UTF-8
        for row in rows:
            yield writer.writerow([safe_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def decision_rows(decisions):
    """One CSV row per decision, in ``DECISION_COLUMNS`` order."""
    import json

    for d in decisions.iterator(chunk_size=500):
        c = d.comment
        yield (
            d.pk, d.comment_id, d.created_at.isoformat(), d.action, d.reason,
            d.moderator.get_username() if d.moderator_id else "", d.model_version, d.note,
            f"{d.violation:.4f}", json.dumps(d.scores, sort_keys=True), c.article.site.domain, c.article.slug,
            c.language, c.author_name, c.email_domain, c.body,
        )
