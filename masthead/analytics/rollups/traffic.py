"""Page views, readers, paywall impressions and empty searches, from the beacon's counters.

Metrics (per day; key):
  pageviews.total ("")         every counted view, pages or not
  visitors ("")                unique visitors on the site that day
  pageviews / readers (page id)            views and unique readers of a page
  pageviews.section / readers.section (section page id)   of the section's articles
  pageviews.author / readers.author (author page id)      of the author's articles
  pageviews.path (path)        views of pages that are not Wagtail pages (pricing, …), top 500
  paywall (page id|cta)        paywall impressions by article and call to action
  paywall.section, paywall.author (id|cta), paywall.cta (cta)
  search.miss (term)           searches that found nothing, top 500 terms
  pageviews.daytop, paywall.daytop   the day's 200 largest rows of each (rollups.windows)
A day whose counters are gone (older than the store keeps them) is left as it was rolled up.
"""

from collections import Counter

from masthead.content.selectors import page_facts

from ..counting import PAYWALL, SEARCH_MISS, VIEW, buffer, store
from .common import Rows, replace
from .windows import WINDOWED, day_top_metric, day_top_rows

METRICS = {
    "pageviews.total",
    "visitors",
    "pageviews",
    "readers",
    "pageviews.section",
    "readers.section",
    "pageviews.author",
    "readers.author",
    "pageviews.path",
    "paywall",
    "paywall.section",
    "paywall.author",
    "paywall.cta",
    "search.miss",
} | {day_top_metric(metric) for metric in WINDOWED}
TOP_PATHS = TOP_TERMS = 500


def roll_day(day):
    buffer.flush()  # what this process counted and has not written yet
    counters = store()
    views = counters.totals(day, VIEW)
    paywall = counters.totals(day, PAYWALL)
    misses = counters.totals(day, SEARCH_MISS)
    if not (views or paywall or misses):
        return 0
    page_keys = [key for key in views if key.startswith("page:")]
    paywall_ids = [int(key.split("|", 1)[0]) for key in paywall]
    facts = page_facts([int(key[5:]) for key in page_keys] + paywall_ids)
    visitors = counters.visitors(day, page_keys)
    rows = Rows()
    rows.add("pageviews.total", "", sum(views.values()))
    rows.add("visitors", "", visitors.get("", 0))
    by_section, by_author = {}, {}
    for key in page_keys:
        page = facts.get(int(key[5:]))
        if page is None:
            continue  # not a page (a forged beacon): counted in the total only
        rows.add("pageviews", page.pk, views[key])
        rows.add("readers", page.pk, visitors.get(key, 0))
        if page.section_id:
            rows.add("pageviews.section", page.section_id, views[key])
            by_section.setdefault(page.section_id, []).append(key)
        for author_id in page.author_ids:
            rows.add("pageviews.author", author_id, views[key])
            by_author.setdefault(author_id, []).append(key)
    groups = {("readers.section", k): v for k, v in by_section.items()}
    groups |= {("readers.author", k): v for k, v in by_author.items()}
    for (metric, key), count in counters.visitors_union(day, groups).items():
        rows.add(metric, key, count)
    paths = Counter({key[5:]: n for key, n in views.items() if key.startswith("path:")})
    for path, n in paths.most_common(TOP_PATHS):
        rows.add("pageviews.path", path, n)
    for key, n in paywall.items():
        page_id, _, cta = key.partition("|")
        page = facts.get(int(page_id))
        if page is None:
            continue
        rows.add("paywall", key, n)
        rows.add("paywall.cta", cta, n)
        if page.section_id:
            rows.add("paywall.section", f"{page.section_id}|{cta}", n)
        for author_id in page.author_ids:
            rows.add("paywall.author", f"{author_id}|{cta}", n)
    for term, n in Counter(misses).most_common(TOP_TERMS):
        rows.add("search.miss", term, n)
    for metric in WINDOWED:
        rows.update(day_top_rows(rows, metric))
    return replace(metrics=METRICS, rows=rows, day=day)


def forget_before(day):
    store().forget_before(day)
