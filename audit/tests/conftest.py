import io

import pytest
from django.core.management import call_command
from django.db import connection


@pytest.fixture
def seal():
    """Seal the rows written so far in the test's transaction, as their commit would: the seal is a deferred
    trigger, which SET CONSTRAINTS ALL IMMEDIATE fires at once."""

    def run() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    return run


@pytest.fixture
def verify():
    """What verify_audit_chain prints (CommandError when the chain is broken)."""

    def run() -> str:
        out = io.StringIO()
        call_command("verify_audit_chain", stdout=out)
        return out.getvalue()

    return run
