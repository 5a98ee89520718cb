"""Reading leads/data/destination_rules.csv, shared by the data migration and the
`load_destination_rules` command (through `leads.services.destination_rules_load`).

Pure functions over a model class, so that the migration can pass its historical model."""

import csv
from pathlib import Path

DESTINATION_RULES_FILE = Path(__file__).resolve().parent / "data" / "destination_rules.csv"

COLUMNS = [
    "country",
    "name",
    "max_age_years",
    "age_counted_from",
    "steering_allowed",
    "age_penalty_note",
    "required_documents",
    "ports",
    "currency",
    "confidence",
    "sources",
    "as_of",
]


class DestinationRulesFileError(ValueError):
    """The file is not a destination rules CSV; nothing is loaded."""


def destination_rule_rows(*, path: Path = DESTINATION_RULES_FILE) -> list[dict]:
    """Every row of the file as model field values, keyed by field name."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise DestinationRulesFileError(f"{path}: missing columns {', '.join(missing)}.")
        rows = []
        for line_number, row in enumerate(reader, start=2):
            country = row["country"].strip().upper()
            if len(country) != 2:
                raise DestinationRulesFileError(f"{path}, line {line_number}: country must be an ISO2 code.")
            max_age = row["max_age_years"].strip()
            rows.append(
                {
                    "country": country,
                    "name": row["name"].strip(),
                    "max_age_years": int(max_age) if max_age else None,
                    "age_counted_from": row["age_counted_from"].strip() or "unknown",
                    "steering_allowed": row["steering_allowed"].strip().upper(),
                    "age_penalty_note": row["age_penalty_note"].strip(),
                    "required_documents": _codes(row["required_documents"]),
                    "ports": [code.upper() for code in _codes(row["ports"])],
                    "currency": row["currency"].strip().upper(),
                    "confidence": row["confidence"].strip().lower(),
                    "sources": row["sources"].strip(),
                    "as_of": row["as_of"].strip(),
                }
            )
    return rows


def destination_rules_upsert(*, model, rows: list[dict]) -> tuple[int, int]:
    """Create or overwrite one rule per row, by country. Returns (created, updated)."""
    created = updated = 0
    for row in rows:
        fields = dict(row)
        _rule, was_created = model.objects.update_or_create(country=fields.pop("country"), defaults=fields)
        if was_created:
            created += 1
        else:
            updated += 1
    return created, updated


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(";") if code.strip()]
