"""manage.py stripe_sync: create the Stripe plans and coupons our prices and offers need.

Run it after configuring Stripe and whenever staff add a price or a discount offer; Checkout needs
the ids it stores (Price.stripe_price_id, Offer.stripe_coupon_id). It is idempotent: records that
have an id are left alone, and the Stripe ids are derived from what they describe, so a run that
was interrupted after Stripe created something adopts it rather than creating it twice.

Prices become Stripe *plans* (the older Plans API): localstripe, which the tests run against, only
speaks Plans, and Stripe accepts a plan id wherever it expects a price id.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masthead.billing.errors import ProviderUnavailable
from masthead.billing.models import Offer, Price


class Command(BaseCommand):
    help = "Create Stripe plans for prices and coupons for offers that have none yet."

    def handle(self, *args, **options):
        if not settings.STRIPE_SECRET_KEY:
            raise CommandError("STRIPE_SECRET_KEY is not set: there is no Stripe account to set up.")
        # Lazy: the Stripe SDK is loaded only where Stripe is configured (memory; see providers).
        from masthead.billing.providers.stripe import sync_coupon, sync_price

        try:
            for price in Price.objects.filter(active=True, stripe_price_id="").select_related("plan"):
                price.stripe_price_id = sync_price(price)
                price.save(update_fields=["stripe_price_id"])
                self.stdout.write(f"{price}: Stripe plan {price.stripe_price_id}")
            offers = Offer.objects.filter(active=True, stripe_coupon_id="").exclude(kind=Offer.Kind.TRIAL)
            for offer in offers:
                coupon = sync_coupon(offer)
                if coupon is None:
                    self.stderr.write(
                        f"{offer}: skipped, its discount is incomplete (amount, currency or percent)"
                    )
                    continue
                offer.stripe_coupon_id = coupon
                offer.save(update_fields=["stripe_coupon_id"])
                self.stdout.write(f"{offer}: Stripe coupon {coupon}")
        except ProviderUnavailable as error:
            raise CommandError(f"Stripe could not be reached: {error}") from error
        except ValueError as error:
            raise CommandError(str(error)) from error
