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
    "ask", "call", "consider", "threaten", "wish", "like", "try", "attempt",
}
# Verbs whose complement is denied ("refused to meet").
_NEGATING_HEADS = {"refuse", "deny", "fail", "decline", "reject", "cancel", "postpone", "avoid"}
_PLANNED_MODIFIERS = {"upcoming", "planned", "forthcoming", "future", "next", "proposed", "scheduled", "expected"}


def event_status(trigger: Token) -> str:
    """Status from the trigger's own words, then from the words that govern it:
    an infinitive under "agree", "plan", "expect" is planned; under "refuse",
    "deny", "fail" it is negated; an object shares its verb's tense and polarity."""
    if _is_negated(trigger):
        return NEGATED
    if _is_future(trigger):
        return PLANNED
    for link, head in _governors(trigger):
        lemma = head.lemma_.lower()
        if link in {"xcomp", "ccomp"} and lemma in _NEGATING_HEADS or _is_negated(head):
            return NEGATED
        if link == "xcomp" and lemma in _PLANNING_HEADS or _is_future(head):
            return PLANNED
    return HAPPENED


_PREVENTING_HEADS = {"prevent", "avoid", "stop", "deter", "forestall", "preclude", "ensure", "assure", "guarantee"}


def is_prevented(trigger: Token) -> bool:
    """"a hotline to prevent their forces from clashing": the clash is not an
    event at all, neither one that happened nor one denied."""
    token = trigger
    for _ in range(3):
        if token.dep_.split(":")[0] not in {"advcl", "xcomp", "ccomp", "obj", "obl"} or token.head == token:
            return False
        token = token.head
        if token.lemma_.lower() in _PREVENTING_HEADS:
            return True
    return False


def _is_negated(token: Token) -> bool:
    return any(child.lower_ in _NEGATORS and child.dep_ in {"advmod", "neg", "det"} for child in token.children)


def _is_future(token: Token) -> bool:
    for child in token.children:
        word = child.lower_
        if child.dep_.startswith("aux") and word in _FUTURE_AUX:
            return True
        if child.dep_ == "amod" and word in _PLANNED_MODIFIERS:
            return True
    # "is to visit", "is expected to visit", "is about to restore"
    if token.dep_ in {"xcomp", "advcl"} and token.head.lemma_ in {"be", "expect", "schedule", "set", "due", "about", "poised"} and any(
        c.dep_ == "mark" and c.lower_ == "to" for c in token.children
    ):
        return True
    # a headline's "Prime Minister to Visit Israel": an infinitive with no verb above it
    return token.pos_ == "VERB" and token.dep_ in {"ROOT", "acl"} and any(
        c.dep_ == "mark" and c.lower_ == "to" for c in token.children
    ) and not any(c.dep_.startswith("aux") for c in token.children)


def _governors(trigger: Token):
    """(link, head) for the words a trigger hangs from, nearest first:
    "agreed to hold a meeting" gives (obj, hold), then (xcomp, agreed)."""
    token = trigger
    for _ in range(4):
        link = token.dep_.split(":")[0]
        if link not in {"xcomp", "ccomp", "obj", "nsubj", "obl"} or token.head == token:
            return
        if link in {"nsubj", "obl"} and token.head.pos_ not in {"VERB", "AUX"}:
            return
        token = token.head
        yield link, token
