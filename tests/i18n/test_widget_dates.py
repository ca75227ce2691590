"""The widget's strings carry what it needs to write a date as the pages do where the browser's Intl
does not know the language (Chromium has no Kurdish): the pages' DATETIME_FORMAT, month names, AM/PM."""

from datetime import datetime

import pytest
from django.utils import formats, translation

from majlis.comments.widget import strings


@pytest.mark.parametrize("language, date_format, december, am, pm", [
    ("kmr", "j F Y, H:i", "kanûn", "AM", "PM"),
    ("ckb", "j F Y، کاتژمێر G:i", "کانوونی یەکەم", "پ.ن", "د.ن"),
    ("ar", "j F Y، g:i A", "ديسمبر", "ص", "م"),
])
def test_it_sends_the_pages_date_format_and_its_words(language, date_format, december, am, pm):
    texts = strings(language)["strings"]

    assert (texts["date_format"], texts["month_12"], texts["am"], texts["pm"]) == (date_format, december, am, pm)
    assert len({texts[f"month_{n}"] for n in range(1, 13)}) == 12


@pytest.mark.parametrize("language", ["ar", "ckb", "kmr", "tr", "fa"])  # English pages abbreviate ("Dec.")
def test_its_month_names_are_the_ones_the_pages_write(language):
    texts = strings(language)["strings"]

    with translation.override(language):
        for month in (1, 5, 12):
            assert texts[f"month_{month}"] in formats.date_format(datetime(2026, month, 1), "DATE_FORMAT")
        assert texts["date_format"] == formats.get_format("DATETIME_FORMAT")
