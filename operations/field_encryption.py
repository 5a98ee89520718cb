"""Key rotation of the columns encrypted at rest (nzila_export.field_encryption; README, Operations, Field
encryption): once a new key is first in FIELD_ENCRYPTION_KEYS, every value of every encrypted field, of
every model, is re-encrypted with it, so that the old key can be dropped."""

from django.apps import apps
from django.db import models, transaction

from audit.services import audit_record
from nzila_export.field_encryption import EncryptedTextField, SealedText, token_rotate

ROTATION_BATCH_SIZE = 500


def encrypted_fields() -> dict[type[models.Model], list[EncryptedTextField]]:
    """Every model's encrypted fields, models in a stable order."""
    found = {}
    for model in sorted(apps.get_models(), key=lambda model: model._meta.label):
        fields = [field for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]
        if fields and not model._meta.proxy:
            found[model] = fields
    return found


def field_encryption_rotate(*, batch_size: int = ROTATION_BATCH_SIZE) -> dict[str, int]:
    """Re-encrypt every stored value with the first key, a batch of rows per transaction, each row locked
    while it is rewritten so that a concurrent write is not undone. Answers how many values of each field
    ("app.Model.field") were rotated; audited once. Safe to run again: a value is rotated to the same key."""
    counts = {}
    for model, fields in encrypted_fields().items():
        rows = model._base_manager.all()
        for field in fields:
            counts[f"{model._meta.label}.{field.name}"] = 0
        names = [field.attname for field in fields]
        pks = list(rows.exclude(**{name: "" for name in names}).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            with transaction.atomic():
                locked = rows.filter(pk__in=pks[start : start + batch_size]).select_for_update()
                changed = []
                for pk, *values in locked.values_list("pk", *names):
                    row = model(pk=pk)
                    for field, value in zip(fields, values, strict=True):
                        if isinstance(value, SealedText):
                            setattr(row, field.attname, SealedText(token_rotate(value.token)))
                            counts[f"{model._meta.label}.{field.name}"] += 1
                        else:
                            setattr(row, field.attname, "")
                    changed.append(row)
                model._base_manager.bulk_update(changed, names)
    audit_record(
        action="field_encryption.rotate", object_repr="FIELD_ENCRYPTION_KEYS",
        changes={"rotated": counts, "total": sum(counts.values())},
    )  # fmt: skip
    return counts
