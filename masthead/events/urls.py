from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/calendar.ics", views.calendar_feed, name="calendar"),
    path("events/<id:event_id>/calendar.ics", views.event_calendar, name="event_calendar"),
    path("tickets/buy/<id:ticket_type_id>/", views.buy, name="buy"),
    path("tickets/waitlist/<id:ticket_type_id>/", views.waitlist_join, name="waitlist_join"),
    path("tickets/offer/<str:token>/", views.waitlist_offer, name="waitlist_offer"),
    path("tickets/order/<uuid:pk>/", views.order, name="order"),
    path("tickets/<str:code>/", views.ticket, name="ticket"),
]
