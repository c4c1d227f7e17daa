from django.urls import path

from . import views, webhooks

app_name = "billing"

urlpatterns = [
    path("membership/", views.pricing, name="pricing"),
    path("membership/start/", views.start, name="start"),
    path("membership/offer/<str:code>/", views.offer_link, name="offer"),
    path("membership/checkout/<uuid:pk>/", views.test_checkout, name="test_checkout"),
    path("membership/checkout/<uuid:pk>/return/", views.checkout_return, name="checkout_return"),
    path("membership/gift/", views.gift_buy, name="gift_buy"),
    path("gift-membership/<str:token>/", views.gift_claim, name="gift_claim"),
    path("account/membership/cancel/", views.cancel, name="cancel"),
    path("account/membership/resume/", views.resume, name="resume"),
    path("account/membership/switch/", views.switch, name="switch"),
    path("account/membership/plan/", views.change_plan, name="change_plan"),
    path("account/membership/card/", views.card, name="card"),
    path("account/membership/card/test/<id:pk>/", views.test_card, name="test_card"),
    path("account/receipts/<id:pk>/", views.receipt, name="receipt"),
    path("account/team/", views.group_manage, name="group_manage"),
    path("join/<str:token>/", views.group_join_invite, name="group_join_invite"),
    path("join/team/<str:token>/", views.group_join_domain, name="group_join_domain"),
    path("webhooks/stripe/", webhooks.stripe_webhook, name="stripe_webhook"),
]
