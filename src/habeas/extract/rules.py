"""The default, rule-based extractor ("rules.v2").

For each sentence: find event triggers from the language's lexicon, decide
whom each one is about (named people in the clause, else the pronoun's or the
story's current subject), read the date, penalty, charges, place and authority
around it, and keep the sentence as evidence. Then merge what was said twice
about the same person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from habeas.extract.attributes import (
    find_authority,
    find_charges,
    find_charges_at,
    find_duration_hours,
    find_penalties,
    find_place,
    ill_treatment_detail,
)
from habeas.extract.dates import (
    DateKind,
    DateMention,
    before_publication,
    find_dates,
    resolve,
    single_episode_date,
)
from habeas.extract.keywords import text_mask
from habeas.extract.language import detect_language
from habeas.extract.lexicon import Lexicon, Trigger, fold_case, load_lexicon
from habeas.extract.linking import Linker
from habeas.extract.merge import merge_events
from habeas.extract.numbers import parse_number
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

ENGINE_VERSION = "rules.v2"

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
_PENALISED = {EventType.SENTENCE, EventType.PRETRIAL_DETENTION}
# Types whose event names its offence: what a report-wide article is given to.
_CHARGED = _PENALISED | {EventType.CHARGE}
_PRETRIAL_KINDS = {PenaltyKind.PRETRIAL_DETENTION, PenaltyKind.HOUSE_ARREST}
# Penalties for petty offences, which a court gives the day of the arrest.
_PETTY_KINDS = {PenaltyKind.ADMINISTRATIVE_DETENTION, PenaltyKind.FINE}


_ONE_WORD = re.compile(r"\w+\s+")
# A phrase set off by commas right before the words that end a window ("X, the
# founder of a channel, to"): the last pair of commas only.
_APPOSITION = re.compile(r",[^,;:()]{2,90},(?=[^,]*$)")
# Between two dates of one list: a comma or a conjunction.
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:и|and|və|or|или)\s+)?")


def _petty(penalties: list[tuple[int, Penalty]]) -> bool:
    return bool(penalties) and all(p.kind in _PETTY_KINDS for _, p in penalties)


# Relative days counted forward from the date told before them ("two days later").
_LATER = {DateKind.NEXT_DAY, DateKind.DAYS_LATER}
# A marker for "no date carried over" (None is a real value: an undated group event).
_NO_DATE = object()
# Events that happen in a scene: without a date word they share the date of the
# scene told just before in the same paragraph. Ill-treatment and charges are
# often told apart from the scene, so they keep no date.
_NARRATIVE = {EventType.DETENTION, EventType.RELEASE, EventType.PROTEST, EventType.DISAPPEARANCE}
# What happens before a court sits: the day of a court is not theirs.
_ARRESTS = {EventType.DETENTION, EventType.PROTEST, EventType.DISAPPEARANCE}
# In a report of one dated episode, ill-treatment is of that episode's custody too.
_EPISODIC = _NARRATIVE | {EventType.ILL_TREATMENT}
# What can befall a person twice, each time its own event ("detained again").
_REPEATABLE = {EventType.DETENTION, EventType.RELEASE, EventType.DISAPPEARANCE, EventType.SENTENCE}


@dataclass(slots=True)
class _Hit:
    trigger: Trigger
    start: int
    end: int
    group_date: object = _NO_DATE
    # the terms told with an unnamed group's decision ("three activists got 15
    # days"), for its members named in a later sentence
    terms: tuple[tuple[int, Penalty], ...] = ()

    @property
    def side(self) -> str:
        return self.trigger.target

    @property
    def type(self) -> EventType:
        return self.trigger.type


def _gap(hit: _Hit, d: DateMention) -> int:
    """Characters between a trigger and a date, on whichever side."""
    return d.start - hit.end if d.start >= hit.end else max(0, hit.start - d.end)


@dataclass(slots=True)
class _Draft:
    entity: int
    event: Event
    order: int
    soft_date: bool = False  # the date is the scene's, not told with the event
    new_term: bool = False  # the term an appeal reduced a sentence to
    again: bool = False  # told as happening once more ("detained again"): a new episode


@dataclass(slots=True)
class _State:
    """What the story is about so far, for pronouns and relative dates."""

    last_date: PartialDate | None = None
    last_day: PartialDate | None = None  # the last date told to the day
    last_court: tuple[int, str] | None = None  # sentence index, name
    last_decision: tuple[int, PartialDate | None, tuple[Charge, ...]] | None = None
    # where the last date was told: undated events of the same paragraph share it
    last_date_paragraph: int = -1
    # whether the last date was told with court decisions only ("On Monday the
    # court fined her"): the day a court sat, not the day of an arrest
    last_date_court: bool = False
    # the last detention told with its own day: (sentence index, paragraph, date)
    last_arrest: tuple[int, int, PartialDate] | None = None
    # a sentence that dates a court's sitting and tells no event of its own
    # ("the Supreme Court today examined his complaint"): (index, date)
    last_hearing: tuple[int, PartialDate] | None = None
    # events said of an unnamed group ("nine people walked free"), waiting for
    # "Among them were X and Y" in the next sentence
    # events said of an unnamed group ("three activists were detained", "their
    # whereabouts are unknown"), with the group's head nouns, waiting for the
    # sentence that names its members ("The three activists are X, Y and Z")
    group_hits: list[tuple[int, _Hit, PartialDate | None]] = field(default_factory=list)
    group_heads: set[str] = field(default_factory=set)
    group_size: int | None = None  # «троих активистов»: how many the group holds
    # the last sentence with court decisions told without their charges, and
    # those drafts: "They got 15 days each. They were accused of X" fills them
    bare_decisions: tuple[int, list[int]] | None = None
    # the last sentence with court decisions told without a date, and those drafts:
    # «Ему избрали меру пресечения. … Решение сегодня принял судья» dates them
    undated_decisions: tuple[int, list[int]] | None = None
    # court decisions told before anyone is named ("The appeal court rejected the
    # complaint."), waiting for the next sentence to name the one they are about
    unowned_decisions: tuple[int, list[tuple[_Hit, PartialDate | None]]] | None = None


def _charges_of(
    hit: _Hit, hits: list[_Hit], charges_at: list[tuple[int, Charge]], base: int
) -> list[Charge]:
    """The charges told between this legal event's trigger and the next one's,
    when a sentence tells its charges at more than one of them ("X, serving
    seven years for extortion, and Y, sentenced on drug charges"); [] when the
    sentence's charges all stand in one place, or none in this trigger's stretch.
    Charges told before the first trigger go with it."""
    starts = sorted({h.start for h in hits if h.trigger.type in _LEGAL})
    if len(starts) < 2 or len(charges_at) < 2:
        return []

    def stretch(at: int) -> int:
        return max(0, bisect_right(starts, at) - 1)

    if len({stretch(base + at) for at, _ in charges_at}) < 2:
        return []
    mine = stretch(hit.start)
    return [c for at, c in charges_at if stretch(base + at) == mine]


def _charged_before(
    hit: _Hit, hits: list[_Hit], charges_at: list[tuple[int, Charge]], base: int
) -> bool:
    """Whether a decision's sentence tells all its charges before the decision,
    after a charge trigger of their own ("charged with X and sentenced to …")."""
    if hit.trigger.type not in _DECISIONS or not charges_at:
        return False
    told = [h.end for h in hits if h.trigger.type is EventType.CHARGE and h.end <= hit.start]
    return bool(told) and all(min(told) <= base + at < hit.start for at, _ in charges_at)


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
        # A sentence's index by its start: list.index compares dataclasses one by one,
        # which grew with the square of a report's length as every hit asks.
        self._index_of = {s.start: i for i, s in enumerate(self.sentences)}
        self.people = People(self.text, lex)
        self.state = _State()
        self.drafts: list[_Draft] = []
        self.link = Linker(self.text, self.low, lex, self.people, self.sentences)
        # A sentence's place and duration, by its start: every event told in it asks.
        self._places: dict[int, str | None] = {}
        self._durations: dict[int, float | None] = {}

    # ------------------------------------------------------------ driver

    def persons(self) -> list[Person]:
        self.hits = self._all_triggers()
        self.dates = self._all_dates()
        self.episode = single_episode_date(
            (d for ds in self.dates for d in ds), published=self.report.published
        )
        for index, sentence in enumerate(self.sentences):
            self._sentence(index, sentence)
        self._give_the_only_article()
        self._case_charges_to_verdicts()
        by_entity: dict[int, list[_Draft]] = {}
        alias = self._aliases()
        for d in self.drafts:
            by_entity.setdefault(alias.get(d.entity, d.entity), []).append(d)
        persons = []
        for entity_id in sorted(by_entity, key=lambda i: by_entity[i][0].order):
            entity = self.people.entities[entity_id]
            drafts = by_entity[entity_id]
            events = merge_events(
                [d.event for d in drafts],
                soft=[d.soft_date for d in drafts],
                new_terms=[d.new_term for d in drafts],
                again=[d.again for d in drafts],
                one_ill_treatment=bool(self.lex.extra.get("one_ill_treatment")),
            )
            if not events:
                continue
            roles = tuple(r for r in entity.roles if self._victim_role(r))
            persons.append(Person(name=entity.name, roles=roles, events=tuple(events)))
        return persons

    def _aliases(self) -> dict[int, int]:
        """Entities that are another's alias ("X, known as Y", "X (also known as
        Y)"): Y's events are X's, wherever Y is named (a headline too)."""
        cue = self.lex.extra.get("alias_gap")
        if not cue:
            return {}
        regex = re.compile(cue)
        names = [m for m in self.people.mentions if m.kind == "name" and m.entity is not None]
        out: dict[int, int] = {}
        for a, b in pairwise(names):
            if a.entity != b.entity and regex.fullmatch(self.low[a.end : b.start]):
                out.setdefault(b.entity, out.get(a.entity, a.entity))  # type: ignore[arg-type]
        return out

    def _give_the_only_article(self) -> None:
        """A report that names one article only («судить будут по статье 23.34»)
        names the offence of every decision and charge it tells without one."""
        regex = self.lex.article
        if not self.lex.extra.get("report_wide_article"):
            return
        if regex is None or not any(
            d.event.type in _CHARGED and not d.event.charges for d in self.drafts
        ):
            return
        found: Charge | None = None
        told_of_all = False
        for sentence in self.sentences:
            low = self.low[sentence.start : sentence.end]
            if regex.search(low) is None:
                continue
            # Told of someone by name («X осудили по статье 342»), it is theirs.
            named = any(m.kind == "name" for m in self.people.in_span(sentence.start, sentence.end))
            for charge in find_charges(sentence.text, low, self.lex):
                if charge.article is None:
                    continue
                if found is not None and found.article != charge.article:
                    return  # two articles: which one is whose is not known
                told_of_all = told_of_all or not named
                if found is None or (found.label is None and charge.label):
                    found = charge
        if found is None or not told_of_all:
            return
        for d in self.drafts:
            if d.event.type in _CHARGED and not d.event.charges:
                d.event = replace(d.event, charges=(found,))

    def _case_charges_to_verdicts(self) -> None:
        """«Против X возбудили дело по статье 280 … Суд приговорил X к двум годам»:
        a verdict told without its offence is for the charges of that person's
        case told before it, when the case named an article."""
        if not self.lex.extra.get("case_charges_to_verdict"):
            return
        case: dict[int, tuple[Charge, ...]] = {}
        for d in self.drafts:
            event = d.event
            if event.type is EventType.CHARGE and any(c.article for c in event.charges):
                case[d.entity] = event.charges
            elif event.type is EventType.SENTENCE and not event.charges and d.entity in case:
                d.event = replace(event, charges=case[d.entity])

    def _charged_other(self, hit: _Hit, sentence: Sentence, mentions: list[Mention]) -> bool:
        """A charging told of an organisation or an official ("his newspaper was
        charged with", "accused the officer of"), in a sentence that names no one:
        not a charge of the person the story is about."""
        if hit.trigger.type is not EventType.CHARGE:
            return False
        against = self.lex.extra.get("case_against_official")
        if against and (found := re.match(against, self.low[hit.end : hit.end + 60])):
            # «возбудил дело против полицейского, избившего X»: the official is
            # the accused, unless named right there («против полицейского Y»)
            return not any(0 <= m.start - found.end() <= 2 for m in mentions)
        if any(m.kind == "name" for m in mentions):
            return False
        before = self.lex.extra.get("charged_other_before")
        inside = self.lex.extra.get("charged_other_object")
        low = self.low
        if before and re.search(before, low[max(sentence.start, hit.start - 120) : hit.start]):
            return True
        return bool(inside and re.search(inside, low[hit.start : hit.end]))

    def _ground_of_decision(
        self,
        hit: _Hit,
        index: int,
        targets: list[int],
        bare: tuple[int, list[int]] | None,
    ) -> bool:
        """«Суд арестовал X на 15 суток. Им вменили статью 488»: an offence put to
        the people of the decision just before, told without its charges, is that
        decision's ground (the charges go on it), not a charging of its own; unless
        they were detained or charged before the decision, when the imputation is
        that earlier step's."""
        cue = self.lex.extra.get("imputed_charge")
        if not cue or hit.trigger.type is not EventType.CHARGE:
            return False
        if bare is None or index - bare[0] != 1:
            return False
        if re.match(cue, self.low[hit.start : hit.end]) is None:
            return False
        decided = {self.drafts[i].entity for i in bare[1]}
        first = min(bare[1])
        earlier = {EventType.DETENTION, EventType.CHARGE}
        return set(targets) <= decided and not any(
            d.entity in decided and d.event.type in earlier for d in self.drafts[:first]
        )

    def _victim_role(self, role: str) -> bool:
        return self.lex.role_victim.get(role, True)

    # ------------------------------------------------------------ one sentence

    def _sentence(self, index: int, sentence: Sentence) -> None:
        text = sentence.text
        low = self.low[sentence.start : sentence.end]
        hits = (
            self.hits[index]
            + self._members_of_last_group(index, sentence, low)
            + self._owner_named_next(index, sentence)
        )
        dates = self.dates[index]
        resolved, told_after_publication = self._resolve_dates(dates)
        if not hits:
            # Nothing happens in this sentence: it only moves the story's time and cast.
            self._charges_told_after(index, text, low, None, resolved=resolved)
            self._decision_dated_after(index, low, resolved)
            self._note_hearing(index, text, resolved)
            mentions = self.people.in_span(sentence.start, sentence.end)
            self._update_state([], mentions, resolved, sentence.paragraph, court=False)
            self._forget_old_groups(index)
            return
        court = find_authority(text, self.lex)
        if court:
            self.state.last_court = (index, court)
        mentions = self.people.in_span(sentence.start, sentence.end)
        penalties: list[tuple[int, Penalty]] = []
        charges: list[Charge] = []
        charges_at: list[tuple[int, Charge]] = []
        if any(h.trigger.type in _LEGAL for h in hits):
            penalties = find_penalties(low, self.lex, offset=sentence.start)
            charges_at = find_charges_at(text, low, self.lex)
            charges = [c for _, c in charges_at]
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
        bare_before = self.state.bare_decisions
        if not decisions:
            self._charges_told_after(
                index,
                text,
                low,
                charges if charges else None,
                resolved=resolved,
                told_as_charge=any(h.trigger.type is EventType.CHARGE for h in hits),
                named={m.entity for m in mentions if m.kind == "name"},
            )
        first_draft = len(self.drafts)
        one_named = len({m.entity for m in mentions if m.kind == "name"}) == 1
        reduced_here = (
            one_named
            and len(penalties) >= 2
            and any(h.trigger.type is EventType.APPEAL for h in hits)
        ) and any(
            value == AppealOutcome.REDUCED.value and pattern.search(low)
            for pattern, value in self.lex.outcomes
        )
        named_here: list[int] = []
        group_hits = list(self.state.group_hits)
        for hit in hits:
            if hit.trigger.type is EventType.SENTENCE and len(penalties) >= 2:
                # "X received nine years, Y eight and Z seven": everyone named gets a term.
                targets = self.link.ids(
                    [m for m in mentions if m.kind == "name" and not m.speaker and m.victim_role]
                ) or self.link.targets(hit, mentions, sentence)
            elif hit.group_date is not _NO_DATE:
                targets = self.link.ids(
                    [m for m in mentions if m.kind == "name" and not m.speaker and m.victim_role]
                )
            else:
                targets = self.link.targets(hit, mentions, sentence)
            if hit.trigger.named:
                lo = self.link.clause(hit, sentence)[0]
                told = {
                    m.entity for m in mentions if m.kind == "name" and lo <= m.start < hit.start
                }
                targets = [t for t in targets if t in told]
            if targets and self._charged_other(hit, sentence, mentions):
                continue
            if targets and self._ground_of_decision(hit, index, targets, bare_before):
                continue
            if not targets:
                heads = self.link.group_heads(sentence)
                they = any(m.kind == "plural" for m in mentions) and bool(group_hits)
                if (
                    not (heads or they)
                    and hit.trigger.type in _DECISIONS
                    and self.lex.extra.get("decision_owner_named_next")
                    and not self.link.affected
                    and hit.group_date is _NO_DATE
                ):
                    date = self._date_for(hit, dates, resolved, sentence)
                    _, waiting = self.state.unowned_decisions or (index, [])
                    self.state.unowned_decisions = (index, [*waiting, (hit, date)])
                    continue
                if heads or they:
                    date = self._date_for(hit, dates, resolved, sentence)
                    if self._dates_listed(dates, resolved, date):
                        # "five people detained at the rallies of 27 July and 3
                        # August": which member on which day is not told
                        date = None
                    kept = _Hit(hit.trigger, hit.start, hit.end, terms=tuple(penalties))
                    group_hits.append((index, kept, date))
                    self.state.group_heads |= heads
                    self.state.group_size = self._group_size(sentence) or self.state.group_size
                continue
            if hit.group_date is not _NO_DATE:
                date = hit.group_date  # type: ignore[assignment]
            elif hit.trigger.type is EventType.SENTENCE and (
                reduced_here or self._verdict_ruled_on(hit, sentence)
            ):
                # «X-in 5 illik cəzasını 3 ilə endirib»: one person, the old term and
                # the new one told: the sentence beside the reduction is the old
                # one, passed on another day; so is the verdict an appeal upheld
                date = None
            else:
                date = self._date_for(hit, dates, resolved, sentence)
                if date is not None and self._arrest_day_for_verdict(hit, hits, dates, penalties):
                    date = None
            soft = False
            served = self._served_term(hit, hits)
            later = self._told_later(hit, sentence)
            if served:
                date = None  # "released on 18 March after serving 15 days": the release's day
            elif (
                date is None and self._nominal(hit) and self._dated_elsewhere(hit, dates, resolved)
            ):
                pass  # "in December the court ruled that Hazi's arrest was illegal"
            elif date is None and told_after_publication:
                pass  # a day told but after publication: not knowable, and not the scene's
            elif date is None and self._arrest_after_release(hit):
                pass  # another episode than the release's, on a day not told
            elif date is None and self._background(low):
                pass  # "Recall that X was detained …": before the scene, on a day not told
            elif date is None and self._freed_by_court(hit, hits):
                # "the court fined him, after which he was released": freed the day
                # the court sat, not the day of the arrest the scene tells
                sat = [
                    d.event.date for d in self.drafts[first_draft:] if d.event.type in _DECISIONS
                ]
                date, soft = (sat[-1] if sat else decision_date), True
            elif (
                date is None
                and hit.trigger.type in _NARRATIVE
                and self._same_scene(sentence)
                and not self._flashback(resolved)
            ):
                date, soft = self._scene_day(hit), True
            elif date is None and hit.trigger.type in _EPISODIC and self.episode is not None:
                date, soft = self.episode, True  # a report of one dated episode
            elif date is None and later:
                pass  # "a court later fined him": another day than the scene's, not told
            elif date is None and hit.trigger.type is EventType.SENTENCE and _petty(penalties):
                date = self._court_after_arrest(index, sentence, inherited) or self._court_in_scene(
                    hit, sentence, hits, resolved
                )
                soft = date is not None
            if (
                date is None
                and hit.trigger.type in _DECISIONS
                and not (served or later or told_after_publication)
            ):
                date = self._sitting_just_before(index)
                soft = date is not None
            if hit.trigger.type is EventType.DETENTION and date and date.day and not soft:
                self.state.last_arrest = (index, sentence.paragraph, date)
            respectively = self._respectively(low, targets, penalties)
            own_terms = self._clause_terms(hit, sentence, hits, penalties)
            named: list[int | None] = []
            if own_terms is not penalties:
                # A clause with no name of its own tells of the subject carried over
                # ("X, who …, says …, and has been sentenced to six years").
                clause = self.link.clause(hit, sentence)
                named = [m.entity for m in self.people.in_span(*clause) if m.kind == "name"]
            own = _charges_of(hit, hits, charges_at, sentence.start) or charges
            if own and _charged_before(hit, hits, charges_at, sentence.start):
                # "detained on charges of X and sentenced to six years": the charge
                # told as its own fact is the charge event's, not the verdict's
                own = []
            for entity in targets:
                inside = not named or entity in named
                terms = (
                    [(0, respectively[entity])]
                    if entity in respectively
                    else (own_terms if inside else penalties) or list(hit.terms)
                )
                event = self._event(
                    hit,
                    entity,
                    sentence,
                    date,
                    terms,
                    own,
                    court,
                    index,
                    None if served or later else inherited,
                )
                if event is None:
                    continue
                if served:
                    event = replace(event, date=None)  # nor the hearing told before
                self.drafts.append(
                    _Draft(entity, event, len(self.drafts), soft, again=self._told_again(hit))
                )
                self.link.affected.pop(entity, None)
                self.link.affected[entity] = None
                if event.outcome is AppealOutcome.REDUCED and terms:
                    # "reduced from four years to two": the new term is a sentence too.
                    # «5 illik cəzasını 3 ilə endirib», «с пяти до трёх лет»: of one
                    # person's two terms, the new one is told last
                    new_term = (
                        terms[-1][1]
                        if len(targets) == 1 and len(terms) >= 2
                        else self._penalty_for(entity, hit, terms)
                    )
                    if new_term is not None:
                        reduced = replace(event, type=EventType.SENTENCE, outcome=None)
                        reduced = replace(reduced, penalty=new_term)
                        self.drafts.append(
                            _Draft(entity, reduced, len(self.drafts), soft, new_term=True)
                        )
                if entity not in named_here:
                    named_here.append(entity)
        self.state.group_hits = group_hits
        self._forget_old_groups(index)
        if decisions:
            bare = [
                i
                for i in range(first_draft, len(self.drafts))
                if self.drafts[i].event.type in _PENALISED and not self.drafts[i].event.charges
            ]
            self.state.bare_decisions = (index, bare) if bare else None
            undated = [
                i
                for i in range(first_draft, len(self.drafts))
                if self.drafts[i].event.type in _DECISIONS and self.drafts[i].event.date is None
            ]
            self.state.undated_decisions = (index, undated) if undated else None
        self._update_state(
            named_here,
            mentions,
            resolved,
            sentence.paragraph,
            court=all(h.trigger.type in _LEGAL or self._freed_by_court(h, hits) for h in hits),
        )

    def _clause_terms(
        self,
        hit: _Hit,
        sentence: Sentence,
        hits: list[_Hit],
        penalties: list[tuple[int, Penalty]],
    ) -> list[tuple[int, Penalty]]:
        """The terms of a decision told beside another one in its own clause.

        "X was jailed for five years while Y received a suspended sentence": the
        five years are X's, and Y's clause names only the kind of its penalty.
        """
        if not penalties or hit.trigger.type not in _PENALISED:
            return penalties
        clause = self.link.clause(hit, sentence)
        others = {
            self.link.clause(h, sentence)
            for h in hits
            if h is not hit and h.trigger.type in _PENALISED
        } - {clause}
        if not others:
            return penalties
        inside = [p for p in penalties if clause[0] <= p[0] < clause[1]]
        if inside:
            return inside
        if not all(any(a <= at < b for a, b in others) for at, _ in penalties):
            return penalties
        kind = None
        for cue, name in self.lex.penalty_cues:
            if cue.search(self.low[clause[0] : clause[1]]):
                kind = PenaltyKind(name)
                break
        return [(hit.start, Penalty(kind=kind))] if kind else []

    def _decision_dated_after(
        self, index: int, low: str, resolved: list[PartialDate | None]
    ) -> None:
        """«Решение сегодня принял судья»: a sentence that dates "the decision" and
        tells no event of its own dates the undated decisions told just before."""
        undated = self.state.undated_decisions
        cue = self.lex.extra.get("decision_dated")
        if undated is None or not cue or index - undated[0] > 3:
            return
        dates = [r for r in resolved if r is not None]
        if len(dates) != 1 or re.search(cue, low) is None:
            return
        self.state.undated_decisions = None
        for i in undated[1]:
            draft = self.drafts[i]
            draft.event = replace(draft.event, date=dates[0])

    def _charges_told_after(
        self,
        index: int,
        text: str,
        low: str,
        charges: list[Charge] | None,
        *,
        resolved: list[PartialDate | None],
        told_as_charge: bool = False,
        named: set[int | None] | None = None,
    ) -> None:
        """Gives the charges of this sentence to the decisions of the one before it
        that were told without any ("…got 15 days. They were accused of X.").

        Not to a decision of another time ("In April he was jailed. In July he
        was charged with X": a new charge), nor of someone the sentence does not
        name when it names people, nor to a pretrial order when the sentence
        tells a charging of its own: the order carries only the charges told
        with it ("on charges of X"), the charging is the charge event's."""
        bare = self.state.bare_decisions
        if bare is None or index - bare[0] > 1:
            return
        self.state.bare_decisions = None
        crowd = self.lex.extra.get("unnamed_plural")
        if crowd and re.search(crowd, low):
            # "… said 12 people had been detained for hooliganism": another,
            # unnamed crowd's charges, not those of the decisions told before
            return
        found = charges if charges is not None else find_charges(text, low, self.lex)
        # "in October … on 30 October": one time told less and more exactly
        told = [str(d) for d in resolved if d is not None]
        for i in bare[1]:
            draft = self.drafts[i]
            event = draft.event
            if told_as_charge and event.type is EventType.PRETRIAL_DETENTION:
                continue
            date = str(event.date)
            if (
                event.date is not None
                and told
                and not any(t.startswith(date) or date.startswith(t) for t in told)
            ):
                continue
            if named and draft.entity not in named:
                continue
            draft.event = replace(event, charges=tuple(found))

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

    def _members_of_last_group(self, index: int, sentence: Sentence, low: str) -> list[_Hit]:
        """ "Among them were X and Y", "The three activists are X, Y and Z": the
        events of the unnamed group told just before, again, for the names here."""
        if not self.state.group_hits:
            return []
        cue = self.lex.membership
        cued = cue is not None and bool(cue.match(low))
        if not cued:
            heads = self.link.group_heads(sentence)
            names = [
                m
                for m in self.people.in_span(sentence.start, sentence.end)
                if m.kind == "name" and not m.speaker and m.victim_role
            ]
            named = len(self.link.ids(names))
            # «Суд арестовал троих активистов. Аресты получили X, Y и Z»: as many
            # names as the group held are its members, though no noun repeats,
            # when the sentence tells no terms of its own ("X got nine years and
            # Y five" after "sentenced two journalists" tells each their own).
            counted = (
                named >= 2
                and named == self.state.group_size
                and not heads
                and not find_penalties(low, self.lex)
            )
            if not counted and (not heads or not self._same_heads(heads, self.state.group_heads)):
                return []
            if named < 2:
                return []
        detainees = self.lex.extra.get("detainee_membership")
        among_detainees = cued and detainees is not None and re.match(detainees, low) is not None
        hits = [
            _Hit(h.trigger, h.start, h.end, group_date=date, terms=h.terms)
            for at, h, date in self.state.group_hits
            if index - at <= 3 and not (among_detainees and h.type is EventType.PROTEST)
        ]
        self.state.group_hits, self.state.group_heads = [], set()
        self.state.group_size = None
        return hits

    def _owner_named_next(self, index: int, sentence: Sentence) -> list[_Hit]:
        """«Apellyasiya Məhkəməsi şikayəti təmin etməyib. Jurnalist X …»: decisions
        told before anyone is named are about the one person the next sentence
        names (not a speaker, not a lawyer); with two or more, about no one."""
        waiting = self.state.unowned_decisions
        if waiting is None:
            return []
        self.state.unowned_decisions = None
        if index - waiting[0] != 1:
            return []
        named = self.link.ids(
            [
                m
                for m in self.people.in_span(sentence.start, sentence.end)
                if m.kind in ("name", "possessive") and not m.speaker and m.victim_role
            ]
        )
        if len(named) != 1:
            return []
        return [_Hit(h.trigger, h.start, h.end, group_date=date) for h, date in waiting[1]]

    @staticmethod
    def _same_heads(a: set[str], b: set[str]) -> bool:
        """Whether two sets of group nouns share one, by a crude stem ("activist(s)")."""
        return bool({w[:6] for w in a} & {w[:6] for w in b})

    def _forget_old_groups(self, index: int) -> None:
        self.state.group_hits = [g for g in self.state.group_hits if index - g[0] < 3]
        if not self.state.group_hits:
            self.state.group_heads = set()
            self.state.group_size = None

    def _group_size(self, sentence: Sentence) -> int | None:
        """How many an unnamed group holds, when the sentence counts it."""
        low = self.low[sentence.start : sentence.end]
        for m in self.lex.group_noun.finditer(low):
            n = parse_number(m.group().split()[0], self.lex)
            if n is not None and n >= 2 and n == int(n):
                return int(n)
        return None

    def _same_scene(self, sentence: Sentence) -> bool:
        """Whether an undated event continues the scene whose date was told last
        (none before the first date: the report's one episode date may come later)."""
        if self.state.last_date is None:
            return False
        return 0 <= sentence.paragraph - self.state.last_date_paragraph <= 1

    def _background(self, low: str) -> bool:
        """Whether a sentence opens as a reminder of the background ("Recall that
        …", «Напомним, …», "Xatırladaq ki, …")."""
        cue = self.lex.extra.get("background_opener")
        return isinstance(cue, str) and re.match(cue, low) is not None

    @staticmethod
    def _freed_by_court(hit: _Hit, hits: list[_Hit]) -> bool:
        """Whether a release is told after a court's decision in its sentence ("fined
        him, after which he was released"): freed the day the court sat."""
        return hit.trigger.type is EventType.RELEASE and any(
            k.trigger.type in _DECISIONS and k.end <= hit.start for k in hits
        )

    def _scene_day(self, hit: _Hit) -> PartialDate | None:
        """The scene's day for an undated event of it. After a court's day ("On
        Monday the court fined her. X was also detained"), an arrest or a protest
        is of the day of the arrests told before, not of the court's sitting;
        with none told, of no day known."""
        if not self.state.last_date_court or hit.trigger.type not in _ARRESTS:
            return self.state.last_date
        arrest = self.state.last_arrest
        return arrest[2] if arrest is not None else None

    def _note_hearing(self, index: int, text: str, resolved: list[PartialDate | None]) -> None:
        """Remembers a sentence that dates a court's sitting without telling its
        decision: the decision told in the next sentence was taken then."""
        days = {r for r in resolved if r is not None}
        if len(days) == 1 and next(iter(days)).day and find_authority(text, self.lex):
            self.state.last_hearing = (index, next(iter(days)))

    def _sitting_just_before(self, index: int) -> PartialDate | None:
        hearing = self.state.last_hearing
        return hearing[1] if hearing is not None and index - hearing[0] == 1 else None

    def _court_after_arrest(
        self,
        index: int,
        sentence: Sentence,
        inherited: tuple[int, PartialDate | None, tuple[Charge, ...]] | None,
    ) -> PartialDate | None:
        """The day of the detention told just before an undated decision ("detained
        on 15 October. Taken to court, he was sentenced to two days"): courts of
        petty offences sit the day of the arrest, and the story tells them in a row."""
        arrest = self.state.last_arrest
        if arrest is None or (inherited and index - inherited[0] == 1):
            return None
        at, paragraph, date = arrest
        # In the arrest's own sentence a date left to the detention is not the court's.
        if not 1 <= index - at <= 2 or sentence.paragraph != paragraph:
            return None
        return date

    def _court_in_scene(
        self,
        hit: _Hit,
        sentence: Sentence,
        hits: list[_Hit],
        resolved: list[PartialDate | None],
    ) -> PartialDate | None:
        """The scene's day for a petty-offence sentence told with the scene's
        arrest or release ("today police came for him … after which he was
        sentenced to 30 days"): an event of a dated episode takes its date, and
        such courts sit the day of the arrest. Told before the arrest or release
        ("fined, after which he was released"), the court may have sat later."""
        if any(resolved) or not self._same_scene(sentence):
            return None
        scene = (EventType.DETENTION, EventType.RELEASE)
        if not any(h.trigger.type in scene and h.end <= hit.start for h in hits):
            return None
        date = self.state.last_date
        return date if date is not None and date.day else None

    def _update_state(
        self,
        named_here: list[int],
        mentions: list[Mention],
        resolved: list[PartialDate | None],
        paragraph: int,
        *,
        court: bool,
    ) -> None:
        if named_here:
            self.link.focus = named_here
            if len(named_here) >= 2:
                self.link.group = named_here
        else:
            victims = [
                m.entity
                for m in mentions
                if m.entity is not None and m.kind == "name" and not m.speaker and m.victim_role
            ]
            uniq = list(dict.fromkeys(victims))
            if len(uniq) >= 2:
                self.link.group = uniq
        for r in resolved:
            if r is not None:
                self.state.last_date = r
                self.state.last_day = r if r.day else self.state.last_day
                self.state.last_date_paragraph = paragraph
                self.state.last_date_court = court

    def _all_triggers(self) -> list[list[_Hit]]:
        """Every trigger hit of the report, by sentence.

        Each pattern runs sentence by sentence: its keyword prefilter then skips
        most sentences, which costs far less than scanning the whole text.
        """
        out: list[list[_Hit]] = []
        for sentence in self.sentences:
            low = self.low[sentence.start : sentence.end]
            hits: list[_Hit] = []
            mask = text_mask(low)
            for trig in self.lex.triggers:
                # finditer's first test, made here without a call: it rules out
                # most of the hundreds of triggers in most sentences.
                bit = trig.regex.bit
                if bit and not mask & bit:
                    continue
                for m in trig.regex.finditer(low):
                    start = sentence.start + m.start()
                    if trig.type in _NEGATABLE and (
                        self._negated(start, sentence.start)
                        or self._negated_after(sentence.start + m.end(), sentence.end)
                    ):
                        continue
                    if trig.not_after is not None and trig.not_after.search(
                        self.low[max(sentence.start, start - 40) : start]
                    ):
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
        # "was arrested for 15 days": where a detention and a sentence share words,
        # the term makes it the sentence; "arrested by a court decision until
        # May" is the custody ordered, not the arrest itself.
        # ("held in pretrial detention since May", ending with the custody's own
        # words, stays the detention told as a state).
        sentences = [h for h in kept if h.trigger.type is EventType.SENTENCE]
        custody = [h for h in kept if h.trigger.type is EventType.PRETRIAL_DETENTION]
        kept = [
            h
            for h in kept
            if h.trigger.type is not EventType.DETENTION
            or not (
                any(h.start < k.end and k.start < h.end for k in sentences)
                or any(h.start < k.end and k.start < h.end < k.end for k in custody)
                # "extended the detention of X": the custody's own noun, read on
                or any(k.start < h.start < k.end for k in custody)
            )
        ]
        # "sentenced to five years on drug charges": the charge is the verdict's
        # ground and goes on the decision, not into an event of its own.
        # ("detained on charges of X and sentenced to six years": the charge is the
        # arrest's ground, told as its own fact, and stays.)
        if any(h.trigger.type in _PENALISED for h in kept):
            arrests = [h.end for h in kept if h.trigger.type is EventType.DETENTION]
            kept = [
                h
                for h in kept
                if not h.trigger.ground or any(0 <= h.start - end <= 2 for end in arrests)
            ]
        return kept

    def _all_dates(self) -> list[list[DateMention]]:
        # A sentence with an event in it is never a dateline, however short.
        return [
            [
                d
                for d in find_dates(
                    self.low[s.start : s.end], self.lex, offset=s.start, dateline=not hits
                )
                if not self._in_a_name(d, s)
            ]
            for s, hits in zip(self.sentences, self.hits, strict=True)
        ]

    def _in_a_name(self, d: DateMention, sentence: Sentence) -> bool:
        """Whether a "today" is a word of a name ("Kavkasia Today", "USA Today"):
        capitalised after a capitalised word inside the sentence. Taken for a
        date, it moved the story to the day of publication."""
        if d.kind is not DateKind.TODAY or d.start == sentence.start:
            return False
        word = self.text[d.start : d.end]
        before = self.text[sentence.start : d.start].split()
        return word[:1].isupper() and bool(before) and before[-1][:1].isupper()

    def _negated(self, start: int, floor: int) -> bool:
        if self.lex.negation is None:
            return False
        window = self.low[max(floor, start - 30) : start]
        if self.lex.negation.search(window):
            return True
        # A negated verb governs its whole object ("rejected the request to move
        # X, the founder of a channel, to house arrest"): an apposition between
        # commas is no part of the clause, and the object may run past the
        # first 30 characters.
        wide = self.low[max(floor, start - 120) : start]
        if "," in wide:
            wide = _APPOSITION.sub(" ", wide)
        return bool(self.lex.negation.search(wide[-60:]))

    def _negated_after(self, end: int, ceiling: int) -> bool:
        if self.lex.negation_after is None:
            return False
        return bool(self.lex.negation_after.match(self.low, end, min(ceiling, end + 20)))

    # ------------------------------------------------------------ when

    def _resolve_dates(self, dates: list[DateMention]) -> tuple[list[PartialDate | None], bool]:
        """The sentence's dates resolved, and whether one of them lay after publication
        (such a date is dropped, and the sentence's events must not take another)."""
        out: list[PartialDate | None] = []
        after_publication = False
        previous = self.state.last_date
        day = self.state.last_day
        for d in dates:
            anchor = self._last_arrest_day() if d.kind is DateKind.DAY_AFTER_ARREST else previous
            if d.kind is DateKind.SAME_DAY and anchor is not None and anchor.day is None:
                # "In July he was arrested. That same day, 8 December, …": "that day"
                # is the last day told, not a month told since
                anchor = day
            published = self.report.published
            told = resolve(d, published=published, previous=anchor)
            value = before_publication(told, published)
            after_publication |= told is not None and value is None
            out.append(value)
            if value is not None and not d.anchored_on_previous:
                previous = value
                day = value if value.day else day
        return out, after_publication

    def _last_arrest_day(self) -> PartialDate | None:
        """The day of the last detention told, for "the day after his arrest"."""
        for draft in reversed(self.drafts):
            date = draft.event.date
            if draft.event.type is EventType.DETENTION and date is not None and date.day:
                return date
        return None

    def _date_for(
        self,
        hit: _Hit,
        dates: list[DateMention],
        resolved: list[PartialDate | None],
        sentence: Sentence,
    ) -> PartialDate | None:
        best: tuple[int, PartialDate] | None = None
        clause = self.link.clause(hit, sentence)
        relative = self.link.relative_clauses(sentence)
        # «дело …, возбужденное 16 мая»: a trigger that ends inside a clause is its verb's
        inside = next(
            (r for r in relative if r[0] <= hit.start < r[1] or r[0] < hit.end <= r[1]), None
        )
        here = self.hits[self._index_of[sentence.start]]
        owners = [k for k in here if k is not hit and k.trigger.type is EventType.PROTEST]
        others = [k for k in here if k.trigger.type is not hit.trigger.type]
        nominal = self._nominal(hit)
        forward = self._later_in_sentence(hit, dates, resolved, here)
        for d, value in zip(dates, resolved, strict=True):
            if value is None or d.start <= hit.start < d.end:
                # "the day after his arrest" dates what follows, not the arrest in it
                continue
            if d in forward:
                if not forward[d]:
                    continue
                best = (-1, value)
                break
            if nominal and not (0 <= d.start - hit.end <= 4 or 0 <= hit.start - d.end <= 16):
                # "his arrest in August 2014", "on 8 March, the day of his arrest"
                # are dated; in "In December the court ruled that Hazi's arrest
                # was illegal" the date is the ruling's
                continue
            if hit.trigger.type in _LEGAL and self._owned(d, owners):
                # «оштрафовали за акцию 21 декабря»: the offence's date, not the
                # fine's (a detention "at the rally on 30 May" shares the scene's)
                continue
            if hit.trigger.type is not EventType.RELEASE and self._period_end(d):
                # "arrested until the end of the investigation, May 19": when the
                # custody ends, not when it began (a release on that day is its own)
                continue
            if hit.trigger.type in _DECISIONS and self._state_since(d):
                # "in prison since 2006 and serving a three-year sentence": the
                # date starts a state (the custody), not the court's decision
                continue
            if hit.side == "after" and self._state_since(d):
                # "authorities have arrested 25 journalists since November 2023,
                # including X": an active verb's "since" starts the campaign's
                # period, not X's arrest (a state, "held since", is its own date)
                continue
            # A date inside ", who was detained on Saturday," is that clause's own.
            d_inside = next((r for r in relative if r[0] <= d.start < r[1]), None)
            if d_inside != inside:
                continue
            if d.start >= hit.end and self._subordinate_between(hit.end, d.start):
                continue
            later = self.lex.extra.get("later_between")
            if (
                later
                and hit.trigger.type in _DECISIONS
                and d.end <= hit.start
                and re.search(later, self.low[d.end : hit.start])
            ):
                # "detained in December and later sentenced": the court sat on
                # another day than the one told before "later"
                continue
            if d.end <= hit.start and self._told_between(d, hit.start):
                # "his lawyer said on Monday that he had been beaten": the day
                # of the telling, not of what is told
                continue
            dist = d.start - hit.end if d.start >= hit.end else hit.start - d.end
            if not (clause[0] <= d.start < clause[1]):
                dist += 200
            if any(_gap(k, d) < dist for k in others):
                # "detained on Feb. 3 and sentenced … the next day": the nearer
                # date is another event's; a date of its own wins if there is one
                dist += 100
            if best is None or dist < best[0]:
                best = (dist, value)
        return best[1] if best else None

    def _later_in_sentence(
        self,
        hit: _Hit,
        dates: list[DateMention],
        resolved: list[PartialDate | None],
        here: list[_Hit],
    ) -> dict[DateMention, bool]:
        """Whether a "two days later" told after the trigger, counted from a date
        told before it in the same sentence, is the trigger's own (True) or the
        next event's (False).

        "detained on 12 March and released two days later": the release's, before
        the nearer "12 March", which is the arrest's; "detained on 3 April and two
        days later released", «3 aprel tarixində saxlanılıb, iki gün sonra
        buraxılıb»: the release's, not the arrest's, though right after it."""
        out: dict[DateMention, bool] = {}
        told = [
            d
            for d, v in zip(dates, resolved, strict=True)
            if v is not None and not d.anchored_on_previous
        ]
        for d, v in zip(dates, resolved, strict=True):
            if v is None or d.kind not in _LATER or d.start < hit.end:
                continue
            anchor = [a for a in told if a.end <= d.start]
            if not anchor or anchor[-1].end > hit.start:
                continue  # counted from a date after the trigger or in another sentence
            others = [k for k in here if k.start != hit.start]
            comma = "," in self.low[hit.end : d.start]
            if any(hit.end <= k.start and k.end <= d.start for k in others):
                out[d] = False  # another trigger stands between: "detained … and released later"
            elif any(0 <= k.start - d.end <= 25 or (comma and k.start >= d.end) for k in others):
                # "two days later released", «yoxa çıxıb, bir gün sonra … saxlandığı»:
                # the verb after it is the later one
                out[d] = False
            else:
                out[d] = True
        return out

    def _dates_listed(
        self, dates: list[DateMention], resolved: list[PartialDate | None], date: PartialDate | None
    ) -> bool:
        """Whether `date` is one of two different days told side by side ("on 27 July
        and 3 August", «27 июля и 3 августа»)."""
        if date is None:
            return False
        told = list(zip(dates, resolved, strict=True))
        for (a, va), (b, vb) in pairwise(told):
            if va is None or vb is None or va == vb or date not in (va, vb):
                continue
            if _LIST_JOIN.fullmatch(self.low[a.end : b.start]):
                return True
        return False

    @staticmethod
    def _arrest_day_for_verdict(
        hit: _Hit, hits: list[_Hit], dates: list[DateMention], penalties: list[tuple[int, Penalty]]
    ) -> bool:
        """Whether a prison verdict would take the day of an arrest told before it
        in its sentence ("detained in January 2015 and sentenced to six years"): a
        criminal court sits months later, on a day not told (a petty-offence court
        sits the day of the arrest)."""
        if hit.trigger.type is not EventType.SENTENCE or not penalties or _petty(penalties):
            return False
        if any(d.start >= hit.end for d in dates):
            return False  # "… and sentenced on 3 May": a date of its own
        return any(k.trigger.type is EventType.DETENTION and k.start < hit.start for k in hits)

    def _verdict_ruled_on(self, hit: _Hit, sentence: Sentence) -> bool:
        """Whether a sentencing is told as the object of a higher court's ruling
        ("upheld the verdict sentencing him to six years"): the verdict was passed
        before, not on the day of the appeal."""
        ruled = self.lex.extra.get("verdict_ruled_on")
        if not ruled:
            return False
        # the whole clause up to the hit: a term told after the verb ("… to six
        # years in prison") is a hit of its own, past the sentencing word
        return re.search(ruled, self.low[sentence.start : hit.end]) is not None

    def _told_again(self, hit: _Hit) -> bool:
        """Whether an arrest, a release or a verdict is told as happening once more
        ("was detained again", "arrested a second time"): another episode than
        the one told before, even on a day not told."""
        again = self.lex.extra.get("again")
        if not again or hit.trigger.type not in _REPEATABLE:
            return False
        # within the trigger's clause: "released, but police detained him again"
        # tells the release once
        before = re.split(r"[,;.]", self.low[max(0, hit.start - 12) : hit.start])[-1]
        after = re.split(r"[,;.]", self.low[hit.end : hit.end + 30])[0]
        return re.search(again, before + self.low[hit.start : hit.end] + after) is not None

    def _told_later(self, hit: _Hit, sentence: Sentence) -> bool:
        """Whether a decision is told as coming later than what was told before
        ("a court later fined him", "he was subsequently sentenced"): the court
        sat on a day the report does not give, not on the scene's."""
        later = self.lex.extra.get("later_between")
        if not later or hit.trigger.type not in _DECISIONS:
            return False
        return re.search(later, self.low[sentence.start : hit.start]) is not None

    def _arrest_after_release(self, hit: _Hit) -> bool:
        """Whether an undated detention follows a release told with the scene's
        date ("On 16 March he was pardoned. … the new arrest of X"): an arrest
        after a release starts another episode, not the same day."""
        if hit.trigger.type is not EventType.DETENTION:
            return False
        for draft in reversed(self.drafts):
            if draft.event.date == self.state.last_date and not draft.soft_date:
                return draft.event.type is EventType.RELEASE
        return False

    def _flashback(self, resolved: list[PartialDate | None]) -> bool:
        """Whether a sentence's own dates all lie before the scene's: it goes back
        in time ("On December 19 … held since being charged on November 27"), and
        the scene, later, is not what its undated events belong to."""
        scene = self.state.last_date.as_date() if self.state.last_date else None
        own = [r.as_date() for r in resolved if r is not None]
        if scene is None or not own:
            return False
        return all(day is not None and day < scene for day in own)

    def _nominal(self, hit: _Hit) -> bool:
        """Whether a trigger is an event named as a noun of someone ("Hazi's
        arrest", "her detention"), the object of another verb more often than
        the news itself."""
        cue = self.lex.extra.get("nominal_trigger")
        if not cue or hit.trigger.type is not EventType.DETENTION:
            return False
        return re.match(cue, self.low[hit.start : hit.end]) is not None

    @staticmethod
    def _dated_elsewhere(
        hit: _Hit, dates: list[DateMention], resolved: list[PartialDate | None]
    ) -> bool:
        """Whether the sentence tells a date other than one the trigger is in
        ("the day after his arrest"): the sentence's time is its own, not the scene's."""
        return any(
            v is not None and not d.start <= hit.start < d.end
            for d, v in zip(dates, resolved, strict=True)
        )

    def _served_term(self, hit: _Hit, hits: list[_Hit]) -> bool:
        """Whether a sentence's term is told as served by a release in the same
        sentence ("freed on Thursday after serving 30 days", «вышел 18 марта,
        отбыв 15 суток»): the date is the release's, and the sentence's own day
        would need arithmetic on the term, which the gold does not do."""
        if hit.trigger.type is not EventType.SENTENCE:
            return False
        told = self.lex.extra.get("served_trigger")
        if told and re.match(told, self.low[hit.start : hit.end]):
            return True  # the trigger itself is the time served: "after serving 30 days"
        cue = self.lex.extra.get("served_term")
        if not cue or not any(k.trigger.type is EventType.RELEASE for k in hits):
            return False
        around = self.low[max(0, hit.start - 40) : hit.end + 40]
        return re.search(cue, around) is not None

    def _told_between(self, d: DateMention, end: int) -> bool:
        """Whether a reported clause opens between a date and a trigger ("On
        Monday, X told Y that …", "X said on Monday that …")."""
        between = self.lex.extra.get("reported_speech")
        if between and re.search(between, self.low[d.end : end]):
            return True
        # the date told right after the speech verb: "said on Monday that"
        around = self.lex.extra.get("reported_speech_around")
        if not around:
            return False
        text = self.low[max(0, d.start - 30) : d.start] + "\x00" + self.low[d.end : end]
        return re.search(around, text) is not None

    def _state_since(self, d: DateMention) -> bool:
        """Whether a date is told as the start of a state ("since June 2006")."""
        cue = self.lex.extra.get("state_since")
        if not cue:
            return False
        around = self.low[max(0, d.start - 12) : d.start] + "\x00" + self.low[d.start : d.end]
        return re.search(cue, around) is not None

    def _period_end(self, d: DateMention) -> bool:
        """Whether a date is told as the end of a period ("until May 19")."""
        cue = self.lex.extra.get("period_end")
        if not cue:
            return False
        return re.search(rf"(?:{cue})$", self.low[max(0, d.start - 50) : d.start]) is not None

    def _owned(self, d: DateMention, owners: list[_Hit]) -> bool:
        """Whether a date stands right after a protest noun ("for the rally of 8
        March", «за акцию 21 декабря»), a quoted name between them at most."""
        for k in owners:
            gap = self.text[k.end : d.start]
            if d.start >= k.end and not re.sub(r"«[^«»]{0,40}»", "", gap).strip(" ,"):
                return True
        return False

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
        # The fields each type adds, for one Event at the end (dataclasses.replace
        # of a first copy cost as much again, for every event of a report).
        fields: dict[str, Any] = {}
        if etype in (EventType.SENTENCE, EventType.PRETRIAL_DETENTION):
            penalty = self._penalty_for(entity, hit, penalties)
            pretrial = penalty is not None and penalty.kind in _PRETRIAL_KINDS
            if etype is EventType.SENTENCE and pretrial:
                etype = EventType.PRETRIAL_DETENTION
            elif etype is EventType.PRETRIAL_DETENTION and penalty is not None and not pretrial:
                return None
            elif etype is EventType.PRETRIAL_DETENTION and penalty is None:
                # "remanded in custody", "placed under house arrest": the measure
                # is known though its term is not
                at_home = any(
                    kind == PenaltyKind.HOUSE_ARREST and cue.search(low)
                    for cue, kind in self.lex.penalty_cues
                )
                kind = PenaltyKind.HOUSE_ARREST if at_home else PenaltyKind.PRETRIAL_DETENTION
                penalty = Penalty(kind=kind)
            fields = {"penalty": penalty, "authority": court, "charges": tuple(charges)}
        elif etype is EventType.CHARGE:
            fields = {"charges": tuple(charges)}
        elif etype is EventType.APPEAL:
            outcome = None
            # a decision passed on from an earlier sentence tells its outcome there
            told = self.link.sentence_of(hit.start)
            for pattern, value in self.lex.outcomes:
                if pattern.search(self.low[told.start : told.end] if told.text else low):
                    outcome = AppealOutcome(value)
                    break
            fields = {"outcome": outcome, "authority": court}
        elif etype is EventType.ILL_TREATMENT:
            # The trigger's own words name the form best; then what follows it.
            rel_start, rel_end = hit.start - sentence.start, hit.end - sentence.start
            detail = (
                ill_treatment_detail(low[rel_start:rel_end], self.lex)
                or ill_treatment_detail(low[rel_start : rel_end + 60], self.lex)
                or ill_treatment_detail(low, self.lex)
            )
            fields = {"detail": detail}
        elif etype in (EventType.DETENTION, EventType.DISAPPEARANCE):
            fields = {"place": self._place(sentence), "duration_hours": self._duration(sentence)}
        elif etype in (EventType.PROTEST, EventType.RELEASE):
            fields = {"place": self._place(sentence)}
        return Event(type=etype, date=date, evidence=evidence, **fields)

    def _place(self, sentence: Sentence) -> str | None:
        if sentence.start not in self._places:
            self._places[sentence.start] = find_place(sentence.text, self.lex)
        return self._places[sentence.start]

    def _duration(self, sentence: Sentence) -> float | None:
        if sentence.start not in self._durations:
            low = self.low[sentence.start : sentence.end]
            self._durations[sentence.start] = find_duration_hours(low, self.lex)
        return self._durations[sentence.start]

    def _penalty_for(
        self, entity: int, hit: _Hit, penalties: list[tuple[int, Penalty]]
    ) -> Penalty | None:
        if not penalties:
            return None
        if len(penalties) == 1:
            return penalties[0][1]
        lo, hi = self.sentences_span(hit)
        if self.lex.lang == "ru":
            # «арестовал X на 10 суток и оштрафовал на 10 тысяч рублей»: of one
            # person's terms, the one read from the trigger's own words is that
            # trigger's, not the first told (with two persons, each takes the term
            # by their name, below)
            own = [p for p in penalties if hit.start <= p[0] < hit.end]
            persons = {m.entity for m in self.people.in_span(lo, hi) if m.kind == "name"}
            if len(own) == 1 and persons == {entity}:
                return own[0][1]
        # Several terms in one sentence ("X received nine years, Y eight"): each
        # person takes the first term after their own name.
        spans = sorted(s for s, _ in self.people.entities[entity].mentions)
        mine = [s for s in spans if lo <= s < hi]
        if mine:
            pos = mine[0]
            cue = self.lex.bare_term_for_name
            earlier = [p for p in penalties if pos - 30 <= p[0] < pos]
            if cue is not None and earlier and cue.search(self.low[earlier[-1][0] : pos]):
                return earlier[-1][1]
            if self.lex.lang == "ru":
                # «арестовал X на 15 суток, а Y оштрафовал на …»: a term read from the
                # verb right before the name on is that name's
                verb = [
                    p for p in penalties if p[0] < pos and _ONE_WORD.fullmatch(self.low[p[0] : pos])
                ]
                if verb:
                    return verb[-1][1]
            later = [p for p in penalties if p[0] >= pos]
            if later:
                return later[0][1]
        return penalties[0][1]

    def sentences_span(self, hit: _Hit) -> tuple[int, int]:
        s = self.link.sentence_of(hit.start)
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
