"""Charts drawn on the server as SVG: no JavaScript, no chart library, nothing from a CDN.

Each function returns markup safe to put in a template, with a <title> on every point or bar
(a tooltip, and what a screen reader announces) and role="img" with a label; the dashboard
shows the same figures in a table under each chart (and as CSV).
"""

from datetime import date

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

PALETTE = ["#2e6fb7", "#d9822b", "#3c9a5f", "#b54545", "#7a5cad", "#8a8a8a"]
WIDTH, HEIGHT = 720, 240
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 84, 12, 30, 28


def nice_max(value):
    """The smallest 1, 2, 2.5 or 5 × 10^n at or above `value` (axis tops people can read)."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _label(day):
    return day.strftime("%-d %b") if isinstance(day, date) else str(day)


def month_label(day):
    return day.strftime("%b %Y" if day.month == 1 else "%b")


def _legend(names):
    """Coloured keys above the plot, in series order."""
    parts, x = [], PAD_LEFT
    for n, name in enumerate(names):
        parts.append(
            f'<rect x="{x}" y="6" width="12" height="12" fill="{PALETTE[n % len(PALETTE)]}"/>'
            f'<text x="{x + 16}" y="16" font-size="12" fill="#333">{escape(name)}</text>'
        )
        x += 28 + 7 * len(str(name))
    return "".join(parts)


def _svg(label, body, width=WIDTH, height=HEIGHT):
    return mark_safe(  # noqa: S308 - every text inside was escaped by the callers
        f'<svg class="analytics-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">{body}</svg>'
    )


def _axis(top, fmt, plot_w, plot_h):
    parts = []
    for i in range(5):
        value = top * i / 4
        y = PAD_TOP + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{PAD_LEFT}" x2="{PAD_LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
            f'<text x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{escape(fmt(value))}</text>'
        )
    return "".join(parts)


def line_chart(label, series, *, fmt=lambda v: f"{v:,.0f}", axis_fmt=None):
    """`series`: [(name, {x: value})] sharing the same x values (days or months), in order."""
    xs = sorted({x for _name, points in series for x in points})
    if not xs:
        return _svg(label, '<text x="50%" y="50%" text-anchor="middle" fill="#777">—</text>')
    top = nice_max(max((v for _n, points in series for v in points.values()), default=0))
    plot_w, plot_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
    step = plot_w / max(1, len(xs) - 1)

    def pos(i, value):
        return PAD_LEFT + i * step, PAD_TOP + plot_h - (value / top) * plot_h

    parts = [_axis(top, axis_fmt or fmt, plot_w, plot_h), _legend([name for name, _points in series])]
    every = max(1, len(xs) // 8)
    for i, x in enumerate(xs):
        # Every n-th day, and the last one unless it would overlap the one before.
        if i % every == 0 or (i == len(xs) - 1 and i % every > every // 2):
            parts.append(
                f'<text x="{PAD_LEFT + i * step:.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" fill="#555">{escape(_label(x))}</text>'
            )
    for n, (name, points) in enumerate(series):
        color = PALETTE[n % len(PALETTE)]
        coords = [pos(i, points.get(x, 0)) for i, x in enumerate(xs)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{path}"/>')
        if len(xs) <= 62:
            for (cx, cy), x in zip(coords, xs, strict=True):
                parts.append(
                    f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{color}"><title>{escape(name)}, {escape(_label(x))}: {escape(fmt(points.get(x, 0)))}</title></circle>'
                )
    return _svg(label, "".join(parts))


def bar_chart(label, categories, up, down=(), *, fmt=lambda v: f"{v:,.0f}", axis_fmt=None, x_label=_label):
    """Stacked bars per category: `up` series above the axis, `down` series below it.
    Each series is (name, {category: value ≥ 0})."""
    if not categories:
        return _svg(label, '<text x="50%" y="50%" text-anchor="middle" fill="#777">—</text>')
    high = max((sum(points.get(c, 0) for _n, points in up) for c in categories), default=0)
    low = max((sum(points.get(c, 0) for _n, points in down) for c in categories), default=0)
    plot_w, plot_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
    span = nice_max(high + low) if (high + low) else 1
    zero = PAD_TOP + plot_h * (high / span if (high + low) else 1)
    scale = plot_h / span
    band = plot_w / len(categories)
    width = min(48, band * 0.7)
    axis_fmt = axis_fmt or fmt
    parts = [
        _legend([name for name, _points in [*up, *down]]),
        f'<line x1="{PAD_LEFT}" x2="{PAD_LEFT + plot_w}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#999"/>',
        f'<text x="{PAD_LEFT - 6}" y="{zero + 4:.1f}" text-anchor="end" font-size="11" fill="#555">0</text>',
    ]
    if high:
        parts.append(
            f'<text x="{PAD_LEFT - 6}" y="{zero - high * scale + 10:.1f}" text-anchor="end" font-size="11" fill="#555">{escape(axis_fmt(high))}</text>'
        )
    if low:
        parts.append(
            f'<text x="{PAD_LEFT - 6}" y="{zero + low * scale:.1f}" text-anchor="end" font-size="11" fill="#555">−{escape(axis_fmt(low))}</text>'
        )
    for i, category in enumerate(categories):
        x = PAD_LEFT + i * band + (band - width) / 2
        y = zero
        for n, (name, points) in enumerate(up):
            h = points.get(category, 0) * scale
            if h:
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" fill="{PALETTE[n % len(PALETTE)]}">'
                    f"<title>{escape(name)}, {escape(x_label(category))}: {escape(fmt(points.get(category, 0)))}</title></rect>"
                )
        y = zero
        for n, (name, points) in enumerate(down):
            h = points.get(category, 0) * scale
            if h:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" fill="{PALETTE[(n + len(up)) % len(PALETTE)]}">'
                    f"<title>{escape(name)}, {escape(x_label(category))}: −{escape(fmt(points.get(category, 0)))}</title></rect>"
                )
                y += h
        parts.append(
            f'<text x="{x + width / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" fill="#555">{escape(x_label(category))}</text>'
        )
    return _svg(label, "".join(parts))


def funnel_chart(label, steps):
    """Horizontal bars, one per step [(name, value)], each labelled with its share of the first."""
    first = steps[0][1] if steps else 0
    top = max((v for _n, v in steps), default=0) or 1
    row, height = 34, 34 * len(steps) + 8
    parts = []
    for i, (name, value) in enumerate(steps):
        w = (WIDTH - 260) * value / top
        share = f" ({value / first:.1%})" if first and i else ""
        y = 4 + i * row
        parts.append(
            f'<text x="150" y="{y + 20}" text-anchor="end" font-size="13" fill="#333">{escape(name)}</text>'
            f'<rect x="160" y="{y}" width="{max(w, 1):.1f}" height="26" fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(name)}: {value:,}{share}</title></rect>'
            f'<text x="{166 + w:.1f}" y="{y + 18}" font-size="12" fill="#333">{value:,}{escape(share)}</text>'
        )
    return _svg(label, "".join(parts), height=height)


def sparkline(values, *, width=160, height=36):
    values = list(values)
    if len(values) < 2:
        return ""
    top = max(values) or 1
    step = width / (len(values) - 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - (v / top) * (height - 4):.1f}" for i, v in enumerate(values)
    )
    return format_html(
        '<svg class="analytics-sparkline" viewBox="0 0 {} {}" width="{}" height="{}" aria-hidden="true">'
        '<polyline fill="none" stroke="#2e6fb7" stroke-width="2" points="{}"/></svg>',
        width,
        height,
        width,
        height,
        points,
    )
