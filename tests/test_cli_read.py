"""`dyad read`: JSON and text output, bad inputs on stderr, exit status; help texts."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from dyad.cli import main
from dyad.records import EVENT_TYPES

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
FIFTY_MB = 50 * 1024 * 1024

READ_KEYS = {"doc_id", "title", "text", "published", "sentences", "entities", "about"}


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_read_json_schema_and_offsets_on_seeds(runner, seeds_dir):
    result = runner.invoke(main, ["read", "--json", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    records = _records(result.stdout)
    assert [r["doc_id"] for r in records] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for record in records:
        assert set(record) == READ_KEYS
        assert record["about"]["event_type"] in EVENT_TYPES and 0 < record["about"]["probability"] <= 1
        text = record["text"]
        assert record["sentences"] and record["entities"]
        for sent in record["sentences"]:
            assert set(sent) == {"start", "end", "text"}
            assert text[sent["start"] : sent["end"]] == sent["text"]
        for ent in record["entities"]:
            assert set(ent) == {"start", "end", "label", "text"}
            assert text[ent["start"] : ent["end"]] == ent["text"]
            assert ent["label"] in {"PER", "ORG", "LOC"}
    first = records[0]
    assert first["title"] == "Bennett speaks with Russia’s Putin for first time since becoming PM"
    assert first["published"] == "2021-07-05"
    assert "Never miss breaking news" not in first["text"]  # the text is the cleaned text


def test_read_json_sentences_are_in_order_and_do_not_overlap(runner, inputs_dir):
    result = runner.invoke(main, ["read", "--json", str(inputs_dir / "folder")])
    assert result.exit_code == 0, result.output
    for record in _records(result.stdout):
        ends = [0] + [s["end"] for s in record["sentences"]]
        starts = [s["start"] for s in record["sentences"]]
        assert all(previous_end <= start for previous_end, start in zip(ends, starts))


def test_read_limit_sentences_limits_sentences_and_entities(runner, seeds_dir):
    seed = seeds_dir / "003_29d3af065e27722d.txt"
    (record,) = _records(runner.invoke(main, ["read", "--json", "--limit-sentences", "2", str(seed)]).stdout)
    assert len(record["sentences"]) == 2
    assert all(e["end"] <= record["sentences"][-1]["end"] for e in record["entities"])


def test_read_text_output_lists_title_date_and_sentences(runner, inputs_dir):
    result = runner.invoke(main, ["read", str(inputs_dir / "folder" / "batch.jsonl")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "# wire-001: Russia and Israel sign pension deal  [published 2016-06-09]"
    assert lines[1].startswith("  about: ") and "(document model, p=" in lines[1]
    assert lines[2].startswith("  1. Russia and Israel signed an agreement")
    assert "# wire-002: (no title)  [published 2016-05]" in lines


def test_read_published_option_fills_missing_dates(runner, inputs_dir):
    paths = [str(inputs_dir / "clean" / "newswire.txt"), str(inputs_dir / "folder" / "a_phone_call.txt")]
    result = runner.invoke(main, ["read", "--json", "--published", "2018-09-18", *paths])
    assert [r["published"] for r in _records(result.stdout)] == ["2018-09-18", "2021-07-05"]


def test_read_bad_published_is_one_error_line(runner, inputs_dir):
    result = runner.invoke(main, ["read", "--published", "last week", str(inputs_dir / "folder")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "dyad: error: --published: publication date 'last week' is not YYYY[-MM[-DD]]"]


@pytest.fixture
def bad_inputs(tmp_path: Path, inputs_dir: Path) -> dict[str, Path]:
    """Good and bad inputs side by side; the keys say what each one is."""
    paths = {
        "good": inputs_dir / "clean" / "newswire.txt",
        "binary": tmp_path / "photo.png",
        "empty": tmp_path / "empty.txt",
        "latin1": tmp_path / "latin1.txt",
        "utf16": tmp_path / "utf16.txt",
        "big": tmp_path / "big.txt",
        "no_article": inputs_dir / "nav_only.html",
        "missing": tmp_path / "missing.txt",
        "jsonl": inputs_dir / "mixed.jsonl",
    }
    paths["binary"].write_bytes(PNG_BYTES)
    paths["empty"].write_bytes(b"")
    french = "Réunion à Moscou\n\nLe ministre israélien a rencontré Poutine.\n"
    paths["latin1"].write_bytes(french.encode("latin-1"))
    paths["utf16"].write_text("Talks in Sochi\n\nBennett and Putin met in Sochi.\n", encoding="utf-16")
    with paths["big"].open("wb") as out:
        out.truncate(FIFTY_MB)  # 50 MB of nothing: refused on its size before it is read
    return paths


def _lines_naming(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if f"{path}:" in line or line.endswith(str(path))]


def test_read_bad_inputs_get_one_line_each_and_good_ones_are_read(runner, bad_inputs):
    result = runner.invoke(main, ["read", "--json", *map(str, bad_inputs.values())])
    assert result.exit_code == 1
    read = [r["doc_id"] for r in _records(result.stdout)]
    assert read == ["newswire.txt", "latin1.txt", "utf16.txt", "good-1", "good-2"]
    expected = {
        "binary": "binary file",
        "empty": "empty file",
        "latin1": "not valid UTF-8",
        "utf16": "UTF-16",
        "big": "too large",
        "no_article": "holds no article",
        "missing": "no such file",
    }
    for name, problem in expected.items():
        (line,) = _lines_naming(result.stderr, bad_inputs[name])
        assert line.startswith("dyad: ") and problem in line, line
    jsonl_lines = _lines_naming(result.stderr, bad_inputs["jsonl"])
    assert [line.split(f"{bad_inputs['jsonl']}:")[1].split(":")[0] for line in jsonl_lines] == ["2", "4", "5", "6"]
    assert len(result.stderr.splitlines()) == len(expected) + 4
    assert _lines_naming(result.stderr, bad_inputs["good"]) == []


def test_read_all_good_inputs_exit_zero(runner, inputs_dir):
    result = runner.invoke(main, ["read", str(inputs_dir / "folder")])
    assert (result.exit_code, result.stderr) == (0, "")


def test_read_folder_of_only_bad_inputs_exits_non_zero(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(main, ["read", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"dyad: skipped {tmp_path / 'empty.txt'}: empty file"]


def test_read_examples_show_cleaning_and_dates(runner):
    examples = Path(__file__).resolve().parents[1] / "examples" / "articles"
    result = runner.invoke(main, ["read", "--json", str(examples)])
    assert (result.exit_code, result.stderr) == (0, "")
    records = _records(result.stdout)
    assert len(records) == 4
    assert all(r["title"] and r["published"] for r in records)
    originals = "\n".join(p.read_text(encoding="utf-8") for p in examples.glob("*.txt"))
    assert "Read more:" in originals and "Photo:" in originals  # the examples carry furniture...
    for record in records:  # ...and reading drops it
        assert "Read more:" not in record["text"] and "Photo:" not in record["text"]


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))


@pytest.mark.parametrize("args", [()] + list(_commands(main)), ids=lambda args: "dyad " + " ".join(args))
def test_cli_help_has_an_example(runner, args):
    result = runner.invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout
    assert "dyad " + " ".join(args) in result.stdout.split("Example", 1)[1]
