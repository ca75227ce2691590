"""Date and number formats for the languages Django has none for (``FORMAT_MODULE_PATH``), and
the Django strings our pages show that Django cannot translate for them (``django_strings``).

Django ships formats and a catalogue for ``ar``, ``ckb``, ``tr`` and ``fa``, not for Kurmanji
(``kmr``): without ``kmr/formats.py`` its dates follow English order, and without our catalogue's
copies of Django's msgids its month names, "3 hours" and form errors stay English.
"""
