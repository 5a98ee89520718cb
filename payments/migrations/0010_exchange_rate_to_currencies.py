# ExchangeRate now lives in currencies (currencies.0001_exchange_rate_from_payments renamed its table):
# it leaves payments' state only, its rows stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('payments', '0009_mobile_money_provider_token'),
        ('currencies', '0001_exchange_rate_from_payments'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='ExchangeRate'),
            ],
        ),
    ]
