from django.db import migrations, models

# Django would cast the text with note::jsonb, which fails on a note that is not JSON (any typed reason):
# each text becomes a JSON string instead, and back.
TO_JSON = "ALTER TABLE commissions_commissionentry ALTER COLUMN note TYPE jsonb USING to_jsonb(note)"
TO_TEXT = (
    "ALTER TABLE commissions_commissionentry ALTER COLUMN note TYPE varchar(255) "
    "USING left(CASE WHEN jsonb_typeof(note) = 'string' THEN note #>> '{}' ELSE note::text END, 255)"
)


class Migration(migrations.Migration):
    """A commission entry's note holds the platform's own texts with their values (a tier's rate), read in each
    reader's language (nzila_export.stored_text)."""

    dependencies = [
        ("commissions", "0007_encrypt_existing_payout_details"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(TO_JSON, reverse_sql=TO_TEXT)],
            state_operations=[
                migrations.AlterField(
                    model_name="commissionentry",
                    name="note",
                    field=models.JSONField(blank=True, default=str, verbose_name="note"),
                ),
            ],
        ),
    ]
