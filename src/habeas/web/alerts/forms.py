"""The support form: a kind, a status that fits it, a date, a note, confidential by default."""

from __future__ import annotations

from typing import Any

from django import forms

from habeas.web.alerts.models import SupportKindChoice, SupportStatusChoice
from habeas.web.alerts.rules import SupportKind, SupportStatus, check_status


class SupportForm(forms.Form):  # type: ignore[misc]
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
