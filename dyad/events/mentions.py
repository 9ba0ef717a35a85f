"""Actor mentions in a document: named people, organisations and states,
groups named by their role ("Israeli soldiers"), and the words that point back
to them ("he", "the two leaders", "the Russian president").

Mentions are found for the whole document in reading order, so that a pronoun
resolves to what came before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dyad.actors.knowledge import INTERGOVERNMENTAL_CODES
from dyad.actors.sectors import sector_for
from dyad.events.knowledge import ActorKnowledge, is_state
from dyad.events.status import READINESS_WORDS
from dyad.records import Actor

PERSON_PRONOUNS = {"he", "him", "his"}
SUBJECT_PERSON_PRONOUNS = {"he", "him"}  # "his" is mostly a determiner ("his counterpart"): named people only
FEMALE_PRONOUNS = {"she", "her", "hers"}
GROUP_PRONOUNS = {"they", "them", "their"}
PAIR_NOUNS = {"leaders", "men", "women", "presidents", "ministers", "sides", "countries", "nations", "states", "governments", "parties"}
OFFICE_PAIR_NOUNS = {"leaders", "presidents", "ministers"}
OFFICE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "PTY", "ELI"}
STATE_PAIR_NOUNS = {"sides", "countries", "nations", "states", "governments"}
TITLE_NOUNS = {"president", "minister", "premier", "chancellor", "king", "leader", "monarch", "emir", "ayatollah"}
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass(frozen=True)
class Mention:
    """Tokens ``start:end`` of the doc naming one actor, or two for a pair
    ("the two leaders", "Israel and Russia" stay separate mentions)."""

    start: int
    end: int
    root: int
    actors: tuple[Actor, ...]
    kind: str  # person, organisation, state, capital, place, group, title, pronoun, pair


@dataclass
class DocumentActors:
    """What the document has said so far about its people and states."""

    knowledge: ActorKnowledge
    year: int | None
    people: dict[str, Actor] = field(default_factory=dict)  # last name -> fullest actor
    recent_people: list[Actor] = field(default_factory=list)
    recent_states: list[Actor] = field(default_factory=list)
    # people named and single office holders ("the foreign minister"): whom "he" points back to
    recent_holders: list[Actor] = field(default_factory=list)
    acronyms: dict[str, Actor] = field(default_factory=dict)
    state_counts: dict[str, int] = field(default_factory=dict)
    state_first: dict[str, int] = field(default_factory=dict)  # country -> order of its first mention

    def remember(self, actor: Actor, kind: str) -> None:
        # every mention counts for its country: a story about Israel and Russia may
        # name their leaders and officials far more often than the states themselves
        if is_state(actor.country):
            self.state_counts[actor.country] = self.state_counts.get(actor.country, 0) + 1
            self.state_first.setdefault(actor.country, len(self.state_first))
        buckets = {"person": [self.recent_people, self.recent_holders], "office": [self.recent_holders],
                   "state": [self.recent_states]}.get(kind, [])
        for bucket in buckets:
            if actor in bucket:
                bucket.remove(actor)
            bucket.append(actor)


def find_mentions(doc: Doc, knowledge: ActorKnowledge, year: int | None) -> list[Mention]:
    _complete_names(doc)
    state = DocumentActors(knowledge, year)
    _learn_people(doc, state)
    _learn_acronyms(doc, state)
    mentions = _dictionary_mentions(doc, state)
    user_spans = {(m.start, m.end) for m in mentions}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for ent in doc.ents:
        if taken & set(range(ent.start, ent.end)):
            continue
        mention = _entity_mention(ent, state)
        if mention:
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))
    for token in doc:
        if token.i in taken:
            continue
        mention = _token_mention(token, state)
        if mention:
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))
    mentions.sort(key=lambda m: m.start)
    mentions = _absorb_titles(doc, _join_split_names(doc, mentions, state), state.knowledge)
    mentions = _owned_by_antecedent(doc, _drop_nested(_drop_titles_of_named(doc, mentions)))
    mentions = _drop_user_names_in_groups(mentions, user_spans) if user_spans else mentions
    mentions = sorted(mentions + _speakers_it(doc, mentions), key=lambda m: m.start)
    return _resolve_references(doc, mentions, state)


_SPEAKING = {"say", "tell", "announce", "state", "declare", "insist", "warn", "add", "confirm", "stress", "signal",
             "indicate", "reply", "assert", "inform", "notify"}
_SPEAKER_KINDS = {"state", "capital", "organisation", "group"}
# Only readiness (READINESS_WORDS): "said it would open an inquiry" resolved so gave a
# first reading with no target where the second reading had both sides (training -3, PLOVER -1).


def _speakers_it(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Beijing said on Thursday it was willing to work with Seoul",
    "Pakistan told the United States it was prepared to revise its policy":
    "it", ready or willing in the clause of what a state or body said, is that
    state or body."""
    by_root = {m.root: m for m in mentions}
    found = []
    for token in doc:
        if token.lower_ != "it" or not (token.dep_.startswith("nsubj") or token.dep_ == "expl"):
            continue
        clause = token.head
        saying = clause.head
        if clause.dep_ not in {"ccomp", "parataxis"} or saying.lemma_.lower() not in _SPEAKING \
                or clause.lower_ not in READINESS_WORDS:
            continue
        speaker = next((by_root[c.i] for c in saying.children if c.dep_ == "nsubj" and c.i in by_root), None)
        if speaker is not None and speaker.kind in _SPEAKER_KINDS and len(speaker.actors) == 1:
            actor = replace(speaker.actors[0], text=token.text)
            found.append(Mention(token.i, token.i + 1, token.i, (actor,), speaker.kind))
    return found


_OWNER_PRONOUNS = {"its", "their"}
_OWNER_KINDS = {"state", "capital", "organisation", "group"}
_OWNER_REACH = 40  # tokens: an antecedent farther back is a guess


def _owned_by_antecedent(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Moscow denied that its troops had shelled ...": an unplaced group owned
    by "its"/"their" belongs to the state of the nearest side named before it,
    not to the place where it acted."""
    owned = []
    for index, mention in enumerate(mentions):
        actor = mention.actors[0] if len(mention.actors) == 1 else None
        if actor and actor.country is None and mention.kind == "group" and any(
                c.dep_ == "nmod:poss" and c.lower_ in _OWNER_PRONOUNS for c in doc[mention.root].children):
            owner = next((a.country for m in reversed(mentions[:index]) if m.kind in _OWNER_KINDS
                          and mention.start - m.end <= _OWNER_REACH for a in m.actors if is_state(a.country)), None)
            if owner:
                mention = replace(mention, actors=(replace(actor, country=owner),))
        owned.append(mention)
    return owned


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """One actor per phrase: of mentions of one kind nested in each other
    ("Russian Chief", "Russian Chief Rabbi", "Russian Chief Rabbi Berel Lazar",
    one per noun the parse chained), only the longest stays. A state inside a
    group ("Nigeria" in "Nigeria's foreign ministry") stays: the document
    remembers it."""
    nested: set[int] = set()
    by_kind: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_kind.setdefault(mention.kind, []).append(mention)
    for same_kind in by_kind.values():
        # In order of start (the longer first on a tie), a mention is nested when an earlier one
        # reaches past its end, or to its end from further left: one pass, however long the text.
        reach = None  # (end, start) of the earlier mention reaching furthest, the leftmost on a tie
        for mention in sorted(same_kind, key=lambda m: (m.start, -m.end)):
            if reach and (reach[0] > mention.end or reach[0] == mention.end and reach[1] < mention.start):
                nested.add(id(mention))
            if reach is None or mention.end > reach[0]:
                reach = (mention.end, mention.start)
    return [m for m in mentions if id(m) not in nested]


def _drop_user_names_in_groups(mentions: list[Mention], user_spans: set[tuple[int, int]]) -> list[Mention]:
    """"The Calenardhon government", "Osgiliath soldiers": a name from the user's
    dictionary inside a group of its own state is that group's, not a second actor."""
    groups = [m for m in mentions if m.kind == "group" and m.actors[0].country]
    return [m for m in mentions if (m.start, m.end) not in user_spans or not any(
        g.start <= m.start and m.end <= g.end and g.end - g.start > m.end - m.start
        and g.actors[0].country == m.actors[0].country for g in groups)]


def _absorb_titles(doc: Doc, mentions: list[Mention], knowledge: ActorKnowledge) -> list[Mention]:
    """"Kenyan President William Ruto", "Russia's Defence Minister X": the
    capitalised titles, demonyms and country names right before a name are
    part of that person's mention, whatever the recogniser and the parse made
    of them (the web-trained parser often hangs the verb's subject on the
    demonym). The whole span takes the role its outermost word plays."""
    absorbed: dict[int, Mention] = {}
    for mention in mentions:
        if mention.kind != "person":
            continue
        start = _title_stretch_start(doc, mention.start, knowledge)
        if start == mention.start:
            continue
        words = [t.text for t in doc[start : mention.start]]
        person = mention.actors[0]
        actor = replace(
            person,
            text=doc[start : mention.end].text,
            country=person.country or knowledge.country_in(words),
            sector=person.sector or knowledge.sector_in(words),
        )
        absorbed[mention.start] = Mention(start, mention.end, _span_root(doc, start, mention.end), (actor,), "person")
    if not absorbed:
        return mentions
    covered = {i for m in absorbed.values() for i in range(m.start, m.end)}
    grown = {id(m) for m in absorbed.values()}
    kept = [absorbed.get(m.start, m) if m.kind == "person" else m for m in mentions]
    return [m for m in kept if id(m) in grown or not covered & set(range(m.start, m.end))]


def _title_stretch_start(doc: Doc, start: int, knowledge: ActorKnowledge) -> int:
    i = start
    while i > 0 and start - i < 6:
        token = doc[i - 1]
        word = _strip_possessive(token.text)
        if token.text in _POSSESSIVE or token.text[:1].isupper() and (
            token.lower_ in _TITLE_WORDS | TITLE_NOUNS | _TITLE_MODIFIERS
            or knowledge.demonym(word) or knowledge.country(word) or knowledge.sector_in([token.text])
        ):
            i -= 1
        else:
            break
    while i < start and (doc[i].text in _POSSESSIVE or doc[i].is_sent_start and doc[i].lower_ in {"the", "a"}):
        i += 1
    return i


_TITLE_MODIFIERS = {"foreign", "defence", "defense", "deputy", "vice", "interior", "finance", "former", "acting", "supreme", "secretary", "state"}


def _span_root(doc: Doc, start: int, end: int) -> int:
    """The first word of the span whose head lies outside it."""
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head == token:
            return token.i
    return end - 1


def _join_split_names(doc: Doc, mentions: list[Mention], state: DocumentActors) -> list[Mention]:
    """"Uri" and "Ariel" side by side are one person the recogniser cut in two."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous and previous.kind == mention.kind == "person" and previous.end == mention.start:
            first, second = previous.actors[0], mention.actors[0]
            name = _joined_name(first.name, second.name)
            known = state.knowledge.person(name, state.year)
            actor = Actor(
                doc[previous.start : mention.end].text,
                known.name if known else name,
                (known.country if known else None) or second.country or first.country,
                (known.sector if known else None) or second.sector or first.sector,
                (known.wikidata if known else None) or second.wikidata,
            )
            joined[-1] = Mention(previous.start, mention.end, mention.root, (actor,), "person")
        else:
            joined.append(mention)
    return joined


def _complete_names(doc: Doc) -> None:
    """A person's name runs on over the proper nouns the parse joins to it
    ("Uri" + "Ariel" where the recogniser stopped early)."""
    spans = []
    for ent in doc.ents:
        label = "PER" if _titled_name(ent) else ent.label_
        end = ent.end
        while label == "PER" and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and (
            label != ent.label_ or doc[end].dep_ in {"flat", "compound"} and doc[end].head.i in range(ent.start, end)
        ):
            end += 1
        spans.append(Span(doc, ent.start, end, label=label) if (end, label) != (ent.end, ent.label_) else ent)
    taken: set[int] = set()
    kept = []
    for span in spans:
        if not taken & set(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    doc.ents = sorted(kept + _titled_names(doc, taken), key=lambda span: span.start)


def _title_before_name(token: Token) -> bool:
    """"King" in "King Hassan" is his title, not Tom King."""
    doc = token.doc
    return token.text in _CAPITALISED_TITLES and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"


def _titled_names(doc: Doc, taken: set[int]) -> list[Span]:
    """"President Bush", "Premier Li" that the recogniser missed: the proper
    nouns right after a capitalised title are a person's name."""
    found = []
    for token in doc[:-1]:
        if token.text not in _CAPITALISED_TITLES or token.i + 1 in taken:
            continue
        end = token.i + 1
        while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].text not in _CAPITALISED_TITLES:
            end += 1
        if end < len(doc) and doc[end].lower_ == "of":
            continue  # "King Hassan of Morocco": the title phrase names him, with his state
        if end > token.i + 1:
            found.append(Span(doc, token.i + 1, end, label="PER"))
            taken.update(range(token.i + 1, end))
    return found


_CAPITALISED_TITLES = {"President", "Premier", "Chancellor", "King", "Queen", "Senator", "Minister", "Emir", "Sheikh", "Gen."}
_TITLE_WORDS = {"president", "prime", "minister", "chancellor", "premier", "king", "queen", "senator", "general", "gen."}


def _titled_name(ent: Span) -> bool:
    """"Prime Minister Naftali" tagged as an organisation is a title and a name."""
    words = [t for t in ent if t.lower_ not in _TITLE_WORDS]
    return ent.label_ != "PER" and ent[0].lower_ in _TITLE_WORDS and bool(words) and all(t.pos_ == "PROPN" for t in words)


def _joined_name(first: str, second: str) -> str:
    """"Naftali" + "Bennett" is "Naftali Bennett"; "Naftali" + "Naftali Bennett" too."""
    if first in second:
        return second
    if second in first:
        return first
    return f"{first} {second}"


def _dictionary_mentions(doc: Doc, state: DocumentActors) -> list[Mention]:
    if not state.knowledge.user:
        return []
    mentions = []
    for start, end, known in state.knowledge.user_names_in(doc.text, state.year):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            actor = Actor(span.text, known.name, known.country, known.sector, known.wikidata)
            mentions.append(Mention(span.start, span.end, span.root.i, (actor,), "organisation"))
    return mentions


def _drop_titles_of_named(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Russia’s President Vladimir Putin" is one actor: the title and the
    country before a name belong to the name's mention, not to mentions of
    their own."""
    people = [m for m in mentions if m.kind == "person"]
    people_starts = {m.start for m in people}
    people_roots = {m.root for m in people}
    kept = []
    for mention in mentions:
        if mention.kind in {"group", "title"} and mention.end in people_starts:
            continue
        if mention.kind in {"state", "capital", "group"} and _modifies(doc[mention.root], people_roots):
            continue
        kept.append(mention)
    return kept


def _modifies(token: Token, roots: set[int]) -> bool:
    for _ in range(3):
        if token.dep_ not in {"nmod:poss", "amod", "compound", "nmod:desc", "flat", "nmod"} or token.head == token:
            return False
        token = token.head
        if token.i in roots:
            return True
    return False


# --- named actors -------------------------------------------------------------

def _learn_people(doc: Doc, state: DocumentActors) -> None:
    """The fullest name of each person, with what the text says of them."""
    for ent in doc.ents:
        if not _name_tokens(ent):
            continue
        name = " ".join(_name_tokens(ent))
        titled = ent.start > 0 and doc[ent.start - 1].text in _CAPITALISED_TITLES  # "President Bush", not the town
        # a place the tagger read as one ("a Lagos suburb") is not the person of that name,
        # unless a title says so ("former president Lagos")
        placed = _located(doc, ent.start) or ent.label_ == "LOC" and not (ent.start > 0 and doc[ent.start - 1].lower_ in _TITLE_WORDS)
        if not titled and _names_a_place(name, state.knowledge, placed) or state.knowledge.sector_in(name.split()):
            continue  # "Moscow" or "Radio Free Europe" tagged as a person are not people
        if ent.label_ != "PER" and not state.knowledge.person(name, state.year):
            continue
        last = name.split()[-1]
        known = state.people.get(last)
        country, sector = _context_attributes(ent, state.knowledge)
        if known is None or len(name) > len(known.name) or (country and not known.country):
            looked_up = state.knowledge.person(name, state.year)
            state.people[last] = Actor(
                text=name,
                name=looked_up.name if looked_up else (name if not known or len(name) >= len(known.name) else known.name),
                country=country or (looked_up.country if looked_up else None) or (known.country if known else None),
                sector=sector or (looked_up.sector if looked_up else None) or (known.sector if known else None),
                wikidata=looked_up.wikidata if looked_up else None,
            )


def _names_a_place(name: str, knowledge: ActorKnowledge, located: bool = False) -> bool:
    """Countries, capitals and organisations are never people; another place
    name is not one unless the tables know a person by it ("Obama" is also a
    Japanese city, "Crimea" is only a peninsula) and no "in" puts it on the
    map ("police in Lagos" are not Ricardo Lagos's)."""
    if knowledge.country(name) or knowledge.capital(name) or knowledge.demonym(name) or knowledge.organisation(name):
        return True
    return knowledge.place(name) is not None and (located or knowledge.person(name, None) is None)


_LOCATING_WORDS = {"in", "at", "near", "outside", "inside", "around"}


def _located(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in _LOCATING_WORDS


def _learn_acronyms(doc: Doc, state: DocumentActors) -> None:
    """An organisation's initials, and the acronym the text gives it in
    brackets ("Reporters Without Borders (RSF)"), name it in this document."""
    for ent in doc.ents:
        words = [t.text for t in ent if t.text[:1].isupper()]
        if ent.label_ == "ORG" and len(words) >= 2:
            actor = _organisation_actor(ent, state)
            state.acronyms["".join(w[0] for w in words)] = actor
            bracketed = doc[ent.end : ent.end + 3]
            if len(bracketed) == 3 and bracketed[0].text == "(" and bracketed[2].text == ")" and bracketed[1].text.isupper():
                state.acronyms[bracketed[1].text] = actor


def _name_tokens(ent: Span) -> list[str]:
    words = [t.text for t in ent if not t.is_punct and t.text not in _POSSESSIVE]
    while words and words[0].lower() in TITLE_NOUNS | {"prime", "mr", "mr.", "mrs", "mrs.", "dr", "dr.", "ms", "ms.", "foreign", "defense", "defence"}:
        words = words[1:]
    return words


def _context_attributes(span: Span, knowledge: ActorKnowledge) -> tuple[str | None, str | None]:
    """Country and sector from the words around a name: "Russia’s President
    Vladimir Putin", "Israeli Prime Minister X", "X, the Russian president"."""
    doc = span.doc
    left = []
    i = span.start - 1
    while i >= 0 and len(left) < 6 and (doc[i].pos_ in {"PROPN", "ADJ", "NOUN", "PART", "DET"} or doc[i].text in _POSSESSIVE) and doc[i].text not in {",", "and"}:
        left.insert(0, doc[i])
        i -= 1
    right = []
    if span.end < len(doc) and doc[span.end].text == ",":
        j = span.end + 1
        while j < len(doc) and len(right) < 8 and doc[j].text not in {",", ".", ";"} and doc[j].pos_ != "VERB":
            right.append(doc[j])
            j += 1
    words = [t.text for t in left + list(span) + right]
    return knowledge.country_in(words), knowledge.sector_in(words)


def _entity_mention(ent: Span, state: DocumentActors) -> Mention | None:
    knowledge = state.knowledge
    text = _strip_possessive(ent.text)
    words = _name_tokens(ent)
    person = state.people.get(words[-1]) if words else None
    if person is not None and (ent.label_ == "PER" or not knowledge.country(text)):
        actor = Actor(_mention_text(ent), person.name, person.country, person.sector, person.wikidata)
        return Mention(ent.start, ent.end, ent.root.i, (actor,), "person")
    if ent.label_ == "PER":
        return None
    following = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    if len(ent) == 1 and (ent.root.dep_ in {"amod", "compound"} or following in _COORDINATORS) \
            and knowledge.demonym(text) and not knowledge.country(text):
        return None  # "Cambodian" in "Cambodian and Thai officers": a modifier, read with its noun
    wider = _organisation_named_wider(ent, knowledge)
    if wider is not None:
        return Mention(wider.start, wider.end, ent.root.i, (_organisation_actor(wider, state),), "organisation")
    country = knowledge.country(text)
    if country:
        actor = Actor(text, knowledge.country_name(country), country, None, None)
        return Mention(ent.start, ent.end, ent.root.i, (actor,), "state")
    capital = knowledge.capital(text)
    if capital and ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN" \
            and not knowledge.sector_in([ent.root.head.text]) \
            and any(c.dep_ == "det" and c.i < ent.start for c in ent.root.head.children):
        # "the Delhi offices of a British broadcaster": the city where a thing stands, not its
        # government (without the article, "Cairo expels", "Abu Dhabi fund", it is the government)
        return Mention(ent.start, ent.end, ent.root.i, (Actor(text, text, capital, None, None),), "place")
    if capital:
        actor = Actor(text, knowledge.country_name(capital), capital, "GOV", None)
        return Mention(ent.start, ent.end, ent.root.i, (actor,), "capital")
    if not knowledge.organisation(text) and (landmark := knowledge.landmark(_strip_article(text))) is not None \
            and landmark.country:
        # "the West Bank", tagged an organisation: a place, not a bank
        return Mention(ent.start, ent.end, ent.root.i, (Actor(text, text, landmark.country, None, None),), "place")
    if _named_as_settlement(ent) and not knowledge.organisation(text):
        place = knowledge.place(text)  # "the Kurdish town of Halabja", tagged an organisation
        if place is not None:
            return Mention(ent.start, ent.end, ent.root.i, (Actor(text, text, place.country, None, None),), "place")
    if ent.label_ == "ORG" or knowledge.organisation(text):
        return Mention(ent.start, ent.end, ent.root.i, (_organisation_actor(ent, state),), "organisation")
    role = knowledge.sector_in([t.text for t in ent])
    if role:
        # "US President" tagged as a place: a title, resolved like one
        words = [t.text for t in ent]
        actor = Actor(text, "", knowledge.country_in(words), role, None)
        return Mention(ent.start, ent.end, ent.root.i, (actor,), "title")
    if ent.label_ == "LOC":
        country = knowledge.place_country(text) or _state_owning_place(ent, knowledge)
        return Mention(ent.start, ent.end, ent.root.i, (Actor(text, text, country, None, None),), "place")
    return None


SETTLEMENT_NOUNS = {"town", "city", "village", "province", "region", "district", "port", "enclave", "state",
                    "county", "governorate", "settlement", "camp"}


def _named_as_settlement(ent: Span) -> bool:
    """"the town of Halabja", "the enclave of Gorazde": a name after a kind of place and "of"."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lemma_.lower() in SETTLEMENT_NOUNS


def _organisation_named_wider(ent: Span, knowledge: ActorKnowledge) -> Span | None:
    """"the Pakistani Taliban", "the Rome Statute": a body whose name takes in a
    capitalised word the tagger left outside the entity, when the tables know
    the wider name."""
    doc, head = ent.doc, ent.root.head
    # "Peace and Security Council" of which the entity is only "Security Council"
    candidates = [longest] if (longest := _longest_organisation_name(ent, knowledge)) is not None else []
    if ent.start > 0 and doc[ent.start - 1].text[:1].isupper():
        candidates.append(doc[ent.start - 1 : ent.end])
    if ent.root.dep_ == "compound" and head.i == ent.end and head.text[:1].isupper():
        candidates.append(doc[ent.start : head.i + 1])  # "the Rome Statute": not the city, the court's treaty
    return next((wider for wider in candidates if knowledge.organisation(_strip_possessive(wider.text))), None)


def _state_owning_place(ent: Span, knowledge: ActorKnowledge) -> str | None:
    """"eastern Congo's Ituri province", "Iraq's Kurdistan region": a place the
    gazetteer lacks is in the state its phrase names before it."""
    noun = ent.root.head if ent.root.dep_ in {"compound", "flat", "amod"} else ent.root
    before = [t for t in noun.subtree if t.i < ent.start and t.dep_ in {"nmod:poss", "amod", "compound", "case"}]
    return knowledge.country_in([t.text for t in before]) if before else None


def _placing_words_before(ent: Span, knowledge: ActorKnowledge) -> list[str]:
    """"the Czech Senate", "Sri Lanka's Human Rights Commission" with only the body
    tagged: the demonym or possessive state right before it places the body."""
    doc = ent.doc
    if _name_before(doc, ent.start, False, knowledge) < ent.start:
        return [doc[ent.start - 1].text]  # the demonym right before
    if ent.start > 1 and doc[ent.start - 1].text in _POSSESSIVE:
        first = ent.start - 2
        while first > 0 and doc[first - 1].text[:1].isupper() and doc[first - 1].is_alpha and ent.start - 2 - first < 3:
            first -= 1
        name = doc[first : ent.start - 1].text
        return [name] if knowledge.country(name) else []
    return []


def _organisation_actor(ent: Span, state: DocumentActors) -> Actor:
    knowledge = state.knowledge
    text = _strip_possessive(ent.text)
    known = state.acronyms.get(text) or knowledge.organisation(text)  # the document's own naming first
    if known:
        return Actor(text, known.name, known.country, known.sector, known.wikidata)
    words = [t.text for t in ent]
    placed_by = _placing_words_before(ent, knowledge)
    country = knowledge.country_in(placed_by + words) or regional_body(words)
    return Actor(text, _strip_article(text), country, knowledge.sector_in(words), None)


# Words that make a body or an office one of several states: "the Caribbean
# Development Bank", "an international arbitration tribunal", "Gulf foreign ministers"
# ("regional" is left out: a regional governor or parliament is a state's own).
REGIONAL_WORDS = {
    "european", "african", "asian", "caribbean", "gulf", "nordic", "pacific", "baltic", "balkan", "andean",
    "international", "multilateral", "inter-american", "pan-american", "transatlantic",
}
# Only of institutions: "African migrants" or "international students" are people of no one state.
REGIONAL_SECTORS = {None, "GOV", "MIL", "JUD", "LEG", "BUS"}


def regional_body(words: list[str], sector: str | None = None) -> str | None:
    """IGO for a body or office that no one state holds, told by its name."""
    return "IGO" if sector in REGIONAL_SECTORS and any(w.lower() in REGIONAL_WORDS for w in words) else None


def _hyphen_joined(token: Token) -> bool:
    """"Sharif" of "Mazar-i-Sharif": the end of a hyphenated name, not a surname."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.text == "-" and not before.whitespace_


# --- unnamed actors -------------------------------------------------------------

# Peoples that no one state is named for: a side, placed where they act ("Kurds marched
# in Diyarbakir" are Turkey's), as "ethnic Albanians" are.
PEOPLES_WITHOUT_A_STATE = {"Kurds", "Rohingya", "Rohingyas", "Baloch", "Balochs", "Tuareg", "Tuaregs", "Amazigh",
                           "Berbers", "Roma", "Yazidis", "Druze", "Bedouin", "Bedouins", "Sahrawis", "Pashtuns",
                           "Hazaras", "Tamils", "Uyghurs", "Tibetans", "Oromos", "Amharas", "Tigrayans", "Fulani"}


def _token_mention(token: Token, state: DocumentActors) -> Mention | None:
    knowledge = state.knowledge
    lower = token.lower_
    if token.pos_ == "PROPN" and token.text not in state.people and token.text[:1].isupper() and not _month(token) \
            and not _title_before_name(token) and not _hyphen_joined(token):
        known = knowledge.person(_strip_possessive(token.text), state.year)
        if known and not _names_a_place(token.text, knowledge, _located(token.doc, token.i)):
            state.people[token.text] = Actor(known.name, known.name, known.country, known.sector, known.wikidata)
    if token.pos_ == "PROPN" and token.text in state.people:
        person = state.people[token.text]
        start = token.i
        while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].text[:1].isupper() and not knowledge.sector_in([token.doc[start - 1].text]):
            start -= 1
        actor = Actor(token.doc[start : token.i + 1].text, person.name, person.country, person.sector, person.wikidata)
        return Mention(start, token.i + 1, token.i, (actor,), "person")
    if token.pos_ == "PRON" and lower in PERSON_PRONOUNS | GROUP_PRONOUNS | FEMALE_PRONOUNS:
        return Mention(token.i, token.i + 1, token.i, (), "pronoun")
    if token.pos_ == "NOUN" and lower in PAIR_NOUNS and _counts_two(token) \
            and not knowledge.country_in([c.text for c in token.lefts]):  # "two Colombian ministers": a group of one state
        start = min([c.i for c in token.lefts] + [token.i])
        return Mention(start, token.i + 1, token.i, (), "pair")
    if token.pos_ in {"NOUN", "PROPN"}:
        group = _group_mention(token, state)
        if group:
            return group
    if token.tag_ in {"NNS", "NNPS"} and token.text[:1].isupper() and not knowledge.country(token.text):
        people = knowledge.demonym(token.text)
        if people or token.text in PEOPLES_WITHOUT_A_STATE:
            # "thousands of Serbs": the people of a state; "Kurds marched": placed where they are
            ethnic = token.i > 0 and token.doc[token.i - 1].lower_ == "ethnic"
            span = token.doc[token.i - 1 if ethnic else token.i : token.i + 1]
            # "ethnic Hungarians" in Slovakia: placed where they are
            actor = Actor(span.text, span.text, None if ethnic else people, "CVL", None)
            return Mention(span.start, span.end, token.i, (actor,), "group")
    if token.pos_ == "PROPN" and knowledge.capital(_strip_possessive(token.text)) and token.dep_ != "compound":
        country = knowledge.capital(_strip_possessive(token.text))
        actor = Actor(token.text, knowledge.country_name(country), country, "GOV", None)
        return Mention(token.i, token.i + 1, token.i, (actor,), "capital")
    # "UAE/NN deposits $2 billion": a state's initials the tagger took for a common noun
    if token.pos_ in {"PROPN", "ADJ"} and token.text[:1].isupper() or token.pos_ == "NOUN" and token.text.isupper():
        country = knowledge.country(_strip_possessive(token.text)) or knowledge.demonym(token.text)
        if country and token.dep_ not in {"amod", "compound"} and not _demonym_joined_on(token, knowledge):
            return Mention(token.i, token.i + 1, token.i, (Actor(token.text, knowledge.country_name(country), country, None, None),), "state")
        head = token.head.head if token.head.dep_ == "compound" else token.head  # "Israeli air strike"
        if country and (token.head.pos_ in {"NOUN", "PROPN"} and head.lower_ in _RELATIONAL_HEADS or authored(head)):
            # "Israeli-Russian relations", "Russian people", "an Australian ultimatum": the state itself
            return Mention(token.i, token.i + 1, token.i, (Actor(token.text, knowledge.country_name(country), country, None, None),), "state")
    return None


_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"}
_DATE_WORDS = {"in", "on", "since", "by", "until", "till", "last", "next", "early", "late", "mid", "of", "from", "this"}


def _month(token: Token) -> bool:
    """"in May", "May 5": a month, not Theresa May."""
    if token.lower_ not in _MONTH_NAMES:
        return False
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return before in _DATE_WORDS or (after is not None and after.like_num)


_RELATIONAL_HEADS = {"relations", "ties", "talks", "people", "coordination", "cooperation", "dialogue", "agreement", "deal", "airstrike", "airstrikes", "strike", "strikes"}


# Things someone puts forward: whoever put it forward is the one a refusal,
# a welcome or an acceptance of it is aimed at ("rejected an Indian proposal").
AUTHORED_NOUNS = {
    "proposal", "offer", "plan", "ultimatum", "demand", "request", "call", "appeal", "invitation", "initiative",
    "bid", "statement", "warning", "decision", "policy", "suggestion", "overture", "accusation", "claim",
}


def authored(token: Token) -> bool:
    """A thing put forward, by its word: the tagger sometimes calls "ultimatum" an adverb."""
    return token.pos_ not in {"VERB", "AUX"} and (token.lower_ in AUTHORED_NOUNS or token.lemma_.lower() in AUTHORED_NOUNS)


def _group_mention(token: Token, state: DocumentActors) -> Mention | None:
    """A noun phrase naming a group by its role: "Israeli soldiers", "the
    Russian embassy in Tel Aviv", "Syrian forces", "the Russian president"."""
    knowledge = state.knowledge
    phrase = token.doc[min([c.i for c in token.lefts if c.dep_ in {"compound", "amod", "flat"}] + [token.i]) : token.i + 1]
    named = knowledge.country(_strip_article(phrase.text).split("-")[-1] if "-" in phrase.text else _strip_article(phrase.text))
    if named and len(phrase) > 1:
        # "the then-Soviet Union", "the United States": a state, not a group
        return Mention(phrase.start, phrase.end, token.i, (Actor(phrase.text, knowledge.country_name(named), named, None, None),), "state")
    if token.pos_ == "PROPN" and len(phrase) > 1 and not knowledge.organisation(_strip_article(phrase.text)):
        place = knowledge.place(_strip_article(phrase.text))  # "the West Bank" the tagger missed: a place, not a bank
        if place is not None and place.country:
            return Mention(phrase.start, phrase.end, token.i, (Actor(phrase.text, phrase.text, place.country, None, None),), "place")
    phrase = _longest_organisation_name(phrase, knowledge) or phrase
    known = state.acronyms.get(phrase.text) or knowledge.organisation(_strip_article(phrase.text))
    if known and phrase.text[:1].isupper() or known and len(phrase) > 1:
        actor = Actor(phrase.text, known.name, known.country, known.sector, known.wikidata)
        return Mention(phrase.start, phrase.end, token.i, (actor,), "organisation")
    if token.lemma_.lower() == "capital":
        country = knowledge.country_in([t.text for t in token.lefts])
        if country:
            # "the Russian capital": the seat of that state's government
            start = min(t.i for t in token.lefts)
            actor = Actor(token.doc[start : token.i + 1].text, knowledge.country_name(country), country, "GOV", None)
            return Mention(start, token.i + 1, token.i, (actor,), "capital")
    compounds = [c.text for c in token.lefts if c.dep_ == "compound"]
    # "prosecutor general" is a title of its own, not a general
    if compounds and _place_named_before(token, knowledge):
        compounds = []  # "the West Bank town": a place before the noun names no role
    titled = sector_for(f"{compounds[-1]} {token.text}".lower()) if compounds else None
    sector = titled or knowledge.sector_in([token.text]) or _crowd_sector(token) or (
        # "coast guard", "border police"; "a cabinet row" names no role
        knowledge.sector_in(compounds + [token.text]) if compounds and token.lower_ not in _THING_NOUNS else None
    ) or _sector_named_with_adjective(token, knowledge)
    if sector is None and not _people_like(token):
        return _state_asset(token, knowledge)
    modifiers = _modifiers(token, {"amod", "compound", "nmod:poss", "det", "nummod"})
    start = min([t.i for m in modifiers for t in m.subtree] + [token.i])
    words = [t.text for m in modifiers for t in m.subtree] + [token.text]
    country = knowledge.country_in(words)
    named_before = _name_before(token.doc, start, bool(modifiers), knowledge)
    if named_before < start:
        with_name = knowledge.country_in([t.text for t in token.doc[named_before:start]] + words)
        if with_name != country:
            start, country = named_before, with_name
    body = _body_in(modifiers, knowledge)
    if country is None and not body:
        start, country = _body_named_before(token.doc, start, knowledge) or (start, None)
    country = country or body or regional_body(words, sector) or _located_in(token, knowledge)
    if country is None and token.lower_ in TITLE_NOUNS:
        country = _located_in(token, knowledge, of_whom=True)  # "the president of Senegal", "the head of an IMF mission"
    text = token.doc[start : token.i + 1].text
    if token.lower_ in TITLE_NOUNS or (token.lower_ == "minister" or token.head.lower_ in TITLE_NOUNS):
        if token.dep_ in {"nmod:poss", "compound", "amod"} or token.head != token and token.dep_ != "conj" \
                and token.head.lower_ in TITLE_NOUNS:
            return None  # "the Prime Minister's Office": the title names an office, not a person
        if any(c.lower_ == "the" for c in token.lefts):
            # "the Russian president": the person named before with that role, found in reading order
            return Mention(start, token.i + 1, token.i, (Actor(text, "", country, sector, None),), "title")
    if country is None and sector is not None and _of_many_states(token):
        country = "IGO"  # "environment ministers from nearly 200 countries": no one state's
    if sector is None and country is None:
        return None  # "workers", "bombers": someone, but nobody we can place
    name = _strip_article(text)
    if country is None and sector is not None:
        states = _states_after_of(token, state)
        if states:
            # "the ambassadors of Arnor, Osgiliath and Gondor": one envoy group per state
            actors = tuple(Actor(text, f"{name} of {named}", country, sector, None) for country, named in states)
            return Mention(start, token.i + 1, token.i, actors, "group")
    if country is None and sector is not None:
        country = _located_in(token, knowledge, of_whom=True)  # "a delegation of Ugandan politicians"
    if country is None and not modifiers and not (token.tag_ in {"NNS", "NNPS"} and _unplaced_side(token, knowledge)):
        return None  # a bare "forces", "representatives": too vague to be anyone (but "dockworkers" are a side)
    states = _coordinated_demonyms(token, start, knowledge)
    if len(states) >= 2:
        # "Turkish and Iraqi security chiefs", "Israeli and Hamas negotiators": one group per side
        rest = token.doc[states[-1][0].end : token.i + 1].text
        actors = tuple(Actor(text, f"{word.text} {rest}", code, side_sector or sector, None)
                       for word, code, side_sector in states)
        start = min(start, states[0][0].start)
        return Mention(start, token.i + 1, token.i, actors, "group")
    return Mention(start, token.i + 1, token.i, (Actor(text, name, country, sector, None),), "group")


_COORDINATORS = {"and", "or", ",", "&"}


_MANY_STATES = {"country", "nation", "state", "government"}


def _of_many_states(token: Token) -> bool:
    """A role "of 40 countries", "from nearly 200 nations", "of the Gulf states"."""
    return any(c.dep_ == "nmod" and case_of(c) in {"of", "from"} and c.lemma_.lower() in _MANY_STATES
               and c.tag_ == "NNS" for c in token.children)


def _demonym_joined_on(token: Token, knowledge: ActorKnowledge) -> bool:
    """"Cambodian" in "Cambodian and Thai officers": the first of a list of
    demonyms, read with the noun that ends the list."""
    doc = token.doc
    return bool(knowledge.demonym(token.text)) and token.i + 2 < len(doc) and doc[token.i + 1].lower_ in _COORDINATORS \
        and bool(knowledge.demonym(doc[token.i + 2].text))


# Sectors of the people as such and of irregular armed men, not of offices: unplaced
# "students", "dockworkers" or "militants" are still a side, placed later where the event is.
PEOPLE_SECTORS = {"CVL", "LAB", "AGR", "EDU", "REF", "MED", "BUS", "REB", "UAF", "CRM"}


# Uniformed plurals are a side too ("soldiers fired on protesters"), placed like the
# people; "forces" alone is anyone's.
UNIFORMED_SECTORS = {"MIL", "COP"}


# "Thousands marched in Tbilisi": a crowd counted, not named, is the people where it gathers;
# "thousands of soldiers" are the soldiers.
CROWD_COUNTS = {"thousands", "hundreds", "dozens", "scores"}


def _crowd_sector(token: Token) -> str | None:
    counted = token.lower_ in CROWD_COUNTS and token.tag_ == "NNS"
    return "CVL" if counted and not any(c.dep_ == "nmod" and case_of(c) == "of" for c in token.children) else None


def _unplaced_side(token: Token, knowledge: ActorKnowledge) -> bool:
    sector = knowledge.sector_in([token.text]) or _crowd_sector(token)
    return sector in PEOPLE_SECTORS or sector in UNIFORMED_SECTORS and token.lower_ not in {"forces", "force"} \
        or token.lower_ == "authorities"


def _body_in(modifiers: list[Token], knowledge: ActorKnowledge) -> str | None:
    """"ASEAN foreign ministers", "EU finance ministers": the code of the
    international body named before a role (IGO, EUR, UNO), else None."""
    for modifier in modifiers:
        words = list(modifier.subtree)
        # "African Union health ministers": the body's name hung on the next modifier
        for name in (words, [t for t in words if t.i < modifier.i]):
            code = _intergovernmental_code(" ".join(t.text for t in name), knowledge) if name else None
            if code:
                return code
    if len(modifiers) < 2:
        return None
    # "Pacific Islands Forum leaders": the name spread over several modifiers;
    # "European Union finance ministers", "a European Parliament delegation": over some of their words
    together = sorted((t for m in modifiers for t in m.subtree if t.dep_ != "det"), key=lambda t: t.i)
    for length in range(len(together), 1, -1):
        for first in range(len(together) - length + 1):
            code = _intergovernmental_code(" ".join(t.text for t in together[first : first + length]), knowledge)
            if code:
                return code
    return None


def _body_named_before(doc: Doc, start: int, knowledge: ActorKnowledge) -> tuple[int, str] | None:
    """"ASEAN foreign ministers" with the body's name hung elsewhere by the parse:
    (where the phrase starts, the body's code) when capitalised words right
    before it name a body of states."""
    for first in range(max(0, start - 3), start):
        words = doc[first:start]
        if all(t.text[:1].isupper() for t in words):
            code = _intergovernmental_code(words.text, knowledge)
            if code:
                return first, code
    return None


def _intergovernmental_code(name: str, knowledge: ActorKnowledge) -> str | None:
    known = knowledge.organisation(name)
    return known.country if known and known.country in INTERGOVERNMENTAL_CODES else None


_NAME_JOINERS = {"and", "of", "for", "&"}


def _longest_organisation_name(phrase: Span, knowledge: ActorKnowledge) -> Span | None:
    """"Peace and Security Council": a body's name that runs past the noun's own
    modifiers, to the left over capitalised words and "and"/"of"; the longest known."""
    doc, start = phrase.doc, phrase.start
    while start > 0 and phrase.start - start < 4 and (doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in _NAME_JOINERS):
        start -= 1
    for first in range(start, phrase.start):
        if doc[first].text[:1].isupper() and knowledge.organisation(doc[first : phrase.end].text):
            return doc[first : phrase.end]
    return None


def _name_before(doc: Doc, first: int, modified: bool, knowledge: ActorKnowledge) -> int:
    """Where a noun phrase starting at ``first`` really starts, with the
    capitalised words right before it that the parse hung elsewhere:
    "Papua" of "Papua New Guinea's government" (without it "Guinea" is
    another state), "Zimbabwean" of "Zimbabwean soldiers" read as the root."""
    if not modified:
        before = doc[first - 1] if first > 0 else None
        return first - 1 if before is not None and before.text[:1].isupper() and knowledge.demonym(before.text) else first
    if not doc[first].text[:1].isupper():
        before = doc[first - 1] if first > 0 else None
        # "Argentine public employees" with the demonym read as a subject of its own
        return first - 1 if before is not None and before.text[:1].isupper() and before.i == before.sent.start \
            and knowledge.demonym(before.text) and not knowledge.country(before.text) else first
    start = first
    while start > 0 and first - start < 3 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper():
        start -= 1
    return start


_LOCATING = {"in", "at", "near"}


def case_of(token: Token) -> str | None:
    """The preposition a noun phrase is hung by ("of" in "the head of a mission")."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), None)


RESIDENT_NOUNS = {"resident", "inhabitant", "villager", "townspeople", "townsfolk", "population", "citizen"}


def _located_in(token: Token, knowledge: ActorKnowledge, of_whom: bool = False) -> str | None:
    """"the children's hospital in Kherson", "the transitional authorities in
    Damascus": the country of the place named right after a role or building;
    "a delegation of Ugandan politicians", "defence chiefs from NATO's eastern
    states": the state or body of the people it is of or from."""
    for child in token.rights:
        case = case_of(child)
        if case == "of" and token.lemma_.lower() in RESIDENT_NOUNS:
            case = "in"  # "residents of Nablus" live in Nablus
        if child.dep_ != "nmod" or case not in _LOCATING | ({"of", "from"} if of_whom else set()):
            continue
        words = [t.text for t in child.subtree if t.dep_ not in {"case", "det", "punct"}]
        if case in {"of", "from"}:
            # "representatives of the government and the rebels": several sides, each its own
            if any(t.dep_ == "conj" for t in child.subtree):
                return None
            named = [t for t in child.subtree if not (t.i < child.i and t.dep_ in {"case", "det"})]
            body = knowledge.organisation(" ".join(t.text for t in named))  # "of the Organization of American States"
            doc, end = token.doc, named[-1].i + 1
            for wider in range(end + 1, min(end + 3, len(doc)) + 1):  # the name's last word hung elsewhere
                body = body or knowledge.organisation(doc[named[0].i : wider].text)
            if body is not None:
                return body.country
            # "the head of an IMF mission": a body of states named before the noun it is of
            return _body_in([c for c in child.children if c.dep_ in {"compound", "amod", "nmod:poss"}], knowledge) \
                or knowledge.country_in(words)
        name = " ".join(words)
        # "in Italy's Calabria" by its state; never a single word of a longer name
        # ("University" of "Dhaka University" is a town in the United States)
        return knowledge.country_in(words) or knowledge.capital(name) or knowledge.place_country(name)
    return None


def _coordinated_demonyms(token: Token, start: int, knowledge: ActorKnowledge) -> list[tuple[Span, str, str | None]]:
    """Demonyms joined by "and" or commas before a role noun ("Turkish and
    Iraqi security chiefs", "South African and Mozambican police"), read off
    the words since the parse attaches them in many ways; [] unless two or
    more sides. A known organisation among them is a side of its own, with its
    sector ("Israeli and Hamas negotiators")."""
    doc = token.doc
    states = _sides_in(doc[start : token.i], knowledge)
    first = states[0][0].start if states else start
    while first >= 2 and doc[first - 1].lower_ in _COORDINATORS:
        before = _sides_in(doc[max(0, first - 3) : first - 1], knowledge)
        if not before or before[-1][0].end != first - 1:
            break
        states.insert(0, before[-1])
        first = before[-1][0].start
    between = doc[states[0][0].start : states[-1][0].start] if states else []
    if len({(code, sector) for _, code, sector in states}) < 2 or not any(t.lower_ in _COORDINATORS for t in between):
        return []
    if not any(sector is None for _, _, sector in states):
        return []  # "Hamas and Hezbollah fighters": the parse's own conjuncts already name them
    return states


def _sides_in(words: Span, knowledge: ActorKnowledge) -> list[tuple[Span, str, str | None]]:
    """The sides a run of words names, each as (its words, code, sector); a
    two-word demonym ("South African", "Sri Lankan") is one side."""
    doc, sides, i = words.doc, [], words.start
    while i < words.end:
        pair = doc[i : i + 2]
        code = knowledge.demonym(pair.text) if i + 1 < words.end and all(t.text[:1].isupper() for t in pair) else None
        if code:
            sides.append((pair, code, None))
            i += 2
            continue
        side = _side_word(doc[i], knowledge)
        if side:
            sides.append((doc[i : i + 1], side[1], side[2]))
        i += 1
    return sides


def _side_word(token: Token, knowledge: ActorKnowledge) -> tuple[Token, str, str | None] | None:
    if not token.text[:1].isupper():
        return None
    code = knowledge.demonym(token.text)
    if code:
        return token, code, None
    known = knowledge.organisation(token.text)
    if known and known.country and known.country not in INTERGOVERNMENTAL_CODES:
        return token, known.country, known.sector
    return None


MILITARY_ASSETS = {
    "jet", "plane", "aircraft", "warplane", "fighter", "bomber", "helicopter", "drone", "warship", "frigate",
    "destroyer", "submarine", "vessel", "convoy", "base", "outpost", "position", "tank", "missile", "battery",
    "artillery", "gunboat", "personnel", "navy", "warplanes", "f-16s",
}
MILITARY_WORDS = {"naval", "military", "army", "air", "armed", "defence", "defense", "marine"}
CIVIL_ASSETS = {
    "embassy", "consulate", "tanker", "ship", "airliner", "satellite", "pipeline", "mission", "debt",
    # places of a state named by its adjective: "quake-struck Turkish provinces", "Syrian territory"
    "province", "region", "territory", "town", "village", "city", "coast", "border", "port", "island",
}


FRONTIER_NOUNS = {"border", "frontier", "boundary"}


def _place_named_before(token: Token, knowledge: ActorKnowledge) -> bool:
    """"the West Bank town": the words compounded before a noun name a place."""
    words = [t.text for c in token.lefts if c.dep_ == "compound" for t in c.subtree]
    return bool(words) and knowledge.place(" ".join(words)) is not None


def _state_asset(token: Token, knowledge: ActorKnowledge) -> Mention | None:
    """"shot down a Syrian jet", "stormed the Danish embassy": what a state
    owns stands for the state when it is acted on (its forces for military
    hardware, its government for a mission abroad)."""
    lemma = token.lemma_.lower()
    # any noun a state's adjective marks, as a verb's or a noun's argument, acts or is acted on
    # for that state: "Azerbaijani artillery hits ...", "a ban on imports of Moldovan fruit"
    arguing = token.dep_ in {"nsubj", "nsubj:pass", "obj", "obl:agent", "nmod", "obl"}
    if lemma not in MILITARY_ASSETS | CIVIL_ASSETS and not arguing:
        return None
    modifiers = _modifiers(token, {"amod", "compound", "nmod:poss"})
    country = knowledge.country_in([t.text for m in modifiers for t in m.subtree])
    if country is None:
        return None
    if lemma in FRONTIER_NOUNS:
        # "Afghanistan's border with Tajikistan": a border is where a state meets the other one
        country = next((other for c in token.children if c.dep_ == "nmod" and case_of(c) == "with"
                        and (other := knowledge.country(c.text)) and other != country), country)
    start = min(t.i for m in modifiers for t in m.subtree)
    military = lemma in MILITARY_ASSETS or any(t.lower_ in MILITARY_WORDS for m in modifiers for t in m.subtree)
    sector = "MIL" if military else "GOV" if lemma in {"embassy", "consulate", "mission"} else None
    actor = Actor(token.doc[start : token.i + 1].text, knowledge.country_name(country), country, sector, None)
    return Mention(start, token.i + 1, token.i, (actor,), "group")


def _sector_named_with_adjective(token: Token, knowledge: ActorKnowledge) -> str | None:
    """"electoral commission", "upper house": a body named by adjective and noun
    together, though neither word alone is one ("military aid" is no body)."""
    adjectives = [c.text for c in token.lefts if c.dep_ == "amod" and c.text.islower()]
    if not adjectives or knowledge.sector_in(adjectives):
        return None
    return knowledge.sector_in(adjectives + [token.text])


def _modifiers(token: Token, deps: set[str]) -> list[Token]:
    """The words before a noun that describe it, up to a verb the parse took
    for one of them ("The coast guard blamed Chinese vessels" read as one
    noun phrase: the vessels' description starts after "blamed")."""
    modifiers = [c for c in token.lefts if c.dep_ in deps]
    verbs = [t.i for m in modifiers for t in m.subtree
             if t.pos_ == "VERB" and t.tag_ in {"VBD", "VBN"} and not _owning_participle(t) and not _adjectival(t)]
    return [m for m in modifiers if not verbs or m.left_edge.i > max(verbs)]


# Participles that describe a person or body before its noun ("Mozambique's newly elected leader").
ADJECTIVAL_PARTICIPLES = {"elected", "appointed", "designated", "ousted", "exiled", "jailed", "detained", "deposed",
                          "retired", "embattled", "beleaguered", "reelected", "re-elected", "indicted", "sanctioned"}


def _adjectival(token: Token) -> bool:
    return token.lower_ in ADJECTIVAL_PARTICIPLES or any(c.dep_ == "advmod" for c in token.children)


_OWNING_PARTICIPLES = {"owned", "flagged", "registered", "operated", "backed", "led", "made", "built", "run"}


def _owning_participle(token: Token) -> bool:
    """"owned" in "a Greek-owned tanker": half of a hyphenated adjective, not a verb."""
    return token.i > 0 and token.doc[token.i - 1].text == "-" and token.lower_ in _OWNING_PARTICIPLES


def _states_after_of(token: Token, state: DocumentActors) -> list[tuple[str, str]]:
    """The states, as (code, name), in an "of" or "from" phrase after a role
    noun, with those coordinated with the first ("ambassadors of France and
    Italy", "soldiers from Ghana and Togo")."""
    for child in token.children:
        if child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in {"of", "from"} for c in child.children):
            phrases = [child] + [c for c in child.children if c.dep_ == "conj"]
            return [found for found in (_state_of(p, state) for p in phrases) if found]
    return []


def _state_of(token: Token, state: DocumentActors) -> tuple[str, str] | None:
    """The state a proper noun names, by Dyad's tables or the user's dictionaries."""
    if token.pos_ != "PROPN":
        return None
    # "Saudi/amod Arabia": a name's first word may be read as its modifier
    first = min([t.i for t in token.children if t.dep_ in {"flat", "compound"} or t.dep_ == "amod" and t.tag_ == "NNP"]
                + [token.i])
    last = max([t.i for t in token.children if t.dep_ == "flat"] + [token.i])
    text = token.doc[first : last + 1].text
    knowledge = state.knowledge
    found = knowledge.country(text) or knowledge.capital(text)
    if found:
        return found, knowledge.country_name(found)
    known = knowledge.organisation(text)
    return (known.country, known.name) if known and known.country and known.sector is None else None


_THING_NOUNS = {
    "relations", "ties", "talks", "weapons", "arms", "goods", "products", "exports", "imports", "elections",
    "issues", "affairs", "interests", "years", "months", "days", "borders", "lands", "waters", "territories",
    "sanctions", "troubles", "operations", "activities", "efforts", "measures", "plans", "funds", "assets",
    "prices", "markets", "stocks", "shares", "rights", "laws", "rules", "restrictions", "documents", "papers",
    "vaccines", "supplies", "missiles", "rockets", "shells", "bombs", "planes", "ships", "vehicles", "cities",
    "towns", "villages", "areas", "regions", "positions", "targets", "sites", "facilities", "offices",
    # vessels named like agents ("-er"): things a state owns, not people
    "tanker", "tankers", "freighter", "freighters", "trawler", "trawlers", "carrier", "carriers",
    "destroyer", "destroyers", "container", "containers",
    # what a body does or argues over, named after it ("a cabinet row", "the health reform"): no actor
    "row", "rows", "dispute", "disputes", "reform", "reforms", "scandal", "crisis", "debate", "reshuffle",
    "budget", "policy", "meeting", "decision", "vote",
    # places and things ending like agents ("-er", "-or", "-ent")
    "border", "borders", "frontier", "corridor", "sector", "center", "centre", "quarter", "order", "number",
    "power", "tower", "river", "shelter", "corner", "chamber", "harbour", "harbor", "reactor", "computer",
    "letter", "paper",
}
_PEOPLE_NOUNS = {
    "aircraft", "people", "youths", "crowds", "gunmen", "men", "women", "victims", "widows", "families",
    "children", "pilgrims", "troops", "nationals", "citizens", "hostages", "captives", "crew", "crews",
    "fishermen", "police", "militants", "insurgents", "rebels", "separatists", "forces",
}
_AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "ee", "ees")


def _people_like(token: Token) -> bool:
    """Nouns that name people or units acting together ("bombers",
    "Algerians", "settlers", "aircraft"), as opposed to things."""
    word = token.lower_
    if token.tag_ == "NNPS" and any(c.dep_ == "amod" and c.text[:1].isupper() for c in token.children):
        return True  # "Iraqi Kurds", "Bosnian Serbs": a people, placed by the demonym before it
    if token.pos_ != "NOUN" or word in _THING_NOUNS:
        return False
    return word.endswith(_AGENT_SUFFIXES) or word in _PEOPLE_NOUNS


def _counts_two(token: Token) -> bool:
    return any(c.lower_ in {"two", "both"} for c in token.lefts)


# --- references -------------------------------------------------------------------

def _resolve_references(doc: Doc, mentions: list[Mention], state: DocumentActors) -> list[Mention]:
    """Give pronouns and pairs the actors they point back to, in reading order."""
    resolved = []
    for mention in mentions:
        if mention.kind in {"pronoun", "pair", "title"}:
            mention = _resolve(doc[mention.root], mention, state)
            if mention is None:
                continue
        kind = {"person": "person", "state": "state", "capital": "state"}.get(mention.kind, "other")
        if kind == "other" and _office_holder(doc[mention.root]):
            kind = "office"  # "Fiji's prime minister was welcomed ..., where he met": "he" is the minister
        for actor in mention.actors:
            # "he" standing for an office holder does not make the office a named person
            office = kind == "person" and actor in state.recent_holders and actor not in state.recent_people
            state.remember(actor, "office" if office else kind)
        resolved.append(mention)
    return resolved


# One person holding an office: "he" can point back to "the foreign minister".
OFFICE_HOLDER_NOUNS = {
    "minister", "president", "premier", "chancellor", "king", "queen", "emir", "sultan", "governor", "mayor",
    "ambassador", "envoy", "secretary", "spokesman", "commander", "leader", "chief", "head", "prince", "senator",
}


def _office_holder(token: Token) -> bool:
    return token.tag_ == "NN" and token.lemma_.lower() in OFFICE_HOLDER_NOUNS


def _resolve(head: Token, mention: Mention, state: DocumentActors) -> Mention | None:
    """"he" is the last person named; "the two leaders" and "they" the last two
    people (when there are two); "the two countries" the last two states."""
    word = head.lower_
    if word in {"them", "their"} and mention.kind == "pronoun":
        return None  # "severed them", "their ties": too often things, not the last two people
    if mention.kind == "title":
        return _resolve_title(mention, state)
    if word in FEMALE_PRONOUNS:
        return None  # names carry no gender here: better no actor than the wrong man
    if word in SUBJECT_PERSON_PRONOUNS:
        pool, size = state.recent_holders, 1
    elif word in PERSON_PRONOUNS:
        pool, size = state.recent_people, 1
    elif word in STATE_PAIR_NOUNS:
        pool, size = state.recent_states, 2
    else:
        pool, size = state.recent_people, 2
        if word in OFFICE_PAIR_NOUNS:
            # "the two leaders" are the last two people holding office, not a spouse named in between
            officials = [p for p in pool if p.sector in OFFICE_SECTORS]
            pool = officials if len(officials) >= 2 else pool
    if len(pool) < size and pool is not state.recent_states:
        return None
    if pool is state.recent_states:
        # "the two countries": the two states the document has spoken of most, by any of their
        # actors; on a tie, those it named first (a story introduces its protagonists first)
        ranked = sorted(state.state_counts, key=lambda c: (-state.state_counts[c], state.state_first[c]))
        if len(ranked) < 2:
            return None
        named = {a.country: a for a in pool}
        actors = tuple(named.get(c) or Actor(head.text, state.knowledge.country_name(c), c, None, None) for c in ranked[:2])
        return replace(mention, actors=actors, kind="pair")
    return replace(mention, actors=tuple(pool[-size:]), kind="person" if size == 1 else "pair")


def _resolve_title(mention: Mention, state: DocumentActors) -> Mention | None:
    """"the Russian president" is the last person named from that country."""
    wanted = mention.actors[0]
    candidates = list(reversed(state.recent_people)) + [
        p for p in state.people.values() if wanted.country and p.country == wanted.country
    ]
    for person in candidates:
        if wanted.country is None or person.country == wanted.country:
            actor = Actor(wanted.text, person.name, person.country, person.sector, person.wikidata)
            return replace(mention, actors=(actor,), kind="person")
    # "Russia's Prime Minister", "the interior minister", nobody named: the
    # office itself (without a state of its own, the coder places it)
    actor = Actor(wanted.text, _strip_article(wanted.text), wanted.country, wanted.sector, None)
    return replace(mention, actors=(actor,), kind="group")


def _strip_possessive(text: str) -> str:
    for ending in _POSSESSIVE:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)].rstrip()
    return text


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _mention_text(span: Span) -> str:
    return _strip_possessive(span.text)
