"""The alerts app's forms: support actions, and each user's notification settings."""

from __future__ import annotations

from typing import Any

from django import forms

from habeas.web.alerts.models import Subscription, SupportKindChoice, SupportStatusChoice
from habeas.web.alerts.rules import SupportKind, SupportStatus, check_status
from habeas.web.alerts.webhooks import webhook_policy, webhook_refusal


class SupportForm(forms.Form):  # type: ignore[misc]
    """A support action: a kind, a status that fits it, a date, a note, confidential by default."""

    kind = forms.ChoiceField(choices=SupportKindChoice.choices)
    status = forms.ChoiceField(choices=SupportStatusChoice.choices)
    date = forms.DateField(required=False, help_text="YYYY-MM-DD")
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    confidential = forms.BooleanField(required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()
        if "kind" in data and "status" in data:
            try:
                check_status(SupportKind(data["kind"]), SupportStatus(data["status"]))
            except ValueError as exc:
                raise forms.ValidationError(str(exc).capitalize() + ".") from None
        return data


class SubscriptionForm(forms.ModelForm):  # type: ignore[misc]
    """A user's own notification settings; a webhook must pass ingest's address guard."""

    webhook_url = forms.URLField(
        required=False,
        max_length=200,
        assume_scheme="https",
        label="Webhook URL",
        help_text="Each new alert is POSTed here as JSON. Leave empty for none.",
    )

    class Meta:
        model = Subscription
        fields = (
            "email_alerts",
            "daily_digest",
            "alerts_for",
            "webhook_url",
            "email_confidential",
            "webhook_confidential",
            "calendar_confidential",
        )
        labels = {  # noqa: RUF012
            "email_alerts": "E-mail me each new alert",
            "daily_digest": "E-mail me a daily digest of open alerts",
            "alerts_for": "Alerts for",
            "email_confidential": "Put confidential support details in my e-mails",
            "webhook_confidential": "Put confidential support details in my webhook",
            "calendar_confidential": "Put confidential support in my calendar feed",
        }
        help_texts = {  # noqa: RUF012
            "email_confidential": "Off: an e-mail only says that a confidential alert is open.",
            "webhook_confidential": "Off: the webhook only hears that one is open.",
            "calendar_confidential": "Off: the feed leaves confidential support out.",
        }
        widgets = {"alerts_for": forms.RadioSelect}  # noqa: RUF012

    def clean_webhook_url(self) -> str:
        url: str = self.cleaned_data.get("webhook_url") or ""
        if url:
            refusal = webhook_refusal(url, policy=webhook_policy())
            if refusal is not None:
                raise forms.ValidationError(refusal)
        return url
