from django.utils import formats
from django.utils.translation import gettext, gettext_lazy
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination


class StandardPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class QueryOrderCursorPagination(CursorPagination):
    """Keyset pages in whatever order the queryset already has (the filters' `ordering`, a search's
    relevance), so that a page deep in a large result costs what the first one does."""

    page_size = StandardPagination.page_size
    page_size_query_param = StandardPagination.page_size_query_param
    max_page_size = StandardPagination.max_page_size
    cursor_query_description = gettext_lazy(
        "Walk the results by keyset pages: empty for the first page, then the `next` link's value."
    )

    def get_ordering(self, request, queryset, view) -> tuple[str, ...]:
        return tuple(queryset.query.order_by) or ("-id",)

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except NotFound as error:
            message = gettext("This cursor was not given by a page; start again with an empty cursor.")
            raise ValidationError({self.cursor_query_param: [message]}) from error


class PageOrCursorPagination(StandardPagination):
    """Numbered pages with a count for browsing near the top; `?cursor=` for walking far into a large
    result, where a page number's OFFSET and COUNT(*) would read everything before the page. Numbered
    pages stop at MAX_DEPTH results, with a 400 that points to the cursor."""

    MAX_DEPTH = 10_000
    cursor_pagination_class = QueryOrderCursorPagination

    def __init__(self):
        self.cursor_pages = None

    def paginate_queryset(self, queryset, request, view=None):
        if self.cursor_pagination_class.cursor_query_param in request.query_params:
            self.cursor_pages = self.cursor_pagination_class()
            return self.cursor_pages.paginate_queryset(queryset, request, view)
        self._refuse_too_deep(request)
        return super().paginate_queryset(queryset, request, view)

    def _refuse_too_deep(self, request) -> None:
        page = request.query_params.get(self.page_query_param, "")
        if page.isdecimal() and int(page) * self.get_page_size(request) > self.MAX_DEPTH:
            message = gettext("Pages stop at result %(depth)s; walk further with ?cursor= (empty to start).") % {
                "depth": formats.number_format(self.MAX_DEPTH, force_grouping=True)
            }
            raise ValidationError({self.page_query_param: [message]})

    def get_paginated_response(self, data):
        if self.cursor_pages is not None:
            return self.cursor_pages.get_paginated_response(data)
        return super().get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["required"] = ["results"]
        schema["properties"]["count"]["description"] = "Numbered pages only (absent with a cursor)."
        return schema

    def get_schema_operation_parameters(self, view):
        cursor = self.cursor_pagination_class().get_schema_operation_parameters(view)
        return super().get_schema_operation_parameters(view) + [p for p in cursor if p["name"] == "cursor"]
