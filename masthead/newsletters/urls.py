from django.urls import path

from masthead.core import email_webhooks

from . import views

app_name = "newsletters"

urlpatterns = [
    path("", views.index, name="index"),
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/<slug:slug>/", views.unsubscribe, name="unsubscribe"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("account/", views.account_choices, name="account_choices"),
    path("subscribe/", views.member_subscribe, name="member_subscribe"),
    path("o/<str:track>.gif", views.open_pixel, name="open"),
    path("c/<str:track>/", views.click, name="click"),
    # The configured provider's webhook (bounces, complaints): /newsletters/anymail/<esp>/tracking/
    path("anymail/<slug:esp>/<slug:kind>/", email_webhooks.tracking, name="provider_webhook"),
    path("<slug:slug>/", views.archive, name="archive"),
    path("<slug:slug>/<id:pk>/", views.issue, name="issue"),
]
