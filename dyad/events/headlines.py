"""Wire headlines read again with their verb made plain.

Headlines drop articles and auxiliaries and tell the past in the present:
"Ghana opposition slams budget", "Taiwan to station missiles on Kinmen". The
parser, trained mostly on prose, often reads such a line as one long noun
phrase, "slams" a plural noun, so that the line has no verb and its event
neither subject nor object. For a line with no verb (but in a hyphenated
word: "quake-struck"), each lower-case word the lexicon knows as a verb is
tried in turn: the line is parsed again with "will" before the verb's plain
form ("Ghana opposition will slam budget"; "to" becomes "will", a comma between
names "and"), and where that parse makes the word the root verb with a subject
before it, its tree, tags and lemmas replace the first parse's. A prose
sentence with no finite verb whose verb the parse read as a participle ("the
union called/VBN for talks", a reduced relative on "union") is parsed again
the same way with "has" before it, as is one whose past tense the parse hung
on the next noun ("the navy blamed/VBN Pakistani boats", "the bank lent/NN
Estonia ...") and one whose "plans" it read as a noun ("Norway plans/NNS to
channel ..."; with "will" before "plan"), and so is a past tense hung on the
next noun in a sentence whose root is a noun ("Ghana's ministry denied/VBN
reports that it had ..."). In any sentence, a participle hung on
the noun before it that has an object of its own ("warplanes struck/VBN a camp
..., officials said") is read again with "has": a reduced relative is passive
and takes no object. "free" read as an adjective before its object ("set to
free/JJ two detainees") is parsed again with "release" in its place. A
headline with no finite verb whose "to" infinitive the parse hung on its
subject ("Gabonese opposition to sit out vote") is read with "will" for "to".
The words put in are not kept: the line's status still comes from its own words.
"""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.events.arguments import lemma_candidates
from dyad.events.lexicon import Lexicon
from dyad.language import sentences

MAX_TRIES = 3  # verbs tried per line: each try is a parse of the line
MAX_LINE_TOKENS = 60  # headlines are far shorter; a sentence longer than this is rarely misread so
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
CLAUSE_DEPS = {"ccomp", "parataxis", "advcl", "conj"}
_OPENING_WORDS = {"the", "a", "an", "of", "in", "on", "at", "for", "with", "by", "from", "into", "over", "and", "or"}


def reread_headlines(doc: Doc, nlp: Language, lexicon: Lexicon) -> None:
    """Give each verbless line of ``doc`` the parse it has with its verb made
    plain, and each sentence whose verb was read as a participle ("Zimbabwe's
    ruling party apologised/VBN for ...", hung on "party" as a reduced relative)
    the parse it has with "has" before that verb."""
    for sent in sentences(doc):
        if len(sent) > MAX_LINE_TOKENS:
            continue  # no headline: a list of words, a table's row
        if not any(t.pos_ in {"VERB", "AUX"} and not (_hyphenated(t) and t.dep_ in {"amod", "compound"}) for t in sent):
            # "Yemen's warring parties to hold talks": the word after "to" first
            candidates = sorted(_verb_candidates(sent, lexicon), key=lambda c: c[0].doc[c[0].i - 1].lower_ != "to")
            tries = [(token, plain, "will") for token, plain in candidates]
        elif not _ends_like_prose(sent) and not _has_finite_verb(sent):
            # "Kenyan lecturers to issue strike notice": the headline's infinitive hung on its subject
            infinitives = _headline_infinitives(sent)
            # "Sri Lankan police deploy/NN units to ring parliament": a verb read as a noun before
            # the infinitive is the line's own, the infinitive its purpose
            misread = [(token, plain, "will") for token, plain in _verb_candidates(sent, lexicon)
                       # not the noun right before "to": "Abu Dhabi fund to finance" names the infinitive's subject
                       if infinitives and token.i < infinitives[0].i - 2 and token.pos_ == "NOUN"]
            tries = misread + [(token, token.lower_, "will") for token in infinitives]
        elif _prose_without_finite_verb(sent):
            tries = [(token, token.text, "has") for token in _participle_candidates(sent)]
            tries += [(token, token.text, "has") for token in _past_tenses_before_objects(sent, lexicon)]
            tries += [(token, token.lemma_.lower(), "will") for token in _plans_read_as_nouns(sent)]
        else:
            # "Israeli warplanes struck/VBN a camp ..., officials said": the clause's verb
            # read as a reduced relative on its subject, though it has an object of its own
            tries = [(token, token.text, "has") for token in _participles_with_objects(sent)]
            if sent.root.pos_ in {"NOUN", "PROPN"} and _ends_like_prose(sent):
                # "Ghana's foreign ministry denied/VBN reports that it had ...": a noun at the
                # root of a sentence, the main verb read as the modifier of its object
                tries += [(token, token.text, "has") for token in _past_tenses_before_objects(sent, lexicon)]
        for token, plain, auxiliary in tries[:MAX_TRIES]:
            if _reread(doc, sent, token, plain, auxiliary, nlp):
                break
        for token in _verbs_read_as_adjectives(sent):
            _reread_with_stand_in(doc, sent, token, nlp)


def _has_finite_verb(sent: Span) -> bool:
    return any(t.tag_ in FINITE_TAGS for t in sent)


def _prose_without_finite_verb(sent: Span) -> bool:
    """A sentence that ends like prose but has no finite verb and no verb at
    its root: a headline may drop "were" ("Two journalists detained in
    Minsk"), a sentence may not."""
    if sent.root.pos_ in {"VERB", "AUX"}:
        return False  # most sentences: asked first, as every sentence with a verb is asked this
    return _ends_like_prose(sent) and not _has_finite_verb(sent)


def _ends_like_prose(sent: Span) -> bool:
    last = next((t for t in reversed(sent) if t.text not in {'"', "”", "'", "’", ")"}), None)
    return last is not None and last.text in {".", "!", "?"}


def _participle_candidates(sent: Span) -> list[Token]:
    """Participles hung on a noun before them, as a reduced relative clause would
    be, or with a subject of their own ("Qatar's charity fund sent/VBN blankets",
    "sent" read as the adjective of "blankets" but given "fund" as its subject)."""
    return [t for t in sent if t.tag_ == "VBN" and t.pos_ == "VERB" and t.text.islower()
            and (_on_noun_before(t) or any(c.dep_ == "nsubj" and c.i < t.i for c in t.children))]


def _on_noun_before(token: Token) -> bool:
    """Hung on a noun before it as a reduced relative or a modifier would be."""
    return token.dep_ in {"acl", "amod"} and token.head.i < token.i and token.head.pos_ in {"NOUN", "PROPN"}


def _past_tenses_before_objects(sent: Span, lexicon: Lexicon) -> list[Token]:
    """"The coast guard blamed/VBN Chinese vessels", "the bank lent/NN Montenegro
    ...": a past tense right after a noun, read as the next noun's modifier;
    a participle, or an adjective or noun whose word the lexicon knows as a
    verb's past."""
    found = []
    for token in sent[1:]:
        before = token.doc[token.i - 1]
        if not token.text.isalpha() or not token.text.islower() or before.pos_ not in {"NOUN", "PROPN"} \
                or token.dep_ not in {"amod", "compound", "nmod", "ROOT"}:
            continue
        if token.tag_ == "VBN" and token.head.i > token.i or token.tag_ in {"JJ", "NN"} and _past_of_a_verb(token, lexicon):
            found.append(token)
    return found


def _past_of_a_verb(token: Token, lexicon: Lexicon) -> bool:
    """"blamed", "froze", "lent": a word the lexicon knows as a verb, in a form not its plain one."""
    return any(lemma != token.lower_ and _known_verb(lemma, lexicon)
               for lemma in lemma_candidates(token)) and not token.lower_.endswith(("s", "ing"))


def _known_verb(lemma: str, lexicon: Lexicon) -> bool:
    return lemma in lexicon.verbs or bool(lexicon.phrasal_for(lemma))


def _plans_read_as_nouns(sent: Span) -> list[Token]:
    """"Norway plans/NNS to channel ...": the verb of intent read as a noun before its infinitive."""
    doc = sent.doc
    return [t for t in sent if t.lemma_.lower() == "plan" and t.pos_ == "NOUN" and t.i + 1 < sent.end
            and doc[t.i + 1].lower_ == "to" and t.i > sent.start and doc[t.i - 1].pos_ in {"NOUN", "PROPN"}]


def _headline_infinitives(sent: Span) -> list[Token]:
    """"Uruguayan dockers to announce ...", "warring parties to hold talks": a "to"
    infinitive hung on a noun before it, in a line with no finite verb."""
    doc = sent.doc
    return [t for t in sent if t.tag_ == "VB" and t.i > sent.start and doc[t.i - 1].lower_ == "to"
            and t.head.pos_ in {"NOUN", "PROPN"} and t.head.i < t.i]


def _participles_with_objects(sent: Span) -> list[Token]:
    """Participles hung on a noun before them that take a direct object: a
    reduced relative is passive and has none ("troops stationed in Syria"),
    a past tense misread as one has ("guardsmen fired/VBN pellets")."""
    return [t for t in sent if t.tag_ == "VBN" and t.pos_ == "VERB" and _on_noun_before(t) and t.text.islower()
            and any(c.dep_ == "obj" for c in t.children)
            and not any(c.dep_ in {"aux", "aux:pass"} for c in t.children)]


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (before is not None and before.text == "-" and not before.whitespace_) or \
        (after is not None and after.text == "-" and not token.whitespace_)


def _verb_candidates(sent: Span, lexicon: Lexicon) -> list[tuple[Token, str]]:
    """Lower-case words after the line's first that the lexicon knows as verbs,
    each with the plain form it knows, where no article or preposition comes
    right before ("the march", "in talks" are nouns)."""
    found = []
    for token in sent[1:]:
        before = token.doc[token.i - 1]
        if not token.text.isalpha() or not token.text.islower() or before.lower_ in _OPENING_WORDS:
            continue
        plain = next((lemma for lemma in lemma_candidates(token) if _known_verb(lemma, lexicon)), None)
        if plain is not None:
            found.append((token, plain))
    return found


def _reread(doc: Doc, sent: Span, verb: Token, plain: str, auxiliary: str, nlp: Language) -> bool:
    infinitive = auxiliary == "will" and verb.i - 1 > sent.start and doc[verb.i - 1].lower_ == "to"
    words, spaces, old_of_new = [], [], []
    for token in sent:
        if token.i == verb.i and not infinitive:
            words.append(auxiliary)  # "Ghana opposition will slam budget": a word of the reading only
            spaces.append(True)
            old_of_new.append(None)
        if token.i == verb.i - 1 and infinitive:
            words.append("will")  # "Taiwan to station" -> "Taiwan will station"
        elif _listing_comma(token, verb):
            words.append("and")  # "Jordanian, Saudi agencies swap" -> "Jordanian and Saudi agencies will swap"
        else:
            words.append(plain if token.i == verb.i else token.text)
        spaces.append(bool(token.whitespace_))
        old_of_new.append(token.i)
    read = nlp(Doc(nlp.vocab, words=words, spaces=spaces))
    new_verb = read[old_of_new.index(verb.i)]
    # a prose clause may head a report or a subordinate clause; a headline's verb heads the line
    heads_enough = new_verb.dep_ == "ROOT" or auxiliary == "has" and new_verb.dep_ in CLAUSE_DEPS
    if not heads_enough or new_verb.pos_ != "VERB" or len(list(read.sents)) != 1 \
            or not any(c.dep_.startswith("nsubj") and c.i < new_verb.i for c in new_verb.children):
        return False
    tag = "VB" if infinitive else "VBD" if auxiliary == "has" else \
        "VBZ" if verb.lower_ != plain and verb.lower_.endswith("s") else "VBP"
    _take_parse(doc, sent, verb, tag, plain if auxiliary == "will" else new_verb.lemma_, infinitive, read, old_of_new)
    return True


# Verbs the tagger often reads as their adjective ("set to free/JJ two detainees"), each
# with a verb of the same sense that it does not, read in its place for the parse only.
STAND_INS = {"free": "release"}
_BEFORE_A_VERB = {"to", "not", "n't", "will", "would", "could", "can", "may", "might", "must", "should", "did", "and"}
# "free elections", "free and fair", "free trade": the adjective indeed
_ADJECTIVE_USES = {"election", "elections", "trade", "speech", "press", "market", "markets", "movement", "zone",
                   "and", ",", "of", "from", "will", "access", "media", "passage", "rein", "hand", "flow", "world"}


def _verbs_read_as_adjectives(sent: Span) -> list[Token]:
    doc = sent.doc
    return [t for t in sent if t.lower_ in STAND_INS and t.pos_ == "ADJ" and t.i > sent.start and t.i + 1 < sent.end
            and doc[t.i - 1].lower_ in _BEFORE_A_VERB and doc[t.i + 1].lower_ not in _ADJECTIVE_USES
            and doc[t.i + 1].pos_ in {"DET", "NUM", "PRON", "ADJ", "ADV", "NOUN", "PROPN", "VERB"}]


def _reread_with_stand_in(doc: Doc, sent: Span, word: Token, nlp: Language) -> bool:
    """Parse the sentence with the stand-in verb in the word's place; where it is
    read as a verb, the sentence takes that tree, the word keeping its own lemma."""
    words = [STAND_INS[t.lower_] if t.i == word.i else t.text for t in sent]
    read = nlp(Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent]))
    if read[word.i - sent.start].pos_ != "VERB" or len(list(read.sents)) != 1:
        return False
    _take_parse(doc, sent, word, "VB", word.lower_, False, read, list(range(sent.start, sent.end)))
    return True


def _listing_comma(token: Token, verb: Token) -> bool:
    """A headline's comma for "and" between two names before its verb."""
    doc = token.doc
    return token.text == "," and 0 < token.i < verb.i - 1 and doc[token.i - 1].text[:1].isupper() \
        and doc[token.i + 1].text[:1].isupper()


def _take_parse(doc: Doc, sent: Span, verb: Token, tag: str, lemma: str, infinitive: bool, read: Doc,
                old_of_new: list[int | None]) -> None:
    new_of_old = {old: new for new, old in enumerate(old_of_new) if old is not None}
    verb_new = new_of_old[verb.i]
    attrs = [HEAD, DEP, POS, TAG, LEMMA]
    array = doc.to_array(attrs)
    strings = doc.vocab.strings
    for token in sent:
        new = read[new_of_old[token.i]]
        head = new.head.i if old_of_new[new.head.i] is not None else verb_new  # words on "will" go to the verb
        array[token.i, 0] = (old_of_new[head] - token.i) % 2**64  # relative, as to_array gives it
        array[token.i, 1] = strings.add(new.dep_)
        array[token.i, 2] = strings.add(new.pos_)
        array[token.i, 3] = strings.add(new.tag_)
        array[token.i, 4] = strings.add(new.lemma_)
    for comma in (t for t in sent if _listing_comma(t, verb)):
        array[comma.i, 1], array[comma.i, 2], array[comma.i, 3], array[comma.i, 4] = (
            strings.add(s) for s in ("punct", "PUNCT", ",", ","))  # read as "and", still a comma
    if infinitive:
        to = verb.i - 1  # the infinitive's own marker, as in prose
        array[to, 1], array[to, 2], array[to, 3], array[to, 4] = (strings.add(s) for s in ("mark", "PART", "TO", "to"))
    array[verb.i, 3] = strings.add(tag)
    array[verb.i, 4] = strings.add(lemma)
    doc.from_array(attrs, array)
