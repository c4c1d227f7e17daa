from django.urls import include, path

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
    # Provider webhooks (bounces, complaints): /newsletters/anymail/<esp>/tracking/
    path("anymail/", include("anymail.urls")),
    path("<slug:slug>/", views.archive, name="archive"),
    path("<slug:slug>/<int:pk>/", views.issue, name="issue"),
]
