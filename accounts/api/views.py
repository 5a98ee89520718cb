import base64
from collections.abc import Mapping

from django.db import transaction
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_noop
from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, status, viewsets
from rest_framework.exceptions import AuthenticationFailed, Throttled
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from accounts import services
from accounts.api import serializers
from accounts.models import User
from accounts.selectors import user_list_visible_to
from accounts.sign_in_guard import sign_in_refusal
from accounts.two_factor import (
    SecondFactorRefused,
    totp_enrolment_confirm,
    totp_enrolment_start,
    totp_remove,
)
from audit.context import client_ip
from nzila_export.api.languages import caller_language_activate
from nzila_export.api.throttling import ScopedThrottle, rate_limit_refused

# simplejwt's French catalogue leaves these two fuzzy, so a French reader got them in English (a token
# refused on refresh, sign-out or sign-in); ours translates them: every app's catalogue is looked up.
SIMPLEJWT_MESSAGES_WITHOUT_FRENCH = (gettext_noop("Token is invalid"), gettext_noop("Token is expired"))


class AuthThrottleMixin:
    throttle_classes = [ScopedThrottle]
    throttle_scope = "auth"


class RegisterView(AuthThrottleMixin, generics.GenericAPIView):
    """Anyone may register as a dealer, buyer or broker (never staff)."""

    permission_classes = [AllowAny]
    serializer_class = serializers.RegisterSerializer

    @extend_schema(responses={201: serializers.UserSerializer})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        return Response(serializers.UserSerializer(user).data, status=status.HTTP_201_CREATED)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class TokenObtainView(AuthThrottleMixin, TokenObtainPairView):
    """Sign in with username and password. Repeated failures for one username or one IP are
    refused with 429 and Retry-After until the window passes; every attempt is audited.

    Not in the request transaction: a refused sign-in must still leave its audit record.
    """

    permission_classes = [AllowAny]
    serializer_class = serializers.TokenPairSerializer

    @extend_schema(responses={200: serializers.TokenPairResponseSerializer})
    def post(self, request, *args, **kwargs):
        data = request.data if isinstance(request.data, Mapping) else {}
        username = str(data.get("username", ""))
        ip = client_ip(request)
        refusal = sign_in_refusal(username=username, ip=ip)
        if refusal is not None:
            wait, limit = refusal
            rate_limit_refused(request, limit=limit, wait=wait)
            raise Throttled(wait=wait, detail=gettext("Too many failed sign-ins. Try again later."))
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except TokenError as error:
            raise InvalidToken(error.args[0]) from error
        except AuthenticationFailed:
            services.sign_in_failed(username=username, ip=ip)
            raise
        except SecondFactorRefused as refusal:
            if refusal.code == "otp_invalid":  # a wrong code counts as a wrong password; a missing one does not
                services.sign_in_failed(username=username, ip=ip, reason="otp")
            raise
        services.sign_in_succeeded(user=serializer.user)
        return Response(serializer.validated_data, status=status.HTTP_200_OK)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class TokenRotateView(AuthThrottleMixin, TokenRefreshView):
    """Exchange a refresh token for a new pair; the old refresh token is blacklisted. A blacklisted one
    presented again is audited (a copy of it is in someone's hands).

    Not in the request transaction: the refusal's audit record must stay; the rotation has its own."""

    permission_classes = [AllowAny]
    # Every signed-in app refreshes its token every JWT_ACCESS_MINUTES, so this is counted apart from
    # sign-in, generously: a refresh needs a valid, unused refresh token, and one address may carry
    # thousands of buyers (carrier-grade NAT).
    throttle_scope = "token_refresh"

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except InvalidToken:
            data = request.data if isinstance(request.data, Mapping) else {}
            services.refresh_token_refused(token=str(data.get("refresh", "")))
            raise


class LogoutView(AuthThrottleMixin, generics.GenericAPIView):
    """Blacklist the given refresh token. Open to its holder, even once the access token expired."""

    permission_classes = [AllowAny]
    serializer_class = serializers.LogoutSerializer

    @extend_schema(responses={205: None})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            refresh_token = RefreshToken(serializer.validated_data["refresh"])
        except TokenError as error:
            raise InvalidToken(error.args[0]) from error
        services.sign_out(refresh_token=refresh_token)
        return Response(status=status.HTTP_205_RESET_CONTENT)


class MeView(generics.GenericAPIView):
    """The signed-in user's own profile."""

    permission_classes = [IsAuthenticated]
    serializer_class = serializers.ProfileUpdateSerializer

    @extend_schema(responses={200: serializers.UserSerializer})
    def get(self, request):
        return Response(serializers.UserSerializer(request.user).data)

    @extend_schema(responses={200: serializers.UserSerializer})
    def patch(self, request):
        serializer = self.get_serializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = services.user_update_profile(user=request.user, data=serializer.validated_data)
        return Response(serializers.UserSerializer(user).data)


class IsDealer(IsAuthenticated):
    def has_permission(self, request, view):
        return super().has_permission(request, view) and request.user.is_dealer


class TotpView(generics.GenericAPIView):
    """A dealer's own two-factor sign-in (optional; staff are enrolled by operations). POST starts an
    enrolment: the provisioning URI and recovery codes, shown once, which count from the confirmation.
    DELETE turns it off, proven with a current code or a recovery code."""

    permission_classes = [IsDealer]
    serializer_class = serializers.OtpCodeSerializer

    @extend_schema(request=None, responses={201: serializers.TotpEnrolmentSerializer})
    def post(self, request):
        device, codes = totp_enrolment_start(user=request.user)
        secret = base64.b32encode(device.bin_key).decode()
        body = {"otpauth_uri": device.config_url, "secret": secret, "recovery_codes": codes}
        return Response(serializers.TotpEnrolmentSerializer(body).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=serializers.OtpCodeSerializer, responses={204: None})
    def delete(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        totp_remove(user=request.user, code=serializer.validated_data["otp"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class TotpConfirmView(generics.GenericAPIView):
    """Confirm a dealer's enrolment with a code from its app: from then on its sign-ins need a code."""

    permission_classes = [IsDealer]
    serializer_class = serializers.OtpCodeSerializer

    @extend_schema(responses={200: serializers.MessageSerializer})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        totp_enrolment_confirm(user=request.user, code=serializer.validated_data["otp"])
        return Response({"detail": gettext("Two-factor sign-in is on.")})


class PasswordChangeView(generics.GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = serializers.PasswordChangeSerializer

    @extend_schema(responses={200: serializers.MessageSerializer})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.user_change_password(user=request.user, new_password=serializer.validated_data["new_password"])
        return Response({"detail": gettext("Password changed.")})


class LanguageView(generics.GenericAPIView):
    """Switch the user's language: messages and answers to this user follow it."""

    permission_classes = [IsAuthenticated]
    serializer_class = serializers.LanguageSerializer

    @extend_schema(responses={200: serializers.UserSerializer})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        language = serializer.validated_data["language"]
        user = services.user_set_language(user=request.user, language=language)
        caller_language_activate(request=request._request, user=user)  # this answer is already in it
        response = Response(serializers.UserSerializer(user).data)
        response.set_cookie("django_language", language, samesite="Lax", httponly=True)
        return response


class PasswordResetRequestView(AuthThrottleMixin, generics.GenericAPIView):
    """E-mail a reset link. The answer is the same whether or not the address has an account."""

    permission_classes = [AllowAny]
    serializer_class = serializers.PasswordResetRequestSerializer

    @extend_schema(responses={202: serializers.MessageSerializer})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.password_reset_request(email=serializer.validated_data["email"])
        return Response(
            {"detail": gettext("If an account uses this address, a reset link is on its way.")},
            status=status.HTTP_202_ACCEPTED,
        )


class PasswordResetConfirmView(AuthThrottleMixin, generics.GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = serializers.PasswordResetConfirmSerializer

    @extend_schema(responses={200: serializers.MessageSerializer})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.password_reset_confirm(**serializer.validated_data)
        return Response({"detail": gettext("Password changed. You can sign in with the new password.")})


class UserViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Staff see every user; anyone else sees only themselves."""

    permission_classes = [IsAuthenticated]
    serializer_class = serializers.UserSerializer
    queryset = User.objects.none()  # for the schema; the real one is scoped to the caller
    filterset_fields = ["role"]
    ordering_fields = ["id", "username", "date_joined"]

    def get_queryset(self):
        return user_list_visible_to(user=self.request.user)
