"""The PostgreSQL side of backups: the client binaries (pg_dump, pg_restore, createdb, dropdb), run with
an argument list and the connection of settings.DATABASES in libpq's environment variables (PGPASSWORD
among them), never through a shell; and a connection of our own to any database of the same server."""

import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from django.db import connections
from django.utils.translation import gettext

from nzila_export.exceptions import DomainError

# The database every PostgreSQL server has, which createdb and dropdb connect to as well.
MAINTENANCE_DATABASE = "postgres"
# What createdb accepts from us: a plain identifier, so no name needs quoting anywhere.
DATABASE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class DatabaseCommandFailed(DomainError):
    status_code = 500
    code = "backup_failed"


def _settings_dict() -> dict:
    return connections["default"].settings_dict


def libpq_environment(*, database: str | None = None) -> dict[str, str]:
    config = _settings_dict()
    values = {
        "PGDATABASE": database or config["NAME"],
        "PGHOST": config["HOST"],
        "PGPORT": str(config["PORT"] or ""),
        "PGUSER": config["USER"],
        "PGPASSWORD": config["PASSWORD"],
        "PGSSLMODE": config["OPTIONS"].get("sslmode", ""),
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def client_run(arguments: list[str], *, database: str | None = None) -> None:
    """Run a PostgreSQL client binary; its error output becomes the refusal's message."""
    completed = subprocess.run(  # noqa: S603 - an argument list, no shell; database names are checked
        [*arguments, "--no-password"],
        env=libpq_environment(database=database),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise DatabaseCommandFailed(
            gettext("%(program)s failed: %(error)s") % {"program": arguments[0], "error": completed.stderr.strip()}
        )


def current_database_name() -> str:
    return _settings_dict()["NAME"]


@contextmanager
def database_connection(*, database: str | None = None) -> Iterator[psycopg.Connection]:
    """A connection of its own (not the request's or the test's), in autocommit, to `database` on the
    same server."""
    config = _settings_dict()
    connection = psycopg.connect(
        dbname=database or config["NAME"],
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        sslmode=config["OPTIONS"].get("sslmode"),
        autocommit=True,
    )
    try:
        yield connection
    finally:
        connection.close()


def database_exists(*, name: str) -> bool:
    """Asked of the server's maintenance database: on the day of a restore the platform's may be gone."""
    with database_connection(database=MAINTENANCE_DATABASE) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def table_row_counts(cursor) -> dict[str, int]:
    """Rows per table of the current schema, as the cursor's transaction sees them."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    counts = {}
    for (table,) in cursor.fetchall():
        quoted = '"' + table.replace('"', '""') + '"'
        cursor.execute(f"SELECT count(*) FROM {quoted}")  # noqa: S608 (a name read from pg_tables, quoted)
        counts[table] = cursor.fetchone()[0]
    return counts


def database_create(*, name: str) -> None:
    client_run(["createdb", "--template=template0", name])


def database_drop(*, name: str) -> None:
    client_run(["dropdb", "--if-exists", "--force", name])
