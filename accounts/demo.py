"""Demo accounts for `seed_demo`: the people a new developer signs in as."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User
from accounts.two_factor import totp_device_set

DEMO_PASSWORD = "nzila-demo-2026"
# The demo staff account's second factor (staff sign in with one: README, Staff security): this base32 secret
# in an authenticator app, through the provisioning URI `seed_demo` prints. A demo value, like the password.
DEMO_STAFF_TOTP_SECRET = "NZILADEMOSTAFFSECRETAAAA"

DEMO_USERS = [
    {
        "username": "staff",
        "role": Role.STAFF,
        "email": "staff@nzila.example",
        "company_name": "Nzila Export Hub",
        "country": "CA",
        "is_staff": True,
        "is_superuser": True,
    },
    {
        "username": "dealer_halifax",
        "role": Role.DEALER,
        "email": "sales@harbourauto.example",
        "company_name": "Harbour Auto Halifax",
        "business_number": "123456789RT0001",
        "address": "3000 Kempt Road, Halifax NS B3K 5X6",
        "country": "CA",
        "phone": "+19025550101",
        "timezone": "America/Halifax",
    },
    {
        "username": "dealer_montreal",
        "role": Role.DEALER,
        "email": "ventes@autoplateau.example",
        "company_name": "Auto Plateau Montréal",
        "business_number": "987654321RT0001",
        "address": "4500 rue Saint-Denis, Montréal QC H2J 2L3",
        "country": "CA",
        "phone": "+15145550102",
        "preferred_language": "fr",
    },
    {
        "username": "buyer_abidjan",
        "role": Role.BUYER,
        "email": "kouame@example.ci",
        "address": "Boulevard de la République, Plateau, Abidjan",
        "country": "CI",
        "phone": "+2250701020304",
        "preferred_language": "fr",
        "timezone": "Africa/Abidjan",
        "preferred_currency": "XOF",
    },
    {
        "username": "buyer_lagos",
        "role": Role.BUYER,
        "email": "adaeze@example.ng",
        "country": "NG",
        "phone": "+2348031234567",
        "timezone": "Africa/Lagos",
        "preferred_currency": "NGN",
    },
    {
        "username": "broker_dakar",
        "role": Role.BROKER,
        "email": "awa@example.sn",
        "company_name": "Teranga Brokers",
        "country": "SN",
        "phone": "+221771234567",
        "preferred_language": "fr",
        "timezone": "Africa/Dakar",
        "preferred_currency": "XOF",
    },
]


@transaction.atomic
def demo_users_seed() -> str:
    """Create or refresh the demo accounts; running it again changes nothing but their passwords."""
    users = []
    for spec in DEMO_USERS:
        fields = dict(spec)
        username = fields.pop("username")
        user, _created = User.objects.update_or_create(username=username, defaults=fields)
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        users.append(user)
    staff = User.objects.get(username="staff")
    device = TOTPDevice.objects.filter(user=staff, confirmed=True).first()
    if device is None:
        device, _codes = totp_device_set(user=staff, secret=DEMO_STAFF_TOTP_SECRET)
    return f"{len(users)} demo accounts; staff's second factor, for an authenticator app: {device.config_url}"
