"""Create the database named in DATABASE_URL if it does not exist (make run calls this)."""

import os

import environ
import psycopg
from psycopg import sql

url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nzila")
config = environ.Env.db_url_config(url)
name = config["NAME"]
with psycopg.connect(
    host=config["HOST"] or None,
    port=config["PORT"] or None,
    user=config["USER"] or None,
    password=config["PASSWORD"] or None,
    dbname="postgres",
    autocommit=True,
) as connection:
    exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if not exists:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"Created database {name}.")
