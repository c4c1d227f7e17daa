"""Reading an article body: plain text, word counts, and where the free preview ends.

`split_body` is the only place that knows where the preview ends; the access policy decides
whether a reader gets the preview or everything, and templates render whichever blocks they get.
"""

import re
from html import unescape

from django.utils.html import strip_tags

# Without a premium break, a preview is this many text blocks (paragraphs, headings, quotes).
PREVIEW_FALLBACK_BLOCKS = 2
CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f'’-]+")
# Measured reading speeds: ~230 English words or ~400 Chinese characters a minute.
WORDS_PER_MINUTE = 230
CJK_CHARS_PER_WORD = 400 / 230


def block_text(block):
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        return unescape(strip_tags(value.source if hasattr(value, "source") else str(value)))
    if kind == "heading":
        return str(value)
    if kind == "quote":
        return " ".join(filter(None, [value.get("text", ""), value.get("attribution", "")]))
    if kind == "html":
        return unescape(strip_tags(str(value)))
    if kind == "image":
        return value.get("caption", "") or ""
    return ""


def plain_text(body):
    return "\n\n".join(text for text in (block_text(block) for block in body) if text)


def count_words(text):
    """Words for reading time: Latin words plus Chinese characters scaled to word-equivalents."""
    cjk = len(CJK_CHAR.findall(text))
    latin = len(WORD.findall(text))
    return latin + round(cjk / CJK_CHARS_PER_WORD)


def reading_minutes(word_count):
    return max(1, round(word_count / WORDS_PER_MINUTE))


def split_body(body):
    """Split a body into (preview blocks, the rest) at the premium break.

    Without a break, the preview is the first PREVIEW_FALLBACK_BLOCKS text blocks (paragraphs,
    headings, quotes, sanitised HTML) and any media between them. The break itself belongs to
    neither half.
    """
    blocks = list(body)
    for i, block in enumerate(blocks):
        if block.block_type == "premium_break":
            return blocks[:i], blocks[i + 1 :]
    preview, text_blocks = [], 0
    for i, block in enumerate(blocks):
        if text_blocks >= PREVIEW_FALLBACK_BLOCKS:
            return preview, blocks[i:]
        preview.append(block)
        if block.block_type in {"paragraph", "heading", "quote", "html"}:
            text_blocks += 1
    return preview, []


def without_break(body):
    return [block for block in body if block.block_type != "premium_break"]
