from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from operations.jobs import job_runs_watch
        from operations.metrics.requests import watch_database_queries
        from operations.metrics.tasks import watch_tasks

        job_runs_watch()
        watch_database_queries()
        watch_tasks()
