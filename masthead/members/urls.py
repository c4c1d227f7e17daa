from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.account, name="account"),
    path("my-data.json", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
]
