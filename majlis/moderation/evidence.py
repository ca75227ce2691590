"""Evidence highlighting: cut a comment's original body into plain and marked pieces.

The screening engine stores evidence spans ``{start, end, text}`` as offsets into the original
body. ``segments()`` returns the body as a list of ``Segment`` pieces, in order, whose texts join
back to the body exactly; the template escapes each piece and wraps the marked ones in ``<mark>``.
No HTML is built here, so nothing a reader wrote can reach the page unescaped.

Judgements about the whole comment (off topic, one of a flood of near-copies) are not marked: their
span is the whole body, and merged with the word spans inside it, it would mark everything in one
colour and hide which words were the insult or the link. Their scores are shown beside the body.
"""

from dataclasses import dataclass

WHOLE_COMMENT_SOURCES = frozenset({"relevance", "flood"})


@dataclass(frozen=True)
class Segment:
    text: str
    category: str = ""  # empty for plain text

    @property
    def marked(self) -> bool:
        return bool(self.category)


def spans(body: str, reasons) -> list[tuple[int, int, str]]:
    """The valid evidence spans of ``reasons`` as sorted ``(start, end, category)``, overlaps merged.

    A span is dropped when its offsets fall outside the body or no longer match its text (a verdict
    from another version of the text must not mark the wrong words), and so are whole-comment
    judgements (``WHOLE_COMMENT_SOURCES``).
    """
    found = []
    for reason in reasons or ():
        if not isinstance(reason, dict) or reason.get("source") in WHOLE_COMMENT_SOURCES:
            continue
        category = reason.get("category", "")
        for ev in reason.get("evidence") or ():
            start, end = ev.get("start"), ev.get("end")
            if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(body):
                continue
            if ev.get("text") not in (None, body[start:end]):
                continue
            found.append((start, end, category or "evidence"))
    merged: list[tuple[int, int, str]] = []
    for start, end, category in sorted(found):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, category))
    return merged


def segments(body: str, reasons) -> list[Segment]:
    """``body`` split into plain and marked pieces (see the module docstring)."""
    pieces, at = [], 0
    for start, end, category in spans(body, reasons):
        if start > at:
            pieces.append(Segment(body[at:start]))
        pieces.append(Segment(body[start:end], category))
        at = end
    if at < len(body) or not pieces:
        pieces.append(Segment(body[at:]))
    return pieces
