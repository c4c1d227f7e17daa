"""The provider object for a name: Stripe, the offline test mode, or none (staff's complimentary
subscriptions).

Not in the package's __init__: billing.events loads the package (for types.py), and the test
provider imported here completes checkouts through events. Importing it at the top of __init__
would close that loop; here it sits above events, with the modules that start checkouts
(checkouts.py) and call the provider (services.py, adoption.py) above it in turn.
"""

from . import PaymentProvider, provider_name
from .testmode import NoProvider, TestModeProvider


def get_provider(name: str | None = None) -> PaymentProvider:
    name = name or provider_name()
    if name == "stripe":
        # Lazy: the Stripe SDK is loaded only where Stripe is configured (memory, issue 15).
        from .stripe import StripeProvider

        return StripeProvider()
    if name == "none":
        return NoProvider()
    return TestModeProvider()
