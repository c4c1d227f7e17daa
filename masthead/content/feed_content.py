"""What a feed item contains: dek, hero, and the part of the body an anonymous reader may read."""

from django.template.loader import render_to_string

from .body import split_body


def feed_item_html(article, request):
    preview, rest = split_body(article.body)
    if article.effective_access_level == "public":
        blocks, truncated = [b for b in article.body if b.block_type != "premium_break"], False
    else:
        blocks, truncated = preview, True
    return render_to_string(
        "content/feed_item.html",
        {
            "article": article,
            "blocks": blocks,
            "truncated": truncated,
            "url": article.get_full_url(request),
            "base_url": request.build_absolute_uri("/").rstrip("/"),
        },
    )
