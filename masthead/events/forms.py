"""The event editor's form: ticket types that people have bought cannot be deleted."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class EventPageForm(WagtailAdminPageForm):
    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("ticket_types")
        if not valid or formset is None:
            return valid
        from .models import Order

        for form in formset.deleted_forms:
            pk = form.instance.pk
            if pk and Order.objects.filter(ticket_type_id=pk).exists():
                # Orders and tickets point at it: ending its sale keeps them valid.
                self.add_error(
                    None,
                    _("“%(name)s” has orders and cannot be deleted. To stop selling it, end its sale now.")
                    % {"name": form.instance.name},
                )
                valid = False
        return valid
