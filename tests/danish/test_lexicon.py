"""The lexicon: built from the word list, wordfreq and the names; kept in a cache file between runs."""

from __future__ import annotations

import os

from pipeline.danish.lexicon import build_lexicon, load_lexicon


def wordlist(tmp_path, words: list[str]):
    path = tmp_path / "words"
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    return path


def test_letter_key_index_finds_the_danish_look_alikes(tmp_path):
    lexicon = build_lexicon(wordlist(tmp_path, ["følger", "fælles", "Ærø"]), ["Høje-Taastrup"], 2.0)
    assert lexicon.with_key("f#lger") == ["følger"]
    assert lexicon.written("ærø") == "Ærø"
    assert lexicon.knows("høje") and lexicon.knows("taastrup")


def test_the_cached_lexicon_is_the_built_one_and_is_read_back(tmp_path):
    words, cache = wordlist(tmp_path, ["følger", "fælles"]), tmp_path / "cache"
    built = load_lexicon(words, ["Ærø"], 2.0, cache)
    [cached] = cache.glob("lexicon-*.pickle")
    again = load_lexicon(words, ["Ærø"], 2.0, cache)
    assert again.forms == built.forms and again.by_key == built.by_key and again.zipfs == built.zipfs
    assert list(cache.glob("lexicon-*.pickle")) == [cached]


def test_a_changed_word_list_or_setting_builds_anew_and_replaces_the_old_cache(tmp_path):
    words, cache = wordlist(tmp_path, ["følger"]), tmp_path / "cache"
    load_lexicon(words, [], 2.0, cache)
    [first] = cache.glob("lexicon-*.pickle")
    words.write_text("følger\nsøge\n", encoding="utf-8")
    os.utime(words, ns=(1, 1))  # a new modification time
    assert load_lexicon(words, [], 2.0, cache).knows("søge")
    assert load_lexicon(words, [], 2.5, cache).unlisted_zipf == 2.5
    assert first not in list(cache.glob("lexicon-*.pickle")) and len(list(cache.glob("lexicon-*.pickle"))) == 1


def test_a_damaged_cache_is_rebuilt_and_an_unwritable_one_skipped(tmp_path):
    words, cache = wordlist(tmp_path, ["følger"]), tmp_path / "cache"
    load_lexicon(words, [], 2.0, cache)
    [cached] = cache.glob("lexicon-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert load_lexicon(words, [], 2.0, cache).knows("følger")
    assert cached.read_bytes() != b"not a pickle"  # written again
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert load_lexicon(words, [], 2.0, blocked / "cache").knows("følger")  # no cache folder can be made there
