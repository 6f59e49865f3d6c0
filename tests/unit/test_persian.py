"""Persian text normalisation, digits, match keys and shortening."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mina_bot.persian import (
    ZWNJ,
    match_key,
    normalize,
    persian_number,
    shorten,
    to_latin_digits,
    to_persian_digits,
)

# Letters, the look-alikes and invisible characters that occur in pasted Persian text.
PERSIAN_SOUP = st.text(
    alphabet=st.sampled_from(
        list("کمیتهزرساخدوبلآ")
        + list("يىكةـًٌٍَُِّْٰٔ")
        + list("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789")
        + [" ", "\t", "\n", "\u00a0", ZWNJ, "\u200b", "\u200d", "\ufeff", "\u00ad", "\u200f"]
        + list("ITit-/.")
        + ["\ufedb", "\ufee4", "\ufef4", "\ufeea"]
    ),
    max_size=40,
)


def test_digits_from_every_style() -> None:
    assert to_latin_digits("۱۴۰۰/٠٢/06") == "1400/02/06"
    assert to_persian_digits("1400/٠٢/06") == "۱۴۰۰/۰۲/۰۶"
    assert to_persian_digits("ساعت 10:30") == "ساعت ۱۰:۳۰"


@pytest.mark.parametrize(
    ("n", "grouping", "expected"),
    [
        (1400, False, "۱۴۰۰"),
        (0, False, "۰"),
        (1234567, False, "۱۲۳۴۵۶۷"),
        (1234567, True, "۱٬۲۳۴٬۵۶۷"),
        (999, True, "۹۹۹"),
        (-5, False, "-۵"),
    ],
)
def test_persian_number(n: int, grouping: bool, expected: str) -> None:
    assert persian_number(n, grouping=grouping) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("كميته", "کمیته"),
        ("علي", "علی"),
        ("مصطفى", "مصطفی"),
        ("ڪار", "کار"),
        ("جلسة", "جلسه"),
        ("سلام\u0640\u0640", "سلام"),
        ("مُحَمَّد", "محمد"),
        ("خانهٔ من", "خانهٔ من"),
        ("کمیته\u200bها", "کمیته\u200cها"),
        ("کمیته\u200dها", "کمیته\u200cها"),
        ("کمیته\u00adها", "کمیته\u200cها"),
        ("کمیته\u200c\u200cها", "کمیته\u200cها"),
        ("کمیته\u200c ها", "کمیته ها"),
        ("\u200cکمیته\u200c", "کمیته"),
        ("\ufeffسلام", "سلام"),
        ("\u200fدوشنبه\u200e", "دوشنبه"),
        ("  کمیته \t\n  زیرساخت\u00a0 ", "کمیته زیرساخت"),
        ("١٢٣ و 123", "۱۲۳ و 123"),
        ("\ufedb\ufee4\ufef4\ufe98\ufeea", "کمیته"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "variants",
    [
        ("کمیته زیرساخت", "کمیته زیر ساخت", "کمیته\u200cزیرساخت", " كميته  زير ساخت "),
        ("کمیته‌ها", "کمیته ها", "كميته ها", "کمیتهها", "کمیته\u200bها"),
        ("کمیته تامین داده", "کمیته تامین\u200cداده", "كمیته تامين داده"),
        ("کمیته فناوری اطلاعات", "کمیته فناوری\u200cاطلاعات"),
        ("گروه ۱", "گروه 1", "گروه ١"),
        ("کمیته IT", "کمیته it"),
        ("خانهٔ", "خانۀ", "خانه"),
    ],
)
def test_match_key_equates_spelling_variants(variants: tuple[str, ...]) -> None:
    assert len({match_key(v) for v in variants}) == 1


def test_match_key_keeps_different_names_apart() -> None:
    assert match_key("کمیته طراحی") != match_key("کمیته تامین داده")
    assert match_key("کمیته زیرساخت") != match_key("کمیته زیرساخت و تبادل داده")
    assert match_key("گروه ۱") != match_key("گروه ۲")


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("کمیته زیرساخت و تبادل داده", 100, "کمیته زیرساخت و تبادل داده"),
        ("کمیته زیرساخت و تبادل داده", 12, "کمیته…"),
        ("کمیته زیرساخت و تبادل داده", 14, "کمیته زیرساخت…"),
        ("کمیته زیرساخت و تبادل داده", 15, "کمیته زیرساخت…"),
        ("گزارش هفتگی، کمیته ها", 13, "گزارش هفتگی…"),
        ("سرشماری‌ثبتی‌مبنا", 8, "سرشماری…"),
        ("abc", 1, "…"),
    ],
)
def test_shorten(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected


def test_shorten_rejects_a_limit_below_one() -> None:
    with pytest.raises(ValueError):
        shorten("کمیته", 0)


@given(PERSIAN_SOUP)
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@given(PERSIAN_SOUP)
def test_normalize_leaves_one_clean_gap(text: str) -> None:
    out = normalize(text)
    assert out == out.strip(" " + ZWNJ)
    for bad in ("  ", ZWNJ * 2, " " + ZWNJ, ZWNJ + " ", "\t", "\n", "ي", "ك", "ـ", "٣"):
        assert bad not in out


@given(PERSIAN_SOUP)
def test_match_key_is_idempotent_and_gapless(text: str) -> None:
    key = match_key(text)
    assert match_key(key) == key
    assert " " not in key
    assert ZWNJ not in key


@given(PERSIAN_SOUP)
def test_match_key_ignores_where_spaces_and_zwnj_fall(text: str) -> None:
    assert match_key(text.replace(" ", ZWNJ)) == match_key(text.replace(ZWNJ, ""))


@given(st.text(alphabet="0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩/-ab ", max_size=30))
def test_digit_conversions_round_trip(text: str) -> None:
    latin = to_latin_digits(text)
    assert to_latin_digits(to_persian_digits(text)) == latin
    assert to_persian_digits(latin) == to_persian_digits(text)
    assert not set(latin) & set("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_persian_number_reads_back(n: int) -> None:
    assert int(to_latin_digits(persian_number(n))) == n
    assert int(to_latin_digits(persian_number(n, grouping=True)).replace("٬", "")) == n


@given(st.text(alphabet="آبپ تث\u200cج", max_size=60), st.integers(min_value=1, max_value=70))
def test_shorten_fits_and_keeps_a_prefix(text: str, limit: int) -> None:
    out = shorten(text, limit)
    assert len(out) <= limit
    if out != text:
        assert out.endswith("…")
        assert text.startswith(out.removesuffix("…"))
