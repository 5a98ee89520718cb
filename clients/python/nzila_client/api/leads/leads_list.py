from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.leads_list_priority import LeadsListPriority
from ...models.leads_list_source import LeadsListSource
from ...models.leads_list_status import LeadsListStatus
from ...models.paginated_lead_list import PaginatedLeadList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    priority: LeadsListPriority | Unset = UNSET,
    source: LeadsListSource | Unset = UNSET,
    status: LeadsListStatus | Unset = UNSET,
    vehicle: float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["is_stalled"] = is_stalled

    params["ordering"] = ordering

    params["page"] = page

    params["page_size"] = page_size

    json_priority: str | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = priority.value

    params["priority"] = json_priority

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["vehicle"] = vehicle

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/leads/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedLeadList | None:
    if response.status_code == 200:
        response_200 = PaginatedLeadList.from_dict(response.json())

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
) -> Response[Error | PaginatedLeadList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    priority: LeadsListPriority | Unset = UNSET,
    source: LeadsListSource | Unset = UNSET,
    status: LeadsListStatus | Unset = UNSET,
    vehicle: float | Unset = UNSET,
) -> Response[Error | PaginatedLeadList]:
    """Leads: list

     Buyer inquiries. Anyone (signed in or not) sends one; staff see every lead, a dealer the leads on
    its vehicles, a broker those assigned to it, a buyer its own. The dealer, the assigned broker and
    staff change the status and log contacts; the dealer and staff assign a broker.

    Args:
        is_stalled (bool | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        priority (LeadsListPriority | Unset):
        source (LeadsListSource | Unset):
        status (LeadsListStatus | Unset):
        vehicle (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedLeadList]
    """

    kwargs = _get_kwargs(
        is_stalled=is_stalled,
        ordering=ordering,
        page=page,
        page_size=page_size,
        priority=priority,
        source=source,
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
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    priority: LeadsListPriority | Unset = UNSET,
    source: LeadsListSource | Unset = UNSET,
    status: LeadsListStatus | Unset = UNSET,
    vehicle: float | Unset = UNSET,
) -> Error | PaginatedLeadList | None:
    """Leads: list

     Buyer inquiries. Anyone (signed in or not) sends one; staff see every lead, a dealer the leads on
    its vehicles, a broker those assigned to it, a buyer its own. The dealer, the assigned broker and
    staff change the status and log contacts; the dealer and staff assign a broker.

    Args:
        is_stalled (bool | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        priority (LeadsListPriority | Unset):
        source (LeadsListSource | Unset):
        status (LeadsListStatus | Unset):
        vehicle (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedLeadList
    """

    return sync_detailed(
        client=client,
        is_stalled=is_stalled,
        ordering=ordering,
        page=page,
        page_size=page_size,
        priority=priority,
        source=source,
        status=status,
        vehicle=vehicle,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    priority: LeadsListPriority | Unset = UNSET,
    source: LeadsListSource | Unset = UNSET,
    status: LeadsListStatus | Unset = UNSET,
    vehicle: float | Unset = UNSET,
) -> Response[Error | PaginatedLeadList]:
    """Leads: list

     Buyer inquiries. Anyone (signed in or not) sends one; staff see every lead, a dealer the leads on
    its vehicles, a broker those assigned to it, a buyer its own. The dealer, the assigned broker and
    staff change the status and log contacts; the dealer and staff assign a broker.

    Args:
        is_stalled (bool | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        priority (LeadsListPriority | Unset):
        source (LeadsListSource | Unset):
        status (LeadsListStatus | Unset):
        vehicle (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedLeadList]
    """

    kwargs = _get_kwargs(
        is_stalled=is_stalled,
        ordering=ordering,
        page=page,
        page_size=page_size,
        priority=priority,
        source=source,
        status=status,
        vehicle=vehicle,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    is_stalled: bool | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    priority: LeadsListPriority | Unset = UNSET,
    source: LeadsListSource | Unset = UNSET,
    status: LeadsListStatus | Unset = UNSET,
    vehicle: float | Unset = UNSET,
) -> Error | PaginatedLeadList | None:
    """Leads: list

     Buyer inquiries. Anyone (signed in or not) sends one; staff see every lead, a dealer the leads on
    its vehicles, a broker those assigned to it, a buyer its own. The dealer, the assigned broker and
    staff change the status and log contacts; the dealer and staff assign a broker.

    Args:
        is_stalled (bool | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        priority (LeadsListPriority | Unset):
        source (LeadsListSource | Unset):
        status (LeadsListStatus | Unset):
        vehicle (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedLeadList
    """

    return (
        await asyncio_detailed(
            client=client,
            is_stalled=is_stalled,
            ordering=ordering,
            page=page,
            page_size=page_size,
            priority=priority,
            source=source,
            status=status,
            vehicle=vehicle,
        )
    ).parsed
