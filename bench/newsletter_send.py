#!/usr/bin/env python
"""Newsletter send rate: one issue to N subscribers through SMTP into a local sink (aiosmtpd).

    python bench/newsletter_send.py                 # 100,000 subscribers
    python bench/newsletter_send.py --subscribers 20000 --fresh

Measures two things over the same kind of connection (Django's SMTP backend, one connection, to
the same sink running in its own process):

- **whole send**: `sending.deliver_issue` end to end — planning the deliveries (audience checks
  through the access app), claiming batches, deciding each recipient's variant with the access
  policy (a public and a premium article: free readers get the premium one as a teaser, paying
  members in full), rendering each variant once, personalising every message (name, address,
  unsubscribe token, Message-ID) and recording each delivery in the database.
- **bare loop**: one pre-rendered message sent to the same number of recipients with
  `smtplib.sendmail` and nothing else: the practical ceiling of this sink and this client.

The site is a SQLite copy of the demo newsroom in bench/.var-newsletter (built on first run).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "bench" / ".var-newsletter"
sys.path.insert(0, str(ROOT))


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def setup_django(port):
    os.environ.update(
        MASTHEAD_ENV="development",
        DEBUG="0",
        MASTHEAD_VAR_DIR=str(VAR),
        DATABASE_URL=f"sqlite:///{VAR / 'bench.sqlite3'}",
        EMAIL_URL=f"smtp://127.0.0.1:{port}",
        NEWSLETTER_BATCH_SIZE="500",
        LOG_LEVEL="WARNING",
        MASTHEAD_DEMO_IMAGE_SCALE="0.25",
        DEMO_STAFF_PASSWORD="bench-staff-password",
        DJANGO_SETTINGS_MODULE="masthead.settings",
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def prepare(n):
    """The demo (once), then n subscribers to a bench newsletter: 10% members, half of them paying."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from masthead.access.models import Grant
    from masthead.content.models import ArticlePage
    from masthead.newsletters.models import Issue, Newsletter, Subscriber, Subscription

    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        print("Loading the demo newsroom (first run only)…", flush=True)
        from masthead.content.demo.loader import load_demo

        load_demo()
    User = get_user_model()
    now = timezone.now()
    with transaction.atomic():
        Issue.objects.filter(newsletter__slug="bench").delete()
        Newsletter.objects.filter(slug="bench").delete()
        Subscriber.objects.filter(email__startswith="bench-").delete()
        User.objects.filter(username__startswith="bench-").delete()
        letter = Newsletter.objects.create(
            name="Bench Briefing", slug="bench", sender_name="Bench", sender_email="bench@example.com"
        )
        members = n // 10
        users = User.objects.bulk_create(
            [User(username=f"bench-{i}", email=f"bench-member-{i}@example.com") for i in range(members)],
            batch_size=2000,
        )
        Grant.objects.bulk_create(
            [
                Grant(
                    user=u,
                    level="premium",
                    source="subscription",
                    starts_at=now,
                    ends_at=now + timezone.timedelta(days=30),
                )
                for u in users[: members // 2]
            ],
            batch_size=2000,
        )
        subscribers = [
            Subscriber(email=u.email, user=u, name=f"Member {i}", confirmed_at=now, created_at=now)
            for i, u in enumerate(users)
        ] + [
            Subscriber(email=f"bench-{i}@example.com", name=f"Reader {i}", confirmed_at=now, created_at=now)
            for i in range(n - members)
        ]
        subscribers = Subscriber.objects.bulk_create(subscribers, batch_size=2000)
        Subscription.objects.bulk_create(
            [Subscription(subscriber=s, newsletter=letter, started_at=now) for s in subscribers],
            batch_size=2000,
        )
        public = ArticlePage.objects.live().filter(access_level="public").order_by("-date").first()
        premium = ArticlePage.objects.live().filter(access_level="premium").order_by("-date").first()
        issue = Issue.objects.create(
            newsletter=letter,
            subject="Bench: the week in technology",
            preheader="Two stories, one for members",
            intro="<p>Good morning. This is the benchmark issue.</p>",
            body=[
                ("heading", "Today"),
                ("article", {"article": public, "note": "Our pick"}),
                ("article", {"article": premium, "note": ""}),
            ],
            status=Issue.Status.SENDING,
            started_at=now,
        )
    return issue


def whole_send(issue):
    from masthead.newsletters.sending import deliver_issue

    started = time.perf_counter()
    deliver_issue(issue_id=issue.pk)
    return time.perf_counter() - started


def bare_loop(n, issue):
    """Pre-rendered bytes, sent n times over one connection of the same backend."""
    from django.core.mail import get_connection

    from masthead.newsletters.render import Renderer, free_variant, personal_values

    renderer = Renderer(issue, now=issue.started_at)
    template = renderer.template(free_variant(renderer.articles, issue.started_at))
    data = template.fill(
        personal_values(address="bare@example.com", name="Bare Loop", token="t" * 32, message_id="bare.1")
    )
    backend = get_connection(fail_silently=False)
    backend.open()
    conn = backend.connection
    started = time.perf_counter()
    for i in range(n):
        conn.sendmail("bench@example.com", [f"bare-{i}@example.com"], data)
    elapsed = time.perf_counter() - started
    backend.close()
    return elapsed, len(data)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark site first")
    parser.add_argument("--profile", action="store_true", help="print where the whole send spends its time")
    args = parser.parse_args()
    if args.fresh and VAR.exists():
        import shutil

        shutil.rmtree(VAR)
    VAR.mkdir(parents=True, exist_ok=True)
    port = free_port()
    count_file = VAR / "sink-count"
    sink = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "smtp_sink.py"), str(port), str(count_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sink.stdout.readline().strip() == "ready"
        setup_django(port)
        n = args.subscribers
        print(f"Preparing {n:,} subscribers…", flush=True)
        issue = prepare(n)
        from masthead.newsletters.models import Delivery

        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            whole = profiler.runcall(whole_send, issue)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        else:
            whole = whole_send(issue)
        issue.refresh_from_db()
        sent = Delivery.objects.filter(issue=issue, state="sent").count()
        bare, size = bare_loop(n, issue)
    finally:
        sink.terminate()
        sink.wait(timeout=10)
    received = int(count_file.read_text())
    whole_rate, bare_rate = n / whole, n / bare
    print(
        f"\nrecipients:        {n:,} (sent {sent:,}, status {issue.status}; sink received {received:,} in total)"
    )
    print(f"message size:      {size:,} bytes")
    print(f"whole send:        {whole:7.2f} s  {whole_rate:8,.0f} recipients/s")
    print(f"bare SMTP loop:    {bare:7.2f} s  {bare_rate:8,.0f} recipients/s")
    print(f"ratio whole/bare:  {whole_rate / bare_rate:.2f}")
    if received != 2 * n or sent != n:
        print("WARNING: counts do not match (every recipient should be received once per loop)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
