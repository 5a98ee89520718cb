import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.reports_revenue_format import ReportsRevenueFormat
from ...models.reports_revenue_interval import ReportsRevenueInterval
from ...models.reports_revenue_table import ReportsRevenueTable
from ...models.revenue_report import RevenueReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ReportsRevenueFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    interval: ReportsRevenueInterval | Unset = ReportsRevenueInterval.DAY,
    table: ReportsRevenueTable | Unset = UNSET,
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

    json_interval: str | Unset = UNSET
    if not isinstance(interval, Unset):
        json_interval = interval.value

    params["interval"] = json_interval

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
        "url": "/api/v1/reports/revenue/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | RevenueReport | None:
    if response.status_code == 200:
        response_200 = RevenueReport.from_dict(response.json())

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
) -> Response[Any | Error | RevenueReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ReportsRevenueFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    interval: ReportsRevenueInterval | Unset = ReportsRevenueInterval.DAY,
    table: ReportsRevenueTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Any | Error | RevenueReport]:
    """A report

     The ledger's money by day or month (`interval`) and currency, with its CAD value at each payment's
    rate; totals per currency and in CAD.

    Args:
        format_ (ReportsRevenueFormat | Unset):
        from_ (datetime.date | Unset):
        interval (ReportsRevenueInterval | Unset):  Default: ReportsRevenueInterval.DAY.
        table (ReportsRevenueTable | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | RevenueReport]
    """

    kwargs = _get_kwargs(
        format_=format_,
        from_=from_,
        interval=interval,
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
    format_: ReportsRevenueFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    interval: ReportsRevenueInterval | Unset = ReportsRevenueInterval.DAY,
    table: ReportsRevenueTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Any | Error | RevenueReport | None:
    """A report

     The ledger's money by day or month (`interval`) and currency, with its CAD value at each payment's
    rate; totals per currency and in CAD.

    Args:
        format_ (ReportsRevenueFormat | Unset):
        from_ (datetime.date | Unset):
        interval (ReportsRevenueInterval | Unset):  Default: ReportsRevenueInterval.DAY.
        table (ReportsRevenueTable | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | RevenueReport
    """

    return sync_detailed(
        client=client,
        format_=format_,
        from_=from_,
        interval=interval,
        table=table,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ReportsRevenueFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    interval: ReportsRevenueInterval | Unset = ReportsRevenueInterval.DAY,
    table: ReportsRevenueTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Any | Error | RevenueReport]:
    """A report

     The ledger's money by day or month (`interval`) and currency, with its CAD value at each payment's
    rate; totals per currency and in CAD.

    Args:
        format_ (ReportsRevenueFormat | Unset):
        from_ (datetime.date | Unset):
        interval (ReportsRevenueInterval | Unset):  Default: ReportsRevenueInterval.DAY.
        table (ReportsRevenueTable | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | RevenueReport]
    """

    kwargs = _get_kwargs(
        format_=format_,
        from_=from_,
        interval=interval,
        table=table,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ReportsRevenueFormat | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    interval: ReportsRevenueInterval | Unset = ReportsRevenueInterval.DAY,
    table: ReportsRevenueTable | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Any | Error | RevenueReport | None:
    """A report

     The ledger's money by day or month (`interval`) and currency, with its CAD value at each payment's
    rate; totals per currency and in CAD.

    Args:
        format_ (ReportsRevenueFormat | Unset):
        from_ (datetime.date | Unset):
        interval (ReportsRevenueInterval | Unset):  Default: ReportsRevenueInterval.DAY.
        table (ReportsRevenueTable | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | RevenueReport
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            from_=from_,
            interval=interval,
            table=table,
            to=to,
        )
    ).parsed
