"""The admin's filters on the audit log. At millions of rows nothing is listed that would need a scan to
list (every user, every object): staff type the user, the object or the dates, and each filter is answered
from its own index (audit.models)."""

from datetime import date

from django.contrib import admin, messages
from django.contrib.admin.views.main import IGNORED_PARAMS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.selectors import audit_action_list
from nzila_export.periods import day_start


class InputFilter(admin.ListFilter):
    """A small form of inputs (`inputs`: parameter, label, input type) in place of a list of links."""

    template = "admin/audit/input_filter.html"
    inputs: tuple[tuple[str, str, str], ...] = ()

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        for name in self.expected_parameters():
            if name in params:
                self.used_parameters[name] = params.pop(name)[-1].strip()

    def expected_parameters(self):
        return [name for name, _label, _type in self.inputs]

    def has_output(self):
        return True

    def choices(self, changelist):
        """One "choice", the form: its inputs, the other filters as hidden fields (kept on submit), and the
        link that clears this filter."""
        ours = self.expected_parameters()
        yield {
            "inputs": [
                {"name": name, "label": label, "type": input_type, "value": self.used_parameters.get(name, "")}
                for name, label, input_type in self.inputs
            ],
            "hidden": [
                (name, value)
                for name, values in changelist.filter_params.items()
                if name not in ours and name not in IGNORED_PARAMS
                for value in values
            ],
            "active": any(self.used_parameters.get(name) for name in ours),
            "clear_query_string": changelist.get_query_string(remove=ours),
        }


class UserFilter(InputFilter):
    title = _("user")
    inputs = (("user", _("Username or id"), "text"),)

    def queryset(self, request, queryset):
        value = self.used_parameters.get("user")
        if not value:
            return queryset
        return queryset.filter(user_id=int(value)) if value.isdecimal() else queryset.filter(user__username=value)


class ObjectFilter(InputFilter):
    title = _("object")
    inputs = (("model_name", _("Model, e.g. deals.Deal"), "text"), ("object_id", _("Object id"), "text"))

    def queryset(self, request, queryset):
        model_name, object_id = self.used_parameters.get("model_name"), self.used_parameters.get("object_id")
        if object_id and not model_name:
            messages.error(request, gettext("Give the model with the object id: an id alone names nothing."))
            return queryset
        if model_name:
            queryset = queryset.filter(model_name=model_name)
        return queryset.filter(object_id=object_id) if object_id else queryset


class DateRangeFilter(InputFilter):
    title = _("date (Toronto time)")
    inputs = (("since", _("From"), "date"), ("until", _("To, included"), "date"))

    def queryset(self, request, queryset):
        try:
            since, until = (self._day(name) for name in ("since", "until"))
        except ValueError:
            messages.error(request, gettext("Give the dates as YYYY-MM-DD."))
            return queryset
        if since:
            queryset = queryset.filter(timestamp__gte=day_start(since))
        return queryset.filter(timestamp__lt=day_start(until, days_later=1)) if until else queryset

    def _day(self, name: str) -> date | None:
        value = self.used_parameters.get(name)
        return date.fromisoformat(value) if value else None


class ActionFilter(admin.SimpleListFilter):
    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        return [(action, action) for action in audit_action_list()]

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset
