import hashlib
import json
import re
from datetime import UTC, datetime
from io import StringIO

import boto3
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connections

from accounts.tests.factories import BuyerFactory
from operations.backups.folder import FolderStore
from operations.backups.postgres import database_connection, database_drop, database_exists
from operations.backups.rotation import backups_rotate


def command_output(*args, **options) -> str:
    out = StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def restored_name() -> str:
    return f"{settings.DATABASES['default']['NAME']}_restored"


@pytest.mark.django_db(transaction=True)
def test_backup_to_s3_restores_into_a_new_database_with_every_row(backup_bucket, s3_endpoint, monkeypatch):
    BuyerFactory.create_batch(2)
    (settings.MEDIA_ROOT / "vehicles").mkdir(parents=True)
    (settings.MEDIA_ROOT / "vehicles" / "photo.jpg").write_bytes(b"a photo")

    command_output("backup_database")

    s3 = boto3.client("s3", endpoint_url=s3_endpoint)
    keys = sorted(item["Key"] for item in s3.list_objects_v2(Bucket=backup_bucket)["Contents"])
    dump_key, manifest_key, photo_key = keys
    assert dump_key.endswith(".dump")
    assert manifest_key == dump_key.replace(".dump", ".json")
    assert photo_key == "media/vehicles/photo.jpg"
    manifest = json.loads(s3.get_object(Bucket=backup_bucket, Key=manifest_key)["Body"].read())
    dump = s3.get_object(Bucket=backup_bucket, Key=dump_key)["Body"].read()
    assert manifest["sha256"] == hashlib.sha256(dump).hexdigest()
    assert dump.startswith(b"PGDMP")
    assert manifest["size"] == len(dump)
    assert manifest["tables"]["accounts_user"] == 2

    name = restored_name()
    try:
        with monkeypatch.context() as lost:  # the day of a restore, the platform's database may be gone
            lost.setitem(connections["default"].settings_dict, "NAME", "nzila_lost_database")
            output = command_output("restore_database", into=name)
        with database_connection(database=name) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM accounts_user")
            assert cursor.fetchone()[0] == 2
            cursor.execute("SELECT object_repr, changes FROM audit_auditlog WHERE action = 'backup.restored'")
            assert cursor.fetchall() == [(dump_key.removesuffix(".dump"), {"into": name})]
        assert "accounts_user: 2" in output
        with pytest.raises(CommandError, match="already exists"):
            call_command("restore_database", into=name)
    finally:
        database_drop(name=name)
    assert not database_exists(name=name)


@pytest.mark.django_db
def test_local_folder_keeps_dumps_and_new_uploads_and_the_drill_drops_its_database(backup_folder):
    (settings.MEDIA_ROOT / "vehicles").mkdir(parents=True)
    (settings.MEDIA_ROOT / "vehicles" / "photo.jpg").write_bytes(b"a photo")
    (settings.PRIVATE_MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.PRIVATE_MEDIA_ROOT / "documents" / "title.pdf").write_bytes(b"%PDF title")

    assert "2 uploaded files copied." in command_output("backup_database")
    assert "0 uploaded files copied." in command_output("backup_database")
    assert (backup_folder / "media" / "vehicles" / "photo.jpg").read_bytes() == b"a photo"
    assert (backup_folder / "private_media" / "documents" / "title.pdf").read_bytes() == b"%PDF title"

    output = command_output("restore_drill")

    assert "RTO: restored and checked in" in output
    assert "RPO: the newest backup before this drill was" in output
    drilled = re.search(r"Backup (database/\d{8}T\d{6}Z) taken in", output).group(1)
    assert (backup_folder / f"{drilled}.json").exists()
    with database_connection() as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_database WHERE datname LIKE %s", ["drill\\_%"])
        assert cursor.fetchone()[0] == 0


@pytest.mark.django_db
def test_a_corrupted_backup_is_refused_before_any_database_is_created(backup_folder):
    command_output("backup_database")
    (dump,) = (backup_folder / "database").glob("*.dump")
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))

    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore_database", into=restored_name())

    assert not database_exists(name=restored_name())


@pytest.mark.django_db
def test_rotation_keeps_recent_daily_weekly_and_monthly_backups(settings, backup_folder):
    settings.BACKUP_KEEP_HOURS, settings.BACKUP_KEEP_DAILY = 24, 3
    settings.BACKUP_KEEP_WEEKLY, settings.BACKUP_KEEP_MONTHLY = 2, 2
    stamps = [
        "20261130T160000Z",  # within 24 hours, and Monday 30 November's newest, week 49's, November's
        "20261130T100000Z",  # within 24 hours
        "20261129T120000Z",  # Sunday 29 November's newest (07:00 Toronto), and week 48's
        "20261129T100000Z",  # an older one of the same day
        "20261128T170000Z",  # the third day
        "20261127T170000Z",  # a fourth day, and week 48 has a newer one
        "20261120T170000Z",  # a third week
        "20261015T170000Z",  # October's newest
        "20261001T170000Z",  # an older one of October
        "20260910T170000Z",  # a third month
    ]
    for stamp in stamps:
        (backup_folder / "database").mkdir(parents=True, exist_ok=True)
        (backup_folder / "database" / f"{stamp}.dump").write_bytes(b"PGDMP")
        (backup_folder / "database" / f"{stamp}.json").write_text("{}")

    deleted = backups_rotate(store=FolderStore(backup_folder), now=datetime(2026, 11, 30, 17, tzinfo=UTC))

    gone = ["20260910T170000Z", "20261001T170000Z", "20261120T170000Z", "20261127T170000Z", "20261129T100000Z"]
    assert deleted == [f"database/{stamp}" for stamp in gone]
    left = sorted(path.name for path in (backup_folder / "database").iterdir())
    kept = sorted(set(stamps) - set(gone))
    assert left == sorted([f"{stamp}.dump" for stamp in kept] + [f"{stamp}.json" for stamp in kept])
