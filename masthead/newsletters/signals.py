"""Domain signals of the newsletters app, for apps above it (the api app's webhooks)."""

from django.dispatch import Signal

# An issue finished sending: every planned delivery is sent or failed for good
# (sending.finish_if_done). Sent once per issue, after the change commits. Not sent for test sends.
issue_sent = Signal()  # issue_id
