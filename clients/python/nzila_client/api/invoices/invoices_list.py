import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.invoices_list_status import InvoicesListStatus
from ...models.invoices_list_type import InvoicesListType
from ...models.paginated_invoice_list import PaginatedInvoiceList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    deal: float | Unset = UNSET,
    issued_on_after: datetime.date | Unset = UNSET,
    issued_on_before: datetime.date | Unset = UNSET,
    kind: InvoicesListType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvoicesListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["deal"] = deal

    json_issued_on_after: str | Unset = UNSET
    if not isinstance(issued_on_after, Unset):
        json_issued_on_after = issued_on_after.isoformat()
    params["issued_on_after"] = json_issued_on_after

    json_issued_on_before: str | Unset = UNSET
    if not isinstance(issued_on_before, Unset):
        json_issued_on_before = issued_on_before.isoformat()
    params["issued_on_before"] = json_issued_on_before

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["ordering"] = ordering

    params["page"] = page

    params["page_size"] = page_size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/invoices/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedInvoiceList | None:
    if response.status_code == 200:
        response_200 = PaginatedInvoiceList.from_dict(response.json())

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
) -> Response[Error | PaginatedInvoiceList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    deal: float | Unset = UNSET,
    issued_on_after: datetime.date | Unset = UNSET,
    issued_on_before: datetime.date | Unset = UNSET,
    kind: InvoicesListType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvoicesListStatus | Unset = UNSET,
) -> Response[Error | PaginatedInvoiceList]:
    """Invoices: list

     Invoices, credit notes and receipts of the caller's deals (staff: all), newest first; a draft is
    seen by the deal's dealer and staff only.

    Args:
        deal (float | Unset):
        issued_on_after (datetime.date | Unset):
        issued_on_before (datetime.date | Unset):
        kind (InvoicesListType | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (InvoicesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedInvoiceList]
    """

    kwargs = _get_kwargs(
        deal=deal,
        issued_on_after=issued_on_after,
        issued_on_before=issued_on_before,
        kind=kind,
        ordering=ordering,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    deal: float | Unset = UNSET,
    issued_on_after: datetime.date | Unset = UNSET,
    issued_on_before: datetime.date | Unset = UNSET,
    kind: InvoicesListType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvoicesListStatus | Unset = UNSET,
) -> Error | PaginatedInvoiceList | None:
    """Invoices: list

     Invoices, credit notes and receipts of the caller's deals (staff: all), newest first; a draft is
    seen by the deal's dealer and staff only.

    Args:
        deal (float | Unset):
        issued_on_after (datetime.date | Unset):
        issued_on_before (datetime.date | Unset):
        kind (InvoicesListType | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (InvoicesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedInvoiceList
    """

    return sync_detailed(
        client=client,
        deal=deal,
        issued_on_after=issued_on_after,
        issued_on_before=issued_on_before,
        kind=kind,
        ordering=ordering,
        page=page,
        page_size=page_size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    deal: float | Unset = UNSET,
    issued_on_after: datetime.date | Unset = UNSET,
    issued_on_before: datetime.date | Unset = UNSET,
    kind: InvoicesListType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvoicesListStatus | Unset = UNSET,
) -> Response[Error | PaginatedInvoiceList]:
    """Invoices: list

     Invoices, credit notes and receipts of the caller's deals (staff: all), newest first; a draft is
    seen by the deal's dealer and staff only.

    Args:
        deal (float | Unset):
        issued_on_after (datetime.date | Unset):
        issued_on_before (datetime.date | Unset):
        kind (InvoicesListType | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (InvoicesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedInvoiceList]
    """

    kwargs = _get_kwargs(
        deal=deal,
        issued_on_after=issued_on_after,
        issued_on_before=issued_on_before,
        kind=kind,
        ordering=ordering,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    deal: float | Unset = UNSET,
    issued_on_after: datetime.date | Unset = UNSET,
    issued_on_before: datetime.date | Unset = UNSET,
    kind: InvoicesListType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvoicesListStatus | Unset = UNSET,
) -> Error | PaginatedInvoiceList | None:
    """Invoices: list

     Invoices, credit notes and receipts of the caller's deals (staff: all), newest first; a draft is
    seen by the deal's dealer and staff only.

    Args:
        deal (float | Unset):
        issued_on_after (datetime.date | Unset):
        issued_on_before (datetime.date | Unset):
        kind (InvoicesListType | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (InvoicesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedInvoiceList
    """

    return (
        await asyncio_detailed(
            client=client,
            deal=deal,
            issued_on_after=issued_on_after,
            issued_on_before=issued_on_before,
            kind=kind,
            ordering=ordering,
            page=page,
            page_size=page_size,
            status=status,
        )
    ).parsed
