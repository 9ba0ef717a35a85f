"""Whether an event happened, is planned, or is said not to have happened."""

from __future__ import annotations

from spacy.tokens import Token

HAPPENED, PLANNED, NEGATED = "happened", "planned", "negated"

_NEGATORS = {"not", "n't", "never", "no"}
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "would", "going"}
# Verbs whose infinitive complement has not happened yet ("agreed to hold").
_PLANNING_HEADS = {
    "agree", "plan", "expect", "schedule", "intend", "promise", "pledge", "decide", "hope", "aim",
    "prepare", "set", "due", "want", "seek", "propose", "offer", "invite", "vow", "announce", "urge",
    "ask", "call", "consider", "threaten", "wish", "like", "try", "attempt", "ready", "willing", "prepared",
    # pressing someone to act: "appealed to the UN to pressure Israel to withdraw"
    "pressure", "press", "push", "lobby", "encourage", "appeal", "request", "implore", "beg", "exhort",
}
# Verbs whose complement is denied ("refused to meet").
_NEGATING_HEADS = {"refuse", "deny", "fail", "decline", "reject", "cancel", "postpone", "avoid", "refrain", "abstain",
                   "refrained", "abstained"}
_PLANNING_OBJECT_HEADS = {"plan", "prepare", "propose", "schedule", "consider", "envisage"}
_PLANNED_MODIFIERS = {"upcoming", "planned", "forthcoming", "future", "next", "proposed", "scheduled", "expected"}


def event_status(trigger: Token) -> str:
    """Status from the trigger's own words, then from the words that govern it:
    an infinitive under "agree", "plan", "expect" is planned; under "refuse",
    "deny", "fail" it is negated; an object shares its verb's tense and polarity."""
    if _is_negated(trigger) or _not_yet(trigger) or _stopped_short(trigger) or _denied_report(trigger):
        return NEGATED
    if _is_future(trigger) or _conditional(trigger) or _demanded(trigger) or _warned_against(trigger) \
            or _set_to(trigger):
        return PLANNED
    for link, head in _governors(trigger):
        lemma = head.lemma_.lower()
        if link in {"xcomp", "ccomp", "acl"} and lemma in _NEGATING_HEADS or _is_negated(head) or _denied_report(head):
            return NEGATED  # "had no plans to expel": the plan's "no" denies the act
        if link in {"xcomp", "acl"} and lemma in _PLANNING_HEADS or _is_future(head):
            return PLANNED  # "plan to table a motion", parsed as a clause on "plan"
        if link == "obj" and lemma in _PLANNING_OBJECT_HEADS:
            return PLANNED  # "plans more drone attacks", "are preparing joint manoeuvres"
    return HAPPENED


_SCHEDULED_WORDS = {"set", "due", "poised", "slated", "scheduled", "expected"}


def _set_to(trigger: Token) -> bool:
    """"Hungary set to veto ...", "is due to sign": the words right before the act
    schedule it, however the parse hung them (headlines drop "is")."""
    doc = trigger.doc
    return trigger.i >= 2 and doc[trigger.i - 1].lower_ == "to" and doc[trigger.i - 2].lower_ in _SCHEDULED_WORDS


_WARNING_HEADS = {"warn", "caution", "advise"}


def _warned_against(trigger: Token) -> bool:
    """"warned the West against sending troops": what a warning is against
    has not been done."""
    return trigger.tag_ == "VBG" and trigger.head.lemma_.lower() in _WARNING_HEADS \
        and any(c.dep_ in {"mark", "case"} and c.lower_ == "against" for c in trigger.children)


REPORT_NOUNS = {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor", "speculation"}
_DENYING_HEADS = {"deny", "reject", "dismiss", "refute"}
_DENYING_FORMS = {"denied", "denies", "rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes"}


def _denied_report(clause: Token) -> bool:
    """"denied reports that it had expelled the ambassador": the act is what
    a report says, and the report is denied. The parse of such lines varies
    (the clause hung on the report or on the verb, "denied" read as the
    report's adjective or noun), so the denial is the verb before the report."""
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return denies_a_report(clause.head)  # "denied reports that it had threatened", hung on the verb
    noun = clause.head
    return clause.dep_ in {"acl", "acl:relcl", "ccomp"} and a_report(noun) and (
        noun.dep_ == "obj" and _denying(noun.head) or noun.i > 0 and _denying(noun.doc[noun.i - 1]))


def denies_a_report(verb: Token) -> bool:
    """"denied reports that ...", "rejected claims that ...": a fact denied, not a proposal rejected."""
    if not _denying(verb):
        return False
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return following is not None and a_report(following) or any(c.dep_ == "obj" and a_report(c) for c in verb.children)


def a_report(noun: Token) -> bool:
    """A report of a fact; a claim only with what it says ("claims that its
    officers had ..."): "Venezuela's claim to the Essequibo" is a demand."""
    lemma = noun.lemma_.lower()
    return lemma in REPORT_NOUNS and (lemma != "claim" or any(c.dep_ in {"acl", "ccomp"} for c in noun.children))


def _denying(verb: Token) -> bool:
    # the tagger may call the misread verb a noun ("denied/NN reports"), lemmatised as it stands
    return verb.lemma_.lower() in _DENYING_HEADS or verb.lower_ in _DENYING_FORMS


_MANDATIVE_HEADS = {"insist", "demand", "urge", "ask", "propose", "recommend", "request"}


def subjunctive(verb: Token) -> bool:
    """"that Turkey withdraw", "that Iraq give": a bare verb after a singular
    subject, with no auxiliary, tells what should be done, not what was."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return verb.tag_ in {"VB", "VBP"} and len(subjects) == 1 and subjects[0].tag_ in {"NN", "NNP"} \
        and not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in verb.children)


def _demanded(trigger: Token) -> bool:
    """"insisted that Turkey withdraw its warships": an act in a clause of
    what must be done has not happened."""
    clause = trigger.head if trigger.dep_ in {"obj", "iobj"} else trigger  # "that Iraq give access"
    head = clause.head  # the tagger sometimes leaves "insisted" unlemmatised, as a participle
    return clause.dep_ == "ccomp" and any(head.lower_.startswith(verb) for verb in _MANDATIVE_HEADS) \
        and subjunctive(clause)


# What a stated intention is, by the kind of act intended (the PLOVER manual: an offer or
# promise to cooperate is AGREE, a stated intention to harm or refuse is THREATEN).
PROMISED = {"SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}  # and CONSULT, when offered (_ready)
THREATENED = {"REJECT", "PROTEST", "SANCTION", "COERCE", "ASSAULT"}
# Words of readiness to act: "was ready to host", "is prepared to send troops".
READINESS_WORDS = {"ready", "willing", "prepared"}
_READY = READINESS_WORDS | {"determined", "poised"}
_INTENDING = {"intend", "mean"}
_SAYING = {"say", "announce", "state", "declare", "confirm", "tell", "add", "insist", "stress", "indicate", "write",
           "warn", "inform", "notify"}
_CONDITIONS = {"unless", "if"}


def stated_intention(trigger: Token, event_type: str) -> str | None:
    """"Portugal will support Turkey's bid", "France is ready to send troops",
    "they would boycott the talks unless...": saying one will act is itself an
    event that happened, AGREE for a cooperative act, THREATEN for a hostile
    one or any act made to hang on a condition. Support, cooperation or aid
    told in the future tense is a promise however it is reported ("Sweden
    will give Ukraine 50 million euros": the PLOVER manual codes such a
    report AGREE); a hostile act needs the actor's own words (a clause of
    "said") or readiness, as a reporter's "Russia will expel two diplomats"
    is a plan, not a threat. Meetings and visits are left out: an announced
    visit is the visit, planned."""
    verb = _intending_verb(trigger, reported_future=event_type in PROMISED)
    if verb is None:
        return None
    conditional = any(_conditional(c) for c in verb.children)
    if event_type in THREATENED or conditional and event_type in PROMISED:
        return "THREATEN"
    if event_type in PROMISED or event_type in {"CONSULT", "COOPERATE"} and _ready(verb):
        return "AGREE"  # "was ready to host the talks": willingness to meet is an offer
    return None


def threat_uttered(trigger: Token) -> bool:
    """"Egypt said it would take all necessary measures if...": a threat told
    in the actor's own words is made when it is said, whatever it foretells."""
    if _words_of_threat(trigger):
        return False  # "will deliver an ultimatum", "would warn Beijing": the threat itself is to come
    return _intending_verb(trigger) is not None


def _intending_verb(trigger: Token, reported_future: bool = False) -> Token | None:
    """The verb that states the actor's own intention to do the trigger's act,
    when one does: the trigger, or the verb whose object it is ("will give
    Kenya a loan": the verb carries the intention)."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "obj" and trigger.head.pos_ == "VERB":
        trigger = trigger.head
    return trigger if trigger.pos_ == "VERB" and not _is_negated(trigger) and _intended(trigger, reported_future) else None


_THREAT_WORDS = {"warn", "warning", "threaten", "threat", "ultimatum", "deadline", "warrant", "vow", "pledge", "promise"}


def _words_of_threat(trigger: Token) -> bool:
    """The trigger, or what it delivers ("serve ... with an ultimatum"), is a word of threat."""
    delivered = [c for c in trigger.children if c.dep_ in {"obj", "xcomp", "obl"}]
    words = {t.lemma_.lower() for t in [trigger, *delivered, *(g for c in delivered for g in c.children)]}
    return bool(words & _THREAT_WORDS)


def _ready(trigger: Token) -> bool:
    return trigger.dep_ == "xcomp" and trigger.head.lower_ in _READY


_WILL = {"will", "shall", "'ll", "’ll"}


def _intended(trigger: Token, reported_future: bool = False) -> bool:
    head = trigger.head
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in trigger.children):
        return False  # "did not say whether it would expel": no intention stated
    if reported_future and any(c.dep_.startswith("aux") and c.lower_ in _WILL for c in trigger.children):
        return True
    if any(c.dep_.startswith("aux") and c.lower_ in _WILL | {"would"} for c in trigger.children):
        said_by = [head] if trigger.dep_ in {"ccomp", "parataxis"} else []
        # "Portugal will support Turkey, the president said": the saying hangs from the act
        said_by += [c for c in trigger.children if c.dep_ in {"ccomp", "parataxis"} and c.i > trigger.i]
        return any(verb.lemma_.lower() in _SAYING and not _is_negated(verb) for verb in said_by)
    # "was ready to host", "intended to hand power back": readiness or intention stated outright
    intending = reported_future and head.lemma_.lower() in _INTENDING  # a hostile intention reported is a plan
    return trigger.dep_ == "xcomp" and (head.lower_ in _READY or intending) and not _is_negated(head)


_PREVENTING_HEADS = {"prevent", "avoid", "stop", "deter", "forestall", "preclude", "ensure", "assure", "guarantee"}


def is_prevented(trigger: Token) -> bool:
    """"a hotline to prevent their forces from clashing": the clash is not an
    event at all, neither one that happened nor one denied."""
    if _stopped_short(trigger):
        return False  # "stopped short of calling": a call denied, not a call prevented
    token = trigger
    for _ in range(3):
        if token.dep_.split(":")[0] not in {"advcl", "xcomp", "ccomp", "obj", "obl"} or token.head == token:
            return False
        token = token.head
        if token.lemma_.lower() in _PREVENTING_HEADS:
            return True
    return False


def _not_yet(trigger: Token) -> bool:
    """"Mexico yet to commit troops", "Canada has yet to resettle them"."""
    holders = [trigger, trigger.head] if trigger.dep_ == "xcomp" and trigger.head.lemma_ == "have" else [trigger]
    return any(c.lower_ == "yet" and c.dep_ == "advmod" for h in holders for c in h.children) \
        and infinitive(trigger)


def _stopped_short(trigger: Token) -> bool:
    """"stopped short of calling for his resignation": the call was not made."""
    head = trigger.head
    if head.lower_ == "short" and head.dep_ == "xcomp":
        head = head.head  # "short" read as the verb's complement, the gerund hung on it
    return trigger.dep_ in {"advcl", "obl", "xcomp"} and head.lemma_.lower() == "stop" \
        and any(c.lower_ == "short" for c in head.children)


def _conditional(trigger: Token) -> bool:
    """"...unless it released their commanders": a condition, not a report."""
    return trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in trigger.children)


def infinitive(token: Token) -> bool:
    """A verb with "to" before it: "plans to expel", "is due to deliver"."""
    return any(c.dep_ == "mark" and c.lower_ == "to" for c in token.children)


def _is_negated(token: Token) -> bool:
    return any(child.lower_ in _NEGATORS and child.dep_ in {"advmod", "neg", "det"} for child in token.children)


def _is_future(token: Token) -> bool:
    for child in token.children:
        word = child.lower_
        if child.dep_.startswith("aux") and word in _FUTURE_AUX:
            return True
        if child.dep_ == "mark" and word in {"due", "set", "poised", "about", "slated"}:
            return True  # "is due to deliver" parsed with "due to" as the infinitive's marker
        if child.dep_ == "amod" and word in _PLANNED_MODIFIERS:
            return True
    # "is to visit", "is expected to visit", "is about to restore"
    if token.dep_ in {"xcomp", "advcl", "ccomp"} and (infinitive(token) or _fixed_to(token.head)) \
            and (token.head.lemma_ in _FUTURE_HEADS or token.head.lower_ in _FUTURE_HEADS):
        return True  # "are slated to sign" (lemmatised "slat"), "is due to deliver" ("due to" fixed)
    if infinitive(token) and any(c.dep_ == "cop" and c.lemma_ == "be" for c in token.children):
        return True  # "Cambodia is to restore", the "is" read as a copula
    if token.dep_ == "xcomp" and token.head.dep_ == "ROOT" and token.head.pos_ in {"PROPN", "NOUN", "ADJ"} \
            and infinitive(token):
        return True  # "Estonia to call up reservists": the headline's infinitive hung on its subject
    # a headline's "Prime Minister to Visit Israel": an infinitive with no verb above it
    return token.pos_ == "VERB" and (token.dep_ in {"ROOT", "acl"} or token.dep_ == "advcl" and token.head.dep_ == "ROOT"
                                     and token.head.pos_ in {"PROPN", "NOUN"}) \
        and infinitive(token) and not any(c.dep_.startswith("aux") for c in token.children)


# Nouns for a batch of acts ("a wave of strikes"): the batch is planned or done as its acts are.
BATCH_NOUNS = {"wave", "round", "series", "spate", "string", "barrage", "salvo", "volley", "campaign"}


def _complement_clause(token: Token) -> bool:
    """An infinitive or "from"-gerund the parse hung as an adverbial clause on a
    verb of planning or denial: "declined to step down", "refrained from criticising"."""
    marked = any(c.dep_ == "mark" and c.lower_ in {"to", "from"} for c in token.children)
    head = token.head.lemma_.lower()
    return marked and (head in _NEGATING_HEADS or head in _PLANNING_HEADS or token.head.lower_ in _NEGATING_HEADS)


_FUTURE_HEADS = {"be", "expect", "schedule", "set", "due", "about", "poised", "poise", "slate", "slated", "likely"}


def _fixed_to(head: Token) -> bool:
    return any(c.dep_ == "fixed" and c.lower_ == "to" for c in head.children)


def _governors(trigger: Token):
    """(link, head) for the words a trigger hangs from, nearest first:
    "agreed to hold a meeting" gives (obj, hold), then (xcomp, agreed)."""
    token = trigger
    for _ in range(4):
        link = token.dep_.split(":")[0]
        if link == "advcl" and _complement_clause(token):
            link = "xcomp"  # "declined to step down" parsed as an adverbial clause
        if link == "nmod" and token.head.lemma_.lower() in BATCH_NOUNS:
            token = token.head  # "preparing a fresh wave of strikes": the batch stands in for its acts
            continue
        if link not in {"xcomp", "ccomp", "obj", "nsubj", "obl", "acl"} or token.head == token:
            return
        if link == "acl" and not infinitive(token):
            return  # only an infinitive ("plans to expel"), not a participle ("troops stationed")
        if link in {"nsubj", "obl"} and token.head.pos_ not in {"VERB", "AUX"}:
            return
        token = token.head
        yield link, token


def saying_verb(trigger: Token) -> Token | None:
    """The verb of saying whose clause a future act is ("told Kampala that
    its preferences would be withdrawn"), when the act is passive, so that
    the one who said it is the only actor the sentence names for it."""
    if trigger.pos_ != "VERB" or trigger.dep_ not in {"ccomp", "parataxis"} or _is_negated(trigger):
        return None
    if not any(c.dep_ == "aux:pass" for c in trigger.children):
        return None
    if not any(c.dep_.startswith("aux") and c.lower_ in {"will", "would", "could", "shall", "'ll", "’ll"} for c in trigger.children):
        return None
    head = trigger.head
    return head if head.lemma_.lower() in _SAYING and not _is_negated(head) else None
