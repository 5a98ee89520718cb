"""Domain exceptions. A service raises one when the domain refuses an action; the API's one exception
handler (nzila_export.api.errors) answers it with its status code in the one error format.

The message is for people: services build it with gettext and named placeholders, so it is in the
caller's language (the API activates it before the view runs). `code` may be narrowed per refusal (a
decline's reason), and `extra` travels into the error body beside `detail`: a payment's id, a
`retry_after` in seconds (which also sets the Retry-After header)."""

from contextlib import contextmanager

from django.db import transaction


class DomainError(Exception):
    status_code = 400
    code = "invalid"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None, **extra):
        super().__init__(str(message))
        self.message = str(message)
        self.field = field
        if code:
            self.code = code
        self.extra = extra


class Conflict(DomainError):
    status_code = 409
    code = "conflict"


class Forbidden(DomainError):
    status_code = 403
    code = "permission_denied"


@contextmanager
def atomic_then_refuse():
    """A transaction for a service whose refusal must keep what it wrote before refusing (a declined
    payment, the audit record of a refused attempt): a DomainError raised in the block lets the block's
    writes commit, and is raised again once they are committed. Every write made before such a refusal
    must be meant to stay. The view that calls such a service runs outside the request-wide transaction
    (`transaction.non_atomic_requests`), or the request's rollback would undo the commit."""
    refusal = None
    with transaction.atomic():
        try:
            yield
        except DomainError as error:
            refusal = error
    if refusal is not None:
        raise refusal
