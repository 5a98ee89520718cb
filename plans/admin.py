"""Staff screens: the plans (data staff edit, each edit audited), and each dealer's subscription with its
usage and paid periods, read-only (Stripe's events and the dealer's own actions change them)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from audit.admin_edits import AuditedAdminMixin
from plans.models import Plan, Subscription, SubscriptionInvoice
from plans.selectors import dealer_usage


@admin.register(Plan)
class PlanAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Prices, Stripe price ids, limits and features. A change reaches the dealers on the plan within five
    minutes (their cached limits expire); features are codes from a fixed list, checked on save."""

    list_display = ["code", "name_en", "price_per_month", "currency", "listing_limit", "api_requests_per_hour",
                    "features", "stripe_price_id"]  # fmt: skip
    readonly_fields = ["code"]

    def has_delete_permission(self, request, obj=None):
        return False  # subscriptions and paid periods point at plans

    def has_add_permission(self, request):
        return False  # the three plans are seeded; the code knows each


class SubscriptionInvoiceInline(admin.TabularInline):
    model = SubscriptionInvoice
    extra = 0
    can_delete = False
    fields = ["provider_reference", "plan", "amount", "currency", "period_start", "period_end", "paid_at", "invoice"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["dealer", "plan", "status", "current_period_end", "grace_until", "dunning_step", "provider"]
    list_filter = ["status", "plan", "provider"]
    search_fields = ["dealer__username", "dealer__email", "dealer__company_name", "stripe_subscription_id",
                     "stripe_customer_id"]  # fmt: skip
    list_select_related = ["dealer", "plan"]
    inlines = [SubscriptionInvoiceInline]
    readonly_fields = ["usage"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields] + ["usage"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("usage"))
    def usage(self, obj: Subscription) -> str:
        usage = dealer_usage(dealer=obj.dealer)
        return _(
            "%(listings)s of %(limit)s listings; %(hour)s of %(rate)s API calls this hour, %(month)s this month; "
            "%(leads)s leads this month"
        ) % {
            "listings": usage.listings, "limit": usage.listing_limit if usage.listing_limit is not None else "∞",
            "hour": usage.api_calls_this_hour, "rate": usage.api_requests_per_hour,
            "month": usage.api_calls_this_month, "leads": usage.leads_this_month,
        }  # fmt: skip
