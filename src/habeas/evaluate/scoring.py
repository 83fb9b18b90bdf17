"""Precision, recall and F1 of an engine's output against gold, per the contract.

`score(gold, pred)` takes documents as the contract's JSON objects
({"doc_id", "persons": [...]}) and gives the figures under the keys the
shared scorer prints with --json, so the two can be compared number for number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from habeas.errors import InputError
from habeas.evaluate.folding import FoldedName, agreement
from habeas.evaluate.values import (
    PENALTY_EVENTS,
    ChargeKey,
    Term,
    charges_right,
    date_agrees,
    day_of,
    jaccard,
    one_to_one,
)


@dataclass(frozen=True, slots=True)
class ScoredEvent:
    type: str
    date: str | None
    term: Term | None
    charges: tuple[ChargeKey, ...]
    outcome: str | None

    @classmethod
    def read(cls, obj: Mapping[str, Any]) -> ScoredEvent:
        raw_charges = obj.get("charges")
        outcome = obj.get("outcome")
        return cls(
            type=str(obj["type"]).strip().lower(),
            date=day_of(obj.get("date")),
            term=Term.read(obj.get("penalty")),
            charges=tuple(
                c
                for c in map(ChargeKey.read, raw_charges if isinstance(raw_charges, list) else [])
                if c is not None
            ),
            outcome=outcome.strip().lower() if isinstance(outcome, str) else None,
        )

    def label(self) -> str:
        parts = [self.type]
        if self.date:
            parts.append(self.date)
        if self.term and self.type in PENALTY_EVENTS:
            parts.append(f"[{self.term.kind or '?'}]")
        if self.outcome:
            parts.append(f"[{self.outcome}]")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class ScoredPerson:
    name: str
    folded: FoldedName
    events: tuple[ScoredEvent, ...]


Documents = dict[str, tuple[int, list[ScoredPerson]]]


def read_persons(obj: Mapping[str, Any], where: str) -> list[ScoredPerson]:
    persons = obj.get("persons") or []
    if not isinstance(persons, list):
        raise InputError(f"{where}: 'persons' must be a list")
    out = []
    for k, person in enumerate(persons, 1):
        if not isinstance(person, dict):
            raise InputError(f"{where}: person {k} is not a JSON object")
        name = person.get("name")
        if not isinstance(name, str):
            raise InputError(f"{where}: person {k} has no string 'name'")
        events = person.get("events") or []
        if not isinstance(events, list):
            raise InputError(f"{where}: 'events' of person {name!r} must be a list")
        for m, event in enumerate(events, 1):
            if not isinstance(event, dict) or not isinstance(event.get("type"), str):
                raise InputError(
                    f"{where}: event {m} of person {name!r} is not an object with a string 'type'"
                )
        out.append(
            ScoredPerson(name, FoldedName.of(name), tuple(ScoredEvent.read(e) for e in events))
        )
    return out


def read_documents(objects: Iterable[tuple[int, Any]], *, label: str) -> Documents:
    """(line number, JSON value) pairs → documents by doc_id, each doc_id once."""
    docs: Documents = {}
    for line, obj in objects:
        where = f"{label}:{line}"
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
        doc_id = obj.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            raise InputError(f"{where}: missing or non-string 'doc_id'")
        if doc_id in docs:
            raise InputError(f"{where}: doc_id {doc_id!r} already on line {docs[doc_id][0]}")
        docs[doc_id] = (line, read_persons(obj, where))
    return docs


def read_jsonl(path: Path) -> list[tuple[int, Any]]:
    """The JSON values of a JSON Lines file with their line numbers; one-line errors."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}:{number}: malformed JSON: {exc.msg} at column {exc.colno}"
            ) from None
        except RecursionError:
            raise InputError(f"{path}:{number}: JSON nested too deeply") from None
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def figures(self) -> dict[str, Any]:
        tp, fp, fn = self.tp, self.fp, self.fn
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }


@dataclass
class TermTally:
    correct: int = 0
    total: int = 0  # paired events whose gold has a penalty
    gold_total: int = 0  # every gold event with a penalty

    def add(self, other: TermTally) -> None:
        self.correct += other.correct
        self.total += other.total
        self.gold_total += other.gold_total

    def figures(self) -> dict[str, Any]:
        nothing_to_find = 1.0 if self.gold_total == 0 else 0.0
        accuracy = self.correct / self.total if self.total else nothing_to_find
        recall = self.correct / self.gold_total if self.gold_total else 1.0
        return {
            "accuracy": round(accuracy, 4),
            "correct": self.correct,
            "total": self.total,
            "gold_total": self.gold_total,
            "recall": round(recall, 4),
        }


_TALLIES = ("persons", "events", "dated_events", "charges")


@dataclass
class DocumentScore:
    doc_id: str
    persons: Tally = field(default_factory=Tally)
    events: Tally = field(default_factory=Tally)
    dated_events: Tally = field(default_factory=Tally)
    charges: Tally = field(default_factory=Tally)
    penalties: TermTally = field(default_factory=TermTally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(
        default_factory=lambda: {
            k: []
            for k in (
                "missed",
                "spurious",
                "wrong_dates",
                "wrong_penalties",
                "missed_persons",
                "spurious_persons",
            )
        }
    )

    def _of_type(self, kind: str) -> Tally:
        return self.by_type.setdefault(kind, Tally())

    def missed(self, who: str, e: ScoredEvent) -> None:
        self.events.fn += 1
        self._of_type(e.type).fn += 1
        self.dated_events.fn += e.date is not None
        self.charges.fn += len(e.charges)
        self.penalties.gold_total += e.type in PENALTY_EVENTS and e.term is not None
        self.notes["missed"].append(f"{who}: {e.label()}")

    def spurious(self, who: str, e: ScoredEvent) -> None:
        self.events.fp += 1
        self._of_type(e.type).fp += 1
        self.dated_events.fp += e.date is not None
        self.charges.fp += len(e.charges)
        self.notes["spurious"].append(f"{who}: {e.label()}")

    def paired(self, who: str, g: ScoredEvent, p: ScoredEvent) -> None:
        self.events.tp += 1
        self._of_type(g.type).tp += 1
        if g.date is not None:
            if date_agrees(g.date, p.date):
                self.dated_events.tp += 1
            else:
                self.dated_events.fn += 1
                self.dated_events.fp += p.date is not None
                self.notes["wrong_dates"].append(
                    f"{who}: {g.type} gold {g.date}, pred {p.date or 'no date'}"
                )
        right = charges_right(list(g.charges), list(p.charges))
        self.charges.tp += right
        self.charges.fn += len(g.charges) - right
        self.charges.fp += len(p.charges) - right
        if g.type in PENALTY_EVENTS and g.term is not None:
            self.penalties.gold_total += 1
            self.penalties.total += 1
            if g.term.right_about(p.term):
                self.penalties.correct += 1
            else:
                got = (p.term.kind or "?") if p.term else "none"
                self.notes["wrong_penalties"].append(f"{who}: {g.label()} (pred penalty: {got})")


def _affinity(g: ScoredEvent, p: ScoredEvent) -> int:
    score = 0
    if g.date and date_agrees(g.date, p.date):
        score += 1000 if g.date == p.date else 900
    elif g.date is None and p.date is None:
        score += 50
    if g.term and p.term:
        score += 200 * (g.term.kind == p.term.kind) + 100 * g.term.right_about(p.term)
    if g.outcome and g.outcome == p.outcome:
        score += 200
    return score + 10 * charges_right(list(g.charges), list(p.charges))


def _score_person(doc: DocumentScore, g: ScoredPerson, p: ScoredPerson) -> None:
    who = g.name if g.name == p.name else f"{g.name} (pred '{p.name}')"
    kinds = dict.fromkeys([e.type for e in g.events] + [e.type for e in p.events])
    for kind in kinds:
        gold = [e for e in g.events if e.type == kind]
        pred = [e for e in p.events if e.type == kind]
        pairs = one_to_one(
            [(-_affinity(a, b), i, j) for i, a in enumerate(gold) for j, b in enumerate(pred)]
        )
        for i, j in sorted(pairs):
            doc.paired(who, gold[i], pred[j])
        for i in sorted(set(range(len(gold))) - {i for i, _ in pairs}):
            doc.missed(who, gold[i])
        for j in sorted(set(range(len(pred))) - {j for _, j in pairs}):
            doc.spurious(who, pred[j])


def score_document(
    doc_id: str, gold: list[ScoredPerson], pred: list[ScoredPerson]
) -> DocumentScore:
    doc = DocumentScore(doc_id)
    candidates: list[tuple[Any, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if tier := agreement(g.folded, p.folded):
                candidates.append(((-tier, -jaccard(g.folded.keys, p.folded.keys)), i, j))
    pairs = one_to_one(candidates)
    doc.persons = Tally(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    gold_paired, pred_paired = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, person in enumerate(gold):
        if i not in gold_paired:
            doc.notes["missed_persons"].append(person.name)
            for e in person.events:
                doc.missed(f"{person.name} (person not found)", e)
    for j, person in enumerate(pred):
        if j not in pred_paired:
            doc.notes["spurious_persons"].append(person.name)
            for e in person.events:
                doc.spurious(f"{person.name} (person not in gold)", e)
    for i, j in sorted(pairs):
        _score_person(doc, gold[i], pred[j])
    return doc


def score(gold: Documents, pred: Documents, *, per_doc: bool = False) -> dict[str, Any]:
    """The figures, under the shared scorer's --json keys."""
    total = DocumentScore("*")
    by_type: dict[str, Tally] = {}
    docs = []
    for doc_id, (_, persons) in gold.items():
        doc = score_document(doc_id, persons, pred.get(doc_id, (0, []))[1])
        for name in (*_TALLIES, "penalties"):
            getattr(total, name).add(getattr(doc, name))
        for kind, tally in doc.by_type.items():
            by_type.setdefault(kind, Tally()).add(tally)
        docs.append(doc)
    out: dict[str, Any] = {
        "documents": len(gold),
        "missing_in_pred": [d for d in gold if d not in pred],
        "headline": {"metric": "events.f1", "value": total.events.figures()["f1"]},
        **{name: getattr(total, name).figures() for name in _TALLIES},
        "penalties": total.penalties.figures(),
        "events_by_type": {k: by_type[k].figures() for k in sorted(by_type)},
    }
    if per_doc:
        out["per_doc"] = [
            {
                "doc_id": d.doc_id,
                "events": d.events.figures(),
                "persons": d.persons.figures(),
                **d.notes,
            }
            for d in docs
        ]
    return out


def unknown_documents(gold: Documents, pred: Documents, *, label: str, gold_label: str) -> None:
    """InputError when the predictions hold a document the gold lacks."""
    unknown = [(line, d) for d, (line, _) in pred.items() if d not in gold]
    if unknown:
        line, doc_id = unknown[0]
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise InputError(f"{label}:{line}: doc_id {doc_id!r} is not in {gold_label}{more}")


def _row(label: str, f: Mapping[str, Any], width: int) -> str:
    return (
        f"{label:<{width}}{f['precision']:>7.3f}{f['recall']:>7.3f}{f['f1']:>7.3f}"
        f"{f['tp']:>6}{f['fp']:>6}{f['fn']:>6}"
    )


def render_table(figures: Mapping[str, Any]) -> str:
    """The figures as a table to read (the shared scorer's layout)."""
    width = 16
    missing = figures["missing_in_pred"]
    lines = [
        f"{figures['documents']} documents; {len(missing)} missing from PRED (scored as empty)",
        "",
        f"{'':<{width}}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    lines += [_row(name, figures[name], width) for name in _TALLIES]
    pen = figures["penalties"]
    lines.append(
        f"{'penalties':<{width}}accuracy {pen['accuracy']:.3f}: {pen['correct']} of "
        f"{pen['total']} paired sentence/pretrial events right "
        f"({pen['gold_total']} with a penalty in gold)"
    )
    lines += ["", "events by type"]
    lines += [_row("  " + k, f, width + 4) for k, f in figures["events_by_type"].items()]
    lines += ["", f"headline: events F1 = {figures['headline']['value']:.3f}"]
    labels = (
        ("missed_persons", "missed person"),
        ("spurious_persons", "spurious person"),
        ("missed", "missed"),
        ("spurious", "spurious"),
        ("wrong_dates", "wrong date"),
        ("wrong_penalties", "wrong penalty"),
    )
    for doc in figures.get("per_doc", []):
        f = doc["events"]
        lines += [
            "",
            f"{doc['doc_id']}: events P {f['precision']:.3f} R {f['recall']:.3f} "
            f"F1 {f['f1']:.3f} (tp {f['tp']}, fp {f['fp']}, fn {f['fn']})",
        ]
        for key, label in labels:
            lines += [f"  {label}: {item}" for item in doc[key]]
    return "\n".join(lines)
