"""Publication in Django's admin: the public-site switch, tokens and changes (read-only).

The site is turned on or off here through `public_site` (on/off), the same stored
setting `habeas publish site on|off` writes; each save is kept as a PublicationChange.
API tokens are issued with `habeas api-token issue` (the secret is shown once), so the
admin only lists them.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from habeas.web.public.publishing import SITE_KEY, set_site
from habeas.web.store.models import ApiToken, PrisonerList, PublicationChange, SiteSetting


class _ReadOnly(admin.ModelAdmin):  # type: ignore[misc]
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class SiteSettingForm(forms.ModelForm):  # type: ignore[misc]
    key = forms.ChoiceField(choices=[(SITE_KEY, "public site")])
    value = forms.ChoiceField(choices=[("off", "off"), ("on", "on")])

    class Meta:
        model = SiteSetting
        fields = ("key", "value")


@admin.register(SiteSetting)
class SiteSettingAdmin(admin.ModelAdmin):  # type: ignore[misc]
    form = SiteSettingForm
    list_display = ("key", "value", "changed_at")

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        # Through set_site, so the switch is in the publication history like every change.
        set_site(obj.value == "on", user=request.user)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(_ReadOnly):
    list_display = ("id", "name", "role", "created_at", "revoked_at")
    exclude = ("token_sha256",)


@admin.register(PublicationChange)
class PublicationChangeAdmin(_ReadOnly):
    list_display = ("created_at", "target", "target_id", "public", "user", "why")


@admin.register(PrisonerList)
class PrisonerListAdmin(admin.ModelAdmin):  # type: ignore[misc]
    list_display = ("slug", "name", "public")
    fields = ("slug", "name", "description", "public")
