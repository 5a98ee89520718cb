import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_audit_log_list import PaginatedAuditLogList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    action: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    user: float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["action"] = action

    params["cursor"] = cursor

    params["model_name"] = model_name

    params["object_id"] = object_id

    params["page_size"] = page_size

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["user"] = user

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedAuditLogList | None:
    if response.status_code == 200:
        response_200 = PaginatedAuditLogList.from_dict(response.json())

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
) -> Response[Error | PaginatedAuditLogList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    action: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    user: float | Unset = UNSET,
) -> Response[Error | PaginatedAuditLogList]:
    """Audit: list

     The audit log, for staff only: who did what to which object, from where, newest first, with each
    entry's place in the hash chain (sequence, previous_hash, row_hash; set when its transaction
    commits).

    Args:
        action (str | Unset):
        cursor (str | Unset):
        model_name (str | Unset):
        object_id (str | Unset):
        page_size (int | Unset):
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        user (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAuditLogList]
    """

    kwargs = _get_kwargs(
        action=action,
        cursor=cursor,
        model_name=model_name,
        object_id=object_id,
        page_size=page_size,
        since=since,
        until=until,
        user=user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    action: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    user: float | Unset = UNSET,
) -> Error | PaginatedAuditLogList | None:
    """Audit: list

     The audit log, for staff only: who did what to which object, from where, newest first, with each
    entry's place in the hash chain (sequence, previous_hash, row_hash; set when its transaction
    commits).

    Args:
        action (str | Unset):
        cursor (str | Unset):
        model_name (str | Unset):
        object_id (str | Unset):
        page_size (int | Unset):
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        user (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAuditLogList
    """

    return sync_detailed(
        client=client,
        action=action,
        cursor=cursor,
        model_name=model_name,
        object_id=object_id,
        page_size=page_size,
        since=since,
        until=until,
        user=user,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    action: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    user: float | Unset = UNSET,
) -> Response[Error | PaginatedAuditLogList]:
    """Audit: list

     The audit log, for staff only: who did what to which object, from where, newest first, with each
    entry's place in the hash chain (sequence, previous_hash, row_hash; set when its transaction
    commits).

    Args:
        action (str | Unset):
        cursor (str | Unset):
        model_name (str | Unset):
        object_id (str | Unset):
        page_size (int | Unset):
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        user (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAuditLogList]
    """

    kwargs = _get_kwargs(
        action=action,
        cursor=cursor,
        model_name=model_name,
        object_id=object_id,
        page_size=page_size,
        since=since,
        until=until,
        user=user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    action: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    user: float | Unset = UNSET,
) -> Error | PaginatedAuditLogList | None:
    """Audit: list

     The audit log, for staff only: who did what to which object, from where, newest first, with each
    entry's place in the hash chain (sequence, previous_hash, row_hash; set when its transaction
    commits).

    Args:
        action (str | Unset):
        cursor (str | Unset):
        model_name (str | Unset):
        object_id (str | Unset):
        page_size (int | Unset):
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        user (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAuditLogList
    """

    return (
        await asyncio_detailed(
            client=client,
            action=action,
            cursor=cursor,
            model_name=model_name,
            object_id=object_id,
            page_size=page_size,
            since=since,
            until=until,
            user=user,
        )
    ).parsed
