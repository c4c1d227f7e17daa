"""What a feed item contains: the dek, the hero, and what an anonymous reader may read.

Feed readers are anonymous, so every item is built from the access policy's anonymous decision:
public articles in full, everything else as its preview with a link.
"""

from django.template.loader import render_to_string

from masthead.core.origin import absolute_url, site_origin

from .gate import gate
from .readable import readable_blocks


def feed_item_html(article, request):
    decision = gate().anonymous_decision(article)
    return render_to_string(
        "content/feed_item.html",
        {
            "article": article,
            "blocks": readable_blocks(article, full=decision.full),
            "truncated": not decision.full,
            "url": absolute_url(article.get_url(request)),
            "base_url": site_origin(),
        },
    )
