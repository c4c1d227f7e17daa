"""Helpers for the Stripe tests: a real localstripe server, a recording stand-in for the parts of
Stripe's API that localstripe does not implement, and webhooks signed exactly as Stripe signs them.

localstripe (PyPI) speaks customers, payment methods, plans, coupons, subscriptions, invoices,
refunds and signed webhooks. It knows nothing of Checkout, the Billing Portal, Prices-era
subscription updates (`items[].price`, `proration_behavior`), `pause_collection` or invoice
payments; for those, RecordingStripe answers with Stripe-shaped JSON and keeps every request so
the tests can assert exactly what we sent.

The Stripe-shaped objects below follow the API version the SDK pins (2026-10-28): subscription
periods on the items, an invoice's subscription under `parent`, no `charge.invoice`. They are
trimmed to the fields that matter and carry the ids of real localstripe objects where a test
needs Stripe to be re-read.
"""

import hashlib
import hmac
import json
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import stripe

from tests.helpers import free_port

API_KEY = "sk_test_masthead_localstripe"
WEBHOOK_SECRET = "whsec_masthead_test_secret"
GOOD_CARD = "4242424242424242"
# localstripe delivers each event one second after it happens.
DELIVERY_DELAY = 1.0


def _request(method, url, data=None):
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


class LocalStripe:
    """A localstripe process on a free port, with its data held in memory only."""

    def __init__(self):
        self.log = tempfile.NamedTemporaryFile(prefix="localstripe-", suffix=".log", delete=False)
        self.flushed_at = 0.0
        for _attempt in range(3):
            self.port = free_port()
            self.url = f"http://127.0.0.1:{self.port}"
            # --from-scratch: never load another run's data (localstripe saves to /tmp on each write).
            self.process = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "localstripe"),
                    "--port",
                    str(self.port),
                    "--from-scratch",
                ],
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
            if self._wait_ready():
                return
            self.stop()
        raise RuntimeError(f"localstripe did not start; see {self.log.name}")

    def _wait_ready(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                _request("DELETE", f"{self.url}/_config/data")
                return True
            except OSError:
                time.sleep(0.1)
        return False

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def close(self):
        """Stop the server and remove its log (kept when it failed to start, for the error message)."""
        self.stop()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)

    def flush(self):
        """Forget every object (webhook registrations stay: see `silence_webhooks`)."""
        _request("DELETE", f"{self.url}/_config/data")
        self.flushed_at = time.monotonic()

    def register_webhook(self, url, *, events=None, secret=WEBHOOK_SECRET):
        # Events of the previous test are still in flight for a second after it flushed; let them go
        # first, so they cannot reach this test's server.
        time.sleep(max(0.0, self.flushed_at + DELIVERY_DELAY + 0.3 - time.monotonic()))
        data = {"url": url, "secret": secret}
        if events is not None:
            data["events"] = events
        _request("POST", f"{self.url}/_config/webhooks/masthead", data)

    def silence_webhooks(self):
        """localstripe cannot unregister a webhook: subscribe it to no event instead."""
        _request(
            "POST",
            f"{self.url}/_config/webhooks/masthead",
            {"url": "http://127.0.0.1:9/", "secret": "x", "events": []},
        )

    def client(self):
        return stripe.StripeClient(API_KEY, base_addresses={"api": self.url}, max_network_retries=0)

    def events(self, event_type):
        """localstripe's events of a type, as dicts (what its webhooks deliver)."""
        return [e.to_dict() for e in self.client().v1.events.list({"type": event_type, "limit": 100}).data]

    def subscribe(self, *, email, plan, checkout_id, card=GOOD_CARD, quantity=1):
        """What Stripe Checkout does once the reader pays: a customer with a card, and a
        subscription carrying our checkout id. Returns the subscription as a dict."""
        api = self.client().v1
        card_method = api.payment_methods.create(
            {"type": "card", "card": {"number": card, "exp_month": 12, "exp_year": 2034, "cvc": "123"}}
        )
        customer = api.customers.create(
            {
                "email": email,
                "payment_method": card_method.id,
                "invoice_settings": {"default_payment_method": card_method.id},
            }
        )
        return api.subscriptions.create(
            {
                "customer": customer.id,
                "items": [{"plan": plan, "quantity": quantity}],
                "metadata": {"checkout_id": checkout_id},
            }
        ).to_dict()


# --- A recording stand-in for api.stripe.com ---------------------------------------------------------


@dataclass
class Request:
    method: str
    path: str
    headers: dict
    form: dict  # the form-encoded body, flattened as Stripe receives it: {"line_items[0][price]": ...}


class RecordingStripe:
    """An HTTP server answering Stripe API requests with recorded responses and keeping each request.

    `respond(method, path, body)`: `body` is a dict, or a function of the Request returning one.
    Unknown routes get Stripe's 404 error.
    """

    def __init__(self):
        self.routes = {}
        self.requests = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                split = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else split.query
                request = Request(
                    self.command,
                    split.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    dict(parse_qsl(raw, keep_blank_values=True)),
                )
                recorder.requests.append(request)
                status, body = recorder.routes.get((self.command, split.path), (404, None))
                if body is None:
                    body = {
                        "error": {"type": "invalid_request_error", "message": f"No such route: {split.path}"}
                    }
                elif callable(body):
                    body = body(request)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Request-Id", f"req_{uuid.uuid4().hex[:14]}")
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_DELETE = _handle

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def respond(self, method, path, body, status=200):
        self.routes[(method, path)] = (status, body)

    def sent(self, method, path):
        return [r for r in self.requests if r.method == method and r.path == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# --- Stripe-shaped objects and events ----------------------------------------------------------------


def checkout_session(request):
    """Stripe's answer to POST /v1/checkout/sessions, built from what was sent."""
    session_id = f"cs_test_{uuid.uuid4().hex}"
    form = request.form
    return {
        "id": session_id,
        "object": "checkout.session",
        "mode": form.get("mode"),
        "status": "open",
        "payment_status": "unpaid",
        "client_reference_id": form.get("client_reference_id"),
        "customer_email": form.get("customer_email"),
        "metadata": {"checkout_id": form.get("metadata[checkout_id]")},
        "success_url": form.get("success_url"),
        "cancel_url": form.get("cancel_url"),
        "url": f"https://checkout.stripe.com/c/pay/{session_id}",
        "livemode": False,
    }


def completed_session(
    *,
    checkout_id,
    mode,
    subscription=None,
    customer=None,
    payment_intent=None,
    amount_total=0,
    currency="usd",
):
    """A checkout.session as checkout.session.completed carries it."""
    session_id = f"cs_test_{uuid.uuid4().hex}"
    return {
        "id": session_id,
        "object": "checkout.session",
        "mode": mode,
        "status": "complete",
        "payment_status": "paid",
        "client_reference_id": checkout_id,
        "metadata": {"checkout_id": checkout_id},
        "customer": customer,
        "subscription": subscription,
        "payment_intent": payment_intent,
        "amount_subtotal": amount_total,
        "amount_total": amount_total,
        "currency": currency,
        "url": None,
        "livemode": False,
    }


def subscription(
    *,
    sub_id,
    customer,
    price,
    checkout_id,
    status="active",
    quantity=1,
    period=(0, 0),
    cancel_at_period_end=False,
    pause_collection=None,
    latest_invoice=None,
    item_id=None,
):
    """A subscription (current API: its period is on the item)."""
    start, end = period
    return {
        "id": sub_id,
        "object": "subscription",
        "customer": customer,
        "status": status,
        "metadata": {"checkout_id": checkout_id},
        "items": {
            "object": "list",
            "data": [
                {
                    "id": item_id or f"si_{uuid.uuid4().hex[:14]}",
                    "object": "subscription_item",
                    "price": {"id": price, "object": "price"},
                    "plan": {"id": price, "object": "plan"},
                    "quantity": quantity,
                    "current_period_start": start,
                    "current_period_end": end,
                }
            ],
        },
        "cancel_at_period_end": cancel_at_period_end,
        "cancel_at": end if cancel_at_period_end else None,
        "canceled_at": None,
        "ended_at": None,
        "trial_end": None,
        "pause_collection": pause_collection,
        "latest_invoice": latest_invoice,
        "livemode": False,
    }


def invoice(
    *,
    invoice_id,
    sub_id,
    customer,
    price,
    amount,
    period,
    status="paid",
    attempt_count=1,
    next_payment_attempt=None,
    currency="usd",
    billing_reason="subscription_create",
):
    """An invoice (current API: subscription under `parent`, price under `pricing`)."""
    start, end = period
    paid = status == "paid"
    return {
        "id": invoice_id,
        "object": "invoice",
        "customer": customer,
        "currency": currency,
        "status": status,
        "billing_reason": billing_reason,
        "amount_due": amount,
        "amount_paid": amount if paid else 0,
        "amount_remaining": 0 if paid else amount,
        "attempt_count": attempt_count,
        "next_payment_attempt": next_payment_attempt,
        "parent": {
            "type": "subscription_details",
            "subscription_details": {"subscription": sub_id, "metadata": {}},
        },
        "status_transitions": {"finalized_at": start, "paid_at": start if paid else None},
        "lines": {
            "object": "list",
            "has_more": False,
            "data": [
                {
                    "id": f"il_{uuid.uuid4().hex[:14]}",
                    "object": "line_item",
                    "amount": amount,
                    "currency": currency,
                    "description": "1 × Individual (at $9.00 / month)",
                    "period": {"start": start, "end": end},
                    "pricing": {
                        "type": "price_details",
                        "price_details": {"price": price, "product": "prod_x"},
                    },
                    "quantity": 1,
                }
            ],
        },
        "livemode": False,
    }


def event(event_type, obj, *, event_id=None, created=None):
    return {
        "id": event_id or f"evt_{uuid.uuid4().hex[:24]}",
        "object": "event",
        "api_version": "2026-10-28.endive",
        "created": created or int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
        "data": {"object": obj},
    }


# --- Signing -----------------------------------------------------------------------------------------


def stripe_signature(body, *, secret=WEBHOOK_SECRET, timestamp=None):
    """The Stripe-Signature header as Stripe computes it: t=<unix time>,v1=<hex HMAC-SHA256 of
    "<t>.<body>" keyed with the endpoint's signing secret>. Written from Stripe's documentation,
    not with the SDK, so the tests check our verification against the specification."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def post_event(client, evt, *, secret=WEBHOOK_SECRET, timestamp=None):
    """POST an event to our endpoint with the Django test client, signed."""
    body = json.dumps(evt).encode() if isinstance(evt, dict) else evt
    return client.post(
        "/webhooks/stripe/",
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_signature(body, secret=secret, timestamp=timestamp),
    )
