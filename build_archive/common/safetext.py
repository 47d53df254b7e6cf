"""Characters no input may carry: refused at ingest with the file and line, never passed on.

C0 controls (but tab and line ends), DEL and C1 controls (U+0080–U+009F) mean binary
data or text decoded with the wrong code page ("â\\x80\\x99"); lone surrogates and
non-characters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) are not text at all. XML forbids some
of them and browsers treat others as markup hazards, so a page must never see one.
Refusing (rather than silently dropping) keeps the archive's promise to quote its
sources exactly: the editor fixes the file, or the sidecar, and says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_archive.common.errors import InputError

_NONCHARACTERS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(0x11))
BAD_CHAR_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]")


def describe(char: str, before: str = "") -> str:
    """What the character is, and what the editor should do about it."""
    code = ord(char)
    if 0x80 <= code <= 0x9F and before[-1:] and before[-1] in "ÂÃâÄÆá":
        return (f"control character U+{code:04X} after '{before[-1]}': the text looks like UTF-8 read as Latin-1 "
                "(mojibake); take the text again from the source, saved as UTF-8")
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"control character U+{code:04X}: binary data or a wrong code page, not an article text; remove it"
    if 0xD800 <= code <= 0xDFFF:
        return f"lone surrogate U+{code:04X} (half of a UTF-16 pair): not a character; remove it"
    return f"non-character U+{code:04X}: not text; remove it"


def check_text(path: Path | str, text: str, first_line: int = 1) -> str:
    """``text`` unchanged, or an InputError naming the line of its first forbidden character."""
    bad = BAD_CHAR_RE.search(text)
    if bad is None:
        return text
    line = first_line + text.count("\n", 0, bad.start())
    raise InputError(path, describe(bad.group(), text[max(0, bad.start() - 1):bad.start()]), line=line)
