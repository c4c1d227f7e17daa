"""The Analytics section of the Wagtail admin: one page per area, each with its charts, tables
and a CSV of every table (?csv=<table>). Staff need `analytics.view_dashboard`; money figures
need `analytics.view_revenue` too (Finance; editors see readers, not revenue).

Views only read reports (summary tables); nothing here queries another app's records.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import charts, reports
from .forms import RangeForm
from .money import money_compact
from .tables import Money, Share, Table

SECTIONS = [
    ("overview", gettext_lazy("Overview"), False),
    ("revenue", gettext_lazy("Revenue"), True),
    ("members", gettext_lazy("Members"), False),
    ("funnel", gettext_lazy("Conversion"), False),
    ("content", gettext_lazy("Content"), False),
    ("newsletters", gettext_lazy("Newsletters"), False),
    ("events", gettext_lazy("Events"), False),
]
CTA_LABELS = {
    "membership_required": gettext_lazy("Membership required"),
    "meter_used_up": gettext_lazy("Meter used up"),
    "sign_in_required": gettext_lazy("Sign-in required"),
    "gift_link": gettext_lazy("Gift link"),
    "": gettext_lazy("No call to action"),
}


def may_view(user):
    return user.is_active and user.has_perm("analytics.view_dashboard")


def may_view_revenue(user):
    return may_view(user) and user.has_perm("analytics.view_revenue")


def _money_map(amounts):
    return ", ".join(str(Money(v, c)) for c, v in sorted(amounts.items())) or "—"


def _cta(cta):
    return str(CTA_LABELS.get(cta, cta))


# --- Sections -----------------------------------------------------------------------------------


def overview(request, rng):
    content = reports.content(rng, limit=10)
    mem = reports.members(rng)
    cards = [
        (_("Page views"), f"{content['pageviews']:,}"),
        (_("Visitors (daily uniques, summed)"), f"{content['visitors']:,}"),
        (_("Paying members"), f"{mem['paying']:,}"),
        (_("Trialing"), f"{mem['trialing']:,}"),
        (_("Free members"), f"{mem['free']:,}"),
    ]
    chart_list = [
        (
            _("Page views and visitors per day"),
            charts.line_chart(
                _("Page views and visitors per day"),
                [(_("Page views"), content["daily_views"]), (_("Visitors"), content["daily_visitors"])],
            ),
        ),
        (
            _("Paying members"),
            charts.line_chart(_("Paying members"), [(_("Paying members"), mem["paying_daily"])]),
        ),
    ]
    if may_view_revenue(request.user):
        rev = reports.revenue(rng)
        cards[:0] = [
            (_("MRR"), str(Money(rev["mrr_converted"], rev["reporting_currency"]))),
            (_("Trial conversion"), str(Share(rev["trial_conversion_rate"]))),
        ]
        currency = rev["reporting_currency"]
        chart_list.insert(
            0,
            (
                _("MRR in %(currency)s") % {"currency": currency},
                charts.line_chart(
                    _("MRR"),
                    [(_("MRR"), rev["mrr_daily"])],
                    fmt=lambda v: str(Money(int(v), currency)),
                    axis_fmt=lambda v: money_compact(int(v), currency),
                ),
            ),
        )
    tables = [
        Table(
            "top_articles",
            _("Most read"),
            [_("Article"), _("Path"), _("Views"), _("Readers")],
            [[r["title"], r["path"], r["views"], r["readers"]] for r in content["top_articles"]],
        )
    ]
    return {"cards": cards, "charts": chart_list, "tables": tables}


def revenue(request, rng):
    if not may_view_revenue(request.user):
        raise PermissionDenied
    rev = reports.revenue(rng)
    currency = rev["reporting_currency"]
    rates_note = (
        _("Converted with the rates set under Settings → Exchange rates; no rate for: %(list)s.")
        % {"list": ", ".join(rev["unconverted_currencies"])}
        if rev["unconverted_currencies"]
        else _("Converted with the rates set under Settings → Exchange rates.")
    )
    cards = [
        (_("MRR"), str(Money(rev["mrr_converted"], currency))),
        (_("ARR"), str(Money(rev["arr_converted"], currency))),
        (_("Trials started"), f"{rev['trials_started']:,}"),
        (_("Trial conversion"), str(Share(rev["trial_conversion_rate"]))),
    ]
    months = [row["month"] for row in rev["months"]]
    rates = reports.reporting_rates()

    def converted(name):
        return {row["month"]: rates.convert(row[name])[0] for row in rev["months"]}

    def fmt(value):
        return str(Money(int(value), currency))

    def axis_fmt(value):
        return money_compact(int(value), currency)

    chart_list = [
        (
            _("MRR movements per month, in %(currency)s") % {"currency": currency},
            charts.bar_chart(
                _("MRR movements per month"),
                months,
                up=[
                    (_("New"), converted("new")),
                    (_("Reactivation"), converted("reactivation")),
                    (_("Expansion"), converted("expansion")),
                ],
                down=[(_("Contraction"), converted("contraction")), (_("Churn"), converted("churn"))],
                fmt=fmt,
                axis_fmt=axis_fmt,
                x_label=charts.month_label,
            ),
        ),
        (
            _("MRR per day"),
            charts.line_chart(_("MRR per day"), [(_("MRR"), rev["mrr_daily"])], fmt=fmt, axis_fmt=axis_fmt),
        ),
    ]
    mrr_rows = [
        [
            c,
            Money(v, c),
            Money(v * 12, c),
            Money(rates.convert({c: v})[0], currency) if c == currency or c in rates.rates else None,
        ]
        for c, v in sorted(rev["mrr"].items())
    ]
    movement_rows = []
    for row in rev["months"]:
        for c in sorted(set(row["mrr"]) | set(row["net"])):
            movement_rows.append(
                [row["month"].strftime("%Y-%m"), c]
                + [Money(row[name].get(c, 0), c) for name in reports.MOVEMENTS]
                + [Money(row["net"].get(c, 0), c), Money(row["mrr"].get(c, 0), c)]
            )
    currencies = sorted(
        set(rev["payments"])
        | set(rev["failed_payments"])
        | set(rev["refunds"])
        | set(rev["recovered_payments"])
    )
    payment_rows = [
        [
            c,
            Money(rev["payments"].get(c, 0), c),
            rev["payments_count"].get(c, 0),
            rev["failed_payments"].get(c, 0),
            Money(rev["failed_amount"].get(c, 0), c),
            rev["recovered_payments"].get(c, 0),
            rev["refunds_count"].get(c, 0),
            Money(rev["refunds"].get(c, 0), c),
        ]
        for c in currencies
    ]
    tables = [
        Table(
            "mrr",
            _("MRR and ARR by currency"),
            [_("Currency"), _("MRR"), _("ARR"), _("MRR in %(c)s") % {"c": currency}],
            mrr_rows,
            note=rates_note,
        ),
        Table(
            "movements",
            _("MRR movements by month"),
            [
                _("Month"),
                _("Currency"),
                _("New"),
                _("Reactivation"),
                _("Expansion"),
                _("Contraction"),
                _("Churn"),
                _("Net"),
                _("MRR at month end"),
            ],
            movement_rows,
        ),
        Table(
            "trials",
            _("Free trials"),
            [_("Started"), _("Converted"), _("Ended unpaid"), _("Conversion")],
            [
                [
                    rev["trials_started"],
                    rev["trials_converted"],
                    rev["trials_failed"],
                    Share(rev["trial_conversion_rate"]),
                ]
            ],
            note=_(
                "Conversion: trials that became paid, of the trials decided (paid or ended) in the period."
            ),
        ),
        Table(
            "payments",
            _("Payments, failures, recoveries and refunds"),
            [
                _("Currency"),
                _("Paid"),
                _("Payments"),
                _("Failed payments"),
                _("Failed amount"),
                _("Recovered"),
                _("Refunds"),
                _("Refunded"),
            ],
            payment_rows,
        ),
        Table(
            "gifts_groups",
            _("Gift and group memberships"),
            [
                _("Gifts bought"),
                _("Gift revenue"),
                _("Gifts claimed"),
                _("Groups started"),
                _("Seats in new groups"),
            ],
            [
                [
                    sum(rev["gifts_bought"].values()),
                    _money_map(rev["gifts_revenue"]),
                    rev["gifts_claimed"],
                    rev["groups_created"],
                    rev["group_seats"],
                ]
            ],
        ),
        Table(
            "offers",
            _("Offers redeemed"),
            [_("Offer code"), _("Redemptions")],
            [[k, v] for k, v in rev["offers_redeemed"].items()],
        ),
    ]
    return {"cards": cards, "charts": chart_list, "tables": tables}


def members(request, rng):
    mem = reports.members(rng)
    cards = [
        (_("Members"), f"{mem['total']:,}"),
        (_("Paying"), f"{mem['paying']:,}"),
        (_("Trialing"), f"{mem['trialing']:,}"),
        (_("Complimentary"), f"{mem['complimentary']:,}"),
        (_("Free"), f"{mem['free']:,}"),
        (_("Churned in period"), f"{mem['churned']:,}"),
    ]
    chart_list = [
        (_("Paying members"), charts.line_chart(_("Paying members"), [(_("Paying"), mem["paying_daily"])])),
        (
            _("Growth and churn by month"),
            charts.bar_chart(
                _("Growth and churn by month"),
                [m["month"] for m in mem["months"]],
                up=[(_("New paying"), {m["month"]: m["new_paying"] for m in mem["months"]})],
                down=[(_("Churned"), {m["month"]: m["churned"] for m in mem["months"]})],
                x_label=charts.month_label,
            ),
        ),
    ]
    longest = max((len(c["rates"]) for c in mem["cohorts"]), default=0)
    tables = [
        Table(
            "months",
            _("By month"),
            [
                _("Month"),
                _("Joined"),
                _("New paying"),
                _("Churned"),
                _("Churn rate"),
                _("Paying at month end"),
            ],
            [
                [
                    m["month"].strftime("%Y-%m"),
                    m["joined"],
                    m["new_paying"],
                    m["churned"],
                    Share(m["churn_rate"]),
                    m["paying_end"],
                ]
                for m in mem["months"]
            ],
            note=_("Churn rate: paying members lost in the month, of those paying when it began."),
        ),
        Table(
            "sources",
            _("Paying members by what pays for them"),
            [_("Source"), _("Members")],
            [[k, v] for k, v in sorted(mem["paying_by_source"].items())],
        ),
        Table(
            "cohorts",
            _("Cohort retention"),
            [_("Paid membership began"), _("Members")]
            + [_("Month %(n)s") % {"n": k} for k in range(longest)],
            [
                [c["month"].strftime("%Y-%m"), c["size"]] + [Share(r) for r in c["rates"]]
                for c in mem["cohorts"]
            ],
            note=_("Share of each month's new paying members still paying at the end of each later month."),
            heat=True,
        ),
    ]
    return {"cards": cards, "charts": chart_list, "tables": tables}


def funnel(request, rng):
    data = reports.funnel(rng)
    totals = data["totals"]
    steps = [
        (_("Paywall shown"), totals["paywall"]),
        (_("Signed up"), totals["signup"]),
        (_("Started a trial"), totals["trial"]),
        (_("Paid"), totals["paid"]),
    ]
    cards = [(name, f"{value:,}") for name, value in steps] + [
        (_("Metered reads"), f"{data['meter_reads']:,}"),
        (_("Gift-link readers"), f"{data['gift_reads']:,}"),
        (_("Sign-ups from gift links"), f"{data['gift_signups']:,}"),
    ]
    columns = [
        _("Paywall shown"),
        _("Sign-ups"),
        _("Trials"),
        _("Paid"),
        _("Sign-ups per 100 shown"),
        _("Paid per 100 shown"),
    ]

    def counts(row):
        return [
            row["paywall"],
            row["signup"],
            row["trial"],
            row["paid"],
            Share(row["signup_rate"]),
            Share(row["paid_rate"]),
        ]

    tables = [
        Table(
            "by_cta",
            _("By call to action"),
            [_("Call to action")] + columns[:4],
            [[_cta(r["cta"]), r["paywall"], r["signup"], r["trial"], r["paid"]] for r in data["by_cta"]],
        ),
        Table(
            "by_article",
            _("By article"),
            [_("Article"), _("Path")] + columns,
            [[r["title"], r["path"]] + counts(r) for r in data["by_article"]],
        ),
        Table(
            "by_section",
            _("By section"),
            [_("Section")] + columns,
            [[r["title"]] + counts(r) for r in data["by_section"]],
        ),
        Table(
            "by_author",
            _("By author"),
            [_("Author")] + columns,
            [[r["title"]] + counts(r) for r in data["by_author"]],
        ),
        Table(
            "reads",
            _("Metered and gift-link reads"),
            [_("Article"), _("Metered reads"), _("Gift-link readers")],
            [[r["title"], r["meter_reads"], r["gift_reads"]] for r in data["gift_rows"]],
        ),
    ]
    return {
        "cards": cards,
        "charts": [(_("Conversion funnel"), charts.funnel_chart(_("Conversion funnel"), steps))],
        "tables": tables,
    }


def content(request, rng):
    data = reports.content(rng, limit=50)
    cards = [
        (_("Page views"), f"{data['pageviews']:,}"),
        (_("Visitors (daily uniques, summed)"), f"{data['visitors']:,}"),
    ]
    chart_list = [
        (
            _("Page views and visitors per day"),
            charts.line_chart(
                _("Page views and visitors per day"),
                [(_("Page views"), data["daily_views"]), (_("Visitors"), data["daily_visitors"])],
            ),
        )
    ]
    tables = [
        Table(
            "articles",
            _("Most read"),
            [_("Page"), _("Path"), _("Views"), _("Readers")],
            [[r["title"], r["path"], r["views"], r["readers"]] for r in data["top_articles"]],
        ),
        Table(
            "converting",
            _("Most conversions to paid"),
            [_("Article"), _("Path"), _("Paid")],
            [[r["title"], r["path"], r["paid"]] for r in data["top_converting"]],
        ),
        Table(
            "sections",
            _("Sections"),
            [_("Section"), _("Views"), _("Readers")],
            [[r["title"], r["views"], r["readers"]] for r in data["sections"]],
        ),
        Table(
            "authors",
            _("Authors"),
            [_("Author"), _("Views"), _("Readers")],
            [[r["title"], r["views"], r["readers"]] for r in data["authors"]],
        ),
        Table(
            "other_pages",
            _("Other pages"),
            [_("Path"), _("Views")],
            [[r["path"], r["views"]] for r in data["other_paths"]],
        ),
        Table(
            "search_misses",
            _("Searches with no results"),
            [_("Search"), _("Searches")],
            [[r["term"], r["searches"]] for r in data["search_misses"]],
        ),
    ]
    return {
        "cards": cards,
        "charts": chart_list,
        "tables": tables,
        "note": _(
            "Readers are unique per day (no cookies: a daily salted hash), so over several days they add up day by day."
        ),
    }


def newsletters(request, rng):
    data = reports.newsletters(rng)
    cards = [
        (_("Sent"), f"{data['sent']:,}"),
        (_("Failed"), f"{data['failed']:,}"),
        (_("Bounced"), f"{data['bounced']:,}"),
        (_("Complaints"), f"{data['complained']:,}"),
        (_("Unsubscribed"), f"{data['unsubscribed']:,}"),
        (_("Subscribed"), f"{data['subscribed']:,}"),
    ]
    tables = [
        Table(
            "issues",
            _("Issues"),
            [
                _("Subject"),
                _("Newsletter"),
                _("Started"),
                _("Recipients"),
                _("Sent"),
                _("Failed"),
                _("Opened"),
                _("Open rate"),
                _("Clicked"),
                _("Click rate"),
            ],
            [
                [
                    r["subject"],
                    r["newsletter"],
                    r["started_at"].strftime("%Y-%m-%d %H:%M") if r["started_at"] else "",
                    r["planned"],
                    r["sent"],
                    r["failed"],
                    r["opened"],
                    Share(r["open_rate"]),
                    r["clicked"],
                    Share(r["click_rate"]),
                ]
                for r in data["issues"]
            ],
            note=_("Opens and clicks only for newsletters with engagement tracking on; — where it is off."),
        ),
        Table(
            "lists",
            _("Subscriptions"),
            [_("Newsletter"), _("Subscribed"), _("Unsubscribed")],
            [[r["name"], r["subscribed"], r["unsubscribed"]] for r in data["by_newsletter"]],
        ),
    ]
    return {"cards": cards, "charts": [], "tables": tables}


def events(request, rng):
    data = reports.events(rng)
    money_ok = may_view_revenue(request.user)
    cards = [
        (_("Tickets sold"), f"{data['tickets']:,}"),
        (_("Member share"), str(Share(data["member_share"]))),
        (_("Check-in rate"), str(Share(data["checkin_rate"]))),
    ]
    if money_ok:
        cards.insert(1, (_("Revenue"), _money_map(data["revenue"])))
    columns = [
        _("Event"),
        _("Tickets sold"),
        _("At member price"),
        _("Member share"),
        _("Tickets issued"),
        _("Checked in"),
        _("Check-in rate"),
    ]
    rows = [
        [
            r["title"],
            r["tickets"],
            r["member_tickets"],
            Share(r["member_share"]),
            r["issued"],
            r["checked_in"],
            Share(r["checkin_rate"]),
        ]
        for r in data["events"]
    ]
    if money_ok:
        columns.insert(2, _("Revenue"))
        for row, r in zip(rows, data["events"], strict=True):
            row.insert(2, _money_map(r["revenue"]))
    return {
        "cards": cards,
        "charts": [],
        "tables": [Table("events", _("Events in the period"), columns, rows)],
    }


BUILDERS = {
    "overview": overview,
    "revenue": revenue,
    "members": members,
    "funnel": funnel,
    "content": content,
    "newsletters": newsletters,
    "events": events,
}


def section(request, name="overview"):
    if not may_view(request.user):
        raise PermissionDenied
    builder = BUILDERS.get(name)
    if builder is None:
        raise Http404
    form = RangeForm(request.GET or None)
    rng = form.range()
    context = builder(request, rng)
    wanted = request.GET.get("csv")
    if wanted:
        table = next((t for t in context["tables"] if t.name == wanted), None)
        if table is None:
            raise Http404
        return table.csv_response(f"{name}-{table.name}-{rng.since}-{rng.until}.csv")
    query = request.GET.copy()
    query.pop("csv", None)
    tabs = [
        (key, label, reverse("analytics_admin:section", args=[key]))
        for key, label, needs_revenue in SECTIONS
        if not needs_revenue or may_view_revenue(request.user)
    ]
    title = dict((k, label) for k, label, _r in SECTIONS)[name]
    return render(
        request,
        "analytics/section.html",
        {
            **context,
            "form": form,
            "range": rng,
            "tabs": tabs,
            "current": name,
            "header_title": _("Analytics: %(section)s") % {"section": title},
            "query": query.urlencode(),
        },
    )
