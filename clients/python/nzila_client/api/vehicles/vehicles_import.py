from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.csv_import_request import CsvImportRequest
from ...models.error import Error
from ...models.import_rejected import ImportRejected
from ...models.import_report import ImportReport
from ...types import Response


def _get_kwargs(
    *,
    body: CsvImportRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/vehicles/import/",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | ImportRejected | ImportReport | None:
    if response.status_code == 200:
        response_200 = ImportReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ImportRejected.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = cast(Any, None)
        return response_402

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Error.from_dict(response.json())

        return response_405

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | ImportRejected | ImportReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CsvImportRequest,
) -> Response[Any | Error | ImportRejected | ImportReport]:
    """Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing

     Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing.

    Args:
        body (CsvImportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | ImportRejected | ImportReport]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CsvImportRequest,
) -> Any | Error | ImportRejected | ImportReport | None:
    """Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing

     Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing.

    Args:
        body (CsvImportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | ImportRejected | ImportReport
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CsvImportRequest,
) -> Response[Any | Error | ImportRejected | ImportReport]:
    """Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing

     Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing.

    Args:
        body (CsvImportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | ImportRejected | ImportReport]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CsvImportRequest,
) -> Any | Error | ImportRejected | ImportReport | None:
    """Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing

     Create or update (by VIN) the dealer's vehicles from a CSV file, all or nothing.

    Args:
        body (CsvImportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | ImportRejected | ImportReport
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
