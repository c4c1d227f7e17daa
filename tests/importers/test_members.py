"""Members from Ghost, Substack and a plain CSV: accounts, consent, complimentary access, and
every bad row reported with its line while the good ones go in."""

from datetime import UTC, datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core.management.base import CommandError

from masthead.access.models import Grant
from masthead.importers.models import ImportedObject
from masthead.members.models import Profile
from masthead.newsletters.models import Newsletter, Subscriber, Subscription

from .conftest import FIXTURES, render_fixture
from .helpers import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def ghost_members(tmp_path):
    return render_fixture(
        "ghost_members.csv", tmp_path / "members.csv", CUSTOMER_ERIN="cus_erin", CUSTOMER_FRANK="cus_frank"
    )


@pytest.fixture
def letters(db):
    # One default newsletter, so "the defaults" is a known set.
    daily = Newsletter.objects.filter(subscribe_new_members=True).order_by("pk").first()
    Newsletter.objects.filter(subscribe_new_members=True).exclude(pk=daily.pk).update(
        subscribe_new_members=False
    )
    briefing = Newsletter.objects.create(
        name="Test Briefing", slug="test-briefing", sender_name="Desk", sender_email="desk@example.com"
    )
    return daily, briefing


def choices(email):
    subscriber = Subscriber.objects.filter(user__email=email).first()
    if subscriber is None:
        return set()
    return set(
        Subscription.objects.filter(subscriber=subscriber, ended_at=None).values_list(
            "newsletter__slug", flat=True
        )
    )


def test_ghost_members_come_with_names_notes_labels_consent_and_complimentary_access(ghost_members, letters):
    daily, _briefing = letters
    output = run_import("import_members", "ghost", ghost_members)
    assert "member: 6 created, 3 failed" in output
    assert "line 5: not-an-address is not an email address" in output
    assert "line 6: alice@example.com appears again (first on line 2)" in output
    assert "line 7: deleted in Ghost" in output
    assert "Stripe is not configured" in output

    alice = User.objects.get(email="alice@example.com")
    assert EmailAddress.objects.get(user=alice).verified
    assert not alice.has_usable_password()
    profile = Profile.objects.get(user=alice)
    assert (profile.display_name, profile.note, profile.labels) == (
        "Alice Reader",
        "Met at a conference",
        ["vip", "early"],
    )
    assert alice.date_joined == datetime(2022, 1, 5, 10, tzinfo=UTC)
    assert choices("alice@example.com") == {daily.slug}, "consent → the default newsletters"
    assert choices("bob@example.com") == set(), "no consent, no newsletter"

    carol = User.objects.get(email="carol@example.com")
    grant = Grant.objects.get(user=carol)
    assert grant.source == "complimentary" and grant.level == "premium" and grant.ends_at is not None
    assert not Grant.objects.filter(user__email="erin@example.com").exists(), (
        "no subscription linked without Stripe"
    )


def test_a_second_run_creates_nothing_and_keeps_an_unsubscribe(ghost_members, letters):
    daily, _briefing = letters
    run_import("import_members", "ghost", ghost_members)
    counts = (
        User.objects.count(),
        Grant.objects.count(),
        Subscription.objects.count(),
        ImportedObject.objects.count(),
    )
    alice = Subscriber.objects.get(user__email="alice@example.com")
    Subscription.objects.filter(subscriber=alice).update(ended_at=datetime(2024, 1, 1, tzinfo=UTC))
    output = run_import("import_members", "ghost", ghost_members)
    # The three paying members are tried again (Stripe may be configured by now); nothing else.
    assert "member: 3 failed, 3 skipped, 3 updated" in output
    assert (
        User.objects.count(),
        Grant.objects.count(),
        Subscription.objects.count(),
        ImportedObject.objects.count(),
    ) == counts
    assert choices("alice@example.com") == set(), "the reader's unsubscribe here stands"


def test_plain_csv_names_newsletters_and_complimentary_end_dates(tmp_path, letters):
    daily, briefing = letters
    output = run_import("import_members", "csv", FIXTURES / "plain_members.csv")
    assert "member: 3 created" in output
    assert "newsletter 'No Such Letter' does not exist here" in output
    assert choices("uma@example.com") == {briefing.slug}
    assert choices("vic@example.com") == {daily.slug}
    assert Profile.objects.get(user__email="uma@example.com").labels == ["board", "founder"]
    grant = Grant.objects.get(user__email="uma@example.com")
    assert grant.ends_at.date().isoformat() == "2030-06-30"


def test_substack_subscribers_keep_comps_and_email_choices(letters):
    daily, _briefing = letters
    run_import("import_members", "substack", FIXTURES / "substack_subscribers.csv")
    assert choices("sam@example.com") == {daily.slug}
    assert choices("quiet@example.com") == set(), "email_disabled means no newsletter"
    grant = Grant.objects.get(user__email="pat@example.com")
    assert grant.source == "complimentary" and grant.ends_at.year == 2031


def test_bad_member_files_are_refused_with_a_reason_and_nothing_is_written(tmp_path):
    users = User.objects.count()
    with pytest.raises(CommandError, match=r"line 1: missing column\(s\) email"):
        run_import("import_members", "csv", FIXTURES / "no_email_column.csv")
    with pytest.raises(CommandError, match=r"not UTF-8 text \(line 3"):
        run_import("import_members", "csv", FIXTURES / "latin1.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(CommandError, match="the file is empty"):
        run_import("import_members", "csv", empty)
    with pytest.raises(CommandError, match="plan map entry 'nonsense'"):
        run_import("import_members", "csv", FIXTURES / "plain_members.csv", "--plan-map", "nonsense")
    assert User.objects.count() == users


def test_a_member_dry_run_writes_nothing(ghost_members):
    counts = (
        User.objects.count(),
        Grant.objects.count(),
        Subscription.objects.count(),
        Profile.objects.count(),
    )
    output = run_import("import_members", "ghost", ghost_members, "--dry-run")
    assert "member: 6 created, 3 failed" in output and "complimentary access: 1 granted" in output
    assert (
        User.objects.count(),
        Grant.objects.count(),
        Subscription.objects.count(),
        Profile.objects.count(),
    ) == counts
