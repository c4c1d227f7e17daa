#!/usr/bin/env python
"""Newsletter send rate: one issue to N subscribers through SMTP into a local sink.

    python bench/newsletter_send.py                 # 100,000 subscribers, Python sink (aiosmtpd)
    python bench/newsletter_send.py --sink smtp-sink  # Postfix's C sink (apt-get install postfix)
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

Sinks: `python` (bench/smtp_sink.py, aiosmtpd: counts recipients) or `smtp-sink` (Postfix's
/usr/sbin/smtp-sink, written in C, so the sink is never the bottleneck; from Debian's postfix
package, which need not run as a mail server). smtp-sink appends every transaction's envelope to a
dump file in /dev/shm; after each of the two runs the dump is read back and every recipient
must appear there exactly once (no one missing, no one twice). Ports come from BENCH_PORTS.

The site is a SQLite copy of the demo newsroom in bench/.var-newsletter (built on first run).
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "bench" / ".var-newsletter"
sys.path.insert(0, str(ROOT))

from bench.lib import free_port  # noqa: E402

SMTP_SINK = "/usr/sbin/smtp-sink"


class PythonSink:
    """bench/smtp_sink.py in its own process: counts recipients, nothing more."""

    name = "python (aiosmtpd)"

    def __init__(self, port):
        self.count_file = VAR / "sink-count"
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "smtp_sink.py"), str(port), str(self.count_file)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "ready"
        self.seen = 0

    def received(self, expected):
        """{address: times received} is beyond this sink; the count since the last call is not."""
        time.sleep(0.6)  # the sink writes its count every half second
        total = int(self.count_file.read_text())
        count, self.seen = total - self.seen, total
        return {"received": count, "unique": None, "missing": None, "duplicates": None}

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class PostfixSink:
    """Postfix's smtp-sink (C, one process, event loop), dumping each transaction's envelope."""

    name = "smtp-sink (Postfix)"

    def __init__(self, port):
        if not os.path.exists(SMTP_SINK):
            sys.exit(f"{SMTP_SINK} is missing: apt-get install postfix (it need not run)")
        # In memory: a dump on disk would make the sink wait for the disk, not for the sender.
        self.dir = Path(tempfile.mkdtemp(prefix="bench-smtp-sink-", dir="/dev/shm"))
        self.dir.chmod(0o777)  # smtp-sink drops to `nobody` when started as root
        self.dump = self.dir / "dump"
        cmd = [SMTP_SINK, "-D", str(self.dump)]
        if os.geteuid() == 0:
            cmd += ["-u", "nobody"]
        self.process = subprocess.Popen(
            cmd + [f"127.0.0.1:{port}", "256"], stdout=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("smtp-sink did not start") from None
                time.sleep(0.1)
        self.part = 0

    def received(self, expected):
        """Read back the dump of everything since the last call (smtp-sink opens the dump file
        per transaction, so moving it aside starts a new one) and compare with `expected`."""
        self.part += 1
        taken = self.dir / f"part-{self.part}"
        time.sleep(0.2)
        if self.dump.exists():
            self.dump.rename(taken)
        counts = Counter()
        if taken.exists():
            with taken.open("rb") as dump:
                for line in dump:
                    if line.startswith(b"X-Rcpt-Args: <"):
                        counts[line[14:].split(b">", 1)[0].decode()] += 1
            taken.unlink()
        return {
            "received": sum(counts.values()),
            "unique": len(counts),
            "missing": len(expected - counts.keys()),
            "duplicates": sum(1 for n in counts.values() if n > 1),
            "unexpected": len(counts.keys() - expected),
        }

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


SINKS = {"python": PythonSink, "smtp-sink": PostfixSink}


def setup_django(port, database_url=None):
    os.environ.update(
        MASTHEAD_ENV="development",
        DEBUG="0",
        MASTHEAD_VAR_DIR=str(VAR),
        DATABASE_URL=database_url or f"sqlite:///{VAR / 'bench.sqlite3'}",
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


def main():  # noqa: C901 - one benchmark, its steps in order
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--sink", choices=sorted(SINKS), default="python", help="the SMTP server sent to")
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark site first")
    parser.add_argument(
        "--database-url",
        help="e.g. postgres://postgres@127.0.0.1:5432/masthead_bench (default: a SQLite file in "
        "bench/.var-newsletter); the demo is loaded into it on first use",
    )
    parser.add_argument(
        "--profile",
        nargs="?",
        const="tottime",
        help="print where the whole send spends its time (pstats sort key)",
    )
    args = parser.parse_args()
    if args.fresh and VAR.exists():
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True, exist_ok=True)
    port = free_port()
    sink = SINKS[args.sink](port)
    try:
        setup_django(port, args.database_url)
        load_before = os.getloadavg()
        n = args.subscribers
        print(f"Preparing {n:,} subscribers…", flush=True)
        issue = prepare(n)
        from masthead.newsletters.models import Delivery

        print(f"Sending into {sink.name} on port {port}…", flush=True)
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            whole = profiler.runcall(whole_send, issue)
            pstats.Stats(profiler).sort_stats(args.profile).print_stats(30)
        else:
            whole = whole_send(issue)
        issue.refresh_from_db()
        sent = Delivery.objects.filter(issue=issue, state="sent").count()
        send_expected = set(Delivery.objects.filter(issue=issue).values_list("subscriber__email", flat=True))
        send_got = sink.received(send_expected)
        bare, size = bare_loop(n, issue)
        bare_got = sink.received({f"bare-{i}@example.com" for i in range(n)})
    finally:
        sink.stop()
    whole_rate, bare_rate = n / whole, n / bare
    from django.db import connection

    print(f"\nsink:              {sink.name}")
    print(f"database:          {connection.vendor}")
    print(f"load average:      {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after (1 min)")
    print(f"recipients:        {n:,} (deliveries sent {sent:,}, issue status {issue.status})")
    print(f"message size:      {size:,} bytes")
    print(
        f"whole send:        {whole:7.2f} s  {whole_rate:8,.0f} recipients/s   received: {describe(send_got)}"
    )
    print(
        f"bare SMTP loop:    {bare:7.2f} s  {bare_rate:8,.0f} recipients/s   received: {describe(bare_got)}"
    )
    print(f"ratio whole/bare:  {whole_rate / bare_rate:.2f}")
    exact = all(
        got["received"] == n and got["unique"] in (None, n) and not got.get("unexpected")
        for got in (send_got, bare_got)
    )
    if not exact or sent != n:
        print("WARNING: not exactly once (every recipient should be received once per loop)")
        return 1
    print(
        "exactly once:      yes" + (" (every recipient by address)" if send_got["unique"] else " (by count)")
    )
    return 0


def describe(got):
    if got["unique"] is None:
        return f"{got['received']:,} messages"
    return (
        f"{got['received']:,} messages, {got['unique']:,} distinct recipients, "
        f"{got['missing']:,} missing, {got['duplicates']:,} twice or more"
    )


if __name__ == "__main__":
    sys.exit(main())
