"""The hostile-input suite: one test per class of input that fights back.

Every case runs `kg ingest` on a copy of a store that already holds an article, with good articles
before and after the hostile input (in the same file when the input is a line), and asserts:

- one line on standard error names the input (file, line, id) and says what is wrong;
- the batch goes on: the good articles around it are stored;
- the exit code is the documented one (0, or 3 when an input failed);
- the store is unchanged except for the good articles (the article stored before keeps its quads).

A property test then feeds generated JSONL lines and text files to `kg ingest` and checks that
every line is stored or named, exactly once. Exit codes: README, "Exit codes"; kg/cli.py.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kg.budget import time_budget
from kg.cli import cli
from kg.graph.store import GraphStore
import kg.read.files

from conftest import SEED

GOOD = SEED.read_text(encoding="utf-8")
ARTICLE = "https://w3id.org/mdc/id/article/"


def good(ident: str) -> dict:
    return {"id": ident, "date": "2024-06-14", "text": GOOD}


def write_lines(path: Path, *lines) -> Path:
    """A JSONL file: dicts as JSON, str and bytes as they are (one line each)."""
    with path.open("wb") as handle:
        for line in lines:
            if isinstance(line, dict):
                line = json.dumps(line)
            handle.write((line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line) + b"\n")
    return path


def line_case(folder: Path, hostile, name: str = "lines.jsonl") -> tuple[Path, str]:
    """A JSONL file with a good line, the hostile line, a good line; returns it and "file:2"."""
    path = write_lines(folder / name, good("in-before"), hostile, good("in-after"))
    return path, f"{path}:2"


@dataclass
class Expect:
    paths: list[Path | str]
    lines: list[str]  # exact lines expected on standard error (each exactly once)
    failed: int = 0
    skipped: int = 0
    stored: set[str] = field(default_factory=set)  # article ids stored besides "after"


# ------------------------------------------------------------------ the classes


def empty_file(folder):
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return Expect([path], [f"Failed: {path}: empty input"], failed=1)


def blank_jsonl(folder):
    path = folder / "blank.jsonl"
    path.write_bytes(b"\n \n\t\n")
    return Expect([path], [f"Failed: {path}: empty input"], failed=1)


def binary_file(folder):
    path = folder / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return Expect([path], [f"Failed: {path}: binary data, not text (NUL bytes)"], failed=1)


def undecodable_bytes(folder):
    path = folder / "noise.txt"
    path.write_bytes(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x01, 0x02]) * 300)
    return Expect([path], [f"Failed: {path}: undecodable bytes (not UTF-8, cp1252 or latin-1 text)"], failed=1)


def huge_text_file(folder):
    path = folder / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(2_000_000_000)  # 2 GB, sparse: refused by its size, never read
    return Expect([path], [f"Failed: {path}: file of 2,000,000,000 bytes is too large for an article "
                           "(limit 5,000,000)"], failed=1)


def huge_line_without_newline(folder):
    path = folder / "long-line.jsonl"
    path.write_bytes(json.dumps(good("in-before")).encode() + b"\n" + b'{"text": "' + b"a" * 6_000_000)
    return Expect([path], [f"Failed: {path}:2: line of 6,000,010 bytes is too large for an article "
                           "(limit 5,000,000)"], failed=1, stored={"in-before"})


def dev_zero(folder):
    return Expect(["/dev/zero"], ["Failed: /dev/zero: a character device, not a regular file; give a .txt "
                                  "or .jsonl file"], failed=1)


def symlink_to_urandom(folder):
    path = folder / "random.txt"
    path.symlink_to("/dev/urandom")
    return Expect([path], [f"Failed: {path}: a character device, not a regular file; give a .txt or .jsonl file"],
                  failed=1)


def explicit_fifo(folder):
    path = folder / "pipe.jsonl"
    os.mkfifo(path)  # no writer: opening it must not wait for one
    return Expect([path], [f"Failed: {path}: a FIFO (named pipe), not a regular file; give a .txt or .jsonl file"],
                  failed=1)


def missing_path(folder):
    path = folder / "missing.jsonl"
    return Expect([path], [f"Failed: {path}: no such file or directory"], failed=1)


def unreadable_file(folder, monkeypatch):
    path = folder / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def refusing_open(name, *args, **kwargs):  # as root, chmod cannot make a file unreadable
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(kg.read.files.os, "open", refusing_open)
    return Expect([path], [f"Failed: {path}: cannot open: Permission denied"], failed=1)


def directory_without_inputs(folder):
    path = folder / "pictures"
    path.mkdir()
    (path / "photo.jpg").write_bytes(b"\xff\xd8")
    return Expect([path], [f"Failed: {path}: directory holds no .txt or .jsonl files"], failed=1)


def unreadable_subdirectory(folder, monkeypatch):
    top = folder / "top"
    (top / "locked").mkdir(parents=True)
    (top / "locked" / "a.txt").write_text(GOOD, encoding="utf-8")
    write_lines(top / "ok.jsonl", good("in-dir"))
    real_scandir = os.scandir

    def refusing_scandir(name="."):
        if Path(name) == top / "locked":
            raise PermissionError(13, "Permission denied", str(name))
        return real_scandir(name)

    monkeypatch.setattr(kg.read.files.os, "scandir", refusing_scandir)
    return Expect([top], [f"Failed: {top}/locked: cannot read the directory: Permission denied"], failed=1,
                  stored={"in-dir"})


def dangling_symlink_in_directory(folder):
    top = folder / "links"
    top.mkdir()
    (top / "gone.txt").symlink_to(folder / "nowhere.txt")
    write_lines(top / "ok.jsonl", good("in-dir"))
    return Expect([top], [f"Warning: {top}/gone.txt: skipped: a broken symbolic link"], skipped=1,
                  stored={"in-dir"})


def symlink_loop_in_directory(folder):
    top = folder / "loop"
    top.mkdir()
    (top / "again").symlink_to(top)  # a directory that contains itself
    write_lines(top / "ok.jsonl", good("in-dir"))
    return Expect([top], [f"Warning: {top}/again: skipped: a symbolic link loop (this directory is already "
                          "being read)"], skipped=1, stored={"in-dir"})


def self_referencing_link(folder):
    top = folder / "self"
    top.mkdir()
    (top / "me.txt").symlink_to(top / "me.txt")
    write_lines(top / "ok.jsonl", good("in-dir"))
    return Expect([top], [f"Warning: {top}/me.txt: skipped: a symbolic link loop"], skipped=1, stored={"in-dir"})


def fifo_in_directory(folder):
    top = folder / "pipes"
    top.mkdir()
    os.mkfifo(top / "feed.jsonl")
    write_lines(top / "ok.jsonl", good("in-dir"))
    return Expect([top], [f"Warning: {top}/feed.jsonl: skipped: a FIFO (named pipe), not a regular file"],
                  skipped=1, stored={"in-dir"})


def socket_in_directory(folder):
    top = folder / "sockets"
    top.mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(top / "live.txt"))
    server.close()
    write_lines(top / "ok.jsonl", good("in-dir"))
    return Expect([top], [f"Warning: {top}/live.txt: skipped: a socket, not a regular file"], skipped=1,
                  stored={"in-dir"})


def not_json(folder):
    path, origin = line_case(folder, "{not json")
    return Expect([path], [f"Failed: {origin}: not JSON (Expecting property name enclosed in double quotes "
                           "at column 2)"], failed=1, stored={"in-before", "in-after"})


def json_array(folder):
    path, origin = line_case(folder, json.dumps(["a", "list"]))
    return Expect([path], [f"Failed: {origin}: a JSON object is expected, got list"], failed=1,
                  stored={"in-before", "in-after"})


def no_text_field(folder):
    path, origin = line_case(folder, {"id": "X", "title": "no text"})
    return Expect([path], [f"Failed: {origin} (id X): no 'text' field"], failed=1, stored={"in-before", "in-after"})


def text_not_a_string(folder):
    path, origin = line_case(folder, {"id": "X", "text": {"nested": 1}})
    return Expect([path], [f"Failed: {origin} (id X): 'text' must be a string, got dict"], failed=1,
                  stored={"in-before", "in-after"})


def blank_text(folder):
    path, origin = line_case(folder, {"id": "X", "text": " \n\t "})
    return Expect([path], [f"Failed: {origin} (id X): empty text"], failed=1, stored={"in-before", "in-after"})


def control_characters_only(folder):
    path, origin = line_case(folder, {"id": "X", "text": "\u0001\u0002\u0007 \u200e\u202e\ufeff"})
    return Expect([path], [f"Failed: {origin} (id X): the text holds no letter or digit (only control "
                           "characters, marks or spaces)"], failed=1, stored={"in-before", "in-after"})


def date_in_words(folder):
    path, origin = line_case(folder, dict(good("X"), date="last Tuesday"))
    return Expect([path], [f"Failed: {origin} (id X): date 'last Tuesday' is not an ISO date (YYYY-MM-DD)"],
                  failed=1, stored={"in-before", "in-after"})


def impossible_calendar_date(folder):
    path, origin = line_case(folder, dict(good("X"), date="2024-02-30"))
    return Expect([path], [f"Failed: {origin} (id X): date '2024-02-30' is not a calendar date"], failed=1,
                  stored={"in-before", "in-after"})


def impossible_time_of_day(folder):
    path, origin = line_case(folder, dict(good("X"), date="2024-06-14T25:99"))
    return Expect([path], [f"Failed: {origin} (id X): date '2024-06-14T25:99' has no such time of day"],
                  failed=1, stored={"in-before", "in-after"})


def last_day_of_year_9999(folder):
    path, origin = line_case(folder, dict(good("X"), date="9999-12-31"))
    return Expect([path], [f"Failed: {origin} (id X): date '9999-12-31' is out of range (years 1000 to 9998: "
                           "the dates an article gives are read relative to it)"], failed=1,
                  stored={"in-before", "in-after"})


def deeply_nested_json(folder):
    path, origin = line_case(folder, "[" * 100_000 + "]" * 100_000)
    return Expect([path], [f"Failed: {origin}: JSON nested too deeply to be an article"], failed=1,
                  stored={"in-before", "in-after"})


def deeply_nested_field(folder):
    path, origin = line_case(folder, '{"id": "X", "text": "t", "title": ' + "[" * 50_000 + "]" * 50_000 + "}")
    return Expect([path], [f"Failed: {origin}: JSON nested too deeply to be an article"], failed=1,
                  stored={"in-before", "in-after"})


def lone_surrogate_in_id(folder):
    path, origin = line_case(folder, '{"id": "bad\\ud800id", "text": "x"}')
    return Expect([path], [f"Failed: {origin} (id bad\\ud800id): the id holds a lone surrogate escape, "
                           "not a character"], failed=1, stored={"in-before", "in-after"})


def lone_surrogate_in_text(folder):
    record = json.dumps(good("surrogate-text")).replace("Zakir", "Zak\\udc00ir", 1)
    path, origin = line_case(folder, record)
    return Expect([path], [f"Warning: {origin}: lone surrogate escapes in 'text' replaced by U+FFFD"],
                  stored={"in-before", "in-after", "surrogate-text"})


def lone_surrogate_in_title_and_url(folder):
    record = json.dumps(dict(good("surrogate-title"), title="T", url="http://x/")).replace(
        '"T"', '"T\\ud800"').replace('"http://x/"', '"http://x/\\udfff"')
    path, origin = line_case(folder, record)
    return Expect([path], [f"Warning: {origin}: lone surrogate escapes in 'url' replaced by U+FFFD",
                           f"Warning: {origin}: lone surrogate escapes in 'title' replaced by U+FFFD"],
                  stored={"in-before", "in-after", "surrogate-title"})


def id_forging_an_output_line(folder):
    path, origin = line_case(folder, dict(good("a\nFailed: forged.jsonl:1 (id x): everything")))
    return Expect([path], [f"Failed: {origin} (id a\\nFailed: forged.jsonl:1 (id x): everything): an id is one "
                           "line; this one holds a line break"], failed=1, stored={"in-before", "in-after"})


def id_with_unicode_line_separator(folder):
    path, origin = line_case(folder, dict(good("a\u2028b")))
    return Expect([path], [f"Failed: {origin} (id a\\u2028b): an id is one line; this one holds a line break"],
                  failed=1, stored={"in-before", "in-after"})


def id_too_long(folder):
    path, origin = line_case(folder, dict(good("x" * 5000)))
    return Expect([path], [f"Failed: {origin}: id of 5,000 characters is too long (limit 200)"], failed=1,
                  stored={"in-before", "in-after"})


def id_not_a_string(folder):
    path, origin = line_case(folder, dict(good("X"), id={"$ne": None}))
    return Expect([path], [f"Failed: {origin}: 'id' must be a string, got dict"], failed=1,
                  stored={"in-before", "in-after"})


def title_not_a_string(folder):
    path, origin = line_case(folder, dict(good("X"), title=["a", "list"]))
    return Expect([path], [f"Failed: {origin} (id X): 'title' must be a string, got list"], failed=1,
                  stored={"in-before", "in-after"})


def not_english(folder):
    path, origin = line_case(folder, {"id": "X", "text": "Министр обороны Азербайджана генерал-полковник Закир "
                                                          "Гасанов принял делегацию армии Китая. " * 3})
    return Expect([path], [f"Warning: {origin} (id X): skipped: not in English (mostly non-Latin script)"],
                  skipped=1, stored={"in-before", "in-after"})


def utf16_with_bom(folder):
    path = folder / "utf16-article.txt"
    path.write_bytes(GOOD.encode("utf-16"))
    return Expect([path], [], stored={"utf16-article"})


def utf16_jsonl(folder):
    path = folder / "utf16.jsonl"
    path.write_bytes((json.dumps(good("utf16-line"), ensure_ascii=False) + "\n").encode("utf-16"))
    return Expect([path], [], stored={"utf16-line"})


def cp1252_text(folder):
    path = folder / "windows.txt"
    data = GOOD.encode("cp1252", errors="replace")
    path.write_bytes(data)
    first_bad = next(index for index, byte in enumerate(data) if byte >= 0x80)
    return Expect([path], [f"Warning: {path}: not valid UTF-8 (invalid start byte at byte {first_bad}); decoded "
                           "as cp1252"], stored={"windows"})


def crlf_line_ends(folder):
    path = folder / "crlf.jsonl"
    path.write_bytes((json.dumps(good("crlf-1")) + "\r\n" + json.dumps(good("crlf-2")) + "\r\n").encode())
    return Expect([path], [], stored={"crlf-1", "crlf-2"})


def bidi_and_zero_width_controls(folder):
    path, origin = line_case(folder, dict(good("bidi"), text="\u202eZakir Hasanov\u202c \u2066met\u2069 " + GOOD))
    return Expect([path], [], stored={"in-before", "in-after", "bidi"})


def repeated_id_in_one_batch(folder):
    path = write_lines(folder / "twice.jsonl", good("twin"), dict(good("twin"), title="the later one"))
    return Expect([path], [f"Warning: {path}:1 (id twin): skipped: the same id comes again at {path}:2; the later "
                           "article is the one stored"], skipped=1, stored={"twin"})


def undated_article_dating_by_weekday(folder):
    sentence = ("Azerbaijan's Defense Minister Colonel General Zakir Hasanov met Turkish Defense Minister Yaşar Güler "
                "on Tuesday in Baku.")
    path, origin = line_case(folder, {"id": "X", "text": sentence + " The sides discussed military cooperation."})
    # no date anywhere: the extractor leaves the contact out, with a word, rather than store an undated
    # meeting that the shapes (and kg validate) would reject; the article itself is stored
    return Expect([path], [f"Warning: {origin}: no publication date (input field, scraped first line or dateline): "
                           "relative dates such as 'on Tuesday' were left unresolved",
                           f"Warning: {origin}: a contact with no date anywhere in the article was left out: "
                           f"{sentence[:80]}"],
                  stored={"in-before", "in-after", "X"})


def undecodable_file_name(folder):
    path = Path(os.fsdecode(bytes(folder / "bad") + b"\xff.txt"))
    path.write_text(GOOD, encoding="utf-8")
    return Expect([path], [f"Failed: {str(path).replace(chr(0xdcff), chr(92) + 'udcff')}: the file name, which "
                           "is the article's id, is not one line of UTF-8 text; rename the file"], failed=1)


def file_name_with_newline(folder):
    path = folder / "two\nlines.txt"
    path.write_text(GOOD, encoding="utf-8")
    return Expect([path], [f"Failed: {folder}/two\\nlines.txt: the file name, which is the article's id, is not "
                           "one line of UTF-8 text; rename the file"], failed=1)


def nul_escapes_in_text(folder):
    path, origin = line_case(folder, dict(good("nul"), text="\u0000" * 50 + GOOD))
    return Expect([path], [], stored={"in-before", "in-after", "nul"})


def id_as_float_overflow(folder):
    path, origin = line_case(folder, '{"id": 1e999, "text": "x"}')
    return Expect([path], [f"Failed: {origin}: 'id' must be a string, got float"], failed=1,
                  stored={"in-before", "in-after"})


def utf16_with_odd_byte_count(folder):
    path = folder / "cut16.txt"
    path.write_bytes(GOOD.encode("utf-16")[:-1])
    return Expect([path], [f"Failed: {path}: not valid UTF-16 text after its byte order mark (truncated data "
                           f"at byte {len(GOOD.encode('utf-16')) - 2})"], failed=1)


def same_file_named_twice(folder):
    path = write_lines(folder / "once.jsonl", good("once"))
    return Expect([path, path], [f"Warning: {path}:1 (id once): skipped: read already (the same input is given "
                                 "twice)"], skipped=1, stored={"once"})


CASES = [same_file_named_twice, empty_file, blank_jsonl, binary_file, undecodable_bytes, huge_text_file, huge_line_without_newline,
         dev_zero, symlink_to_urandom, explicit_fifo, missing_path, unreadable_file, directory_without_inputs,
         unreadable_subdirectory, dangling_symlink_in_directory, symlink_loop_in_directory, self_referencing_link,
         fifo_in_directory, socket_in_directory, not_json, json_array, no_text_field, text_not_a_string,
         blank_text, control_characters_only, date_in_words, impossible_calendar_date, impossible_time_of_day,
         last_day_of_year_9999, deeply_nested_json, deeply_nested_field, lone_surrogate_in_id,
         lone_surrogate_in_text, lone_surrogate_in_title_and_url, id_forging_an_output_line,
         id_with_unicode_line_separator, id_too_long, id_not_a_string, title_not_a_string, not_english,
         utf16_with_bom, utf16_jsonl, cp1252_text, crlf_line_ends, bidi_and_zero_width_controls,
         repeated_id_in_one_batch, undated_article_dating_by_weekday, undecodable_file_name,
         file_name_with_newline, nul_escapes_in_text, id_as_float_overflow, utf16_with_odd_byte_count]


# ------------------------------------------------------------------ the checks


@pytest.fixture(scope="module")
def kept_store(tmp_path_factory) -> tuple[Path, set[str]]:
    """A store that already holds an article ("kept"), and that article's quads."""
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("kept")
    path = write_lines(folder / "kept.jsonl", good("kept"))
    result = CliRunner().invoke(cli, ["ingest", str(path), "--store", str(folder / "store")])
    assert result.exit_code == 0, result.output
    return folder / "store", article_quads(folder / "store", "kept")


def article_quads(store_dir: Path, ident: str) -> set[str]:
    with GraphStore(store_dir, read_only=True) as store:
        return {str(q) for q in store.quads(__import__("pyoxigraph").NamedNode(ARTICLE + ident))}


def stored_articles(store_dir: Path) -> set[str]:
    with GraphStore(store_dir, read_only=True) as store:
        return {g.value[len(ARTICLE):] for g in store.named_graphs() if g.value.startswith(ARTICLE)}


def run_case(case, tmp_path, runner, kept_store, monkeypatch):
    store_dir = tmp_path / "store"
    shutil.copytree(kept_store[0], store_dir)
    folder = tmp_path / "in"
    folder.mkdir()
    arguments = case.__code__.co_argcount
    expect = case(folder, monkeypatch) if arguments == 2 else case(folder)
    after = write_lines(tmp_path / "after.jsonl", good("after"))
    with time_budget(120):  # an input that makes ingest wait (a FIFO did) fails the test, never hangs it
        result = runner.invoke(cli, ["ingest", *map(str, expect.paths), str(after), "--store", str(store_dir)])
    return expect, result, store_dir


@pytest.mark.parametrize("case", CASES, ids=[case.__name__ for case in CASES])
def test_a_hostile_input_fails_or_skips_alone_with_one_line(case, tmp_path, runner, kept_store, monkeypatch):
    expect, result, store_dir = run_case(case, tmp_path, runner, kept_store, monkeypatch)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == (3 if expect.failed else 0), result.output
    errors = result.stderr.splitlines()
    for line in expect.lines:
        assert errors.count(line) == 1, (line, errors)
    failures = [line for line in errors if line.startswith("Failed: ")]
    assert len(failures) == expect.failed, failures
    assert all(line.startswith(("Failed: ", "Warning: ")) for line in errors), errors
    stored = {"after"} | expect.stored
    summary = f"Ingested {len(stored)}, unchanged 0, failed {expect.failed}"
    summary += f", skipped {expect.skipped} (" if expect.skipped else " ("
    assert result.stdout.startswith(summary) and len(result.stdout.splitlines()) == 1, result.stdout
    assert stored_articles(store_dir) == {"kept"} | stored
    assert article_quads(store_dir, "kept") == kept_store[1]  # what was stored before is untouched


def test_all_classes_together_store_only_what_validates_and_a_rerun_changes_nothing(tmp_path, runner, kept_store,
                                                                                 monkeypatch):
    store_dir = tmp_path / "store"
    shutil.copytree(kept_store[0], store_dir)
    paths, failed, stored = [], 0, {"kept"}
    for number, case in enumerate(CASES):
        folder = tmp_path / f"case{number:02d}"
        folder.mkdir()
        expect = case(folder, monkeypatch) if case.__code__.co_argcount == 2 else case(folder)
        paths += expect.paths
        failed += expect.failed
        stored |= expect.stored
    first = runner.invoke(cli, ["ingest", *map(str, paths), "--store", str(store_dir)])
    assert first.exit_code == 3
    assert first.stdout.startswith(f"Ingested {len(stored) - 1}, unchanged 0, failed {failed}")
    assert stored_articles(store_dir) == stored
    quads = {ident: article_quads(store_dir, ident) for ident in stored}
    again = runner.invoke(cli, ["ingest", *map(str, paths), "--store", str(store_dir)])
    assert again.exit_code == 3 and again.stdout.startswith(f"Ingested 0, unchanged {len(stored) - 1}, "
                                                            f"failed {failed}")
    assert {ident: article_quads(store_dir, ident) for ident in stored} == quads
    validation = runner.invoke(cli, ["validate", "--store", str(store_dir)])
    assert validation.exit_code == 0, validation.output


def test_there_are_at_least_35_classes():
    assert len(CASES) >= 35 and len({case.__name__ for case in CASES}) == len(CASES)


# ------------------------------------------------------------------ generated inputs

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)
hostile_strings = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", " ", "\n", "\u2028", "\x00", "\ud800", "\udfff", "a\nFailed: x", "9999-12-31",
                     "2024-06-14T25:99", "2024-02-30", "\u202e", "x" * 300, "on Tuesday", "\ufeff"]),
)
records = st.fixed_dictionaries(
    {}, optional={"id": st.one_of(hostile_strings, json_values), "text": st.one_of(hostile_strings, json_values),
                  "date": st.one_of(hostile_strings, json_values), "title": st.one_of(hostile_strings, json_values),
                  "url": hostile_strings})
raw_lines = st.one_of(
    records.map(lambda record: json.dumps(record).encode("utf-8", "surrogatepass")),
    st.binary(max_size=80).filter(lambda data: b"\n" not in data and b"\r" not in data),
    st.sampled_from([b"[" * 3000, b'{"text": "\\ud800"}', b'{"text": "a", "id": "\\u2029"}', b"\xff\xfe",
                     b'{"text": "' + b"Hasanov met Guler on Tuesday. " * 3 + b'", "id": "t"}']),
)


@settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.generate],  # an example takes ~0.4 s:
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # no shrinking
@given(lines=st.lists(raw_lines, min_size=1, max_size=5), text=st.binary(max_size=200))
def test_generated_jsonl_and_text_are_stored_or_named_line_by_line(tmp_path_factory, lines, text):
    """Whatever the lines, `kg ingest` exits 0 or 3, prints only one-line reports naming their input,
    stores the good articles around them, and never stores what validate rejects."""
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("generated")
    path = write_lines(folder / "gen.jsonl", good("gen-before"), *lines, good("gen-after"))
    text_path = folder / "gen-text.txt"
    text_path.write_bytes(text)
    store_dir = folder / "store"
    result = CliRunner().invoke(cli, ["ingest", str(path), str(text_path), "--store", str(store_dir)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    errors = result.stderr.splitlines()
    failures = [line for line in errors if line.startswith("Failed: ")]
    assert result.exit_code == (3 if failures else 0), result.output
    assert all(line.startswith(("Failed: ", "Warning: ")) for line in errors), errors
    assert all(line.startswith((f"Failed: {path}:", f"Failed: {text_path}")) for line in failures), failures
    stored = stored_articles(store_dir)
    assert {"gen-before", "gen-after"} <= stored
    # every item is counted once: the two good lines, each non-blank generated line, the text file
    counts = result.stdout.split("(")[0].replace(",", "").split()  # Ingested 3 unchanged 0 failed 1 ...
    numbers = {word.lower(): int(number) for word, number in zip(counts[0::2], counts[1::2])}
    items = 2 + sum(1 for line in lines if line.strip()) + 1
    assert sum(numbers.values()) == items, (numbers, items)
    assert numbers["failed"] == len(failures) and len(set(failures)) == len(failures)
    assert numbers["ingested"] == len(stored)
    if len(stored) > 2:
        assert CliRunner().invoke(cli, ["validate", "--store", str(store_dir)]).exit_code == 0
