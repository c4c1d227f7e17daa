"""Billing's periodic jobs (settings.MASTHEAD_PERIODIC_JOBS). Thin shells: services hold the logic."""

from django_tasks import task

from .gifts import send_gift_reminders
from .prepaid import send_prepaid_reminders
from .providers.testmode import run_due
from .services import expire_overdue, send_trial_reminders


@task()
def run_billing_cycle():
    """Test-mode renewals and retries, grace expiry, trial, gift and prepaid reminders. Safe to run twice."""
    run_due()
    expire_overdue()
    send_trial_reminders()
    send_gift_reminders()
    send_prepaid_reminders()
