"""The coder: articles in, event records out.

``Coder`` loads the language pipeline and the knowledge tables once; calling
``code`` on an article cleans it, parses it, finds its actor mentions, and
turns each trigger with its arguments into :class:`~dyad.records.Event`
records whose evidence offsets point into the article's text as read.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Iterator
from itertools import product

from spacy.tokens import Span

from dyad.codebook import CodebookError, EventCode, cameo_info, code_for, plover_for_cameo
from dyad.config import Settings
from dyad.dates import find_dates, resolve_event_date
from dyad.actors.knowledge import INTERGOVERNMENTAL_CODES
from dyad.actors.sectors import sector_for
from dyad.events.arguments import (
    DONE_TOGETHER, RECEIVING_VERBS, Roles, Trigger, assign_roles, find_triggers, headline_triggers, said_threat_roles,
)
from dyad.events.discards import is_discards_file, load_discards
from dyad.events.headlines import reread_headlines
from dyad.events.knowledge import ActorKnowledge, is_state
from dyad.events.lexicon import TriggerSpec, lexicon
from dyad.events.mentions import Mention, case_of, find_mentions
from dyad.events.petrarch_verbs import is_verb_dictionary, load_verb_dictionary, with_dictionary_codes
from dyad.events.recode import STATE_SECTORS, adjusted_code, show_of_force
from dyad.events.status import THREATENED, event_status, is_prevented, saying_verb, stated_intention, threat_uttered
from dyad.events.typemodel import NONE, type_model
from dyad.clean import PARAGRAPH_BREAK
from dyad.language import ReadDocument, analyse, load_pipeline, sentences
from dyad.language.gazetteer import NATURAL_FEATURES
from dyad.records import Actor, Article, Event, Evidence, Place

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
# Four states acting on two are eight events ("Chile, Peru, Bolivia and Ecuador welcomed ties
# between Colombia and Venezuela"); the cap only stops a misread list from flooding the store
# (at 4 it cost PETRARCH's suite 10 of its 352 triples and no other set anything).
MAX_EVENTS_PER_TRIGGER = 12
CODER_VERSION = "rules-2"
# The sentence model speaks only where the lexicon is silent, and only above
# the lowest probability at which, on held-out folds of its training sentences,
# at least 3 in 4 of the types it gives are right and at most 1% of the
# sentences that tell no event get one (at 0.4: 0.87 and 1.0%; at 0.3: 0.81 and
# 2.0%; `make types` prints the table).
SENTENCE_MODEL_MIN = 0.4


class Coder:
    """A callable stage: ``Coder(settings)`` once, then ``code(article)`` or
    ``code_many(articles)`` as often as needed (in-process or per worker)."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.load()
        self.nlp = load_pipeline(self.settings.model)
        self.lexicon = lexicon()
        verb_files = [p for p in self.settings.dictionaries if is_verb_dictionary(p)]
        discard_files = [p for p in self.settings.dictionaries if p not in verb_files and is_discards_file(p)]
        self.verbs = tuple(load_verb_dictionary(p) for p in verb_files)
        self.discards = tuple(load_discards(p) for p in discard_files)
        self.knowledge = ActorKnowledge.load(
            p for p in self.settings.dictionaries if p not in verb_files and p not in discard_files)
        self.sentence_types = type_model("sentence")

    def code(self, article: Article) -> list[Event]:
        return next(self.code_many([article]))[1]

    def code_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for read_doc in analyse(articles, self.nlp, batch_size=self.settings.batch_size):
            yield read_doc.article, self.events_of(read_doc)

    def events_of(self, read_doc: ReadDocument) -> list[Event]:
        article, doc = read_doc.article, read_doc.doc
        if any(d.drops_story(doc.text) for d in self.discards):
            return []  # a story the user's discard list says is not political news
        year = int(article.published[:4]) if article.published else None
        reread_headlines(doc, self.nlp, self.lexicon)
        mentions = find_mentions(doc, self.knowledge, year)
        dateline = self._dateline_country(read_doc)
        home = dateline or _home_country(mentions)
        headline_end = _headline_end(doc.text)
        events: list[tuple[int, Event]] = []
        headline_ids: set[str] = set()
        for number, sent in enumerate(sentences(doc)):
            if any(d.drops_sentence(sent.text) for d in self.discards):
                continue
            in_sentence = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
            dates = find_dates(sent.text, article.published)

            def coded(trigger: Trigger) -> list[Event]:
                return self._events(read_doc, sent, trigger, assign_roles(trigger, in_sentence), dates, home, dateline)

            found = []
            triggers = find_triggers(sent, self.lexicon)
            if self.verbs:
                triggers = with_dictionary_codes(sent, triggers, self.verbs)
            for trigger in triggers:
                found.extend(coded(trigger) or self._told_threat(read_doc, sent, trigger, in_sentence, dates, home))
            # a sentence that says its act was prevented or avoided gets no second reading;
            # an attack by no one named ("killed in a blast") leaves room for one
            if not any(e.source for e in found) and not any(is_prevented(t.head) for t in triggers):
                second = [e for t in self._recoded(sent, headline_triggers(sent, self.lexicon, in_sentence)) for e in coded(t)]
                # no lexicon word, or none that made an event ("during a private visit")
                found += second or [e for t in self._recoded(sent, self._guessed_trigger(sent)) for e in coded(t)]
            found = _drop_targetless_twins(_threats_aimed_as_their_acts(found))
            if sent.start_char < headline_end:
                headline_ids.update(e.id for e in found)
            events.extend((number, e) for e in found)
        return _carry_dates(_merge_repeats(events, headline_ids))

    def _recoded(self, sent: Span, triggers: list[Trigger]) -> list[Trigger]:
        """The user's verb codes on triggers found by other means than the lexicon."""
        return with_dictionary_codes(sent, triggers, self.verbs, add=False) if self.verbs else triggers

    def _dateline_country(self, read_doc: ReadDocument) -> str | None:
        """"KAMPALA, Uganda —", "ISTANBUL —": where a wire story was filed is the
        state it is about, for the roles it leaves unplaced."""
        for dropped in read_doc.clean.dropped:
            if dropped.reason != "dateline":
                continue
            line = read_doc.article.text[dropped.start : dropped.end]
            parts = [p.strip() for p in re.split(r",|\(|[—–]|\s-\s", line) if p.strip()]
            for part in reversed(parts[:2]):
                name = part.title() if part.isupper() else part
                country = self.knowledge.country(name) or self.knowledge.capital(name) or self.knowledge.place_country(name)
                if country:
                    return country
        return None

    def _told_threat(self, read_doc, sent: Span, trigger: Trigger, in_sentence, dates, home) -> list[Event]:
        """"Malian authorities told the UN envoy that she would be declared
        persona non grata": a hostile act foretold in the passive is the
        teller's THREATEN to whom it would befall."""
        saying = saying_verb(trigger.head)
        if saying is None or trigger.spec.event_type not in THREATENED:
            return []
        threat = Trigger(saying, (saying.i,), TriggerSpec(saying.lemma_.lower(), None, "VERB", "THREATEN", None, "act"))
        told = self._events(read_doc, sent, threat, said_threat_roles(trigger, saying, in_sentence), dates, home)
        # the telling happened, whatever date the act it foretells was given
        return [e.replace(status="happened", date=None, date_text=None) if e.status == "planned" else e for e in told]

    def _guessed_trigger(self, sent: Span) -> list[Trigger]:
        """A sentence with no lexicon word may still tell an event in words
        the lexicon lacks ("carried out joint patrols"): the sentence model
        names the type, and the clause's main verb carries the arguments."""
        if self.sentence_types is None:
            return []
        guess = self.sentence_types.best(sent.text)
        head = _main_verb(sent)
        if guess.event_type == NONE or guess.probability < SENTENCE_MODEL_MIN or head is None:
            return []
        frame = "sym" if guess.event_type in SYMMETRIC else "act"
        spec = TriggerSpec(head.lemma_.lower(), None, "VERB", guess.event_type, None, frame)
        return [Trigger(head, (head.i,), spec)]

    def _events(self, read_doc, sent: Span, trigger: Trigger, roles: Roles, dates, home: str | None = None,
                dateline: str | None = None) -> list[Event]:
        pairs = _actor_pairs(trigger, roles)
        if trigger.spec.event_type == "AID" and trigger.head.lemma_.lower() in RECEIVING_VERBS:
            pairs = [(target, source) for source, target in pairs if target is not None]  # "received a loan from"
        if not pairs or is_prevented(trigger.head):
            return []
        code = _dictionary_code(trigger, trigger.cameo) if trigger.cameo else code_for(*adjusted_code(trigger, pairs))
        anchor = trigger.head.idx - sent.start_char
        date = resolve_event_date(dates, anchor, text=sent.text)
        status = _status(trigger, date, read_doc.article.published)
        if status == "planned" and _against_publication(date and date.value, read_doc.article.published) < 0:
            date = None  # a plan is not dated by a past year it mentions ("pensions for émigrés up to 1992")
        all_dates = _coordinated_dates(dates, date, sent.text)
        start, end = read_doc.clean.span_to_original(sent.start_char, sent.end_char)
        evidence = Evidence(read_doc.article.text[start:end], start, end)
        place = self._place(roles)
        # a journey's place is where they went, not where they are from
        where = None if trigger.spec.frame == "go" else place
        pairs = [(s, t if t is not None else _object_acted_on(trigger, s, where, dateline, self.knowledge))
                 for s, t in pairs]
        pairs = [_placed_pair(s, t, where, home) for s, t in pairs]
        pairs = [(s, t if t is not None else self._protested_at_home(trigger, s)) for s, t in pairs]
        confidence = round(0.5 + 0.25 * roles.from_parse + 0.15 * all(p[1] for p in pairs), 2)
        events = []
        for (source, target), date in product(pairs[:MAX_EVENTS_PER_TRIGGER], all_dates):
            events.append(
                Event(
                    id=_event_id(read_doc.article.doc_id, start, trigger, source, target, date),
                    doc_id=read_doc.article.doc_id,
                    event_type=code.event_type,
                    mode=code.mode,
                    cameo=code.cameo,
                    quad_class=code.quad_class,
                    goldstein=code.goldstein,
                    status=status,
                    source=source,
                    target=target,
                    date=date.value if date else None,
                    date_text=date.text if date else None,
                    location=place,
                    evidence=evidence,
                    confidence=confidence,
                )
            )
        if trigger.reverse_cameo:
            return (events if trigger.cameo else []) + _reversed(events, trigger.reverse_cameo, trigger)
        return events + _intentions(events, trigger, read_doc.article.published)

    def _protested_at_home(self, trigger: Trigger, source: Actor | None) -> Actor | None:
        """"South Korean workers went on strike to demand the right to form unions",
        "Tibetan exiles staged a protest outside the embassy": a protest by people
        (not by officials) that names no one it is aimed at is aimed at the
        protesters' own state, its government. PLOVER's gold, the probes and the
        held-out sets all code it so; the spec's "protesters rallied in Tel Aviv"
        shows that a target may be absent, and Dyad does give one here."""
        if trigger.spec.event_type != "PROTEST" or source is None or not is_state(source.country) \
                or source.sector in STATE_SECTORS:
            return None
        name = self.knowledge.country_name(source.country)
        return Actor(name, name, source.country, "GOV")

    def _place(self, roles: Roles) -> Place | None:
        for mention in roles.places:
            place = self.knowledge.place(mention.actors[0].text if mention.actors else "")
            if place:
                return place
        return None


def _dictionary_code(trigger: Trigger, cameo: str) -> EventCode:
    """A user's code with the PLOVER type it belongs to (or, for a code of the user's
    own such as "901", the trigger's type), and its Goldstein value where CAMEO has one."""
    try:
        goldstein = cameo_info(cameo)[1]
    except CodebookError:
        goldstein = None
    plover = plover_for_cameo(cameo) or (trigger.spec.event_type, trigger.spec.mode)
    return dataclasses.replace(code_for(*plover), cameo=cameo, goldstein=goldstein)


def _reversed(events: list[Event], cameo: str, trigger: Trigger) -> list[Event]:
    """A verb dictionary's "[032:033]": the target's act towards the source as well
    (the host of a visit), in the reverse code and the PLOVER type it belongs to."""
    code = _dictionary_code(trigger, cameo)
    return [
        e.replace(id=hashlib.sha1(f"{e.id}|reverse".encode()).hexdigest()[:16], source=e.target, target=e.source,
                  event_type=code.event_type, mode=code.mode, cameo=code.cameo, quad_class=code.quad_class,
                  goldstein=code.goldstein)
        for e in events if e.target is not None
    ]


def _threats_aimed_as_their_acts(found: list[Event]) -> list[Event]:
    """"Indonesian police threatened to impose a curfew in Ambon": a threat that
    names no one is aimed at whom the act it threatens would fall on."""
    acts = [e for e in found if e.event_type in THREATENED and e.status == "planned" and e.target is not None]
    aimed = []
    for event in found:
        act = next((a for a in acts if _same_role(a.source, event.source)), None) \
            if event.event_type == "THREATEN" and event.target is None and event.source is not None else None
        aimed.append(event.replace(target=act.target) if act else event)
    return aimed


def _drop_targetless_twins(found: list[Event]) -> list[Event]:
    """"Japan gave Kenya a loan": the verb and the noun tell one act; the
    telling that lost its target is the same act told worse."""
    aimed = {(e.event_type, e.status, _name(e.source)) for e in found if e.target is not None}
    return [e for e in found if e.target is not None or (e.event_type, e.status, _name(e.source)) not in aimed]


def _home_country(mentions) -> str | None:
    """The state the document is mostly about: the country its named states,
    people and groups belong to most often (the first named, on a tie)."""
    counts: dict[str, int] = {}
    for mention in mentions:
        for actor in mention.actors:
            if is_state(actor.country):
                counts[actor.country] = counts.get(actor.country, 0) + 1
    return max(counts, key=counts.get) if counts else None  # dicts keep first-seen order, max the first of equals


# Types whose object, when it names no actor, is still a side acted on: the houses burned,
# the internet cut off, the bill blocked, the state of emergency lifted in a named place.
# Not the other cooperative types: what they give ("distributed maize", "withdrew troops")
# is no side.
ACTED_ON_TYPES = {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "PROTEST", "REJECT", "ACCUSE", "REQUEST", "CONCEDE"}
# Of those, the acts a state or its people do at home unless a place says otherwise (a
# concession with no place is not: "the then-Soviet Union lifted restrictions in 1989" is
# towards no one in the seeds' gold, and taking the source's own state cost their F1
# 0.621 -> 0.602 for 38 training sentences and one PLOVER record): a
# curfew, a ban, a sit-in; a raid may be anywhere, and what is rejected or denounced is as
# often another state's ("Somalia's foreign minister denounced the new port deal": with
# REJECT, ACCUSE and REQUEST here too, the training sentences gained 27 of 3,200, PLOVER none).
HOME_ACTED_ON_TYPES = {"COERCE", "PROTEST"}


def _object_acted_on(trigger: Trigger, source: Actor | None, place: Place | None, dateline: str | None,
                     knowledge: ActorKnowledge) -> Actor | None:
    """"Soldiers set fire to hundreds of houses in Sagaing", "Uzbek authorities blocked
    access to VPN services": a contentious act on something that names no actor is
    an act on the state where that thing is: the place its phrase names, else the
    event's (or the state of the story's dateline), else, for acts done at home, the
    source's own state. The state a story is merely about is no guide: "Israel struck
    weapons convoys" in a story about Russia is no act on Russia."""
    if source is None or trigger.spec.event_type not in ACTED_ON_TYPES:
        return None
    obj = next((c for c in trigger.head.children if c.dep_ == "obj" and c.pos_ in {"NOUN", "PROPN"}), None)
    if obj is None:
        return None
    inside = range(obj.left_edge.i, obj.right_edge.i + 1)
    places = [ent for ent in obj.doc.ents if ent.start in inside and ent.label_ in {"GPE", "LOC"}]
    # whole names first ("West" of "the West Bank" is a town in India), then their words,
    # but for a lake's or a mountain's ("Victoria" of "Lake Victoria" is no city)
    names = [ent.text for ent in places]
    names += [t.text for ent in places if ent[0].text not in NATURAL_FEATURES for t in ent]
    where = next((found for name in names if (found := knowledge.place(name))), None)
    home = source.country if trigger.spec.event_type in HOME_ACTED_ON_TYPES else None
    located = where or place  # the object's own place, else the event's
    country = (located.country if located else dateline) or home
    if not is_state(country):
        return None
    named = [t for c in obj.lefts if c.dep_ in NAMING_DEPS for t in c.subtree] + [obj]
    text = " ".join(t.text for t in sorted(named, key=lambda t: t.i))
    return Actor(text, text, country, None)


NAMING_DEPS = {"det", "amod", "compound", "nummod", "nmod:poss"}  # "all public gatherings", "Saturday's march"


def _placed(actor: Actor | None, place: Place | None, home: str | None) -> Actor | None:
    """An unnamed role with no state of its own ("a former regional
    governor", "prosecutors") belongs to the state where the event took place,
    else to the one the document is about: news codes domestic actors so."""
    if actor is None or actor.country or actor.sector is None:
        return actor
    country = (place.country if place else None) or home
    return dataclasses.replace(actor, country=country) if country else actor


def _placed_pair(source: Actor | None, target: Actor | None, place: Place | None, home: str | None):
    """Both sides placed, except into the very state the other side is:
    "President Bush threatened Russia" does not make Bush Russian."""
    placed_source, placed_target = _placed(source, place, home), _placed(target, place, home)
    if _placed_against(source, placed_source, target):
        placed_source = source
    if _placed_against(target, placed_target, source):
        placed_target = target
    return placed_source, placed_target


def _placed_against(actor: Actor | None, placed: Actor | None, other: Actor | None) -> bool:
    """A named person (not a role: "the government" is domestic) put into the
    state that the other side is as a whole."""
    return placed is not actor and other is not None and other.sector is None \
        and placed.country == other.country and placed.name[:1].isupper() and not _role_words(placed.name)


def _role_words(name: str) -> bool:
    """"Security forces" opening a sentence is a role, however it is capitalised."""
    return sector_for(name.lower()) is not None


_INTENDING = {"plan", "intend", "aim", "hope", "expect", "want", "prepare", "wish", "mean"}
_REPORTING = {"say", "report", "tell", "state", "add", "confirm", "announce", "note", "write", "quote"}
# "denied that officers had beaten ...": the act denied is the clause's (and so negated)
_DENYING = {"deny", "dismiss", "reject", "refute"}


def _main_verb(sent: Span):
    """The verb that heads the sentence, or its first finite verb when the
    parse put a noun at the root; of a report ("Polisario units moved east,
    Algerian media reported") the verb of what was reported."""
    verb = sent.root if sent.root.pos_ == "VERB" else next(
        (t for t in sent if t.pos_ == "VERB" and t.tag_ in {"VBD", "VBZ", "VBP"}), None)
    if verb is None:  # "is due to deliver": the clause on a root adjective
        verb = next((c for c in sent.root.children if c.pos_ == "VERB" and c.dep_ in {"ccomp", "xcomp"}), None)
    if verb is not None and verb.lemma_.lower() in _REPORTING | _DENYING:
        reported = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.pos_ in {"VERB", "AUX"}]
        if reported:
            return reported[0]
        if verb.dep_ in {"ccomp", "parataxis"} and verb.head.pos_ in {"VERB", "ADJ"}:
            return verb.head  # the report hung on what it reports ("advanced" read as an adjective)
    if verb is not None and verb.lemma_.lower() in _INTENDING | _DENYING:
        # "Norway plans to channel aid", "Azerbaijan denied concentrating artillery": the act
        # intended or denied, whose status comes from the verb above it
        return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), verb)
    return verb


_DATE_LIST_GLUE = re.compile(r"^\s*(,|and|or|, and)\s*(in|on)?\s*$")


def _coordinated_dates(dates, chosen, text: str) -> list:
    """"visited Moscow in September 2015 and in April 2016" tells two visits:
    the chosen date and the dates listed with it, each an event of its own."""
    if chosen is None or not chosen.value:
        return [chosen]
    listed = [chosen]
    resolved = [d for d in dates if d.value]
    index = next((i for i, d in enumerate(resolved) if d.start == chosen.start), None)
    if index is None:
        return listed
    for left, right in zip(resolved[index:], resolved[index + 1 :]):
        if not _DATE_LIST_GLUE.match(text[left.end : right.start]):
            break
        listed.append(right)
    return listed


def _headline_end(text: str) -> int:
    """Where the headline and standfirst end: the first paragraph, and the
    paragraphs after it that do not end like prose."""
    position, paragraphs = 0, text.split(PARAGRAPH_BREAK)
    for number, paragraph in enumerate(paragraphs):
        if number and paragraph.rstrip().endswith((".", "!", "?", "”", '"', "’")):
            return position
        position += len(paragraph) + len(PARAGRAPH_BREAK)
    return position


def _against_publication(value: str | None, published: str | None) -> int:
    """-1, 0 or 1: a date (``YYYY[-MM[-DD]]``) before, at or after publication,
    compared at the precision both have; 0 when either is unknown."""
    if not (value and published):
        return 0
    width = min(len(value), len(published))
    mine, theirs = value[:width], published[:width]
    return (mine > theirs) - (mine < theirs)


def _status(trigger: Trigger, date, published: str | None) -> str:
    """The words' status, except that an event dated after publication has
    not happened yet ("is heading to Moscow on Monday")."""
    status = event_status(trigger.head)
    if status == "planned" and trigger.spec.event_type == "THREATEN" and threat_uttered(trigger.head):
        return "happened"
    if status == "happened" and _complement_denied(trigger):
        return "negated"
    if status == "happened" and _against_publication(date and date.value, published) > 0:
        return "planned"
    return status


def _complement_denied(trigger: Trigger) -> bool:
    """"held no talks": the "no" sits on the phrase's noun, not on its verb;
    "handed over no suspects", "no wheat has reached Iran": on its object or subject."""
    doc = trigger.head.doc
    words = [doc[i] for i in trigger.words if i != trigger.head.i]
    if trigger.head.pos_ == "VERB":
        words += [c for c in trigger.head.children if c.dep_ in {"obj", "nsubj", "nsubj:pass"}]
    # the "no" that opens the phrase, wherever the parse hung it ("No Kazakh wheat")
    return any(word.left_edge.lower_ == "no" and word.left_edge.pos_ == "DET" for word in words)


def _actor_pairs(trigger: Trigger, roles: Roles) -> list[tuple[Actor | None, Actor | None]]:
    """Who did it to whom. A pair subject of a symmetric event ("the two
    leaders discussed") is source and target; coordinated subjects of one
    ("Israel and Russia have maintained coordination") likewise."""
    sources = [a for m in roles.sources for a in m.actors]
    targets = _named_first([(a, m.kind) for m in roles.targets for a in m.actors])
    symmetric = trigger.spec.frame == "sym" or trigger.spec.event_type in SYMMETRIC \
        or trigger.spec.event_type == "SUPPORT" and not targets  # "Mongolia and South Korea raised their relationship"
    # "the ambassadors of France and Italy met the minister": one group of
    # several states' envoys acts on the other side, it is not a pair by itself;
    # what "Thai and Malaysian police jointly arrested" is done to is no side
    envoys = len(roles.sources) == 1 and roles.sources[0].kind == "group" and bool(targets) \
        and trigger.spec != DONE_TOGETHER
    if len(roles.sources) == 2 and (_inside(*roles.sources) or _inside(*reversed(roles.sources))) \
            and all(a.country in INTERGOVERNMENTAL_CODES for a in sources):
        # "EU" inside "EU finance ministers": one side, named by the whole phrase
        sources = [a for m in roles.sources if not any(_inside(m, o) for o in roles.sources) for a in m.actors]
    doc = trigger.head.doc
    third_state = bool(targets) and trigger.spec != DONE_TOGETHER and all(
        case_of(doc[m.root]) == "with" for m in roles.targets) and all(
        t.sector is None and is_state(t.country) and t.country not in {a.country for a in sources} for t in targets)
    if symmetric and not envoys and not third_state and len(sources) >= 2 and sources[0].name != sources[1].name:
        # ("Brazil and Argentina restored ties with Ecuador": both act towards the third state named)
        # the other side is of another state where one is named ("Bolivia" of a dateline and
        # "Bolivian police" are one side of "Bolivian and Peruvian police")
        other = next((a for a in sources[1:] if a.country and a.country != sources[0].country), None)
        if other is not None or not targets:
            return [(sources[0], other or sources[1])]
        # "the Solomon Islands government ... accepted an Australian proposal": one state's
        # two names on one side, the other side is the target
    if symmetric and not sources and len(roles.targets) == 1 and roles.targets[0].kind == "group" and len(targets) >= 2:
        # "Israeli and Palestinian negotiators met in Cairo" read as a noun
        # phrase, or "a meeting of Turkish and Iraqi officials": the two sides
        return [(targets[0], targets[1])]
    if not sources and not targets:
        return []
    # "ASEAN foreign ministers met in Jakarta" (the verb often read as the noun's participle,
    # so its subject as what it describes): a meeting among the body's members
    if sources:
        members = [] if targets else sources
    else:
        members = targets if trigger.head.dep_ in {"acl", "amod"} else []
    if trigger.spec.event_type == "CONSULT" and trigger.spec.frame == "sym" and members \
            and all(a.country in INTERGOVERNMENTAL_CODES for a in members):
        return [(members[0], None)]
    if trigger.spec.event_type == "CONSULT" and not targets and sources:
        targets = _host(roles.places, sources)
    if show_of_force(trigger) and len(sources) == 1 and not targets:
        return [(sources[0], None)]  # "China staged exercises off its coast": one side's drills (MOBILIZE)
    if trigger.spec.frame in {"sym", "go"} and not targets:
        return []  # a meeting with nobody on the other side, a visit to nowhere: nothing to code
    if not sources:
        # who did it is the one thing an event record cannot do without, except
        # an attack whose victims are named ("a car bomb killed three Malian soldiers")
        return [(None, t) for t in targets] if trigger.spec.event_type == "ASSAULT" else []
    pairs, seen = [], set()
    for source, target in product(sources, targets or [None]):
        key = (_name(source), _name(target))
        home_trip = trigger.spec.frame == "go" and target is not None and source.country and source.country == target.country
        if not _same(source, target) and not home_trip and key not in seen:
            seen.add(key)
            pairs.append((source, target))
    return pairs


def _host(places: tuple[Mention, ...], sources: list[Actor]) -> list[Actor]:
    """"Nepal's army chief held talks in New Delhi": talks in another state's
    capital are held with its government."""
    own = {s.country for s in sources}
    if any(" and " in s.text for s in sources):
        return []  # "Israeli and Hamas negotiators held talks in Doha": the sides are the subject's
    for place in places:
        host = place.actors[0] if place.kind == "capital" and place.actors else None
        if host is not None and is_state(host.country) and host.country not in own:
            return [host]
    return []


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end)


def _named_first(actors: list[tuple[Actor, str]]) -> list[Actor]:
    """"Chief Rabbi Berel Lazar; the chief rabbi of Moscow": a role said of
    someone named beside it (same country and sector) is that someone, not a
    second target; of several such roles, the first and fullest stays."""
    kept: list[Actor] = []
    seen: set[tuple] = {(a.country, a.sector) for a, kind in actors if kind == "person" and a.country}
    for actor, kind in actors:
        key = (actor.country, actor.sector)
        if kind in {"group", "title"} and actor.country and key in seen:
            continue
        if kind in {"group", "title"} and actor.country:
            seen.add(key)
        kept.append(actor)
    return kept


def _same(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and a.name == b.name


def _intentions(events: list[Event], trigger: Trigger, published: str | None) -> list[Event]:
    """The statement of intent that a planned act carries ("Portugal will
    support Turkey" is also Portugal's promise), said when the sentence says
    it: dated so unless the date is the act's future one."""
    kind = stated_intention(trigger.head, trigger.spec.event_type)
    if kind is None or not events or events[0].status != "planned":
        return []
    code = code_for(kind, None)
    said = []
    for event in events:
        date, date_text = event.date, event.date_text
        if _against_publication(date, published) > 0:
            date, date_text = None, None
        key = "|".join([event.id, kind])
        said.append(event.replace(
            id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], event_type=code.event_type, mode=code.mode,
            cameo=code.cameo, quad_class=code.quad_class, goldstein=code.goldstein, status="happened",
            date=date, date_text=date_text,
        ))
    return said


def _event_id(doc_id: str, start: int, trigger: Trigger, source: Actor | None, target: Actor | None, date) -> str:
    key = "|".join(
        [doc_id, str(start), str(trigger.head.i), trigger.spec.event_type,
         source.name if source else "", target.name if target else "", date.value if date and date.value else ""]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


CARRY_SENTENCES = 4  # how far a date carries to the undated events that follow


def _carry_dates(numbered: list[tuple[int, Event]]) -> list[Event]:
    """An undated event that closely follows a dated event of the same actors
    took place then too ("...spoke on Monday. They agreed to meet"). Planned
    events are never given a past date this way."""
    carried, last = [], None
    for number, event in numbered:
        if event.date is None and event.status == "happened" and last and number - last[0] <= CARRY_SENTENCES \
                and _share_actor(event, last[1]):
            event = event.replace(date=last[1].date, date_text=last[1].date_text)
        if event.date and len(event.date) >= 7 and event.status == "happened":
            last = (number, event)  # a bare year ("severed in 1967") is history, not the report's date
        carried.append(event)
    return carried


def _share_actor(a: Event, b: Event) -> bool:
    names = {x.name for x in (a.source, a.target) if x}
    return bool(names & {x.name for x in (b.source, b.target) if x})


REPEATED_IN_BODY = {"CONSULT", "AGREE", "COOPERATE"}  # a meeting is one meeting however often it is retold


def _merge_repeats(numbered: list[tuple[int, Event]], headline_ids: set[str]) -> list[tuple[int, Event]]:
    """One event told twice in the same article is one record: the first
    telling, with the date of whichever has one. Meetings, agreements and
    cooperation retold anywhere merge; other acts (a thanks, an accusation)
    merge only with their headline, as a second one in the body is a second act."""
    kept: list[tuple[int, Event]] = []
    for number, event in numbered:
        index = next(
            (i for i, (_, k) in enumerate(kept)
             if (k.id in headline_ids) != (event.id in headline_ids) and _same_event(k, event, by_role=True)
             or _same_event(k, event)
             and (event.event_type in REPEATED_IN_BODY or k.id in headline_ids or event.id in headline_ids)),
            None,
        )
        if index is None:
            kept.append((number, event))
            continue
        first_number, twin = kept[index]
        if twin.date is None and event.date:
            twin = twin.replace(date=event.date, date_text=event.date_text)
        if twin.id in headline_ids and event.id not in headline_ids:
            twin = _named_from(twin, event)
        kept[index] = (first_number, twin)
    return kept


def _named_from(headline: Event, body: Event) -> Event:
    """A headline names by role ("Russia's Prime Minister"); its retelling in
    the body names the person: the record takes the fuller names."""
    pairs = ((headline.source, body.source), (headline.target, body.target))
    if headline.event_type in SYMMETRIC and not _same_roles_pair(pairs):
        pairs = ((headline.source, body.target), (headline.target, body.source))
    source, target = (
        dataclasses.replace(b, text=a.text) if a is not None and b is not None and _fuller_name(b.name, a.name) else a
        for a, b in pairs
    )  # the words stay the headline's: they are what its evidence sentence says
    return headline.replace(source=source, target=target)


def _fuller_name(body: str, headline: str) -> bool:
    """A longer name, or a person's name for a role ("Dmitry Medvedev" for "Russia's Prime Minister")."""
    return len(body) > len(headline) or _role_words(headline) and not _role_words(body)


def _same_roles_pair(pairs) -> bool:
    return all(_same_role(a, b) for a, b in pairs)


def _same_event(a: Event, b: Event, by_role: bool = False) -> bool:
    """Same type, status, compatible dates and the same actors: by name, or,
    between a headline and the body (``by_role``), by country and sector too
    ("Russia's Prime Minister to visit Israel" is "Dmitry Medvedev will visit
    Israel" told in the lead)."""
    if (a.event_type, a.status) != (b.event_type, b.status):
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if by_role:
        return _same_roles(a, b)
    pair_a = (_name(a.source), _name(a.target))
    pair_b = (_name(b.source), _name(b.target))
    if a.event_type in SYMMETRIC and pair_a == pair_b[::-1]:
        return a.cameo == b.cameo  # a visit made and the same visit hosted (042, 043) are two acts
    return pair_a == pair_b


def _same_roles(a: Event, b: Event) -> bool:
    if _same_role(a.source, b.source) and _same_role(a.target, b.target):
        return True
    return a.event_type in SYMMETRIC and _same_role(a.source, b.target) and _same_role(a.target, b.source)


def _same_role(x: Actor | None, y: Actor | None) -> bool:
    """One actor by name, or by its state and sector: "Russia's Prime Minister", "Dmitry Medvedev"."""
    if x is None or y is None:
        return x is y
    return x.name == y.name or bool(x.country) and (x.country, x.sector) == (y.country, y.sector)


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor else None


def code_articles(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """Code articles with a fresh coder: the library's one-call entry point."""
    return Coder(settings).code_many(articles)
