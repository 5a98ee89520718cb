"""Every write to accounts: registration, profile, passwords, language, and the sign-in record."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import SELF_REGISTERING_ROLE_CHOICES, User
from accounts.sign_in_guard import sign_in_failure_register, sign_in_failures_clear
from audit.services import audit_record, field_changes
from notifications.services import notify
from nzila_export.exceptions import DomainError


class InvalidPasswordResetLink(DomainError):
    code = "invalid_reset_link"


@transaction.atomic
def user_register(*, username: str, email: str, password: str, role: str, **profile) -> User:
    if role not in dict(SELF_REGISTERING_ROLE_CHOICES):
        raise DomainError(gettext("Staff accounts are created by staff, not by registration."), field="role")
    user = User(username=username, email=email, role=role, **profile)
    user.set_password(password)
    user.save()
    audit_record(action="user.register", instance=user, user=user, changes={"role": role})
    notify(event="account.welcome", recipients=[user], context={})
    return user


@transaction.atomic
def user_update_profile(*, user: User, data: dict) -> User:
    changes = field_changes(instance=user, data=data)
    for field, value in data.items():
        setattr(user, field, value)
    user.full_clean(exclude=["password"])
    user.save()
    if changes:
        audit_record(action="user.update_profile", instance=user, changes=changes)
    return user


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    return user_update_profile(user=user, data={"preferred_language": language})


@transaction.atomic
def user_change_password(*, user: User, new_password: str) -> User:
    validate_password(new_password, user=user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    audit_record(action="user.change_password", instance=user, user=user)
    notify(event="account.password_changed", recipients=[user], context={"changed_at": timezone.now()})
    return user


def password_reset_token_make(*, user: User) -> tuple[str, str]:
    """The (uid, token) pair of a reset link; the token is spent once the password changes."""
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)


@transaction.atomic
def password_reset_request(*, email: str) -> User | None:
    """Start a reset for the account with this e-mail, if there is one. The caller answers the same
    either way, so that the endpoint does not tell who has an account."""
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        return None
    uid, token = password_reset_token_make(user=user)
    reset_url = settings.PASSWORD_RESET_URL.format(uid=uid, token=token)
    audit_record(action="user.password_reset_request", instance=user, user=user)
    notify(event="account.password_reset", recipients=[user], context={"reset_url": reset_url})
    return user


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uid))), is_active=True)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        raise InvalidPasswordResetLink(gettext("This password reset link is invalid or has expired."), field="token")
    return user_change_password(user=user, new_password=new_password)


def sign_in_succeeded(*, user: User) -> None:
    sign_in_failures_clear(username=user.username)
    audit_record(action="auth.sign_in", instance=user, user=user)


def sign_in_failed(*, username: str, ip: str | None) -> None:
    sign_in_failure_register(username=username, ip=ip)
    audit_record(action="auth.sign_in_failed", object_repr=username, changes={"username": username})


def sign_out(*, refresh_token: RefreshToken) -> None:
    """Blacklist the refresh token, so that it can no longer mint access tokens."""
    refresh_token.blacklist()
    user = User.objects.filter(pk=refresh_token.get("user_id")).first()
    audit_record(action="auth.sign_out", instance=user, user=user)
