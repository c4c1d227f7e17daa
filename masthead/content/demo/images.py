"""Pictures for the demo newsroom, drawn locally with Pillow (nothing is downloaded).

Every picture is a deterministic function of its name, so loading the demo twice draws the same
pixels. Heroes are abstract illustrations whose motif follows the section (circuit traces for
hardware, a network for AI, candles for fintech, …); portraits are stylised head-and-shoulders.
"""

import colorsys
import hashlib
import io
import os
import random

from PIL import Image, ImageDraw, ImageOps

# The test suite draws smaller pictures (MASTHEAD_DEMO_IMAGE_SCALE=0.4): resizing them into
# renditions is what costs time, and tests do not look at pixels.
SCALE = float(os.environ.get("MASTHEAD_DEMO_IMAGE_SCALE", "1"))
HERO_SIZE = (round(1280 * SCALE), round(720 * SCALE))
PORTRAIT_SIZE = (round(480 * SCALE), round(480 * SCALE))


def _rng(name):
    # Seeded so the demo pictures are the same on every machine; nothing secret depends on it.
    return random.Random(int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big"))  # noqa: S311


def _hex(color):
    color = color.lstrip("#")
    return tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom, angle_rng):
    # Rotate a small 256x256 ramp and scale it up: cheap, and smooth enough once it is a JPEG.
    ramp = Image.linear_gradient("L").rotate(angle_rng.uniform(-25, 25), resample=Image.BICUBIC, expand=False)
    ramp = ramp.crop((32, 32, 224, 224)).resize(size, Image.BILINEAR)
    return ImageOps.colorize(ramp, top, bottom)


def _circuit(draw, rng, size, ink, accent):
    w, h = size
    for _ in range(38):
        x, y = rng.randrange(0, w), rng.randrange(0, h)
        points = [(x, y)]
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.5:
                x += rng.choice([-1, 1]) * rng.randint(60, 260)
            else:
                y += rng.choice([-1, 1]) * rng.randint(40, 200)
            points.append((x, y))
        draw.line(points, fill=ink, width=rng.choice([3, 4, 6]), joint="curve")
        for px, py in (points[0], points[-1]):
            r = rng.randint(7, 13)
            draw.ellipse((px - r, py - r, px + r, py + r), outline=accent, width=4)
    cx, cy = w * rng.uniform(0.55, 0.75), h * rng.uniform(0.35, 0.6)
    side = rng.randint(180, 260)
    draw.rounded_rectangle((cx - side, cy - side, cx + side, cy + side), radius=24, fill=ink)
    for i in range(-side + 30, side - 10, 36):
        for dx in (-side - 26, side + 6):
            draw.rectangle((cx + dx, cy + i, cx + dx + 20, cy + i + 12), fill=accent)


def _network(draw, rng, size, ink, accent):
    w, h = size
    nodes = [(rng.uniform(0.05, 0.95) * w, rng.uniform(0.08, 0.92) * h) for _ in range(46)]
    for a in nodes:
        near = sorted(nodes, key=lambda b: (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2)[1:4]
        for b in near:
            draw.line((a, b), fill=ink, width=2)
    for x, y in nodes:
        r = rng.choice([6, 9, 14, 22])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=accent if r > 12 else ink)


def _candles(draw, rng, size, ink, accent):
    w, h = size
    level = h * 0.6
    step = w / 34
    for i in range(34):
        move = rng.gauss(-6, 40)
        top, bottom = sorted((level, level + move))
        x = i * step + step / 2
        draw.line((x, top - rng.randint(10, 60), x, bottom + rng.randint(10, 60)), fill=ink, width=3)
        draw.rectangle(
            (x - step * 0.3, top, x + step * 0.3, max(bottom, top + 6)), fill=accent if move < 0 else ink
        )
        level = min(max(level + move, h * 0.15), h * 0.85)
    for _ in range(5):
        r = rng.randint(60, 140)
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=ink, width=5)


def _columns(draw, rng, size, ink, accent):
    w, h = size
    cols = rng.randint(6, 10)
    span = w * 0.7
    x0 = (w - span) / 2
    top, bottom = h * 0.32, h * 0.82
    draw.polygon([(x0 - 40, top), (w / 2, h * 0.12), (x0 + span + 40, top)], fill=ink)
    for i in range(cols):
        x = x0 + i * span / (cols - 1)
        draw.rectangle((x - 18, top + 20, x + 18, bottom), fill=ink)
    draw.rectangle((x0 - 60, bottom, x0 + span + 60, bottom + 26), fill=accent)
    for i in range(0, w, 48):
        draw.line((i, h - 40, i + 24, h - 40), fill=ink, width=4)


def _steps(draw, rng, size, ink, accent):
    w, h = size
    x, y = w * 0.08, h * 0.88
    while x < w * 0.9:
        bw = rng.randint(90, 170)
        bh = rng.randint(40, 110)
        draw.rectangle((x, y - bh, x + bw - 14, h), fill=ink)
        x += bw
        y -= bh * 0.7
    draw.line((w * 0.1, h * 0.8, w * 0.85, h * 0.18), fill=accent, width=14)
    tip = (w * 0.85, h * 0.18)
    draw.polygon([tip, (tip[0] - 70, tip[1] + 8), (tip[0] - 24, tip[1] + 62)], fill=accent)


def _devices(draw, rng, size, ink, accent):
    w, h = size
    for _ in range(9):
        pw, ph = rng.randint(120, 190), 0
        ph = int(pw * 2.05)
        x, y = rng.uniform(-40, w - 100), rng.uniform(-80, h - 160)
        draw.rounded_rectangle((x, y, x + pw, y + ph), radius=26, outline=ink, width=8)
        draw.rounded_rectangle(
            (x + 14, y + 40, x + pw - 14, y + ph - 40),
            radius=10,
            fill=accent if rng.random() < 0.4 else None,
            outline=ink,
            width=2,
        )
    for _ in range(14):
        r = rng.randint(12, 40)
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=ink)


MOTIFS = {
    "hardware": _circuit,
    "ai": _network,
    "fintech": _candles,
    "policy": _columns,
    "startups": _steps,
    "consumer": _devices,
}


def hero_image(name, *, color, motif, size=HERO_SIZE):
    """A JPEG illustration: a gradient in the section colour with the section's motif."""
    rng = _rng(name)
    base = _hex(color)
    light = _mix(base, (255, 246, 230), 0.55)
    dark = _mix(base, (10, 8, 6), 0.55)
    image = _gradient(size, light, dark, rng)
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    ink = (*_mix(base, (15, 12, 10), 0.35), 150)
    accent = (*_mix(base, (255, 214, 120), 0.7), 220)
    MOTIFS.get(motif, _network)(draw, rng, size, ink, accent)
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=84, progressive=True)
    return out.getvalue()


def portrait_image(name, *, size=PORTRAIT_SIZE):
    """A stylised head-and-shoulders portrait on a coloured ground (JPEG)."""
    rng = _rng("portrait:" + name)
    hue = rng.random()

    bg = tuple(round(c * 255) for c in colorsys.hls_to_rgb(hue, 0.78, 0.45))
    shirt = tuple(round(c * 255) for c in colorsys.hls_to_rgb((hue + 0.5) % 1, 0.32, 0.45))
    skin = rng.choice([(236, 200, 170), (222, 180, 146), (198, 152, 118), (160, 116, 86), (242, 214, 188)])
    hair = rng.choice([(25, 20, 18), (48, 34, 26), (70, 50, 35), (20, 20, 24), (120, 90, 60)])
    w, h = size
    image = Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(image)
    for i in range(0, w, 24):
        draw.line((i, 0, i - h, h), fill=_mix(bg, (255, 255, 255), 0.25), width=6)
    cx = w / 2
    draw.ellipse((cx - w * 0.42, h * 0.66, cx + w * 0.42, h * 1.3), fill=shirt)
    draw.rectangle((cx - w * 0.07, h * 0.52, cx + w * 0.07, h * 0.7), fill=skin)
    head = (cx - w * 0.17, h * 0.2, cx + w * 0.17, h * 0.62)
    draw.ellipse(head, fill=skin)
    style = rng.randint(0, 2)
    if style == 0:
        draw.chord((head[0] - 6, head[1] - 10, head[2] + 6, head[3] - h * 0.12), 180, 360, fill=hair)
    elif style == 1:
        draw.pieslice((head[0] - 14, head[1] - 14, head[2] + 14, head[3] + 40), 170, 370, fill=hair)
        draw.ellipse(head[:2] + (head[2], head[3]), fill=skin)
        draw.chord((head[0], head[1] - 8, head[2], head[3] - h * 0.16), 180, 360, fill=hair)
    else:
        draw.chord((head[0] - 4, head[1] - 4, head[2] + 4, head[3] - h * 0.15), 160, 380, fill=hair)
    eye_y = h * 0.42
    for dx in (-0.065, 0.065):
        draw.ellipse((cx + w * dx - 7, eye_y - 5, cx + w * dx + 7, eye_y + 5), fill=(40, 30, 28))
    draw.arc((cx - w * 0.05, h * 0.47, cx + w * 0.05, h * 0.54), 20, 160, fill=(120, 60, 50), width=4)
    if rng.random() < 0.35:
        for dx in (-0.065, 0.065):
            draw.ellipse(
                (cx + w * dx - 26, eye_y - 20, cx + w * dx + 26, eye_y + 20), outline=(30, 30, 30), width=4
            )
        draw.line((cx - w * 0.065 + 26, eye_y, cx + w * 0.065 - 26, eye_y), fill=(30, 30, 30), width=4)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=86, optimize=True)
    return out.getvalue()


def logo_image(initials, *, color, size=256):
    """A square mark: the publication's initials on its colour (the demo's logo and favicon)."""
    # Lazy: ImageFont loads FreeType, which only the demo's logo needs.
    from PIL import ImageFont

    picture = Image.new("RGB", (size, size), _hex(color))
    draw = ImageDraw.Draw(picture)
    try:
        font = ImageFont.load_default(size=size // 2)
    except TypeError:  # Pillow without FreeType: the small bitmap font
        font = ImageFont.load_default()
    box = draw.textbbox((0, 0), initials, font=font)
    x = (size - (box[2] - box[0])) / 2 - box[0]
    y = (size - (box[3] - box[1])) / 2 - box[1]
    draw.text((x, y), initials, fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()
