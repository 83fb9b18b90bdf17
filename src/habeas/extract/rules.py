"""The default, rule-based extractor ("rules.v1").

For each sentence: find event triggers from the language's lexicon, decide
whom each one is about (named people in the clause, else the pronoun's or the
story's current subject), read the date, penalty, charges, place and authority
around it, and keep the sentence as evidence. Then merge what was said twice
about the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from habeas.extract.attributes import (
    find_authority,
    find_charges,
    find_duration_hours,
    find_penalties,
    find_place,
    ill_treatment_detail,
)
from habeas.extract.dates import DateMention, find_dates, resolve, single_episode_date
from habeas.extract.language import detect_language
from habeas.extract.lexicon import Lexicon, Trigger, fold_case, is_role_word, load_lexicon
from habeas.extract.merge import merge_events
from habeas.extract.people import Mention, People
from habeas.extract.sentences import Sentence, split_sentences
from habeas.model import (
    AppealOutcome,
    Charge,
    Event,
    EventType,
    Extraction,
    PartialDate,
    Penalty,
    PenaltyKind,
    Person,
    Report,
)

ENGINE_VERSION = "rules.v1"

# Types whose trigger is ignored after a negation ("was not released").
_NEGATABLE = {
    EventType.DETENTION,
    EventType.RELEASE,
    EventType.CHARGE,
    EventType.SENTENCE,
    EventType.PRETRIAL_DETENTION,
    EventType.PROTEST,
}
# Court decisions: an undated one told right after a dated decision shares its date.
_DECISIONS = {EventType.SENTENCE, EventType.PRETRIAL_DETENTION, EventType.APPEAL}
# Types that carry penalties and charges: only their sentences are searched for them.
_LEGAL = _DECISIONS | {EventType.CHARGE}
_PRETRIAL_KINDS = {PenaltyKind.PRETRIAL_DETENTION, PenaltyKind.HOUSE_ARREST}


def _family_key(surname_key: str) -> str:
    """One key for a family's male and female surname forms (Rzayev / Rzayeva)."""
    return surname_key[:-1] if surname_key.endswith("a") else surname_key


# A marker for "no date carried over" (None is a real value: an undated group event).
_NO_DATE = object()
# Events that happen in a scene: without a date word they share the date of the
# scene told just before in the same paragraph. Ill-treatment and charges are
# often told apart from the scene, so they keep no date.
_NARRATIVE = {EventType.DETENTION, EventType.RELEASE, EventType.PROTEST, EventType.DISAPPEARANCE}


@dataclass(slots=True)
class _Hit:
    trigger: Trigger
    start: int
    end: int
    group_date: object = _NO_DATE


@dataclass(slots=True)
class _Draft:
    entity: int
    event: Event
    order: int
    soft_date: bool = False  # the date is the scene's, not told with the event


@dataclass(slots=True)
class _State:
    """What the story is about so far, for pronouns and relative dates."""

    focus: list[int] = field(default_factory=list)  # entities of the last event
    group: list[int] = field(default_factory=list)  # the last group of two or more
    last_date: PartialDate | None = None
    last_court: tuple[int, str] | None = None  # sentence index, name
    last_decision: tuple[int, PartialDate | None, tuple[Charge, ...]] | None = None
    # where the last date was told: undated events of the same paragraph share it
    last_date_paragraph: int = -1
    # events said of an unnamed group ("nine people walked free"), waiting for
    # "Among them were X and Y" in the next sentence
    group_hits: list[tuple[int, _Hit, PartialDate | None]] = field(default_factory=list)


class RuleExtractor:
    """Deterministic, offline extraction with per-language lexicons."""

    version = ENGINE_VERSION

    def extract(self, report: Report) -> Extraction:
        lang = report.lang or detect_language(report.text)
        try:
            lex = load_lexicon(lang)
        except Exception:
            lex = load_lexicon("en")
        doc = _Document(report, lex)
        return Extraction(
            doc_id=report.doc_id, persons=tuple(doc.persons()), engine=self.version, lang=lex.lang
        )


class _Document:
    def __init__(self, report: Report, lex: Lexicon) -> None:
        self.report = report
        self.text = report.text
        self.low = fold_case(report.text)
        self.lex = lex
        self.sentences = split_sentences(self.text)
        self.people = People(self.text, lex)
        self.state = _State()
        self.drafts: list[_Draft] = []

    # ------------------------------------------------------------ driver

    def persons(self) -> list[Person]:
        self.hits = self._all_triggers()
        self.dates = self._all_dates()
        self.episode = single_episode_date(
            (d for ds in self.dates for d in ds), published=self.report.published
        )
        for index, sentence in enumerate(self.sentences):
            self._sentence(index, sentence)
        by_entity: dict[int, list[_Draft]] = {}
        for d in self.drafts:
            by_entity.setdefault(d.entity, []).append(d)
        persons = []
        for entity_id in sorted(by_entity, key=lambda i: by_entity[i][0].order):
            entity = self.people.entities[entity_id]
            drafts = by_entity[entity_id]
            events = merge_events([d.event for d in drafts], soft=[d.soft_date for d in drafts])
            if not events:
                continue
            roles = tuple(r for r in entity.roles if self._victim_role(r))
            persons.append(Person(name=entity.name, roles=roles, events=tuple(events)))
        return persons

    def _victim_role(self, role: str) -> bool:
        return self.lex.role_victim.get(role, True)

    # ------------------------------------------------------------ one sentence

    def _sentence(self, index: int, sentence: Sentence) -> None:
        text = sentence.text
        low = self.low[sentence.start : sentence.end]
        hits = self.hits[index] + self._members_of_last_group(index, low)
        dates = self.dates[index]
        resolved = self._resolve_dates(dates)
        if not hits:
            # Nothing happens in this sentence: it only moves the story's time and cast.
            mentions = self.people.in_span(sentence.start, sentence.end)
            self._update_state([], mentions, resolved, sentence.paragraph)
            self.state.group_hits = []
            return
        court = find_authority(text, self.lex)
        if court:
            self.state.last_court = (index, court)
        mentions = self.people.in_span(sentence.start, sentence.end)
        penalties: list[tuple[int, Penalty]] = []
        charges: list[Charge] = []
        if any(h.trigger.type in _LEGAL for h in hits):
            penalties = find_penalties(low, self.lex, offset=sentence.start)
            charges = find_charges(text, low, self.lex)
            same = self.lex.same_charge
            if not charges and same and self.state.last_decision and same.search(low):
                charges = list(self.state.last_decision[2])
        decisions = [h for h in hits if h.trigger.type in _DECISIONS]
        decision_date = (
            self._date_for(decisions[0], dates, resolved, sentence) if decisions else None
        )
        inherited = self.state.last_decision
        if decisions and decision_date is None and inherited and index - inherited[0] == 1:
            # A run of sentences about one hearing: each takes the first one's date.
            decision_date = inherited[1]
        if decisions and (decision_date or court):
            self.state.last_decision = (index, decision_date, tuple(charges))
        named_here: list[int] = []
        group_hits: list[tuple[int, _Hit, PartialDate | None]] = []
        for hit in hits:
            if hit.trigger.type is EventType.SENTENCE and len(penalties) >= 2:
                # "X received nine years, Y eight and Z seven": everyone named gets a term.
                targets = self._ids(
                    [m for m in mentions if m.kind == "name" and not m.speaker and m.victim_role]
                ) or self._targets(hit, mentions, sentence)
            elif hit.group_date is not _NO_DATE:
                targets = self._ids(
                    [m for m in mentions if m.kind == "name" and not m.speaker and m.victim_role]
                )
            else:
                targets = self._targets(hit, mentions, sentence)
            if not targets:
                if self._mentions_group_noun(sentence):
                    date = self._date_for(hit, dates, resolved, sentence)
                    group_hits.append((index, hit, date))
                continue
            if hit.group_date is not _NO_DATE:
                date = hit.group_date  # type: ignore[assignment]
            else:
                date = self._date_for(hit, dates, resolved, sentence)
            soft = False
            if date is None and hit.trigger.type in _NARRATIVE and self._same_scene(sentence):
                date, soft = self.state.last_date, True
            elif date is None and hit.trigger.type in _NARRATIVE and self.episode is not None:
                date, soft = self.episode, True  # a report of one dated episode
            respectively = self._respectively(low, targets, penalties)
            for entity in targets:
                terms = [(0, respectively[entity])] if entity in respectively else penalties
                event = self._event(
                    hit, entity, sentence, date, terms, charges, court, index, inherited
                )
                if event is None:
                    continue
                self.drafts.append(_Draft(entity, event, len(self.drafts), soft))
                if event.outcome is AppealOutcome.REDUCED and terms:
                    # "reduced from four years to two": the new term is a sentence too.
                    new_term = self._penalty_for(entity, hit, terms)
                    if new_term is not None:
                        reduced = replace(event, type=EventType.SENTENCE, outcome=None)
                        reduced = replace(reduced, penalty=new_term)
                        self.drafts.append(_Draft(entity, reduced, len(self.drafts), soft))
                if entity not in named_here:
                    named_here.append(entity)
        self.state.group_hits = group_hits
        self._update_state(named_here, mentions, resolved, sentence.paragraph)

    def _respectively(
        self, low: str, targets: list[int], penalties: list[tuple[int, Penalty]]
    ) -> dict[int, Penalty]:
        """ "sentenced them to six and four years respectively": terms in name order."""
        cue = self.lex.respectively
        if cue is None or len(targets) < 2 or len(targets) != len(penalties):
            return {}
        if not cue.search(low):
            return {}
        return {entity: penalty for entity, (_, penalty) in zip(targets, penalties, strict=True)}

    def _members_of_last_group(self, index: int, low: str) -> list[_Hit]:
        """ "Among them were X and Y": the group events of the sentence before, again."""
        cue = self.lex.membership
        if cue is None or not cue.match(low):
            return []
        return [
            _Hit(h.trigger, h.start, h.end, group_date=date)
            for at, h, date in self.state.group_hits
            if at == index - 1
        ]

    def _same_scene(self, sentence: Sentence) -> bool:
        """Whether an undated event continues the scene whose date was told last."""
        return 0 <= sentence.paragraph - self.state.last_date_paragraph <= 1

    def _update_state(
        self,
        named_here: list[int],
        mentions: list[Mention],
        resolved: list[PartialDate | None],
        paragraph: int,
    ) -> None:
        if named_here:
            self.state.focus = named_here
            if len(named_here) >= 2:
                self.state.group = named_here
        else:
            victims = [
                m.entity
                for m in mentions
                if m.entity is not None and m.kind == "name" and not m.speaker and m.victim_role
            ]
            uniq = list(dict.fromkeys(victims))
            if len(uniq) >= 2:
                self.state.group = uniq
        for r in resolved:
            if r is not None:
                self.state.last_date = r
                self.state.last_date_paragraph = paragraph

    def _all_triggers(self) -> list[list[_Hit]]:
        """Every trigger hit of the report, by sentence.

        Each pattern runs sentence by sentence: its keyword prefilter then skips
        most sentences, which costs far less than scanning the whole text.
        """
        out: list[list[_Hit]] = []
        for sentence in self.sentences:
            low = self.low[sentence.start : sentence.end]
            hits: list[_Hit] = []
            for trig in self.lex.triggers:
                for m in trig.regex.finditer(low):
                    start = sentence.start + m.start()
                    if trig.type in _NEGATABLE and self._negated(start, sentence.start):
                        continue
                    hits.append(_Hit(trig, start, sentence.start + m.end()))
            out.append(self._collapse(hits))
        return out

    @staticmethod
    def _collapse(hits: list[_Hit]) -> list[_Hit]:
        """One hit per (type, place): overlapping hits of the same type collapse."""
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[_Hit] = []
        for h in hits:
            if any(
                k.trigger.type == h.trigger.type and h.start < k.end and k.start < h.end
                for k in kept
            ):
                continue
            kept.append(h)
        return kept

    def _all_dates(self) -> list[list[DateMention]]:
        return [
            find_dates(self.low[s.start : s.end], self.lex, offset=s.start) for s in self.sentences
        ]

    def _negated(self, start: int, floor: int) -> bool:
        if self.lex.negation is None:
            return False
        window = self.low[max(floor, start - 30) : start]
        return bool(self.lex.negation.search(window))

    # ------------------------------------------------------------ whom

    def _targets(self, hit: _Hit, mentions: list[Mention], sentence: Sentence) -> list[int]:
        clause = self._clause(hit, sentence)
        cands = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
        if not any(m.kind == "name" for m in cands):
            clause = self._clause(hit, sentence, dashes=False)
            cands = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
        named = [m for m in cands if m.kind == "name" and m.entity is not None and not m.speaker]
        # A lawyer or a relative is a subject only when the trigger is right by the
        # name, or when they are listed with others ("residents X, Y and her son Z").
        groups = [
            g
            for g in self._groups(named)
            if any(m.victim_role for m in g) or min(self._gap(m, hit) for m in g) <= 40
        ]
        side = hit.trigger.target
        before = [g for g in groups if g[-1].end <= hit.start]
        after = [g for g in groups if g[0].start >= hit.end]
        inside = [g for g in groups if g[0].start < hit.end and g[-1].end > hit.start]
        if inside:
            return self._ids(inside[0])
        pick: list[Mention] | None = None
        near_before = before[-1] if before else None
        near_after = after[0] if after else None
        if side == "before":
            pick = near_before or near_after
        elif side == "after":
            pick = near_after or near_before
        elif near_before and near_after:
            db = hit.start - near_before[-1].end
            da = near_after[0].start - hit.end
            pick = near_before if db <= da else near_after
        else:
            pick = near_before or near_after
        pronoun = self._pronoun_target(hit, cands, side)
        if pick is not None:
            if pronoun is not None and self._closer(pronoun[1], pick, hit):
                return pronoun[0]
            return self._ids(pick) + self._kin_joined(pick, cands)
        if pronoun is not None and pronoun[1].end >= hit.start - 30:
            return pronoun[0]  # "the four journalists were arrested"
        if self._group_noun_before(hit):
            return []  # "traders protesting": the event is the group's, not a pronoun's
        if pronoun is not None:
            return pronoun[0]
        if self._mentions_group_noun(sentence):
            return []
        return list(self.state.focus)

    def _kin_joined(self, group: list[Mention], cands: list[Mention]) -> list[int]:
        """ "Rzayeva and her son were released": the son goes with her."""
        out: list[int] = []
        for m in cands:
            if m.kind == "kin" and m.start >= group[-1].end and self._joins(group[-1].end, m.start):
                out.extend(e for e in self._resolve_pronoun(m) if e not in out)
        return out

    def _group_noun_before(self, hit: _Hit) -> bool:
        window = self.low[max(0, hit.start - 30) : hit.start]
        return bool(self.lex.group_noun_end.search(window))

    def _clause(self, hit: _Hit, sentence: Sentence, *, dashes: bool = True) -> tuple[int, int]:
        """The stretch of the sentence that can hold the trigger's subject or object.

        With `dashes` false, a dash does not end the clause: "…detained three
        people — X, Y and Z" lists them after one.
        """
        text = self.low[sentence.start : sentence.end]
        rel = hit.start - sentence.start
        start, end = 0, len(text)
        # Boundaries: semicolons, dashes, and reported-speech openers.
        for m in self.lex.clause_boundary.finditer(text):
            if not dashes and m.group().strip() in ("—", "–"):
                continue
            if m.end() <= rel:
                start = max(start, m.end())
            elif m.start() >= rel + (hit.end - hit.start):
                end = min(end, m.start())
                break
        return sentence.start + start, sentence.start + end

    def _relative_clauses(self, sentence: Sentence) -> list[tuple[int, int]]:
        regex = self.lex.relative_clause
        if regex is None:
            return []
        low = self.low[sentence.start : sentence.end]
        return [(sentence.start + m.start(), sentence.start + m.end()) for m in regex.finditer(low)]

    @staticmethod
    def _gap(m: Mention, hit: _Hit) -> int:
        return m.start - hit.end if m.start >= hit.end else hit.start - m.end

    @staticmethod
    def _ids(group: list[Mention]) -> list[int]:
        return list(dict.fromkeys(m.entity for m in group if m.entity is not None))

    def _groups(self, named: list[Mention]) -> list[list[Mention]]:
        groups: list[list[Mention]] = []
        for m in named:
            if groups and self._joins(groups[-1][-1].end, m.start):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def _joins(self, end: int, start: int) -> bool:
        gap = self.text[end:start]
        if len(gap) > 45:
            return False
        words = re.sub(r"[,:()]", " ", fold_case(gap)).split()
        groups = self.lex.extra.get("group_nouns", [])
        for w in words:
            if w in self.lex.list_fillers or w in groups:
                continue
            if is_role_word(self.lex, w):
                continue
            return False
        return True

    def _pronoun_target(
        self, hit: _Hit, cands: list[Mention], side: str
    ) -> tuple[list[int], Mention] | None:
        pronouns = [
            m
            for m in cands
            if m.kind in ("male", "female", "singular", "plural", "role_noun", "kin")
        ]
        if not pronouns:
            return None
        kin = [m for m in pronouns if m.kind == "kin"]
        if kin:
            # "у сына астма, а ему не передают…": the relative named in the clause
            # is whom the pronoun means too.
            pronouns = kin
        if side == "before":
            ordered = [m for m in pronouns if m.end <= hit.start][::-1] or pronouns
        elif side == "after":
            ordered = [m for m in pronouns if m.start >= hit.end] or pronouns
        else:
            ordered = sorted(
                pronouns, key=lambda m: min(abs(m.start - hit.end), abs(hit.start - m.end))
            )
        for m in ordered:
            ids = self._resolve_pronoun(m)
            if ids:
                return ids, m
        return None

    def _resolve_pronoun(self, m: Mention) -> list[int]:
        if m.kind == "plural":
            # "X and Y said they were detained": the people named just before in
            # the sentence, speakers included; else the story's last group.
            sentence = self._sentence_of(m.start)
            here = [
                x.entity
                for x in self.people.in_span(sentence.start, m.start)
                if x.entity is not None and x.kind == "name" and not self._addressee(x)
            ]
            named = list(dict.fromkeys(here))
            return named if len(named) >= 2 else list(self.state.group)
        # The most recent person named before the pronoun, of a matching gender.
        want = {"male": "m", "female": "f"}.get(m.kind)
        previous = [
            x
            for x in self.people.mentions
            if x.end <= m.start and x.entity is not None and x.kind in ("name", "possessive")
        ]
        if m.kind == "kin":
            return self._resolve_kin(m, previous)
        for x in reversed(previous):
            assert x.entity is not None
            g = self.people.gender(x.entity)
            if want and g and g != want:
                continue
            # A relative or a lawyer is the antecedent only once something happened to them.
            if not x.victim_role and not self._has_events(x.entity):
                continue
            return [x.entity]
        return list(self.state.focus)

    def _resolve_kin(self, m: Mention, previous: list[Mention]) -> list[int]:
        """ "X said her son …", "Rzayeva and her son": a relative of the person named
        just before, never that person; one who shares their surname first."""
        if not previous:
            return []
        owner = previous[-1].entity
        assert owner is not None
        family = _family_key(self.people.entities[owner].surname_key)
        others = [
            x.entity for x in reversed(previous) if x.entity is not None and x.entity != owner
        ]
        for e in others:
            if _family_key(self.people.entities[e].surname_key) == family:
                return [e]
        return []

    def _has_events(self, entity: int) -> bool:
        return any(d.entity == entity for d in self.drafts)

    @staticmethod
    def _closer(pronoun: Mention, group: list[Mention], hit: _Hit) -> bool:
        def dist(s: int, e: int) -> int:
            return min(abs(s - hit.end), abs(hit.start - e))

        return dist(pronoun.start, pronoun.end) < min(dist(g.start, g.end) for g in group) and (
            pronoun.kind not in ("role_noun", "kin")
        )

    def _mentions_group_noun(self, sentence: Sentence) -> bool:
        return bool(self.lex.group_noun.search(self.low[sentence.start : sentence.end]))

    # ------------------------------------------------------------ when

    def _resolve_dates(self, dates: list[DateMention]) -> list[PartialDate | None]:
        out: list[PartialDate | None] = []
        previous = self.state.last_date
        for d in dates:
            value = resolve(d, published=self.report.published, previous=previous)
            out.append(value)
            if value is not None and not d.anchored_on_previous:
                previous = value
        return out

    def _date_for(
        self,
        hit: _Hit,
        dates: list[DateMention],
        resolved: list[PartialDate | None],
        sentence: Sentence,
    ) -> PartialDate | None:
        best: tuple[int, PartialDate] | None = None
        clause = self._clause(hit, sentence)
        relative = self._relative_clauses(sentence)
        inside = next((r for r in relative if r[0] <= hit.start < r[1]), None)
        for d, value in zip(dates, resolved, strict=True):
            if value is None:
                continue
            # A date inside ", who was detained on Saturday," is that clause's own.
            d_inside = next((r for r in relative if r[0] <= d.start < r[1]), None)
            if d_inside != inside:
                continue
            if d.start >= hit.end and self._subordinate_between(hit.end, d.start):
                continue
            dist = d.start - hit.end if d.start >= hit.end else hit.start - d.end
            if not (clause[0] <= d.start < clause[1]):
                dist += 200
            if best is None or dist < best[0]:
                best = (dist, value)
        return best[1] if best else None

    # ------------------------------------------------------------ what

    def _event(
        self,
        hit: _Hit,
        entity: int,
        sentence: Sentence,
        date: PartialDate | None,
        penalties: list[tuple[int, Penalty]],
        charges: list[Charge],
        court: str | None,
        index: int,
        inherited: tuple[int, PartialDate | None, tuple[Charge, ...]] | None,
    ) -> Event | None:
        etype = hit.trigger.type
        text = sentence.text
        low = self.low[sentence.start : sentence.end]
        evidence = (sentence.start, sentence.end)
        if etype in _DECISIONS and court is None and self.state.last_court:
            at, name = self.state.last_court
            if index - at <= 2:
                court = name
        if etype in _DECISIONS and date is None and inherited:
            at, last_date, _ = inherited
            if index - at == 1:
                date = last_date
        event = Event(type=etype, date=date, evidence=evidence)
        if etype in (EventType.SENTENCE, EventType.PRETRIAL_DETENTION):
            penalty = self._penalty_for(entity, hit, penalties)
            pretrial = penalty is not None and penalty.kind in _PRETRIAL_KINDS
            if etype is EventType.SENTENCE and pretrial:
                etype = EventType.PRETRIAL_DETENTION
            elif etype is EventType.PRETRIAL_DETENTION and penalty is not None and not pretrial:
                return None
            event = replace(
                event, type=etype, penalty=penalty, authority=court, charges=tuple(charges)
            )
        elif etype is EventType.CHARGE:
            event = replace(event, charges=tuple(charges))
        elif etype is EventType.APPEAL:
            outcome = None
            for pattern, value in self.lex.outcomes:
                if pattern.search(low):
                    outcome = AppealOutcome(value)
                    break
            event = replace(event, outcome=outcome, authority=court)
        elif etype is EventType.ILL_TREATMENT:
            # The trigger's own words name the form best; then what follows it.
            rel_start, rel_end = hit.start - sentence.start, hit.end - sentence.start
            detail = (
                ill_treatment_detail(low[rel_start:rel_end], self.lex)
                or ill_treatment_detail(low[rel_start : rel_end + 60], self.lex)
                or ill_treatment_detail(low, self.lex)
            )
            event = replace(event, detail=detail)
        elif etype in (EventType.DETENTION, EventType.DISAPPEARANCE):
            event = replace(
                event,
                place=find_place(text, self.lex),
                duration_hours=find_duration_hours(low, self.lex),
            )
        elif etype in (EventType.PROTEST, EventType.RELEASE):
            event = replace(event, place=find_place(text, self.lex))
        return event

    def _penalty_for(
        self, entity: int, hit: _Hit, penalties: list[tuple[int, Penalty]]
    ) -> Penalty | None:
        if not penalties:
            return None
        if len(penalties) == 1:
            return penalties[0][1]
        # Several terms in one sentence ("X received nine years, Y eight"): each
        # person takes the first term after their own name.
        lo, hi = self.sentences_span(hit)
        spans = sorted(s for s, _ in self.people.entities[entity].mentions)
        mine = [s for s in spans if lo <= s < hi]
        if mine:
            pos = mine[0]
            later = [p for p in penalties if p[0] >= pos]
            if later:
                return later[0][1]
        return penalties[0][1]

    def sentences_span(self, hit: _Hit) -> tuple[int, int]:
        s = self._sentence_of(hit.start)
        return s.start, s.end

    def _subordinate_between(self, start: int, end: int) -> bool:
        """Whether a clause with its own time opens between a trigger and a date.

        "missing since 10 March": the date is the trigger's own ("since" is right
        before it); "disappeared … after taking part in a rally on 8 March" opens
        another clause first.
        """
        regex = self.lex.subordinate
        if regex is None:
            return False
        found = list(regex.finditer(self.low[start:end]))
        return bool(found) and len(self.low[start + found[-1].end() : end].split()) >= 2

    def _addressee(self, m: Mention) -> bool:
        """ "X told journalist Y that …": Y is spoken to."""
        regex = self.lex.addressee
        return regex is not None and bool(regex.search(self.low[max(0, m.start - 40) : m.start]))

    def _sentence_of(self, offset: int) -> Sentence:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return Sentence(offset, offset, "", -1)
