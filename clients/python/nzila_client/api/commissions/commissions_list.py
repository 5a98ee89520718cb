import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.commissions_list_role import CommissionsListRole
from ...models.commissions_list_status import CommissionsListStatus
from ...models.error import Error
from ...models.paginated_commission_list import PaginatedCommissionList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    broker: float | Unset = UNSET,
    deal: float | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    period_start_after: datetime.date | Unset = UNSET,
    period_start_before: datetime.date | Unset = UNSET,
    role: CommissionsListRole | Unset = UNSET,
    status: CommissionsListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["broker"] = broker

    params["deal"] = deal

    params["month"] = month

    params["ordering"] = ordering

    params["page"] = page

    params["page_size"] = page_size

    json_period_start_after: str | Unset = UNSET
    if not isinstance(period_start_after, Unset):
        json_period_start_after = period_start_after.isoformat()
    params["period_start_after"] = json_period_start_after

    json_period_start_before: str | Unset = UNSET
    if not isinstance(period_start_before, Unset):
        json_period_start_before = period_start_before.isoformat()
    params["period_start_before"] = json_period_start_before

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/commissions/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedCommissionList | None:
    if response.status_code == 200:
        response_200 = PaginatedCommissionList.from_dict(response.json())

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
) -> Response[Error | PaginatedCommissionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    broker: float | Unset = UNSET,
    deal: float | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    period_start_after: datetime.date | Unset = UNSET,
    period_start_before: datetime.date | Unset = UNSET,
    role: CommissionsListRole | Unset = UNSET,
    status: CommissionsListStatus | Unset = UNSET,
) -> Response[Error | PaginatedCommissionList]:
    """Commissions: list

     The caller's commissions, in CAD, newest deal first: a broker its own, a dealer those on its deals,
    staff all; a buyer none.

    Args:
        broker (float | Unset):
        deal (float | Unset):
        month (str | Unset):  Example: 2025-03.
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        period_start_after (datetime.date | Unset):
        period_start_before (datetime.date | Unset):
        role (CommissionsListRole | Unset):
        status (CommissionsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCommissionList]
    """

    kwargs = _get_kwargs(
        broker=broker,
        deal=deal,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        period_start_after=period_start_after,
        period_start_before=period_start_before,
        role=role,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    broker: float | Unset = UNSET,
    deal: float | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    period_start_after: datetime.date | Unset = UNSET,
    period_start_before: datetime.date | Unset = UNSET,
    role: CommissionsListRole | Unset = UNSET,
    status: CommissionsListStatus | Unset = UNSET,
) -> Error | PaginatedCommissionList | None:
    """Commissions: list

     The caller's commissions, in CAD, newest deal first: a broker its own, a dealer those on its deals,
    staff all; a buyer none.

    Args:
        broker (float | Unset):
        deal (float | Unset):
        month (str | Unset):  Example: 2025-03.
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        period_start_after (datetime.date | Unset):
        period_start_before (datetime.date | Unset):
        role (CommissionsListRole | Unset):
        status (CommissionsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCommissionList
    """

    return sync_detailed(
        client=client,
        broker=broker,
        deal=deal,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        period_start_after=period_start_after,
        period_start_before=period_start_before,
        role=role,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    broker: float | Unset = UNSET,
    deal: float | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    period_start_after: datetime.date | Unset = UNSET,
    period_start_before: datetime.date | Unset = UNSET,
    role: CommissionsListRole | Unset = UNSET,
    status: CommissionsListStatus | Unset = UNSET,
) -> Response[Error | PaginatedCommissionList]:
    """Commissions: list

     The caller's commissions, in CAD, newest deal first: a broker its own, a dealer those on its deals,
    staff all; a buyer none.

    Args:
        broker (float | Unset):
        deal (float | Unset):
        month (str | Unset):  Example: 2025-03.
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        period_start_after (datetime.date | Unset):
        period_start_before (datetime.date | Unset):
        role (CommissionsListRole | Unset):
        status (CommissionsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCommissionList]
    """

    kwargs = _get_kwargs(
        broker=broker,
        deal=deal,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        period_start_after=period_start_after,
        period_start_before=period_start_before,
        role=role,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    broker: float | Unset = UNSET,
    deal: float | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    period_start_after: datetime.date | Unset = UNSET,
    period_start_before: datetime.date | Unset = UNSET,
    role: CommissionsListRole | Unset = UNSET,
    status: CommissionsListStatus | Unset = UNSET,
) -> Error | PaginatedCommissionList | None:
    """Commissions: list

     The caller's commissions, in CAD, newest deal first: a broker its own, a dealer those on its deals,
    staff all; a buyer none.

    Args:
        broker (float | Unset):
        deal (float | Unset):
        month (str | Unset):  Example: 2025-03.
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        period_start_after (datetime.date | Unset):
        period_start_before (datetime.date | Unset):
        role (CommissionsListRole | Unset):
        status (CommissionsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCommissionList
    """

    return (
        await asyncio_detailed(
            client=client,
            broker=broker,
            deal=deal,
            month=month,
            ordering=ordering,
            page=page,
            page_size=page_size,
            period_start_after=period_start_after,
            period_start_before=period_start_before,
            role=role,
            status=status,
        )
    ).parsed
