"""The event editor's form: ticket types that people have bought cannot be deleted."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class EventPageForm(WagtailAdminPageForm):
    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("ticket_types")
        if not valid or formset is None:
            return valid
        for form in formset.deleted_forms:
            # The ticket type's own orders (its related manager): this form is the models'
            # base_form_class, so it does not import them.
            if form.instance.pk and form.instance.orders.exists():
                # Orders and tickets point at it: ending its sale keeps them valid.
                self.add_error(
                    None,
                    _("“%(name)s” has orders and cannot be deleted. To stop selling it, end its sale now.")
                    % {"name": form.instance.name},
                )
                valid = False
        return valid
