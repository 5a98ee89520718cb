"""Flower behind the admin's sign-in (with its second factor): Flower listens on 127.0.0.1 only
(scripts/run.sh, --url_prefix=ops/flower) and this view passes a signed-in staff member's GET requests to it.
Read-only on purpose: Flower's own buttons (shut a worker down, revoke a task) POST without Django's CSRF
token and are refused; staff act through `celery -A nzila_export control ...` instead."""

import requests
from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

PASSED_HEADERS = ("Content-Type", "Cache-Control", "Last-Modified", "ETag")


@require_GET
def _flower_proxy(request, path: str = "") -> HttpResponse:
    try:
        answer = requests.get(
            f"{settings.FLOWER_URL}/ops/flower/{path}", params=request.GET, timeout=settings.FLOWER_TIMEOUT_SECONDS
        )
    except requests.RequestException:
        return HttpResponse(gettext("Flower is not running."), status=502, content_type="text/plain; charset=utf-8")
    response = HttpResponse(answer.content, status=answer.status_code)
    for header in PASSED_HEADERS:
        if header in answer.headers:
            response[header] = answer.headers[header]
    return response


# Whom the admin lets in (staff signed in with their second factor, django-otp's OTPAdminSite); others are
# sent to the admin's sign-in.
flower_proxy = admin.site.admin_view(_flower_proxy)
