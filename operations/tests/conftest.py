import os
import socket
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on a free local port, for the real boto3 client code; fake credentials."""
    fake = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    saved = {name: os.environ.get(name) for name in fake}
    os.environ.update(fake)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def backup_bucket(settings, s3_endpoint):
    """A new bucket, named in settings as the backups' store."""
    name = f"backups-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint).create_bucket(Bucket=name)
    settings.BACKUP_BUCKET = name
    settings.BACKUP_S3_ENDPOINT_URL = s3_endpoint
    return name


@pytest.fixture
def backup_folder(settings, tmp_path):
    settings.BACKUP_BUCKET = ""
    settings.BACKUP_DIR = tmp_path / "backups"
    return settings.BACKUP_DIR
