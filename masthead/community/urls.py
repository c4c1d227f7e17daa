from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.index, name="index"),
    path("latest/", views.latest, name="latest"),
    path("search/", views.search, name="search"),
    path("c/<slug:slug>/", views.category, name="category"),
    path("c/<slug:slug>/new/", views.topic_new, name="topic_new"),
    path("t/<id:pk>/", views.topic, name="topic"),
    path("t/<id:pk>/reply/", views.topic_reply, name="topic_reply"),
    path("t/<id:pk>/flags/", views.topic_flags, name="topic_flags"),
    path("articles/<id:article_id>/comments/", views.comment_create, name="comment_create"),
    path("posts/<id:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<id:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<id:pk>/like/", views.post_like, name="post_like"),
    path("posts/<id:pk>/report/", views.post_report, name="post_report"),
    path("members/<str:key>/", views.member_profile, name="member_profile"),
    path("profile/", views.profile_edit, name="profile_edit"),
]
