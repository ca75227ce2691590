"""Arabic (``ar``) dates in the order Arabic news sites write them: the day, the month's name,
the year, then the time after an Arabic comma, on a 12-hour clock with ص/م ("1 ديسمبر 2026، 1:10 م").

Django's own Arabic module sets no DATETIME_FORMAT, so without this file a date and time falls
back to the English order ("ديسمبر 1, 2026, 1:10 ص"), and its DATE_FORMAT puts a comma between
the month and the year. Only the date and time formats are ours; every other setting (numbers,
input formats, first day of the week) is still read from Django's module, which comes after
this one in the search.

The *_FORMAT strings use the Django date format syntax,
see https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "j F Y، g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
