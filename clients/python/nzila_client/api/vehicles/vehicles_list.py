from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_vehicle_card_list import PaginatedVehicleCardList
from ...models.vehicles_list_currency import VehiclesListCurrency
from ...models.vehicles_list_ordering_item import VehiclesListOrderingItem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body_type: str | Unset = UNSET,
    condition: str | Unset = UNSET,
    currency: VehiclesListCurrency | Unset = UNSET,
    cursor: str | Unset = UNSET,
    dealer: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    fuel_type: str | Unset = UNSET,
    make: str | Unset = UNSET,
    mileage_km_lte: int | Unset = UNSET,
    model: str | Unset = UNSET,
    ordering: list[VehiclesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_gte: float | Unset = UNSET,
    price_lte: float | Unset = UNSET,
    province: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: str | Unset = UNSET,
    transmission: str | Unset = UNSET,
    year: str | Unset = UNSET,
    year_gte: int | Unset = UNSET,
    year_lte: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["body_type"] = body_type

    params["condition"] = condition

    json_currency: str | Unset = UNSET
    if not isinstance(currency, Unset):
        json_currency = currency.value

    params["currency"] = json_currency

    params["cursor"] = cursor

    params["dealer"] = dealer

    params["fields"] = fields

    params["fuel_type"] = fuel_type

    params["make"] = make

    params["mileage_km__lte"] = mileage_km_lte

    params["model"] = model

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)

    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    params["price__gte"] = price_gte

    params["price__lte"] = price_lte

    params["province"] = province

    params["search"] = search

    params["status"] = status

    params["transmission"] = transmission

    params["year"] = year

    params["year__gte"] = year_gte

    params["year__lte"] = year_lte

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vehicles/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedVehicleCardList | None:
    if response.status_code == 200:
        response_200 = PaginatedVehicleCardList.from_dict(response.json())

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
) -> Response[Error | PaginatedVehicleCardList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body_type: str | Unset = UNSET,
    condition: str | Unset = UNSET,
    currency: VehiclesListCurrency | Unset = UNSET,
    cursor: str | Unset = UNSET,
    dealer: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    fuel_type: str | Unset = UNSET,
    make: str | Unset = UNSET,
    mileage_km_lte: int | Unset = UNSET,
    model: str | Unset = UNSET,
    ordering: list[VehiclesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_gte: float | Unset = UNSET,
    price_lte: float | Unset = UNSET,
    province: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: str | Unset = UNSET,
    transmission: str | Unset = UNSET,
    year: str | Unset = UNSET,
    year_gte: int | Unset = UNSET,
    year_lte: int | Unset = UNSET,
) -> Response[Error | PaginatedVehicleCardList]:
    """Vehicles: list

     Available vehicles (a dealer also sees its own, staff all), filtered and searched. Numbered pages to
    result 10,000; `cursor` walks any depth. Visitors, buyers and brokers get cached pages with ETag and
    Last-Modified (a conditional request may answer 304).

    Args:
        body_type (str | Unset):
        condition (str | Unset):
        currency (VehiclesListCurrency | Unset):
        cursor (str | Unset):
        dealer (str | Unset):
        fields (str | Unset):
        fuel_type (str | Unset):
        make (str | Unset):
        mileage_km_lte (int | Unset):
        model (str | Unset):
        ordering (list[VehiclesListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        price_gte (float | Unset):
        price_lte (float | Unset):
        province (str | Unset):
        search (str | Unset):
        status (str | Unset):
        transmission (str | Unset):
        year (str | Unset):
        year_gte (int | Unset):
        year_lte (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedVehicleCardList]
    """

    kwargs = _get_kwargs(
        body_type=body_type,
        condition=condition,
        currency=currency,
        cursor=cursor,
        dealer=dealer,
        fields=fields,
        fuel_type=fuel_type,
        make=make,
        mileage_km_lte=mileage_km_lte,
        model=model,
        ordering=ordering,
        page=page,
        page_size=page_size,
        price_gte=price_gte,
        price_lte=price_lte,
        province=province,
        search=search,
        status=status,
        transmission=transmission,
        year=year,
        year_gte=year_gte,
        year_lte=year_lte,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body_type: str | Unset = UNSET,
    condition: str | Unset = UNSET,
    currency: VehiclesListCurrency | Unset = UNSET,
    cursor: str | Unset = UNSET,
    dealer: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    fuel_type: str | Unset = UNSET,
    make: str | Unset = UNSET,
    mileage_km_lte: int | Unset = UNSET,
    model: str | Unset = UNSET,
    ordering: list[VehiclesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_gte: float | Unset = UNSET,
    price_lte: float | Unset = UNSET,
    province: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: str | Unset = UNSET,
    transmission: str | Unset = UNSET,
    year: str | Unset = UNSET,
    year_gte: int | Unset = UNSET,
    year_lte: int | Unset = UNSET,
) -> Error | PaginatedVehicleCardList | None:
    """Vehicles: list

     Available vehicles (a dealer also sees its own, staff all), filtered and searched. Numbered pages to
    result 10,000; `cursor` walks any depth. Visitors, buyers and brokers get cached pages with ETag and
    Last-Modified (a conditional request may answer 304).

    Args:
        body_type (str | Unset):
        condition (str | Unset):
        currency (VehiclesListCurrency | Unset):
        cursor (str | Unset):
        dealer (str | Unset):
        fields (str | Unset):
        fuel_type (str | Unset):
        make (str | Unset):
        mileage_km_lte (int | Unset):
        model (str | Unset):
        ordering (list[VehiclesListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        price_gte (float | Unset):
        price_lte (float | Unset):
        province (str | Unset):
        search (str | Unset):
        status (str | Unset):
        transmission (str | Unset):
        year (str | Unset):
        year_gte (int | Unset):
        year_lte (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedVehicleCardList
    """

    return sync_detailed(
        client=client,
        body_type=body_type,
        condition=condition,
        currency=currency,
        cursor=cursor,
        dealer=dealer,
        fields=fields,
        fuel_type=fuel_type,
        make=make,
        mileage_km_lte=mileage_km_lte,
        model=model,
        ordering=ordering,
        page=page,
        page_size=page_size,
        price_gte=price_gte,
        price_lte=price_lte,
        province=province,
        search=search,
        status=status,
        transmission=transmission,
        year=year,
        year_gte=year_gte,
        year_lte=year_lte,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body_type: str | Unset = UNSET,
    condition: str | Unset = UNSET,
    currency: VehiclesListCurrency | Unset = UNSET,
    cursor: str | Unset = UNSET,
    dealer: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    fuel_type: str | Unset = UNSET,
    make: str | Unset = UNSET,
    mileage_km_lte: int | Unset = UNSET,
    model: str | Unset = UNSET,
    ordering: list[VehiclesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_gte: float | Unset = UNSET,
    price_lte: float | Unset = UNSET,
    province: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: str | Unset = UNSET,
    transmission: str | Unset = UNSET,
    year: str | Unset = UNSET,
    year_gte: int | Unset = UNSET,
    year_lte: int | Unset = UNSET,
) -> Response[Error | PaginatedVehicleCardList]:
    """Vehicles: list

     Available vehicles (a dealer also sees its own, staff all), filtered and searched. Numbered pages to
    result 10,000; `cursor` walks any depth. Visitors, buyers and brokers get cached pages with ETag and
    Last-Modified (a conditional request may answer 304).

    Args:
        body_type (str | Unset):
        condition (str | Unset):
        currency (VehiclesListCurrency | Unset):
        cursor (str | Unset):
        dealer (str | Unset):
        fields (str | Unset):
        fuel_type (str | Unset):
        make (str | Unset):
        mileage_km_lte (int | Unset):
        model (str | Unset):
        ordering (list[VehiclesListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        price_gte (float | Unset):
        price_lte (float | Unset):
        province (str | Unset):
        search (str | Unset):
        status (str | Unset):
        transmission (str | Unset):
        year (str | Unset):
        year_gte (int | Unset):
        year_lte (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedVehicleCardList]
    """

    kwargs = _get_kwargs(
        body_type=body_type,
        condition=condition,
        currency=currency,
        cursor=cursor,
        dealer=dealer,
        fields=fields,
        fuel_type=fuel_type,
        make=make,
        mileage_km_lte=mileage_km_lte,
        model=model,
        ordering=ordering,
        page=page,
        page_size=page_size,
        price_gte=price_gte,
        price_lte=price_lte,
        province=province,
        search=search,
        status=status,
        transmission=transmission,
        year=year,
        year_gte=year_gte,
        year_lte=year_lte,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body_type: str | Unset = UNSET,
    condition: str | Unset = UNSET,
    currency: VehiclesListCurrency | Unset = UNSET,
    cursor: str | Unset = UNSET,
    dealer: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    fuel_type: str | Unset = UNSET,
    make: str | Unset = UNSET,
    mileage_km_lte: int | Unset = UNSET,
    model: str | Unset = UNSET,
    ordering: list[VehiclesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    price_gte: float | Unset = UNSET,
    price_lte: float | Unset = UNSET,
    province: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: str | Unset = UNSET,
    transmission: str | Unset = UNSET,
    year: str | Unset = UNSET,
    year_gte: int | Unset = UNSET,
    year_lte: int | Unset = UNSET,
) -> Error | PaginatedVehicleCardList | None:
    """Vehicles: list

     Available vehicles (a dealer also sees its own, staff all), filtered and searched. Numbered pages to
    result 10,000; `cursor` walks any depth. Visitors, buyers and brokers get cached pages with ETag and
    Last-Modified (a conditional request may answer 304).

    Args:
        body_type (str | Unset):
        condition (str | Unset):
        currency (VehiclesListCurrency | Unset):
        cursor (str | Unset):
        dealer (str | Unset):
        fields (str | Unset):
        fuel_type (str | Unset):
        make (str | Unset):
        mileage_km_lte (int | Unset):
        model (str | Unset):
        ordering (list[VehiclesListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        price_gte (float | Unset):
        price_lte (float | Unset):
        province (str | Unset):
        search (str | Unset):
        status (str | Unset):
        transmission (str | Unset):
        year (str | Unset):
        year_gte (int | Unset):
        year_lte (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedVehicleCardList
    """

    return (
        await asyncio_detailed(
            client=client,
            body_type=body_type,
            condition=condition,
            currency=currency,
            cursor=cursor,
            dealer=dealer,
            fields=fields,
            fuel_type=fuel_type,
            make=make,
            mileage_km_lte=mileage_km_lte,
            model=model,
            ordering=ordering,
            page=page,
            page_size=page_size,
            price_gte=price_gte,
            price_lte=price_lte,
            province=province,
            search=search,
            status=status,
            transmission=transmission,
            year=year,
            year_gte=year_gte,
            year_lte=year_lte,
        )
    ).parsed
