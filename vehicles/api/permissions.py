from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission


class IsDealer(BasePermission):
    message = _("Only dealers can do this.")

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_dealer)


class ReadAnyoneWriteDealerOrStaff(BasePermission):
    """Anyone reads; dealers create; dealers (their own) and staff (all) edit and delete."""

    message = _("Only dealers list vehicles, and only dealers and staff edit them.")

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method == "POST" and getattr(view, "action", None) == "create":
            return user.is_dealer
        return user.is_dealer or user.is_platform_staff


class IsDealerOrStaff(BasePermission):
    message = _("Only dealers and staff can do this.")

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and (user.is_dealer or user.is_platform_staff))


class IsBuyer(BasePermission):
    message = _("Only buyers save searches and watch prices.")

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_buyer)
