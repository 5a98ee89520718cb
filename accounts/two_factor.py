"""Two-factor sign-in (README, Staff security): a TOTP device (an authenticator app) and
single-use recovery codes, both django-otp devices. Staff must have one: without it they get neither a
token nor the admin; ops enrol or reset a staff account with `manage.py set_totp`. A dealer may enrol
itself through the API; once its device is confirmed, its sign-ins need a code too.

Every change of a user's devices is audited (auth.totp_*); a recovery code spent is audited too.
"""

import base64
import binascii

from django.db import transaction
from django.utils.translation import gettext, gettext_lazy
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from audit.services import audit_record
from nzila_export.exceptions import Conflict, DomainError, Forbidden

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
NOT_ENROLLED_MESSAGE = gettext_lazy(
    "Staff accounts sign in with a second factor, and this one has none yet. Ask operations to enrol "
    "an authenticator app for it (manage.py set_totp)."
)


class SecondFactorRefused(DomainError):
    """A sign-in whose password was right but whose second factor is missing or wrong: 401, on `otp`."""

    status_code = 401
    code = "otp_invalid"


def two_factor_required(*, user: User) -> bool:
    """Staff always; anyone else once they have confirmed a device."""
    return user.is_platform_staff or any(devices_for_user(user, confirmed=True))


def second_factor_device_for(*, user: User, code: str) -> Device | None:
    """The confirmed device a code is meant for, by its shape: digits of a TOTP code's length are for the
    authenticator app, anything else is a recovery code. Trying every device in turn would count a
    failure against each one that does not match (django-otp throttles a device after failures)."""
    code = (code or "").strip()
    model = TOTPDevice if code.isdecimal() and len(code) <= 8 else StaticDevice
    return model.objects.devices_for_user(user, confirmed=True).first()


def _code_verify(*, user: User, code: str) -> Device | None:
    """The device that accepted `code` (a recovery code is spent by it), or None."""
    device = second_factor_device_for(user=user, code=code)
    if device is None or not device.verify_is_allowed()[0]:
        return None
    return device if device.verify_token((code or "").strip()) else None


def second_factor_verify(*, user: User, code: str) -> None:
    """Check the sign-in's second factor, when `user` needs one. Raises SecondFactorRefused, with code
    otp_not_enrolled (staff with no device: ops enrol it), otp_required (no code given) or otp_invalid
    (wrong, or a recovery code already spent). A recovery code is spent by its use."""
    if not two_factor_required(user=user):
        return
    if not any(devices_for_user(user, confirmed=True)):
        raise SecondFactorRefused(str(NOT_ENROLLED_MESSAGE), field="otp", code="otp_not_enrolled")
    code = (code or "").strip()
    if not code:
        raise SecondFactorRefused(
            gettext("Enter the code from your authenticator app, or a recovery code."),
            field="otp",
            code="otp_required",
        )
    device = _code_verify(user=user, code=code)
    if device is None:
        raise SecondFactorRefused(gettext("This code is wrong or has already been used."), field="otp")
    if isinstance(device, StaticDevice):
        audit_record(
            action="auth.recovery_code_used",
            instance=user,
            user=user,
            changes={"recovery_codes_left": device.token_set.count()},
        )


def _recovery_codes_make(*, user: User, confirmed: bool) -> list[str]:
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=confirmed)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _devices_delete(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def _secret_as_hex(secret: str) -> str:
    """A base32 secret (as authenticator apps show it, spaces and case ignored) as django-otp's hex key."""
    cleaned = secret.replace(" ", "").upper()
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (binascii.Error, ValueError) as error:
        raise DomainError(gettext("The secret must be base32 (A-Z, 2-7)."), field="secret") from error
    if len(raw) < 10:
        raise DomainError(gettext("The secret must be at least 16 base32 characters (80 bits)."), field="secret")
    return raw.hex()


@transaction.atomic
def totp_device_set(
    *, user: User, secret: str | None = None, actor: User | None = None
) -> tuple[TOTPDevice, list[str]]:
    """Enrol `user` (or reset its enrolment) as ops do: a confirmed TOTP device with `secret` (base32;
    random when None) and new recovery codes, replacing every device it had. Returns the device (its
    `config_url` is the provisioning URI) and the codes, shown once."""
    key = _secret_as_hex(secret) if secret else None
    _devices_delete(user=user)
    device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, confirmed=True)
    if key:
        device.key = key
    device.save()
    codes = _recovery_codes_make(user=user, confirmed=True)
    audit_record(
        action="auth.totp_set",
        instance=user,
        user=actor,
        changes={"secret_given": bool(secret), "recovery_codes": RECOVERY_CODE_COUNT},
    )
    return device, codes


@transaction.atomic
def totp_enrolment_start(*, user: User) -> tuple[TOTPDevice, list[str]]:
    """A user's own enrolment, step one: an unconfirmed device and recovery codes, which count once
    confirmed with a code from the app (totp_enrolment_confirm). Starting again replaces them."""
    if any(devices_for_user(user, confirmed=True)):
        raise Conflict(gettext("Two-factor sign-in is already on for this account."))
    _devices_delete(user=user)
    device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    codes = _recovery_codes_make(user=user, confirmed=False)
    audit_record(action="auth.totp_enrolment_started", instance=user, user=user)
    return device, codes


@transaction.atomic
def totp_enrolment_confirm(*, user: User, code: str) -> TOTPDevice:
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None:
        raise Conflict(gettext("There is no enrolment waiting for confirmation: start one first."))
    if not device.verify_token((code or "").strip()):
        raise DomainError(gettext("This code is wrong or has expired."), field="otp")
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).update(confirmed=True)
    audit_record(action="auth.totp_confirmed", instance=user, user=user)
    return device


@transaction.atomic
def totp_remove(*, user: User, code: str) -> None:
    """A user turns its own two-factor sign-in off, proving it with a code. Not staff: theirs is required."""
    if user.is_platform_staff:
        raise Forbidden(gettext("Staff accounts must keep two-factor sign-in; operations can reset it."))
    if not any(devices_for_user(user, confirmed=True)):
        raise Conflict(gettext("Two-factor sign-in is not on for this account."))
    if _code_verify(user=user, code=code) is None:
        raise DomainError(gettext("This code is wrong or has already been used."), field="otp")
    _devices_delete(user=user)
    audit_record(action="auth.totp_removed", instance=user, user=user)
