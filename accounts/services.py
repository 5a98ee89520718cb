"""Every write to accounts: registration, profile, passwords, language, staff edits, and the sign-in record."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext
from rest_framework_simplejwt.exceptions import TokenBackendError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.hooks import PUBLIC_NAME_CHANGED
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
    if "company_name" in changes:
        PUBLIC_NAME_CHANGED.announce(user=user)
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


# --- Staff, in the admin ---------------------------------------------------------------------------

STAFF_EDITED_RELATIONS = ("groups", "user_permissions")
# What a deleted account was, kept in its audit record.
DELETED_USER_FIELDS = ("username", "email", "role", "is_staff", "is_superuser", "is_active", "date_joined")


@transaction.atomic
def user_create_by_staff(*, staff_user: User, password: str | None, **fields) -> User:
    """An account made by staff (any role, staff included). `password` None: no usable password."""
    user = User(**fields)
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    changes = {name: [None, _as_text(value)] for name, value in fields.items() if value not in (None, "")}
    changes["usable_password"] = [None, password is not None]
    audit_record(action="user.staff_create", instance=user, user=staff_user, changes=changes)
    return user


@transaction.atomic
def user_update_by_staff(*, user: User, data: dict, staff_user: User) -> User:
    """Staff change an account: role, staff and superuser flags, activity, groups and permissions,
    profile. Compared with the stored row, not with `user`, which the admin's form has already changed.
    The password is never in `data` (user_set_password_by_staff sets it)."""
    stored = User.objects.select_for_update().get(pk=user.pk)
    fields = {name: value for name, value in data.items() if name not in STAFF_EDITED_RELATIONS}
    changes = field_changes(instance=stored, data=fields)
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.full_clean(exclude=["password"])
    stored.save()
    for name in STAFF_EDITED_RELATIONS:
        if name in data:
            related = getattr(stored, name)
            before, after = sorted(map(str, related.all())), sorted(map(str, data[name]))
            related.set(data[name])
            if before != after:
                changes[name] = [before, after]
    if changes:
        audit_record(action="user.staff_edit", instance=stored, user=staff_user, changes=changes)
    if "company_name" in changes:
        PUBLIC_NAME_CHANGED.announce(user=stored)
    return stored


@transaction.atomic
def user_set_password_by_staff(*, user: User, new_password: str | None, staff_user: User | None) -> User:
    """Staff set an account's password (None: password sign-in disabled); the owner is told. Recorded as
    set, never with its value. `staff_user` None: the request's user (the admin's password form cannot
    pass it)."""
    was_usable = user.has_usable_password()
    if new_password is None:
        user.set_unusable_password()
    else:
        validate_password(new_password, user=user)
        user.set_password(new_password)
    user.save(update_fields=["password"])
    changes = {"usable_password": [was_usable, new_password is not None]}
    audit_record(action="user.staff_set_password", instance=user, user=staff_user, changes=changes)
    notify(event="account.password_changed", recipients=[user], context={"changed_at": timezone.now()})
    return user


@transaction.atomic
def user_delete_by_staff(*, user: User, staff_user: User) -> None:
    """Recorded first, with what the account was: once deleted, the row is gone."""
    changes = {name: [_as_text(getattr(user, name)), None] for name in DELETED_USER_FIELDS}
    audit_record(action="user.staff_delete", instance=user, user=staff_user, changes=changes)
    user.delete()


def _as_text(value):
    return value if value is None or isinstance(value, bool | int | str) else str(value)


# --- Signing in -------------------------------------------------------------------------------------


def sign_in_succeeded(*, user: User) -> None:
    sign_in_failures_clear(username=user.username)
    audit_record(action="auth.sign_in", instance=user, user=user)


def sign_in_failed(*, username: str, ip: str | None, reason: str = "password") -> None:
    """`reason`: what was wrong, the password or the second factor ("otp")."""
    sign_in_failure_register(username=username, ip=ip)
    changes = {"username": username} if reason == "password" else {"username": username, "reason": reason}
    audit_record(action="auth.sign_in_failed", object_repr=username, changes=changes)


def refresh_token_refused(*, token: str) -> None:
    """A refresh token we signed, not expired but blacklisted (already rotated, or signed out), came back:
    someone holds a copy of it. Recorded for its user as "auth.refresh_token_reused"; a forged or expired
    token records nothing, so that nobody can fill the log with them."""
    try:
        payload = token_backend.decode(token, verify=True)
    except TokenBackendError:
        return
    jti = payload.get(jwt_settings.JTI_CLAIM)
    if payload.get(jwt_settings.TOKEN_TYPE_CLAIM) != "refresh" or not jti:
        return
    if not BlacklistedToken.objects.filter(token__jti=jti).exists():
        return
    user = User.objects.filter(pk=payload.get(jwt_settings.USER_ID_CLAIM)).first()
    audit_record(action="auth.refresh_token_reused", instance=user, user=user)


def sign_out(*, refresh_token: RefreshToken) -> None:
    """Blacklist the refresh token, so that it can no longer mint access tokens."""
    refresh_token.blacklist()
    user = User.objects.filter(pk=refresh_token.get("user_id")).first()
    audit_record(action="auth.sign_out", instance=user, user=user)


# --- Closing an account (its owner asked for its deletion: privacy) --------------------------------


def _refresh_tokens_blacklist(*, user: User) -> None:
    """No refresh token of the account mints access tokens any more (its access tokens are refused as soon
    as the account is inactive)."""
    outstanding = OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True)
    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=token) for token in outstanding], ignore_conflicts=True
    )


@transaction.atomic
def user_deactivate(*, user: User) -> User:
    """Close an account at once: nobody signs in to it, and none of its tokens works."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    _refresh_tokens_blacklist(user=user)
    audit_record(action="user.deactivate", instance=user, user=user)
    return user


@transaction.atomic
def user_reactivate(*, user: User) -> User:
    """Open an account closed by user_deactivate again (its owner cancelled the deletion): they sign in afresh."""
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_record(action="user.reactivate", instance=user, user=user)
    return user


@transaction.atomic
def user_anonymize(*, user: User) -> User:
    """Replace what identifies the account by a pseudonym, in place: the row stays, so that the records the
    law keeps (invoices, ledger, commissions, export documents, the audit log) still point at it, and at
    nobody. Nobody can sign in to it. The caller (privacy) audits it, without personal data; running it
    again changes nothing that matters."""
    pseudonym = f"deleted-{user.pk}"
    user.username, user.email = pseudonym, f"{pseudonym}@deleted.invalid"
    had_public_name = bool(user.company_name)
    user.first_name = user.last_name = user.company_name = user.business_number = user.address = ""
    user.phone = user.country = user.identity_number = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    _refresh_tokens_blacklist(user=user)
    if had_public_name:
        PUBLIC_NAME_CHANGED.announce(user=user)
    return user
