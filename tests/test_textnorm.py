"""Normalisation for matching: old-style tones folded, case and spacing folded — checked against
plain reference implementations, since the fast versions are written for speed."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from plandiff.textnorm import fold_tones, key_words, match_key, single_spaced, words

OLD_TO_NEW = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
              "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}


def reference_fold(text: str) -> str:
    """The rule in words: an old-style pair at a syllable's end (no letter after it), not after
    "q", takes the new style; scanned left to right, pairs never overlapping."""
    out, i = [], 0
    while i < len(text):
        pair = text[i:i + 2]
        after = text[i + 2:i + 3]
        if (pair in OLD_TO_NEW and (i == 0 or text[i - 1] not in "qQ")
                and not (after and after.isalpha())):
            out.append(OLD_TO_NEW[pair])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def test_old_style_tones_take_the_new_style_at_a_syllables_end() -> None:
    assert fold_tones("hoà bình, uỷ ban, thuý, khoẻ") == "hòa bình, ủy ban, thúy, khỏe"
    assert fold_tones("hoàng, quỷ, quý, toàn") == "hoàng, quỷ, quý, toàn"  # mid-syllable, or after q
    assert fold_tones("oà") == "òa"  # at the very start


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="qQoòàáảãạèéẻẽẹuỳýỷỹỵyanh 1_.-", max_size=24))
def test_fold_tones_follows_the_rule(text: str) -> None:
    assert fold_tones(text) == reference_fold(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2003abcÀđ.,", max_size=30))
def test_match_key_folds_every_kind_of_space(text: str) -> None:
    key = match_key(text)
    assert key == key.strip() and "  " not in key
    assert key.split() == fold_tones(text.lower()).split()
    long = text * 20  # past the length whose keys are remembered: the same rule
    assert match_key(long) == " ".join(fold_tones(long.lower()).split())


def test_key_words_of_a_key_are_its_words() -> None:
    for text in ("Uỷ ban nhân dân tỉnh Thừa Thiên Huế (UBND), năm 2025.", "Hoà  bình –\tphát triển"):
        assert key_words(match_key(text)) == words(text)


SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
"""Every character ``str.split`` splits at: ASCII white space, C1's NEL, Unicode's spaces and
separators."""


def test_every_space_but_the_plain_one_is_unprintable() -> None:
    """What ``single_spaced``'s shortcut stands on: a printable text holds no white space but U+0020."""
    assert [c for c in SPACES if c.isprintable()] == [" "]
    assert all(single_spaced(f"a{c}b") == "a b" for c in SPACES)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([*SPACES, "a", "Ư", "ờ", ".", "\ufffd", "\u200b"]), max_size=24))
def test_single_spaced_is_split_and_join(text: str) -> None:
    assert single_spaced(text) == " ".join(text.split())
    assert single_spaced(f"x{text}y") == " ".join(f"x{text}y".split())
