from django.db import migrations, models

# Django would cast the text with reason::jsonb, which fails on a reason that is not JSON (any typed reason):
# each text becomes a JSON string instead, and back.
TO_JSON = "ALTER TABLE deals_dealevent ALTER COLUMN reason TYPE jsonb USING to_jsonb(reason)"
TO_TEXT = (
    "ALTER TABLE deals_dealevent ALTER COLUMN reason TYPE text "
    "USING CASE WHEN jsonb_typeof(reason) = 'string' THEN reason #>> '{}' ELSE reason::text END"
)


class Migration(migrations.Migration):
    """A deal event's reason holds the platform's own texts with their values (a released hold's note), read in
    each reader's language (nzila_export.stored_text)."""

    dependencies = [
        ("deals", "0003_field_labels"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(TO_JSON, reverse_sql=TO_TEXT)],
            state_operations=[
                migrations.AlterField(
                    model_name="dealevent",
                    name="reason",
                    field=models.JSONField(blank=True, default=str, verbose_name="reason"),
                ),
            ],
        ),
    ]
