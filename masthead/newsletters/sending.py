"""Sending an issue: plan one delivery per recipient, then claim and send them in batches.

The deliveries are the record. Planning inserts a row per (issue, subscriber) under a unique
constraint, so planning twice adds nobody twice. A worker **claims** a batch (PostgreSQL:
`SELECT … FOR UPDATE SKIP LOCKED`, so several workers split the work; SQLite serialises writers
anyway), sends each message and marks it, one write per recipient (Recorder). A claim older than
the **lease** belongs to a worker presumed dead and may be claimed again; nothing it already
handed over is resent: a delivery is marked unconfirmed before its message leaves and sent once
the server took it (see transport; the "sent" mark rides with the next recipient's hand-over), so
a crash in between is listed on the issue's page, never silently "sent".
"""

import logging
import os
import secrets
import socket
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from masthead.access.policy import ANONYMOUS
from masthead.access.readers import load_readers
from masthead.core.audit import audit

from . import signals
from .models import Audience, Delivery, Issue, Subscription, Suppression
from .render import Renderer, personal_values, track_id
from .suppression import suppress
from .transport import BATCH_LIMIT, FAILED, LOST, OK, RETRY, UNSURE, open_transport

logger = logging.getLogger(__name__)
State = Delivery.State


def lease():
    return timedelta(seconds=getattr(settings, "NEWSLETTER_LEASE_SECONDS", 120))


def mark_sending(issue, now):
    """SCHEDULED/DRAFT → SENDING; whoever calls this enqueues the sender after commit."""
    issue.status = Issue.Status.SENDING
    issue.started_at = now
    issue.heartbeat_at = now
    issue.save(update_fields=["status", "started_at", "heartbeat_at"])


def batch_size():
    return getattr(settings, "NEWSLETTER_BATCH_SIZE", 250)


MAX_ATTEMPTS = 5


def overlap_writes():
    """Whether a hand-over is written ahead, its database round trip overlapping the previous
    message's SMTP exchange (Recorder). PostgreSQL through psycopg 3 only: its client can send a
    statement and read the answer later; SQLite's writes are calls in this process, with no
    wait to hide. `NEWSLETTER_OVERLAP_WRITES = False` keeps one unconfirmed recipient per crash
    at most instead of two, at the database's round trip per recipient."""
    if not getattr(settings, "NEWSLETTER_OVERLAP_WRITES", True) or connection.vendor != "postgresql":
        return False
    connection.ensure_connection()
    return hasattr(connection.connection, "pgconn")


def retry_delay(attempts):
    """Backoff for transient errors: base × 2^(attempts-1), at most an hour."""
    base = getattr(settings, "NEWSLETTER_RETRY_BASE_SECONDS", 60)
    return timedelta(seconds=min(3600, base * 2 ** max(0, attempts - 1)))


# --- Who receives it ------------------------------------------------------------------------
def admits(audience, reader, now):
    """Does a newsletter with `audience` go to `reader` now? Asked at send time, never stored:
    a lapsed member keeps their subscription and gets paid letters again on renewal."""
    if audience == Audience.EVERYONE:
        return True
    if audience == Audience.MEMBERS:
        return reader.is_member
    return reader.is_staff or reader.is_paying(now)


def recipient_ids(newsletter, now, *, chunk=2000):
    """Subscriber ids who would receive `newsletter` now: an active subscription, a confirmed
    address, not suppressed, an active account if any, and in the audience (access app)."""
    rows = (
        Subscription.objects.filter(newsletter=newsletter, ended_at__isnull=True)
        .filter(subscriber__confirmed_at__isnull=False)
        .filter(Q(subscriber__user__isnull=True) | Q(subscriber__user__is_active=True))
        .exclude(Exists(Suppression.objects.filter(email=OuterRef("subscriber__email"))))
        .order_by("subscriber_id")
        .values_list("subscriber_id", "subscriber__user_id")
    )
    if newsletter.audience == Audience.EVERYONE:
        return [sid for sid, _uid in rows]
    rows = [(sid, uid) for sid, uid in rows if uid is not None]
    if newsletter.audience == Audience.MEMBERS:
        return [sid for sid, _uid in rows]
    User = get_user_model()
    chosen = []
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        users = User.objects.filter(pk__in=[uid for _sid, uid in part]).only("id", "is_staff")
        readers = load_readers(users, now)
        chosen += [
            sid for sid, uid in part if uid in readers and admits(newsletter.audience, readers[uid], now)
        ]
    return chosen


def plan_deliveries(*, issue_id, now):
    """Insert the issue's deliveries once (safe to run twice, and by two workers at once)."""
    with transaction.atomic():
        issue = Issue.objects.select_for_update().select_related("newsletter").get(pk=issue_id)
        if issue.planned_at is not None:
            return issue.planned_count
        ids = recipient_ids(issue.newsletter, now)
        # Rows as tuples, not model instances (building and preparing a Delivery per recipient
        # took 117 µs of it, 16 µs this way; measured at 5,000); the unique (issue, subscriber)
        # key still makes a second planning add nobody.
        table = connection.ops.quote_name(Delivery._meta.db_table)
        sql = (
            f"INSERT INTO {table} (issue_id, subscriber_id, state, attempts, claimed_by, error) "
            "VALUES (%s, %s, %s, 0, '', '') ON CONFLICT DO NOTHING"
        )
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 5000):
                cursor.executemany(sql, [(issue.pk, sid, State.PENDING) for sid in ids[start : start + 5000]])
        issue.planned_count = Delivery.objects.filter(issue_id=issue.pk).count()
        issue.planned_at = now
        issue.heartbeat_at = now
        issue.save(update_fields=["planned_count", "planned_at", "heartbeat_at"])
        return issue.planned_count


@dataclass(slots=True)
class Recipient:
    """One claimed delivery with what sending it needs, read in the claim's one query (model
    instances for delivery, subscriber, account and profile cost more than the send itself)."""

    pk: int
    attempts: int
    user_id: int | None
    is_staff: bool
    address: str
    name: str
    token: str
    language: str


class _Account:
    """What `load_readers` reads of an account (its id and staff flag), without loading one."""

    __slots__ = ("pk", "is_staff")

    def __init__(self, pk, is_staff):
        self.pk, self.is_staff = pk, is_staff


RECIPIENT_FIELDS = (
    "id",
    "attempts",
    "subscriber__user_id",
    "subscriber__user__is_staff",
    "subscriber__user__email",
    "subscriber__email",
    "subscriber__name",
    "subscriber__token",
    "subscriber__language",
    "subscriber__user__profile__language",
    "subscriber__user__profile__display_name",
)


def _recipient(row):
    pk, attempts, user_id, is_staff, user_email, email, name, token, language, p_language, p_name = row
    return Recipient(
        pk=pk,
        attempts=attempts,
        user_id=user_id,
        is_staff=bool(is_staff),
        # A member's address follows the account.
        address=(user_email if user_id is not None and user_email else email).strip(),
        name=name or (p_name or "" if user_id is not None else ""),
        token=token,
        # A member's saved choice, else the language of the page an email-only reader signed up
        # on ("" when neither is known: the issue's main version).
        language=(p_language or "" if user_id is not None else "") or language,
    )


def recipient_name(subscriber):
    """The name a message greets (the admin's preview too): the subscriber's, else the member's
    display name. `_recipient` applies the same rule to the columns of a claim."""
    if subscriber.name:
        return subscriber.name
    profile = getattr(subscriber.user, "profile", None) if subscriber.user_id else None
    return getattr(profile, "display_name", "") or ""


def claim_batch(*, issue_id, worker, size, now):
    """Claim up to `size` deliveries that are due: pending, or claimed by a worker presumed dead.
    Returns [Recipient], in delivery order."""
    with transaction.atomic():
        due = Delivery.objects.filter(issue_id=issue_id).filter(
            Q(state=State.PENDING, next_attempt_at__isnull=True)
            | Q(state=State.PENDING, next_attempt_at__lte=now)
            | Q(state=State.CLAIMED, claimed_at__lt=now - lease())
        )
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.order_by("id").values_list("id", flat=True)[:size])
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids).update(state=State.CLAIMED, claimed_by=worker, claimed_at=now)
    rows = (
        Delivery.objects.filter(pk__in=ids, claimed_by=worker, state=State.CLAIMED)
        .order_by("id")
        .values_list(*RECIPIENT_FIELDS)
    )
    return [_recipient(row) for row in rows]


def worker_name():
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{secrets.token_hex(3)}"


class Recorder:
    """Marks deliveries: one write (one short statement) per recipient.

    A delivery goes claimed → unconfirmed (`handed_over`, just before its message leaves) →
    sent (`confirmed`, once the server took it). The confirmation is not written on its own:
    it waits for the next write, which is the next recipient's hand-over — one UPDATE sets
    k-1 sent and k unconfirmed — or `flush` at the end of a batch. A worker killed at any moment
    therefore leaves one recipient unconfirmed at most, as with a write each: before that
    UPDATE, k-1 (the server took it; not yet recorded) while k's message waits at the server
    without its final dot, so it is dropped with the connection and sent later; after it, k.
    Nothing the server took is ever sent again, and nothing is marked sent that it did not take.

    **Overlapped** (PostgreSQL, `NEWSLETTER_OVERLAP_WRITES`, on by default): the write that
    hands over k+1 (and confirms k-1) is sent to the database *before* message k's text and
    dot, and its answer is read only when k+1 is about to leave (`hand_over_ahead`, then
    `handed_over(k+1)`), so the database's round trip runs while the SMTP server reads and
    answers message k. k+1's dot still never leaves before the write that marks it unconfirmed
    has been answered. The price is one more recipient in the window: a kill leaves **two**
    recipients unconfirmed at most — k (handed over; the server may or may not have its dot)
    and k+1 (handed over ahead; the server has at most its envelope, so it never got it), or
    k-1 (taken, confirmation not yet written) and k. Unconfirmed recipients are never resent
    and are listed on the issue's page, as before; nothing is sent twice.
    """

    def __init__(self, worker):
        self.worker = worker
        # Confirmed by the server, to be written with the next write.
        self.pending = []
        self.table = connection.ops.quote_name(Delivery._meta.db_table)
        # The queries per recipient, written out: the ORM's own UPDATE costs several times the
        # database's time on this path (measured with bench/newsletter_send.py --profile).
        self.handed_sql = (
            f"UPDATE {self.table} SET state = %s, sent_at = %s, attempts = attempts + 1, error = '' "
            f"WHERE id = %s AND state = %s AND claimed_by = %s"
        )
        # RETURNING (SQLite 3.35+, PostgreSQL) tells which of the two kinds of row matched.
        self.returning = (
            connection.vendor == "postgresql" or connection.features.can_return_columns_from_insert
        )
        self.sent_at = Delivery._meta.get_field("sent_at")
        self._second, self._value = None, None
        self._sql = {}
        self.overlap = overlap_writes()
        # The hand-over written ahead: [delivery id, answer] — answer None while the database
        # has not been heard, then True/False (owned or not), or the error it raised.
        self.ahead = None
        self.ahead_sql = (
            f"UPDATE {self.table} SET "
            "state = CASE WHEN id = $1::bigint THEN $5 ELSE $6 END, "
            "sent_at = CASE WHEN id = $1::bigint THEN $2::timestamptz ELSE sent_at END, "
            "attempts = CASE WHEN id = $1::bigint THEN attempts + 1 ELSE attempts END, "
            "error = CASE WHEN id = $1::bigint THEN '' ELSE error END "
            "WHERE (id = $1::bigint AND state = $7 AND claimed_by = $3) "
            "OR (id = ANY($4::bigint[]) AND state = $5) "
            "RETURNING id"
        ).encode()

    def _handed_and_confirmed_sql(self, n):
        marks = ", ".join(["%s"] * n)
        return (
            f"UPDATE {self.table} SET "
            "state = CASE WHEN id = %s THEN %s ELSE %s END, "
            "sent_at = CASE WHEN id = %s THEN %s ELSE sent_at END, "
            "attempts = CASE WHEN id = %s THEN attempts + 1 ELSE attempts END, "
            "error = CASE WHEN id = %s THEN '' ELSE error END "
            f"WHERE (id = %s AND state = %s AND claimed_by = %s) OR (id IN ({marks}) AND state = %s) "
            "RETURNING id"
        )

    def _stamp(self, now):
        """`sent_at` to the second, prepared for the database once a second: preparing a datetime
        per recipient cost a tenth of the recording (measured with cProfile)."""
        if now is None:
            second = int(time.time())
            if second != self._second:
                self._second = second
                self._value = self.sent_at.get_db_prep_value(
                    timezone.now().replace(microsecond=0), connection
                )
            return self._value
        return self.sent_at.get_db_prep_value(now.replace(microsecond=0), connection)

    def handed_over(self, delivery_id, now=None):
        """claimed → unconfirmed, with the confirmations waiting, in one statement; False if this
        worker no longer owns the delivery. `sent_at` is `now`, or the current second."""
        answer = self._take_ahead(delivery_id)
        if answer is not None:
            return answer
        pending, self.pending = self.pending, []
        return self._write(delivery_id, self._stamp(now), pending)

    def _write(self, delivery_id, value, pending):
        """The hand-over of `delivery_id` with the confirmations `pending`, waiting for the answer
        (if it fails, neither is written: the confirmed stay unconfirmed, the safe side)."""
        if not pending:
            with connection.cursor() as cursor:
                cursor.execute(
                    self.handed_sql, [State.UNCONFIRMED, value, delivery_id, State.CLAIMED, self.worker]
                )
                return cursor.rowcount == 1
        if not self.returning:
            with transaction.atomic():
                self._confirm(pending)
                with connection.cursor() as cursor:
                    cursor.execute(
                        self.handed_sql, [State.UNCONFIRMED, value, delivery_id, State.CLAIMED, self.worker]
                    )
                    return cursor.rowcount == 1
        params = [delivery_id, State.UNCONFIRMED, State.SENT, delivery_id, value, delivery_id, delivery_id]
        params += [delivery_id, State.CLAIMED, self.worker, *pending, State.UNCONFIRMED]
        with connection.cursor() as cursor:
            sql = self._sql.get(len(pending)) or self._sql.setdefault(
                len(pending), self._handed_and_confirmed_sql(len(pending))
            )
            cursor.execute(sql, params)
            return any(row[0] == delivery_id for row in cursor.fetchall())

    def confirmed(self, delivery_id):
        """unconfirmed → sent: the server or provider took the message (written with the next
        write; see the class)."""
        self.pending.append(delivery_id)

    def flush(self):
        """Write the confirmations still waiting (end of a batch, or of the send)."""
        self._collect()
        self._release()
        pending, self.pending = self.pending, []
        if pending:
            self._confirm(pending)

    def _confirm(self, ids):
        Delivery.objects.filter(pk__in=ids, state=State.UNCONFIRMED).update(state=State.SENT)

    # --- Overlapped writes (PostgreSQL) ---------------------------------------------------
    def hand_over_ahead(self, delivery_id):
        """Start the write that hands `delivery_id` over (and confirms those waiting) without
        waiting for the database's answer; `handed_over(delivery_id)` reads it, before that
        message's dot leaves. Does nothing unless writes overlap."""
        if not self.overlap:
            return
        self._collect()
        self._release()
        pending, self.pending = self.pending, []
        self.ahead = [delivery_id, None, pending]
        try:
            self._send_ahead(delivery_id, pending)
        except Exception as error:  # noqa: BLE001 - read at handed_over, which writes again
            self.ahead[1] = error

    def _send_ahead(self, delivery_id, pending):
        connection.ensure_connection()
        pgconn = connection.connection.pgconn
        value = self._stamp(None)
        params = [
            str(delivery_id).encode(),
            value.isoformat().encode(),
            self.worker.encode(),
            ("{" + ",".join(str(pk) for pk in pending) + "}").encode(),
            State.UNCONFIRMED.encode(),
            State.SENT.encode(),
            State.CLAIMED.encode(),
        ]
        pgconn.send_query_params(self.ahead_sql, params)

    def _collect(self):
        """Read the answer to the write sent ahead, if it has not been read (the connection
        carries one statement at a time: this comes before any other query)."""
        if self.ahead is None or self.ahead[1] is not None:
            return
        from psycopg import DatabaseError
        from psycopg.pq import ExecStatus

        pgconn = connection.connection.pgconn
        owned, error = False, None
        while (result := pgconn.get_result()) is not None:
            if result.status == ExecStatus.TUPLES_OK:
                owned = owned or any(
                    int(result.get_value(row, 0)) == self.ahead[0] for row in range(result.ntuples)
                )
            else:
                error = DatabaseError(
                    (result.error_message or b"the write ahead failed").decode("utf8", "replace")
                )
        self.ahead[1] = error or owned

    def _release(self):
        """A hand-over written ahead whose message will not leave (the batch stopped before it):
        back to claimed, so it is sent later, as its neighbours in the batch."""
        ahead, self.ahead = self.ahead, None
        if ahead is None:
            return
        delivery_id, answer, carried = ahead
        if isinstance(answer, Exception):
            # Neither the hand-over nor the confirmations it carried were written.
            self.pending[:0] = carried
        elif answer:
            Delivery.objects.filter(pk=delivery_id, state=State.UNCONFIRMED, claimed_by=self.worker).update(
                state=State.CLAIMED, attempts=F("attempts") - 1, sent_at=None
            )

    def _take_ahead(self, delivery_id):
        """The answer for `delivery_id` if it was written ahead (True/False), else None."""
        self._collect()
        if self.ahead is None:
            return None
        if self.ahead[0] != delivery_id:
            self._release()
            return None
        delivery_id, answer, carried = self.ahead
        self.ahead = None
        if isinstance(answer, Exception):
            # Not written (nothing of a failed statement is): try once more now, in the ordinary
            # way, with the confirmations it carried; a second failure stops the send.
            logger.warning("newsletter hand-over written ahead failed, writing it again: %s", answer)
            self.pending[:0] = carried
            return None
        return answer

    def _settled(self, delivery_id):
        """Before any other write: the answer ahead is read, and a hand-over written ahead for
        this delivery is overwritten by this write (its message did not leave)."""
        self._collect()
        if self.ahead is not None and self.ahead[0] == delivery_id:
            answer, carried = self.ahead[1], self.ahead[2]
            self.ahead = None
            if isinstance(answer, Exception):
                self.pending[:0] = carried

    def failed(self, delivery_id, detail):
        self._settled(delivery_id)
        Delivery.objects.filter(pk=delivery_id).exclude(state=State.FAILED).update(
            state=State.FAILED, error=detail[:300], claimed_by=""
        )

    def retry(self, delivery, detail, now):
        self._settled(delivery.pk)
        attempts = delivery.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            self.failed(delivery.pk, detail)
            return FAILED
        Delivery.objects.filter(pk=delivery.pk).update(
            state=State.PENDING,
            attempts=attempts,
            next_attempt_at=now + retry_delay(attempts),
            error=detail[:300],
            claimed_by="",
        )
        return RETRY


# One loop with its failure modes spelled out in order (see the docstring); split, it reads worse.
def send_batch(*, issue, batch, renderer, transport, recorder, now):  # noqa: C901
    """Send one claimed batch ([Recipient]). Returns {status: count}."""
    counts = {OK: 0, FAILED: 0, RETRY: 0, LOST: 0, UNSURE: 0}
    readers = load_readers([_Account(r.user_id, r.is_staff) for r in batch if r.user_id is not None], now)
    suppressed = set(
        Suppression.objects.filter(email__in={r.address.lower() for r in batch}).values_list(
            "email", flat=True
        )
    )
    from_addr = issue.newsletter.sender_email
    tracking = issue.newsletter.track_engagement
    grouped = {}
    # Readers without an account are all ANONYMOUS: the policy is asked once for them all.
    variants = {}

    def settle(recipient, outcome):
        if outcome.status in (OK, LOST, UNSURE):
            counts[outcome.status] += 1
        elif outcome.status == FAILED:
            recorder.failed(recipient.pk, outcome.detail)
            counts[FAILED] += 1
            if outcome.refused:
                suppress(
                    email=recipient.address, reason=Suppression.Reason.BOUNCED, detail=outcome.detail, now=now
                )
        else:
            counts[recorder.retry(recipient, outcome.detail, now)] += 1

    ready = []  # (recipient, template, values) of those who will be sent, in order
    for recipient in batch:
        address = recipient.address
        try:
            validate_email(address)
        except ValidationError:
            recorder.failed(recipient.pk, "invalid address")
            counts[FAILED] += 1
            continue
        if address.lower() in suppressed:
            recorder.failed(recipient.pk, "suppressed")
            counts[FAILED] += 1
            continue
        if recipient.user_id is None:
            variant = variants.get(None)
            if variant is None:
                variant = variants[None] = renderer.variant(ANONYMOUS)
        else:
            # Each member asked on their own (the policy may weigh anything a Reader carries).
            variant = renderer.variant(readers.get(recipient.user_id, ANONYMOUS))
        template = renderer.template(variant, recipient.language)
        values = personal_values(
            address=address,
            name=recipient.name,
            token=recipient.token,
            message_id=f"nl.{issue.pk}.{recipient.pk}",
            tracking_id=track_id(recipient.pk) if tracking else "",
        )
        if transport.kind == "batch":
            grouped.setdefault(id(template), (template, []))[1].append((recipient, values))
        else:
            ready.append((recipient, template, values))
    for i, (recipient, template, values) in enumerate(ready):
        data = template.fill(values) if transport.kind == "smtp" else None
        outcome = transport.send(
            data=data,
            from_addr=from_addr,
            to=recipient.address,
            record=lambda pk=recipient.pk: recorder.handed_over(pk),
            confirm=lambda pk=recipient.pk: recorder.confirmed(pk),
            key=delivery_key(issue.pk, recipient.pk),
            template=template,
            values=values,
            # The next message's envelope rides with this one's end (SmtpTransport.send), and its
            # hand-over is written meanwhile (Recorder.hand_over_ahead).
            then=(from_addr, ready[i + 1][0].address) if i + 1 < len(ready) else None,
            record_next=(lambda pk=ready[i + 1][0].pk: recorder.hand_over_ahead(pk))
            if i + 1 < len(ready)
            else None,
        )
        settle(recipient, outcome)
    # A provider's batch API: one call per variant and BATCH_LIMIT recipients.
    for template, items in grouped.values():
        for start in range(0, len(items), BATCH_LIMIT):
            chunk = []
            for recipient, values in items[start : start + BATCH_LIMIT]:
                if recorder.handed_over(recipient.pk):
                    chunk.append((recipient, values))
                else:
                    counts[LOST] += 1  # another worker took it over
            if not chunk:
                continue
            outcomes = transport.send_many(
                template=template,
                items=[(r.pk, r.address, v) for r, v in chunk],
                from_addr=from_addr,
                metadata={r.pk: delivery_key(issue.pk, r.pk) for r, _v in chunk},
            )
            for recipient, _values in chunk:
                outcome = outcomes[recipient.pk]
                if outcome.status == OK:
                    recorder.confirmed(recipient.pk)
                settle(recipient, outcome)
    recorder.flush()
    return counts


def delivery_key(issue_id, delivery_id):
    """What names a delivery in a provider's metadata (and so in its tracking events)."""
    return f"{issue_id}.{delivery_id}"


def refresh_counts(issue_id, now):
    counts = dict(
        Delivery.objects.filter(issue_id=issue_id)
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    Issue.objects.filter(pk=issue_id).update(
        sent_count=counts.get(State.SENT, 0),
        failed_count=counts.get(State.FAILED, 0),
        heartbeat_at=now,
    )
    return counts


def deliver_issue(*, issue_id, worker=None, max_wait=120):
    """Send whatever of the issue is due; finish it when nothing is left. Safe to run many times,
    in many workers at once."""
    worker = worker or worker_name()
    issue = Issue.objects.select_related("newsletter").get(pk=issue_id)
    if issue.status != Issue.Status.SENDING:
        return {"status": issue.status}
    now = timezone.now()
    plan_deliveries(issue_id=issue.pk, now=now)
    refresh_counts(issue.pk, now)
    renderer = Renderer(issue, now=now)
    transport = open_transport()
    recorder = Recorder(worker)
    totals = {OK: 0, FAILED: 0, RETRY: 0, LOST: 0, UNSURE: 0}
    if connection.vendor == "postgresql":
        # Each delivery is its own commit; a database crash may forget the last few marks, which
        # costs at most those few messages again, while a worker crash (the case that matters)
        # loses nothing. Worth ~10x in commits per second.
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")
    try:
        while True:
            now = timezone.now()
            batch = claim_batch(issue_id=issue.pk, worker=worker, size=batch_size(), now=now)
            if not batch:
                wait = _next_retry_in(issue.pk, now)
                if wait is None or wait > max_wait:
                    break
                time.sleep(max(0.05, wait))
                continue
            counts = send_batch(
                issue=issue, batch=batch, renderer=renderer, transport=transport, recorder=recorder, now=now
            )
            for key, value in counts.items():
                totals[key] += value
            Issue.objects.filter(pk=issue.pk).update(
                sent_count=F("sent_count") + counts[OK],
                failed_count=F("failed_count") + counts[FAILED],
                heartbeat_at=timezone.now(),
            )
    finally:
        try:
            # Confirmations still waiting if a batch stopped on an error (nothing waits otherwise).
            recorder.flush()
        finally:
            transport.close()
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET synchronous_commit = on")
    finish_if_done(issue_id=issue.pk, now=timezone.now())
    return totals


def _next_retry_in(issue_id, now):
    pending = Delivery.objects.filter(issue_id=issue_id, state__in=[State.PENDING, State.CLAIMED])
    first = pending.order_by("next_attempt_at").values_list("next_attempt_at", "state").first()
    if first is None:
        return None
    at, state = first
    if state == State.CLAIMED or at is None:
        return None  # another worker is on it (or it will be reclaimed after the lease)
    return max(0.0, (at - now).total_seconds())


def finish_if_done(*, issue_id, now):
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue_id)
        if issue.status != Issue.Status.SENDING:
            return False
        if Delivery.objects.filter(issue_id=issue_id, state__in=[State.PENDING, State.CLAIMED]).exists():
            return False
        counts = refresh_counts(issue_id, now)
        issue.status = Issue.Status.SENT
        issue.finished_at = now
        issue.save(update_fields=["status", "finished_at"])
        audit(
            "newsletters.issue.sent",
            target=issue,
            now=now,
            sent=counts.get(State.SENT, 0),
            failed=counts.get(State.FAILED, 0),
            unconfirmed=counts.get(State.UNCONFIRMED, 0),
        )
        transaction.on_commit(lambda: signals.issue_sent.send(sender=Issue, issue_id=issue_id))
    return True
