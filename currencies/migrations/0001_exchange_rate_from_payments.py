# ExchangeRate moves from payments to currencies with its rows: the table is renamed, nothing is copied.
# payments.0010_exchange_rate_to_currencies removes the model from payments' state.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

RENAME_TABLE = """
ALTER TABLE payments_exchangerate RENAME TO currencies_exchangerate;
ALTER SEQUENCE payments_exchangerate_id_seq RENAME TO currencies_exchangerate_id_seq;
"""
RENAME_TABLE_BACK = """
ALTER TABLE currencies_exchangerate RENAME TO payments_exchangerate;
ALTER SEQUENCE currencies_exchangerate_id_seq RENAME TO payments_exchangerate_id_seq;
"""
# The model's content type follows it, so that staff permissions and admin history on rates are kept.
# Skipped when the other label already exists (a database migrated back and forth).
RELABEL_CONTENT_TYPE = """
UPDATE django_content_type SET app_label = 'currencies'
WHERE app_label = 'payments' AND model = 'exchangerate'
AND NOT EXISTS (SELECT 1 FROM django_content_type WHERE app_label = 'currencies' AND model = 'exchangerate');
"""
RELABEL_CONTENT_TYPE_BACK = """
UPDATE django_content_type SET app_label = 'payments'
WHERE app_label = 'currencies' AND model = 'exchangerate'
AND NOT EXISTS (SELECT 1 FROM django_content_type WHERE app_label = 'payments' AND model = 'exchangerate');
"""


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('payments', '0009_mobile_money_provider_token'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(RENAME_TABLE, reverse_sql=RENAME_TABLE_BACK),
                migrations.RunSQL(RELABEL_CONTENT_TYPE, reverse_sql=RELABEL_CONTENT_TYPE_BACK),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='ExchangeRate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('currency', models.CharField(max_length=3)),
                        ('date', models.DateField()),
                        ('cad_per_unit', models.DecimalField(decimal_places=12, max_digits=24)),
                        ('source', models.CharField(choices=[('bank_of_canada', 'Bank of Canada'), ('fallback', 'Fallback feed'), ('parity', 'Fixed parity'), ('manual', 'Entered by hand'), ('local', 'Local table (development)')], max_length=20)),
                        ('note', models.CharField(blank=True, help_text='Why a rate was entered by hand', max_length=255)),
                        ('confirmed_at', models.DateTimeField()),
                        ('entered_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['currency', '-date'],
                        'indexes': [models.Index(fields=['currency', '-date'], name='exchange_rate_newest_idx')],
                        'constraints': [models.UniqueConstraint(fields=('currency', 'date'), name='one_exchange_rate_per_currency_per_day'), models.CheckConstraint(condition=models.Q(('cad_per_unit__gt', 0)), name='exchange_rate_positive')],
                    },
                ),
            ],
        ),
    ]
