"""Whom an event reaches: the people a trigger's clause names, lists and groups.

Given a trigger and the sentence it sits in, finds the clause that can hold
its subject or object, the lists of names in it (coordination: "X, Y and Z";
names joined by role words and fillers), the pronoun or kin word it may mean
instead, and falls back to the story's current focus. The rule engine
(`rules`) finds triggers and reads attributes; this module only decides who.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from habeas.extract.lexicon import Lexicon, fold_case, is_role_word
from habeas.extract.numbers import parse_number
from habeas.extract.people import Mention, People
from habeas.extract.sentences import Sentence
from habeas.model import EventType


class Anchor(Protocol):
    """Where an event's trigger is, and on which side its subject usually stands."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def side(self) -> str: ...

    @property
    def type(self) -> EventType: ...


@lru_cache(maxsize=16)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=4)
def _institution_frames(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An institution as a passive subject right before the verb, and as an
    active object right after it, told by the last word of its name."""
    return (
        re.compile(rf"\b(?:{head})\s+$"),
        re.compile(
            rf"^\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,4}}?(?:{head})"
            r"(?=\s*(?:[\d,.;]|$)|\s+(?:for|with|on|in|over|after|and)\b)"
        ),
    )


def _family_key(surname_key: str) -> str:
    """One key for a family's male and female surname forms (Rzayev / Rzayeva)."""
    return surname_key[:-1] if surname_key.endswith("a") else surname_key


# Between an official's name and an active verb ("Judge X on Monday sentenced")
_ACTIVE_AGENT = re.compile(r"[\s,]*(?:(?:on|in|at)\s+[\w.]+\s*,?\s*|also\s+|later\s+|then\s+)?")
_APPOSITION_TO_VERB = re.compile(r"\s*,[^,;:.()]{3,80},\s*")
_PASSIVE_START = re.compile(r"(?:was|were|is|are|been|being|got)\b")


@dataclass(slots=True)
class Linker:
    """Resolves the people of one report's events; `focus`, `group` and
    `affected` are kept up to date by the engine as the story goes on."""

    text: str
    low: str
    lex: Lexicon
    people: People
    sentences: list[Sentence]
    focus: list[int] = field(default_factory=list)  # entities of the last event
    group: list[int] = field(default_factory=list)  # the last group of two or more
    # entities with an event so far, the one with the latest event last
    affected: dict[int, None] = field(default_factory=dict)
    # clause boundaries by sentence span: every hit of a sentence asks for them
    _boundaries: dict[tuple[int, int], list[tuple[int, int, str]]] = field(
        default_factory=dict, repr=False
    )
    # relative clauses by sentence start: every dated hit of a sentence asks for them
    _relatives: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)

    def targets(self, hit: Anchor, mentions: list[Mention], sentence: Sentence) -> list[int]:
        if self._unnamed_subject(hit) or self._institution_argument(hit):
            return []
        clause = self.clause(hit, sentence)
        group = self._group_reference(hit, clause, mentions)
        if group is not None:
            return group
        head = self._participle_head(hit, mentions)
        if head:
            return head
        cands = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
        if not any(m.kind == "name" for m in cands):
            if any(m.kind == "kin" and 0 <= hit.start - m.end <= 15 for m in cands):
                # "Ibrahim's son was accused of X — Ibrahim denied it": the relative
                # is the subject; a name past the dash is another clause's
                kin = self._pronoun_target(hit, cands, hit.side)
                return kin[0] if kin else []
            clause = self.clause(hit, sentence, dashes=False)
            cands = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
        if not cands:
            clause = self._with_clause_before(clause, sentence)
            cands = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
        named = [
            m
            for m in cands
            if m.entity is not None
            # "One of the organizers of the march, X, told us": a speaker who is
            # called a participant of the protest took part in it
            and (
                not m.speaker
                or self._protest_role(m, hit)
                or self._own_relative(m, hit)
                or self._complains_of(m, hit)
            )
            # "a rally in support of X": X is whom the protest is for, not a protester
            and not self._for_whom(m, hit)
            # "sentenced by Judge X", "pardoned by President Y": the agent acts
            and not self._agent_by(m, hit)
            # "X, a critic of President Y, was arrested": Y only describes X
            and not self._in_apposition(m, mentions, hit)
            # "Huseynli's disappearance": the owner of an event noun is its subject
            and (
                m.kind == "name"
                or (m.kind == "possessive" and -3 <= hit.start - m.end <= 3)
                # "the Supreme Court rejected X's appeal": the appellant owns its object
                or (
                    m.kind == "possessive"
                    and hit.type is EventType.APPEAL
                    and 0 <= m.start - hit.end <= 3
                )
            )
        ]
        # A lawyer or a relative is a subject only when the trigger is right by the
        # name, or when they are listed with others ("residents X, Y and her son Z").
        groups = [
            g
            for g in self._groups(named)
            if any(m.victim_role for m in g)
            or min(self.gap(m, hit) for m in g) <= 40
            # "X, the mother of jailed activist Y, was detained": the apposition
            # that makes X a relative runs up to X's own verb
            or _APPOSITION_TO_VERB.fullmatch(self.low[g[-1].end : hit.start]) is not None
        ]
        side = hit.side
        before = [g for g in groups if g[-1].end <= hit.start]
        after = [g for g in groups if g[0].start >= hit.end]
        inside = [g for g in groups if g[0].start < hit.end and g[-1].end > hit.start]
        if inside:
            after_it = [m for m in inside[0] if m.start >= hit.end]
            if hit.side == "after" and after_it:
                # "X pardoned journalist Y": a list read across the active verb is
                # its subject and its object; the object undergoes it
                return self.ids(after_it)
            # "Polis X-in müavini Y-i saxlayıb": in a verb-final frame spanning two
            # names, the object is the one by the verb; X only owns the role.
            return self.ids(inside[-1] if hit.side == "before" else inside[0])
        if not after and self._group_noun_after(hit):
            # "… the rally at which police detained 30 people": the counted crowd
            # right after the verb is whom it befell, not a name told before it
            return []
        pick: list[Mention] | None = None
        near_before = before[-1] if before else None
        near_after = after[0] if after else None
        if (
            near_before
            and side != "before"
            and not any(m.victim_role for m in near_before)
            # with no name after the verb, only an official acts ("Judge X
            # sentenced him"); a relative there is the object told by kin
            # («его сына Абдуллу задержали»)
            and (near_after or self._officials(near_before))
            and _ACTIVE_AGENT.fullmatch(self.low[near_before[-1].end : hit.start])
            and not _PASSIVE_START.match(self.low[hit.start : hit.end])
        ):
            # "Judge X sentenced Y", "Prosecutor X charged him": an official right
            # before an active verb does it; the one after it, named or not,
            # undergoes it
            near_before = None
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
        if side == "after" and near_after is None and pronoun and pronoun[1].start >= hit.end:
            # "Officer X detained him": the object after an active verb undergoes
            # it, not the subject named before it
            pick = None
        if pick is not None:
            if (
                pronoun is not None
                and self._closer(pronoun[1], pick, hit)
                and not self._determiner(pronoun[1], hit)
            ):
                return pronoun[0]
            return self.ids(self._with_companions(pick, groups)) + self._kin_joined(pick, cands)
        if pronoun is not None and pronoun[1].end >= hit.start - 30:
            return pronoun[0]  # "the four journalists were arrested"
        if self._group_noun_before(hit):
            return []  # "traders protesting": the event is the group's, not a pronoun's
        if pronoun is not None:
            return pronoun[0]
        if self.mentions_group_noun(sentence):
            return []
        if hit.type is EventType.PROTEST and not cands:
            # "The rally was planned via social media": a protest told with nobody
            # in its clause is the story's setting, not the last person's act.
            return []
        if any(m.kind == "kin" and 0 <= hit.start - m.end <= 40 for m in cands):
            # "Ibrahim's son was accused": an unnamed relative's event, not the story's
            # current subject's
            return []
        if hit.type is EventType.PROTEST and any(m.kind == "name" for m in cands):
            # The clause names someone, only not as a protester (a speaker, whom
            # it was for): the protest is not the story's last subject's either.
            return []
        return list(self.focus)

    def _officials(self, group: list[Mention]) -> bool:
        return all(
            m.entity is not None and "official" in self.people.entities[m.entity].roles
            for m in group
        )

    def _group_reference(
        self, hit: Anchor, clause: tuple[int, int], mentions: list[Mention]
    ) -> list[int] | None:
        """ "Some of them were beaten" reaches no one; "all three were released" and
        «всех задержанных отпустили» reach the last group named, when its size agrees.
        None when the clause holds no such reference (or names people itself)."""
        if any(
            m.kind == "name" and clause[0] <= m.start < clause[1] and not self._for_whom(m, hit)
            for m in mentions
        ):
            return None
        window = (max(clause[0], hit.start - 60), min(clause[1], hit.end + 40))
        low = self.low[window[0] : window[1]]
        if self.lex.subset is not None and self.lex.subset.search(low):
            return []
        regex = self.lex.group_reference
        found = regex.search(low) if regex is not None else None
        if found is None and self.group:
            return self._definite_group(hit, low)
        if found is None or not self.group:
            return None
        size = found.groupdict().get("n") or found.groupdict().get("n2")
        if size:
            n = parse_number(size, self.lex)
            if n is not None and int(n) != len(self.group):
                # "X got nine years and Y five. Z got a suspended term. All three
                # were convicted of …": the last n people events happened to.
                recent = list(self.affected)[-int(n) :] if n >= 2 else []
                return recent if len(recent) == int(n) else []
        return list(self.group)

    def _participle_head(self, hit: Anchor, mentions: list[Mention]) -> list[int]:
        """ "saxlanılan jurnalist X bildirib ki …": a trigger in a participle form
        right before a name (role words between at most) is said of that name,
        though X goes on to speak. The lexicon says which endings are participles."""
        cue = self.lex.extra.get("participle_end")
        if not cue or not _compiled(cue).search(self.low[hit.start : hit.end]):
            return []
        after = [m for m in mentions if m.start >= hit.end and m.kind == "name"]
        if not after or not self._joins(hit.end, after[0].start):
            return []
        first = next(g for g in self._groups(after) if g[0] is after[0])
        return self.ids(first)

    def _for_whom(self, m: Mention, hit: Anchor) -> bool:
        """Whether `m` is only whom the action is for ("participants in support of X
        arrested"): never a protester; the subject of another event only through
        a relative clause of their own ("in support of X, who was jailed")."""
        after = self._beneficiary_after(m)
        if after is not None and m.end <= hit.start < after:
            # «X-in həbsinə qarşı aksiya»: the arrest inside the cue is X's own
            return hit.type is EventType.PROTEST
        if after is None and not self._beneficiary(m):
            return False
        if hit.type is EventType.PROTEST or hit.start < m.start:
            return True
        own = self.lex.extra.get("beneficiary_own_clause", r"\bwho\b")
        return re.search(own, self.low[m.end : hit.start]) is None

    def _agent_by(self, m: Mention, hit: Anchor) -> bool:
        """Whether `m` is the agent of a passive trigger told before it ("was
        sentenced by Judge X to ten days")."""
        cue = self.lex.extra.get("agent_before_name")
        if not cue or m.start < hit.end or m.start - hit.end > 60:
            return False
        return _compiled(rf"(?:{cue})$").search(self.text[hit.end : m.start]) is not None

    def _beneficiary(self, m: Mention) -> bool:
        cue = self.lex.extra.get("beneficiary")
        before = self.low[max(0, m.start - 40) : m.start]
        return bool(cue) and _compiled(rf"(?:{cue})\s*$").search(before) is not None

    def _beneficiary_after(self, m: Mention) -> int | None:
        """Where a cue that makes `m` whom an action is for ends, in languages
        that put it after the name ("X-in həbsinə qarşı", "X-ə dəstək"); None
        when there is none."""
        cue = self.lex.extra.get("beneficiary_after")
        found = _compiled(cue).match(self.low, m.end) if cue else None
        return found.end() if found else None

    def _definite_group(self, hit: Anchor, low: str) -> list[int] | None:
        """ "The activists were taken to court": a definite plural noun means the
        last group named, when it was named in the last few sentences and the noun
        agrees with how the group was told since ("members … X, Y and Z", "the
        activists were questioned") or with its members' roles."""
        cue = self.lex.extra.get("definite_group")
        found = _compiled(cue).search(low) if cue else None
        if found is None:
            return None
        head = found.group("head")[:6]
        members = set(self.group)
        told = [
            (i, s)
            for i, s in enumerate(self.sentences)
            if s.start <= hit.start
            and len({m.entity for m in self.people.in_span(s.start, s.end)} & members) >= 2
        ]
        here = next(i for i, s in enumerate(self.sentences) if s.end > hit.start)
        if not told or here - told[-1][0] > 3:
            return None
        # How the group was called from its naming up to here ("The party activists were
        # questioned"): the words of those sentences, crudely stemmed.
        span = self.low[told[-1][1].start : self.sentences[here].start]
        nouns = {w[:6] for w in re.findall(r"\w+", span)}
        # "… with two journalists": a counted group told beside the named one is another.
        for m in self.lex.group_noun.finditer(span):
            count, *_, noun = m.group().split()
            if parse_number(count, self.lex) is not None:
                nouns.discard(noun[:6])
        roles = {r[:6] for e in self.group for r in self.people.entities[e].roles}
        return list(self.group) if head in nouns | roles else None

    def _kin_joined(self, group: list[Mention], cands: list[Mention]) -> list[int]:
        """ "Rzayeva and her son were released": the son goes with her."""
        out: list[int] = []
        for m in cands:
            if m.kind == "kin" and m.start >= group[-1].end and self._joins(group[-1].end, m.start):
                out.extend(e for e in self._resolve_pronoun(m) if e not in out)
        return out

    def _group_noun_after(self, hit: Anchor) -> bool:
        window = self.low[hit.end : hit.end + 40]
        found = self.lex.group_noun.search(window)
        if found is None or window[: found.start()].strip(" ,"):
            return False
        return parse_number(found.group().split()[0], self.lex) is not None

    def _group_noun_before(self, hit: Anchor) -> bool:
        window = self.low[max(0, hit.start - 30) : hit.start]
        return bool(self.lex.group_noun_end.search(window))

    def clause(self, hit: Anchor, sentence: Sentence, *, dashes: bool = True) -> tuple[int, int]:
        """The stretch of the sentence that can hold the trigger's subject or object.

        With `dashes` false, a dash does not end the clause: "…detained three
        people — X, Y and Z" lists them after one.
        """
        key = (sentence.start, sentence.end)
        found = self._boundaries.get(key)
        if found is None:
            # Boundaries: semicolons, dashes, and reported-speech openers.
            text = self.low[sentence.start : sentence.end]
            found = self._boundaries[key] = [
                (m.start(), m.end(), m.group().strip())
                for m in self.lex.clause_boundary.finditer(text)
            ]
        rel = hit.start - sentence.start
        start, end = 0, sentence.end - sentence.start
        for b_start, b_end, mark in found:
            if not dashes and mark in ("—", "–"):
                continue
            if b_end <= rel:
                start = max(start, b_end)
            elif b_start >= rel + (hit.end - hit.start):
                end = min(end, b_start)
                break
        return sentence.start + start, sentence.start + end

    def _with_clause_before(self, clause: tuple[int, int], sentence: Sentence) -> tuple[int, int]:
        """ "X and Y are insulted, and when they object are tortured": a clause
        opened by a conjunction that names no one, not even by a pronoun, goes on
        with the subject of the clause before it (the lexicon says which
        boundaries may be crossed so)."""
        cue = self.lex.extra.get("shared_subject_boundary")
        found = self._boundaries.get((sentence.start, sentence.end))
        if not cue or not found:
            return clause
        rel = clause[0] - sentence.start
        before = [b for b in found if b[1] <= rel]
        if not before or before[-1][1] != rel or not _compiled(cue).fullmatch(before[-1][2]):
            return clause
        start = before[-2][1] if len(before) >= 2 else 0
        return sentence.start + start, clause[1]

    def relative_clauses(self, sentence: Sentence) -> list[tuple[int, int]]:
        regex = self.lex.relative_clause
        if regex is None:
            return []
        found = self._relatives.get(sentence.start)
        if found is None:
            low = self.low[sentence.start : sentence.end]
            found = [
                (sentence.start + m.start(), sentence.start + m.end()) for m in regex.finditer(low)
            ]
            self._relatives[sentence.start] = found
        return found

    def _with_companions(self, pick: list[Mention], groups: list[list[Mention]]) -> list[Mention]:
        """The group picked and those joined to it as companions ("X was arrested
        alongside colleagues Y and Z", "X, along with Y, was detained")."""
        cue = self.lex.extra.get("comitative")
        if not cue:
            return pick
        out = list(pick)
        companion = str(self.lex.extra.get("companion_before") or "")
        # «Вместе с X задержали Y»: the one picked is the companion, governed by
        # «вместе с»; the others of the clause undergo the verb with X
        led = bool(companion) and self._after_companion_cue(pick[0], companion)
        for g in groups:
            if g is pick:
                continue
            if led and not self._after_companion_cue(g[0], companion):
                out.extend(g)
                continue
            gap = self.low[g[-1].end : pick[0].start] if g[-1].end <= pick[0].start else ""
            if not gap:
                gap = self.low[pick[-1].end : g[0].start] if pick[-1].end <= g[0].start else ""
            if gap and _compiled(cue).search(gap):
                out.extend(g)
        return sorted(out, key=lambda m: m.start)

    def _after_companion_cue(self, m: Mention, cue: str) -> bool:
        return (
            _compiled(rf"(?:{cue})$").search(self.low[max(0, m.start - 20) : m.start]) is not None
        )

    @staticmethod
    def gap(m: Mention, hit: Anchor) -> int:
        return m.start - hit.end if m.start >= hit.end else hit.start - m.end

    @staticmethod
    def ids(group: list[Mention]) -> list[int]:
        return list(dict.fromkeys(m.entity for m in group if m.entity is not None))

    def _groups(self, named: list[Mention]) -> list[list[Mention]]:
        groups: list[list[Mention]] = []
        for m in named:
            if groups and self._listed(groups[-1][-1].end, m.start):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def _listed(self, end: int, start: int) -> bool:
        """Whether two names stand in one list: joined, and (when words stand
        between) by a comma, a dash or a conjunction. "Hakim X jurnalist Y-i məhkum
        edib": with only a role word between, they are a subject and an object."""
        gap = self.text[end:start]
        if gap.strip():
            conj = "|".join(self.lex.extra.get("conjunctions", ["and", "и", "və"]))
            if not _compiled(rf"[,;:()—–-]|\b(?:{conj})\b").search(gap):
                return False
        return self._joins(end, start)

    def _joins(self, end: int, start: int) -> bool:
        # A quoted name in a role phrase («координатор ОО «Крымская солидарность»»)
        # counts as one word.
        gap = re.sub(r"«[^«»]{0,40}»|“[^“”«»]{0,40}”", " Q ", self.text[end:start])
        owner = self.lex.extra.get("owner_genitive")
        if (
            owner
            and _compiled(owner).search(self.low[max(0, end - 12) : end])
            and not re.search(r"[,;(]|\bvə\b", gap)
        ):
            # "X-in vəkili Y", "Xun həyat yoldaşı Y": a name in the genitive owns
            # the role after it, so Y is X's lawyer or wife, not listed with X
            return False
        apposition = self.lex.extra.get("apposition_gap")
        if apposition and _compiled(apposition).fullmatch(fold_case(gap)):
            # "X, a reporter for Meydan TV, and Y", "X, 34, and Y": an apposition
            # set off by commas sits inside the list
            return True
        # "X (Lala) and Y": an alias or a note in brackets does not break a list.
        bare = re.sub(r"\([^()]{0,30}\)", " ", gap)
        words = re.sub(r"[,:()]", " ", fold_case(bare)).split()
        # «и представителя правозащитной организации «Мемориал» Y»: a role word
        # with its complement is longer than a bare filler, but still in the list.
        limit = 70 if any(is_role_word(self.lex, w) for w in words) else 45
        if len(gap) > limit:
            return False
        groups = self.lex.extra.get("group_nouns", [])
        adjective = self.lex.charge_adjective
        complement = 0  # words left for a role word's complement
        # "X, the Musavat party Y and the "D 18" movement Z": words before an
        # affiliation's head noun are its modifiers (lexicons that list such heads)
        heads = self.lex.extra.get("premodified_heads", [])
        modifiers = 0  # words waiting for the head noun that takes them
        # «“Xural” qəzetinin bölgə müxbiri Y»: where a role word takes its owner in
        # the genitive before it, a genitive opens a modifier run the role ends.
        genitive = self.lex.extra.get("role_genitive")
        for i, w in enumerate(words):
            if w in self.lex.list_fillers or w in groups:
                continue
            if is_role_word(self.lex, w) or w in heads:
                complement = 3 if self.lex.lang == "ru" else 0
                modifiers = 0
                continue
            # «и гражданского журналиста Y», «X, руководитель общественного
            # объединения Y»: modifiers before a role word, its complement after it.
            if complement > 0:
                complement -= 1
                continue
            if self.lex.lang == "ru" and adjective is not None and adjective.fullmatch(w):
                continue
            if heads and modifiers < 3:
                modifiers += 1
                continue
            if (
                genitive
                and modifiers < 4
                and (
                    modifiers
                    or w == "q"
                    # «Meydan TV-nin müxbiri»: an owner of two words, the genitive on the last
                    or any(_compiled(genitive).fullmatch(x) for x in words[i : i + 2])
                )
            ):
                modifiers += 1
                continue
            return False
        return modifiers == 0

    def _pronoun_target(
        self, hit: Anchor, cands: list[Mention], side: str
    ) -> tuple[list[int], Mention] | None:
        pronouns = [
            m
            for m in cands
            if m.kind in ("male", "female", "singular", "plural", "role_noun", "kin")
            and not self._names_a_thing(m)
            and not self._companion_or_owner(m)
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
            if m.kind == "plural" and self._unnamed_antecedent(m):
                # "Organizers say they did not want …", "detained everyone who came
                # and put them in jails": the pronoun means that unnamed crowd.
                return [], m
            ids = self._resolve_pronoun(m)
            if ids:
                return ids, m
        return None

    def _determiner(self, m: Mention, hit: Anchor) -> bool:
        """ "X and blogger Y, known for his articles, were detained": a possessive
        before a noun of its own, away from the trigger, is no subject of it."""
        cue = self.lex.extra.get("possessive_determiner")
        if not cue or -3 <= hit.start - m.end <= 3 or hit.start <= m.start < hit.end:
            return False
        return _compiled(cue).fullmatch(self.low[m.start : m.end]) is not None

    def _names_a_thing(self, m: Mention) -> bool:
        """«за участие в них»: a pronoun after an event noun means the events."""
        cue = self.lex.extra.get("pronoun_of_a_thing")
        before = self.low[max(0, m.start - 30) : m.start]
        return bool(cue) and _compiled(rf"(?:{cue})\s*$").search(before) is not None

    def _companion_or_owner(self, m: Mention) -> bool:
        """«Вместе с ним был задержан X», «задержан его товарищ X»: a pronoun
        governed by «вместе с», or one owning the noun before a name, is not whom
        the verb befell: the name is."""
        if m.kind not in ("male", "female", "plural"):
            return False
        companion = self.lex.extra.get("companion_before")
        if companion and _compiled(rf"(?:{companion})$").search(
            self.low[max(0, m.start - 20) : m.start]
        ):
            return True
        owner = self.lex.extra.get("owner_before_name")
        return bool(owner) and _compiled(owner).match(self.text, m.end) is not None

    def _resolve_pronoun(self, m: Mention) -> list[int]:
        if m.kind == "plural":
            # "X and Y said they were detained": the people named just before in
            # the sentence, speakers included; else the story's last group.
            sentence = self.sentence_of(m.start)
            here = [
                x.entity
                for x in self.people.in_span(sentence.start, m.start)
                if x.entity is not None and x.kind == "name" and not self._addressee(x)
            ]
            named = list(dict.fromkeys(here))
            return named if len(named) >= 2 else list(self.group)
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
            if self._subject_of_object(x, m):
                continue  # "Judge X sentenced him": him is not X
            # A relative or a lawyer is the antecedent only once something happened to them.
            if not x.victim_role and not self._has_events(x.entity):
                continue
            return [x.entity]
        return list(self.focus)

    def _subject_of_object(self, x: Mention, m: Mention) -> bool:
        """Whether `x` is the subject of the verb whose object pronoun is `m`
        ("X pardoned him", "X detained her"), so not what the pronoun means."""
        cue = self.lex.extra.get("object_pronoun")
        if not cue or not re.fullmatch(cue, self.low[m.start : m.end]):
            return False
        return (
            re.fullmatch(r"\s+(?:also\s+|later\s+|then\s+)?\w+\s+", self.low[x.end : m.start])
            is not None
        )

    def _unnamed_antecedent(self, m: Mention) -> bool:
        """Whether an unnamed plural ("organizers", "everyone who …", "seven other
        participants") stands before the plural pronoun `m` in its sentence, after
        the last name there, so the pronoun means that crowd."""
        cue = self.lex.extra.get("unnamed_plural")
        if not cue:
            return False
        start = self.sentence_of(m.start).start
        names = [x.end for x in self.people.in_span(start, m.start) if x.kind == "name"]
        span = self.low[max([start, *names]) : m.start]
        return _compiled(cue).search(span) is not None

    def _protest_role(self, m: Mention, hit: Anchor) -> bool:
        """Whether the protest noun `hit` names `m`'s part in it, in apposition:
        "one of the organizers of the march, X" or "X, a participant in the rally"."""
        cue = self.lex.extra.get("protest_role")
        if hit.type is not EventType.PROTEST or not cue:
            return False
        if m.start >= hit.end:
            role, gap = self.low[max(0, hit.start - 50) : hit.start], self.low[hit.end : m.start]
            return gap.strip() in (",", "") and _compiled(rf"(?:{cue})$").search(role) is not None
        between = self.low[m.end : hit.start]
        return _compiled(rf"^\s*,\s*(?:{cue})$").search(between) is not None

    def _in_apposition(self, m: Mention, mentions: list[Mention], hit: Anchor) -> bool:
        """Whether `m` is named inside an apposition or relative clause set off by
        commas after another name, with the trigger past its closing comma."""
        cue = self.lex.extra.get("apposition_open")
        if not cue or hit.start < m.end:
            return False
        if not re.match(r"\s*,", self.low[m.end : hit.start]):
            return False
        head = next((x for x in reversed(mentions) if x.kind == "name" and x.end <= m.start), None)
        if head is None or head.entity == m.entity or m.start - head.end > 80:
            return False
        return _compiled(cue).fullmatch(self.low[head.end : m.start]) is not None

    def _own_relative(self, m: Mention, hit: Anchor) -> bool:
        """Whether `hit` is in a subject relative clause right after `m` ("X, who
        was detained on Monday, said …"): a speaker is the subject of that clause."""
        cue = self.lex.extra.get("own_relative")
        if not cue or not 0 <= hit.start - m.end <= 80:
            return False
        return _compiled(cue).match(self.low[m.end : hit.start]) is not None

    def _complains_of(self, m: Mention, hit: Anchor) -> bool:
        """Whether a speaker tells of their own ill-treatment ("X complained of
        torture", "X told the court about being beaten"): they underwent it."""
        cue = self.lex.extra.get("complains_of")
        if not cue or hit.type is not EventType.ILL_TREATMENT or not 0 <= hit.start - m.end <= 60:
            return False
        return _compiled(cue).fullmatch(self.low[m.end : hit.start]) is not None

    def _institution_argument(self, hit: Anchor) -> bool:
        """ "Abzas Media was charged with …", "fined the Meydan Foundation 5,000
        manats": the event befell an institution, so it is no one's, neither a
        name's later in the clause nor the story's current subject's."""
        head = self.lex.extra.get("institution_head")
        if not head:
            return False
        subject, obj = _institution_frames(head)
        if _PASSIVE_START.match(self.low[hit.start : hit.end]):
            return subject.search(self.text[max(0, hit.start - 60) : hit.start]) is not None
        return obj.match(self.text[hit.end : hit.end + 80]) is not None

    def _unnamed_subject(self, hit: Anchor) -> bool:
        """ "X and those who protested in his defence": the trigger's subject is
        the relative pronoun's unnamed crowd, not the name before it."""
        cue = self.lex.extra.get("unnamed_subject")
        if not cue:
            return False
        before = self.low[max(0, hit.start - 40) : hit.start]
        return _compiled(rf"(?:{cue})$").search(before) is not None

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
        return entity in self.affected

    @staticmethod
    def _closer(pronoun: Mention, group: list[Mention], hit: Anchor) -> bool:
        def dist(s: int, e: int) -> int:
            return min(abs(s - hit.end), abs(hit.start - e))

        return dist(pronoun.start, pronoun.end) < min(dist(g.start, g.end) for g in group) and (
            pronoun.kind not in ("role_noun", "kin")
        )

    def group_heads(self, sentence: Sentence) -> set[str]:
        """The head nouns of the unnamed groups a sentence speaks of ("three
        young activists" → activists)."""
        low = self.low[sentence.start : sentence.end]
        return {m.group().split()[-1] for m in self.lex.group_noun.finditer(low)}

    def mentions_group_noun(self, sentence: Sentence) -> bool:
        return bool(self.lex.group_noun.search(self.low[sentence.start : sentence.end]))

    def _addressee(self, m: Mention) -> bool:
        """ "X told journalist Y that …": Y is spoken to."""
        regex = self.lex.addressee
        return regex is not None and bool(regex.search(self.low[max(0, m.start - 40) : m.start]))

    def sentence_of(self, offset: int) -> Sentence:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return Sentence(offset, offset, "", -1)
