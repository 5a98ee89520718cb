from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.photo_upload_request import PhotoUploadRequest
from ...models.vehicle_photo import VehiclePhoto
from ...types import Response


def _get_kwargs(
    vehicle_id: str,
    *,
    body: PhotoUploadRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/vehicles/{vehicle_id}/photos/".format(
            vehicle_id=quote(str(vehicle_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | VehiclePhoto | None:
    if response.status_code == 201:
        response_201 = VehiclePhoto.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | VehiclePhoto]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    vehicle_id: str,
    *,
    client: AuthenticatedClient,
    body: PhotoUploadRequest,
) -> Response[Error | VehiclePhoto]:
    """Vehicles photos: create

     A vehicle's ordered gallery: anyone who sees the vehicle sees its photos; its dealer (or staff)
    adds, removes and reorders them.

    Args:
        vehicle_id (str):
        body (PhotoUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VehiclePhoto]
    """

    kwargs = _get_kwargs(
        vehicle_id=vehicle_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vehicle_id: str,
    *,
    client: AuthenticatedClient,
    body: PhotoUploadRequest,
) -> Error | VehiclePhoto | None:
    """Vehicles photos: create

     A vehicle's ordered gallery: anyone who sees the vehicle sees its photos; its dealer (or staff)
    adds, removes and reorders them.

    Args:
        vehicle_id (str):
        body (PhotoUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VehiclePhoto
    """

    return sync_detailed(
        vehicle_id=vehicle_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    vehicle_id: str,
    *,
    client: AuthenticatedClient,
    body: PhotoUploadRequest,
) -> Response[Error | VehiclePhoto]:
    """Vehicles photos: create

     A vehicle's ordered gallery: anyone who sees the vehicle sees its photos; its dealer (or staff)
    adds, removes and reorders them.

    Args:
        vehicle_id (str):
        body (PhotoUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VehiclePhoto]
    """

    kwargs = _get_kwargs(
        vehicle_id=vehicle_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vehicle_id: str,
    *,
    client: AuthenticatedClient,
    body: PhotoUploadRequest,
) -> Error | VehiclePhoto | None:
    """Vehicles photos: create

     A vehicle's ordered gallery: anyone who sees the vehicle sees its photos; its dealer (or staff)
    adds, removes and reorders them.

    Args:
        vehicle_id (str):
        body (PhotoUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VehiclePhoto
    """

    return (
        await asyncio_detailed(
            vehicle_id=vehicle_id,
            client=client,
            body=body,
        )
    ).parsed
