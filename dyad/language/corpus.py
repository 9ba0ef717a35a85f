"""UD English EWT (CoNLL-U), UNER English EWT (IOB2) and UD English GUM's
openly licensed genres as spaCy Docs.

The EWT treebanks annotate the same sentences, keyed by ``sent_id``, so one Doc
carries tags, morphology, lemmas, the dependency tree and the entities; GUM's
Docs carry no entities unless asked (``gum_entity_tags``).
Sentences are grouped into documents of a few sentences so that the parser
learns where sentences end. Used to train the shipped pipeline
(``train/convert.py``) and to evaluate any pipeline (``dyad model evaluate``).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import NamedTuple

import spacy
from spacy.tokens import Doc, DocBin

SPLITS = {
    "train": ("en_ewt-ud-train.conllu.gz", "en_ewt-ud-train.prerelease-2022-12-02.iob2"),
    "dev": ("en_ewt-ud-dev.conllu", "en_ewt-ud-dev.iob2"),
    "test": ("en_ewt-ud-test.conllu", "en_ewt-ud-test.iob2"),
}
# The pre-release UNER train still has these; the final release maps them to O.
DROPPED_NER = {"OTH", "O"}
SENTENCES_PER_DOC = 10
# GUM as a whole is CC BY-NC-SA, but its LICENSE.txt puts these genres' texts
# under attribution licences (Wikimedia, OpenStax, YouTube CC vlogs, public-domain
# speeches, the Santa Barbara conversations). Only they may train shipped weights;
# wikiHow and fiction are non-commercial, and the rest carry no stated exception.
GUM_OPEN_GENRES = ("bio", "conversation", "interview", "news", "speech", "textbook", "vlog", "voyage")
GUM_TRAIN = "en_gum-ud-train.conllu.gz"


def open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_conllu(path: Path):
    """Yield (sent_id, rows) where rows are the 10 columns of each syntactic word,
    with the SpaceAfter flag of multiword tokens moved to their last word."""
    sent_id, rows, mwt_end, mwt_nospace = None, [], 0, False
    with open_text(path) as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif not line:
                if rows:
                    yield sent_id, rows
                sent_id, rows, mwt_end = None, [], 0
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "." in cols[0]:
                    continue  # empty nodes of the enhanced graph
                if "-" in cols[0]:
                    mwt_end = int(cols[0].split("-")[1])
                    mwt_nospace = "SpaceAfter=No" in cols[9]
                    continue
                if int(cols[0]) <= mwt_end:
                    nospace = mwt_nospace or int(cols[0]) < mwt_end
                    cols[9] = _with_space_after(cols[9], nospace)
                rows.append(cols)
    if rows:
        yield sent_id, rows


def _with_space_after(misc: str, nospace: bool) -> str:
    """MISC with its SpaceAfter flag set as the multiword token decides; other fields kept."""
    fields = [f for f in misc.split("|") if f not in ("_", "SpaceAfter=No")]
    fields += ["SpaceAfter=No"] if nospace else []
    return "|".join(fields) or "_"


def read_iob2(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    sentences, sent_id, words, tags = {}, None, [], []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif not line:
                if sent_id and words:
                    sentences[sent_id] = (words, tags)
                sent_id, words, tags = None, [], []
            elif not line.startswith("#"):
                cols = line.split("\t")
                tag = cols[2]
                if tag != "O" and tag.split("-", 1)[1] in DROPPED_NER:
                    tag = "O"
                words.append(cols[1])
                tags.append(tag)
    if sent_id and words:
        sentences[sent_id] = (words, tags)
    return sentences


def sentence_fields(rows, ner):
    words = [r[1] for r in rows]
    fields = {
        "words": words,
        "spaces": ["SpaceAfter=No" not in r[9] for r in rows],
        "tags": [r[4] for r in rows],
        "pos": [r[3] for r in rows],
        "morphs": ["" if r[5] == "_" else r[5] for r in rows],
        "lemmas": [r[2] for r in rows],
        "heads": [int(r[6]) for r in rows],
        "deps": [r[7] for r in rows],
    }
    # Entities only where UNER tokenised the sentence the same way; elsewhere
    # they are missing (not "no entity"), so the model is not taught a wrong O.
    if ner is not None and ner[0] == words:
        fields["ents"] = ner[1]
    else:
        fields["ents"] = [None] * len(words)
    return fields


def merge_sentences(vocab, sentences) -> Doc:
    """One Doc from several sentences; heads become absolute token indices."""
    merged = {key: [] for key in sentences[0]}
    merged["sent_starts"] = []
    for fields in sentences:
        offset = len(merged["words"])
        for key, values in fields.items():
            if key == "heads":
                values = [offset + i if h == 0 else offset + h - 1 for i, h in enumerate(values)]
            merged[key].extend(values)
        merged["sent_starts"].extend([True] + [False] * (len(fields["words"]) - 1))
        if merged["spaces"]:
            merged["spaces"][-1] = True
    return Doc(vocab, **merged)


class Split(NamedTuple):
    docs: list[Doc]
    texts: list[str]  # each Doc's raw text, with a blank line between paragraphs
    sentences: int
    with_entities: int


def split_docs(datasets: Path, split: str, vocab) -> Split:
    """The Docs of one split, their raw texts, and the counts of sentences and
    of sentences with entities."""
    conllu_name, iob_name = SPLITS[split]
    ner = read_iob2(datasets / "uner-english-ewt" / iob_name)
    path = datasets / "ud-english-ewt" / conllu_name
    openers = paragraph_openers(path)
    docs, texts, batch, opens, n_sent, n_ner = [], [], [], [], 0, 0
    for sent_id, rows in read_conllu(path):
        fields = sentence_fields(rows, ner.get(sent_id))
        n_sent += 1
        n_ner += fields["ents"][0] is not None
        batch.append(fields)
        opens.append(sent_id in openers)
        if len(batch) == SENTENCES_PER_DOC:
            docs.append(merge_sentences(vocab, batch))
            texts.append(paragraph_text(docs[-1], opens))
            batch, opens = [], []
    if batch:
        docs.append(merge_sentences(vocab, batch))
        texts.append(paragraph_text(docs[-1], opens))
    return Split(docs, texts, n_sent, n_ner)


def paragraph_openers(path: Path) -> set[str]:
    """The sent_ids of the sentences that open a paragraph or a document
    (``# newpar``, ``# newdoc``, written before or after ``# sent_id``)."""
    openers, sent_id, opens = set(), None, False
    with open_text(path) as lines:
        for line in lines:
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith(("# newpar", "# newdoc")):
                opens = True
            elif not line.strip():
                if opens and sent_id:
                    openers.add(sent_id)
                sent_id, opens = None, False
    if opens and sent_id:
        openers.add(sent_id)
    return openers


def paragraph_text(doc: Doc, opens: list[bool]) -> str:
    """The text of a Doc of merged sentences as UD's raw text lays it out: a
    blank line, not a space, before each sentence that opens a paragraph.
    Only whitespace differs from ``doc.text``, so a pipeline's tokens of it
    still align with the Doc's."""
    text, pieces, at = doc.text, [], 0
    for sent, opens_paragraph in zip(doc.sents, opens):
        if opens_paragraph and sent.start_char > 0:
            pieces.append(text[at : sent.start_char].rstrip(" "))
            pieces.append("\n\n")
            at = sent.start_char
    pieces.append(text[at:])
    return "".join(pieces)


def gum_genre(sent_id: str) -> str:
    """'GUM_news_afghan-3' -> 'news'."""
    return sent_id.split("_")[1]


GUM_ENTITY_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
_ENTITY_MARK = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")


def gum_mentions(rows) -> list[tuple[int, int, str]]:
    """(first, last, etype) of every mention in GUM's Entity= layer, token indices inclusive."""
    mentions, open_ = [], []
    for i, row in enumerate(rows):
        value = next((f[7:] for f in row[9].split("|") if f.startswith("Entity=")), "")
        for match in _ENTITY_MARK.finditer(value):
            if match.group(1):
                if match.group(3):
                    mentions.append((i, i, match.group(2)))
                else:
                    open_.append((match.group(1), i, match.group(2)))
            else:
                at = max((k for k, m in enumerate(open_) if m[0] == match.group(4)), default=None)
                if at is not None:
                    _, first, etype = open_.pop(at)
                    mentions.append((first, i, etype))
    return mentions


# Titles that open a person mention in GUM ("U.S. President Donald Trump") but lie
# outside the name in UNER.
_TITLES = {
    "president", "prime", "minister", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "senator", "sen.",
    "rep.", "governor", "gov.", "king", "queen", "prince", "princess", "pope", "general", "gen.", "secretary",
    "chancellor", "judge", "justice", "professor", "prof.", "sir", "lord", "lady", "captain", "capt.", "mayor",
    "chairman", "director", "chief", "commander", "emperor", "sheikh", "ayatollah", "lieutenant", "colonel",
    "sergeant", "coach", "saint", "reverend", "rev.", "father", "bishop", "archbishop", "cardinal", "speaker",
}
_CONNECTORS = {"of", "and", "the", "for", "de", "&", "-", "on", "in"}


def _name_after_titles(rows, first: int, last: int) -> int:
    """Where the capitalised run ending at `last` starts, titles left out."""
    start = last
    while start > first and rows[start - 1][1][:1].isupper() and rows[start - 1][1].lower() not in _TITLES:
        start -= 1
    return start


def _name_span(rows, first: int, last: int, label: str) -> tuple[int, int] | None:
    """The name in a mention ("the [United States]'s", "U.S. President [Donald Trump]"), or None.

    A name is a run of capitalised words (with "of", "and"... between them) around
    at least one proper noun: UD English tags "United" in "United States" a VERB."""
    while first <= last and rows[first][3] == "DET":
        first += 1
    while last > first and rows[last][3] in ("PART", "PUNCT"):
        last -= 1
    if label == "PER" and rows[last][1][:1].isupper():
        first = _name_after_titles(rows, first, last)  # "New Zealand's Prime Minister [John Key]"
    if first > last or not rows[first][1][:1].isupper():
        return None
    # A mention with more after the name ("Groningen, in the Netherlands",
    # "Jacob Bernoulli (who ...)") keeps the name that opens it.
    end = first
    while end < last and (rows[end + 1][1][:1].isupper() or rows[end + 1][1].lower() in _CONNECTORS):
        end += 1
    last = end
    while last > first and not rows[last][1][:1].isupper():
        last -= 1
    words = [rows[k][1] for k in range(first, last + 1)]
    if label == "PER" and (rows[first][1].lower() in _TITLES or rows[last][4] == "NNPS"):
        return None  # "the President"; "the Afghans"
    if not any(rows[k][3] == "PROPN" for k in range(first, last + 1)):
        return None
    return first, last


def gum_entity_tags(rows) -> list[str]:
    """IOB2 tags in UNER's scheme from GUM's named person, organisation and place mentions.

    GUM marks every mention, named or not; a name here is a mention whose words,
    past a leading determiner, are proper nouns (with "of", "and" between them).
    Of nested names the outermost wins, as in UNER's flat annotation."""
    names = []
    for first, last, etype in gum_mentions(rows):
        label = GUM_ENTITY_TYPES.get(etype)
        span = _name_span(rows, first, last, label) if label else None
        if span:
            names.append((span[0], span[1], label))
    tags = ["O"] * len(rows)
    for first, last, label in sorted(names, key=lambda n: (n[0], -n[1])):
        if all(t == "O" for t in tags[first:last + 1]):
            tags[first:last + 1] = [f"B-{label}"] + [f"I-{label}"] * (last - first)
    return tags


def gum_docs(datasets: Path, vocab, genres=GUM_OPEN_GENRES, entities: bool = False) -> tuple[list[Doc], int]:
    """GUM train sentences of the given genres, as Docs of a few sentences each.

    With `entities`, named mentions become PER/ORG/LOC (gum_entity_tags); without,
    entities are left missing rather than read as "no entity"."""
    docs, batch, n_sent, doc_id = [], [], 0, None
    for sent_id, rows in read_conllu(datasets / "ud-english-gum" / GUM_TRAIN):
        if gum_genre(sent_id) not in genres:
            continue
        this_doc = sent_id.rsplit("-", 1)[0]
        if batch and (len(batch) == SENTENCES_PER_DOC or this_doc != doc_id):
            docs.append(merge_sentences(vocab, batch))
            batch = []
        doc_id = this_doc
        words = [r[1] for r in rows]
        batch.append(sentence_fields(rows, (words, gum_entity_tags(rows)) if entities else None))
        n_sent += 1
    if batch:
        docs.append(merge_sentences(vocab, batch))
    return docs, n_sent


def convert_split(datasets: Path, split: str, out_dir: Path, with_gum: bool = False,
                  gum_entities: bool = False, headlines: bool = False) -> tuple[int, int]:
    docs, _, n_sent, n_ner = split_docs(datasets, split, spacy.blank("en").vocab)
    if with_gum and split == "train":
        extra, n_extra = gum_docs(datasets, docs[0].vocab, entities=gum_entities)
        docs, n_sent = docs + extra, n_sent + n_extra
    if headlines and split == "train":
        extra, n_extra = headline_docs(datasets, docs[0].vocab, with_gum=with_gum)
        docs, n_sent = docs + extra, n_sent + n_extra
    out_dir.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{split}.spacy")
    return n_sent, n_ner


# --- wire headlines made from treebank sentences ------------------------------
#
# News headlines drop articles and the full stop and tell the past in the present
# ("Ghana opposition slams budget", "Taiwan to station missiles on Kinmen"); the
# treebanks have few, and a parser trained on them reads "slams" as a plural noun.
# A sentence whose main verb has a noun for subject becomes such a headline,
# its tree unchanged but for the words it loses and the verb's new form.

HEADLINE_SUBJECT_TAGS = {"NN", "NNS", "NNP", "NNPS"}
HEADLINE_LENGTH = (4, 20)  # words, before articles and the full stop go
_PRESENT_3SG = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
_PRESENT = "Mood=Ind|Tense=Pres|VerbForm=Fin"
_IRREGULAR_3SG = {"have": "has", "do": "does", "go": "goes"}


def third_person(lemma: str) -> str:
    """"slam" -> "slams", "push" -> "pushes", "deny" -> "denies"."""
    if lemma in _IRREGULAR_3SG:
        return _IRREGULAR_3SG[lemma]
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def headline_rows(rows) -> list | None:
    """The sentence as a wire headline, or None when it is no statement of
    what a named or described party did (pronoun subjects, questions,
    auxiliaries other than a future "will", the verb "be")."""
    if not HEADLINE_LENGTH[0] <= len(rows) <= HEADLINE_LENGTH[1] or rows[-1][1] not in {".", "!"}:
        return None
    root = next((r for r in rows if r[6] == "0"), None)
    if root is None or root[3] != "VERB" or root[2] == "be" or not root[2].isalpha():
        return None
    children = {r[0]: [c for c in rows if c[6] == r[0]] for r in rows}
    subjects = [c for c in children[root[0]] if c[7] == "nsubj"]
    if len(subjects) != 1 or subjects[0][4] not in HEADLINE_SUBJECT_TAGS:
        return None
    auxes = [c for c in children[root[0]] if c[7] in {"aux", "aux:pass", "cop"}]
    future = [c for c in auxes if c[2] == "will"]
    if auxes != future or (not future and root[4] not in {"VBD", "VBZ", "VBP"}) or (future and root[4] != "VB"):
        return None
    dropped = _dropped_ids(rows)
    if any(children[i] for i in dropped) or len(dropped) >= len(rows) - 2:
        return None
    plural = subjects[0][4] in {"NNS", "NNPS"}
    future_ids = {c[0] for c in future}
    kept = []
    for r in rows:
        if r[0] in dropped:
            continue
        r = list(r)
        if r[0] in future_ids:
            r[1:6] = ["to", "to", "PART", "TO", "_"]
            r[7] = "mark"
        elif not future and (r[0] == root[0] or r[7] == "conj" and r[6] == root[0] and r[4] == root[4]):
            r[1] = r[2] if plural else third_person(r[2])
            r[4], r[5] = ("VBP", _PRESENT) if plural else ("VBZ", _PRESENT_3SG)
        kept.append(r)
    return _renumbered(kept)


def _renumbered(rows) -> list:
    new_id = {r[0]: str(i) for i, r in enumerate(rows, start=1)}
    out = []
    for r in rows:
        r = list(r)
        r[0], r[6], r[8] = new_id[r[0]], new_id.get(r[6], "0"), "_"
        out.append(r)
    out[0][1] = out[0][1][:1].upper() + out[0][1][1:]
    out[-1][9] = "_"
    return out


def _headline_entities(rows, headline, ner) -> tuple[list[str], list[str]] | None:
    """UNER's tags for the words the headline keeps, when those it drops were
    tagged as no entity; else the headline's entities stay missing."""
    if ner is None or ner[0] != [r[1] for r in rows]:
        return None
    kept_ids = {r[0] for r in rows} - _dropped_ids(rows)
    tags = [tag for r, tag in zip(rows, ner[1]) if r[0] in kept_ids]
    if any(tag != "O" for r, tag in zip(rows, ner[1]) if r[0] not in kept_ids):
        return None
    return [r[1] for r in headline], tags


def _dropped_ids(rows) -> set[str]:
    """Which of the sentence's words a headline leaves out (articles, the full stop)."""
    return {r[0] for r in rows if r[7] == "det" and r[2] in {"the", "a", "an"}} | {rows[-1][0]}


def headline_docs(datasets: Path, vocab, with_gum: bool = False) -> tuple[list[Doc], int]:
    """One Doc per headline made from the EWT train split (with UNER's entities
    where they carry over) and, with `with_gum`, from GUM's open genres."""
    ner = read_iob2(datasets / "uner-english-ewt" / SPLITS["train"][1])
    sources = [(read_conllu(datasets / "ud-english-ewt" / SPLITS["train"][0]), True)]
    if with_gum:
        gum = ((sid, rows) for sid, rows in read_conllu(datasets / "ud-english-gum" / GUM_TRAIN)
               if gum_genre(sid) in GUM_OPEN_GENRES)
        sources.append((gum, False))
    docs = []
    for sentences, has_ner in sources:
        for sent_id, rows in sentences:
            headline = headline_rows(rows)
            if headline is None:
                continue
            entities = _headline_entities(rows, headline, ner.get(sent_id)) if has_ner else None
            fields = sentence_fields(headline, entities)
            fields["sent_starts"] = [True] + [False] * (len(headline) - 1)
            fields["heads"] = [i if h == 0 else h - 1 for i, h in enumerate(fields["heads"])]
            docs.append(Doc(vocab, **fields))
    return docs, len(docs)
