from django.urls import path

from masthead.core import email_webhooks

from . import views

app_name = "newsroom"

urlpatterns = [
    path("", views.write, name="write"),
    path("conversations/<id:pk>/", views.thread, name="thread"),
    path("conversations/<id:pk>/consent/", views.consent, name="consent"),
    # Replies by email: a provider's inbound route posts to /newsroom/inbound/<esp>/inbound/.
    path("inbound/<slug:esp>/<slug:kind>/", email_webhooks.inbound, name="inbound_webhook"),
]
