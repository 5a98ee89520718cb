"""Demo accounts for `seed_demo`: the people a new developer signs in as."""

from django.db import transaction

from accounts.models import Role, User

DEMO_PASSWORD = "nzila-demo-2026"

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
    return f"{len(users)} demo accounts"
