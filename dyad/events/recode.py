"""Readings the parse and the roles change: the lexicon's type and mode for a
trigger, adjusted once its sides are known ("pulled out of IGAD" is a sanction, not a
retreat; "rioters torched a police post" is a riot; "expelled hundreds of migrants" is
a deportation). The coder asks :func:`adjusted_code` for every trigger without a
user's code."""

from __future__ import annotations

from dyad.actors.knowledge import INTERGOVERNMENTAL_CODES, INTERNATIONAL_CODES, lookup_capital
from dyad.actors.sectors import sector_for
from dyad.events.arguments import Trigger
from dyad.events.knowledge import is_state
from dyad.events.mentions import case_of
from dyad.records import Actor


PHONE_WORDS = {"phone", "telephone", "call", "videolink", "video", "hotline", "videoconference"}


def adjusted_code(trigger: Trigger, pairs) -> tuple[str, str | None]:
    """"Eritrea pulled out of IGAD", "Kiribati withdrew from the Pacific
    Islands Forum": leaving an international body is a sanction, not a retreat;
    a body's members meeting among themselves is a multilateral consultation;
    a talk by phone is the phone mode of a consultation; a crowd's attack is
    a riot."""
    spec = trigger.spec
    if spec.event_type == "CONSULT" and spec.mode is None and any(
            c.dep_ in {"obl", "obl:agent"} and c.lemma_.lower() in PHONE_WORDS for c in trigger.head.children):
        return "CONSULT", "phone"  # "spoke by phone with", "talked in a video call"
    if spec.event_type == "RETREAT" and spec.mode == "withdraw" and pairs \
            and all(t is not None and t.country in INTERNATIONAL_CODES for _, t in pairs):
        return "SANCTION", "withdraw"
    if spec.event_type == "RETREAT" and spec.mode == "withdraw" and _diplomats_withdrawn(trigger):
        return "SANCTION", "withdraw"  # "pulled its diplomatic staff out of Quito": relations cut, not a retreat
    if spec.event_type == "ASSAULT" and pairs and not _killing(trigger) and (
            all(_crowd(s) for s, _ in pairs)
            or spec.lemma in THROWING_VERBS and all(s is not None and s.sector in PROTESTING_SECTORS
                                                    and (t is None or t.sector not in PROTESTING_SECTORS) for s, t in pairs)):
        # "rioters torched a police post", "students hurled rocks at the parliament": a protest
        # turned violent; a mob that kills ("lynched two men"), or stones thrown at farmers, attack
        return "PROTEST", "riot"
    if show_of_force(trigger) and pairs and all(t is None for _, t in pairs):
        return "MOBILIZE", None  # exercises with no partner are a show of force, not cooperation
    if spec.event_type == "AID" and spec.lemma == "arm" and pairs and all(_at_home(s, t) for s, t in pairs):
        return "MOBILIZE", None  # "the junta began arming civilian volunteers": arming one's own is mobilising
    if spec.event_type == "COERCE" and spec.lemma in {"ban", "bar"} and pairs and all(_abroad(s, t) for s, t in pairs):
        return "SANCTION", "discontinue"  # "Malaysia bans Israeli-flagged ships": a ban on another state is a sanction
    if (spec.event_type == "COERCE" and spec.mode in {"seize", "restrict"} or spec.lemma == "block") \
            and pairs and all(_crowd(s) or _the_people(s) for s, _ in pairs):
        return "PROTEST", "obstruct"  # "landless workers took over an estate", "truckers blocked depots"
    if spec.event_type == "COERCE" and spec.mode == "seize" and pairs and all(
            s is not None and (s.sector in IRREGULAR_SECTORS or s.country == "IMG") and _a_person_or_group(t) for s, t in pairs):
        return "ASSAULT", "abduct"  # "gunmen seized a Catholic priest": armed men taking people kidnap them
    if spec.lemma == "hack" and any(t.lower_ == "death" for t in trigger.head.subtree):
        return "ASSAULT", "primitive"  # "hacked nine villagers to death": not a cyber attack
    if spec.lemma == "walk" and spec.complement == "out" and _left_talks(trigger.head):
        return "SANCTION", "withdraw"  # "walked out of peace negotiations": leaving talks, not a strike
    if spec.lemma == "welcome" and spec.complement is None and _welcomed_to_a_place(trigger.head):
        return "CONSULT", "visit"  # "welcomed the Israeli prime minister to Cairo": a visit received
    if spec.event_type == "CONSULT" and pairs and all(t is None and s.country in INTERGOVERNMENTAL_CODES for s, t in pairs):
        return "CONSULT", "multilateral"  # a meeting among a body's members
    if spec.event_type == "SANCTION" and spec.mode in {"discontinue", None} and pairs and all(
            _at_home(s, t) and t.sector in SILENCED_SECTORS for s, t in pairs):
        return "COERCE", "restrict"  # "revoked the licence of a critical TV channel": repression at home, not a sanction
    if spec.event_type == "SANCTION" and spec.mode == "expel" and _people_expelled(trigger):
        return "COERCE", "deport"  # "expelled hundreds of migrants": a deportation, not expelled diplomats
    if spec.event_type == "CONSULT" and spec.lemma == "receive" and spec.complement is None and _received_thing(trigger):
        return "COOPERATE", None  # "received intelligence from", "began receiving water from Israel": no visit
    if spec.event_type == "AID" and _information_given(trigger.head):
        return "COOPERATE", None  # "intelligence supplied by Nigeria helped": sharing intelligence, not aid
    if spec.event_type == "RETREAT" and spec.mode == "release" and (
            _rescued(trigger) and all(s is not None and s.sector in RESCUER_SECTORS for s, _ in pairs)
            or _things_handed(trigger) and spec.complement != "back"):  # things handed back are returned
        return "AID", None  # "soldiers freed fishermen held by Abu Sayyaf", "handed over patrol boats"
    if spec.event_type == "RETREAT" and spec.mode == "release" and _accused_handed(trigger) \
            and any(_abroad(s, t) and t.sector in LAW_SECTORS for s, t in pairs):
        return "COOPERATE", None  # "handed a suspected kidnapper over to Chadian police": an extradition
    return spec.event_type, spec.mode


EXERCISE_WORDS = {"exercise", "drill", "manoeuvre", "maneuver"}


# Words that tell of a partner in exercises (arguments.JOINT_WORDS and TOGETHER_WORDS are what
# makes a verb a joint act; these only keep drills from reading as one side's show of force).
PARTNER_WORDS = {"joint", "jointly", "combined", "together", "bilateral", "trilateral", "multinational", "with"}


def show_of_force(trigger: Trigger) -> bool:
    """Exercises and drills: cooperation when held with another side, a show
    of force when held alone (and the sentence has no word of a partner)."""
    spec = trigger.spec
    return spec.event_type == "COOPERATE" and (spec.complement or spec.lemma) in EXERCISE_WORDS \
        and not any(t.lower_ in PARTNER_WORDS for t in trigger.head.sent)


IRREGULAR_SECTORS = {"UAF", "CRM", "REB", "PRM"}


def _a_person_or_group(actor: Actor | None) -> bool:
    """Someone seized, not a state, a town or a ship named by its flag."""
    return actor is not None and actor.sector is not None


TALKS_NOUNS = {"talks", "negotiations", "negotiation", "conference", "summit", "dialogue"}


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}  # a state's own organs do not protest against it
DIPLOMAT_NOUNS = {"diplomat", "ambassador", "envoy", "embassy", "consul", "chargé"}
STAFF_NOUNS = {"staff", "personnel", "employee", "official"}


def _diplomats_withdrawn(trigger: Trigger) -> bool:
    """"Canada pulled its diplomats out of New Delhi", "pulled all of its diplomatic staff out"."""
    for obj in (c for c in trigger.head.children if c.dep_ == "obj"):
        words = {t.lemma_.lower() for t in obj.subtree}
        if words & DIPLOMAT_NOUNS or words & STAFF_NOUNS and words & {"diplomatic", "consular"}:
            return True
    return False


def _left_talks(verb) -> bool:
    return any(c.dep_ == "obl" and c.lower_ in TALKS_NOUNS for c in verb.children)


def _welcomed_to_a_place(verb) -> bool:
    """"welcomed X to Cairo": the one welcomed came to the welcomer's place."""
    welcomed = [c for c in verb.children if c.dep_ in {"obj", "iobj"}]
    return any(g.dep_ in {"nmod", "obl"} and case_of(g) == "to" and (g.ent_type_ in {"LOC", "GPE"} or lookup_capital(g.text))
               for w in welcomed + [verb] for g in w.children)


INFORMATION_NOUNS = {"intelligence", "information", "data", "record", "document", "evidence", "footage", "file",
                     "detail", "tip", "tip-off", "transcript", "imagery", "fingerprint"}


def _information_given(verb) -> bool:
    """What the verb gives or helps with is information: its object, its
    subject, or the noun it describes ("records ... that helped identify")."""
    nouns = [c for c in verb.children if c.dep_ in {"obj", "nsubj", "nsubj:pass"}]
    if verb.dep_ in {"acl", "acl:relcl"}:
        nouns.append(verb.head)
    return any(n.lemma_.lower() in INFORMATION_NOUNS or n.lower_ in INFORMATION_NOUNS for n in nouns)


CAPTIVITY_WORDS = {"kidnap", "kidnapped", "abduct", "abducted", "hold", "held", "captive", "captivity", "traffick",
                   "trafficked", "trafficking", "hijack", "hijacked", "ransom", "captor", "kidnapper", "abductor"}


def _rescued(trigger: Trigger) -> bool:
    """Freeing people held by someone else (kidnapped, trafficked, held
    captive by a gang) is a rescue, not the release of one's own captives."""
    freed = [c for c in trigger.head.children if c.i > trigger.head.i and c.dep_ != "punct"]
    return trigger.spec.lemma in {"free", "liberate"} and any(
        t.lower_ in CAPTIVITY_WORDS or t.lemma_.lower() in CAPTIVITY_WORDS for c in freed for t in c.subtree)


def _things_handed(trigger: Trigger) -> bool:
    """Handing over boats, jammers or a payment is giving, not a release of people."""
    handed = [c for c in trigger.head.children if c.dep_ == "obj" or c.dep_ == "obl" and case_of(c) == "over"]
    return trigger.spec.lemma == "hand" and bool(handed) and all(
        sector_for(c.lower_) is None and c.tag_.startswith("NN") and not c.lower_.endswith(("ers", "ees", "ists", "ians", "men"))
        and c.lemma_.lower() not in PERSON_WORDS | PLACE_NOUNS for c in handed)


RESCUER_SECTORS = {"COP", "MIL"}  # a state's forces; a militia freeing its hostages releases them
# Handing these over is leaving them: a withdrawal, not a gift
PLACE_NOUNS = {"base", "camp", "post", "position", "town", "city", "territory", "area", "control", "airport", "port",
               "checkpoint", "garrison", "barracks", "outpost", "village", "district", "region", "province", "security"}
PERSON_WORDS = {"person", "people", "body", "remains", "child", "woman", "man", "national", "citizen", "captive",
                "hostage", "prisoner", "detainee", "suspect", "fugitive", "crew", "sailor", "migrant", "refugee"}


SILENCED_SECTORS = {"JRN", "REL", "CVL", "EDU", "SOC"}
DEPORTED_SECTORS = {"CVL", "REF", "LAB", "JRN", "REL", "EDU", "MED", "BUS", "AGR", "CRM"}


def _people_expelled(trigger: Trigger) -> bool:
    expelled = [c for c in trigger.head.children if c.dep_ in {"obj", "nsubj:pass"}]
    # "hundreds of migrants": the people are the quantity's "of"
    expelled = [next((n for n in c.children if n.dep_ == "nmod"), c) if c.lower_ in QUANTITY_WORDS else c for c in expelled]
    return bool(expelled) and all(sector_for(c.lower_) in DEPORTED_SECTORS for c in expelled)


QUANTITY_WORDS = {"hundreds", "thousands", "dozens", "scores", "tens", "millions"}


def _received_thing(trigger: Trigger) -> bool:
    """What is received is a thing or someone handed over, not a visitor."""
    received = [c for c in trigger.head.children if c.dep_ == "obj"]
    return bool(received) and all(
        c.tag_.startswith("NN") and c.pos_ != "PROPN"
        and (sector_for(c.lower_) in {None, "CRM", "REB"} or c.lemma_.lower() in PERSON_WORDS | INFORMATION_NOUNS)
        and c.lemma_.lower() not in VISITOR_WORDS for c in received)


VISITOR_WORDS = {"delegation", "visitor", "guest", "envoy", "counterpart", "leader", "president", "minister", "king",
                 "queen", "prince", "pope", "premier", "chancellor", "emir", "sultan", "official", "team", "mission",
                 "ambassador", "head", "chief", "secretary", "commissioner", "representative", "people", "person"}


LAW_SECTORS = {"COP", "JUD", "GOV"}
ACCUSED_SECTORS = {"CRM", "REB"}


def _accused_handed(trigger: Trigger) -> bool:
    """What is handed over is someone accused (a suspect, a smuggler, militants),
    not prisoners or hostages going home."""
    return any(c.dep_ in {"obj", "obl", "nsubj:pass"} and sector_for(c.lower_) in ACCUSED_SECTORS for c in trigger.head.children)


CROWD_WORDS = {"rioter", "rioters", "protester", "protesters", "protestor", "protestors", "demonstrator",
               "demonstrators", "mob", "mobs", "crowd", "crowds", "marcher", "marchers"}


def _abroad(source: Actor | None, target: Actor | None) -> bool:
    """The target is another state's, or of one (not a body of states, not at home)."""
    return source is not None and target is not None and source.country is not None \
        and is_state(target.country) and target.country != source.country


def _at_home(source: Actor | None, target: Actor | None) -> bool:
    return source is not None and target is not None and target.country in {None, source.country}


THROWING_VERBS = {"hurl", "throw", "stone", "pelt"}
KILLING_VERBS = {"kill", "lynch", "murder", "behead", "massacre", "slaughter", "execute", "shoot", "stab", "hack"}


def _killing(trigger: Trigger) -> bool:
    head = trigger.head
    return trigger.spec.lemma in KILLING_VERBS or head.lemma_.lower() in KILLING_VERBS \
        or any(c.lower_ == "death" for c in head.subtree)  # "burned to death"


def _crowd(actor: Actor | None) -> bool:
    return actor is not None and bool(CROWD_WORDS & set(actor.text.lower().split()))


# The people as such (not officials, armed men or criminals): what they seize or
# smash in the street is a protest, not coercion or an armed attack.
PROTESTING_SECTORS = {"CVL", "LAB", "AGR", "EDU"}


def _the_people(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in PROTESTING_SECTORS
