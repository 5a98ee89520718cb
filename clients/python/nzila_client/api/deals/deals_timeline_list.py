from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deal_event import DealEvent
from ...models.deals_timeline_list_destination_country import (
    DealsTimelineListDestinationCountry,
)
from ...models.deals_timeline_list_risk_level import DealsTimelineListRiskLevel
from ...models.deals_timeline_list_status import DealsTimelineListStatus
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    destination_country: DealsTimelineListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    risk_level: DealsTimelineListRiskLevel | Unset = UNSET,
    status: DealsTimelineListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_destination_country: str | Unset = UNSET
    if not isinstance(destination_country, Unset):
        json_destination_country = destination_country.value

    params["destination_country"] = json_destination_country

    params["is_on_hold"] = is_on_hold

    params["is_stalled"] = is_stalled

    params["ordering"] = ordering

    json_risk_level: str | Unset = UNSET
    if not isinstance(risk_level, Unset):
        json_risk_level = risk_level.value

    params["risk_level"] = json_risk_level

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["vehicle"] = vehicle

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deals/{id}/timeline/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[DealEvent] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = DealEvent.from_dict(response_200_item_data)

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
) -> Response[Error | list[DealEvent]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    destination_country: DealsTimelineListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    risk_level: DealsTimelineListRiskLevel | Unset = UNSET,
    status: DealsTimelineListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> Response[Error | list[DealEvent]]:
    """Deals timeline: list

     Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`.

    Args:
        id (int):
        destination_country (DealsTimelineListDestinationCountry | Unset):
        is_on_hold (bool | Unset):
        is_stalled (bool | Unset):
        ordering (str | Unset):
        risk_level (DealsTimelineListRiskLevel | Unset):
        status (DealsTimelineListStatus | Unset):
        vehicle (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[DealEvent]]
    """

    kwargs = _get_kwargs(
        id=id,
        destination_country=destination_country,
        is_on_hold=is_on_hold,
        is_stalled=is_stalled,
        ordering=ordering,
        risk_level=risk_level,
        status=status,
        vehicle=vehicle,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    destination_country: DealsTimelineListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    risk_level: DealsTimelineListRiskLevel | Unset = UNSET,
    status: DealsTimelineListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> Error | list[DealEvent] | None:
    """Deals timeline: list

     Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`.

    Args:
        id (int):
        destination_country (DealsTimelineListDestinationCountry | Unset):
        is_on_hold (bool | Unset):
        is_stalled (bool | Unset):
        ordering (str | Unset):
        risk_level (DealsTimelineListRiskLevel | Unset):
        status (DealsTimelineListStatus | Unset):
        vehicle (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[DealEvent]
    """

    return sync_detailed(
        id=id,
        client=client,
        destination_country=destination_country,
        is_on_hold=is_on_hold,
        is_stalled=is_stalled,
        ordering=ordering,
        risk_level=risk_level,
        status=status,
        vehicle=vehicle,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    destination_country: DealsTimelineListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    risk_level: DealsTimelineListRiskLevel | Unset = UNSET,
    status: DealsTimelineListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> Response[Error | list[DealEvent]]:
    """Deals timeline: list

     Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`.

    Args:
        id (int):
        destination_country (DealsTimelineListDestinationCountry | Unset):
        is_on_hold (bool | Unset):
        is_stalled (bool | Unset):
        ordering (str | Unset):
        risk_level (DealsTimelineListRiskLevel | Unset):
        status (DealsTimelineListStatus | Unset):
        vehicle (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[DealEvent]]
    """

    kwargs = _get_kwargs(
        id=id,
        destination_country=destination_country,
        is_on_hold=is_on_hold,
        is_stalled=is_stalled,
        ordering=ordering,
        risk_level=risk_level,
        status=status,
        vehicle=vehicle,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    destination_country: DealsTimelineListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    risk_level: DealsTimelineListRiskLevel | Unset = UNSET,
    status: DealsTimelineListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> Error | list[DealEvent] | None:
    """Deals timeline: list

     Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`.

    Args:
        id (int):
        destination_country (DealsTimelineListDestinationCountry | Unset):
        is_on_hold (bool | Unset):
        is_stalled (bool | Unset):
        ordering (str | Unset):
        risk_level (DealsTimelineListRiskLevel | Unset):
        status (DealsTimelineListStatus | Unset):
        vehicle (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[DealEvent]
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            destination_country=destination_country,
            is_on_hold=is_on_hold,
            is_stalled=is_stalled,
            ordering=ordering,
            risk_level=risk_level,
            status=status,
            vehicle=vehicle,
        )
    ).parsed
