"""The six newsroom languages and what Django needs to know about them.

Django knows Central Kurdish (``ckb``) but not Northern Kurdish (Kurmanji, ``kmr``): ``register()``
adds it to ``LANG_INFO`` so that ``get_language_info``, the language switcher and ``{% get_current_language_bidi %}``
work for it like for any other language.
"""

from django.conf.locale import LANG_INFO

from majlis.screening.categories import LANGUAGES, RTL_LANGUAGES

EXTRA_LANG_INFO = {
    "kmr": {"bidi": False, "code": "kmr", "name": "Northern Kurdish (Kurmanji)", "name_local": "Kurmancî"},
}

NAMES = {
    "en": "English",
    "ar": "العربية",
    "ckb": "کوردی (سۆرانی)",
    "kmr": "Kurdî (Kurmancî)",
    "tr": "Türkçe",
    "fa": "فارسی",
}


def register() -> None:
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


def direction(language: str) -> str:
    """Return ``"rtl"`` or ``"ltr"`` for a language code."""
    return "rtl" if language in RTL_LANGUAGES else "ltr"


__all__ = ["LANGUAGES", "NAMES", "direction", "register"]
