from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField

from accounts.validators import validate_currency_code, validate_identity_number, validate_time_zone
from nzila_export.field_encryption import EncryptedTextField


class Role(models.TextChoices):
    DEALER = "dealer", _("Dealer")
    BUYER = "buyer", _("Buyer")
    BROKER = "broker", _("Broker")
    STAFF = "staff", _("Staff")


SELF_REGISTERING_ROLE_CHOICES = [(role.value, role.label) for role in (Role.DEALER, Role.BUYER, Role.BROKER)]


class Language(models.TextChoices):
    # Each language named in itself, as a language picker shows them, whatever the reader's language.
    ENGLISH = "en", pgettext_lazy("language named in itself", "English")
    FRENCH = "fr", pgettext_lazy("language named in itself", "Français")


class NzilaUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.STAFF)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    role = models.CharField(
        verbose_name=_("role"), max_length=16, choices=Role.choices, default=Role.BUYER, db_index=True
    )
    email = models.EmailField(_("email address"))
    company_name = models.CharField(verbose_name=_("company name"), max_length=200, blank=True)
    business_number = models.CharField(
        verbose_name=_("business number"),
        max_length=30,
        blank=True,
        help_text=_("A dealer's CRA business number (BN), printed on its invoices."),
    )
    address = models.TextField(
        verbose_name=_("address"), blank=True, help_text=_("Postal address, as printed on invoices.")
    )
    identity_number = EncryptedTextField(
        verbose_name=_("identity number"),
        blank=True,
        default="",
        validators=[validate_identity_number],
        help_text=_(
            "A buyer's national identity or passport number, which customs need on the commercial invoice. "
            "Encrypted at rest."
        ),
    )
    phone = PhoneNumberField(verbose_name=_("phone"), blank=True, help_text=_("E.164, for example +2250701020304."))
    country = CountryField(verbose_name=_("country"), blank=True, help_text=_("ISO 3166-1 alpha-2 code."))
    preferred_language = models.CharField(
        verbose_name=_("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    timezone = models.CharField(
        verbose_name=_("time zone"), max_length=64, default="America/Toronto", validators=[validate_time_zone]
    )
    preferred_currency = models.CharField(
        verbose_name=_("preferred currency"), max_length=3, default="CAD", validators=[validate_currency_code]
    )

    objects = NzilaUserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique"),
        ]

    @property
    def is_dealer(self) -> bool:
        return self.role == Role.DEALER

    @property
    def is_buyer(self) -> bool:
        return self.role == Role.BUYER

    @property
    def is_broker(self) -> bool:
        return self.role == Role.BROKER

    @property
    def is_platform_staff(self) -> bool:
        return self.is_staff or self.role == Role.STAFF
