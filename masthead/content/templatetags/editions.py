"""The language switch and hreflang alternates (issue 20)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from masthead.core.editions import edition_url

from ..editions import _per_generation, edition_homes, hreflang, page_urls, translations

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_links(context):
    """What the switch and the alternates need, for the page being shown (if any).

    `alternates`: (hreflang, absolute URL) of every live language version of this page, plus
    `x-default` (the default language's), only when there is more than one version.
    `switch`: (code, name, URL, current?) per edition — the same page in that language when it
    exists, else that edition's home (or nothing when the edition has no home yet).
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language() or settings.LANGUAGE_CODE
    homes = edition_homes()
    if len(homes) < 2:  # one edition: no switch, no alternates
        return {"alternates": [], "switch": []}
    versions = {}
    if isinstance(page, Page) and page.pk and page.live:
        versions = translations(page)
    # The page's own language marks the current entry (gift pages are outside the edition URLs).
    current = next((code for code, pk in versions.items() if pk == page.pk), current)
    targets = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        target = versions.get(code) or homes.get(code)
        if target:
            targets[code] = target
    urls = _urls(set(targets.values()), request)
    alternates = []
    if len(versions) > 1:
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if code in versions:
                alternates.append((hreflang(code), urls[versions[code]][1]))
        if settings.LANGUAGE_CODE in versions:
            alternates.append(("x-default", urls[versions[settings.LANGUAGE_CODE]][1]))
    # Read through a gift link: the other version stays a gift read (one gift per story).
    token = getattr(request, "masthead_gift_token", None)
    switch = []
    for code, pk in targets.items():
        if token:
            if code not in versions:
                continue
            url = reverse("access:gift_open_in", args=[token, code])
        elif not versions and (same := _same_view_in(request, code)):
            # Not a Wagtail page (account, membership, newsletters, …): the same page in that
            # edition (/zh/account/ ↔ /account/), the language being the URL's.
            url = same
        elif pk in urls:
            url = urls[pk][0]
        else:
            continue
        switch.append((hreflang(code), get_language_info(code)["name_local"], url, code == current))
    return {"alternates": alternates, "switch": switch}


def _urls(page_ids, request):
    key = "urls:" + ",".join(map(str, sorted(page_ids))) + ":" + (request.get_host() if request else "")
    return _per_generation(key, lambda: page_urls(page_ids, request))


def _same_view_in(request, code):
    if request is None or getattr(request, "resolver_match", None) is None:
        return None
    if request.method not in ("GET", "HEAD"):
        return None
    return edition_url(request.get_full_path(), code)
