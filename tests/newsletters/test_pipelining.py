"""The SMTP transport pipelines the envelope (RFC 2920) when the server offers it.

The server here answers an envelope only once MAIL, RCPT and DATA have all arrived, so a client
that waits for each reply before the next command stalls it and the message is not sent.
"""

import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import get_connection

from masthead.newsletters.transport import FAILED, OK, RETRY, SmtpTransport

from .conftest import free_port

pytestmark = pytest.mark.integration

MESSAGE = b"From: bench@example.com\r\nSubject: Hello\r\n\r\nHello.\r\n"


class PipeliningServer(threading.Thread):
    """One connection at a time; `replies[address]` = (RCPT reply, DATA reply) for an envelope."""

    def __init__(self):
        super().__init__(daemon=True)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.replies = {}
        self.messages = []  # (recipient, body) the server took
        self.commands = []  # every command, in order
        self.connections = 0
        # Per message taken: had the next envelope already arrived with its final dot?
        self.ahead = []
        self.stalled = False
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            try:
                conn, _addr = self.listener.accept()
            except TimeoutError:
                continue
            self.connections += 1
            with conn:
                conn.settimeout(2)
                try:
                    self.converse(conn, conn.makefile("rb"))
                except (TimeoutError, OSError, ValueError):
                    pass

    @staticmethod
    def buffered(conn, lines):
        """What the client has sent beyond what was read, without waiting for more."""
        conn.settimeout(0)
        try:
            return lines.peek(16)
        except BlockingIOError:
            return b""
        finally:
            conn.settimeout(2)

    def converse(self, conn, lines):
        conn.sendall(b"220 test ESMTP\r\n")
        while True:
            line = lines.readline()
            if not line:
                return
            command = line.decode().strip()
            self.commands.append(command)
            verb = command.split(" ", 1)[0].upper()
            if verb == "EHLO":
                conn.sendall(b"250-test\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
            elif verb in ("RSET", "NOOP"):
                conn.sendall(b"250 OK\r\n")
            elif verb == "QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            elif verb == "MAIL":
                try:
                    rcpt = lines.readline().decode().strip()
                    data = lines.readline().decode().strip()
                except TimeoutError:
                    self.stalled = True  # the client waits for MAIL's reply: no pipelining
                    raise
                self.commands += [rcpt, data]
                recipient = rcpt.split(":", 1)[1].strip("<> ")
                rcpt_reply, data_reply = self.replies.get(recipient, ("250 OK", "354 go ahead"))
                conn.sendall(f"250 OK\r\n{rcpt_reply}\r\n{data_reply}\r\n".encode())
                if data_reply.startswith("354"):
                    body = b""
                    while not body.endswith(b"\r\n.\r\n"):
                        line = lines.readline()
                        if not line:
                            return  # hung up before the final dot: the message is not taken
                        body += line
                    self.messages.append((recipient, body))
                    self.ahead.append(self.buffered(conn, lines).lower().startswith(b"mail from:"))
                    conn.sendall(b"250 taken\r\n")
            else:
                conn.sendall(b"500 what\r\n")


@pytest.fixture
def server():
    server = PipeliningServer()
    server.start()
    yield server
    server.stop.set()
    server.join(5)


@pytest.fixture
def transport(server):
    backend = get_connection(
        "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=server.port, timeout=5
    )
    transport = SmtpTransport(backend)
    yield transport
    transport.close()


def send(transport, to, marks, then=None):
    return transport.send(
        data=MESSAGE,
        from_addr="bench@example.com",
        to=to,
        record=lambda: marks.append(("unconfirmed", to)) or True,
        confirm=lambda: marks.append(("sent", to)),
        then=("bench@example.com", then) if then else None,
    )


def test_the_envelope_goes_in_one_write_and_each_message_once(server, transport):
    marks = []
    assert send(transport, "a@example.com", marks).status == OK
    assert send(transport, "b@example.com", marks).status == OK
    assert not server.stalled
    assert [r for r, _body in server.messages] == ["a@example.com", "b@example.com"]
    assert server.messages[0][1].startswith(MESSAGE)
    assert marks == [
        ("unconfirmed", "a@example.com"),
        ("sent", "a@example.com"),
        ("unconfirmed", "b@example.com"),
        ("sent", "b@example.com"),
    ]
    assert "BODY=8BITMIME" in server.commands[1]  # MAIL, after EHLO
    assert server.connections == 1


def test_a_refused_recipient_fails_alone_and_the_connection_goes_on(server, transport):
    server.replies["gone@example.com"] = ("550 5.1.1 no such user", "503 no valid recipients")
    server.replies["later@example.com"] = ("451 4.3.0 try again", "503 no valid recipients")
    marks = []
    gone = send(transport, "gone@example.com", marks)
    later = send(transport, "later@example.com", marks)
    ok = send(transport, "ok@example.com", marks)
    assert (gone.status, gone.refused, "550" in gone.detail) == (FAILED, True, True)
    assert (later.status, later.refused) == (RETRY, False)
    assert ok.status == OK
    assert [r for r, _body in server.messages] == ["ok@example.com"]
    assert marks == [("unconfirmed", "ok@example.com"), ("sent", "ok@example.com")]
    assert [c.upper() for c in server.commands].count("RSET") == 2
    assert server.connections == 1


def test_data_accepted_after_a_refused_recipient_sends_nothing(server, transport):
    """A server that says 354 although it refused the recipient: the transport hangs up rather
    than send a message nobody asked for, and the next message goes on a new connection."""
    server.replies["gone@example.com"] = ("550 5.1.1 no such user", "354 go ahead anyway")
    marks = []
    gone = send(transport, "gone@example.com", marks)
    ok = send(transport, "ok@example.com", marks)
    assert (gone.status, gone.refused) == (FAILED, True)
    assert ok.status == OK
    assert [r for r, _body in server.messages] == ["ok@example.com"]
    assert server.connections == 2


def test_the_next_envelope_rides_with_the_final_dot(server, transport):
    """One round trip per message: the server finds the next MAIL/RCPT/DATA already there when a
    message ends, and its replies come back with its "taken"."""
    marks = []
    assert send(transport, "a@example.com", marks, then="b@example.com").status == OK
    assert send(transport, "b@example.com", marks, then="c@example.com").status == OK
    assert send(transport, "c@example.com", marks).status == OK
    assert [r for r, _body in server.messages] == ["a@example.com", "b@example.com", "c@example.com"]
    assert server.ahead == [True, True, False]
    assert all(body == MESSAGE + b".\r\n" for _r, body in server.messages)
    assert [m for m, _to in marks] == ["unconfirmed", "sent"] * 3
    assert server.connections == 1 and not server.stalled


def test_an_envelope_sent_ahead_and_refused_fails_alone(server, transport):
    server.replies["gone@example.com"] = ("550 5.1.1 no such user", "503 no valid recipients")
    marks = []
    assert send(transport, "a@example.com", marks, then="gone@example.com").status == OK
    gone = send(transport, "gone@example.com", marks, then="c@example.com")
    assert (gone.status, gone.refused) == (FAILED, True)
    assert send(transport, "c@example.com", marks).status == OK
    assert [r for r, _body in server.messages] == ["a@example.com", "c@example.com"]
    assert ("unconfirmed", "gone@example.com") not in marks
    assert server.connections == 1


def test_an_envelope_sent_ahead_and_not_used_sends_nothing(server, transport):
    """The server waits (354) for a message that will not come: hanging up is the only way to
    send none (QUIT or RSET would be read as its text); the next message opens a new connection."""
    marks = []
    assert send(transport, "a@example.com", marks, then="b@example.com").status == OK
    assert send(transport, "c@example.com", marks).status == OK  # not the one announced
    assert send(transport, "d@example.com", marks, then="e@example.com").status == OK
    transport.close()  # the batch ends with "e" announced
    assert [r for r, _body in server.messages] == ["a@example.com", "c@example.com", "d@example.com"]
    assert server.connections == 2
    assert ("unconfirmed", "b@example.com") not in marks and ("unconfirmed", "e@example.com") not in marks


def test_an_address_beyond_ascii_fails_alone_where_the_server_has_no_smtputf8(server, transport):
    """smtplib encodes commands as ASCII: without this check the whole batch stopped on a
    UnicodeEncodeError. The recipient fails with a reason; the next message goes on as before."""
    marks = []
    assert send(transport, "a@example.com", marks, then="读者@example.com").status == OK
    outcome = send(transport, "读者@example.com", marks, then="c@example.com")
    assert outcome.status == FAILED and "SMTPUTF8" in outcome.detail
    assert send(transport, "c@example.com", marks).status == OK
    assert [r for r, _body in server.messages] == ["a@example.com", "c@example.com"]
    assert ("unconfirmed", "读者@example.com") not in marks


def test_an_address_beyond_ascii_is_sent_with_smtputf8_where_offered():
    """A real SMTP server (aiosmtpd) that offers SMTPUTF8 takes the message for 读者@example.com."""
    taken = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            taken.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.smtp_utf8))
            return "250 taken"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, enable_SMTPUTF8=True)
    controller.start()
    try:
        backend = get_connection(
            "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=port, timeout=5
        )
        transport = SmtpTransport(backend)
        marks = []
        try:
            assert send(transport, "a@example.com", marks, then="读者@example.com").status == OK
            assert send(transport, "读者@example.com", marks).status == OK
        finally:
            transport.close()
    finally:
        controller.stop()
    assert taken == [
        ("bench@example.com", ["a@example.com"], False),
        ("bench@example.com", ["读者@example.com"], True),
    ]
    assert marks[-1] == ("sent", "读者@example.com")
