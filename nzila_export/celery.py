"""The Celery application, its reliability settings and the one beat schedule.

Every periodic job is listed in BEAT_SCHEDULE below with a comment saying when and why.
"""

import os

from celery import Celery, Task
from celery.schedules import crontab
from kombu import Queue

from nzila_export.logging import task_context_connect

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nzila_export.settings")

app = Celery("nzila_export")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    # A task is acknowledged after it finishes, and put back on the queue if its worker dies, so a
    # crash never loses work (tasks are idempotent, so a rerun is safe).
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    accept_content=["json"],
    task_serializer="json",
    result_serializer="json",
    result_expires=24 * 60 * 60,
    task_soft_time_limit=5 * 60,
    task_time_limit=6 * 60,
    broker_connection_retry_on_startup=True,
    # The time zone and the broker's visibility timeout come from settings (CELERY_TIMEZONE, ...).
    enable_utc=True,
)

# The queues by priority, highest first: a worker started with no -Q takes them all in this order (the
# Redis transport's "priority" strategy, in settings), so money and inbound events are never stuck behind
# a batch of messages, nor messages behind a report.
TASK_QUEUES = ("critical", "default", "messages", "reports")
app.conf.task_queues = [Queue(name, routing_key=name) for name in TASK_QUEUES]
app.conf.task_default_queue = "default"
# An exact name wins over a pattern; every task not named here goes to "default".
app.conf.task_routes = {
    "payments.tasks.reconcile_payments": {"queue": "reports"},
    "payments.tasks.*": {"queue": "critical"},
    "webhooks.tasks.*": {"queue": "critical"},
    "commissions.tasks.settle_processing_payouts": {"queue": "critical"},
    "commissions.tasks.mark_commission_paid": {"queue": "critical"},
    "commissions.tasks.send_commission_statements": {"queue": "reports"},
    "privacy.tasks.build_access_export": {"queue": "reports"},
    "notifications.tasks.*": {"queue": "messages"},
    "deals.tasks.send_deal_follow_up": {"queue": "messages"},
    "deals.tasks.send_lead_follow_up": {"queue": "messages"},
    "leads.tasks.*": {"queue": "messages"},
    "vehicles.tasks.*": {"queue": "messages"},
    "shipments.tasks.send_shipment_updates": {"queue": "messages"},
    "invoices.tasks.send_payment_reminders": {"queue": "messages"},
    "plans.tasks.advance_plan_dunning": {"queue": "messages"},
    "recommendations.tasks.rebuild_recommendation_tables": {"queue": "reports"},
    "ml.tasks.retrain_models": {"queue": "reports"},
}
task_context_connect()

BEAT_SCHEDULE: dict[str, dict] = {
    # Every minute: take up webhook events left received (a lost queue message) or failed past their
    # backoff, so that no provider's event is lost; the last allowed attempt alerts staff.
    "requeue-inbox-events": {"task": "webhooks.tasks.requeue_inbox_events", "schedule": 60.0},
    # Every minute: send the messages whose quiet hours or batching window have passed.
    "dispatch-due-messages": {"task": "notifications.tasks.dispatch_due_messages", "schedule": 60.0},
    # Every minute: tell the dealers of the inquiries received since (leads.tasks), off the inquiry's request.
    "tell-dealers-of-new-leads": {"task": "leads.tasks.tell_dealers_of_new_leads", "schedule": 60.0},
    # The detail views buffered in Redis, into the view history (vehicles.view_buffer).
    "write-buffered-views": {"task": "vehicles.tasks.write_buffered_views", "schedule": 60.0},
    # Every minute: the catalogue searches buffered in Redis, added to their days' anonymized counts
    # (search_analytics.buffer), so that dealers see the day's demand within a minute.
    "write-buffered-searches": {"task": "search_analytics.tasks.write_buffered_searches", "schedule": 60.0},
    # Hourly, at minute 5: tell buyers of new listings matching their saved searches (each vehicle once).
    "announce-saved-search-matches": {
        "task": "vehicles.tasks.announce_saved_search_matches",
        "schedule": crontab(minute=5),
    },
    # Daily at 9:00 Toronto time, the start of the dealers' day: remind the parties of stalled deals and
    # the dealers of stalled leads, once per stall.
    "check-stalled-deals": {"task": "deals.tasks.check_stalled_deals", "schedule": crontab(hour=9, minute=0)},
    # Daily at 00:30 Toronto: the day's exchange rates (Bank of Canada publishes around 16:30 the
    # business day before; the fallback covers NGN, GHS, KES), then alert staff about stale ones and
    # revalue the listings priced in other currencies (the hook vehicles registers in currencies.hooks).
    "update-exchange-rates": {
        "task": "currencies.tasks.update_exchange_rates",
        "schedule": crontab(hour=0, minute=30),
    },
    # Hourly, at minute 20: ask the provider about payments a lost webhook left pending for 30+ minutes.
    "process-pending-payments": {"task": "payments.tasks.process_pending_payments", "schedule": crontab(minute=20)},
    # Daily at 02:00 Toronto, once yesterday is over everywhere we sell: reconcile yesterday with Stripe.
    "reconcile-payments": {"task": "payments.tasks.reconcile_payments", "schedule": crontab(hour=2, minute=0)},
    # Every 6 hours (00:15, 06:15, ...): tell each buyer of the new events of its shipment, each once.
    "send-shipment-updates": {
        "task": "shipments.tasks.send_shipment_updates",
        "schedule": crontab(minute=15, hour="*/6"),
    },
    # Daily at 8:30 Toronto time, before staff start: flag shipments past their ETA and not arrived,
    # once per ETA, telling the buyer and the dealer.
    "check-delayed-shipments": {
        "task": "shipments.tasks.check_delayed_shipments",
        "schedule": crontab(hour=8, minute=30),
    },
    # Daily at 00:45 Toronto, once the due dates of yesterday have passed: mark unpaid invoices overdue,
    # each once, telling the buyer and staff.
    "check-overdue-invoices": {"task": "invoices.tasks.check_overdue_invoices", "schedule": crontab(hour=0, minute=45)},
    # Daily at 10:00 Toronto, in business hours for the buyers in West Africa too (14:00-15:00 there):
    # the dunning reminders (3 days before the due date, on it, 1, 3 and 7 days after), each once.
    "send-payment-reminders": {"task": "invoices.tasks.send_payment_reminders", "schedule": crontab(hour=10, minute=0)},
    # Hourly, at minute 25: a dealer's failed plan renewal gets its dunning e-mail when due (day 0, 3, 6), and
    # lapses to Starter within the hour its grace period ends.
    "advance-plan-dunning": {"task": "plans.tasks.advance_plan_dunning", "schedule": crontab(minute=25)},
    # Weekly, Monday 10:00 Toronto, the start of the brokers' week: re-compute the tiers a later deal lifted,
    # then approve the commissions past the dispute window whose deal's payments are all settled.
    "process-pending-commissions": {
        "task": "commissions.tasks.process_pending_commissions",
        "schedule": crontab(day_of_week="mon", hour=10, minute=0),
    },
    # Monthly, on the 1st at 07:00 Toronto, once last month is over and before the brokers' day starts
    # (midday in West Africa): e-mail each broker its statement of last month, CSV and PDF, once.
    "send-commission-statements": {
        "task": "commissions.tasks.send_commission_statements",
        "schedule": crontab(day_of_month=1, hour=7, minute=0),
    },
    # Every 10 minutes: ask the providers about commission payouts whose answer was lost or is still
    # pending (each at most once per PAYOUT_STATUS_CHECK_AFTER_MINUTES), so that a payout is settled by a
    # status query, never sent twice.
    "settle-processing-payouts": {"task": "commissions.tasks.settle_processing_payouts", "schedule": 10 * 60.0},
    # Daily at 03:30 Toronto, a quiet hour: anonymize the accounts whose deletion grace period
    # (PRIVACY_DELETION_GRACE_DAYS) ended before the day began, each once.
    "process-deletion-requests": {
        "task": "privacy.tasks.process_deletion_requests",
        "schedule": crontab(hour=3, minute=30),
    },
    # Daily at 03:45 Toronto: delete the data exports whose download link has expired, so no copy lingers.
    "purge-expired-exports": {"task": "privacy.tasks.purge_expired_exports", "schedule": crontab(hour=3, minute=45)},
    # Daily at 03:50 Toronto, a quiet hour: delete the search analytics' days past the 13 months they are kept
    # (search_analytics.models.SEARCH_RETENTION_MONTHS), in batches.
    "purge-old-searches": {"task": "search_analytics.tasks.purge_old_searches", "schedule": crontab(hour=3, minute=50)},
    # Monthly, on the 1st at 02:00 Toronto, a quiet hour: delete the audit log entries past the 7 years they
    # are kept (audit.models.AUDIT_RETENTION_YEARS), oldest first, in batches each recorded in the chain.
    "cleanup-old-audit-logs": {
        "task": "audit.tasks.cleanup_old_audit_logs",
        "schedule": crontab(day_of_month=1, hour=2, minute=0),
    },
    # Hourly, at minute 0: dump the database and copy the uploaded files kept on disk to the backup store,
    # then rotate (README, Operations); WAL archiving covers the minutes between two dumps.
    "backup-database": {"task": "operations.tasks.backup_database", "schedule": crontab(minute=0)},
    # Every 6 hours, at minute 35 (00:35, 06:35, ...): the recommenders' collaborative neighbours and listing
    # popularity from the latest views and inquiries (recommendations.services.recommendation_tables_rebuild),
    # so that new listings and new interests count within hours, off the request path.
    "rebuild-recommendation-tables": {
        "task": "recommendations.tasks.rebuild_recommendation_tables",
        "schedule": crontab(minute=35, hour="*/6"),
    },
    # Monthly, on the 2nd at 04:00 Toronto, a quiet hour once last month's deals and payments are in: train
    # every learned model and promote a new version only when it does at least as well as its rule and the
    # active version on the same held-out split (ml.services.models_retrain).
    "retrain-models": {"task": "ml.tasks.retrain_models", "schedule": crontab(day_of_month=2, hour=4, minute=0)},
}
app.conf.beat_schedule = BEAT_SCHEDULE
app.autodiscover_tasks()


class ExternalServiceTask(Task):
    """Base for tasks that talk to an outside service: transient failures retry with backoff.

    Only network-level errors are retried; a provider's refusal (a 4xx) must be raised as something
    else by the adapter, so that it fails at once.
    """

    autoretry_for = (ConnectionError, TimeoutError)
    retry_backoff = 10
    retry_backoff_max = 10 * 60
    retry_jitter = True
    max_retries = 6
