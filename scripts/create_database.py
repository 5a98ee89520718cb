"""Create the database named in DATABASE_URL if it does not exist (make run calls this; the benchmarks
call `database_create` for their own databases)."""

import os

import environ
import psycopg
from psycopg import sql


def database_create(url: str) -> bool:
    """Create the database `url` names unless it exists; True when it was created."""
    config = environ.Env.db_url_config(url)
    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
            return False
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
        return True


if __name__ == "__main__":
    database_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila")
    if database_create(database_url):
        print(f"Created database {environ.Env.db_url_config(database_url)['NAME']}.")
