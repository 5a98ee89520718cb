from django import forms
from django.contrib import admin

from currencies.models import ExchangeRate, RateSource
from currencies.services import exchange_rate_check, exchange_rate_set
from nzila_export.exceptions import DomainError


class ExchangeRateForm(forms.ModelForm):
    class Meta:
        model = ExchangeRate
        fields = ["currency", "date", "cad_per_unit", "note"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and "currency" in cleaned and "cad_per_unit" in cleaned:
            currency, rate = cleaned["currency"], cleaned["cad_per_unit"]
        else:
            currency, rate = self.instance.currency, cleaned.get("cad_per_unit")
        if currency and rate is not None:
            try:
                cleaned["currency"], cleaned["cad_per_unit"] = exchange_rate_check(currency=currency, cad_per_unit=rate)
            except DomainError as refusal:
                field = refusal.field if refusal.field in self.fields else None
                self.add_error(field, refusal.message)
        return cleaned

    def _get_validation_exclusions(self):
        # A feed's rate of the same day is replaced by the hand-entered one (exchange_rate_set), so the
        # one-rate-per-day constraint is not a form error here.
        return super()._get_validation_exclusions() | {"currency", "date"}


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    """Staff add or correct a day's rate here when a feed fails: every save goes through
    exchange_rate_set, so the rate is marked manual, audited, and (for EUR) re-derives XOF and XAF."""

    form = ExchangeRateForm
    list_display = ["currency", "date", "cad_per_unit", "source", "entered_by", "confirmed_at"]
    list_filter = ["source", "currency"]
    search_fields = ["currency", "note"]
    date_hierarchy = "date"
    fields = ["currency", "date", "cad_per_unit", "note", "source", "entered_by", "confirmed_at"]
    readonly_fields = ["source", "entered_by", "confirmed_at"]

    def get_readonly_fields(self, request, obj=None):
        # The currency and day identify the rate; change the value, or add another day.
        return [*self.readonly_fields, "currency", "date"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        stored = exchange_rate_set(
            currency=obj.currency, cad_per_unit=obj.cad_per_unit, on=obj.date, user=request.user,
            note=obj.note or "Entered in the admin",
        )  # fmt: skip
        obj.pk, obj.source = stored.pk, RateSource.MANUAL

    def has_delete_permission(self, request, obj=None):
        return False  # conversions already made cite their rate; correct a rate, never remove it
