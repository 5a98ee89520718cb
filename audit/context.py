"""Who is acting, for the audit log, without every caller passing it along.

The middleware puts the current request here; the audit service reads the user from it when it
records, which is after DRF has authenticated the request (DRF sets the user on the Django request).
Celery tasks and commands have no request, so their records carry no IP and no user unless given.
"""

from contextvars import ContextVar

from django.http import HttpRequest

current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address. REMOTE_ADDR only: behind a proxy, configure the proxy to set it
    (X-Forwarded-For is written by the client and would let anyone choose their IP)."""
    return request.META.get("REMOTE_ADDR") or None
