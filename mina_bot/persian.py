"""Persian text normalisation, digit conversion and shortening, in one place."""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"
ELLIPSIS = "…"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
PERSIAN_THOUSANDS_SEPARATOR = "٬"

_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)

_LETTERS = {
    "ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک", "ة": "ه", "ە": "ه",
    # Stand-ins people (and Word) use where a zero-width non-joiner is meant.
    "\u200b": ZWNJ, "\u200d": ZWNJ, "\ufeff": ZWNJ, "\u00ad": ZWNJ, "\u2060": ZWNJ,
}
_REMOVED = (
    "\u0640"  # tatweel
    # harakat and Quranic marks; hamza above (U+0654, «خانهٔ») is spelling, so it stays
    "\u0610-\u061a\u064b-\u0653\u0655-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks that sneak in with copy-paste
)
_NORMALIZE_TABLE = str.maketrans(
    {**_LETTERS, **{d: p for d, p in zip(ARABIC_DIGITS, PERSIAN_DIGITS, strict=True)}}
)
_REMOVED_RE = re.compile(f"[{_REMOVED}]")
# Arabic presentation forms (isolated/initial/final glyphs) fold to their base letters.
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_GAP_RE = re.compile(r"[\s\u200c]+")
_PARTIAL_WORD_RE = re.compile(r"\S+$")


def to_latin_digits(s: str) -> str:
    """Replace Persian and Arabic-Indic digits with 0-9."""
    return s.translate(_TO_LATIN)


def to_persian_digits(s: str) -> str:
    """Replace Latin and Arabic-Indic digits with Persian ۰-۹."""
    return s.translate(_TO_PERSIAN)


def persian_number(n: int, *, grouping: bool = False) -> str:
    """Write an integer in Persian digits, optionally grouped with «٬» (1400 -> «۱۴۰۰»)."""
    text = f"{n:,}".replace(",", PERSIAN_THOUSANDS_SEPARATOR) if grouping else str(n)
    return to_persian_digits(text)


def _gap(match: re.Match[str]) -> str:
    # A run of only ZWNJs stays one ZWNJ; a ZWNJ beside a space means nothing.
    return ZWNJ if set(match.group()) == {ZWNJ} else " "


def normalize(s: str) -> str:
    """Canonical Persian: ی/ک/ه, no tatweel or harakat, Persian digits, single ZWNJs and spaces."""
    s = _PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), s)
    s = _REMOVED_RE.sub("", s.translate(_NORMALIZE_TABLE))
    return _GAP_RE.sub(_gap, s).strip(" " + ZWNJ)


def match_key(s: str) -> str:
    """Key for loose equality of names.

    «کمیته زیرساخت», «کمیته زیر ساخت», «کمیته‌ها», «کمیته ها» and «كميته ها» differ only in
    Arabic letters, spaces and ZWNJs, so the key is: normalize, Latin digits, «ۀ»/«هٔ» as «ه»,
    every space and ZWNJ removed, Latin letters case-folded. Compare keys, never display them.
    """
    s = to_latin_digits(normalize(s)).replace("ۀ", "ه").replace("\u0654", "")
    return s.replace(" ", "").replace(ZWNJ, "").casefold()


def shorten(s: str, limit: int) -> str:
    """Cut ``s`` to at most ``limit`` characters at a word boundary, ending with «…»."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    if not s[limit - 1].isspace():
        whole_words = _PARTIAL_WORD_RE.sub("", cut)
        cut = whole_words if whole_words.strip() else cut  # one long word: cut it anyway
    cut = cut.rstrip(" \t\n" + ZWNJ + "،,.;:؛-")
    return (cut or s[: limit - 1]) + ELLIPSIS
