"""How fast imports run: posts/s and members/s for each format the importers read.

    python bench/import_rate.py                         # 10,000 posts and 100,000 members, every format
    python bench/import_rate.py --posts 2000 --members 20000 --formats ghost,csv

Generates exports in a temporary directory (never in git), migrates a fresh SQLite database
(or the PostgreSQL at DATABASE_URL with --db postgres) in that directory, loads the demo (so
sections, plans and newsletters exist), and times `manage.py import_content` / `import_members`
as a staff member would run them. Posts are about 600 words with a heading, a quote, a link
and a premium break; images are left out (fetching them measures the network, not us).
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "chip grid trade policy market export battery factory supply chain rules network data model cloud".split()
)


def paragraph(rng, n=60):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def body(rng, i):
    return (
        f"<p>{paragraph(rng)} <a href='https://example.org/{i}'>source</a></p><h2>Part {i}</h2>"
        f"<p>{paragraph(rng)}</p><!--members-only--><blockquote><p>{paragraph(rng, 20)}</p></blockquote>"
        + "".join(f"<p>{paragraph(rng)}</p>" for _ in range(7))
    )


def ghost_export(path, n, rng):
    posts = [
        {
            "id": f"p{i}",
            "title": f"Ghost post {i}",
            "slug": f"ghost-post-{i}",
            "html": body(rng, i),
            "type": "post",
            "status": "published",
            "visibility": rng.choice(["public", "members", "paid"]),
            "published_at": f"20{10 + i % 14:02d}-0{1 + i % 9}-1{i % 9}T10:00:00.000Z",
        }
        for i in range(n)
    ]
    data = {
        "users": [{"id": "u1", "name": "Bench Writer", "slug": "bench-writer"}],
        "posts": posts,
        "posts_authors": [{"post_id": p["id"], "author_id": "u1", "sort_order": 0} for p in posts],
    }
    path.write_text(json.dumps({"db": [{"meta": {"version": "5.80.0"}, "data": data}]}))
    return path


def substack_export(folder, n, rng):
    (folder / "posts").mkdir(parents=True)
    with (folder / "posts.csv").open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "post_id",
                "post_date",
                "is_published",
                "email_sent_at",
                "inbox_sent_at",
                "type",
                "audience",
                "title",
                "subtitle",
                "podcast_url",
            ]
        )
        for i in range(n):
            post_id = f"{i}.substack-post-{i}"
            writer.writerow(
                [
                    post_id,
                    "2022-05-01T12:00:00.000Z",
                    "true",
                    "",
                    "",
                    "newsletter",
                    "everyone",
                    f"Substack post {i}",
                    "A subtitle",
                    "",
                ]
            )
            (folder / "posts" / f"{post_id}.html").write_text(
                body(rng, i).replace("<!--members-only-->", '<div class="paywall-jump"></div>')
            )
    return folder


def wordpress_export(path, n, rng):
    items = "".join(
        f"""<item><title>WordPress post {i}</title><link>https://wp.example/{i}/wordpress-post-{i}/</link>
<dc:creator>bench</dc:creator><content:encoded><![CDATA[<!-- wp:paragraph -->{body(rng, i).replace("<!--members-only-->", "")}<!-- /wp:paragraph -->]]></content:encoded>
<wp:post_id>{i + 1}</wp:post_id><wp:post_date_gmt>2021-03-01 09:00:00</wp:post_date_gmt><wp:post_name>wordpress-post-{i}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="bench"><![CDATA[Bench]]></category></item>"""
        for i in range(n)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><channel><title>B</title><link>https://wp.example</link>'
        "<wp:wxr_version>1.2</wp:wxr_version><wp:author><wp:author_login>bench</wp:author_login>"
        f"<wp:author_display_name>Bench</wp:author_display_name></wp:author>{items}</channel></rss>"
    )
    return path


def members_csv(path, fmt, n):
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        if fmt == "ghost":
            writer.writerow(
                [
                    "id",
                    "email",
                    "name",
                    "note",
                    "subscribed_to_emails",
                    "complimentary_plan",
                    "stripe_customer_id",
                    "created_at",
                    "deleted_at",
                    "labels",
                    "tiers",
                ]
            )
            for i in range(n):
                writer.writerow(
                    [
                        f"m{i}",
                        f"ghost-{i}@bench.example",
                        f"Member {i}",
                        "",
                        "true" if i % 2 else "false",
                        "true" if i % 50 == 0 else "false",
                        "",
                        "2022-01-05T10:00:00.000Z",
                        "",
                        "bench",
                        "",
                    ]
                )
        elif fmt == "substack":
            writer.writerow(
                [
                    "email",
                    "active_subscription",
                    "expiry",
                    "plan",
                    "email_disabled",
                    "created_at",
                    "first_payment_at",
                ]
            )
            for i in range(n):
                writer.writerow(
                    [
                        f"substack-{i}@bench.example",
                        "true",
                        "",
                        "free",
                        "false",
                        "2021-01-01T00:00:00.000Z",
                        "",
                    ]
                )
        else:
            writer.writerow(["email", "name", "labels", "subscribed", "created_at"])
            for i in range(n):
                writer.writerow([f"csv-{i}@bench.example", f"Member {i}", "a,b", "true", "2020-01-01"])
    return path


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument(
        "--formats",
        default="ghost,substack,wordpress,csv",
        help="ghost,substack,wordpress (posts) and ghost,substack,csv (members)",
    )
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    formats = set(args.formats.split(","))
    rng = random.Random(17)
    with tempfile.TemporaryDirectory(prefix="masthead-import-bench-") as tmp:
        tmp = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
        env.update(
            MASTHEAD_VAR_DIR=str(tmp),
            MEDIA_ROOT=str(tmp / "media"),
            MASTHEAD_DEMO_IMAGE_SCALE="0.2",
            LOG_LEVEL="WARNING",
        )
        if args.db == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
            env.pop("REDIS_URL", None)

        def manage(*command):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, str(ROOT / "manage.py"), *command],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            return time.perf_counter() - start

        manage("migrate", "--noinput", "-v", "0")
        manage("load_demo")
        rows = []
        for fmt, make in (
            ("ghost", ghost_export),
            ("substack", substack_export),
            ("wordpress", wordpress_export),
        ):
            if fmt in formats and args.posts:
                target = tmp / {"ghost": "ghost.json", "substack": "substack", "wordpress": "wp.xml"}[fmt]
                make(target, args.posts, rng)
                seconds = manage(
                    "import_content", fmt, str(target), "--no-fetch", "--section", f"bench-{fmt}"
                )
                rows.append((f"posts ({fmt})", args.posts, seconds))
        for fmt in ("ghost", "substack", "csv"):
            if fmt in formats and args.members:
                target = members_csv(tmp / f"members-{fmt}.csv", fmt, args.members)
                seconds = manage("import_members", fmt, str(target))
                rows.append((f"members ({fmt})", args.members, seconds))
        print(f"Import rates on {args.db} ({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}):")
        for label, n, (wall, cpu) in rows:
            print(
                f"  {label:<22} {n:>8,}: wall {wall:7.1f} s = {n / wall:8.1f}/s; CPU {cpu:7.1f} s = {n / cpu:8.1f}/s"
            )


if __name__ == "__main__":
    main()
