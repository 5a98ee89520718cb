from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.price_guidance import PriceGuidance
from ...types import Response


def _get_kwargs(
    vehicle_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vehicles/{vehicle_id}/price-guidance/".format(
            vehicle_id=quote(str(vehicle_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | PriceGuidance | None:
    if response.status_code == 200:
        response_200 = PriceGuidance.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

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
) -> Response[Any | Error | PriceGuidance]:
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
) -> Response[Any | Error | PriceGuidance]:
    """The listing's dealer and staff

     Price guidance for one listing, for its dealer and staff: the suggested price in CAD and a range
    meant to hold 80 % of such cars' prices, from the active learned model (with the factors that move
    this car's price most against its comparables) or, when none is active, from the median of its
    comparables (the same make and model within one model year; 10th to 90th percentile as the range).
    With the demand for listings of the same make and model over the last 90 days (views and inquiries
    per listing) and up to 5 similar cars that sold, with their days to sell. 403 for a caller who may
    see the listing but is not its dealer, 404 for one who may not see it; 402 for a dealer whose plan
    does not include price guidance.

    Args:
        vehicle_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PriceGuidance]
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
) -> Any | Error | PriceGuidance | None:
    """The listing's dealer and staff

     Price guidance for one listing, for its dealer and staff: the suggested price in CAD and a range
    meant to hold 80 % of such cars' prices, from the active learned model (with the factors that move
    this car's price most against its comparables) or, when none is active, from the median of its
    comparables (the same make and model within one model year; 10th to 90th percentile as the range).
    With the demand for listings of the same make and model over the last 90 days (views and inquiries
    per listing) and up to 5 similar cars that sold, with their days to sell. 403 for a caller who may
    see the listing but is not its dealer, 404 for one who may not see it; 402 for a dealer whose plan
    does not include price guidance.

    Args:
        vehicle_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PriceGuidance
    """

    return sync_detailed(
        vehicle_id=vehicle_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    vehicle_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error | PriceGuidance]:
    """The listing's dealer and staff

     Price guidance for one listing, for its dealer and staff: the suggested price in CAD and a range
    meant to hold 80 % of such cars' prices, from the active learned model (with the factors that move
    this car's price most against its comparables) or, when none is active, from the median of its
    comparables (the same make and model within one model year; 10th to 90th percentile as the range).
    With the demand for listings of the same make and model over the last 90 days (views and inquiries
    per listing) and up to 5 similar cars that sold, with their days to sell. 403 for a caller who may
    see the listing but is not its dealer, 404 for one who may not see it; 402 for a dealer whose plan
    does not include price guidance.

    Args:
        vehicle_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PriceGuidance]
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
) -> Any | Error | PriceGuidance | None:
    """The listing's dealer and staff

     Price guidance for one listing, for its dealer and staff: the suggested price in CAD and a range
    meant to hold 80 % of such cars' prices, from the active learned model (with the factors that move
    this car's price most against its comparables) or, when none is active, from the median of its
    comparables (the same make and model within one model year; 10th to 90th percentile as the range).
    With the demand for listings of the same make and model over the last 90 days (views and inquiries
    per listing) and up to 5 similar cars that sold, with their days to sell. 403 for a caller who may
    see the listing but is not its dealer, 404 for one who may not see it; 402 for a dealer whose plan
    does not include price guidance.

    Args:
        vehicle_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PriceGuidance
    """

    return (
        await asyncio_detailed(
            vehicle_id=vehicle_id,
            client=client,
        )
    ).parsed
