"""Forms of the review UI; each turns request input into values or one clear error per field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms

from habeas import model
from habeas.errors import ContractError
from habeas.web.review.custody import Filters
from habeas.web.store.models import EventKind

_LANGS = [("", "detect"), ("en", "English"), ("ru", "Russian"), ("az", "Azerbaijani")]


_PENALTY_KINDS = [("", "none")] + [(k.value, k.value.replace("_", " ")) for k in model.PenaltyKind]
_TERM_UNITS = [("days", "days"), ("hours", "hours"), ("months", "months"), ("years", "years")]
_OUTCOMES = [("", "none")] + [(o.value, o.value) for o in model.AppealOutcome]
# "petty hooliganism (art. 296 CAO)": the form the charges filter writes, read back.
_CHARGE = re.compile(
    r"^(?P<label>.*?)\s*(?:\(?\s*(?:art\.?|article)\s*(?P<article>[\w.\-]+)"
    r"(?:\s+(?P<code>CAO|CC))?\s*\)?)?$",
    re.IGNORECASE,
)


def charge_text(charges: Any) -> str:
    """Stored charges as the form's lines, one charge a line."""
    lines = []
    for charge in charges or ():
        line = str(charge.get("label") or "")
        if charge.get("article"):
            code = f" {charge['code']}" if charge.get("code") else ""
            line = f"{line} (art. {charge['article']}{code})".strip()
        lines.append(line)
    return "\n".join(lines)


def parse_charge(line: str) -> model.Charge:
    """One line of the charges field as a charge; ValidationError when it says nothing."""
    found = _CHARGE.match(line.strip())
    label = (found.group("label") if found else line).strip(" ,;") or None
    article = found.group("article") if found else None
    code = found.group("code") if found else None
    if not (label or article):
        raise forms.ValidationError(f"{line!r} is not a charge")
    return model.Charge(
        label=label, article=article, code=model.LegalCode(code.upper()) if code else None
    )


class EventForm(forms.Form):  # type: ignore[misc]
    """Every field of the contract's event, for an event entered or corrected by hand."""

    type = forms.ChoiceField(choices=EventKind.choices)
    date_text = forms.CharField(
        label="Date", required=False, max_length=10, help_text="YYYY-MM-DD, YYYY-MM or YYYY"
    )
    place = forms.CharField(required=False)
    authority = forms.CharField(required=False, help_text="court, police or other body")
    penalty_kind = forms.ChoiceField(label="Penalty", choices=_PENALTY_KINDS, required=False)
    penalty_term = forms.FloatField(label="Term", required=False, min_value=0)
    penalty_unit = forms.ChoiceField(label="Unit", choices=_TERM_UNITS, required=False)
    penalty_amount = forms.FloatField(label="Fine amount", required=False, min_value=0)
    penalty_currency = forms.CharField(label="Currency", required=False, max_length=8)
    charges = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="one a line: label (art. 221.1 CC)",
    )
    duration_hours = forms.FloatField(
        label="Duration (hours)", required=False, min_value=0, help_text="how long it lasted"
    )
    outcome = forms.ChoiceField(label="Appeal outcome", choices=_OUTCOMES, required=False)
    detail = forms.CharField(required=False)
    why = forms.CharField(label="Why (kept in the history)", max_length=500)

    @classmethod
    def initial_for(cls, event: Any) -> dict[str, Any]:
        """The form's initial values from a stored event."""
        penalty = event.penalty or {}
        unit = next((u for u in ("days", "hours", "months", "years") if u in penalty), "days")
        return {
            "type": event.type,
            "date_text": event.date_text,
            "place": event.place,
            "authority": event.authority,
            "penalty_kind": penalty.get("kind", ""),
            "penalty_term": penalty.get(unit),
            "penalty_unit": unit,
            "penalty_amount": penalty.get("amount"),
            "penalty_currency": penalty.get("currency", ""),
            "charges": charge_text(event.charges),
            "duration_hours": event.duration_hours,
            "outcome": event.outcome,
            "detail": event.detail,
        }

    def clean_date_text(self) -> str:
        text = str(self.cleaned_data.get("date_text") or "").strip()
        if text:
            try:
                model.PartialDate.parse(text)
            except ContractError as exc:
                raise forms.ValidationError(str(exc)) from None
        return text

    def clean_charges(self) -> tuple[model.Charge, ...]:
        text = str(self.cleaned_data.get("charges") or "")
        return tuple(parse_charge(line) for line in text.splitlines() if line.strip())

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()
        kind = data.get("penalty_kind")
        has_terms = data.get("penalty_term") is not None or data.get("penalty_amount") is not None
        if has_terms and not kind:
            self.add_error("penalty_kind", "Choose the kind of penalty the term or amount is of.")
        return data

    def penalty(self) -> model.Penalty | None:
        data = self.cleaned_data
        if not data.get("penalty_kind"):
            return None
        terms: dict[str, Any] = {}
        if data.get("penalty_term") is not None:
            terms[data.get("penalty_unit") or "days"] = data["penalty_term"]
        return model.Penalty(
            kind=model.PenaltyKind(data["penalty_kind"]),
            amount=data.get("penalty_amount"),
            currency=(data.get("penalty_currency") or "").strip().upper() or None,
            **terms,
        )

    def facts(self) -> model.Event:
        """The event the form describes, in the contract's form."""
        data = self.cleaned_data
        return model.Event(
            type=model.EventType(data["type"]),
            date=model.PartialDate.parse(data["date_text"]) if data["date_text"] else None,
            place=data["place"].strip() or None,
            authority=data["authority"].strip() or None,
            duration_hours=data.get("duration_hours"),
            penalty=self.penalty(),
            charges=data["charges"],
            outcome=model.AppealOutcome(data["outcome"]) if data.get("outcome") else None,
            detail=data["detail"].strip() or None,
        )


class EventEditForm(EventForm):
    """An event's fields, and the person it belongs to (so it can move to another)."""

    person = forms.TypedChoiceField(
        label="Person", coerce=int, choices=(), required=False, empty_value=None
    )

    field_order = ("person",)

    def __init__(self, *args: Any, persons: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(p.pk, f"{p.display_name} (#{p.pk})") for p in persons]
        self.order_fields(["person", *[n for n in self.fields if n != "person"]])


class PersonForm(forms.Form):  # type: ignore[misc]
    name = forms.CharField(max_length=255, help_text="as a report writes it")
    roles = forms.CharField(
        required=False, help_text="comma-separated, e.g. activist, opposition member"
    )
    report = forms.IntegerField(label="Mentioned in report #", required=False, help_text="optional")
    why = forms.CharField(label="Why (kept in the history)", max_length=500, required=False)

    def role_list(self) -> list[str]:
        """Roles as the extractor stores them: "opposition member" → "opposition_member"."""
        found = [r.strip().casefold() for r in self.cleaned_data["roles"].split(",")]
        return ["_".join(r.split()) for r in found if r]


class ChargeForm(forms.Form):  # type: ignore[misc]
    charge = forms.CharField(max_length=500, help_text="label (art. 221.1 CC)")
    why = forms.CharField(label="Why (kept in the history)", max_length=500, required=False)

    def clean_charge(self) -> model.Charge:
        return parse_charge(str(self.cleaned_data["charge"]))


class EvidenceForm(forms.Form):  # type: ignore[misc]
    report = forms.IntegerField(label="Report #", min_value=1)
    quote = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="copy the words from the report"
    )
    field = forms.ChoiceField(
        label="Supports",
        required=False,
        choices=[("", "the event as a whole")]
        + [(f, f) for f in ("type", "date", "place", "authority", "penalty", "charges")]
        + [(f, f) for f in ("duration", "outcome", "detail")],
    )
    why = forms.CharField(label="Why (kept in the history)", max_length=500, required=False)


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
        # An empty file fails on its own in the batch, by name, instead of failing the form.
        kwargs.setdefault("allow_empty_file", True)
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
    country = forms.CharField(
        required=False, help_text="matched in places and courts, by country or town"
    )
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
