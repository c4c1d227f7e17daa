from django.urls import path

from . import feeds, views

app_name = "content"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("tags/", views.tag_index, name="tag_index"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("archive/", views.archive_index, name="archive"),
    path("archive/<int:year>/", views.archive_period, name="archive_year"),
    path("archive/<int:year>/<int:month>/", views.archive_period, name="archive_month"),
    path("feeds/rss/", feeds.ArticleFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.ArticleAtomFeed(), name="feed_atom"),
    path("feeds/section/<slug:slug>/rss/", feeds.SectionFeed(), name="feed_section_rss"),
    path("feeds/section/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="feed_section_atom"),
    path("feeds/author/<slug:slug>/rss/", feeds.AuthorFeed(), name="feed_author_rss"),
    path("feeds/author/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="feed_author_atom"),
]
