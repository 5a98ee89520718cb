"""Provider events move to the one inbox (webhooks.InboxEvent): the stored Stripe events and rail
callbacks are copied there (a rail callback's payment, kept in its headers, becomes its target), then
payments' own table goes. Payments remember when their charge was sent (a push is never sent twice)."""

from django.db import migrations, models

COPIED_FIELDS = ("provider", "event_type", "body", "status", "error", "attempts", "processed_at")


def _keep_timestamps(model, copy, original) -> None:
    """auto_now_add and auto_now stamp a new row with today: give the copy the original's times."""
    model.objects.filter(pk=copy.pk).update(created_at=original.created_at, updated_at=original.updated_at)


def events_to_inbox(apps, schema_editor):
    WebhookEvent = apps.get_model("payments", "WebhookEvent")
    InboxEvent = apps.get_model("webhooks", "InboxEvent")
    for event in WebhookEvent.objects.iterator(chunk_size=1000):
        headers = dict(event.headers)
        target = str(headers.pop("payment", ""))
        copy = InboxEvent.objects.create(
            event_id=event.provider_event_id, headers=headers, target=target,
            last_attempt_at=event.processed_at or (event.updated_at if event.attempts else None),
            **{name: getattr(event, name) for name in COPIED_FIELDS},
        )  # fmt: skip
        _keep_timestamps(InboxEvent, copy, event)


def events_from_inbox(apps, schema_editor):
    WebhookEvent = apps.get_model("payments", "WebhookEvent")
    InboxEvent = apps.get_model("webhooks", "InboxEvent")
    providers = ("stripe", "mpesa", "mtn_momo", "orange_money", "airtel_money")
    for event in InboxEvent.objects.filter(provider__in=providers).iterator(chunk_size=1000):
        headers = {**event.headers, **({"payment": int(event.target)} if event.target else {})}
        status = "failed" if event.status == "abandoned" else event.status
        copy = WebhookEvent.objects.create(
            provider_event_id=event.event_id, headers=headers, status=status,
            **{name: getattr(event, name) for name in COPIED_FIELDS if name != "status"},
        )  # fmt: skip
        _keep_timestamps(WebhookEvent, copy, event)


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0010_exchange_rate_to_currencies"),
        ("webhooks", "0001_inbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="payment",
            name="provider_requested_at",
            field=models.DateTimeField(
                blank=True, help_text="When the charge was sent to the provider; empty: not sent (yet)", null=True
            ),
        ),
        migrations.RunPython(events_to_inbox, events_from_inbox),
        migrations.DeleteModel(name="WebhookEvent"),
    ]
