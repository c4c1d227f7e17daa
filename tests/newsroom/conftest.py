import pytest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    """Attachments go to a fresh directory per test (the `newsroom` storage on the local disk)."""
    settings.NEWSROOM_PRIVATE_DIR = tmp_path / "private"
    newsroom = {**settings.STORAGES["newsroom"]}
    newsroom["OPTIONS"] = {**newsroom.get("OPTIONS", {}), "location": str(settings.NEWSROOM_PRIVATE_DIR)}
    settings.STORAGES = {**settings.STORAGES, "newsroom": newsroom}
    return settings.NEWSROOM_PRIVATE_DIR


@pytest.fixture
def editor(demo, django_user_model):
    """The demo editor: handles the inbox, may not see confidential senders."""
    return django_user_model.objects.get(username="editor")


@pytest.fixture
def writer(demo, django_user_model):
    return django_user_model.objects.get(username="writer")


@pytest.fixture
def chief(demo, django_user_model):
    """An editor who may also see confidential senders."""
    from django.contrib.auth.models import Group, Permission

    user = django_user_model.objects.create_user(
        "chief", "chief@masthead.localhost", "pw-chief-1", is_staff=True, first_name="Chief"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(Permission.objects.get(codename="view_confidential_sender"))
    return user


@pytest.fixture
def question(paying_user):
    from masthead.newsroom.services import thread_open

    return thread_open(
        kind="question",
        subject="How do you verify leaked documents?",
        body="I read your story on the factory and wondered how you check documents.",
        sender=paying_user,
        client_ip="10.0.0.1",
    )
