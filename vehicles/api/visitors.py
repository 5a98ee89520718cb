"""A visitor's id, in a signed cookie: its detail views are recorded under it (vehicles.view_buffer).

Not a session: a session row per cookie-less phone would fill the session table, and a session cookie
would take the visitor off the catalogue cache's early path (vehicles.api.caching), which leaves sessions
to signed-in staff.
"""

import uuid

from django.conf import settings

VISITOR_COOKIE = "nzila_visitor"
VISITOR_COOKIE_SECONDS = 365 * 24 * 3600


def visitor_id(request, response) -> str:
    """The id in the visitor's cookie, or a new one, which `response` gives it."""
    visitor = request.get_signed_cookie(VISITOR_COOKIE, default=None, salt=VISITOR_COOKIE)
    if visitor is None:
        visitor = uuid.uuid4().hex
        response.set_signed_cookie(
            VISITOR_COOKIE,
            visitor,
            salt=VISITOR_COOKIE,
            max_age=VISITOR_COOKIE_SECONDS,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return visitor
