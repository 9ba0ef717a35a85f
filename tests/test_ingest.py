"""Reading inputs: one reader per kind, folders, meta.jsonl, --published, and bad inputs."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

import pytest

from dyad.errors import InputError
from dyad.ingest import read_inputs
from dyad.records import Article

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
FIFTY_MB = 50 * 1024 * 1024


def _split(items) -> tuple[list[Article], list[InputError]]:
    items = list(items)
    assert all(isinstance(item, (Article, InputError)) for item in items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def _by_id(articles: list[Article]) -> dict[str, Article]:
    return {article.doc_id: article for article in articles}


# --- one reader per kind -------------------------------------------------------


def test_read_inputs_txt_title_is_first_line_that_is_not_furniture(inputs_dir):
    (article,) = read_inputs([inputs_dir / "folder" / "a_phone_call.txt"])
    assert article.doc_id == "a_phone_call.txt"
    assert article.title == "Israeli and Russian leaders speak by phone"  # "Advertisement" comes first
    assert article.text.startswith("Advertisement\n\nIsraeli and Russian leaders")  # text is as read


def test_read_inputs_txt_named_directly_gets_meta_from_its_folder(inputs_dir):
    (article,) = read_inputs([inputs_dir / "folder" / "a_phone_call.txt"])
    assert (article.published, article.url, article.outlet) == (
        "2021-07-05", "https://news.example.org/phone-call", "Example News")


def test_read_inputs_html_gives_main_text_title_and_date(inputs_dir):
    (article,) = read_inputs([inputs_dir / "folder" / "sub" / "sochi_meeting.html"])
    assert article.doc_id == "sochi_meeting.html"
    assert article.title == "Bennett and Putin meet in Sochi"
    assert article.published == "2021-10-22"
    assert article.url == "https://herald.example.org/world/bennett-putin-sochi"
    assert article.outlet == "Example Herald"
    assert "Prime Minister Naftali Bennett met Russian President Vladimir Putin" in article.text
    assert "observing the Sabbath in Sochi" in article.text
    for furniture in ("Subscribe to our newsletter", "Cookie settings", "Home"):
        assert furniture not in article.text


def test_read_inputs_htm_is_html(tmp_path, inputs_dir):
    page = tmp_path / "page.htm"
    page.write_bytes((inputs_dir / "folder" / "sub" / "sochi_meeting.html").read_bytes())
    (article,) = read_inputs([page])
    assert (article.doc_id, article.title, article.published) == (
        "page.htm", "Bennett and Putin meet in Sochi", "2021-10-22")


def test_read_inputs_jsonl_gives_one_article_per_line(inputs_dir):
    articles, errors = _split(read_inputs([inputs_dir / "folder" / "batch.jsonl"]))
    assert errors == []
    first, second = articles
    assert first == Article(
        doc_id="wire-001",
        text="Russia and Israel signed an agreement on Thursday under which Moscow will pay pensions to former "
        "Soviet citizens who moved to Israel.\n\nThe deal still needs ratification by the Russian parliament.",
        title="Russia and Israel sign pension deal",
        published="2016-06-09",
        url="https://wire.example.org/001",
        outlet="Example Wire",
        source_path=str(inputs_dir / "folder" / "batch.jsonl"),
    )
    assert (second.doc_id, second.title, second.published) == ("wire-002", None, "2016-05")  # from meta.jsonl


def test_read_inputs_folder_is_recursive_in_stable_order(inputs_dir):
    first = [a.doc_id for a in read_inputs([inputs_dir / "folder"])]
    again = [a.doc_id for a in read_inputs([inputs_dir / "folder"])]
    # .draft.txt is hidden, table.csv is no input kind, gold.jsonl holds no documents
    assert first == again == [
        "a_phone_call.txt", "wire-001", "wire-002", "sub/nested_note.txt", "sub/sochi_meeting.html"]


def test_read_inputs_folder_skips_jsonl_without_text_quietly(inputs_dir):
    _, errors = _split(read_inputs([inputs_dir / "folder"]))
    assert errors == []


def test_read_inputs_jsonl_without_text_named_explicitly_is_an_error_per_line(inputs_dir):
    articles, errors = _split(read_inputs([inputs_dir / "folder" / "gold.jsonl"]))
    assert articles == []
    assert [str(e) for e in errors] == [
        f"{inputs_dir / 'folder' / 'gold.jsonl'}:{n}: missing or empty 'text'" for n in (1, 2)]


def test_read_inputs_meta_jsonl_gives_metadata_by_doc_id(inputs_dir):
    articles = _by_id(list(read_inputs([inputs_dir / "folder"])))
    assert articles["a_phone_call.txt"].published == "2021-07-05"
    assert articles["a_phone_call.txt"].outlet == "Example News"
    assert articles["wire-002"].published == "2016-05"
    # a nested document found in the root folder's meta.jsonl by its full doc_id
    assert (articles["sub/nested_note.txt"].published, articles["sub/nested_note.txt"].outlet) == (
        "2018-09-18", "Example Daily")


def test_read_inputs_seed_folder_takes_dates_from_meta(seeds_dir):
    articles, errors = _split(read_inputs([seeds_dir]))
    assert errors == []  # gold.jsonl and meta.jsonl are not documents
    assert {a.doc_id: a.published for a in articles} == {
        "000_5f8f56a991f7724e.txt": "2021-07-05",
        "001_54a8bc15b910ff4b.txt": "2016-06",
        "002_fd4ff04d061940a9.txt": "2016-10-18",
        "003_29d3af065e27722d.txt": "2016-01",
    }
    assert _by_id(articles)["000_5f8f56a991f7724e.txt"].title == (
        "Bennett speaks with Russia’s Putin for first time since becoming PM")


def test_read_inputs_published_fills_only_missing_dates(inputs_dir):
    paths = [inputs_dir / "folder", inputs_dir / "clean" / "newswire.txt"]
    dates = {a.doc_id: a.published for a in read_inputs(paths, published="2020-02-02")}
    assert dates == {
        "a_phone_call.txt": "2021-07-05",
        "wire-001": "2016-06-09",
        "wire-002": "2016-05",
        "sub/nested_note.txt": "2018-09-18",
        "sub/sochi_meeting.html": "2021-10-22",
        "newswire.txt": "2020-02-02",
    }


@pytest.mark.parametrize("date", ["yesterday", "2021-13-01", "2021-02-40"])
def test_read_inputs_published_must_be_a_date(inputs_dir, date):
    with pytest.raises(InputError, match="--published"):
        list(read_inputs([inputs_dir / "folder"], published=date))


# --- bad inputs: one error naming the input, and the batch goes on -------------------


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "png": ("image.png", PNG_BYTES, "binary file"),
    "png-named-txt": ("image.txt", PNG_BYTES * 20, "binary file"),
    "empty-txt": ("empty.txt", b"", "empty file"),
    "blank-txt": ("blank.txt", b"  \n\n \n", "empty file"),
    "empty-jsonl": ("empty.jsonl", b"", "empty file"),
    "empty-html": ("empty.html", b"", "empty file"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_read_inputs_bad_file_is_one_error_naming_it(tmp_path, inputs_dir, kind):
    name, data, problem = BAD_INPUTS[kind]
    bad = _write(tmp_path, name, data)
    good = inputs_dir / "clean" / "newswire.txt"
    articles, errors = _split(read_inputs([bad, good]))
    assert [a.doc_id for a in articles] == ["newswire.txt"]
    assert len(errors) == 1
    assert errors[0].source == str(bad) and problem in errors[0].problem


def test_read_inputs_html_without_article_is_one_error(inputs_dir):
    articles, errors = _split(read_inputs([inputs_dir / "nav_only.html", inputs_dir / "folder" / "batch.jsonl"]))
    assert len(articles) == 2
    assert [str(e) for e in errors] == [f"{inputs_dir / 'nav_only.html'}: HTML page holds no article text"]


def test_read_inputs_missing_path_is_one_error(tmp_path):
    (error,) = read_inputs([tmp_path / "nowhere.txt"])
    assert isinstance(error, InputError) and str(error) == f"{tmp_path / 'nowhere.txt'}: no such file or folder"


def test_read_inputs_folder_without_inputs_is_one_error(tmp_path):
    _write(tmp_path, "notes.csv", b"a,b\n")
    (error,) = read_inputs([tmp_path])
    assert isinstance(error, InputError) and "holds no .txt, .html or .jsonl files" in str(error)


def test_read_inputs_50_mb_file_is_too_large(tmp_path, inputs_dir):
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        line = b"Israel and Russia agreed to keep talking about Syria. " * 20 + b"\n"
        out.write(line * (FIFTY_MB // len(line) + 1))
    articles, errors = _split(read_inputs([big, inputs_dir / "clean" / "newswire.txt"]))
    assert len(articles) == 1
    (error,) = errors
    assert error.source == str(big) and "too large" in error.problem


def test_read_inputs_max_bytes_is_a_setting(inputs_dir):
    path = inputs_dir / "clean" / "newswire.txt"
    (error,) = read_inputs([path], max_bytes=100)
    assert isinstance(error, InputError) and "too large" in error.problem


def test_read_inputs_latin1_is_read_with_one_warning(tmp_path, caplog):
    path = _write(tmp_path, "latin1.txt", "Réunion à Zürich\n\nLe ministre a salué l'accord.\n".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="dyad"):
        (article,) = read_inputs([path])
    assert article.title == "Réunion à Zürich"
    assert "salué" in article.text
    (record,) = caplog.records
    assert str(path) in record.getMessage() and "not valid UTF-8" in record.getMessage()


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_read_inputs_utf16_with_bom_is_read_with_a_note(tmp_path, caplog, encoding, bom):
    text = "Putin met Bennett in Sochi\n\nThe two leaders spoke for five hours about Syria and Iran.\n"
    path = _write(tmp_path, "utf16.txt", bom + text.encode(encoding))
    with caplog.at_level(logging.INFO, logger="dyad"):
        (article,) = read_inputs([path])
    assert article.text == text
    assert article.title == "Putin met Bennett in Sochi"
    (record,) = caplog.records
    assert str(path) in record.getMessage() and "UTF-16" in record.getMessage()


def test_read_inputs_utf8_bom_and_crlf_are_read_silently(tmp_path, caplog):
    path = _write(tmp_path, "windows.txt", codecs.BOM_UTF8 + b"Talks in Moscow\r\n\r\nThe talks ended late.\r\n")
    with caplog.at_level(logging.INFO, logger="dyad"):
        (article,) = read_inputs([path])
    assert article.text == "Talks in Moscow\n\nThe talks ended late.\n"
    assert caplog.records == []


def test_read_inputs_jsonl_with_utf8_bom_reads_first_line(tmp_path):
    path = _write(tmp_path, "bom.jsonl", codecs.BOM_UTF8 + b'{"id": "a", "text": "Putin met Bennett."}\n')
    (article,) = read_inputs([path])
    assert article.doc_id == "a"


def test_read_inputs_malformed_jsonl_lines_are_errors_and_others_read(inputs_dir):
    path = inputs_dir / "mixed.jsonl"
    articles, errors = _split(read_inputs([path]))
    assert [a.doc_id for a in articles] == ["good-1", "good-2"]
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (2, 4, 5, 6)]
    problems = [e.problem for e in errors]
    assert problems[0].startswith("not a JSON object")
    assert problems[1] == "not a JSON object"
    assert problems[2] == "missing or empty 'text'"
    assert "is not YYYY[-MM[-DD]]" in problems[3]


def test_read_inputs_bad_files_in_a_folder_do_not_stop_it(tmp_path, inputs_dir):
    _write(tmp_path, "a_empty.txt", b"")
    _write(tmp_path, "b_good.txt", (inputs_dir / "clean" / "newswire.txt").read_bytes())
    _write(tmp_path, "c_binary.txt", PNG_BYTES * 20)
    _write(tmp_path, "d_page.html", (inputs_dir / "nav_only.html").read_bytes())
    _write(tmp_path, "e_good.jsonl", b'{"id": "e", "text": "Russia and Israel talked."}\n')
    items = list(read_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["InputError", "Article", "InputError", "InputError", "Article"]
    assert [i.source for i in items if isinstance(i, InputError)] == [
        str(tmp_path / name) for name in ("a_empty.txt", "c_binary.txt", "d_page.html")]
