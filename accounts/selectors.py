from django.db.models import Q, QuerySet

from accounts.models import Role, User


def user_list_visible_to(*, user: User) -> QuerySet[User]:
    """Staff see every user; anyone else sees only their own account."""
    users = User.objects.order_by("id")
    return users if user.is_platform_staff else users.filter(pk=user.pk)


def user_email_taken(*, email: str, excluding: User | None = None) -> bool:
    users = User.objects.filter(email__iexact=email)
    if excluding is not None:
        users = users.exclude(pk=excluding.pk)
    return users.exists()


def username_taken(*, username: str) -> bool:
    return User.objects.filter(username__iexact=username).exists()


def staff_list_active() -> QuerySet[User]:
    """The people who run the platform, for alerts (held deals, disputes, stale rates, reconciliation)."""
    return User.objects.filter(Q(is_staff=True) | Q(role=Role.STAFF), is_active=True)
