"""Vietnamese text normalisation shared by every stage.

Three different needs, three functions:

* ``nfc`` is what the archive stores: the text as written, in one Unicode form.
* ``canonical_tones`` treats old and new tone placement alike (``Uỷ``/``Ủy``,
  ``hoà``/``hòa``) for matching, never for display.
* ``fold`` is for slugs, anchors and search: no marks, ``Đ/đ`` folded to
  ``D/d`` by hand (Unicode does not decompose it), lower case.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\ufeff": "", "\u200b": ""}
_SPACE_RE = re.compile("[" + "".join(_SPACES) + "]")
# A syllable ending in oa / oe / uy (not after q, where u belongs to the
# consonant) with the tone on its last vowel: old style "hoà", "Uỷ", "khoẻ".
_OLD_TONE_RE = re.compile(
    r"(?<![qQ\w])(?P<head>[^\W\d_]*?)(?P<v1>[oOuU])(?P<v2>[aAeEyY])(?P<tone>[" + _TONES + r"])(?![^\W\d_])"
)
_OLD_TONE_QU_RE = re.compile(r"(?i)q$")
# A vowel that may carry an old-style tone (a, e, y with a tone, after o or u), in NFC.
_MAYBE_OLD_TONE_RE = re.compile("[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ]")


def nfc(text: str) -> str:
    """NFC, with no-break and zero-width spaces made plain (a scraping artefact)."""
    return unicodedata.normalize("NFC", _SPACE_RE.sub(lambda m: _SPACES[m.group()], text))


def _move_tone(match: re.Match[str]) -> str:
    head, v1, v2, tone = match.group("head", "v1", "v2", "tone")
    if _OLD_TONE_QU_RE.search(head) or (v1 in "oO" and v2 in "yY"):
        return match.group(0)
    if v1 in "uU" and v2 not in "yY":
        return match.group(0)
    if v1 in "oO" and v2 not in "aAeE":
        return match.group(0)
    return f"{head}{v1}{tone}{v2}"


@functools.lru_cache(maxsize=1 << 16)  # the same names and lines are normalised again and again
def canonical_tones(text: str) -> str:
    """The text in NFC with every oa/oe/uy tone on the first vowel (hòa, Ủy)."""
    text = nfc(text)
    if not _MAYBE_OLD_TONE_RE.search(text):  # most text: nothing to move, skip the decomposition
        return text
    decomposed = unicodedata.normalize("NFD", nfc(text))
    return unicodedata.normalize("NFC", _OLD_TONE_RE.sub(_move_tone, decomposed))


def _slow_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


class _FoldTable(dict[int, str]):
    """Code point → its folded text, filled on first use: folding becomes one C-level translate."""

    def __missing__(self, code_point: int) -> str:
        value = self[code_point] = _slow_fold(chr(code_point))
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: marks removed, Đ/đ → d. For matching only."""
    return nfc(text).translate(_FOLD_TABLE).lower()


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII slug of words joined by '-', cut on a word boundary."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {ch: n for n, ch in enumerate(_ALPHABET)}
_TONE_ORDER = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter (ă â ơ ư)


def vi_sort_key(text: str) -> tuple[tuple[tuple[int, str], ...], tuple[int, ...], str]:
    """Vietnamese dictionary order: a ă â b c d đ e ê …, then tones (ngang huyền hỏi ngã sắc nặng)."""
    letters: list[tuple[int, str]] = []
    tones: list[int] = []
    for ch in canonical_tones(text).lower():
        base_marks = unicodedata.normalize("NFD", ch)
        letter = "".join(c for c in base_marks if not unicodedata.combining(c) or c in _LETTER_MARKS)
        tone = next((c for c in base_marks if c in _TONE_ORDER), "")
        letter = unicodedata.normalize("NFC", letter)
        letters.append((_RANK.get(letter, 100 + ord(letter[0]) if letter else 0), letter))
        tones.append(_TONE_ORDER[tone])
    return (tuple(letters), tuple(tones), text)


def folded_d_words(texts: Iterable[str | None]) -> str:
    """Words with Đ/đ, folded to ASCII ("dong"), once each in order of appearance.

    Pagefind folds tone marks itself but not Đ, a letter of its own: pages carry
    these so a reader typing "Dong Hoi" finds "Đồng Hới".
    """
    seen: dict[str, None] = {}
    for text in texts:
        for word in re.findall(r"\w+", text or ""):  # \w*[đĐ]\w* would be quadratic in a word's length
            if "đ" in word or "Đ" in word:
                seen.setdefault(fold(word), None)
    return " ".join(seen)


def folded_pairs(texts: Iterable[str | None]) -> str:
    """Adjacent syllable pairs, folded and joined ("Đồng Hới" → "donghoi"), once each.

    Vietnamese words are mostly two syllables, and single syllables ("hội", "đồng") occur on
    nearly every page, so their index entries grow with the archive. Searching a multi-word
    query by its pairs reads small entries instead, and matches only pages with the words adjacent.
    """
    seen: dict[str, None] = {}
    for text in texts:
        words = re.findall(r"[a-z0-9]+", fold(text or ""))
        for first, second in zip(words, words[1:], strict=False):
            seen.setdefault(first + second, None)
    return " ".join(seen)


@functools.lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """How chrome lines and markers are compared: tone placement, case, trailing ':' ignored."""
    return canonical_tones(text).strip().rstrip(":").strip().casefold()
