"""The shipped language pipeline: loads offline, paragraph breaks end sentences,
finds the people and places of the seeds, and the `dyad model` commands."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc

from dyad.cli import main
from dyad.errors import ModelError
from dyad.ingest import read_inputs
from dyad.language import DEFAULT_PIPELINE, analyse, finite_verbs, load_pipeline, paragraph_breaks, sentences

# Run in a fresh interpreter with no proxy or hub settings and every socket refused.
NO_NETWORK_LOAD = """
import socket, sys

def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")

class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        refuse()

socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse

import spacy
from dyad.language import DEFAULT_PIPELINE, load_pipeline

nlp = spacy.load(DEFAULT_PIPELINE)
doc = load_pipeline()("Vladimir Putin met Naftali Bennett in Sochi.")
print(",".join(nlp.pipe_names), len(doc))
"""


def test_pipeline_loads_from_package_without_network(tmp_path):
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", NO_NETWORK_LOAD], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    names, tokens = done.stdout.split()
    assert {"tagger", "parser", "ner", "trainable_lemmatizer", "morphologizer"} <= set(names.split(","))
    assert int(tokens) == 8


def test_pipeline_ships_inside_the_package():
    assert DEFAULT_PIPELINE.parent.parent.name == "dyad"
    assert (DEFAULT_PIPELINE / "config.cfg").is_file() and (DEFAULT_PIPELINE / "meta.json").is_file()


def test_load_pipeline_unknown_model_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="cannot load spaCy pipeline"):
        load_pipeline(str(tmp_path / "no-such-pipeline"))


# --- paragraph breaks end sentences ------------------------------------------


def test_a_word_tagged_as_a_finite_verb_is_a_verb_whatever_its_part_of_speech():
    doc = Doc(spacy.blank("en").vocab, words=["The", "alliance", "applauded", "the", "call"],
              tags=["DT", "NN", "VBD", "DT", "NN"], pos=["DET", "NOUN", "ADJ", "DET", "NOUN"])
    assert [t.pos_ for t in finite_verbs(doc)] == ["DET", "NOUN", "VERB", "DET", "NOUN"]


def test_a_lower_case_past_tense_swept_into_a_name_is_a_verb():
    doc = Doc(spacy.blank("en").vocab, words=["The", "Refugee", "Council", "welcomed", "the", "decision"],
              tags=["DT", "NNP", "NNP", "NNP", "DT", "NN"], pos=["DET", "PROPN", "PROPN", "PROPN", "DET", "NOUN"])
    assert [(t.tag_, t.pos_) for t in finite_verbs(doc)][1:4] == [("NNP", "PROPN"), ("NNP", "PROPN"), ("VBD", "VERB")]


def _parsed(words, tags, pos, heads, deps):
    return Doc(spacy.blank("en").vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps)


def test_a_noun_or_adjective_with_a_direct_object_is_a_verb():
    # "The army blamed the rebels" with "blamed" tagged an adjective, as Dyad's model does
    doc = _parsed(["The", "army", "blamed", "the", "rebels"], ["DT", "NN", "JJ", "DT", "NNS"],
                  ["DET", "NOUN", "ADJ", "DET", "NOUN"], [1, 2, 2, 4, 2], ["det", "nsubj", "ROOT", "det", "obj"])
    assert (doc[2].tag_, finite_verbs(doc)[2].tag_, doc[2].pos_) == ("JJ", "VBD", "VERB")
    doc = _parsed(["Chile", "scolds", "Peru"], ["NNP", "NNS", "NNP"], ["PROPN", "NOUN", "PROPN"],
                  [1, 1, 1], ["nsubj", "ROOT", "obj"])
    assert (finite_verbs(doc)[1].tag_, doc[1].pos_) == ("VBZ", "VERB")


def test_a_noun_phrase_misparsed_otherwise_keeps_its_noun():
    # "the apology to Sami people": an object opening with a preposition; "the" is a noun's
    doc = _parsed(["Oslo", "issues", "apology", "to", "Sami"], ["NNP", "NNS", "NN", "IN", "NNP"],
                  ["PROPN", "NOUN", "NOUN", "ADP", "PROPN"], [1, 2, 2, 4, 2], ["compound", "nsubj", "ROOT", "case", "obj"])
    assert finite_verbs(doc)[2].pos_ == "NOUN"
    doc = _parsed(["the", "army", "blamed", "rebels"], ["DT", "NN", "NN", "NNS"],
                  ["DET", "NOUN", "NOUN", "NOUN"], [2, 2, 2, 2], ["det", "compound", "ROOT", "obj"])
    assert finite_verbs(doc)[2].pos_ == "NOUN"


def test_paragraphs_component_splits_a_hand_built_doc():
    doc = Doc(spacy.blank("en").vocab, words=["Talks", "in", "\n\n", "Moscow", "ended"],
              spaces=[True, False, False, True, False])
    paragraph_breaks(doc)
    # no sentence starts inside "Talks in" or "Moscow ended" (no full stop), one after the break
    assert [t.is_sent_start for t in doc[1:]] == [False, False, True, False]


def test_paragraphs_component_leaves_single_newlines_alone():
    doc = Doc(spacy.blank("en").vocab, words=["Talks", "in", "\n", "Moscow"], spaces=[True, False, False, False])
    paragraph_breaks(doc)
    assert doc[3].is_sent_start is None


def test_paragraphs_component_runs_first(nlp):
    assert nlp.pipe_names[0] == "dyad_paragraphs"


@pytest.mark.parametrize(
    "text",
    [
        "Putin met Bennett in Sochi\n\nThe talks lasted five hours",
        "The talks between the two leaders in\n\nMoscow ended late on Friday.",
        "Russia and Israel\n\n\n\nagreed to keep talking.",
        "Israel and Russia\n\nKeep Talking About Syria\n\nas the war goes on",
    ],
    ids=["no-full-stop", "mid-phrase", "wide-break", "headline-like"],
)
def test_pipeline_paragraph_break_always_ends_a_sentence(nlp, text):
    doc = nlp(text)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for sent in sentences(doc):
        assert any(start <= sent.start_char and sent.end_char <= end for start, end in paragraphs), sent.text
    starts = {sent.start_char for sent in sentences(doc)}
    assert {start for start, _ in paragraphs} <= starts


def test_pipeline_seed_sentences_never_cross_a_paragraph(seed_docs):
    for doc in seed_docs.values():
        for sent in sentences(doc):
            assert "\n\n" not in sent.text


def test_pipeline_full_stop_stays_with_its_sentence(nlp):
    doc = nlp("Putin spoke. Bennett answered.\n\nThe two leaders met in Moscow on Friday.\n\nThey talked.")
    assert [s.text for s in sentences(doc)] == [
        "Putin spoke.", "Bennett answered.", "The two leaders met in Moscow on Friday.", "They talked."]


def test_sentences_have_no_surrounding_whitespace():
    words = ["Putin", "spoke", ".", " \n\n ", "Bennett", "answered", ".", "\n\n"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, False, False, False, True, False, False, False],
              sent_starts=[True, False, False, False, True, False, False, True])
    assert [s.text for s in sentences(doc)] == ["Putin spoke.", "Bennett answered."]


def test_analyse_keeps_each_article_with_its_doc(nlp, inputs_dir):
    articles = [a for a in read_inputs([inputs_dir / "folder"])]
    read = list(analyse(articles, nlp, batch_size=2))
    assert [r.article for r in read] == articles
    for item in read:
        assert item.doc.text == item.clean.text
    assert "Advertisement" not in read[0].doc.text  # cleaned before parsing


# --- people and places of the seeds ------------------------------------------

PEOPLE = ["Naftali Bennett", "Vladimir Putin", "Benjamin Netanyahu", "Dmitry Medvedev", "Moshe Kantor"]
PLACES = ["Russia", "Israel", "Moscow", "Syria", "Jerusalem", "Tel Aviv", "Kaliningrad", "Ukraine", "France"]
# Where each name occurs in the cleaned seeds (checked by test_seed_entity_cases_are_complete).
OCCURS = {
    "Naftali Bennett": "000", "Vladimir Putin": "000 001 002 003", "Benjamin Netanyahu": "000 001 002",
    "Dmitry Medvedev": "002", "Moshe Kantor": "003", "Russia": "000 002 003", "Israel": "000 001 002 003",
    "Moscow": "000 001 002 003", "Syria": "000 001 002", "Jerusalem": "001 002", "Tel Aviv": "002 003",
    "Kaliningrad": "002", "Ukraine": "003", "France": "003",
}


def _entity_cases():
    for name in PEOPLE + PLACES:
        label = "PER" if name in PEOPLE else "LOC"
        for seed in OCCURS[name].split():
            yield pytest.param(seed, name, label, id=f"{seed}-{name}-{label}")


@pytest.fixture(scope="module")
def seed_docs(nlp, seeds_dir):
    return {r.article.doc_id[:3]: r.doc for r in analyse(list(read_inputs([seeds_dir])), nlp)}


def test_seed_entity_cases_are_complete(seed_docs):
    for name, seeds in OCCURS.items():
        found = [seed for seed, doc in sorted(seed_docs.items()) if re.search(rf"\b{name}\b", doc.text)]
        assert found == seeds.split(), name


@pytest.mark.parametrize("seed, name, label", list(_entity_cases()))
def test_pipeline_finds_seed_people_and_places(seed_docs, seed, name, label):
    found = {(ent.text, ent.label_) for ent in seed_docs[seed].ents}
    assert (name, label) in found, sorted(e for e in found if name.split()[-1] in e[0])


def test_gazetteer_marks_known_places_people_and_organisations(nlp):
    assert "dyad_gazetteer" in nlp.pipe_names
    doc = nlp("Kenyan President William Ruto flew from Nairobi to Johannesburg for talks with the African Union.")
    found = {(ent.text, ent.label_) for ent in doc.ents}
    assert {("William Ruto", "PER"), ("Nairobi", "LOC"), ("Johannesburg", "LOC"), ("African Union", "ORG")} <= found


def test_gazetteer_marks_organisations_by_their_initials_but_not_lower_case_words(nlp):
    doc = nlp("Zambia seeks IMF bailout as WHO warns of cholera, and who can say why.")
    found = {(ent.text, ent.label_) for ent in doc.ents}
    assert {("IMF", "ORG"), ("WHO", "ORG")} <= found
    assert not any(ent.text == "who" for ent in doc.ents)


def test_gazetteer_marks_cities_written_without_their_accents(nlp):
    doc = nlp("Thousands marched in Diyarbakir and Bogota on Sunday.")
    assert {"Diyarbakir", "Bogota"} <= {ent.text for ent in doc.ents if ent.label_ == "LOC"}


def test_gazetteer_leaves_pipelines_with_other_labels_alone():
    import spacy

    from dyad.language.gazetteer import add_gazetteer

    other = spacy.blank("en")
    other.add_pipe("ner").add_label("GPE")
    other.initialize()
    add_gazetteer(other)
    assert "dyad_gazetteer" not in other.pipe_names


# --- dyad model ----------------------------------------------------------------


def test_model_path_prints_a_folder_spacy_loads(runner):
    result = runner.invoke(main, ["model", "path"])
    assert result.exit_code == 0, result.output
    folder = result.stdout.strip()
    assert folder == str(DEFAULT_PIPELINE)
    assert "ner" in spacy.load(folder).pipe_names


def test_model_path_of_missing_model_is_one_error_line(runner, tmp_path):
    result = runner.invoke(main, ["model", "path", "--model", str(tmp_path / "none")])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("dyad: error: cannot load spaCy pipeline") and str(tmp_path / "none") in line


def test_model_evaluate_json_scores_the_test_split(runner, datasets_dir):
    result = runner.invoke(main, ["model", "evaluate", "--json", "--datasets", str(datasets_dir)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["split"] == "test"
    assert scores["sentences"] > 2000 and scores["words"] > 20000
    for key in ("pos_acc", "tag_acc", "lemma_acc", "uas", "las", "sents_f", "ner_p", "ner_r", "ner_f"):
        assert 0.0 < scores[key] <= 1.0, key
    assert set(scores["ner_per_type"]) == {"PER", "ORG", "LOC"}
    assert scores["words_per_second"] > 0
