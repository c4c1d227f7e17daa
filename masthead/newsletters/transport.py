"""Handing one personalised message to the configured mail backend, and what came of it.

Every delivery goes claimed → **unconfirmed** (recorded just before the message leaves) → sent
(once the server or provider has said it took it). A worker killed in between leaves the delivery
unconfirmed: it is never sent again (at most once), a provider's tracking event may still confirm
it (services.delivery_reconcile), and staff see the rest by name on the issue's page.

Plain SMTP (Django's SMTP backend, the default) is driven by hand so that the window is as small
as it can be: the delivery is recorded before the final "." of DATA (the server takes a message
only on that dot) and confirmed on the server's 250. An anymail provider with batch sending (one
API call, many recipients, per-recipient merge data and headers) gets one call per variant and
batch (`BatchTransport`). Any other backend — other providers, the dev mailbox, Django's test
outbox — gets an EmailMessage per recipient through its own `send_messages`. Provider messages
carry the delivery's key in anymail's metadata, which comes back in tracking events.
"""

import re
import smtplib
import socket
from dataclasses import dataclass

from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend

OK, RETRY, FAILED, LOST, UNSURE = "ok", "retry", "failed", "lost", "unsure"
# The anymail metadata key naming a delivery ("<issue id>.<delivery id>").
METADATA_KEY = "masthead_delivery"


@dataclass
class Outcome:
    status: str
    detail: str = ""
    # The recipient's address was refused outright (a hard bounce at SMTP time).
    refused: bool = False


def classify(code, response):
    text = response.decode("utf8", "replace") if isinstance(response, bytes) else str(response)
    detail = f"{code} {text}"[:300]
    if 400 <= code < 500:
        return Outcome(RETRY, detail)
    return Outcome(FAILED, detail)


# Merge-field syntax of providers whose batch API takes inline content (anymail's `merge_data`
# and `merge_headers`); each `{}` is a field name. Providers not listed get one call per message.
MERGE_FIELD_FORMATS = {
    "mailgun": "%recipient.{}%",
    "mailjet": "[[var:{}]]",
    "mandrill": "*|{}|*",
    "postmark": "{{{{{}}}}}",
    "sparkpost": "{{{{{}}}}}",
}
# Recipients per API call (Mailgun and SparkPost take 1,000; Postmark's batch endpoint 500).
BATCH_LIMIT = 500


# An address smtplib.quoteaddr would return unchanged inside <>: no parsing needed (quoteaddr
# parses every address with email.utils, a noticeable share of a send's time per recipient).
_PLAIN_ADDRESS = re.compile(r'[^\s<>()",;:\\\[\]@]+@[^\s<>()",;:\\\[\]@]+\Z')


def quote(address):
    return f"<{address}>" if _PLAIN_ADDRESS.match(address) else smtplib.quoteaddr(address)


# The replies that let a message go on: MAIL, then RCPT, then DATA.
ENVELOPE_ACCEPTED = ((250,), (250, 251), (354,))


def open_transport():
    backend = get_connection(fail_silently=False)
    if isinstance(backend, SmtpBackend):
        return SmtpTransport(backend)
    esp = getattr(backend, "esp_name", "").lower().replace(" ", "_")
    if esp in MERGE_FIELD_FORMATS:
        return BatchTransport(backend, MERGE_FIELD_FORMATS[esp])
    return BackendTransport(backend)


class SmtpTransport:
    kind = "smtp"

    def __init__(self, backend):
        self.backend = backend
        self.conn = None
        # ((from, to), replies) of an envelope sent behind the last message's dot (see send).
        self.ahead = None

    def open(self):
        if self.conn is None:
            self.backend.open()
            self.conn = self.backend.connection
            # The final dot is a separate small write after the message (see send); without
            # TCP_NODELAY, Nagle's algorithm holds it until the server's delayed ACK (~40 ms).
            self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.conn.ehlo_or_helo_if_needed()
            # The message is 8bit UTF-8 text (see render.short_lines); say so where the server listens.
            self.mail_options = ["BODY=8BITMIME"] if self.conn.has_extn("8bitmime") else []
            # RFC 2920: MAIL, RCPT and DATA go in one write and their replies are read after, one
            # round trip instead of three per message (over a real network, most of a send's time).
            self.pipelining = self.conn.has_extn("pipelining")

    def close(self):
        if self.ahead is not None:
            # The server may be waiting for a message after 354: QUIT would be read as its text;
            # hanging up makes it throw the unfinished message away.
            self._drop()
            return
        try:
            self.backend.close()
        finally:
            self.conn = None

    def _drop(self):
        try:
            if self.conn is not None:
                self.conn.close()
        except Exception:  # noqa: BLE001, S110 - the connection is being thrown away anyway
            pass
        self.conn = None
        self.ahead = None
        self.backend.connection = None

    def send(
        self,
        *,
        data,
        from_addr,
        to,
        record,
        confirm,
        key="",
        template=None,
        values=None,
        then=None,
        record_next=None,
    ):
        """Send `data` (dot-stuffed MIME bytes). `record()` marks the delivery unconfirmed and
        returns False if this worker no longer owns it; it runs once the server waits for the
        message (354), before any of it is written. `confirm()` marks it sent, on the server's 250.

        `then` = (from, to) of the message that comes next: its envelope goes in the same write
        as this message's dot (RFC 2920 lets a group start with a message's end), so the server's
        "taken" and its replies to the next envelope come back in one round trip — one wait per
        message instead of two. The server only ever holds the next message without its dot,
        which it throws away if the connection drops, so nothing is sent twice.

        `record_next()` starts the write that hands the next message over (Recorder.hand_over_ahead)
        when its envelope goes ahead: the database works while the server reads this message;
        that message's own `record()` reads the answer before its dot leaves."""
        if self.ahead is not None and self.ahead[0] != (from_addr, to):
            # Not the message announced: the server may wait for that one's text; start afresh.
            self._drop()
        try:
            self.open()
            conn = self.conn
            if not (from_addr.isascii() and to.isascii()) and not conn.has_extn("smtputf8"):
                # RFC 6531: an address beyond ASCII needs a server that offers SMTPUTF8. This one
                # does not, so this recipient fails alone (smtplib would raise mid-batch).
                return Outcome(FAILED, "the address is not ASCII and the mail server does not offer SMTPUTF8")
            refusal = self._envelope(conn, from_addr, to)
        except (OSError, smtplib.SMTPException) as error:
            self._drop()
            return Outcome(RETRY, f"{type(error).__name__}: {error}"[:300])
        if refusal is not None:
            return refusal
        # The server waits for the message (354). Recorded before any of it leaves, then the
        # message, its final dot and the next envelope in one write: the server takes the message
        # only on that dot, and the recording is the only thing between the two.
        try:
            if not record():
                self._drop()  # another worker took this delivery over; send nothing
                return Outcome(LOST)
            if not data.endswith(b"\r\n"):
                data += b"\r\n"
            ahead = self._commands(*then) if then is not None and self.pipelining else b""
            if ahead and record_next is not None:
                record_next()
        except BaseException:
            # The recording failed (the database is down): the server waits for this message's
            # text, so a polite QUIT would be read as part of it and wait out the socket timeout.
            # Hanging up makes the server throw the unfinished message away at once.
            self._drop()
            raise
        try:
            conn.send(data + b".\r\n" + ahead)
            code, response = conn.getreply()
        except (OSError, smtplib.SMTPException) as error:
            # The dot may or may not have arrived: it stays unconfirmed (at most once).
            self._drop()
            return Outcome(UNSURE, f"connection lost after the message: {error}"[:300])
        if ahead:
            try:
                self.ahead = (then, [conn.getreply() for _command in ("mail", "rcpt", "data")])
            except (OSError, smtplib.SMTPException):
                self._drop()  # this message's outcome is known; the next one opens anew
        if code == 250:
            confirm()
            return Outcome(OK)
        return classify(code, response)

    def _command_text(self, from_addr, to):
        options = "".join(" " + option for option in self.mail_options)
        return f"mail FROM:{quote(from_addr)}{options}\r\nrcpt TO:{quote(to)}\r\ndata\r\n"

    def _commands(self, from_addr, to):
        """MAIL, RCPT and DATA as one pipelined write; b"" if an address is not ASCII (that
        envelope then goes on its own, as before)."""
        try:
            return self._command_text(from_addr, to).encode("ascii")
        except UnicodeEncodeError:
            return b""

    def _envelope(self, conn, from_addr, to):
        """MAIL, RCPT, DATA. None once the server waits for the message (354); else the Outcome,
        with the connection ready for the next message."""
        ahead, self.ahead = self.ahead, None
        utf8 = not (from_addr.isascii() and to.isascii())
        if ahead is not None:
            replies = ahead[1]  # sent behind the last message's dot (see send), already answered
        elif self.pipelining and not utf8:
            conn.send(self._command_text(from_addr, to))
            replies = [conn.getreply() for _command in ("mail", "rcpt", "data")]
        else:
            # smtplib sends the envelope as UTF-8 once MAIL carries SMTPUTF8 (send checked it is offered).
            replies = [conn.mail(from_addr, [*self.mail_options, "SMTPUTF8"] if utf8 else self.mail_options)]
            if replies[-1][0] == 250:
                replies.append(conn.rcpt(to))
            if replies[-1][0] in (250, 251):
                replies.append(conn.docmd("data"))
        refusals = [
            (step, reply)
            for step, (reply, accepted) in enumerate(zip(replies, ENVELOPE_ACCEPTED, strict=False))
            if reply[0] not in accepted
        ]
        if not refusals:
            return None  # 354: the server waits for the message
        step, (code, response) = refusals[0]
        if replies[-1][0] == 354:
            # A refused MAIL or RCPT, yet DATA accepted (a server breaking RFC 2920): nothing
            # of the message was sent; dropping the connection is the one way to send none.
            self._drop()
        else:
            conn.rset()
        outcome = classify(code, response)
        outcome.refused = step == 1 and outcome.status == FAILED  # the recipient, not the sender
        return outcome


class BackendTransport:
    kind = "backend"

    def __init__(self, backend):
        self.backend = backend

    def open(self):
        self.backend.open()

    def close(self):
        self.backend.close()

    def send(
        self,
        *,
        data,
        from_addr,
        to,
        record,
        confirm,
        key="",
        template=None,
        values=None,
        then=None,
        record_next=None,
    ):
        # Lazy: anymail is loaded by the sends that go through an email backend other than SMTP
        # (an ESP, the dev mailbox), never by a process that only reads pages (memory).
        from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

        message = template.as_email(values)
        message.from_email = message.from_email or from_addr
        message.metadata = {METADATA_KEY: key}  # anymail backends send it; others ignore it
        if not record():
            return Outcome(LOST)
        try:
            count = self.backend.send_messages([message])
        except AnymailRecipientsRefused as error:
            return Outcome(FAILED, str(error)[:300], refused=True)
        except AnymailAPIError as error:
            return api_error_outcome(error)
        except (OSError, smtplib.SMTPException) as error:
            return Outcome(RETRY, f"{type(error).__name__}: {error}"[:300])
        status = getattr(getattr(message, "anymail_status", None), "status", None) or set()
        if status & {"rejected", "invalid"}:
            return Outcome(FAILED, ", ".join(sorted(status)), refused=True)
        if not count:
            return Outcome(RETRY, "the backend did not take the message")
        confirm()
        return Outcome(OK)


def api_error_outcome(error):
    """A provider's answer refusing the call; no answer at all (a timeout, a dropped connection)
    leaves it unknown whether the provider took the message: unsure, so never sent twice."""
    status = getattr(error, "status_code", None)
    if status is None:
        return Outcome(UNSURE, str(error)[:300])
    if 400 <= status < 500 and status != 429:
        return Outcome(FAILED, str(error)[:300])
    return Outcome(RETRY, str(error)[:300])


class BatchTransport(BackendTransport):
    """One provider API call for many recipients of the same variant."""

    kind = "batch"

    def __init__(self, backend, field_format):
        super().__init__(backend)
        self.field_format = field_format

    def send_many(self, *, template, items, from_addr, metadata=None):
        """`items`: [(key, address, values)]; `metadata`: {key: delivery key}. Returns
        {key: Outcome}; records nothing itself (the caller records all as unconfirmed first)."""
        # Lazy: anymail is loaded by the sends that go through an email backend other than SMTP
        # (an ESP, the dev mailbox), never by a process that only reads pages (memory).
        from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

        message = template.as_batch_email(self.field_format)
        message.to = [address for _key, address, _values in items]
        message.merge_data, message.merge_headers, message.merge_metadata = {}, {}, {}
        for key, address, values in items:
            message.merge_data[address], message.merge_headers[address] = template.merge_values(values)
            message.merge_metadata[address] = {METADATA_KEY: (metadata or {}).get(key, "")}
        try:
            self.backend.send_messages([message])
        except AnymailRecipientsRefused as error:
            return {key: Outcome(FAILED, str(error)[:300], refused=True) for key, _a, _v in items}
        except AnymailAPIError as error:
            outcome = api_error_outcome(error)
            return {key: Outcome(outcome.status, outcome.detail) for key, _a, _v in items}
        except (OSError, smtplib.SMTPException) as error:
            return {key: Outcome(RETRY, f"{type(error).__name__}: {error}"[:300]) for key, _a, _v in items}
        recipients = getattr(getattr(message, "anymail_status", None), "recipients", {}) or {}
        outcomes = {}
        for key, address, _values in items:
            status = getattr(recipients.get(address), "status", None)
            if status in ("rejected", "invalid"):
                outcomes[key] = Outcome(FAILED, status, refused=True)
            elif status == "failed":
                outcomes[key] = Outcome(RETRY, status)
            else:
                outcomes[key] = Outcome(OK)
        return outcomes
