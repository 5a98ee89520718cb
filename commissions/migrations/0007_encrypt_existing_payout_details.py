from django.db import migrations

from nzila_export.field_encryption import encrypted_columns_migration


class Migration(migrations.Migration):
    """The phone numbers, bank details and payout destinations stored in clear before 0006 are encrypted with
    the first key of FIELD_ENCRYPTION_KEYS; reversed, they are decrypted, before 0006 makes the columns
    what they were."""

    dependencies = [
        ("commissions", "0006_payout_details_encrypted_at_rest"),
    ]

    operations = [
        encrypted_columns_migration("commissions", "BrokerPayoutAccount", "mobile_money_phone", "bank_details"),
        encrypted_columns_migration("commissions", "Payout", "destination"),
    ]
