import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.reports_shipments_format import ReportsShipmentsFormat
from ...models.reports_shipments_table import ReportsShipmentsTable
from ...models.shipments_report import ShipmentsReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ReportsShipmentsFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    table: ReportsShipmentsTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_table: str | Unset = UNSET
    if not isinstance(table, Unset):
        json_table = table.value

    params["table"] = json_table

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/shipments/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | ShipmentsReport | None:
    if response.status_code == 200:
        response_200 = ShipmentsReport.from_dict(response.json())

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
) -> Response[Any | Error | ShipmentsReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ReportsShipmentsFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    table: ReportsShipmentsTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Any | Error | ShipmentsReport]:
    """A report

     Active shipments due (ETA) in the period, by route: on time, late, overdue, on the way, and the on-
    time rate.

    Args:
        format_ (ReportsShipmentsFormat | Unset):
        from_ (datetime.date | Unset):
        table (ReportsShipmentsTable | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | ShipmentsReport]
    """

    kwargs = _get_kwargs(
        format_=format_,
        from_=from_,
        table=table,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: ReportsShipmentsFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    table: ReportsShipmentsTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Any | Error | ShipmentsReport | None:
    """A report

     Active shipments due (ETA) in the period, by route: on time, late, overdue, on the way, and the on-
    time rate.

    Args:
        format_ (ReportsShipmentsFormat | Unset):
        from_ (datetime.date | Unset):
        table (ReportsShipmentsTable | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | ShipmentsReport
    """

    return sync_detailed(
        client=client,
        format_=format_,
        from_=from_,
        table=table,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ReportsShipmentsFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    table: ReportsShipmentsTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Any | Error | ShipmentsReport]:
    """A report

     Active shipments due (ETA) in the period, by route: on time, late, overdue, on the way, and the on-
    time rate.

    Args:
        format_ (ReportsShipmentsFormat | Unset):
        from_ (datetime.date | Unset):
        table (ReportsShipmentsTable | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | ShipmentsReport]
    """

    kwargs = _get_kwargs(
        format_=format_,
        from_=from_,
        table=table,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ReportsShipmentsFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    table: ReportsShipmentsTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Any | Error | ShipmentsReport | None:
    """A report

     Active shipments due (ETA) in the period, by route: on time, late, overdue, on the way, and the on-
    time rate.

    Args:
        format_ (ReportsShipmentsFormat | Unset):
        from_ (datetime.date | Unset):
        table (ReportsShipmentsTable | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | ShipmentsReport
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            from_=from_,
            table=table,
            to=to,
        )
    ).parsed
