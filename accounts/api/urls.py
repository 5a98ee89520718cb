from django.urls import path
from rest_framework.routers import SimpleRouter

from accounts.api import views

router = SimpleRouter()
router.register("users", views.UserViewSet, basename="user")

urlpatterns = [
    path("auth/register/", views.RegisterView.as_view(), name="auth-register"),
    path("auth/token/", views.TokenObtainView.as_view(), name="auth-token"),
    path("auth/token/refresh/", views.TokenRotateView.as_view(), name="auth-token-refresh"),
    path("auth/logout/", views.LogoutView.as_view(), name="auth-logout"),
    path("auth/password-reset/", views.PasswordResetRequestView.as_view(), name="auth-password-reset"),
    path(
        "auth/password-reset/confirm/",
        views.PasswordResetConfirmView.as_view(),
        name="auth-password-reset-confirm",
    ),
    path("users/me/", views.MeView.as_view(), name="user-me"),
    path("users/me/password/", views.PasswordChangeView.as_view(), name="user-me-password"),
    path("users/me/language/", views.LanguageView.as_view(), name="user-me-language"),
    path("users/me/totp/", views.TotpView.as_view(), name="user-me-totp"),
    path("users/me/totp/confirm/", views.TotpConfirmView.as_view(), name="user-me-totp-confirm"),
    *router.urls,
]
