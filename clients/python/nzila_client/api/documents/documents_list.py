from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documents_list_document_type import DocumentsListDocumentType
from ...models.documents_list_status import DocumentsListStatus
from ...models.error import Error
from ...models.paginated_document_list import PaginatedDocumentList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    deal: float | Unset = UNSET,
    document_type: DocumentsListDocumentType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: DocumentsListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["deal"] = deal

    json_document_type: str | Unset = UNSET
    if not isinstance(document_type, Unset):
        json_document_type = document_type.value

    params["document_type"] = json_document_type

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
        "url": "/api/v1/documents/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedDocumentList | None:
    if response.status_code == 200:
        response_200 = PaginatedDocumentList.from_dict(response.json())

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
) -> Response[Error | PaginatedDocumentList]:
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
    document_type: DocumentsListDocumentType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: DocumentsListStatus | Unset = UNSET,
) -> Response[Error | PaginatedDocumentList]:
    """Documents: list

     Documents of the deals the caller takes part in (staff: all).

    Args:
        deal (float | Unset):
        document_type (DocumentsListDocumentType | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (DocumentsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDocumentList]
    """

    kwargs = _get_kwargs(
        deal=deal,
        document_type=document_type,
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
    document_type: DocumentsListDocumentType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: DocumentsListStatus | Unset = UNSET,
) -> Error | PaginatedDocumentList | None:
    """Documents: list

     Documents of the deals the caller takes part in (staff: all).

    Args:
        deal (float | Unset):
        document_type (DocumentsListDocumentType | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (DocumentsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDocumentList
    """

    return sync_detailed(
        client=client,
        deal=deal,
        document_type=document_type,
        ordering=ordering,
        page=page,
        page_size=page_size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    deal: float | Unset = UNSET,
    document_type: DocumentsListDocumentType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: DocumentsListStatus | Unset = UNSET,
) -> Response[Error | PaginatedDocumentList]:
    """Documents: list

     Documents of the deals the caller takes part in (staff: all).

    Args:
        deal (float | Unset):
        document_type (DocumentsListDocumentType | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (DocumentsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDocumentList]
    """

    kwargs = _get_kwargs(
        deal=deal,
        document_type=document_type,
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
    document_type: DocumentsListDocumentType | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: DocumentsListStatus | Unset = UNSET,
) -> Error | PaginatedDocumentList | None:
    """Documents: list

     Documents of the deals the caller takes part in (staff: all).

    Args:
        deal (float | Unset):
        document_type (DocumentsListDocumentType | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (DocumentsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDocumentList
    """

    return (
        await asyncio_detailed(
            client=client,
            deal=deal,
            document_type=document_type,
            ordering=ordering,
            page=page,
            page_size=page_size,
            status=status,
        )
    ).parsed
