"""A large archive for the benchmarks: N articles and M members, inserted in bulk.

Run inside the benchmark site (bench/run.py --large does this):

    manage.py shell -c "from bench.large import generate; generate(articles=100_000, members=50_000)"

Articles are spread over the demo's sections as real Wagtail pages (tree paths computed here,
then one bulk insert per table), with bodies made of words and Chinese characters drawn from
the demo's own articles, so search has realistic vocabulary; a fifth are in Chinese, a third
are premium. Each article gets its search-index entry. Members get verified addresses and a
quarter of them a premium grant. Idempotent per size: running it twice adds nothing.
"""

import random
import time
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
BATCH = 2000


def _step(n):
    out = ""
    for _ in range(STEPLEN):
        n, digit = divmod(n, len(ALPHABET))
        out = ALPHABET[digit] + out
    return out


def _vocabulary():
    import re

    from masthead.content.models import ArticlePage

    english, chinese = set(), set()
    # The demo's own articles only: on a rerun the archive's 100,000 would take minutes to read.
    for article in ArticlePage.objects.live().exclude(slug__startswith="bench-"):
        text = article.plain_text() + " " + article.title + " " + article.dek
        english.update(w.lower() for w in re.findall(r"[A-Za-z]{4,12}", text))
        chinese.update(re.findall(r"[\u4e00-\u9fff]", text))
    return sorted(english), sorted(chinese)


def _text(rng, english, chinese, zh, words):
    if zh:
        return "".join(rng.choice(chinese) for _ in range(words * 2)) + "。"
    return " ".join(rng.choice(english) for _ in range(words)).capitalize() + "."


def generate(articles=100_000, members=50_000, seed=7):
    from masthead.access.models import Grant
    from masthead.content.models import ArticlePage, SearchEntry, SectionPage
    from masthead.content.search_text import index_text

    started = time.monotonic()
    rng = random.Random(seed)
    existing = ArticlePage.objects.filter(slug__startswith="bench-").count()
    User = get_user_model()
    existing_members = User.objects.filter(username__startswith="bench-member-").count()
    if existing >= articles and existing_members >= members:
        print(f"  the archive is already there ({existing:,} articles, {existing_members:,} members)")
        return
    english, chinese = _vocabulary()
    sections = list(SectionPage.objects.live().order_by("path"))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    article_fields = [f for f in ArticlePage._meta.local_concrete_fields if f.name != "page_ptr"]

    with transaction.atomic():
        next_child = {s.pk: s.numchild for s in sections}
        made = 0
        for start in range(existing, articles, BATCH):
            pages, details, entries = [], [], []
            for i in range(start, min(start + BATCH, articles)):
                section = sections[i % len(sections)]
                next_child[section.pk] += 1
                zh = i % 5 == 4
                title = _text(rng, english, chinese, zh, 8).rstrip(".。")[:200]
                slug = f"bench-{i}"
                date = now - timedelta(minutes=37 * i)
                paragraphs = [_text(rng, english, chinese, zh, 60) for _ in range(6)]
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=section.path + _step(next_child[section.pk]),
                        depth=section.depth + 1,
                        numchild=0,
                        url_path=f"{section.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=date,
                        last_published_at=date,
                        content_type=content_type,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
                body = [
                    {"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.uuid4())} for p in paragraphs
                ]
                premium = i % 3 == 0
                if premium:
                    body.insert(2, {"type": "premium_break", "value": None, "id": str(uuid.uuid4())})
                details.append(
                    {
                        "dek": _text(rng, english, chinese, zh, 20)[:290],
                        "body": body,
                        "date": date,
                        "access_level": "premium" if premium else "public",
                        "language": "zh-hans" if zh else "en",
                        "word_count": 360,
                        "text": " ".join(paragraphs),
                    }
                )
            Page.objects.bulk_create(pages, batch_size=500)
            created = Page.objects.filter(slug__in=[p.slug for p in pages]).values_list("slug", "pk")
            ids = dict(created)
            objects = []
            for page, detail in zip(pages, details, strict=True):
                obj = ArticlePage(page_ptr_id=ids[page.slug])
                for field in article_fields:
                    if field.name in detail:
                        setattr(obj, field.attname, detail[field.name])
                objects.append(obj)
                entries.append(
                    SearchEntry(
                        page_id=ids[page.slug],
                        title=index_text(page.title),
                        dek=index_text(detail["dek"]),
                        body=index_text(detail["text"]),
                        date=detail["date"],
                    )
                )
            ArticlePage._base_manager._insert(objects, fields=ArticlePage._meta.local_concrete_fields)
            SearchEntry.objects.bulk_create(entries, batch_size=500)
            made += len(pages)
            print(f"  articles: {start + len(pages):,}", flush=True)
        for section in sections:
            Page.objects.filter(pk=section.pk).update(numchild=next_child[section.pk])

    with transaction.atomic():
        from allauth.account.models import EmailAddress

        for start in range(existing_members, members, BATCH):
            users = [
                User(username=f"bench-member-{i}", email=f"member{i}@bench.example", password="!")
                for i in range(start, min(start + BATCH, members))
            ]
            User.objects.bulk_create(users, batch_size=1000)
            created = dict(
                User.objects.filter(username__in=[u.username for u in users]).values_list("username", "pk")
            )
            EmailAddress.objects.bulk_create(
                [
                    EmailAddress(user_id=created[u.username], email=u.email, verified=True, primary=True)
                    for u in users
                ],
                batch_size=1000,
            )
            Grant.objects.bulk_create(
                [
                    Grant(
                        user_id=created[u.username],
                        level="premium",
                        source="subscription",
                        starts_at=now - timedelta(days=30),
                        ends_at=now + timedelta(days=30),
                    )
                    for n, u in enumerate(users)
                    if n % 4 == 0
                ],
                batch_size=1000,
            )
    print(
        f"  made {articles - existing:,} articles and {members - existing_members:,} members "
        f"in {time.monotonic() - started:.0f} s",
        flush=True,
    )
