"""The staff admin, behind a second factor and, where set, a list of networks (README, Security).

- `AdminConfig` makes django-otp's OTPAdminSite the default admin site: only a session verified with a
  second factor (its login form asks for the code of the user's authenticator app or a recovery code)
  reaches the admin; a signed-in but unverified session is sent to that form.
- `AdminNetworkMiddleware` answers 404 to every /admin/ path for a caller outside ADMIN_ALLOWED_NETWORKS
  (CIDR list; empty: any network), by REMOTE_ADDR as the audit log reads it (audit.context.client_ip).
"""

import ipaddress
from functools import cached_property

from django.conf import settings
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.urls import reverse

from audit.context import client_ip
from nzila_export.api.errors import not_found


class AdminConfig(DjangoAdminConfig):
    default_site = "django_otp.admin.OTPAdminSite"


class AdminNetworkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("admin:index")

    def __call__(self, request):
        networks = settings.ADMIN_ALLOWED_NETWORKS
        if networks and request.path.startswith(self.admin_prefix) and not _address_in(request, networks):
            return not_found(request)
        return self.get_response(request)


def _address_in(request, networks: list[str]) -> bool:
    try:
        address = ipaddress.ip_address(client_ip(request) or "")
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(network, strict=False) for network in networks)
