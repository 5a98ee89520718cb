from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deals_list_destination_country import DealsListDestinationCountry
from ...models.deals_list_risk_level import DealsListRiskLevel
from ...models.deals_list_status import DealsListStatus
from ...models.error import Error
from ...models.paginated_deal_list import PaginatedDealList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    destination_country: DealsListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    risk_level: DealsListRiskLevel | Unset = UNSET,
    status: DealsListStatus | Unset = UNSET,
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

    params["page"] = page

    params["page_size"] = page_size

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
        "url": "/api/v1/deals/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedDealList | None:
    if response.status_code == 200:
        response_200 = PaginatedDealList.from_dict(response.json())

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
) -> Response[Error | PaginatedDealList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    destination_country: DealsListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    risk_level: DealsListRiskLevel | Unset = UNSET,
    status: DealsListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> Response[Error | PaginatedDealList]:
    """Deals: list

     Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`.

    Args:
        destination_country (DealsListDestinationCountry | Unset):
        is_on_hold (bool | Unset):
        is_stalled (bool | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        risk_level (DealsListRiskLevel | Unset):
        status (DealsListStatus | Unset):
        vehicle (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDealList]
    """

    kwargs = _get_kwargs(
        destination_country=destination_country,
        is_on_hold=is_on_hold,
        is_stalled=is_stalled,
        ordering=ordering,
        page=page,
        page_size=page_size,
        risk_level=risk_level,
        status=status,
        vehicle=vehicle,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    destination_country: DealsListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    risk_level: DealsListRiskLevel | Unset = UNSET,
    status: DealsListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> Error | PaginatedDealList | None:
    """Deals: list

     Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`.

    Args:
        destination_country (DealsListDestinationCountry | Unset):
        is_on_hold (bool | Unset):
        is_stalled (bool | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        risk_level (DealsListRiskLevel | Unset):
        status (DealsListStatus | Unset):
        vehicle (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDealList
    """

    return sync_detailed(
        client=client,
        destination_country=destination_country,
        is_on_hold=is_on_hold,
        is_stalled=is_stalled,
        ordering=ordering,
        page=page,
        page_size=page_size,
        risk_level=risk_level,
        status=status,
        vehicle=vehicle,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    destination_country: DealsListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    risk_level: DealsListRiskLevel | Unset = UNSET,
    status: DealsListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> Response[Error | PaginatedDealList]:
    """Deals: list

     Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`.

    Args:
        destination_country (DealsListDestinationCountry | Unset):
        is_on_hold (bool | Unset):
        is_stalled (bool | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        risk_level (DealsListRiskLevel | Unset):
        status (DealsListStatus | Unset):
        vehicle (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDealList]
    """

    kwargs = _get_kwargs(
        destination_country=destination_country,
        is_on_hold=is_on_hold,
        is_stalled=is_stalled,
        ordering=ordering,
        page=page,
        page_size=page_size,
        risk_level=risk_level,
        status=status,
        vehicle=vehicle,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    destination_country: DealsListDestinationCountry | Unset = UNSET,
    is_on_hold: bool | Unset = UNSET,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    risk_level: DealsListRiskLevel | Unset = UNSET,
    status: DealsListStatus | Unset = UNSET,
    vehicle: int | Unset = UNSET,
) -> Error | PaginatedDealList | None:
    """Deals: list

     Deals the caller is part of (staff: all). Dealers open deals on their own vehicles, staff on
    any; every status change goes through `transition`.

    Args:
        destination_country (DealsListDestinationCountry | Unset):
        is_on_hold (bool | Unset):
        is_stalled (bool | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        risk_level (DealsListRiskLevel | Unset):
        status (DealsListStatus | Unset):
        vehicle (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDealList
    """

    return (
        await asyncio_detailed(
            client=client,
            destination_country=destination_country,
            is_on_hold=is_on_hold,
            is_stalled=is_stalled,
            ordering=ordering,
            page=page,
            page_size=page_size,
            risk_level=risk_level,
            status=status,
            vehicle=vehicle,
        )
    ).parsed
