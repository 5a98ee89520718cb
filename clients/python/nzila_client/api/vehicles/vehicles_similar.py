from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.scored_vehicle import ScoredVehicle
from ...types import Response


def _get_kwargs(
    vehicle_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vehicles/{vehicle_id}/similar/".format(
            vehicle_id=quote(str(vehicle_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[ScoredVehicle] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ScoredVehicle.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

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
) -> Response[Error | list[ScoredVehicle]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    vehicle_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | list[ScoredVehicle]]:
    """Anyone who may see the listing

     The 10 available listings most like this one, best first: same or near make and model, body type,
    year, price (CAD) and mileage, each with its `reason` and `score` (0 to 1). Not paginated: a top 10.
    404 when the caller may not see the listing.

    Args:
        vehicle_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[ScoredVehicle]]
    """

    kwargs = _get_kwargs(
        vehicle_id=vehicle_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vehicle_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | list[ScoredVehicle] | None:
    """Anyone who may see the listing

     The 10 available listings most like this one, best first: same or near make and model, body type,
    year, price (CAD) and mileage, each with its `reason` and `score` (0 to 1). Not paginated: a top 10.
    404 when the caller may not see the listing.

    Args:
        vehicle_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[ScoredVehicle]
    """

    return sync_detailed(
        vehicle_id=vehicle_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    vehicle_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | list[ScoredVehicle]]:
    """Anyone who may see the listing

     The 10 available listings most like this one, best first: same or near make and model, body type,
    year, price (CAD) and mileage, each with its `reason` and `score` (0 to 1). Not paginated: a top 10.
    404 when the caller may not see the listing.

    Args:
        vehicle_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[ScoredVehicle]]
    """

    kwargs = _get_kwargs(
        vehicle_id=vehicle_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vehicle_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | list[ScoredVehicle] | None:
    """Anyone who may see the listing

     The 10 available listings most like this one, best first: same or near make and model, body type,
    year, price (CAD) and mileage, each with its `reason` and `score` (0 to 1). Not paginated: a top 10.
    404 when the caller may not see the listing.

    Args:
        vehicle_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[ScoredVehicle]
    """

    return (
        await asyncio_detailed(
            vehicle_id=vehicle_id,
            client=client,
        )
    ).parsed
