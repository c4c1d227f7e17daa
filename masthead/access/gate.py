"""The access app's implementation of content's article gate (content.gate), registered in
AccessConfig.ready(): the one place content's pages reach the access policy."""

from django.utils import timezone

from masthead.core.caching import site_setting

from . import prompts
from .models import PaywallSettings
from .policy import VARIANT_REASONS
from .readers import reader_for_request
from .reading import anonymous_decision, decision_for_request, peek, preview_as


class AccessGate:
    def decision_for_request(self, request, article, *, gift=None):
        return decision_for_request(request, article, gift=gift)

    def anonymous_decision(self, article):
        return anonymous_decision(article)

    def may_read_free(self, request, article, now):
        return peek(reader_for_request(request), article, now)

    def preview_as(self, request, article, mode):
        return preview_as(request, article, mode)

    def same_page_for_variant(self, decision):
        return decision.reason in VARIANT_REASONS

    def reader_context(self, request, article, decision, *, public):
        reader = reader_for_request(request)
        settings = site_setting(request, PaywallSettings)
        return {
            "paywall": prompts.paywall_prompt(
                decision, reader, next_url=article.get_url(request), benefits=settings.benefit_list
            ),
            "meter_notice": prompts.meter_notice(decision),
            "can_gift": not public
            and decision.full
            and (reader.is_staff or reader.is_paying(timezone.now())),
        }
