"""Domain signals of the newsroom app, for apps above it (the api app's webhooks)."""

from django.dispatch import Signal

# A reader's message reached the newsroom: a new thread (services.thread_open) or the sender's
# reply in one (services.thread_sender_reply, on the site or by email). Sent after the change
# commits. Not sent for staff replies or internal notes, nor for bot submissions (honeypot).
message_received = Signal()  # thread_id, message_id, new_thread
