"""Kurmanji (Northern Kurdish, ``kmr``) formats, after the GNU C library's Kurmanji locale
(``ku_TR``): the day before the month, the month's name in lowercase ("1 kanûn 2026"), 24-hour
time, short dates day/month/year; numbers as in Turkish (comma for decimals, dot for thousands);
weeks start on Monday. The month names come from our catalogue (majlis/formats/django_strings.py):
Django has no Kurmanji translation.

The *_FORMAT strings use the Django date format syntax,
see https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# No *_INPUT_FORMATS: the settings' ISO formats stay first, as the audit log's <input type="date"> needs.
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
