from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from habeas.web.accounts import views

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views.verify, name="two-factor-verify"),
    path("two-factor/setup/", views.setup, name="two-factor-setup"),
    path("two-factor/setup/qr.svg", views.setup_qr, name="two-factor-qr"),
]
