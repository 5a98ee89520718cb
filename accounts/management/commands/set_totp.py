from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.two_factor import totp_device_set
from nzila_export.exceptions import DomainError


class Command(BaseCommand):
    help = (
        "Enrol an account in two-factor sign-in, or reset it: a new authenticator (TOTP) device and new "
        "recovery codes replace the old ones. Prints the provisioning URI and the codes; audited."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="Username (any case)")
        parser.add_argument("--secret", default=None, help="Base32 secret to use (default: a random one)")

    def handle(self, *args, user: str, secret: str | None, **options):
        account = User.objects.filter(username__iexact=user).first()
        if account is None:
            raise CommandError(f"No user named {user!r}.")
        try:
            device, codes = totp_device_set(user=account, secret=secret)
        except DomainError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"TOTP device set for {account.username}.")
        self.stdout.write(f"Provisioning URI: {device.config_url}")
        self.stdout.write("Recovery codes (each works once; give them to the user, they are not shown again):")
        for code in codes:
            self.stdout.write(f"  {code}")
