"""The admin API's URL patterns as a URLconf module, so masthead/urls.py can import it on first use
(core.lazy_urls): it is the only thing that needs django-ninja and pydantic in a web process."""

from .urls import api

urlpatterns, _app_name, _namespace = api.urls
