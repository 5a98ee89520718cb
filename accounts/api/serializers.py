from django.contrib.auth.models import update_last_login
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from phonenumber_field.serializerfields import PhoneNumberField
from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenObtainSerializer
from rest_framework_simplejwt.settings import api_settings as jwt_settings

from accounts.models import SELF_REGISTERING_ROLE_CHOICES, Language, User
from accounts.selectors import user_email_taken, username_taken
from accounts.two_factor import second_factor_verify
from accounts.validators import validate_currency_code, validate_identity_number, validate_time_zone
from nzila_export.api.fields import CountryCodeFieldMixin
from nzila_export.field_encryption import masked

PROFILE_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "company_name",
    "business_number",
    "address",
    "phone",
    "country",
    "preferred_language",
    "timezone",
    "preferred_currency",
]


class UserSerializer(CountryCodeFieldMixin, serializers.ModelSerializer):
    """An account as its owner, and staff, read it."""

    phone = PhoneNumberField(required=False, allow_blank=True)
    identity_number_masked = serializers.SerializerMethodField(
        help_text=_("The identity number set with the profile, by its last 4 characters only (empty if none).")
    )

    class Meta:
        model = User
        fields = ["id", "username", "role", *PROFILE_FIELDS, "identity_number_masked", "date_joined"]
        read_only_fields = ["id", "username", "role", "date_joined"]

    def get_identity_number_masked(self, user: User) -> str:
        return masked(user.identity_number)


class ProfileFieldsMixin(serializers.Serializer):
    """Validation shared by registration and profile edits."""

    # Declared here so that the currency is upper-cased before it is checked.
    timezone = serializers.CharField(max_length=64, required=False)
    preferred_currency = serializers.CharField(max_length=3, required=False)

    def validate_email(self, value):
        current = self.instance if isinstance(self.instance, User) else None
        if user_email_taken(email=value, excluding=current):
            raise serializers.ValidationError(_("An account with this e-mail address already exists."))
        return value.strip()

    def validate_timezone(self, value):
        return _django_validated(validate_time_zone, value)

    def validate_preferred_currency(self, value):
        return _django_validated(validate_currency_code, value.upper())


def _django_validated(validator, value):
    try:
        validator(value)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.messages) from error
    return value


class RegisterSerializer(ProfileFieldsMixin, CountryCodeFieldMixin, serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    role = serializers.ChoiceField(choices=SELF_REGISTERING_ROLE_CHOICES)
    phone = PhoneNumberField(required=False, allow_blank=True)

    class Meta:
        model = User
        fields = ["username", "password", "role", *PROFILE_FIELDS]
        extra_kwargs = {"email": {"required": True}}

    def validate_username(self, value):
        if username_taken(username=value):
            raise serializers.ValidationError(_("This username is taken."))
        return value

    def validate(self, attrs):
        candidate = User(**{key: value for key, value in attrs.items() if key != "password"})
        try:
            validate_password(attrs["password"], user=candidate)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"password": error.messages}) from error
        return attrs


class ProfileUpdateSerializer(ProfileFieldsMixin, CountryCodeFieldMixin, serializers.ModelSerializer):
    phone = PhoneNumberField(required=False, allow_blank=True)
    # Written, never read back in clear (encrypted at rest; the answer has identity_number_masked).
    identity_number = serializers.CharField(
        write_only=True, required=False, allow_blank=True,
        help_text=_(
            "A buyer's national identity or passport number, printed on its invoices for customs: 4 to 30 letters, "
            "digits, spaces or dashes; empty removes it."
        ),
    )  # fmt: skip

    class Meta:
        model = User
        fields = [*PROFILE_FIELDS, "identity_number"]

    def validate_identity_number(self, value):
        return _django_validated(validate_identity_number, value) if value else value


class PasswordChangeSerializer(serializers.Serializer):
    current_password = serializers.CharField(write_only=True, style={"input_type": "password"})
    new_password = serializers.CharField(write_only=True, style={"input_type": "password"})

    def validate_current_password(self, value):
        if not self.context["request"].user.check_password(value):
            raise serializers.ValidationError(_("The current password is wrong."))
        return value

    def validate_new_password(self, value):
        try:
            validate_password(value, user=self.context["request"].user)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return value


class LanguageSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=Language.choices)


class PasswordResetRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = serializers.CharField()
    token = serializers.CharField()
    new_password = serializers.CharField(write_only=True, style={"input_type": "password"})


class SignInUserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "email", "role", "company_name", "preferred_language"]


class TokenPairSerializer(TokenObtainPairSerializer):
    """The token pair, with the signed-in user so a client needs no second request. An account with
    two-factor sign-in (staff always) also sends `otp`: a code from its authenticator app or an unused
    recovery code; it is checked once the password is right, before any token is made."""

    otp = serializers.CharField(required=False, allow_blank=True, write_only=True, max_length=32)

    def validate(self, attrs):
        TokenObtainSerializer.validate(self, attrs)  # the password: sets self.user or raises
        second_factor_verify(user=self.user, code=attrs.get("otp", ""))
        refresh = self.get_token(self.user)
        if jwt_settings.UPDATE_LAST_LOGIN:
            update_last_login(None, self.user)
        return {
            "refresh": str(refresh),
            "access": str(refresh.access_token),
            "user": SignInUserSerializer(self.user).data,
        }


class TokenPairResponseSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()
    user = SignInUserSerializer()


class LogoutSerializer(serializers.Serializer):
    refresh = serializers.CharField()


class MessageSerializer(serializers.Serializer):
    detail = serializers.CharField()


class OtpCodeSerializer(serializers.Serializer):
    otp = serializers.CharField(max_length=32)


class TotpEnrolmentSerializer(serializers.Serializer):
    otpauth_uri = serializers.CharField(help_text=_("The provisioning URI, for the authenticator app (as a QR code)."))
    secret = serializers.CharField(help_text=_("The same secret in base32, to type in by hand."))
    recovery_codes = serializers.ListField(
        child=serializers.CharField(), help_text=_("Single-use codes for when the app is lost; shown once.")
    )
