"""Forms of the review UI; each turns request input into values or one clear error per field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from habeas import model
from habeas.errors import ContractError
from habeas.web.review.custody import Filters
from habeas.web.store.models import EventKind

_LANGS = [("", "detect"), ("en", "English"), ("ru", "Russian"), ("az", "Azerbaijani")]


class EventEditForm(forms.Form):  # type: ignore[misc]
    """The fields a reviewer corrects most; `why` is kept in the event's history."""

    type = forms.ChoiceField(choices=EventKind.choices)
    date_text = forms.CharField(
        label="Date", required=False, max_length=10, help_text="YYYY-MM-DD, YYYY-MM or YYYY"
    )
    place = forms.CharField(required=False)
    authority = forms.CharField(required=False)
    detail = forms.CharField(required=False)
    why = forms.CharField(label="Why (kept in the history)", max_length=500)

    def clean_date_text(self) -> str:
        text = str(self.cleaned_data.get("date_text") or "").strip()
        if text:
            try:
                model.PartialDate.parse(text)
            except ContractError as exc:
                raise forms.ValidationError(str(exc)) from None
        return text

    def changes(self) -> dict[str, Any]:
        """The event fields to write, with the date's precision derived from the date."""
        data = self.cleaned_data
        date_text = data["date_text"]
        precision = model.PartialDate.parse(date_text).precision if date_text else ""
        return {
            "type": data["type"],
            "date_text": date_text,
            "date_precision": precision,
            "place": data["place"].strip(),
            "authority": data["authority"].strip(),
            "detail": data["detail"].strip(),
        }


class _Hints(forms.Form):  # type: ignore[misc]
    published = forms.DateField(
        required=False,
        help_text="Dates like “on Tuesday” are worked out from it",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    lang = forms.ChoiceField(label="Language", choices=_LANGS, required=False)
    title = forms.CharField(required=False, max_length=500)

    def hints(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "published": data.get("published"),
            "lang": data.get("lang") or None,
            "title": data.get("title") or None,
        }


class PasteForm(_Hints):
    text = forms.CharField(label="Report text", widget=forms.Textarea(attrs={"rows": 12}))

    def clean_text(self) -> str:
        text = str(self.cleaned_data["text"])
        if not text.strip():
            raise forms.ValidationError("The report text is empty.")
        return text


class UrlForm(_Hints):
    url = forms.URLField(label="Page address", assume_scheme="https")


class MultipleFileInput(forms.ClearableFileInput):  # type: ignore[misc]
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):  # type: ignore[misc]
    """A file field that keeps every file chosen (Django's own keeps one)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(_Hints):
    files = MultipleFileField(label="Files (HTML or text)")


class FeedForm(forms.Form):  # type: ignore[misc]
    url = forms.URLField(label="Feed address (RSS or Atom)", assume_scheme="https")


class FiltersForm(forms.Form):  # type: ignore[misc]
    country = forms.CharField(required=False, help_text="matched in places and courts")
    role = forms.CharField(required=False)
    authority = forms.CharField(required=False)
    charge = forms.CharField(required=False, help_text="a label or an article")
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def filters(self) -> Filters:
        """The filters given; none when the form is invalid (its errors are shown)."""
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            country=data["country"].strip(),
            role=data["role"].strip(),
            authority=data["authority"].strip(),
            charge=data["charge"].strip(),
            date_from=data["date_from"],
            date_to=data["date_to"],
        )


def parse_day(text: str | None) -> dt.date | None:
    """An ISO day from a query string, or None when absent or malformed."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
