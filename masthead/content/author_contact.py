"""Messages to an author from their page: content owns the form, the newsroom app the inbox.

The newsroom registers a handler in NewsroomConfig.ready(), so content never imports it:

    handler(author=, sender=, sender_name=, sender_email=, body=, client_ip=, honeypot=)
        -> None once the message is on its way, or the refusal's message for the form.
"""

_handler = None


def register(handler):
    global _handler
    _handler = handler


def send(**message):
    if _handler is None:
        raise LookupError("no author contact handler registered (the newsroom app registers it)")
    return _handler(**message)
