from django.db import migrations, models

# Django would cast the text with note::jsonb, which fails on a note that is not JSON (any typed note):
# each text becomes a JSON string instead, and back.
TO_JSON = "ALTER TABLE shipments_shipmentevent ALTER COLUMN note TYPE jsonb USING to_jsonb(note)"
TO_TEXT = (
    "ALTER TABLE shipments_shipmentevent ALTER COLUMN note TYPE text "
    "USING CASE WHEN jsonb_typeof(note) = 'string' THEN note #>> '{}' ELSE note::text END"
)


class Migration(migrations.Migration):
    """A shipment event's note holds the platform's own texts with their values (the booking note), read in
    each reader's language (nzila_export.stored_text)."""

    dependencies = [
        ("shipments", "0002_field_labels"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(TO_JSON, reverse_sql=TO_TEXT)],
            state_operations=[
                migrations.AlterField(
                    model_name="shipmentevent",
                    name="note",
                    field=models.JSONField(blank=True, default=str, verbose_name="note"),
                ),
            ],
        ),
    ]
