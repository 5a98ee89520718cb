from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "role", "company_name", "country", "preferred_language", "is_active"]
    list_filter = ["role", "is_active", "is_staff", "preferred_language", "country"]
    search_fields = ["username", "email", "company_name", "phone", "first_name", "last_name"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (
            "Nzila profile",
            {
                "fields": (
                    "role",
                    "company_name",
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
