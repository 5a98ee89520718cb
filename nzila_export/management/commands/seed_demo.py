from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from accounts.demo import DEMO_PASSWORD, DEMO_USERS

# Each app's demo data, in the order they depend on each other. Each seeder is idempotent and
# returns a line saying what it made.
DEMO_SEEDERS = [
    "accounts.demo.demo_users_seed",
    "currencies.demo.demo_rates_seed",  # listings in other currencies are valued at these rates
    "plans.demo.demo_plans_seed",  # the demo dealers on Enterprise: their listings pass Starter's limit
    "vehicles.demo.demo_vehicles_seed",
    "leads.demo.demo_leads_seed",
    "deals.demo.demo_deals_seed",
    # These two work on the demo deals.
    "documents.demo.demo_documents_seed",
    "shipments.demo.demo_shipments_seed",
    "invoices.demo.demo_invoices_seed",  # issues the first demo deal's invoice
]


class Command(BaseCommand):
    help = "Load demo data (idempotent): staff, dealers, buyers and a broker, and each app's data."

    def handle(self, *args, **options):
        for seeder_path in DEMO_SEEDERS:
            summary = import_string(seeder_path)()
            self.stdout.write(f"  {summary}")
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (password {DEMO_PASSWORD!r}):"))
        for spec in DEMO_USERS:
            self.stdout.write(f"  {spec['username']:<16} {spec['role']:<7} {spec['email']}")
