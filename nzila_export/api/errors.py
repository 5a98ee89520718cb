"""The one error format, for every failure the API can give.

    {"status": 400, "code": "invalid", "detail": "Invalid input.", "fields": {"email": ["..."]}}

`status` repeats the HTTP status, `code` is a stable machine-readable word, `detail` is for people
and `fields` (validation errors only) maps each wrong field to its messages; errors that concern no
single field sit under "non_field_errors". Throttled answers add `retry_after` (seconds) beside the
Retry-After header. Django's own 400/403/404/500 pages and CSRF failures use the same shape, so no
caller ever receives HTML.
"""

import json
from http import HTTPStatus

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connections
from django.http import Http404, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext
from rest_framework import exceptions, status
from rest_framework.response import Response

from nzila_export.api.throttling import rate_limit_refused
from nzila_export.exceptions import DomainError


def error_body(*, status_code: int, code: str, detail: str, fields=None, **extra) -> dict:
    body = {"status": status_code, "code": code, "detail": detail}
    if fields is not None:
        body["fields"] = fields
    body.update(extra)
    return body


def api_exception_handler(exc, context):
    if isinstance(exc, DomainError):
        _request_transaction_roll_back(context.get("view"))
        fields = {exc.field: [exc.message]} if exc.field else None
        body = error_body(status_code=exc.status_code, code=exc.code, detail=exc.message, fields=fields, **exc.extra)
        response = Response(body, status=exc.status_code)
        if exc.extra.get("retry_after"):
            response["Retry-After"] = str(exc.extra["retry_after"])
        if exc.status_code == status.HTTP_429_TOO_MANY_REQUESTS and getattr(exc, "rate_limit", None):
            # X-RateLimit-* of the limit that refused (nzila_export.api.throttling.RateLimitHeadersMiddleware)
            rate_limit_refused(context["request"], limit=exc.rate_limit, wait=exc.extra.get("retry_after") or 0)
        return response

    # DRF answers Django's Http404, PermissionDenied and (as its own) ValidationError; convert first so
    # that the shaping below sees the APIException that DRF answers with. A model's full_clean() in a
    # service raises Django's ValidationError: it is bad input, answered 400 with its fields.
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_django_validation_fields(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, exceptions.ParseError):
        exc = exceptions.ParseError(_parse_error_detail(exc))
    if not isinstance(exc, exceptions.APIException):
        return None  # an unexpected error: Django's handler500 answers it in the same format
    _request_transaction_roll_back(context.get("view"))
    response = Response(status=exc.status_code, headers=_headers_of(exc))

    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = error_body(
            status_code=response.status_code, code="invalid", detail=gettext("Invalid input."), fields=fields
        )
    else:
        extra = {"retry_after": exc.wait} if isinstance(exc, exceptions.Throttled) and exc.wait else {}
        code, detail = _code_and_detail(exc)
        response.data = error_body(status_code=response.status_code, code=code, detail=detail, **extra)
    return response


def _request_transaction_roll_back(view) -> None:
    """An error answered by a view in the request-wide transaction rolls back what the request wrote
    (as DRF's own handler does). A view outside it (`transaction.non_atomic_requests`) has no request
    transaction: its services committed what they meant to keep, and nothing is marked."""
    outside = getattr(getattr(view, "dispatch", None), "_non_atomic_requests", set())
    for connection in connections.all(initialized_only=True):
        if (
            connection.settings_dict["ATOMIC_REQUESTS"]
            and connection.in_atomic_block
            and connection.alias not in outside
        ):
            connection.set_rollback(True)


def _headers_of(exc: exceptions.APIException) -> dict:
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    return headers


def _parse_error_detail(exc: exceptions.ParseError) -> str:
    """DRF's parsers refuse a body they cannot read in English, with the library's own reason ("JSON parse
    error - Expecting value: line 1 column 1 (char 0)"); say it in the reader's language instead, from the
    error they caught."""
    cause = exc.__context__
    if isinstance(cause, json.JSONDecodeError):
        return gettext("The body is not valid JSON: it goes wrong at line %(line)s, column %(column)s.") % {
            "line": cause.lineno,
            "column": cause.colno,
        }
    if isinstance(cause, UnicodeDecodeError):
        return gettext("The body is not text in UTF-8.")
    if isinstance(cause, ValueError):  # NaN or Infinity, which JSON has no words for
        return gettext("The body is not valid JSON.")
    if isinstance(cause, MultiPartParserError):
        return gettext("The body is not a valid multipart form.")
    return str(exc.detail)


def _django_validation_fields(exc: DjangoValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if name == "__all__" else name): [str(message) for message in messages]
            for name, messages in exc.message_dict.items()
        }
    return {"non_field_errors": [str(message) for message in exc.messages]}


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
    return json_error_response(status.HTTP_400_BAD_REQUEST, "bad_request", gettext("Bad Request"))


def permission_denied(request, exception=None):
    return json_error_response(status.HTTP_403_FORBIDDEN, "permission_denied", gettext("Forbidden"))


def not_found(request, exception=None):
    return json_error_response(status.HTTP_404_NOT_FOUND, "not_found", gettext("Not found."))


def server_error(request):
    return json_error_response(
        status.HTTP_500_INTERNAL_SERVER_ERROR,
        "server_error",
        gettext("Something went wrong on our side; it has been logged."),
    )


def csrf_failure(request, reason=""):
    return json_error_response(
        status.HTTP_403_FORBIDDEN, "csrf_failed", gettext("CSRF check failed: %(reason)s") % {"reason": reason}
    )
