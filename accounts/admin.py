from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from accounts.models import User
from accounts.sign_in_guard import sign_in_retry_after
from accounts.two_factor import NOT_ENROLLED_MESSAGE, second_factor_device_for
from audit.admin_edits import AuditedAdminMixin
from audit.context import client_ip
from nzila_export.field_encryption import masked


class StaffSignInForm(OTPAdminAuthenticationForm):
    """The admin's sign-in, audited and limited like the API's: every attempt is recorded, and a username
    or address that failed too often is refused until its window passes. It asks for the second factor
    too (a code of the authenticator app or a recovery code): a wrong or missing one is a failed attempt."""

    def clean(self):
        username, ip = self.cleaned_data.get("username") or "", client_ip(self.request)
        if sign_in_retry_after(username=username, ip=ip) is not None:
            raise ValidationError(gettext("Too many failed sign-ins. Try again later."), code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            services.sign_in_failed(username=username, ip=ip)
            raise
        services.sign_in_succeeded(user=self.get_user())
        return cleaned

    def _chosen_device(self, user):
        """One step, no device to pick: the code's shape says which device it is for (accounts.two_factor)."""
        chosen = super()._chosen_device(user)
        chosen = chosen or second_factor_device_for(user=user, code=self.cleaned_data.get("otp_token") or "")
        if chosen is None and not any(devices_for_user(user, confirmed=True)):
            raise ValidationError(NOT_ENROLLED_MESSAGE, code="otp_not_enrolled")
        return chosen


admin.site.login_form = StaffSignInForm
# Devices are set by `manage.py set_totp` and the users' own enrolment, both audited; not edited here.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


class StaffPasswordForm(AdminPasswordChangeForm):
    """Staff set a password through the service, which records that it changed (never its value) and
    tells the owner."""

    def save(self, commit=True):
        password = self.cleaned_data["password1"] if self.cleaned_data["set_usable_password"] else None
        return services.user_set_password_by_staff(user=self.user, new_password=password, staff_user=None)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "role", "company_name", "country", "preferred_language", "is_active"]
    list_filter = ["role", "is_active", "is_staff", "preferred_language", "country"]
    search_fields = ["username", "email", "company_name", "phone", "first_name", "last_name"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (
            _("Nzila profile"),
            {
                "fields": (
                    "role",
                    "company_name",
                    "identity_number_masked",
                    "phone",
                    "country",
                    "preferred_language",
                    "timezone",
                    "preferred_currency",
                )
            },
        ),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("username", "email", "role", "password1", "password2")}),)
    change_password_form = StaffPasswordForm
    # Facts about the account, not settings of it; the identity number, encrypted at rest, is the user's to set
    # (the profile API) and shows here masked.
    readonly_fields = ["last_login", "date_joined", "identity_number_masked"]

    @admin.display(description=_("identity number"))
    def identity_number_masked(self, user: User) -> str:
        return masked(user.identity_number)

    def save_model(self, request, obj, form, change):
        """Through the services, which record each value before and after ("user.staff_edit")."""
        if change:
            data = {name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data}
            services.user_update_by_staff(user=obj, data=data, staff_user=request.user)
            return
        columns = {field.name for field in User._meta.concrete_fields} - {"password"}
        fields = {name: value for name, value in form.cleaned_data.items() if name in columns}
        password = form.cleaned_data.get("password1") if form.cleaned_data.get("set_usable_password", True) else None
        obj.pk = services.user_create_by_staff(staff_user=request.user, password=password or None, **fields).pk

    def save_related(self, request, form, formsets, change):
        for formset in formsets:  # groups and permissions were set by user_update_by_staff
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        services.user_delete_by_staff(user=obj, staff_user=request.user)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            services.user_delete_by_staff(user=user, staff_user=request.user)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(AuditedAdminMixin, DjangoGroupAdmin):
    """A group's permissions are every member's: each change is audited ("group.staff_edit")."""
