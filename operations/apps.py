from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from nzila_export.hooks import BEAT_LAST_STARTED
        from operations.jobs import job_runs_watch
        from operations.metrics.requests import watch_database_queries
        from operations.metrics.tasks import watch_tasks
        from operations.selectors import job_last_started_at

        BEAT_LAST_STARTED.register(job_last_started_at)
        job_runs_watch()
        watch_database_queries()
        watch_tasks()
