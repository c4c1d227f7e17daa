"""Community pages: comment threads under articles, the discussion space, profiles, reports.

Views are thin: forms check the input, services make the change, refusals come back as a
clear message (errors.MESSAGES). Everything here is personal (who is signed in decides what it
shows), so nothing is marked public; the comment thread on an anonymous article page is part
of that page's cached response, which services invalidate when a visible comment changes.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from masthead.access.readers import reader_for_request
from masthead.access.reading import decision_for_request, paywall_settings
from masthead.content.models import ArticlePage
from masthead.core.caching import mark_cacheable
from masthead.members.services import public_name

from . import profiles, rules, selectors, services, text
from .errors import MESSAGES, CommunityRefused
from .forms import PostForm, ProfileForm, ReportForm, TopicForm
from .models import Category, CommunityProfile, CommunitySettings, Post, Topic
from .threads import _membership_url, _sign_in_url, rules_message, thread_context  # noqa: F401


def _private(response):
    return mark_cacheable(response, personal=True)


def post_url(post):
    if post.article_id:
        return f"{post.article.url}#post-{post.pk}"
    return f"{reverse('community:topic', args=[post.topic_id])}#post-{post.pk}"


def _refused(request, code, *, status=403, next_url=None):
    return _private(
        render(
            request,
            "community/refused.html",
            {
                "code": code,
                "message": MESSAGES[code],
                "membership_url": _membership_url(),
                "sign_in_url": _sign_in_url(next_url or request.get_full_path()),
            },
            status=status,
        )
    )


# --- Comments under articles ---------------------------------------------------------------


@login_required
@require_POST
def comment_create(request, article_id):
    article = get_object_or_404(ArticlePage.objects.live(), pk=article_id)
    form = PostForm(request.POST)
    if not form.is_valid():
        return _form_error(request, form, article.url + "#comments")
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Post.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            return _refused(request, "bad_parent", status=400)
    try:
        post = services.comment_create(
            author=request.user,
            article=article,
            parent=parent,
            body=form.cleaned_data["body"],
            meter_limit=paywall_settings(request).monthly_free_articles,
        )
    except CommunityRefused as refusal:
        return _refused(request, refusal.code, next_url=article.url)
    except text.BodyError as error:
        form.add_error("body", str(error))
        return _form_error(request, form, article.url + "#comments")
    if post.status == Post.Status.HELD:
        messages.info(request, _("Thank you. Your comment will appear once a moderator has seen it."))
    return redirect(post_url(post))


def _form_error(request, form, back_url):
    return _private(
        render(request, "community/form_error.html", {"form": form, "back_url": back_url}, status=400)
    )


def _own_post(request, pk):
    return get_object_or_404(Post.objects.select_related("article", "topic"), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, pk):
    post = _own_post(request, pk)
    if post.author_id != request.user.pk:
        return _refused(request, "not_yours")
    form = PostForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(post=post, user=request.user, body=form.cleaned_data["body"])
        except CommunityRefused as refusal:
            return _refused(request, refusal.code)
        messages.success(request, _("Your changes are saved."))
        return redirect(post_url(post))
    return _private(
        render(
            request,
            "community/post_edit.html",
            {"form": form, "post": post, "back_url": post_url(post)},
            status=400 if form.errors else 200,
        )
    )


@login_required
@require_POST
def post_delete(request, pk):
    post = _own_post(request, pk)
    try:
        services.post_delete(post=post, user=request.user)
    except CommunityRefused as refusal:
        return _refused(request, refusal.code)
    messages.success(request, _("Deleted."))
    return redirect(post_url(post).split("#")[0] + ("#comments" if post.article_id else ""))


def _may_see(request, post):
    """The reader may see the post where it was written (article in full / category). A held
    post is its author's alone until a moderator lets it through (CONTEXT.md: "Held")."""
    if post.status == Post.Status.HELD:
        if post.author_id != request.user.pk:
            return False
    elif post.status != Post.Status.VISIBLE:
        return False
    if post.article_id:
        return decision_for_request(request, post.article.specific).full
    return rules.category_refusal(user=request.user, category=post.topic.category, now=timezone.now()) is None


@login_required
@require_POST
def post_like(request, pk):
    post = _own_post(request, pk)
    if not _may_see(request, post):
        raise Http404
    try:
        services.post_like(post=post, user=request.user)
    except CommunityRefused as refusal:
        messages.error(request, refusal.message)
    return redirect(post_url(post))


@login_required
@require_http_methods(["GET", "POST"])
def post_report(request, pk):
    post = _own_post(request, pk)
    if not _may_see(request, post):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_report(
                post=post,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except CommunityRefused as refusal:
            return _refused(request, refusal.code)
        messages.success(request, _("Thank you. A moderator will look at it."))
        return redirect(post_url(post))
    return _private(
        render(
            request,
            "community/report.html",
            {"form": form, "post": post, "back_url": post_url(post)},
            status=400 if form.errors else 200,
        )
    )


# --- The discussion space ------------------------------------------------------------------


def _categories_for(request, now):
    return rules.readable_categories(request.user, now)


def index(request):
    now = timezone.now()
    readable = _categories_for(request, now)
    if not request.user.is_authenticated:
        # Visitors see the categories the newsroom opened to them, and what is said there.
        return _private(
            render(
                request,
                "community/index.html",
                {
                    "categories": Category.objects.all(),
                    "readable": {c.pk for c in readable},
                    "latest": selectors.latest_posts(readable, now=now, limit=10) if readable else [],
                    "sign_in_url": _sign_in_url(request.path),
                },
            )
        )
    announcements = list(
        selectors.visible_topics(readable).filter(is_announcement=True).order_by("-created_at")[:3]
    )
    return _private(
        render(
            request,
            "community/index.html",
            {
                "categories": Category.objects.all(),
                "readable": {c.pk for c in readable},
                "announcements": announcements,
                "latest": selectors.latest_posts(readable, now=now, limit=10),
                "membership_url": _membership_url(),
            },
        )
    )


def _category_or_refusal(request, slug):
    category = get_object_or_404(Category, slug=slug)
    refusal = rules.category_refusal(user=request.user, category=category, now=timezone.now())
    return category, refusal


def category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    refusal = rules.category_read_refusal(user=request.user, category=category, now=timezone.now())
    if refusal:
        return _refused(request, refusal)

    topics = Paginator(selectors.visible_topics([category]).order_by("-is_pinned", "-last_activity_at"), 30)
    return _private(
        render(
            request,
            "community/category.html",
            {"category": category, "topics": topics.get_page(request.GET.get("page"))},
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def topic_new(request, slug):
    category, refusal = _category_or_refusal(request, slug)
    if refusal:
        return _refused(request, refusal)
    if category.staff_only_topics and not request.user.is_staff:
        return _refused(request, "staff_only")
    form = TopicForm(request.POST or None, staff=request.user.is_staff)
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_create(
                author=request.user,
                category=category,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                announcement=form.cleaned_data.get("announcement", False),
            )
        except CommunityRefused as refusal:
            return _refused(request, refusal.code)
        except text.BodyError as error:
            form.add_error("title", str(error))
        else:
            if not topic.is_visible:
                messages.info(request, _("Thank you. Your topic will appear once a moderator has seen it."))
                return redirect("community:category", category.slug)
            return redirect("community:topic", topic.pk)
    return _private(
        render(
            request,
            "community/topic_new.html",
            {"category": category, "form": form},
            status=400 if form.errors else 200,
        )
    )


def topic(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=pk)
    now = timezone.now()
    refusal = rules.category_read_refusal(user=request.user, category=topic.category, now=now)
    if refusal:
        return _refused(request, refusal)
    if not topic.is_visible and not (request.user.is_staff or topic.author_id == request.user.pk):
        raise Http404
    settings = CommunitySettings.load(request_or_site=request)
    posts = selectors.topic_posts(topic, user=request.user, now=now, settings=settings)
    window = timedelta(minutes=settings.edit_minutes)
    for post in posts:
        post.mine = post.author_id == request.user.pk
        post.can_edit = post.mine and post.status == Post.Status.VISIBLE and now - post.created_at <= window
    return _private(
        render(
            request,
            "community/topic.html",
            {
                "topic": topic,
                "posts": posts,
                "form": PostForm(),
                "can_reply": not topic.is_locked or request.user.is_staff,
                "sign_in_url": _sign_in_url(request.path),
                "share_description": text.plain(posts[0].body_html, 200)
                if posts
                else topic.category.description,
            },
        )
    )


@login_required
@require_POST
def topic_reply(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=pk)
    form = PostForm(request.POST)
    back = reverse("community:topic", args=[topic.pk])
    if not form.is_valid():
        return _form_error(request, form, back + "#reply")
    try:
        post = services.topic_reply(author=request.user, topic=topic, body=form.cleaned_data["body"])
    except CommunityRefused as refusal:
        return _refused(request, refusal.code, next_url=back)
    if post.status == Post.Status.HELD:
        messages.info(request, _("Thank you. Your reply will appear once a moderator has seen it."))
    return redirect(post_url(post))


@login_required
@require_POST
def topic_flags(request, pk):
    if not request.user.is_staff:
        return _refused(request, "not_yours")
    topic = get_object_or_404(Topic, pk=pk)
    flag = request.POST.get("flag")
    value = request.POST.get("value") == "1"
    if flag in ("pinned", "locked"):
        services.topic_set_flags(topic=topic, actor=request.user, **{flag: value})
    return redirect("community:topic", topic.pk)


@login_required
def latest(request):
    now = timezone.now()
    readable = _categories_for(request, now)
    return _private(
        render(
            request, "community/latest.html", {"posts": selectors.latest_posts(readable, now=now, limit=50)}
        )
    )


@login_required
def search(request):
    query = " ".join(request.GET.get("q", "").split())[:200]
    readable = _categories_for(request, timezone.now())
    results = selectors.search(readable, query) if query else []
    return _private(render(request, "community/search.html", {"query": query, "results": results}))


@login_required
def member_profile(request, key):
    user_id = profiles.user_id_from_key(key)
    if user_id is None:
        raise Http404
    member = get_object_or_404(
        get_user_model().objects.select_related("community_profile"), pk=user_id, is_active=True
    )
    profile = CommunityProfile.objects.filter(user=member).first() or CommunityProfile(user=member)
    own = member.pk == request.user.pk
    if not (profile.public_profile or own or request.user.is_staff):
        raise Http404
    posts = []
    if profile.show_posts or own:
        posts = selectors.member_recent_posts(member, _categories_for(request, timezone.now()))
    return _private(
        render(
            request,
            "community/profile.html",
            {"member": member, "name": public_name(member), "profile": profile, "posts": posts, "own": own},
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile, _created = CommunityProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your community profile is saved."))
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("community:profile_edit")
        return redirect(target)
    return _private(
        render(request, "community/profile_edit.html", {"form": form}, status=400 if form.errors else 200)
    )


def account_panel(request):
    """The community panel on the member's account page."""
    profile = CommunityProfile.objects.filter(user=request.user).first()
    return {"profile": profile, "reader": reader_for_request(request)}
