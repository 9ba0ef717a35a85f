"""Triggers in a sentence and who plays which part in them.

Roles come from the dependency parse: subjects act, objects and prepositional
objects ("with", "to", "against") are acted on, a passive subject is acted on
and a "by" phrase acts, coordinated subjects share the role, and the subject of
"agreed" is the subject of the "hold" it governs. Where the parse offers no
subject or object, the nearest mention on that side of the trigger stands in,
with lower confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from dyad.events.lexicon import Lexicon, TriggerSpec
from dyad.actors.knowledge import INTERGOVERNMENTAL_CODES, country_name
from dyad.actors.organisations import lookup_organisation
from dyad.events.mentions import Mention, authored
from dyad.events.status import BATCH_NOUNS, READINESS_WORDS, denies_a_report, infinitive, subjunctive
from dyad.records import Actor

SUBJECT_DEPS = {"nsubj", "csubj", "obl:agent", "nmod:agent", "nmod:poss", "expl"}
OBJECT_DEPS = {"obj", "iobj", "nsubj:pass", "dobj"}
TARGET_CASES = {"with", "alongside", "to", "against", "toward", "towards", "on", "from", "for", "into", "over", "at", "between", "in", "upon"}
PLACE_CASES = {"in", "at", "near", "outside", "inside"}
CONTROL_DEPS = {"xcomp", "conj"}
LIGHT_VERBS = {
    "hold", "pay", "make", "launch", "carry", "stage", "issue", "impose", "have", "conduct", "give", "provide",
    "offer", "extend", "sign", "reach", "begin", "start", "continue", "resume", "open", "order", "take", "mount",
    "announce", "deliver", "send", "express", "lodge", "file", "declare", "step", "intensify",
}
TRANSPARENT_DEPS = {"conj", "appos", "flat", "compound", "fixed"}
NEAREST_WINDOW = 12  # tokens: farther than this, a mention is not a stand-in argument


@dataclass(frozen=True)
class Trigger:
    head: Token  # the word whose dependents carry the arguments
    words: tuple[int, ...]  # all the words that name the event
    spec: TriggerSpec
    headline: bool = False  # a headline verb the tagger took for a noun: its parse says nothing
    cameo: str | None = None  # the code a user's verb dictionary gives it, which wins over the type's
    reverse_cameo: str | None = None  # that dictionary's code for the target's act towards the source


@dataclass(frozen=True)
class Roles:
    sources: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    places: tuple[Mention, ...]
    from_parse: bool


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """Phrasal triggers first ("hold talks", "lift restrictions"), so that
    their noun does not also count on its own."""
    triggers, used = [], set()
    present = _words_present(sent)
    for token in sent:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        for spec in (s for lemma in lemma_candidates(token) for s in lexicon.phrasal_for(lemma)):
            complement = _complement(token, spec.complement) if spec.complement in present else None
            if complement is not None and spec.complement == "strike":
                spec = _strike_sense(complement, spec)
            if complement is not None:
                head = _clause_verb_of_misread(token, complement)
                triggers.append(Trigger(head, (token.i, complement.i), spec))
                used.update((token.i, complement.i))
                break
    for token in sent:
        # the lexicon first: most words are in neither table, and the checks below cost more
        table = lexicon.verbs if token.pos_ == "VERB" or _passive_adjective(token) else \
            lexicon.nouns if token.pos_ == "NOUN" else None
        spec = _entry(table, token) if table is not None else None
        if spec is None:
            continue
        if token.i in used or (token.dep_ == "compound" and token.head.i in used) or any(
            c.dep_ == "compound" and c.i in used for c in token.children
        ):
            continue  # "launched a missile strike": one attack, told by the phrase
        if token.dep_ in {"acl", "xcomp"} and token.head.lemma_.lower() in INTENT_NOUNS:
            continue  # "efforts to return the hostages": an aim, not an act
        misread = _misread_main_verb(token)
        if (token.dep_ == "amod" and not _finite(token) and not misread and not any(c.dep_ == "nsubj" for c in token.children)) or _so_called(token):
            continue  # "the so-called mechanism", "a reported delivery": a description, not an event
        if token.pos_ == "NOUN" and spec.lemma == "strike":
            spec = _strike_sense(token, spec)
        if token.pos_ == "NOUN" and spec.lemma == "raid":
            spec = _raid_sense(token, spec)
        if token.pos_ == "NOUN" and spec.lemma == "call":
            spec = _call_sense(token, spec)
        if spec.lemma == "disperse":
            spec = _dispersal_sense(token, spec)
        if token.pos_ == "VERB" and spec.lemma == "strike" and _downing_tools(token):
            spec = TriggerSpec(spec.lemma, None, "VERB", "PROTEST", "strike", "act")
        if spec.mode == "beat" and _contest_won(token):
            continue  # "Ruto beat Odinga in the runoff", "whipped votes": winning, not violence
        if spec.lemma == "call" and _names_something(token):
            continue  # "called Russia a key player": naming, not a call
        if spec.lemma in TRANSITIVE_ONLY and not any(c.dep_ in OBJECT_DEPS for c in token.children):
            continue  # "a truce to let civilians evacuate": they leave, nobody evacuates them
        if spec.lemma in {"force", "compel"} and token.tag_ == "VBG" and token.dep_ == "advcl":
            continue  # "began stoppages, forcing the cancellation of flights": a result, not coercion
        if token.pos_ == "VERB" and _done_by_nature(token):
            continue
        if spec.lemma == "deny" and _denies_a_fact(token) or denies_a_report(token):
            continue  # "denied suspending exports": the suspension is what is negated
        if spec.lemma == "commit" and any(
                c.dep_ in OBJECT_DEPS and c.lemma_.lower() in WRONGS for c in token.children):
            continue  # "committed atrocities": a wrong done, not a commitment
        triggers.append(Trigger(token, (token.i,), spec))
        if misread:
            used.add(token.head.i)  # "eased restrictions": the object is not an event of its own
    triggers = _bodies_left(sent, triggers)
    triggers += _protests_by_purpose(sent, triggers)
    triggers += _offers_of_readiness(sent, triggers, lexicon)
    triggers += _insistence(sent, triggers) if "insist" in present else []
    triggers += _ultimatums(sent, triggers)
    triggers = _done_together(sent, triggers)
    if not triggers and not any(t.pos_ in {"VERB", "AUX"} for t in sent):
        triggers = _headline_verbs(sent, lexicon)
    triggers = _without_repressed_protests(_without_requested_acts(_without_protest_topics(triggers)))
    return sorted((_as_expulsion(_as_threat(t, lexicon)) for t in triggers), key=lambda t: t.head.i)


def _passive_adjective(token: Token) -> bool:
    """"were tortured/JJ by Turkish police": a participle the tagger called an
    adjective, given away by the agent it names."""
    return token.pos_ == "ADJ" and token.lower_.endswith("ed") and any(
        c.dep_ == "obl:agent" or c.dep_ == "obl" and _case(c) == "by" for c in token.children)


def _words_present(sent: Span) -> set[str]:
    """Every lemma and word form of the sentence and of the word after it: a
    phrasal trigger's complement must be one of them, so the search for it
    (the costliest part of finding triggers) is skipped when it is not."""
    doc = sent.doc
    following = [doc[sent.end]] if sent.end < len(doc) else []
    return {word for token in [*sent, *following] for word in lemma_candidates(token)}


def _entry(table: dict[str, TriggerSpec], token: Token) -> TriggerSpec | None:
    """The lexicon's entry for a word, under its lemma or one of its plain stems."""
    return next((table[lemma] for lemma in lemma_candidates(token) if lemma in table), None)


def _headline_verbs(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """"Hungary vetoes EU statement": in a line with no verb at all, a word
    tagged as a plural noun that is only ever a verb in the lexicon ("vetoes",
    "condemns", "expels") is the headline's verb."""
    found = []
    for token in sent:
        if token.tag_ not in {"NNS", "VBZ"} or not token.lower_.endswith("s") or token.i == sent.start:
            continue
        phrasal = _headline_phrasal(sent, token, lexicon)
        if phrasal is not None:
            found.append(phrasal)  # "vice-president steps down", "court orders release of"
            continue
        if _entry(lexicon.nouns, token) is not None:
            continue  # "talks", "strikes": nouns too
        spec = _entry(lexicon.verbs, token)
        if spec is not None:
            found.append(Trigger(token, (token.i,), spec, headline=True))
    return found


def _headline_phrasal(sent: Span, token: Token, lexicon: Lexicon) -> Trigger | None:
    """A headline's verb in -s with its particle right after it or its object
    noun among the next few words: "steps down", "orders release of"."""
    following = sent[token.i + 1 - sent.start : token.i + 4 - sent.start]
    for spec in (s for lemma in lemma_candidates(token) for s in lexicon.phrasal_for(lemma)):
        complement = next((t for t in following if spec.complement in lemma_candidates(t)), None)
        if complement is not None and (complement.i == token.i + 1 or complement.pos_ in {"NOUN", "PROPN"}):
            return Trigger(token, (token.i, complement.i), spec, headline=True)
    return None


def _listed_before(mention: Mention, mentions: list[Mention], doc) -> list[Mention]:
    """The actor joined to ``mention`` by a comma or "and" right before it."""
    joined = [m for m in mentions if m.kind != "place" and m.end == mention.start - 1
              and doc[m.end].lower_ in {",", "and", "&"}]
    return joined[:1]


def headline_triggers(sent: Span, lexicon: Lexicon, mentions: list[Mention]) -> list[Trigger]:
    """A wire headline the parse read as one noun phrase ("Armenia places army
    on combat alert", "Djibouti, Paraguay open diplomatic relations"): the
    word right after the first actor, when the lexicon knows it as a verb, is
    the headline's verb, whatever it was tagged. Only for a line that does not
    end like prose and tells no event otherwise."""
    if sent[-1].text in {".", "!", "?", "”", '"'} and any(t.pos_ in {"VERB", "AUX"} for t in sent) \
            or any(t.tag_ in {"VBD", "VBP", "VBZ"} for t in sent):
        return []
    ends = {m.end for m in mentions if sent.start <= m.start and m.end < sent.end}
    for token in sent:
        if token.i not in ends:
            continue
        for spec in (s for lemma in lemma_candidates(token) for s in lexicon.phrasal_for(lemma)):
            complement = next((t for t in sent if t.i > token.i and spec.complement in lemma_candidates(t)), None)
            if complement is not None:
                return [Trigger(token, (token.i, complement.i), spec, headline=True)]
        spec = _entry(lexicon.verbs, token)
        if spec is not None:
            return [Trigger(token, (token.i,), spec, headline=True)]
    return []


PROMISE_VERBS = {"vow", "pledge", "promise", "swear"}
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
HOSTILE_VERBS = {"retaliate", "avenge", "punish", "crush", "destroy", "respond", "hit", "drive", "expel", "wipe",
                 "eliminate", "fight", "attack", "strike", "kill", "annihilate", "defeat", "storm", "target", "burn",
                 "bomb", "shell", "torch", "kidnap", "execute", "block", "blockade", "shut", "arrest", "jail", "seize"}
# What a promise of force promises, as its object: "vowed a merciless response", "promises bloodshed"
HOSTILE_NOUNS = {"response", "retaliation", "revenge", "bloodshed", "war", "reprisal", "reprisals", "vengeance",
                 "consequences", "punishment", "attack", "attacks"}


_ULTIMATUM = TriggerSpec("ultimatum", None, "VERB", "THREATEN", None, "act")


def _ultimatums(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """"NATO gave Bosnian Serb forces 48 hours to pull back their guns or face
    air strikes", "ordered officials to quit their jobs or face attacks": an
    order with "or face" something is a threat by whoever gives it."""
    threats = {t.head.i for t in triggers if t.spec.event_type == "THREATEN"}
    found = []
    doc = sent.doc
    for token in sent:
        if token.lower_ not in {"face", "faces"} or token.i == 0 or doc[token.i - 1].lower_ != "or":
            continue
        demanded = token.head  # however "or face air strikes" was parsed, the demanded act is the verb above it
        for _ in range(5):
            if demanded.pos_ == "VERB" and demanded.dep_ in {"xcomp", "advcl", "ccomp"} and demanded.head.pos_ == "VERB":
                break
            if demanded.head == demanded:
                break
            demanded = demanded.head
        giver = demanded.head
        if demanded.dep_ in {"xcomp", "advcl", "ccomp"} and giver.pos_ == "VERB" and giver.i not in threats:
            found.append(Trigger(giver, (giver.i,), _ULTIMATUM))
            threats.add(giver.i)
    return found


_INSIST = TriggerSpec("insist", None, "VERB", "REQUEST", None, "act")


def _insistence(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """"Greece insisted that Turkey withdraw its warships": insisting on what
    another should do (a subjunctive clause) is a demand; insisting that
    something is so ("insisted that the talks had been useful") is not."""
    taken = {t.head.i for t in triggers}
    return [Trigger(token, (token.i,), _INSIST) for token in sent
            if "insist" in lemma_candidates(token) and token.i not in taken
            and any(c.dep_ == "ccomp" and subjunctive(c) for c in token.children)]


def _without_protest_topics(triggers: list[Trigger]) -> list[Trigger]:
    """"rallied in Kiev, calling for the ouster of the president", "marched to
    demand the council's departure": what a protest demands is its topic, not
    an event of its own (PLOVER manual, PROTEST)."""
    protests = {t.head.i for t in triggers if t.spec.event_type == "PROTEST"}
    return [t for t in triggers if not (
        t.spec.event_type == "REQUEST" and t.head.dep_ in {"advcl", "xcomp", "acl"} and t.head.head.i in protests)]


REPRESSING_TYPES = {"COERCE", "ASSAULT"}


def _without_repressed_protests(triggers: list[Trigger]) -> list[Trigger]:
    """"Police dispersed the rally", "the junta banned the march": a protest
    that is what the repression falls on is not the repressor's protest; with
    its protesters unnamed ("a march by farmers" names them) it is no event."""
    repressing = {t.head.i for t in triggers if t.spec.event_type in REPRESSING_TYPES and t.head.pos_ == "VERB"}
    return [t for t in triggers if not (
        t.spec.event_type == "PROTEST" and t.head.pos_ == "NOUN" and t.head.dep_ in OBJECT_DEPS
        and t.head.head.i in repressing and not any(_case(c) in {"by", "of"} for c in t.head.children))]


def _without_requested_acts(triggers: list[Trigger]) -> list[Trigger]:
    """"Pakistan demanded economic aid from the United States", "India demanded the
    extradition of the suspects": the act named as what is asked for is the request's
    content, not an act that happened (nor one that Pakistan gave)."""
    requests = {t.head.i for t in triggers if t.spec.event_type == "REQUEST" and t.head.pos_ == "VERB"}
    return [t for t in triggers if not (
        t.head.pos_ == "NOUN" and t.spec.event_type != "REQUEST"
        and (t.head.dep_ == "obj" or t.head.dep_ == "obl" and _case(t.head) == "for") and t.head.head.i in requests)]


def _offers_of_readiness(sent: Span, triggers: list[Trigger], lexicon: Lexicon) -> list[Trigger]:
    """"Amman was ready to work closely with the new Iraqi government":
    readiness to do what the lexicon has no word for is an offer (AGREE), or
    a threat when the act is hostile ("prepared to use force"). An act the
    lexicon knows ("ready to free the soldiers") carries its own offer."""
    taken = {i for t in triggers for i in (t.head.i, *t.words)}
    found = []
    for token in sent:
        if token.lower_ not in READINESS_WORDS or token.pos_ not in {"ADJ", "VERB"}:
            continue  # "was prepared to" is often tagged a passive participle
        acts = [c for c in token.children if c.dep_ in {"xcomp", "ccomp", "advcl"} and _to_infinitive(c)]
        if not acts or any(a.i in taken for a in acts):
            continue
        hostile = any(_hostile_act(a, lexicon) for a in acts)
        spec = TriggerSpec(token.lower_, None, token.pos_, "THREATEN" if hostile else "AGREE", None, "act")
        found.append(Trigger(token, (token.i,), spec))
    return found


def _as_threat(trigger: Trigger, lexicon: Lexicon) -> Trigger:
    """"vowed to retaliate", "pledged to crush the rebels": a promise of
    force is a threat, not an agreement (PLOVER's THREATEN)."""
    if trigger.spec.event_type != "AGREE" or trigger.spec.lemma not in PROMISE_VERBS:
        return trigger
    for child in trigger.head.children:
        if child.dep_ in OBJECT_DEPS and child.lemma_.lower() in HOSTILE_NOUNS:
            return replace(trigger, spec=replace(trigger.spec, event_type="THREATEN", mode=None))
        if child.dep_ != "xcomp":
            continue
        if _hostile_act(child, lexicon):
            return replace(trigger, spec=replace(trigger.spec, event_type="THREATEN", mode=None))
    return trigger


def _hostile_act(verb: Token, lexicon: Lexicon) -> bool:
    """A verb that tells force or a sanction, alone or as a phrase ("cut off supplies")."""
    spec = _entry(lexicon.verbs, verb)
    if verb.lemma_.lower() in HOSTILE_VERBS or spec is not None and spec.event_type in HOSTILE_TYPES:
        return True
    phrasal = (s for lemma in lemma_candidates(verb) for s in lexicon.phrasal_for(lemma))
    return any(s.event_type in HOSTILE_TYPES and _complement(verb, s.complement) is not None for s in phrasal)


LEAVING_VERBS = {"quit", "leave", "exit", "withdraw", "pull"}
_LEFT_BODY = TriggerSpec("leave", None, "VERB", "SANCTION", "withdraw", "act")


def _bodies_left(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """"quit the UN Human Rights Council", "withdrew from the ICC": a state
    leaving a body of states reduces relations (PLOVER's SANCTION withdraw),
    where the same verbs tell a retreat or a resignation elsewhere."""
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in LEAVING_VERBS:
            continue
        left = [c for c in token.children if c.dep_ in OBJECT_DEPS | {"xcomp"} or c.dep_ == "obl" and _case(c) in {"from", "of"}]
        if any(_intergovernmental(c) for c in left):
            triggers = [t for t in triggers if t.head.i != token.i] + [Trigger(token, (token.i,), _LEFT_BODY)]
    return triggers


def _intergovernmental(token: Token) -> bool:
    """Whether a phrase names a body of states: whole, or up to its head ("ECOWAS in January")."""
    for tokens in (token.subtree, [t for t in token.subtree if t.i <= token.i]):
        known = lookup_organisation(" ".join(t.text for t in tokens if t.dep_ not in {"case", "det", "punct"}))
        if known is not None:
            return known.country in INTERGOVERNMENTAL_CODES
    return False


DIPLOMAT_NOUNS = {"ambassador", "envoy", "diplomat", "attaché", "attache", "chargé", "charge", "consul", "representative"}
# Missions a state hosts, whose expulsion the PLOVER manual files with diplomats' (SANCTION expel)
HOSTED_MISSIONS = {"peacekeeper", "observer", "inspector", "monitor", "mission", "agency", "ngo", "charity"}
_EXPULSION = TriggerSpec("expel", None, "VERB", "SANCTION", "expel", "act")


def _as_expulsion(trigger: Trigger) -> Trigger:
    """"ordered the military attaché to leave", "orders French ambassador out",
    "ordered UN peacekeepers out of the country": an order given to a diplomat or
    a foreign mission is an expulsion (SANCTION), not a demand."""
    if trigger.spec.event_type not in {"REQUEST", "COERCE"} or trigger.head.lemma_.lower() not in {"order", "tell"}:
        return trigger  # (COERCE: "ordered ... to leave", an expulsion of whoever it is)
    if any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in DIPLOMAT_NOUNS | HOSTED_MISSIONS for c in trigger.head.children):
        return replace(trigger, spec=_EXPULSION)
    return trigger


# What one commits that is no commitment ("committed atrocities").
WRONGS = {"atrocity", "atrocities", "crime", "crimes", "abuse", "abuses", "murder", "fraud", "offence", "offense",
          "violation", "violations", "massacre", "massacres", "genocide", "error", "mistake", "suicide", "sin",
          "breach", "act", "acts", "attack", "attacks", "theft", "robbery", "perjury", "treason"}


TRANSITIVE_ONLY = {"evacuate"}  # verbs that tell an event only with an object
INTENT_NOUNS = {"effort", "bid", "attempt", "push", "drive", "way", "means", "hope", "goal", "aim", "chance"}
LABOUR_STRIKE_WORDS = {
    "general", "wildcat", "hunger", "national", "nationwide", "indefinite", "labour", "labor", "union", "unions",
    "teachers", "workers", "doctors", "nurses", "miners", "dockworkers", "pilots", "rail", "transport", "sit-down",
    "employees", "drivers", "dockers", "lawyers", "staff", "medics", "physicians", "students", "farmers", "truckers",
    "warning", "public-sector", "one-day", "two-day", "three-day", "24-hour", "48-hour", "72-hour", "day", "hour",
}


PROTEST_PURPOSES = {"demand", "oppose", "protest", "press", "denounce", "condemn", "decry", "demonstrate"}
_DEMONSTRATION = TriggerSpec("demonstrate", None, "VERB", "PROTEST", "demo", "act")


def _protests_by_purpose(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """"Nurses began a stoppage to demand unpaid wages", "traders closed their
    shops to press the government": whatever a crowd did, done to demand or
    oppose, is a protest ("the minister travelled to Paris to press France" is
    not). Not for a verb that already tells a protest."""
    taken = {t.head.i for t in triggers if t.spec.event_type == "PROTEST"}
    found = []
    for token in sent:
        if token.pos_ != "VERB" or token.i in taken or not _crowd_subject(token):
            continue
        if any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in PROTEST_PURPOSES and infinitive(c)
               for c in token.children):
            found.append(Trigger(token, (token.i,), _DEMONSTRATION))
    return found


TOGETHER_WORDS = {"jointly", "together", "alongside"}
JOINT_WORDS = {"joint", "combined", "coordinated", "shared", "bilateral"}
DONE_TOGETHER = TriggerSpec("jointly", None, "VERB", "COOPERATE", None, "sym")


def _done_together(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """"The two navies patrolled together", "began operating a joint border
    post": a verb that is not itself a trigger, done jointly, is cooperation.
    So is a journey verb done jointly ("flew joint patrols": no visit), and
    an act done together adds the cooperation to the act ("jointly arrested
    14 poachers")."""
    in_phrases = {i for t in triggers for i in t.words if i != t.head.i}
    for token in sent:
        if token.pos_ != "VERB" or token.i in in_phrases:
            continue
        joint_object = any(
            c.dep_ in OBJECT_DEPS and any(m.lower_ in JOINT_WORDS and m.dep_ == "amod" for m in c.children)
            for c in token.children
        )
        jointly = any(c.lower_ in TOGETHER_WORDS and c.dep_ == "advmod" for c in token.children) or any(
            c.dep_ == "obl" and _case(c) in {"in", "during"} and any(m.lower_ in JOINT_WORDS for m in c.children)
            for c in token.children)  # "arrested 17 smugglers in a coordinated sweep"
        own = [t for t in triggers if t.head.i == token.i]
        journey = bool(own) and all(t.spec.frame == "go" for t in own)
        joint_act = bool(own) and jointly and all(t.spec.event_type in HOSTILE_TYPES for t in own)
        if not (joint_object or jointly) or own and not (journey or joint_act):
            continue
        kept = [t for t in triggers if t not in own] if journey else triggers  # "flew joint patrols": no visit
        triggers = kept + [Trigger(token, (token.i,), DONE_TOGETHER)]
    return triggers


OFFICIAL_PLURALS = {"official", "minister", "leader", "diplomat", "government", "authority", "envoy", "delegate",
                    "negotiator", "lawmaker", "senator", "mp", "general", "commander", "force", "troop", "police"}


def _crowd_subject(verb: Token) -> bool:
    """A subject that is many people, not officials: "nurses", "hundreds of villagers"."""
    for child in verb.children:
        if child.dep_ not in {"nsubj", "nsubj:pass"}:
            continue
        people = child
        if child.lemma_.lower() in GROUP_NOUNS:
            people = next((c for c in child.children if _case(c) == "of"), child)
        return people.tag_ in {"NNS", "NNPS"} and people.lemma_.lower() not in OFFICIAL_PLURALS
    return False


def _denies_a_fact(verb: Token) -> bool:
    """"denied that inmates had stopped eating", "denied carrying out pushbacks":
    a clause is denied, not a request refused."""
    return any(c.dep_ in {"ccomp", "xcomp", "csubj"} or c.dep_ == "obj" and c.pos_ == "VERB" for c in verb.children)


# Words of a contest or a count, in which "beat", "whip" or "club" is no blow.
CONTEST_WORDS = {
    "election", "vote", "poll", "race", "runoff", "run-off", "primary", "ballot", "contest", "match", "final",
    "tournament", "game", "championship", "cup", "league", "deadline", "expectation", "forecast", "estimate",
    "record", "odds", "rival", "opponent", "challenger", "incumbent", "seat", "together", "support", "inflation",
}


def _contest_won(verb: Token) -> bool:
    """"beat her rival in the runoff", "whipped up support", "clubbed together":
    the verb tells of a contest won or a count, not of blows."""
    near = [t for c in verb.children for t in c.subtree] + [t for t in verb.sent if t.dep_ == "ROOT"]
    return any(t.lemma_.lower() in CONTEST_WORDS or t.lower_ in CONTEST_WORDS for t in near) \
        or any(c.dep_ == "compound:prt" and c.lower_ == "up" for c in verb.children)


def _names_something(verb: Token) -> bool:
    """"called Russia a key player", "called the attack a war crime": an
    object and a noun saying what it is make "call" a verb of naming."""
    objects = [c for c in verb.children if c.dep_ in {"obj", "iobj", "xcomp"} and c.pos_ in {"NOUN", "PROPN", "ADJ"}]
    return len(objects) >= 2


def _strike_sense(token: Token, spec: TriggerSpec) -> TriggerSpec:
    """A strike is an attack ("an air strike") unless its words make it a
    stoppage of work: "a general strike", "teachers' strike", "on strike",
    "a 24-hour strike", "a hunger strike"."""
    words = {t.lower_ for t in token.subtree if t.i < token.i} | {c.lower_ for c in token.children}
    if token.dep_ in {"obj", "dobj"}:
        # "nurses began a strike": who strikes tells which strike it is
        words |= {c.lower_ for c in token.head.children if c.dep_ == "nsubj"}
    words |= {part for w in words for part in w.split("-")}
    if not (words & LABOUR_STRIKE_WORDS or _case(token) == "on"):
        return spec
    if spec.event_type == "THREATEN":
        return replace(spec, mode="restrict")  # "threatens a general strike": PLOVER's threat to restrict
    return TriggerSpec(spec.lemma, None, "NOUN", "PROTEST", "hunger" if "hunger" in words else "strike", "act")


AERIAL_WORDS = {"air", "bombing", "aerial", "drone", "missile", "rocket", "helicopter", "airstrike"}


def _raid_sense(token: Token, spec: TriggerSpec) -> TriggerSpec:
    """A raid is a search or seizure unless it comes from the air ("bombing
    raids", "drone raids", "the air force's raids"): then it is an attack."""
    words = {t.lower_ for t in token.subtree if t.i < token.i}
    if token.dep_ in OBJECT_DEPS:
        words |= {t.lower_ for c in token.head.children if c.dep_ == "nsubj" for t in c.subtree}
    if not words & AERIAL_WORDS:
        return spec
    return TriggerSpec(spec.lemma, None, "NOUN", "ASSAULT", "drone" if "drone" in words else "aerial", "act")


def _call_sense(token: Token, spec: TriggerSpec) -> TriggerSpec:
    """"renewed his call for a ceasefire", "calls for the president to resign":
    a call for something is a request, not a telephone call, whether the parse
    hangs the "for" on the call or on the verb whose object the call is."""
    holders = [token] + ([token.head] if token.dep_ in OBJECT_DEPS else [])
    asked = any(c.dep_ in {"nmod", "obl", "acl"} and c.i > token.i and _case(c) == "for" for h in holders for c in h.children) \
        or any(c.dep_ == "acl" and infinitive(c) for c in token.children)
    return TriggerSpec(spec.lemma, None, "NOUN", "REQUEST", None, "act") if asked else spec


CROWD_CONTROL_WORDS = {"gas", "cannon", "cannons", "bullets", "bullet", "batons", "baton", "grenades", "spray", "clubs",
                       "truncheons", "shots", "rounds", "force"}


def _dispersal_sense(verb: Token, spec: TriggerSpec) -> TriggerSpec:
    """"dispersed the crowd with tear gas": a crowd broken up by force is
    repression by violence (PLOVER's ASSAULT, crowd control), not a mere order."""
    holders = [verb] + [c for c in verb.children if c.dep_ in OBJECT_DEPS]  # the parse may hang "with" on the crowd
    used = {t.lower_ for h in holders for c in h.children if c.dep_ in {"obl", "nmod"} and _case(c) == "with"
            for t in c.subtree}
    if not used & CROWD_CONTROL_WORDS:
        return spec
    return TriggerSpec(spec.lemma, None, "VERB", "ASSAULT", "crowd-control", "act")


def _downing_tools(verb: Token) -> bool:
    """"Air traffic controllers will strike for three days": people who strike
    at nothing, or working people who strike, stop work; missiles and jets
    strike something."""
    if any(c.dep_ in OBJECT_DEPS or c.dep_ == "obl" and _case(c) in {"at", "on"} and c.lower_ not in TIME_WORDS
           for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    if not subjects and verb.dep_ in {"advcl", "xcomp", "conj"}:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "drivers stayed off the roads, striking"
    if not subjects and verb.dep_ == "acl":
        subjects = [verb.head]  # "train drivers struck on Friday" read as a noun phrase
    return any(s.tag_ in {"NNS", "NNPS"} and s.lower_ not in WEAPON_PLURALS for s in subjects) or any(
        s.lower_ in LABOUR_STRIKE_WORDS for s in subjects)


TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "day",
              "night", "morning", "evening", "afternoon", "dawn", "midnight", "noon"}
WEAPON_PLURALS = {"missiles", "rockets", "drones", "jets", "warplanes", "aircraft", "planes", "bombers", "helicopters",
                  "troops", "forces", "shells", "bombs", "gunmen", "militants", "rebels", "soldiers", "fighters"}


def _misread_main_verb(token: Token) -> bool:
    """"Turkey eased restrictions", "aircraft bombed targets" parsed as a
    clause-heading noun with the verb as its adjective: a past participle
    right after a noun and before that head noun is the clause's verb, not
    a description ("the reported attack", "US-backed forces" have no noun
    right before)."""
    head = token.head
    if token.dep_ != "amod" or token.tag_ not in {"VBD", "VBN"} or token.pos_ != "VERB":
        return False
    if head.pos_ not in {"NOUN", "PROPN"} or head.i <= token.i:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.head == head and (
        before.dep_ == "nsubj" and before.pos_ in {"NOUN", "PROPN"} or before.dep_ == "compound" and before.pos_ == "PROPN"
    ):
        # "the government lifted restrictions", "the Soviet Union lifted restrictions": a noun given
        # a subject, or a name read into it, is a clause whose verb the parse misread
        return True
    if head.dep_ not in {"ROOT", "ccomp", "parataxis", "conj"} and head.head.pos_ in {"VERB", "AUX"}:
        return False  # the noun is some verb's argument: the participle does describe it
    if before is not None and before.dep_ == "aux" and before.lemma_.lower() == "have":
        return True  # "have renewed ties": a perfect tense is never an adjective
    return before is not None and (before.pos_ in {"NOUN", "PROPN"} or _owned_adjective(before)) \
        and before.head.i in {head.i, token.i, head.head.i}


def _owned_adjective(token: Token) -> bool:
    """"Myanmar's military": a word after a possessive is a noun, whatever its tag."""
    return token.pos_ == "ADJ" and token.i > 0 and token.doc[token.i - 1].tag_ == "POS"


def _clause_verb_of_misread(verb: Token, complement: Token) -> Token:
    """"Ethiopia has broken relations" read as "has" taking "broken
    relations": the verb that governs the object carries the arguments."""
    if verb.dep_ == "amod" and verb.head == complement and complement.dep_ in OBJECT_DEPS:
        governor = complement.head
        if governor.pos_ in {"VERB", "AUX"} and governor.i == verb.i - 1 and governor.lemma_.lower() in {"have", "be"}:
            return governor
    return verb


IRREGULAR_PAST = {
    "spoke": "speak", "withdrew": "withdraw", "withdrawn": "withdraw", "shot": "shoot", "froze": "freeze",
    "met": "meet", "fought": "fight", "sought": "seek", "struck": "strike", "held": "hold", "began": "begin",
    "broke": "break", "broken": "break", "brought": "bring", "led": "lead", "sent": "send", "threw": "throw",
    "overran": "overrun", "lent": "lend", "laid": "lay", "fled": "flee", "stole": "steal", "hid": "hide",
    "took": "take", "taken": "take", "gave": "give", "given": "give", "made": "make", "paid": "pay",
    "flew": "fly", "flown": "fly", "drove": "drive", "cut": "cut", "beat": "beat", "beaten": "beat",
    "forbade": "forbid", "forbidden": "forbid", "swore": "swear", "sworn": "swear", "bore": "bear",
    "seized": "seize", "sold": "sell", "bought": "buy", "won": "win", "lost": "lose", "kept": "keep",
    "undertook": "undertake", "undertaken": "undertake", "stood": "stand", "rang": "ring", "wrote": "write",
}


def lemma_candidates(token: Token) -> tuple[str, ...]:
    """The lemma, then the word itself and its plain stems: a lemmatiser's
    slip ("thanking" left as is, "expelled", "spoke") should not hide a trigger."""
    return _candidates(token.lemma_.lower(), token.lower_)


@lru_cache(maxsize=1 << 16)  # asked for every word of every sentence, and words repeat
def _candidates(lemma: str, word: str) -> tuple[str, ...]:
    candidates = [lemma, word]
    if word in IRREGULAR_PAST:
        candidates.append(IRREGULAR_PAST[word])
    for suffix, replacement in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("es", ""), ("ied", "y"), ("ies", "y")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            candidates.append(stem + replacement)
            if suffix in {"ed", "ing"} and len(stem) > 3 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # "expelled" -> "expel", "kidnapping" -> "kidnap"
    return tuple(candidates)


def _so_called(token: Token) -> bool:
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "so"


# Prepositions that complete a phrasal trigger even when words come between
# ("left on Monday for Kyiv"); particles like "in" or "against" do not, as
# "gave aid in Gaza" and "protested in Paris against" are no phrasal acts.
PREPOSITION_COMPLEMENTS = {"for"}  # "left on Monday for Kyiv"
ORDERED_OUT = "out"  # "ordered peacekeepers out of the country": "out" heads "of the country"
REASON_CASES = {"over", "amid", "despite", "after", "because"}
OVER_PARTICLE_VERBS = {"hand", "turn", "take", "give", "sign", "pass", "win"}  # "handed over rifles"


def _complement(verb: Token, lemma: str) -> Token | None:
    """The object or particle that completes a phrasal trigger, looking one
    level into the object too ("carried out hundreds of airstrikes")."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.pos_ in {"ADP", "ADV", "PART"} and following.lower_ == lemma:
        return following  # "walked out", "handed over": a particle the parse hung elsewhere
    if verb.dep_ == "amod" and lemma in lemma_candidates(verb.head) and (
        _misread_main_verb(verb) or _clause_verb_of_misread(verb, verb.head) != verb
    ):
        return verb.head  # "has broken relations": the participle read as the object's adjective
    for child in verb.children:
        if child.dep_ == "obl" and _case(child) in REASON_CASES and not (
                verb.lemma_.lower() in OVER_PARTICLE_VERBS and any(c.i == verb.i + 1 for c in child.children)):
            continue  # "withdrawn over the anti-gay law": the law is the reason ("handed over rifles" is no reason)
        if child.dep_ in {"nsubj", "csubj", "parataxis"} or child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} \
                or child.dep_ in {"advcl", "ccomp"} and any(c.dep_.startswith("nsubj") for c in child.children):
            # "forces pulled back": the subject does not complete "pull>force"; "suspended
            # exports after footage was broadcast", "carried tents after a quake struck": nor
            # does the verb of another clause
            continue
        if lemma in lemma_candidates(child):
            return child
        prepositional = lemma in PREPOSITION_COMPLEMENTS or lemma == ORDERED_OUT and verb.lemma_.lower() == "order"
        if prepositional and child.dep_ == "obl" and _case(child) == lemma and child.i > verb.i:
            return next(c for c in child.children if c.lower_ == lemma)  # "left on Monday for Kyiv"
        if child.dep_ in OBJECT_DEPS | {"obl"}:
            for grandchild in child.children:
                if grandchild.dep_ in {"nmod", "compound"} and lemma in lemma_candidates(grandchild):
                    return grandchild
                if child.dep_ in OBJECT_DEPS and grandchild.dep_ in {"advmod", "compound:prt"} and grandchild.i > child.i \
                        and grandchild.lower_ == lemma:
                    return grandchild  # "handed two smugglers over": the particle hung on the object
                if child.dep_ in OBJECT_DEPS and grandchild.dep_ == "acl" and infinitive(grandchild) \
                        and lemma in lemma_candidates(grandchild):
                    return grandchild  # "ordered a steelmaker to pay": the object's "to" clause read as its own
    return None


def assign_roles(trigger: Trigger, mentions: list[Mention]) -> Roles:
    if trigger.headline:
        # the parse of a verbless headline is no guide: who comes before, whom after
        mentions = [_cut_at(m, trigger) for m in mentions]
        before = _nearest(trigger, mentions, before=True, exclude=[])
        after = _nearest(trigger, mentions, before=False, exclude=before)
        if before and not after:
            before = _listed_before(before[0], mentions, trigger.head.doc) + before  # "Djibouti, Paraguay open relations"
        return Roles(tuple(before), tuple(after), (), False)
    sources, targets, places, visited = [], [], [], []
    links = _Links(trigger, mentions)
    owners = [m for m in mentions if _owns_object(trigger, m)]
    told = _words_of_the_act(trigger)
    for mention in mentions:
        if mention.root in told:
            if mention.root != trigger.head.i and mention.kind == "group" and authored(trigger.head.doc[mention.root]):
                targets.append(mention)  # "rejected an Indian proposal": India is the one rejected
            continue
        link = links.of(mention)
        if link is None:
            if mention in owners:
                targets.append(mention)
            continue
        dep, case = link
        if dep == "nsubj" and trigger.head.pos_ == "ADJ":
            dep = "nsubj:pass"  # "activists were tortured/JJ by police": a passive the tagger took for an adjective
        if dep == "nsubj:pass" and (_active(trigger.head) or _unaccusative_journey(trigger) or _forces_sent(trigger, mention)
                                    or trigger.head.lower_ in READINESS_WORDS):
            dep = "nsubj"  # "forces have been helping": a progressive read as a passive; "it was prepared to"
        if mention.kind == "place" or (case in PLACE_CASES and mention.kind in {"capital", "place"}):
            places.append(mention)
            # "the Istanbul offices of a German charity": the owner is acted on, not the city
            if (dep in OBJECT_DEPS or case in {"of", "from", "on", "against"}) and trigger.spec.event_type in TERRITORIAL_TYPES \
                    and not owners and mention.actors and mention.actors[0].country:  # "on Lake Victoria": no state's
                targets.append(_country_of_place(mention))  # "annexation of Crimea": Ukraine is acted on
                continue
            if trigger.spec.frame != "go":
                continue
        if dep in SUBJECT_DEPS or case == "by" or _absolute_subject(trigger, mention, case):
            sources.append(mention)
        elif dep in OBJECT_DEPS or (case in TARGET_CASES and case not in PLACE_CASES) or (
            trigger.spec.frame == "go" and case in TARGET_CASES
        ):
            targets.append(mention)
            visited += [mention] if dep in OBJECT_DEPS else []
        elif trigger.head.pos_ == "NOUN" and (dep == "compound" or dep == "amod" and mention.kind == "state"):
            sources.append(mention)  # "Israeli airstrikes", "a Russian attack": the state's act
    if trigger.spec.frame == "go" and visited:
        targets = visited  # "to Visit Israel in Bid to Bolster Ties": what is visited is the destination
    sources = _first_of_a_pair_read_as_head(trigger, mentions, sources) + sources
    if trigger.spec.event_type == "MOBILIZE":
        # "deployed troops to its border with Guyana": the forces moved are not whom it aims at
        moved = [m for m in targets if all(a.sector in FORCE_SECTORS for a in m.actors)]
        targets = [m for m in targets if m not in moved]
        mentions = [m for m in mentions if m not in moved]
    if not sources:
        giver, receiver = _light_verb_roles(trigger, mentions)
        sources.extend(giver)
        if not targets:
            targets.extend(receiver)
    if not targets:
        targets.extend(_object_read_as_modified(trigger, mentions, sources))
    _relative_clause(trigger, mentions, sources, targets)
    if not targets and trigger.spec.event_type in COMPLEMENT_TARGET_TYPES:
        targets.extend(_complement_targets(trigger, mentions))
    if not targets and trigger.spec.mode == "investigate":
        targets.extend(_agents_investigated(trigger, mentions))
    if trigger.spec.event_type == "COOPERATE" and trigger.spec.frame == "pass":
        targets[:] = _receiving_state(trigger, targets, mentions) or targets
    elif trigger.spec.event_type == "RETREAT" and trigger.spec.frame == "pass":
        # "handed two smugglers over to Greek police": suspects handed to another state's agency
        targets[:] = [m for m in _receiving_state(trigger, targets, mentions) if m.kind == "group"] or targets
    sides = _between(trigger, mentions)
    if sides and trigger.spec.mode == "third-party" and sources:
        targets[:] = sides  # "the envoy shuttled between Colombo and Kilinochchi": the sides are whom he goes between
    elif sides:
        sources[:], targets[:] = sides, []
    if trigger.spec.event_type in JUDGED_TYPES:
        targets[:] = _author_of_the_act_judged(trigger, mentions) or targets
    from_parse = bool(sources)
    passive = any(c.dep_ in {"aux:pass", "nsubj:pass"} for c in trigger.head.children)
    # Stand-ins only for a verb that heads its own clause: a noun ("the
    # meeting") or a participle on a noun ("efforts to return") says nothing
    # about the words before it.
    if trigger.head.pos_ != "VERB" or (trigger.head.dep_.startswith("acl") and not _finite(trigger.head)):
        if not targets and trigger.spec.event_type in LANDS_ON_PLACE:
            places = places or _places_of_object(trigger, mentions)  # "its raids on depots in southern Syria"
            targets = _home_ground(places, sources)
        targets = [_host_of_own_mission(m, sources, mentions, trigger) or m for m in targets]
        return Roles(tuple(sources), tuple(targets), tuple(places), bool(sources))
    if not sources and passive and trigger.spec.mode in {"expel", "deport"}:
        sources = _expelled_from(trigger, mentions)  # "four British diplomats were expelled from Russia"
    if not sources and passive:
        sources = _agent_hung_below(trigger, mentions)
    if not sources and not passive:
        sources = _with_conjuncts(_nearest(trigger, mentions, before=True, exclude=targets), mentions, trigger)
    if not targets and (trigger.spec.frame in {"act", "go", "pass"} or _with_follows(trigger)):
        source_names = {a.name for m in sources for a in m.actors}
        others = [m for m in mentions if not source_names & {a.name for a in m.actors} and m.root not in told]
        targets = _nearest(trigger, others, before=False, exclude=sources)
    places = places or _places_of_object(trigger, mentions)
    governed = [] if places else _places_of_governor(trigger, mentions)
    if not targets and trigger.spec.frame == "act":
        # the people of the governor's place are what an attack or aid lands on, not a court's ruling
        ground = places or (governed if trigger.spec.event_type in LANDS_ON_PLACE else [])
        targets = _owner_of_object(trigger, mentions, sources) or _home_ground(ground, sources)
    # once the stand-in sources are known
    targets = [_host_of_own_mission(m, sources, mentions, trigger) or m for m in targets]
    return Roles(tuple(sources), tuple(targets), tuple(places or governed), from_parse)


def _places_of_governor(trigger: Trigger, mentions: list[Mention]) -> list[Mention]:
    """"dropped a bomb on a district of Kharkiv, wounding 25 people": a clause that
    shares its governor's subject happened where the governor's act did."""
    head = trigger.head
    if head.dep_ not in {"advcl", "conj"} or not _shares_subject(head):
        return []
    governor, own = head.head, set(range(head.left_edge.i, head.right_edge.i + 1))
    inside = set(range(governor.left_edge.i, governor.right_edge.i + 1)) - own
    return [m for m in mentions if m.kind in {"place", "capital"} and m.root in inside and m.root > governor.i]


def _done_by_nature(verb: Token) -> bool:
    """"after an earthquake struck Herat": what nature does is no one's act."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in NATURAL_DISASTERS for c in verb.children)


NATURAL_DISASTERS = {
    "earthquake", "quake", "flood", "storm", "cyclone", "hurricane", "typhoon", "drought", "landslide", "tsunami",
    "wildfire", "avalanche", "eruption", "tornado", "mudslide", "aftershock", "disease", "epidemic", "outbreak",
}


# Types whose act is a judgement of another's act: that act's author is whom it is aimed at.
JUDGED_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}


def _author_of_the_act_judged(trigger: Trigger, mentions: list[Mention]) -> list[Mention]:
    """"condemned the killing of protesters by Sudanese forces", "voiced condemnation
    of an attack by settlers", "welcomed the decision by Iran": the one by whom
    the act judged was done, not those it was done to."""
    head = trigger.head
    if head.pos_ == "VERB":
        judged = [c for c in head.children if c.dep_ == "obj" and c.pos_ == "NOUN"]
    else:
        judged = [c for c in head.children if c.dep_ == "nmod" and _case(c) == "of" and c.pos_ == "NOUN"]
    agents = [c for noun in judged for c in noun.children if c.dep_ == "nmod" and _case(c) == "by"]
    found = [m for m in mentions for agent in agents if m.root == agent.i and m.kind != "place"]
    return _with_conjuncts(found, mentions, trigger) if found else []


def _first_of_a_pair_read_as_head(trigger: Trigger, mentions: list[Mention], sources: list[Mention]) -> list[Mention]:
    """"Greece's foreign minister and his Turkish counterpart met": the parse made
    "met" a conjunct of "minister", whose own subject is only "counterpart"; the
    noun it hangs on is the pair's first member."""
    head = trigger.head
    if trigger.spec.frame != "sym" or head.dep_ != "conj" or head.head.pos_ not in {"NOUN", "PROPN"} \
            or head.head.i > head.i or not any(c.dep_ == "nsubj" for c in head.children):
        return []
    return [m for m in mentions if m.root == head.head.i and m not in sources][:1]


def _receiving_state(trigger: Trigger, targets: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """"Peru extradited a former regional governor to Brazil": a person handed over
    goes to the state that asked for him, and that state is whom the act is for,
    whether the parse hangs "to Brazil" on the verb or on the person."""
    doc = trigger.head.doc
    holders = {trigger.head.i} | {m.root for m in targets}
    return [m for m in mentions if _case(doc[m.root]) == "to" and doc[m.root].head.i in holders
            and (m.kind in {"state", "capital"} or m.kind == "group" and _foreign_agency(m, targets))]


def _foreign_agency(mention: Mention, handed: list[Mention]) -> bool:
    """"handed two smugglers over to Greek police": another state's police or
    courts receive the person for their state."""
    countries = {a.country for m in handed for a in m.actors}
    return all(a.sector in {"COP", "JUD", "GOV"} and a.country and a.country not in countries for a in mention.actors)


MISSION_NOUNS = {"embassy", "consulate", "mission", "legation", "staff", "diplomat", "ambassador", "envoy"}


def _host_of_own_mission(target: Mention, sources: list[Mention], mentions: list[Mention], trigger: Trigger) -> Mention | None:
    """"Argentina downgraded its embassy in Caracas", "Tehran cut its embassy
    staff in Baku": acting on one's own mission abroad is acting towards the
    state that hosts it (named on the mission, or on the verb as the parse
    often hangs it)."""
    own = {a.country for m in sources for a in m.actors}
    token = trigger.head.doc[target.root]
    consul = token.lemma_.lower() == "general" and any(c.lemma_.lower() == "consul" for c in token.children)
    if not own or (token.lemma_.lower() not in MISSION_NOUNS and not consul) or not all(a.country in own for a in target.actors):
        return None
    hosts = [c for c in token.children if c.dep_ == "nmod" and _case(c) in {"in", "to"}]
    hosts += [c for c in trigger.head.children if c.dep_ == "obl" and _case(c) in {"in", "from"}]
    for host_word in hosts:
        host = next((m for m in mentions if m.root == host_word.i and m.kind in {"capital", "state", "place"}), None)
        if host is not None and host.actors and host.actors[0].country and host.actors[0].country not in own:
            return _country_of_place(host)
    return None


def _places_of_object(trigger: Trigger, mentions: list[Mention]) -> list[Mention]:
    """"destroyed a weapons depot in Lviv": where what is acted on stands is
    where the act took place, when the parse hung the place on the object.
    Aid and attacks land on a place's people, however far down the object's
    chain the place is named ("sent tents to villages in western Afghanistan",
    "raids on depots in southern Syria")."""
    doc = trigger.head.doc
    if trigger.spec.event_type in LANDS_ON_PLACE:
        reached, kinds = _nominal_chain(trigger.head), {"place", "capital", "state"}
    else:
        # "released a kidnapped Italian nun in Mali": the state named is where it happened
        reached, kinds = {c.i for c in trigger.head.children if c.dep_ in OBJECT_DEPS}, {"place", "capital", "state"}
    return [m for m in mentions if m.kind in kinds and doc[m.root].dep_ == "nmod"
            and doc[m.root].head.i in reached and _case(doc[m.root]) in PLACE_CASES]


LANDS_ON_PLACE = {"AID", "ASSAULT"}
NOMINAL_CHAIN_DEPS = OBJECT_DEPS | {"obl", "nmod"}
NOMINAL_CHAIN_DEPTH = 3


def _nominal_chain(head: Token) -> set[int]:
    """The nouns reached from a trigger through its objects, obliques and
    their nominal modifiers, a few links deep: not through clauses, whose
    places are their own acts'."""
    reached: set[int] = set()
    frontier = [head]
    for _ in range(NOMINAL_CHAIN_DEPTH):
        frontier = [c for t in frontier for c in t.children if c.dep_ in NOMINAL_CHAIN_DEPS]
        reached.update(t.i for t in frontier)
    return reached


RELATION_NOUNS = {"relations", "ties", "talks", "cooperation", "coordination", "dialogue", "partnership"}


def _words_of_the_act(trigger: Trigger) -> set[int]:
    """The trigger's words, and the object a phrasal complement is counted in:
    "sent a brigade of 60 doctors": the brigade is what was sent, not its target."""
    doc = trigger.head.doc
    counted = {doc[i].head.i for i in trigger.words[1:] if doc[i].dep_ == "nmod" and _case(doc[i]) == "of"
               and doc[i].head.dep_ in OBJECT_DEPS and doc[i].head.head.i == trigger.head.i}
    if not counted:
        return set(trigger.words)
    listed = {c.i for i in trigger.words[1:] for c in doc[i].conjuncts}  # "60 doctors and nurses"
    return set(trigger.words) | counted | listed


def _owns_object(trigger: Trigger, mention: Mention) -> bool:
    """"searched the offices of a British broadcaster", "met leaders of the
    riders' association": whoever owns what is acted on, named after "of", is
    acted on. The states of a relation ("years of Israeli-Russian relations")
    own nothing."""
    token = trigger.head.doc[mention.root]
    return mention.kind not in {"place", "capital"} and token.lower_ not in RELATION_NOUNS \
        and token.dep_ == "nmod" and _case(token) == "of" \
        and token.head.dep_ in OBJECT_DEPS and token.head.head == trigger.head


def _owner_of_object(trigger: Trigger, mentions: list[Mention], sources: list[Mention]) -> list[Mention]:
    """"suspended duties on Mexican tomatoes", "stole $600 million from a South
    Korean exchange": with nobody acted on by name, the one state that what
    is acted on belongs to is the target."""
    objects = [c for c in trigger.head.children if c.dep_ in OBJECT_DEPS or c.dep_ == "obl" and _case(c) in OWNED_CASES]
    inside = {t.i for o in objects for t in o.subtree}
    source_countries = {a.country for m in sources for a in m.actors}
    owners = [m for m in mentions if m.kind == "state" and m.root in inside and m.actors[0].country not in source_countries]
    return owners if len({m.actors[0].country for m in owners}) == 1 else []


def _home_ground(places: list[Mention], sources: list[Mention]) -> list[Mention]:
    """"Iran throttled the internet in Zahedan": an act on nobody named, done
    at home, is done to the people of the place; "destroyed a depot in Lviv",
    done abroad, to the state the place is in."""
    countries = {a.country for m in sources for a in m.actors}
    for place in places:
        where = place.actors[0] if place.actors else None
        if not (where and where.country and sources):
            continue
        if countries <= {where.country, None}:
            people = Actor(where.text, where.text, where.country, "CVL", None)
            return [replace(place, actors=(people,), kind="group")]
        return [_country_of_place(place)]
    return []


OWNED_CASES = {"on", "against", "from", "into", "inside", "of"}


TERRITORIAL_TYPES = {"COERCE", "ASSAULT", "MOBILIZE", "RETREAT"}


def _object_read_as_modified(trigger: Trigger, mentions: list[Mention], sources: list[Mention]) -> list[Mention]:
    """"the envoy met Polish officials" parsed with "met" as an adjective on
    "officials": the noun the verb was hung on is its object."""
    verb = trigger.head
    if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or verb.head.i <= verb.i:
        return []
    return [m for m in mentions if m.root == verb.head.i and m not in sources]


RECEIVING_VERBS = {"receive", "get", "obtain", "accept", "take"}


# Verbs that speak of, forbid or permit an act rather than do it: their subject is not the act's actor.
JUDGING_VERBS = {
    "criticise", "criticize", "condemn", "denounce", "decry", "deplore", "slam", "welcome", "praise", "hail",
    "applaud", "blame", "deny", "reject", "protest", "oppose", "mourn", "investigate", "report", "describe",
    "recall", "witness", "debate", "commemorate", "survive", "condone", "question", "fear", "predict",
    "ban", "prohibit", "outlaw", "forbid", "permit", "allow",
    # turning down an offer: the one who turns it down did not make it
    "spurn", "rebuff", "scorn", "dismiss", "overrule", "ignore", "snub", "sink", "wave", "sweep", "veto",
}


def _light_verb_roles(trigger: Trigger, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Sides of a noun trigger that is a verb's object, from the verb: "the
    two navies completed the drills", "Japan handed Sri Lanka a grant" (the
    subject gives, the indirect object or "to" receives); "Eswatini received a
    loan from the bank" (the subject receives, "from" or "by" gives)."""
    noun = trigger.head
    if noun.dep_ == "nmod" and noun.head.lemma_.lower() in BATCH_NOUNS:
        noun = noun.head  # "preparing a wave of strikes": the batch is the verb's object
    if noun.pos_ != "NOUN" or noun.dep_ not in OBJECT_DEPS or noun.head.pos_ != "VERB" or noun.head == noun:
        return [], []
    verb = noun.head
    if JUDGING_VERBS.intersection(lemma_candidates(verb)):
        return [], []  # "Russia criticised the military takeover": the critic did not take over
    receiving = verb.lemma_.lower() in RECEIVING_VERBS
    links = _Links(Trigger(verb, (verb.i,), trigger.spec), mentions)
    givers, receivers = [], []
    for mention in mentions:
        link = links.of(mention)
        if link is None or mention.root in trigger.words:
            continue
        dep, case = link
        if dep in SUBJECT_DEPS:
            (receivers if receiving else givers).append(mention)
        elif receiving and case in {"from", "by"}:
            givers.append(mention)
        elif not receiving and (dep == "iobj" or case == "to" or _second_object(noun.doc[mention.root], noun)) \
                and mention.kind != "place":
            receivers.append(mention)  # an object before the given thing is its receiver, however tagged
    return givers, receivers


def _second_object(token: Token, given: Token) -> bool:
    """"handed Sri Lanka a grant" parsed with two objects: the first is the receiver."""
    return token.dep_ == "obj" and token.head == given.head and token.i < given.i


def _finite(verb: Token) -> bool:
    """A finite verb heads a clause of its own, whatever the parse hung it on:
    a past, present, or a participle the parse hung on a sentence-root noun
    ("Fiji's opposition party strongly objected to ...", tagged VBN), or one
    with "that" and a finite auxiliary ("claims that it had shelled", the content
    of "claims"; a relative clause has no "that" for its mark)."""
    return verb.tag_ in {"VBD", "VBZ", "VBP"} or verb.lower_ in PAST_NOT_PARTICIPLE or _root_noun_misread(verb) \
        or any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) \
        and any(c.dep_ in {"aux", "aux:pass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"} for c in verb.children)


# Irregular past tenses that are never participles ("spoke", not "spoken"): whatever
# the tagger says ("spoke by videolink" tagged as a passive participle), they are finite.
PAST_NOT_PARTICIPLE = {
    "spoke", "took", "gave", "wrote", "drove", "rode", "rose", "chose", "broke", "froze", "stole", "flew", "drew",
    "grew", "threw", "knew", "began", "ran", "came", "became", "went", "ate", "fell", "forgot", "saw", "shook",
    "swore", "tore", "wore", "bore", "hid", "sang", "rang", "sank", "swam", "forbade", "forgave", "overthrew",
    "undertook", "withdrew", "overtook", "mistook", "foresaw", "oversaw", "arose", "awoke", "strove", "did",
}


def _root_noun_misread(verb: Token) -> bool:
    """"Somalia's foreign minister denounced the deal" parsed as a noun
    phrase: the sentence's root is the subject noun, the verb its participle.
    A headline fragment ("Soldiers killed in ambush") has a passive reading,
    told by a "by" agent or by nothing after the verb but a place or time."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} or head.dep_ != "ROOT" or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ in {"obl:agent", "aux:pass", "mark"} for c in verb.children):
        return False
    between = verb.doc[max(t.i for t in head.subtree if t.i < verb.i) + 1 : verb.i] if head.i < verb.i else None
    if between is None or any(t.pos_ not in {"ADV", "PART"} for t in between):
        return False  # the verb must follow its noun phrase, at most after an adverb ("strongly")
    return any(c.dep_ in {"obj", "obl", "ccomp", "xcomp"} and _case(c) not in {"in", "at", "on", "near"}
               or c.dep_ == "advcl" and _to_infinitive(c) for c in verb.children)  # "Rwanda promised to hand over"


def _active(verb: Token) -> bool:
    """A verb the parse read as passive without a passive auxiliary: a progressive
    ("forces have been helping"), or a prose sentence's root past tense tagged
    as a participle ("the minister apologized."): prose needs a "was" for its
    passive, where a headline does not ("Journalist detained in Tehran")."""
    if verb.pos_ != "VERB" or any(c.dep_ == "aux:pass" for c in verb.children):
        return False
    return verb.tag_ != "VBN" or verb.dep_ == "ROOT" and verb.sent[-1].text in {".", "!", "?"}


def _unaccusative_journey(trigger: Trigger) -> bool:
    """"The minister left for Canberra" tagged as a passive: a journey verb
    with no passive auxiliary has a subject who travels, not one acted on."""
    return trigger.spec.frame == "go" and not any(c.dep_ == "aux:pass" for c in trigger.head.children)


FORCE_SECTORS = {"MIL", "COP", "SPY"}


def _forces_sent(trigger: Trigger, mention: Mention) -> bool:
    """"Zimbabwean soldiers were deployed on the streets": forces moved by
    nobody named are their state mobilising."""
    return trigger.spec.event_type == "MOBILIZE" and not any(c.dep_ == "obl:agent" for c in trigger.head.children) \
        and all(a.sector in FORCE_SECTORS for a in mention.actors)


def _absolute_subject(trigger: Trigger, mention: Mention, case: str | None) -> bool:
    """"with Bennett thanking Putin": the noun after "with" and before the
    participle is who does the thanking."""
    return case == "with" and mention.end <= trigger.head.i and trigger.head.tag_ == "VBG"


def _country_of_place(mention: Mention) -> Mention:
    place = mention.actors[0]
    if not place.country:
        return mention
    actor = Actor(place.text, country_name(place.country) or place.country, place.country, None, None)
    return replace(mention, actors=(actor,), kind="state")


def _relative_clause(trigger: Trigger, mentions: list[Mention], sources: list, targets: list) -> None:
    """"Isaachar, who was sentenced": the noun a relative clause hangs from
    plays the part of its relative pronoun."""
    head = trigger.head
    if not head.dep_.startswith("acl"):
        return
    antecedent = next((m for m in mentions if m.root == head.head.i), None)
    if antecedent is None:
        return
    for child in head.children:
        if child.lower_ in {"who", "which", "that", "whom"}:
            (sources if child.dep_ == "nsubj" else targets).append(antecedent)
            return
    if sources:
        return
    if (_finite(head) or any(c.dep_ == "obj" for c in head.children)) and antecedent.root < head.i:
        # "Ivory Coast rebels on Friday rejected the plan" misread as a clause
        # on "rebels": a finite verb after its noun has that noun as subject,
        # with the nouns coordinated with it ("Israel and Egypt held talks")
        sources.extend(_with_conjuncts([antecedent], mentions, Trigger(head, (head.i,), None)))
    elif head.dep_ == "acl" and trigger.spec is not None and trigger.spec.event_type == "PROTEST" \
            and _heads_the_sentence(head.head):
        # "thousands of supporters rallied in Kiev" read as a noun phrase with a participle: people
        # protest (but "fired at students marching on the council" is about the firing)
        sources.append(antecedent)
    elif head.dep_ == "acl" and head.head.dep_ == "ROOT" and _to_infinitive(head):
        sources.append(antecedent)  # "Estonia to complain to UN body": a headline's infinitive on its subject
    elif head.dep_ == "acl":
        targets.append(antecedent)  # "soldiers held in Gaza": a participle acts on its noun


def _heads_the_sentence(noun: Token) -> bool:
    """The sentence's root or subject, or the people "of" such a noun ("thousands of supporters")."""
    if noun.dep_ == "nmod" and _case(noun) == "of" and noun.head.lower_ in GROUP_NOUNS:
        noun = noun.head
    return noun.dep_ in {"ROOT", "nsubj", "nsubj:pass"}


COMPLEMENT_TARGET_TYPES = {"AGREE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"}


def _complement_targets(trigger: Trigger, mentions: list[Mention]) -> list[Mention]:
    """"agreed to return the tank to Israel": a promise, demand or refusal is
    aimed at whoever the promised act is aimed at; a demand that another act
    ("insisted that Turkey withdraw") at whoever is to act."""
    for child in trigger.head.children:
        if child.dep_ == "ccomp" and subjunctive(child):
            subject = next(c for c in child.children if c.dep_ == "nsubj")
            return [m for m in mentions if m.root == subject.i]
        if child.dep_ != "xcomp" and not (child.dep_ == "advcl" and _to_infinitive(child)):
            continue  # "agreed on Monday to sit down with": the infinitive often hung as an adverbial
        links = _Links(Trigger(child, (child.i,), trigger.spec), mentions)
        found = []
        for mention in mentions:
            link = links.of(mention)
            if link and (link[0] in OBJECT_DEPS or link[1] in TARGET_CASES - PLACE_CASES) and mention.kind != "place":
                found.append(mention)
        return found
    return []


def _to_infinitive(token: Token) -> bool:
    return token.pos_ == "VERB" and infinitive(token)


def _agent_hung_below(trigger: Trigger, mentions: list[Mention]) -> list[Mention]:
    """"a curfew was clamped on the town of Hebron by the Israeli army": a
    passive's "by" agent the parse hung on a noun below the verb."""
    below = [c for c in trigger.head.children if c.dep_ in {"obl", "nmod"} and _case(c) not in REASON_CASES]
    agents = {g.i for c in below for g in c.subtree if g.dep_ in {"nmod", "obl"} and _case(g) == "by"}
    return [m for m in mentions if m.root in agents and m.kind not in {"place"}][:1]


def _expelled_from(trigger: Trigger, mentions: list[Mention]) -> list[Mention]:
    """The state someone was expelled from, named by no agent, is the one that expelled them."""
    hosts = [c.i for c in trigger.head.children if c.dep_ == "obl" and _case(c) == "from"]
    return [m for m in mentions if m.root in hosts and m.kind in {"state", "capital"}][:1]


def _agents_investigated(trigger: Trigger, mentions: list[Mention]) -> list[Mention]:
    """"opened an inquiry into alleged fraud by the governor", "into bribes paid
    by associates of Berlusconi": whoever the investigated wrong is by is the
    one investigated (the parse hangs the "by" on the noun, its participle, or
    the active verb that opened the inquiry)."""
    head = trigger.head
    verb = head.head if head.dep_ in OBJECT_DEPS and head.head.pos_ == "VERB" else head
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return []  # a passive verb's "by" is who opened it
    agents = [t for t in verb.subtree if t.i > head.i and (t.dep_ == "obl:agent" or _case(t) == "by")]
    for agent in agents:
        inside = {t.i for t in agent.subtree}
        found = [m for m in mentions if m.root in inside and m.kind != "place"]
        if found:
            return found[:1]
    return []


def _between(trigger: Trigger, mentions: list[Mention]) -> list[Mention]:
    """"the meeting between Putin and the EJC": the two sides, read off the
    words when the parse does not join them."""
    doc = trigger.head.doc
    after = trigger.head.i + 1
    if after >= len(doc) or doc[after].lower_ != "between":
        return []
    following = [m for m in mentions if after < m.start <= after + 8]
    return following[:2] if len(following) >= 2 else []


def _with_follows(trigger: Trigger) -> bool:
    """"met with", "talked to", and after a phrasal trigger's object
    ("restore full diplomatic ties with")."""
    doc = trigger.head.doc
    last = max(trigger.words + (trigger.head.i,))
    following = doc[last + 1 : last + 3]
    return any(t.lower_ in {"with", "to"} for t in following)


class _Links:
    """How mentions hang from one trigger; the trigger's governing verbs and
    the mentions' roots are worked out once, not once per mention."""

    def __init__(self, trigger: Trigger, mentions: list[Mention]):
        self.trigger = trigger
        self.governors = _governor_chain(trigger.head)
        self.roots = {m.root for m in mentions}

    def of(self, mention: Mention) -> tuple[str, str | None] | None:
        """The dependency label and preposition of the branch by which a
        mention reaches the trigger, or None when it does not."""
        trigger, roots = self.trigger, self.roots - {mention.root}
        token, child = trigger.head.doc[mention.root], None
        through = None  # the preposition of a side named past the trigger's object ("of Crimea from Ukraine")
        for _ in range(8):
            if token in self.governors:
                if child is None:
                    return None
                dep = child.dep_
                if token != trigger.head:
                    # only the subject is shared with the governing verb; "Iran is
                    # expected to sign": the passive subject of a raising verb too
                    if dep not in SUBJECT_DEPS | {"nsubj:pass"}:
                        return None
                    # "engineers working on a road were kidnapped": a passive shares its patient
                    dep = "nsubj:pass" if _passive_conjunct(trigger.head, token) else "nsubj"
                return (dep, through) if through and token.pos_ == "NOUN" else (dep, _case(child))
            if token.i in roots and child is not None:
                return None  # part of a larger mention ("Russia" in "Russia's President Putin")
            if token.head == token:
                return None
            if token.dep_ in TRANSPARENT_DEPS and token.head.i in roots | {mention.root}:
                token = token.head  # "Israel and Russia": the second shares the first's role
                continue
            if child is not None and child.dep_ == "amod" and token.dep_ == "compound" and token.head == trigger.head:
                child, token = token, token.head  # "an Israeli air strike": the demonym on the trigger's compound
                continue
            if child is not None and child.dep_ not in TRANSPARENT_DEPS and not _part_of_group(child, token):
                if not _through_object(child, token, trigger):
                    return None  # deeper than a direct dependent: "efforts to return [civilians]"
                through = _case(child)
            child, token = token, token.head
        return None


GROUP_NOUNS = {
    "bunch", "group", "number", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
    "handful", "team", "delegation", "contingent", "band", "couple", "member", "representative", "unit", "party",
}


def _part_of_group(child: Token, token: Token) -> bool:
    """"met a delegation of Chinese officials", "arrested dozens of
    protesters": the people after "of" play the group's part."""
    return (token.lemma_.lower() in GROUP_NOUNS or token.lower_ in GROUP_NOUNS) and _case(child) == "of"


OTHER_SIDE_CASES = {"with", "between", "to", "against"}


def _through_object(child: Token, token: Token, trigger: Trigger) -> bool:
    """"sign a deal with Iraq", "hold talks with Iran": the other side hangs
    from the trigger's object. "rejected an offer from Kabul", "welcomed
    Reagan's statement": the author of what the trigger acts on."""
    if token.dep_ == "nmod" and _case(token) == "of" and token.head.dep_ in OBJECT_DEPS and token.head.head == trigger.head:
        return _case(child) in OTHER_SIDE_CASES  # "signed a memorandum of understanding with Russia"
    if token.head != trigger.head:
        return False
    if token.dep_ in OBJECT_DEPS and authored(token) and (child.dep_ in {"amod", "nmod:poss"} or _case(child) in {"from", "by"}):
        return True
    if token.dep_ in OBJECT_DEPS:
        # "imposed sanctions on Iran", "launched a strike on Kharkiv", "declared war against ..."
        return _case(child) in OTHER_SIDE_CASES | {"on"} or _case(child) == "of" and any(
            _case(g) in OTHER_SIDE_CASES for g in child.children if g.dep_ in {"nmod", "obl"})
    if token.dep_ == "obl" and trigger.spec.frame == "sym" and _case(child) == "with":
        return True  # "spoke by phone with Biden": the other side hung on the means
    # "the annexation of Crimea from Ukraine", "the transfer of weapons to Kyiv":
    # a noun trigger's "of" object, and the side named after it
    return trigger.head.pos_ == "NOUN" and token.dep_ == "nmod" and _case(token) == "of" \
        and _case(child) in {"from", "to", "with", "against"}


def _passive_conjunct(verb: Token, governor: Token) -> bool:
    return verb.dep_ == "conj" and verb.head == governor and any(c.dep_ == "aux:pass" for c in verb.children)


def _governor_chain(head: Token) -> list[Token]:
    """The trigger and the verbs whose subject it shares: "agreed to hold",
    "met and thanked"."""
    chain = [head]
    token = head
    while _shares_subject(token) and len(chain) < 4:
        token = token.head
        chain.append(token)
    if head.dep_ in OBJECT_DEPS and head.pos_ == "NOUN" and head.head.lemma_.lower() in LIGHT_VERBS:
        chain.append(head.head)  # a noun trigger's light verb: "held talks", "paid a visit"
    return chain


SUBJECT_CONTROL_VERBS = {
    "agree", "want", "try", "plan", "decide", "promise", "refuse", "seek", "hope", "expect", "continue",
    "begin", "start", "fail", "attempt", "vow", "pledge", "threaten", "offer", "prepare", "intend", "aim",
    "move", "need", "manage", "choose", "wish", "be", "schedule", "set", "due", "go", "come", "stop", "cease",
    "resume", "decline", "hesitate", "dare", "struggle", "volunteer", "demand", "propose",
}


def _shares_subject(token: Token) -> bool:
    """"agreed to hold": the subject of "agreed" holds; "met and thanked":
    coordinated verbs share theirs. Nouns ("efforts to return") pass nothing."""
    head = token.head
    if head == token:
        return False
    if head.pos_ == "ADJ" and head.lower_ in CONTROL_ADJECTIVES and token.dep_ in {"xcomp", "ccomp", "advcl"}:
        return True  # "is due to deliver", "is ready to host", "stopped short of calling": however parsed
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ == "xcomp":
        return head.lemma_.lower() in SUBJECT_CONTROL_VERBS or any(c.dep_ == "nsubj:pass" for c in head.children)
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        # "struck a camp, killing 20 people": a gerund's adverbial is done by the clause's subject;
        # "stepped back from mediating" is not done, "prompting a protest from London" not by it
        return _case(token) in DONE_GERUND_MARKS and token.lemma_.lower() not in CAUSING_VERBS | PREPOSITION_GERUNDS \
            and not any(c.dep_.startswith("nsubj") or c.dep_ == "expl" for c in token.children)
    return token.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in token.children)


DONE_GERUND_MARKS = {None, "after", "before", "while", "by", "when", "upon", "on", "in", "since"}
PREPOSITION_GERUNDS = {"follow", "include", "regard", "concern", "accord", "exclude"}  # "following the takeover"
CAUSING_VERBS = {"prompt", "spark", "trigger", "provoke", "draw", "cause", "lead", "force", "invite", "drive"}


# Adjectives whose infinitive or gerund is done by their subject.
CONTROL_ADJECTIVES = {"due", "likely", "set", "about", "poised", "ready", "willing", "prepared", "determined",
                      "eager", "keen", "reluctant", "unwilling", "unable", "able", "short"}


def _case(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in {"case", "mark"}:
            return child.lower_
    return None


def _cut_at(mention: Mention, trigger: Trigger) -> Mention:
    """"Slovenian health minister resigns over ...": a headline's verb read as
    the head noun of its subject's phrase is cut off, leaving the subject."""
    head = trigger.head
    if mention.root != head.i or mention.start >= head.i or mention.end != head.i + 1:
        return mention
    actors = tuple(replace(a, text=_without_last_word(a.text, head.text), name=_without_last_word(a.name, head.text))
                   for a in mention.actors)
    return replace(mention, end=head.i, root=head.i - 1, actors=actors)


def _without_last_word(text: str, word: str) -> str:
    return text[: -len(word)].rstrip() if text.endswith(word) and len(text) > len(word) else text


def _nearest(trigger: Trigger, mentions: list[Mention], before: bool, exclude: list[Mention]) -> list[Mention]:
    position = trigger.head.i
    candidates = [
        m for m in mentions
        if m not in exclude and m.kind != "place" and m.root not in trigger.words
        and ((m.end <= position) if before else (m.start > position))
        and abs(m.root - position) <= NEAREST_WINDOW
    ]
    if not before:
        # a stand-in object stays in the trigger's clause: "Since X lifted restrictions in 1989,
        # many people emigrated" has no one acted on
        doc = trigger.head.doc
        candidates = [m for m in candidates if not any(t.text in CLAUSE_BREAKS for t in doc[position + 1 : m.start])]
    if not candidates:
        return []
    return [max(candidates, key=lambda m: m.start) if before else min(candidates, key=lambda m: m.start)]


CLAUSE_BREAKS = {",", ";", ":", "—", "–"}


def _with_conjuncts(chosen: list[Mention], mentions: list[Mention], trigger: Trigger) -> list[Mention]:
    """"Portugal and Angola strengthened ties" with the verb cut off from its
    subject: the stand-in subject brings the mentions coordinated with it."""
    if not chosen:
        return chosen
    doc, root = trigger.head.doc, chosen[0].root
    joined = [
        m for m in mentions
        if m is not chosen[0] and m.kind != "place" and m.root not in trigger.words and m.end <= trigger.head.i
        and ((doc[m.root].dep_ == "conj" and doc[m.root].head.i == root) or (doc[root].dep_ == "conj" and doc[root].head.i == m.root))
    ]
    return sorted(chosen + joined, key=lambda m: m.start)


def said_threat_roles(trigger: Trigger, saying: Token, mentions: list[Mention]) -> Roles:
    """Sides of a threat told as a passive future ("Eritrea told the
    investigators that they would be escorted out"): the teller is the
    source; the one the act would befall, else the one told, the target."""
    teller = _Links(Trigger(saying, (saying.i,), trigger.spec), mentions)
    act = _Links(trigger, mentions)
    sources, patients, told = [], [], []
    for mention in mentions:
        said = teller.of(mention)
        if said and said[0] in SUBJECT_DEPS:
            sources.append(mention)
        elif said and (said[0] in {"iobj", "obj"}) and mention.kind != "place":
            told.append(mention)
        done = act.of(mention)
        if done and done[0] == "nsubj:pass" and mention.kind != "pronoun":
            patients.append(mention)
    return Roles(tuple(sources), tuple(patients or told), (), bool(sources))
