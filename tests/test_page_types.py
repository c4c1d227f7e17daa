"""Where each page model may live in the page tree, with Wagtail's own page-type assertions.

Every page model of every app is listed here (the last test fails when one is added without
being listed): the home page under the root only, sections, the author index and the events
index under the home page, articles under sections, authors under the author index, events under
the events index, and nothing under an article, an author or an event.
"""

from django.apps import apps
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from masthead.content.models import ArticlePage, AuthorIndexPage, AuthorPage, HomePage, SectionPage
from masthead.events.models import EventIndexPage, EventPage

TREE = {
    # page model: (allowed parents, allowed children)
    HomePage: ({Page}, {SectionPage, AuthorIndexPage, EventIndexPage}),
    SectionPage: ({HomePage}, {ArticlePage}),
    AuthorIndexPage: ({HomePage}, {AuthorPage}),
    AuthorPage: ({AuthorIndexPage}, set()),
    ArticlePage: ({SectionPage}, set()),
    EventIndexPage: ({HomePage}, {EventPage}),
    EventPage: ({EventIndexPage}, set()),
}


class PageTreeTests(WagtailPageTestCase):
    def test_each_page_type_has_its_parents(self):
        for model, (parents, _children) in TREE.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, parents)

    def test_each_page_type_has_its_children(self):
        for model, (_parents, children) in TREE.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedSubpageTypes(model, children)

    def test_pages_can_be_created_where_they_belong_and_not_elsewhere(self):
        # Below the singletons (home, author index, events index: max_count = 1, which the demo
        # in the test database already fills) every type can be created where it belongs.
        self.assertCanCreateAt(HomePage, SectionPage)
        self.assertCanCreateAt(SectionPage, ArticlePage)
        self.assertCanCreateAt(AuthorIndexPage, AuthorPage)
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(SectionPage, SectionPage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)
        self.assertCanNotCreateAt(AuthorPage, ArticlePage)

    def test_every_page_model_is_listed(self):
        ours = {
            model
            for model in apps.get_models()
            if issubclass(model, Page) and model is not Page and model.__module__.startswith("masthead.")
        }
        assert ours == set(TREE)
