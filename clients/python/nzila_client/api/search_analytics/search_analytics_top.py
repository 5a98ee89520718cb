import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.search_analytics_top_found import SearchAnalyticsTopFound
from ...models.search_demand import SearchDemand
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    country: str | Unset = UNSET,
    found: SearchAnalyticsTopFound | Unset = SearchAnalyticsTopFound.ANY,
    from_: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["country"] = country

    json_found: str | Unset = UNSET
    if not isinstance(found, Unset):
        json_found = found.value

    params["found"] = json_found

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    params["limit"] = limit

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/search-analytics/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SearchDemand | None:
    if response.status_code == 200:
        response_200 = SearchDemand.from_dict(response.json())

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
) -> Response[Error | SearchDemand]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    country: str | Unset = UNSET,
    found: SearchAnalyticsTopFound | Unset = SearchAnalyticsTopFound.ANY,
    from_: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    to: datetime.date | Unset = UNSET,
) -> Response[Error | SearchDemand]:
    """Dealers and staff

     The searches buyers and visitors made in the catalogue over a period (default: the last 30 days),
    the most frequent first: the words (lowercased) and the filters, with how many times, how many found
    nothing and on how many days. Every dealer sees the same platform-wide demand: nothing here says who
    searched. A search is shown only when made at least `min_searches` times on at least `min_days`
    different days within the period and country asked for. `found=none`: the searches that found
    nothing, what buyers want and no listing offers. Kept 13 months.

    Args:
        country (str | Unset):
        found (SearchAnalyticsTopFound | Unset):  Default: SearchAnalyticsTopFound.ANY.
        from_ (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SearchDemand]
    """

    kwargs = _get_kwargs(
        country=country,
        found=found,
        from_=from_,
        limit=limit,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    country: str | Unset = UNSET,
    found: SearchAnalyticsTopFound | Unset = SearchAnalyticsTopFound.ANY,
    from_: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    to: datetime.date | Unset = UNSET,
) -> Error | SearchDemand | None:
    """Dealers and staff

     The searches buyers and visitors made in the catalogue over a period (default: the last 30 days),
    the most frequent first: the words (lowercased) and the filters, with how many times, how many found
    nothing and on how many days. Every dealer sees the same platform-wide demand: nothing here says who
    searched. A search is shown only when made at least `min_searches` times on at least `min_days`
    different days within the period and country asked for. `found=none`: the searches that found
    nothing, what buyers want and no listing offers. Kept 13 months.

    Args:
        country (str | Unset):
        found (SearchAnalyticsTopFound | Unset):  Default: SearchAnalyticsTopFound.ANY.
        from_ (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SearchDemand
    """

    return sync_detailed(
        client=client,
        country=country,
        found=found,
        from_=from_,
        limit=limit,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    country: str | Unset = UNSET,
    found: SearchAnalyticsTopFound | Unset = SearchAnalyticsTopFound.ANY,
    from_: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    to: datetime.date | Unset = UNSET,
) -> Response[Error | SearchDemand]:
    """Dealers and staff

     The searches buyers and visitors made in the catalogue over a period (default: the last 30 days),
    the most frequent first: the words (lowercased) and the filters, with how many times, how many found
    nothing and on how many days. Every dealer sees the same platform-wide demand: nothing here says who
    searched. A search is shown only when made at least `min_searches` times on at least `min_days`
    different days within the period and country asked for. `found=none`: the searches that found
    nothing, what buyers want and no listing offers. Kept 13 months.

    Args:
        country (str | Unset):
        found (SearchAnalyticsTopFound | Unset):  Default: SearchAnalyticsTopFound.ANY.
        from_ (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SearchDemand]
    """

    kwargs = _get_kwargs(
        country=country,
        found=found,
        from_=from_,
        limit=limit,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    country: str | Unset = UNSET,
    found: SearchAnalyticsTopFound | Unset = SearchAnalyticsTopFound.ANY,
    from_: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    to: datetime.date | Unset = UNSET,
) -> Error | SearchDemand | None:
    """Dealers and staff

     The searches buyers and visitors made in the catalogue over a period (default: the last 30 days),
    the most frequent first: the words (lowercased) and the filters, with how many times, how many found
    nothing and on how many days. Every dealer sees the same platform-wide demand: nothing here says who
    searched. A search is shown only when made at least `min_searches` times on at least `min_days`
    different days within the period and country asked for. `found=none`: the searches that found
    nothing, what buyers want and no listing offers. Kept 13 months.

    Args:
        country (str | Unset):
        found (SearchAnalyticsTopFound | Unset):  Default: SearchAnalyticsTopFound.ANY.
        from_ (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SearchDemand
    """

    return (
        await asyncio_detailed(
            client=client,
            country=country,
            found=found,
            from_=from_,
            limit=limit,
            to=to,
        )
    ).parsed
