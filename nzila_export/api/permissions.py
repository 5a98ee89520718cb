from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission


class IsPlatformStaff(BasePermission):
    """Staff only. An app names what staff alone may do by subclassing with its own `message`."""

    message = _("Only staff may do this.")

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_platform_staff)
