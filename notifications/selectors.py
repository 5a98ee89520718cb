from django.conf import settings
from django.db.models import QuerySet

from notifications.models import Notification


def notification_list_for_user(*, user, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(user=user)
    return notifications.filter(read_at__isnull=True) if unread_only else notifications


def notification_unread_count(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def public_url_of(request) -> str:
    """The URL a provider called, as the provider saw it: SITE_URL and the path (behind a proxy the
    request's own host and scheme may differ from what the provider signed)."""
    return settings.SITE_URL.rstrip("/") + request.get_full_path()
