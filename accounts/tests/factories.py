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
