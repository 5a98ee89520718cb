from django.contrib import admin

from search_analytics.models import SearchDay


@admin.register(SearchDay)
class SearchDayAdmin(admin.ModelAdmin):
    """Read only: the rows are written by the flush job and deleted by the purge alone."""

    list_display = ("day", "country", "query", "filters", "search_count", "found_nothing_count")
    list_filter = ("day", "country")
    search_fields = ("query",)
    date_hierarchy = "day"
    ordering = ("-day", "-search_count")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
