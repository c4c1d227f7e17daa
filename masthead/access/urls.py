from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("membership/benefits/", views.membership, name="membership"),
    path("gift/new/", views.gift_create, name="gift_create"),
    path("gift/created/<id:pk>/", views.gift_created, name="gift_created"),
    path("gift/<str:token>/", views.gift_open, name="gift_open"),
    path("me/parts/", views.personal_parts, name="personal_parts"),
    # The same gift, read in another edition (the article's translation): one story, one gift.
    path("gift/<str:token>/<str:language>/", views.gift_open, name="gift_open_in"),
]
