"""The comment section under articles and the community pages, through real requests."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masthead.community import services
from masthead.community.models import Post
from masthead.community.profiles import profile_url


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_comments_show_under_a_public_article_for_everyone(client, member, public_article):
    services.comment_create(author=member, article=public_article, body="Visible to **all**")
    response = client.get(public_article.url)
    html = response.content.decode()
    assert "<strong>all</strong>" in html and 'id="comments"' in html
    assert "Sign in to join the conversation." in html


def test_preview_readers_of_a_premium_article_see_no_comments(client, member, payer, premium_article, demo):
    from masthead.access.models import PaywallSettings

    paywall = PaywallSettings.for_site(demo.home.get_site())
    paywall.monthly_free_articles = 0  # no meter: a free member gets the preview
    paywall.save()
    services.comment_create(author=payer, article=premium_article, body="Quoting PREMIUMQUOTE here")
    assert "PREMIUMQUOTE" not in client.get(premium_article.url).content.decode()
    assert "PREMIUMQUOTE" not in signed_in(member).get(premium_article.url).content.decode()
    assert "PREMIUMQUOTE" in signed_in(payer).get(premium_article.url).content.decode()


def test_posting_a_comment_through_the_form_with_csrf(member, public_article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    url = reverse("community:comment_create", args=[public_article.pk])
    assert client.post(url, {"body": "no token"}).status_code == 403
    page = client.get(public_article.url)
    token = page.cookies["csrftoken"].value
    response = client.post(url, {"body": "With a token", "csrfmiddlewaretoken": token})
    post = Post.objects.get(body="With a token")
    assert response.status_code == 302 and response["Location"].endswith(f"#post-{post.pk}")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write something first."),
        ("x" * 5001, "Keep it under 5000 characters"),
        ("<script>alert(1)</script>", "Scripts, images and HTML tags are not allowed"),
    ],
)
def test_bad_input_gets_a_clear_error_and_nothing_is_stored(member, public_article, body, message):
    response = signed_in(member).post(
        reverse("community:comment_create", args=[public_article.pk]), {"body": body}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Post.objects.filter(author=member).exists()


def test_the_honeypot_refuses_bots(member, public_article):
    url = reverse("community:comment_create", args=[public_article.pk])
    response = signed_in(member).post(url, {"body": "buy now", "website": "http://spam"})
    assert response.status_code == 400 and not Post.objects.filter(author=member).exists()


def test_anonymous_posting_goes_to_sign_in(client, public_article):
    response = client.post(reverse("community:comment_create", args=[public_article.pk]), {"body": "hi"})
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_free_member_is_refused_a_paying_category_with_a_way_to_upgrade(member, payer, investors):
    response = signed_in(member).get(reverse("community:category", args=[investors.slug]))
    html = response.content.decode()
    assert response.status_code == 403
    assert "This conversation is for paying members." in html
    assert reverse("billing:pricing") in html
    assert signed_in(payer).get(reverse("community:category", args=[investors.slug])).status_code == 200


def test_topic_flow_latest_and_search(payer, payer2, investors):
    client = signed_in(payer)
    response = client.post(
        reverse("community:topic_new", args=[investors.slug]),
        {"title": "Valuations in Shenzhen", "body": "Too high?"},
    )
    assert response.status_code == 302
    topic_url = response["Location"]
    other = signed_in(payer2)
    other.post(topic_url + "reply/", {"body": "Much too high, *frankly*"})
    page = client.get(topic_url).content.decode()
    assert "<em>frankly</em>" in page
    assert "Valuations in Shenzhen" in client.get(reverse("community:latest")).content.decode()
    found = client.get(reverse("community:search"), {"q": "frankly"}).content.decode()
    assert "Valuations in Shenzhen" in found


def test_search_hides_paying_categories_from_free_members(member, payer, investors):
    services.topic_create(author=payer, category=investors, title="Secret fund talk", body="SECRETFUNDTALK")
    found = signed_in(member).get(reverse("community:search"), {"q": "SECRETFUNDTALK"}).content.decode()
    assert "Secret fund talk" not in found


def test_profiles_show_what_members_choose(member, payer, founders):
    from masthead.community.models import CommunityProfile

    services.topic_create(author=payer, category=founders, title="Hiring in Hangzhou", body="Anyone?")
    client = signed_in(member)
    url = profile_url(payer.pk)
    assert "Hiring in Hangzhou" in client.get(url).content.decode()
    CommunityProfile.objects.create(user=payer, headline="Investor, Shenzhen", show_posts=False)
    html = client.get(url).content.decode()
    assert "Investor, Shenzhen" in html and "Hiring in Hangzhou" not in html
    CommunityProfile.objects.filter(user=payer).update(public_profile=False)
    assert client.get(url).status_code == 404


def test_the_moderation_queue_and_actions_in_the_admin(client, member, payer, public_article, staff_user):
    post = services.comment_create(author=member, article=public_article, body="<b>rude</b> words")
    services.post_report(post=post, reporter=payer, reason="abuse")
    client.force_login(staff_user)
    queue = client.get(reverse("community_posts:index")).content.decode()
    assert "rude" in queue and "<b>rude</b>" not in queue
    url = reverse("community_posts:moderate", args=[post.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"action": "hide", "reason": "abuse"})
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    client.post(url, {"action": "ban", "days": "7", "reason": "repeated abuse"})
    from masthead.community.models import Ban

    ban = Ban.objects.get(user=member)
    assert ban.ends_at > timezone.now()
    assert client.get(reverse("community_bans:index")).status_code == 200


def test_a_comment_thread_of_500_renders_without_n_plus_1(
    all_queries, public_article, django_user_model, payer
):
    """The same number of queries for 10 comments as for 500 (250 top-level, 250 replies)."""
    from masthead.community import thread_cache
    from masthead.community.models import Like
    from masthead.community.text import fingerprint
    from tests.community.conftest import make_member

    people = [make_member(django_user_model, f"c{i}") for i in range(20)]
    now = timezone.now()

    def comment(i, parent=None):
        body = f"{'r' if parent else 'c'} {i}"
        return Post(
            article=public_article,
            parent=parent,
            author=people[i % 20],
            body=body,
            body_html=f"<p>{body}</p>",
            body_hash=fingerprint(body),
            created_at=now - timezone.timedelta(minutes=1000 - i),
        )

    client = signed_in(payer)
    url = public_article.url + "?comments=top"

    def render():
        # Counted at the cursor class (tests/conftest.py): no connection object escapes it.
        all_queries.clear()
        response = client.get(url)
        return response.content.decode(), len(all_queries)

    Post.objects.bulk_create([comment(i) for i in range(5)])
    tops = list(Post.objects.filter(article=public_article).order_by("created_at"))
    Post.objects.bulk_create([comment(i, tops[i]) for i in range(5)])
    client.get(url)  # warm the article's own cached fragments
    thread_cache.bump(public_article.pk)  # bulk_create sends no signals; services' writes do
    html, few = render()  # the thread is read from the database...
    assert "10 comments" in html
    _html, few_cached = render()  # ...then from the cache

    Post.objects.bulk_create([comment(i) for i in range(5, 250)])
    tops = list(Post.objects.filter(article=public_article, parent=None).order_by("created_at"))
    Post.objects.bulk_create([comment(i, tops[i % 250]) for i in range(5, 250)])
    Like.objects.bulk_create([Like(post=p, user=payer) for p in tops[:100]])
    thread_cache.bump(public_article.pk)  # bulk_create sends no signals; services' writes do
    # SLACK: per-process caches with a lifetime (the site lookup is re-read every 60 s) may
    # expire between renders on a slow machine: a re-read or two, never one per comment. An N+1
    # adds hundreds here (seen once in CI: 10 against 9).
    SLACK = 2
    html, many = render()
    assert html.count('<article class="post') == 500 and "500 comments" in html
    assert 0 < many <= few + SLACK and few <= 40, (few, many)
    html, many_cached = render()
    assert html.count('<article class="post') == 500
    assert 0 < many_cached <= few_cached + SLACK and few_cached < few, (few_cached, many_cached)


def test_a_held_post_is_only_its_authors_until_a_moderator_lets_it_through(
    member, payer, payer2, public_article, settings_obj
):
    from masthead.community.models import Like

    settings_obj.hold_first_posts = True
    settings_obj.save()
    post = services.comment_create(author=payer, article=public_article, body="HELDPOSTTEXT waiting")
    assert post.status == Post.Status.HELD
    for other in (member, payer2):
        client = signed_in(other)
        report = client.get(reverse("community:post_report", args=[post.pk]))
        assert report.status_code == 404 and "HELDPOSTTEXT" not in report.content.decode()
        assert (
            client.post(reverse("community:post_report", args=[post.pk]), {"reason": "spam"}).status_code
            == 404
        )
        assert client.post(reverse("community:post_like", args=[post.pk])).status_code == 404
    assert not Like.objects.filter(post=post).exists()
    # The author still sees their own held post.
    assert (
        "HELDPOSTTEXT"
        in signed_in(payer).get(reverse("community:post_report", args=[post.pk])).content.decode()
    )


def test_a_member_who_gave_no_name_is_never_shown_by_their_address(
    django_user_model, member, public_article, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress
    from django.core import mail

    nameless = django_user_model.objects.create_user("x7", "nameless.person@example.com", None)
    EmailAddress.objects.create(user=nameless, email=nameless.email, verified=True, primary=True)
    first = services.comment_create(author=member, article=public_article, body="First!")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(author=nameless, article=public_article, body="A reply", parent=first)
    notice = [m for m in mail.outbox if member.email in m.to]
    assert notice and all("nameless.person" not in m.body + str(m.alternatives) for m in notice)
    assert "A member replied" in notice[-1].body
    client = signed_in(member)
    profile = client.get(profile_url(nameless.pk)).content.decode()
    assert "nameless.person" not in profile and "A member" in profile
    article_html = client.get(public_article.url).content.decode()
    assert "nameless.person" not in article_html and profile_url(nameless.pk) in article_html


def test_profile_addresses_cannot_be_enumerated(member, payer):
    client = signed_in(member)
    assert client.get(profile_url(payer.pk)).status_code == 200
    for guess in [f"/community/members/{payer.pk}/", f"/community/members/{payer.pk}-0000000000000000/"]:
        assert client.get(guess).status_code == 404, guess
    other_key = profile_url(member.pk).rstrip("/").rsplit("-", 1)[1]
    assert client.get(f"/community/members/{payer.pk}-{other_key}/").status_code == 404


def test_an_open_category_is_readable_without_an_account_and_others_are_not(
    client, member, founders, investors
):
    assert founders.public_read  # the demo opens the founders' room to visitors
    topic = services.topic_create(
        author=member, category=founders, title="Hiring in Shenzhen", body="Any **tips**?"
    )
    page = client.get(reverse("community:category", args=[founders.slug]))
    assert page.status_code == 200 and "Hiring in Shenzhen" in page.content.decode()
    thread = client.get(reverse("community:topic", args=[topic.pk])).content.decode()
    assert "<strong>tips</strong>" in thread and "Sign in or sign up free to reply." in thread
    assert 'name="body"' not in thread  # no reply form for visitors
    assert 'property="og:description" content="Any tips?"' in thread
    assert client.get(reverse("community:category", args=["off-topic"])).status_code == 403
    investors.public_read = True  # a paying members' room never opens to visitors, ticked or not
    investors.save()
    assert client.get(reverse("community:category", args=[investors.slug])).status_code == 403
    founders.public_read = False
    founders.save()
    assert client.get(reverse("community:topic", args=[topic.pk])).status_code == 403


def test_excerpts_are_rendered_text_and_staff_posts_carry_a_name(client, founders, django_user_model):
    staff = django_user_model.objects.create_user(
        "deskchief", "desk.chief@example.com", None, is_staff=True, first_name="Lin", last_name="Hua"
    )
    services.topic_create(
        author=staff, category=founders, title="Ask us anything", body="Our **editors** are here."
    )
    index = client.get(reverse("community:index")).content.decode()
    assert "Our editors are here." in index and "**editors**" not in index
    assert "Lin Hua" in index and "desk.chief@example.com" not in index
