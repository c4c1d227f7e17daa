"""What the dashboard and `manage.py analytics_report` show: sums and snapshots of DailyMetric
over a date range, and the figures derived from them. Reads summary tables only.

A range is two local dates, both included. Flow figures (views, sign-ups, MRR movements) are
summed over the range; snapshots (MRR, member counts) are read at the range's last rolled-up day.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max, Sum
from django.utils import timezone

from masthead.content.selectors import page_facts
from masthead.newsletters.selectors import issue_titles, newsletter_names

from .models import DailyMetric
from .money import reporting_rates
from .rollups.common import add_months, month_start
from .rollups.windows import WINDOWED, WINDOWS, day_top_metric, window_metric

KEYED_SNAPSHOTS = {"mrr", "members.paying.source"}
CTA_ORDER = ["membership_required", "meter_used_up", "sign_in_required", "gift_link", ""]


@dataclass(frozen=True)
class Range:
    since: date
    until: date

    @classmethod
    def last_days(cls, days, *, today=None):
        today = today or timezone.localdate()
        return cls(today - timedelta(days=days - 1), today)

    @property
    def days(self):
        return (self.until - self.since).days + 1

    def months(self):
        """First days of the months the range touches."""
        month, months = month_start(self.since), []
        while month <= self.until:
            months.append(month)
            month = add_months(month, 1)
        return months


def _rows(metric, rng):
    return DailyMetric.objects.filter(metric=metric, day__gte=rng.since, day__lte=rng.until)


def _window(metric, rng):
    """The precomputed totals for this range (rollups.windows), or None to add up daily rows."""
    if metric not in WINDOWED or rng.days not in WINDOWS:
        return None
    rows = DailyMetric.objects.filter(metric=window_metric(metric, rng.days), day=rng.until)
    return rows if rows.exists() else None


def sums(metric, rng):
    """{key: total over the range}."""
    window = _window(metric, rng)
    if window is not None:
        return dict(window.values_list("key", "value"))
    return dict(_rows(metric, rng).values("key").annotate(total=Sum("value")).values_list("key", "total"))


def sums_for(metric, rng, keys):
    """{key: total over the range} for the given keys only."""
    keys = list(keys)
    if not keys:
        return {}
    window = _window(metric, rng)
    if window is not None:
        return dict(window.filter(key__in=keys).values_list("key", "value"))
    rows = _rows(metric, rng).filter(key__in=keys)
    return dict(rows.values("key").annotate(total=Sum("value")).values_list("key", "total"))


def top(metric, rng, limit):
    """[(key, total)] of the `limit` largest totals, largest first."""
    window = _window(metric, rng)
    if window is not None:
        return list(window.order_by("-value", "key").values_list("key", "value")[:limit])
    if metric in WINDOWED:
        # Any other range: the pages that made some day's top list, totalled exactly.
        candidates = set(_rows(day_top_metric(metric), rng).values_list("key", flat=True))
        if candidates:
            totals = sums_for(metric, rng, candidates)
            return sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    rows = _rows(metric, rng).values("key").annotate(total=Sum("value")).order_by("-total", "key")
    return list(rows.values_list("key", "total")[:limit])


def total(metric, rng):
    return _rows(metric, rng).aggregate(total=Sum("value"))["total"] or 0


def daily(metric, rng):
    """{day: total over keys}, every day of the range present (0 when nothing)."""
    values = dict(_rows(metric, rng).values("day").annotate(total=Sum("value")).values_list("day", "total"))
    return {
        rng.since + timedelta(days=i): values.get(rng.since + timedelta(days=i), 0) for i in range(rng.days)
    }


def daily_by_key(metric, rng):
    result = defaultdict(dict)
    for day, key, value in _rows(metric, rng).values_list("day", "key", "value"):
        result[key][day] = value
    return result


def monthly(metric, rng):
    """{month: {key: total}} over the months of the range (clipped to it)."""
    result = {month: defaultdict(int) for month in rng.months()}
    for day, key, value in _rows(metric, rng).values_list("day", "key", "value"):
        result[month_start(day)][key] += value
    return result


def snapshot(metric, day):
    """{key: value} on the last day ≤ `day` that has rows of `metric` (snapshots are rolled daily
    and always have a site-wide "" row; for keyed snapshots such as MRR per currency it is 0 and
    left out here)."""
    last = DailyMetric.objects.filter(metric=metric, day__lte=day).aggregate(day=Max("day"))["day"]
    if last is None:
        return {}
    values = dict(DailyMetric.objects.filter(metric=metric, day=last).values_list("key", "value"))
    if values.get("") == 0 and len(values) > 1 or values == {"": 0} and metric in KEYED_SNAPSHOTS:
        values.pop("")
    return values


def snapshot_value(metric, day):
    return snapshot(metric, day).get("", 0)


def snapshot_series(metric, rng):
    """{day: {key: value}} for a snapshot metric, days without a rollup carrying the last value."""
    rows = defaultdict(dict)
    for day, key, value in DailyMetric.objects.filter(
        metric=metric, day__gte=rng.since, day__lte=rng.until
    ).values_list("day", "key", "value"):
        rows[day][key] = value
    series, last = {}, snapshot(metric, rng.since - timedelta(days=1))
    for i in range(rng.days):
        day = rng.since + timedelta(days=i)
        last = rows.get(day, last)
        series[day] = last
    return series


def ratio(part, whole):
    return round(part / whole, 4) if whole else None


# --- Sections of the dashboard ------------------------------------------------------------------


MOVEMENTS = ["new", "reactivation", "expansion", "contraction", "churn"]


def revenue(rng):
    rates = reporting_rates()
    mrr = snapshot("mrr", rng.until)
    mrr_converted, missing = rates.convert(mrr)
    by_month = []
    month_metrics = {name: monthly(f"revenue.{name}", rng) for name in MOVEMENTS}
    for month in rng.months():
        month_end = min(add_months(month, 1) - timedelta(days=1), rng.until)
        row = {"month": month, "mrr": snapshot("mrr", month_end)}
        for name in MOVEMENTS:
            row[name] = dict(month_metrics[name][month])
        row["net"] = {
            currency: row["new"].get(currency, 0)
            + row["reactivation"].get(currency, 0)
            + row["expansion"].get(currency, 0)
            - row["contraction"].get(currency, 0)
            - row["churn"].get(currency, 0)
            for currency in set().union(*(row[name] for name in MOVEMENTS), row["mrr"])
        }
        row["mrr_converted"] = rates.convert(row["mrr"])[0]
        by_month.append(row)
    converted = total("trials.converted", rng)
    failed = total("trials.failed", rng)
    return {
        "reporting_currency": rates.currency,
        "mrr": mrr,
        "arr": {currency: value * 12 for currency, value in mrr.items()},
        "mrr_converted": mrr_converted,
        "arr_converted": mrr_converted * 12,
        "unconverted_currencies": missing,
        "months": by_month,
        "mrr_daily": {day: rates.convert(values)[0] for day, values in snapshot_series("mrr", rng).items()},
        "trials_started": total("trials.started", rng),
        "trials_converted": converted,
        "trials_failed": failed,
        "trial_conversion_rate": ratio(converted, converted + failed),
        "new_subscriptions": sums("subs.new", rng),
        "churned_subscriptions": sums("subs.churned", rng),
        "payments": sums("payments.paid", rng),
        "payments_count": sums("payments.paid_count", rng),
        "failed_payments": sums("payments.failed_count", rng),
        "failed_amount": sums("payments.failed", rng),
        "recovered_payments": sums("payments.recovered", rng),
        "refunds": sums("refunds.amount", rng),
        "refunds_count": sums("refunds.count", rng),
        "gifts_bought": sums("gifts.bought", rng),
        "gifts_revenue": sums("gifts.revenue", rng),
        "gifts_claimed": total("gifts.claimed", rng),
        "groups_created": total("groups.created", rng),
        "group_seats": total("groups.seats", rng),
        "offers_redeemed": dict(sorted(sums("offers.redeemed", rng).items(), key=lambda kv: -kv[1])),
    }


def members(rng):
    until = rng.until
    counts = {
        name: snapshot_value(f"members.{name}", until)
        for name in ("total", "free", "paying", "trialing", "complimentary")
    }
    months = []
    joined, new_paying, churned = (
        monthly(m, rng) for m in ("members.joined", "members.new_paying", "members.churned")
    )
    for month in rng.months():
        month_end = min(add_months(month, 1) - timedelta(days=1), until)
        paying_start = snapshot_value("members.paying", month - timedelta(days=1))
        lost = churned[month].get("", 0)
        months.append(
            {
                "month": month,
                "joined": joined[month].get("", 0),
                "new_paying": new_paying[month].get("", 0),
                "churned": lost,
                "paying_end": snapshot_value("members.paying", month_end),
                "churn_rate": ratio(lost, paying_start),
            }
        )
    return {
        **counts,
        "paying_by_source": snapshot("members.paying.source", until),
        "joined": total("members.joined", rng),
        "new_paying": total("members.new_paying", rng),
        "churned": total("members.churned", rng),
        "months": months,
        "paying_daily": {day: v.get("", 0) for day, v in snapshot_series("members.paying", rng).items()},
        "cohorts": cohorts(rng),
    }


def cohorts(rng):
    """Rows of (cohort month, size, [share retained after 0, 1, 2 … months]) for cohorts in range."""
    rows = []
    cohort_rows = DailyMetric.objects.filter(
        metric__in=["cohort.size", "cohort.retained"], day__gte=month_start(rng.since), day__lte=rng.until
    ).values_list("day", "metric", "key", "value")
    sizes, retained = {}, defaultdict(dict)
    for day, metric, key, value in cohort_rows:
        if metric == "cohort.size":
            sizes[day] = value
        else:
            retained[day][int(key)] = value
    for month in sorted(sizes):
        size = sizes[month]
        months = max(retained[month], default=-1) + 1
        rows.append(
            {
                "month": month,
                "size": size,
                "retained": [retained[month].get(k, 0) for k in range(months)],
                "rates": [ratio(retained[month].get(k, 0), size) for k in range(months)],
            }
        )
    return rows


def _split(key):
    page, _, cta = key.partition("|")
    return int(page or 0), cta


def funnel(rng, *, limit=50):
    """Impressions → sign-ups → trials → paid, by call to action, article, section and author.

    Conversions are few and read whole; impressions are many (every premium article) and come
    rolled up per call to action, section and author, and per article for the most shown ones
    and the ones that converted.
    """
    conversions = {step: sums(f"funnel.{step}", rng) for step in ("signup", "trial", "paid")}
    empty = {"paywall": 0, "signup": 0, "trial": 0, "paid": 0}
    by_cta = defaultdict(lambda: dict(empty))
    by_article = defaultdict(lambda: dict(empty))
    for step, values in conversions.items():
        for key, n in values.items():
            page, cta = _split(key)
            by_cta[cta][step] += n
            by_article[page][step] += n
    for cta, n in sums("paywall.cta", rng).items():
        by_cta[cta]["paywall"] += n
    shown = dict(top("paywall", rng, limit * 3))
    converting = [p for p in by_article if p]
    shown |= sums_for("paywall", rng, [f"{p}|{cta}" for p in converting for cta in CTA_ORDER if cta])
    for key, n in shown.items():
        by_article[_split(key)[0]]["paywall"] += n
    by_section = defaultdict(lambda: dict(empty))
    by_author = defaultdict(lambda: dict(empty))
    for key, n in sums("paywall.section", rng).items():
        by_section[_split(key)[0]]["paywall"] += n
    for key, n in sums("paywall.author", rng).items():
        by_author[_split(key)[0]]["paywall"] += n
    facts = page_facts([p for p in by_article if p])
    for page in converting:
        fact = facts.get(page)
        if fact is None:
            continue
        for step in ("signup", "trial", "paid"):
            if fact.section_id:
                by_section[fact.section_id][step] += by_article[page][step]
            for author_id in fact.author_ids:
                by_author[author_id][step] += by_article[page][step]
    names = page_facts(list(by_section) + list(by_author))

    def rows(groups, *, articles=False):
        result = []
        for pk, counts in groups.items():
            fact = (facts if articles else names).get(pk)
            row = {"id": pk, **counts, "title": fact.title if fact else ("—" if not pk else f"#{pk}")}
            if articles:
                row["path"] = fact.url if fact else ""
            row["signup_rate"] = ratio(counts["signup"], counts["paywall"])
            row["paid_rate"] = ratio(counts["paid"], counts["paywall"])
            result.append(row)
        return sorted(result, key=lambda r: (-r["paid"], -r["trial"], -r["signup"], -r["paywall"], r["id"]))

    cta_rows = [{"cta": cta, **by_cta[cta]} for cta in CTA_ORDER if cta in by_cta] + [
        {"cta": cta, **counts} for cta, counts in by_cta.items() if cta not in CTA_ORDER
    ]
    meter = dict(top("meter.reads", rng, limit))
    gifts = dict(top("gift.reads", rng, limit))
    read_facts = page_facts([int(k) for k in set(meter) | set(gifts)])
    totals = {"paywall": sum(r["paywall"] for r in cta_rows)}
    totals |= {step: sum(values.values()) for step, values in conversions.items()}
    return {
        "totals": totals,
        "by_cta": cta_rows,
        "by_article": rows(by_article, articles=True)[:limit],
        "by_section": rows(by_section),
        "by_author": rows(by_author)[:limit],
        "meter_reads": total("meter.reads", rng),
        "gift_reads": total("gift.reads", rng),
        "gift_signups": by_cta.get("gift_link", {}).get("signup", 0),
        "gift_rows": sorted(
            (
                {
                    "title": read_facts[int(k)].title if int(k) in read_facts else f"#{k}",
                    "meter_reads": meter.get(k, 0),
                    "gift_reads": gifts.get(k, 0),
                }
                for k in set(meter) | set(gifts)
            ),
            key=lambda r: -(r["meter_reads"] + r["gift_reads"]),
        )[:limit],
    }


def content(rng, *, limit=20):
    views = top("pageviews", rng, limit)
    readers = sums_for("readers", rng, [k for k, _ in views])
    conversions = sums("funnel.paid", rng)
    by_page = defaultdict(int)
    for key, n in conversions.items():
        page, _cta = _split(key)
        if page:
            by_page[page] += n
    top_converting = sorted(by_page.items(), key=lambda kv: -kv[1])[:limit]
    sections = top("pageviews.section", rng, limit)
    authors = top("pageviews.author", rng, limit)
    section_readers = sums_for("readers.section", rng, [k for k, _ in sections])
    author_readers = sums_for("readers.author", rng, [k for k, _ in authors])
    facts = page_facts(
        [int(k) for k, _ in views] + [p for p, _ in top_converting] + [int(k) for k, _ in sections + authors]
    )

    def rows(items, reader_counts):
        result = []
        for key, n in items:
            fact = facts.get(int(key))
            result.append(
                {
                    "id": int(key),
                    "title": fact.title if fact else f"#{key}",
                    "path": fact.url if fact else "",
                    "views": n,
                    "readers": reader_counts.get(key, 0),
                }
            )
        return result

    return {
        "pageviews": total("pageviews.total", rng),
        "visitors": total("visitors", rng),
        "daily_views": daily("pageviews.total", rng),
        "daily_visitors": daily("visitors", rng),
        "top_articles": rows(views, readers),
        "top_converting": [
            {
                "id": p,
                "title": facts[p].title if p in facts else f"#{p}",
                "path": facts[p].url if p in facts else "",
                "paid": n,
            }
            for p, n in top_converting
        ],
        "sections": rows(sections, section_readers),
        "authors": rows(authors, author_readers),
        "other_paths": [{"path": k, "views": n} for k, n in top("pageviews.path", rng, limit)],
        "search_misses": [{"term": k, "searches": n} for k, n in top("search.miss", rng, 50)],
    }


def newsletters(rng):
    issues = defaultdict(dict)
    for metric in ("nl.planned", "nl.sent", "nl.failed", "nl.opened", "nl.clicked", "nl.tracked"):
        for key, n in sums(metric, rng).items():
            issues[int(key)][metric[3:]] = n
    titles = issue_titles(list(issues))
    subscribed, unsubscribed = sums("nl.subscribed", rng), sums("nl.unsubscribed", rng)
    names = newsletter_names([int(k) for k in set(subscribed) | set(unsubscribed)])
    issue_rows = []
    for issue_id, counts in issues.items():
        title = titles.get(issue_id, {})
        tracked = bool(counts.get("tracked"))
        sent = counts.get("sent", 0)
        issue_rows.append(
            {
                "id": issue_id,
                "subject": title.get("subject", f"#{issue_id}"),
                "newsletter": title.get("newsletter", ""),
                "started_at": title.get("started_at"),
                "planned": counts.get("planned", 0),
                "sent": sent,
                "failed": counts.get("failed", 0),
                "tracked": tracked,
                "opened": counts.get("opened", 0) if tracked else None,
                "clicked": counts.get("clicked", 0) if tracked else None,
                "open_rate": ratio(counts.get("opened", 0), sent) if tracked else None,
                "click_rate": ratio(counts.get("clicked", 0), sent) if tracked else None,
            }
        )
    issue_rows.sort(key=lambda r: r["started_at"] or timezone.now(), reverse=True)
    return {
        "issues": issue_rows,
        "sent": sum(r["sent"] for r in issue_rows),
        "failed": sum(r["failed"] for r in issue_rows),
        "bounced": total("nl.bounced", rng),
        "complained": total("nl.complained", rng),
        "rejected": total("nl.rejected", rng),
        "subscribed": sum(subscribed.values()),
        "unsubscribed": sum(unsubscribed.values()),
        "by_newsletter": [
            {
                "name": names.get(int(k), f"#{k}"),
                "subscribed": subscribed.get(k, 0),
                "unsubscribed": unsubscribed.get(k, 0),
            }
            for k in sorted(set(subscribed) | set(unsubscribed), key=int)
        ],
    }


def events(rng):
    per_event = defaultdict(dict)
    for metric in ("ev.tickets", "ev.member_tickets", "ev.issued", "ev.checked_in"):
        for key, n in sums(metric, rng).items():
            per_event[int(key)][metric[3:]] = n
    for key, n in sums("ev.revenue", rng).items():
        event_id, _, currency = key.partition("|")
        per_event[int(event_id)].setdefault("revenue", {})[currency] = n
    facts = page_facts(list(per_event))
    rows = []
    for event_id, counts in per_event.items():
        tickets, issued = counts.get("tickets", 0), counts.get("issued", 0)
        rows.append(
            {
                "id": event_id,
                "title": facts[event_id].title if event_id in facts else f"#{event_id}",
                "tickets": tickets,
                "member_tickets": counts.get("member_tickets", 0),
                "member_share": ratio(counts.get("member_tickets", 0), tickets),
                "revenue": counts.get("revenue", {}),
                "issued": issued,
                "checked_in": counts.get("checked_in", 0),
                "checkin_rate": ratio(counts.get("checked_in", 0), issued),
            }
        )
    rows.sort(key=lambda r: -r["tickets"])
    revenue_total = defaultdict(int)
    for row in rows:
        for currency, amount in row["revenue"].items():
            revenue_total[currency] += amount
    tickets = sum(r["tickets"] for r in rows)
    issued = sum(r["issued"] for r in rows)
    return {
        "events": rows,
        "tickets": tickets,
        "member_share": ratio(sum(r["member_tickets"] for r in rows), tickets),
        "revenue": dict(revenue_total),
        "checkin_rate": ratio(sum(r["checked_in"] for r in rows), issued),
    }


def headline(rng):
    """The figures `manage.py analytics_report --json` prints."""
    rev = revenue(rng)
    mem = members(rng)
    cont = content(rng, limit=10)
    return {
        "since": rng.since.isoformat(),
        "until": rng.until.isoformat(),
        "reporting_currency": rev["reporting_currency"],
        "mrr": rev["mrr"],
        "arr": rev["arr"],
        "mrr_converted": rev["mrr_converted"],
        "unconverted_currencies": rev["unconverted_currencies"],
        "mrr_movements": {
            name: {
                c: sum(m[name].get(c, 0) for m in rev["months"])
                for c in set().union(*(m[name] for m in rev["months"]))
            }
            for name in MOVEMENTS
        },
        "total_members": mem["total"],
        "paying_members": mem["paying"],
        "trialing_members": mem["trialing"],
        "complimentary_members": mem["complimentary"],
        "free_members": mem["free"],
        "new_members": mem["joined"],
        "new_paying_members": mem["new_paying"],
        "churned_members": mem["churned"],
        "trials_started": rev["trials_started"],
        "trials_converted": rev["trials_converted"],
        "trials_failed": rev["trials_failed"],
        "trial_conversion_rate": rev["trial_conversion_rate"],
        "refunds": rev["refunds"],
        "failed_payments": rev["failed_payments"],
        "recovered_payments": rev["recovered_payments"],
        "pageviews": cont["pageviews"],
        "visitors": cont["visitors"],
        "top_articles": [
            {"path": row["path"], "title": row["title"], "views": row["views"], "readers": row["readers"]}
            for row in cont["top_articles"]
        ],
    }
