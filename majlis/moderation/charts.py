"""Server-side charts: plain geometry that a template draws as SVG (no JavaScript, no library).

Each function returns a ``Chart`` of rectangles, text labels and grid lines in a fixed view box;
the template scales it with CSS and colours it by class, so the CSP's ban on inline styles holds.
The caller's table beside each chart carries the same figures for screen readers.
"""

from dataclasses import dataclass, field

from django.utils.translation import pgettext


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    css: str
    title: str = ""


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "middle"
    css: str = ""


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    css: str = "grid"


@dataclass
class Chart:
    width: int
    height: int
    rects: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    lines: list = field(default_factory=list)


def nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5 times a power of ten)."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def stacked_columns(columns, series, *, width=720, height=240, labels=None) -> Chart:
    """Stacked columns, one per item of ``columns``; ``series`` is ``[(attribute, css, name), ...]``.

    ``labels(column)`` gives the text under a column (drawn for about ten columns at most).
    """
    left, bottom, top = 36, 22, 8
    chart = Chart(width, height)
    plot_h = height - bottom - top
    peak = nice_max(max((sum(getattr(c, a) for a, _, _ in series) for c in columns), default=0))
    for i in range(5):
        y = top + plot_h * i / 4
        chart.lines.append(Line(left, y, width, y))
        chart.texts.append(Text(left - 4, y + 4, str(round(peak * (4 - i) / 4)), "end", "muted"))
    slot = (width - left) / max(len(columns), 1)
    every = max(1, round(len(columns) / 10))
    for i, column in enumerate(columns):
        x, y = left + i * slot + slot * 0.15, top + plot_h
        for attribute, css, name in series:
            value = getattr(column, attribute)
            h = plot_h * value / peak
            if value:
                label = labels(column) if labels else str(i)
                chart.rects.append(Rect(round(x, 1), round(y - h, 1), round(slot * 0.7, 1), round(h, 1), css, f"{label}: {value} {name}"))
            y -= h
        if labels and i % every == 0:
            chart.texts.append(Text(round(x + slot * 0.35, 1), height - 6, labels(column), "middle", "muted"))
    chart.lines.append(Line(left, top + plot_h, width, top + plot_h, "axis"))
    return chart


def rate_bars(rows, *, width=460, label=lambda r: r.key) -> Chart:
    """One horizontal bar per row, split into its approved and rejected share (100% wide = all decided)."""
    left, row_h, right = 140, 26, 48
    chart = Chart(width, max(row_h * len(rows) + 8, 30))
    plot_w = width - left - right
    for i, row in enumerate(rows):
        y = 4 + i * row_h
        chart.texts.append(Text(left - 8, y + 16, label(row), "end"))
        if row.decided:
            approved_w = plot_w * row.approved / row.decided
            approved = pgettext("statistics: comments counted by status", "approved")
            rejected = pgettext("statistics: comments counted by status", "rejected")
            chart.rects.append(Rect(left, y, round(approved_w, 1), row_h - 6, "bar-approved", f"{label(row)}: {row.approved} {approved}"))
            chart.rects.append(Rect(round(left + approved_w, 1), y, round(plot_w - approved_w, 1), row_h - 6, "bar-rejected",
                                    f"{label(row)}: {row.rejected} {rejected}"))
        chart.texts.append(Text(width - right + 6, y + 16, f"{row.rate:.0%}", "start", "muted"))
    return chart


def bars(rows, value, *, width=460, label=lambda r: r.name) -> Chart:
    """One horizontal bar per row, its length ``value(row)`` against the largest."""
    left, row_h, right = 140, 26, 48
    chart = Chart(width, max(row_h * len(rows) + 8, 30))
    peak = max((value(r) for r in rows), default=0) or 1
    for i, row in enumerate(rows):
        y = 4 + i * row_h
        w = (width - left - right) * value(row) / peak
        chart.texts.append(Text(left - 8, y + 16, label(row), "end"))
        chart.rects.append(Rect(left, y, round(w, 1), row_h - 6, "bar", f"{label(row)}: {value(row)}"))
        chart.texts.append(Text(round(left + w + 6, 1), y + 16, str(value(row)), "start", "muted"))
    return chart
