"""Domain signals of the content app, for apps above it (the api app's webhooks).

Each is sent after the change commits, with ids only: receivers load what they need.
"""

from django.dispatch import Signal

# An article went live for the first time (Wagtail's first publication of the page).
# Not sent for later publications (article_updated), nor for scheduled publication before it happens.
article_published = Signal()  # article_id

# A live article was published again (a new revision, or a republication after unpublishing).
article_updated = Signal()  # article_id

# A live article was taken down (unpublished). Not sent when a page is deleted without unpublishing.
article_unpublished = Signal()  # article_id
