"""Ticket QR codes, made here (segno, pure Python): the code never leaves for a third party."""

import io

import segno


def _qr(code):
    # Error correction "M" survives a scuffed phone screen; the content is just the ticket code.
    return segno.make_qr(code, error="m")


def qr_png(code, scale=8):
    buffer = io.BytesIO()
    _qr(code).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_svg(code, scale=6):
    """Inline SVG markup (no XML declaration) for a ticket page."""
    return _qr(code).svg_inline(scale=scale, border=2, dark="#111", light="#fff")
