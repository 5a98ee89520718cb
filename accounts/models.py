from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField

from accounts.validators import validate_currency_code, validate_time_zone


class Role(models.TextChoices):
    DEALER = "dealer", _("Dealer")
    BUYER = "buyer", _("Buyer")
    BROKER = "broker", _("Broker")
    STAFF = "staff", _("Staff")


SELF_REGISTERING_ROLE_CHOICES = [(role.value, role.label) for role in (Role.DEALER, Role.BUYER, Role.BROKER)]


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"


class NzilaUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.STAFF)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.BUYER, db_index=True)
    email = models.EmailField(_("email address"))
    company_name = models.CharField(max_length=200, blank=True)
    business_number = models.CharField(
        max_length=30, blank=True, help_text=_("A dealer's CRA business number (BN), printed on its invoices.")
    )
    address = models.TextField(blank=True, help_text=_("Postal address, as printed on invoices."))
    phone = PhoneNumberField(blank=True, help_text=_("E.164, for example +2250701020304."))
    country = CountryField(blank=True, help_text=_("ISO 3166-1 alpha-2 code."))
    preferred_language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    timezone = models.CharField(max_length=64, default="America/Toronto", validators=[validate_time_zone])
    preferred_currency = models.CharField(max_length=3, default="CAD", validators=[validate_currency_code])

    objects = NzilaUserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
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
