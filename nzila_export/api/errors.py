"""The one error format, for every failure the API can give.

    {"status": 400, "code": "invalid", "detail": "Invalid input.", "fields": {"email": ["..."]}}

`status` repeats the HTTP status, `code` is a stable machine-readable word, `detail` is for people
and `fields` (validation errors only) maps each wrong field to its messages; errors that concern no
single field sit under "non_field_errors". Throttled answers add `retry_after` (seconds) beside the
Retry-After header. Django's own 400/403/404/500 pages and CSRF failures use the same shape, so no
caller ever receives HTML.
"""

from http import HTTPStatus

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from nzila_export.exceptions import DomainError


def error_body(*, status_code: int, code: str, detail: str, fields=None, **extra) -> dict:
    body = {"status": status_code, "code": code, "detail": detail}
    if fields is not None:
        body["fields"] = fields
    body.update(extra)
    return body


def api_exception_handler(exc, context):
    if isinstance(exc, DomainError):
        fields = {exc.field: [exc.message]} if exc.field else None
        body = error_body(status_code=exc.status_code, code=exc.code, detail=exc.message, fields=fields)
        return Response(body, status=exc.status_code)

    # DRF answers Django's Http404 and PermissionDenied; convert first so that the shaping below
    # sees the APIException that DRF answers with.
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's handler500 answers it in the same format

    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = error_body(
            status_code=response.status_code, code="invalid", detail="Invalid input.", fields=fields
        )
    else:
        extra = {"retry_after": exc.wait} if isinstance(exc, exceptions.Throttled) and exc.wait else {}
        code, detail = _code_and_detail(exc)
        response.data = error_body(status_code=response.status_code, code=code, detail=detail, **extra)
    return response


def _code_and_detail(exc: exceptions.APIException) -> tuple[str, str]:
    """simplejwt's token errors carry a dict of detail, code and messages; others a plain string."""
    if isinstance(exc.detail, dict):
        return str(exc.detail.get("code", exc.default_code)), str(exc.detail.get("detail", exc.default_detail))
    codes = exc.get_codes()
    return (codes if isinstance(codes, str) else exc.default_code), str(exc.detail)


def json_error_response(status_code: int, code: str, detail: str | None = None) -> JsonResponse:
    detail = detail or HTTPStatus(status_code).phrase
    return JsonResponse(error_body(status_code=status_code, code=code, detail=detail), status=status_code)


def bad_request(request, exception=None):
    return json_error_response(status.HTTP_400_BAD_REQUEST, "bad_request")


def permission_denied(request, exception=None):
    return json_error_response(status.HTTP_403_FORBIDDEN, "permission_denied")


def not_found(request, exception=None):
    return json_error_response(status.HTTP_404_NOT_FOUND, "not_found", "Not found.")


def server_error(request):
    return json_error_response(
        status.HTTP_500_INTERNAL_SERVER_ERROR, "server_error", "Something went wrong on our side; it has been logged."
    )


def csrf_failure(request, reason=""):
    return json_error_response(status.HTTP_403_FORBIDDEN, "csrf_failed", f"CSRF check failed: {reason}")
