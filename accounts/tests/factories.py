import factory

from accounts.models import Role, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    role = Role.BUYER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(self, create, extracted, **kwargs):
        if create:
            self.save(update_fields=["password"])


class DealerFactory(UserFactory):
    role = Role.DEALER
    company_name = factory.Sequence(lambda n: f"Dealer {n} Motors")


class BuyerFactory(UserFactory):
    role = Role.BUYER


class BrokerFactory(UserFactory):
    role = Role.BROKER


class StaffFactory(UserFactory):
    role = Role.STAFF
    is_staff = True


def totp_device_for(user, *, confirmed: bool = True):
    """A TOTP device of `user` (django-otp's), as an authenticator app holds it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=confirmed)


def totp_code(device, *, steps_ahead: int = 0) -> str:
    """The code the device's authenticator app shows now (or `steps_ahead` periods later: a code once
    accepted is not accepted again, and the next period's is, within the device's tolerance)."""
    from django_otp.oath import totp

    t0 = device.t0 - steps_ahead * device.step
    return f"{totp(device.bin_key, step=device.step, t0=t0, digits=device.digits):0{device.digits}d}"
