from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD, demo_users_seed


class Command(BaseCommand):
    help = "Load demo data (idempotent): staff, two dealers, two buyers and a broker, and their data."

    def handle(self, *args, **options):
        users = demo_users_seed()
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (password {DEMO_PASSWORD!r}):"))
        for user in users:
            self.stdout.write(f"  {user.username:<16} {user.role:<7} {user.email}")
