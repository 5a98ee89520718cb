"""Backups in an S3 bucket: the only module that imports boto3 for them. Credentials come from boto3's
usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, an instance role, ...)."""

from pathlib import Path

import boto3

from operations.backups.base import StoredObject


class S3Store:
    def __init__(self, *, bucket: str, endpoint_url: str = "", region_name: str = ""):
        self.bucket = bucket
        self.client = boto3.client("s3", endpoint_url=endpoint_url or None, region_name=region_name or None)

    def upload(self, key: str, source: Path) -> None:
        # upload_file sends large files in parts, each retried by boto3; encrypted at rest either way.
        self.client.upload_file(str(source), self.bucket, key, ExtraArgs={"ServerSideEncryption": "AES256"})

    def download(self, key: str, target: Path) -> None:
        self.client.download_file(self.bucket, key, str(target))

    def read_text(self, key: str) -> str:
        return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read().decode("utf-8")

    def write_text(self, key: str, text: str) -> None:
        self.client.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=text.encode("utf-8"),
            ContentType="application/json",
            ServerSideEncryption="AES256",
        )

    def inventory(self, prefix: str) -> dict[str, StoredObject]:
        found = {}
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix):
            for item in page.get("Contents", []):
                found[item["Key"]] = StoredObject(item["Size"], item["LastModified"].timestamp())
        return found

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)
