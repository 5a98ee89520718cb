from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_ticket_list import PaginatedTicketList
from ...models.support_tickets_list_status import SupportTicketsListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    assigned_to: float | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: SupportTicketsListStatus | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["assigned_to"] = assigned_to

    params["ordering"] = ordering

    params["overdue"] = overdue

    params["page"] = page

    params["page_size"] = page_size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["unassigned"] = unassigned

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/support/tickets/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedTicketList | None:
    if response.status_code == 200:
        response_200 = PaginatedTicketList.from_dict(response.json())

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
) -> Response[Error | PaginatedTicketList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    assigned_to: float | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: SupportTicketsListStatus | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
) -> Response[Error | PaginatedTicketList]:
    """Support tickets: list

     Tickets the caller opened (staff: all, filtered by status, assignee, overdue).

    Args:
        assigned_to (float | Unset):
        ordering (str | Unset):
        overdue (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (SupportTicketsListStatus | Unset):
        unassigned (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTicketList]
    """

    kwargs = _get_kwargs(
        assigned_to=assigned_to,
        ordering=ordering,
        overdue=overdue,
        page=page,
        page_size=page_size,
        status=status,
        unassigned=unassigned,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    assigned_to: float | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: SupportTicketsListStatus | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
) -> Error | PaginatedTicketList | None:
    """Support tickets: list

     Tickets the caller opened (staff: all, filtered by status, assignee, overdue).

    Args:
        assigned_to (float | Unset):
        ordering (str | Unset):
        overdue (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (SupportTicketsListStatus | Unset):
        unassigned (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTicketList
    """

    return sync_detailed(
        client=client,
        assigned_to=assigned_to,
        ordering=ordering,
        overdue=overdue,
        page=page,
        page_size=page_size,
        status=status,
        unassigned=unassigned,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    assigned_to: float | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: SupportTicketsListStatus | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
) -> Response[Error | PaginatedTicketList]:
    """Support tickets: list

     Tickets the caller opened (staff: all, filtered by status, assignee, overdue).

    Args:
        assigned_to (float | Unset):
        ordering (str | Unset):
        overdue (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (SupportTicketsListStatus | Unset):
        unassigned (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTicketList]
    """

    kwargs = _get_kwargs(
        assigned_to=assigned_to,
        ordering=ordering,
        overdue=overdue,
        page=page,
        page_size=page_size,
        status=status,
        unassigned=unassigned,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    assigned_to: float | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: SupportTicketsListStatus | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
) -> Error | PaginatedTicketList | None:
    """Support tickets: list

     Tickets the caller opened (staff: all, filtered by status, assignee, overdue).

    Args:
        assigned_to (float | Unset):
        ordering (str | Unset):
        overdue (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (SupportTicketsListStatus | Unset):
        unassigned (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTicketList
    """

    return (
        await asyncio_detailed(
            client=client,
            assigned_to=assigned_to,
            ordering=ordering,
            overdue=overdue,
            page=page,
            page_size=page_size,
            status=status,
            unassigned=unassigned,
        )
    ).parsed
