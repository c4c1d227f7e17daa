"""Membership plans for the demo newsroom (idempotent, like the rest of the demo)."""

from .models import BillingSettings, Offer, Plan, Price

PLANS = [
    {
        "slug": "individual",
        "name": "Individual",
        "trial_days": 14,
        "sort_order": 1,
        "is_group": False,
        "description": "Everything we publish, for one reader.",
        "benefits": "Full access to premium articles and our complete archive\nMembers-only newsletters\n"
        "Preferential access and discounts to our events\nA direct line to the newsroom\n"
        "Our members' online community",
        "prices": [
            ("month", "USD", 900),
            ("year", "USD", 9000),
            ("month", "CNY", 6800),
            ("year", "CNY", 68000),
        ],
    },
    {
        "slug": "team",
        "name": "Team",
        "trial_days": 14,
        "sort_order": 2,
        "is_group": True,
        "min_seats": 3,
        "max_seats": 200,
        "description": "Membership for a company, fund or newsroom, priced per seat.",
        "benefits": "Everything in Individual, for every seat\nInvite by email or let your company's domain join\n"
        "One invoice for the team",
        "prices": [
            ("month", "USD", 700),
            ("year", "USD", 7000),
            ("month", "CNY", 5200),
            ("year", "CNY", 52000),
        ],
    },
]


def load_billing_demo(site):
    created = 0
    for spec in PLANS:
        prices = spec["prices"]
        fields = {k: v for k, v in spec.items() if k not in ("slug", "prices")}
        plan, made = Plan.objects.get_or_create(slug=spec["slug"], defaults=fields)
        if made:
            for interval, currency, amount in prices:
                Price.objects.create(plan=plan, interval=interval, currency=currency, amount=amount)
            created += 1
    offer, made = Offer.objects.get_or_create(
        code="WELCOME25",
        defaults={
            "name": "25% off your first three months",
            "kind": "percent",
            "percent_off": 25,
            "duration": "repeating",
            "duration_months": 3,
            "max_redemptions": 500,
        },
    )
    created += made
    Offer.objects.get_or_create(
        code="READMORE", defaults={"name": "A 30-day free trial", "kind": "trial", "trial_days": 30}
    )
    config = BillingSettings.for_site(site)
    if config.gift_continue_offer_id is None:
        config.gift_continue_offer = offer
        config.save()
        created += 1
    return created


def load_demo(*, site, home, now):
    """This app's part of the demo newsroom (registered with core.demo in apps.py)."""
    return load_billing_demo(site)
