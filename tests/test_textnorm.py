"""Vietnamese normalisation: NFC, tone placement, Đ folding, slugs."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_archive.common.textnorm import canonical_tones, fold, nfc, slugify


@pytest.mark.parametrize("old, new", [("Uỷ ban", "Ủy ban"), ("hoà bình", "hòa bình"), ("khoẻ", "khỏe"),
                                      ("thuỷ chung", "thủy chung"), ("Tuỳ", "Tùy"), ("hoạ", "họa")])
def test_old_and_new_tone_placement_become_one(old, new):
    assert canonical_tones(old) == canonical_tones(new) == new


@pytest.mark.parametrize("word", ["quý", "Quỳnh", "Hoàng", "tuyến", "Huế", "Đồng Hới", "người"])
def test_tone_placement_leaves_other_words_alone(word):
    assert canonical_tones(word) == word


def test_nfd_input_is_stored_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Quảng Bình")
    assert nfc(decomposed) == "Quảng Bình"
    assert canonical_tones(decomposed) == "Quảng Bình"


def test_no_break_and_zero_width_spaces_become_plain():
    assert nfc("Việt\u00a0Nam\u200b") == "Việt Nam"


def test_fold_removes_marks_and_folds_d_bar_by_hand():
    assert fold("Đồng Hới") == "dong hoi"
    assert fold("ĐẢNG") == "dang"
    assert fold("Uỷ ban liên Chính phủ") == fold("Ủy ban liên Chính phủ") == "uy ban lien chinh phu"


def test_slug_is_ascii_cut_on_a_word_boundary():
    slug = slugify("Đồng Hới – Phạm Minh Chính: hội nghị giữa kỳ", 20)
    assert slug == "dong-hoi-pham-minh"
    assert slug.isascii()


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_fast_fold_equals_the_decomposition_it_caches(text):
    from build_archive.common.textnorm import _slow_fold
    assert fold(text) == _slow_fold(nfc(text)).lower()
