from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.admin_edits import AuditedAdminMixin
from nzila_export.exceptions import DomainError
from vehicles.models import PriceAlert, SavedSearch, Vehicle, VehiclePhoto, VehiclePriceChange, ViewHistory
from vehicles.photos import vehicle_gallery_changed
from vehicles.services import DEAL_DRIVEN_STATUSES, vehicle_create, vehicle_update, vehicles_archive


class VehiclePhotoInline(admin.TabularInline):
    model = VehiclePhoto
    extra = 0
    fields = ["position", "image", "thumbnail", "image_format", "width", "height", "size_bytes"]
    readonly_fields = ["image", "thumbnail", "image_format", "width", "height", "size_bytes"]
    ordering = ["position", "id"]


class VehiclePriceChangeInline(admin.TabularInline):
    model = VehiclePriceChange
    extra = 0
    can_delete = False
    fields = ["changed_at", "old_price", "old_currency", "new_price", "new_currency", "new_price_cad", "changed_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Vehicle)
class VehicleAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["id", "year", "make", "model", "trim", "vin", "price", "currency", "price_cad", "status", "dealer"]
    list_filter = ["status", "condition", "body_type", "fuel_type", "province", "make"]
    search_fields = ["vin", "make", "model", "trim", "city", "dealer__company_name", "dealer__username"]
    list_select_related = ["dealer"]
    raw_id_fields = ["dealer"]
    readonly_fields = ["price_cad", "created_at", "updated_at", "deleted_at", "deleted_by"]
    exclude = ["search_vector", "search_name", "cover_photo"]
    inlines = [VehiclePhotoInline, VehiclePriceChangeInline]
    actions = ["archive_selected"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Vehicle.all_objects.select_related("dealer")

    @admin.action(description=_("Archive the selected vehicles"))
    def archive_selected(self, request, queryset):
        archived = vehicles_archive(vehicles=queryset.filter(deleted_at__isnull=True), user=request.user)
        message = ngettext("%(count)d vehicle archived.", "%(count)d vehicles archived.", archived)
        self.message_user(request, message % {"count": archived}, messages.SUCCESS)

    def has_delete_permission(self, request, obj=None):
        """Listings are archived (the action) or soft-deleted through the API, never erased: deals, leads and
        invoices point at them, and the public catalogue's cache learns of changes from the services."""
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        vehicle_gallery_changed(vehicle=Vehicle.all_objects.get(pk=form.instance.pk))  # positions, deletions

    def get_readonly_fields(self, request, obj=None):
        """A reserved or sold vehicle's status follows its deal."""
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "status"] if obj is not None and obj.status in DEAL_DRIVEN_STATUSES else fields

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A save the services refuse (past the dealer plan's listing limit, say) is rolled back and
        shown on the page again as an error, where it would otherwise be a server error."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as refusal:
            self.message_user(request, refusal.message, level=messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        # Through the services, so that price_cad, the price history and the audit stay right. The service
        # is given the stored row: the form has already put the new values on `obj`.
        data = {field: form.cleaned_data[field] for field in form.changed_data if field in form.cleaned_data}
        if change:
            vehicle_update(vehicle=Vehicle.all_objects.get(pk=obj.pk), data=data, user=request.user)
        else:
            fields = {field: value for field, value in form.cleaned_data.items() if field != "dealer"}
            created = vehicle_create(dealer=form.cleaned_data["dealer"], data=fields, user=request.user)
            obj.pk = created.pk


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "owner", "is_active", "last_announced_at", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "owner__username", "owner__email"]
    raw_id_fields = ["owner"]


@admin.register(PriceAlert)
class PriceAlertAdmin(admin.ModelAdmin):
    list_display = ["id", "owner", "vehicle", "created_at"]
    raw_id_fields = ["owner", "vehicle", "last_announced_change"]


@admin.register(ViewHistory)
class ViewHistoryAdmin(admin.ModelAdmin):
    list_display = ["id", "vehicle", "user", "session_key", "viewed_at"]
    raw_id_fields = ["vehicle", "user"]
    date_hierarchy = "viewed_at"
