"""The language the API answers in: the signed-in caller's profile language, else the request's
(Accept-Language, or the `django_language` cookie that POST /users/me/language/ sets), else English.

Django's LocaleMiddleware chooses from the request before anything else runs and cannot see the
profile. A session user (the admin, the browsable API) is known once AuthenticationMiddleware has run,
but a JWT caller only once DRF authenticates the request, inside the view. So one function,
`caller_language_activate`, is called from the two places where the caller becomes known:

- `ProfileLanguageMiddleware`, right after AuthenticationMiddleware, for session users; on the way out
  it sets Content-Language to the language the answer was written in;
- `LanguageJWTAuthentication`, the JWT authentication of REST_FRAMEWORK's settings, for token users.

DRF authenticates before permissions, throttles, the view and the exception handler run, so every
message of the answer (a refusal from a service, a serializer's validation message, a 403 or 429) is
built in the caller's language. An authentication class, set once in settings, rather than a hook on
a base APIView: every view gets it without inheriting anything, and a view with no authentication
(the health check, a signed download link) has no caller whose profile could count.
"""

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt.authentication import JWTAuthentication


def caller_language_activate(*, request: HttpRequest, user) -> None:
    """Answer this request in `user`'s profile language, when it is one we serve."""
    language = getattr(user, "preferred_language", "")
    if language not in dict(settings.LANGUAGES):
        return  # anonymous, or no usable profile language: Accept-Language stands
    translation.activate(language)
    request.LANGUAGE_CODE = language


class ProfileLanguageMiddleware:
    """The session user's profile language (after AuthenticationMiddleware), and Content-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            caller_language_activate(request=request, user=request.user)
        response = self.get_response(request)
        # A JWT caller's language was set on this same request during the view.
        response.headers.setdefault("Content-Language", getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE))
        return response


class LanguageJWTAuthentication(JWTAuthentication):
    """simplejwt's authentication, which then activates the token user's profile language."""

    def authenticate(self, request):
        authenticated = super().authenticate(request)
        if authenticated is not None:
            # DRF's Request wraps Django's: LANGUAGE_CODE goes on the one the middleware sees.
            caller_language_activate(request=request._request, user=authenticated[0])
        return authenticated


class LanguageJWTScheme(SimpleJWTScheme):
    """The OpenAPI security scheme of the subclass: the same bearer JWT as simplejwt's."""

    target_class = LanguageJWTAuthentication
