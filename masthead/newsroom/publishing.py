""" "Ask the newsroom": publishing a member's question and our answer as an article, with consent.

The order is fixed: an editor asks (publication_request) → the member agrees or declines on their
thread page (publication_answer, which records the wording they saw) → an editor creates the
article (publication_publish), as a draft to review or published at once. Nothing is published
without a recorded "yes".
"""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _

from masthead.content.models import ArticleAuthor, ArticlePage
from masthead.core.audit import audit
from masthead.core.identity import publication
from masthead.core.mail import send_on_commit

from .errors import NewsroomRefused
from .models import Message, Publication, Thread
from .services import _require, sender_address, thread_url


def consent_wording(thread):
    return _(
        'I agree that %(site)s may publish my question in the conversation "%(subject)s" and the '
        "newsroom's answer as an article, edited for length and clarity. I can withdraw before it "
        "is published by replying to the newsroom."
    ) % {"site": _site_name(), "subject": thread.subject}


def _site_name():
    return publication().name


def publication_request(*, thread, actor, now=None):
    now = now or timezone.now()
    _require(actor, thread)
    if not (thread.sender_id and thread.is_conversation):
        raise NewsroomRefused("consent.not_member")
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        pub, created = Publication.objects.get_or_create(
            thread=thread,
            defaults={"requested_by": actor, "requested_at": now, "consent_text": consent_wording(thread)},
        )
        if not created:
            raise NewsroomRefused("consent.already")
        audit("newsroom.publication.requested", actor=actor, member=thread.sender, target=thread, now=now)
        send_on_commit(
            "newsroom/email/consent_request",
            to=sender_address(thread),
            context={"thread": thread, "thread_url": thread_url(thread), "wording": pub.consent_text},
        )
    return pub


def publication_answer(*, thread, user, consent, show_name=False, now=None):
    """The member says yes or no; their words and the time are kept (the consent record)."""
    now = now or timezone.now()
    with transaction.atomic():
        pub = Publication.objects.select_for_update().select_related("thread").get(thread=thread)
        if pub.thread.sender_id != user.pk:
            raise NewsroomRefused("not_allowed")
        if pub.state != Publication.State.REQUESTED:
            return pub  # already answered: a double click changes nothing
        pub.state = Publication.State.GIVEN if consent else Publication.State.DECLINED
        pub.show_name = bool(consent and show_name)
        pub.answered_at = now
        pub.save(update_fields=["state", "show_name", "answered_at"])
        audit(
            "newsroom.publication.consent_given" if consent else "newsroom.publication.consent_declined",
            actor=user,
            member=user,
            target=pub.thread,
            now=now,
            wording=pub.consent_text,
            show_name=pub.show_name,
        )
    return pub


def publication_publish(*, thread, actor, section, title, dek, access_level, publish_now=False, now=None):
    """Create the Q&A article under `section` from the first question and the latest answer."""
    now = now or timezone.now()
    _require(actor, thread)
    if not actor.has_perm("wagtailadmin.access_admin"):
        raise NewsroomRefused("not_allowed")
    with transaction.atomic():
        pub = Publication.objects.select_for_update().select_related("thread").get(thread=thread)
        if pub.state == Publication.State.PUBLISHED and pub.page_id:
            return pub.page
        if pub.state != Publication.State.GIVEN:
            raise NewsroomRefused("consent.missing")
        messages = list(pub.thread.messages.all())
        question = next((m for m in messages if m.direction == Message.Direction.IN), None)
        answer = next((m for m in reversed(messages) if m.direction == Message.Direction.OUT), None)
        if question is None or answer is None:
            raise NewsroomRefused("no_answer")
        attribution = (pub.thread.sender_name or _("A member")) if pub.show_name else _("A member")
        body = [
            ("quote", {"text": question.body, "attribution": attribution}),
            ("heading", _("The newsroom answers")),
            ("paragraph", linebreaks(escape(answer.body))),
        ]
        page = ArticlePage(
            title=title[:255],
            slug=_unique_slug(section, title),
            dek=dek[:300],
            body=body,
            access_level=access_level,
            search_description=dek[:300],
        )
        author = getattr(actor, "author_page", None)
        if author is None and answer.staff_id:
            author = getattr(answer.staff, "author_page", None)
        if author is not None:
            page.article_authors.add(ArticleAuthor(author=author, sort_order=0))
        page.tags.add(_("Ask the newsroom"))
        if not publish_now:
            page.live = False
        section.add_child(instance=page)
        revision = page.save_revision(user=actor)
        if publish_now:
            revision.publish(user=actor)
        pub.page = page
        pub.state = Publication.State.PUBLISHED
        pub.save(update_fields=["page", "state"])
        audit(
            "newsroom.publication.created",
            actor=actor,
            member=pub.thread.sender,
            target=pub.thread,
            now=now,
            page=page.pk,
            live=publish_now,
            access_level=access_level,
        )
    return page


def _unique_slug(section, title):
    base = (slugify(title) or "ask-the-newsroom")[:60]
    slug, n = base, 2
    while section.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
