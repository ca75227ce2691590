"""The five translation catalogues: complete (no empty or fuzzy entry), compiled (each .mo says
what its .po says), with placeholders the code can fill, and Django's msgids copied exactly."""

import ast
import gettext
import re
from pathlib import Path

import django
import pytest

from majlis.formats import django_strings

LOCALE = Path(__file__).resolve().parents[2] / "majlis" / "locale"
LANGUAGES = ("ar", "ckb", "kmr", "tr", "fa")
NPLURALS = {"ar": 6, "ckb": 2, "kmr": 2, "tr": 2, "fa": 2}
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file (header included), each ``{flags, ctx, id, plural, strs}``."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip() or (line.startswith("#") and entry and entry["id"] is not None):
            if entry and entry["id"] is not None:
                entries.append(entry)
            entry = None
            if not line.strip():
                continue
        if entry is None:
            entry = {"flags": "", "ctx": None, "id": None, "plural": None, "strs": {}}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field[0] == "strs":
                entry["strs"][field[1]] += ast.literal_eval(line)
            else:
                entry[field[0]] += ast.literal_eval(line)
        else:
            keyword, _, text = line.partition(" ")
            value = ast.literal_eval(text)
            if keyword.startswith("msgstr"):
                index = int(keyword[7:-1]) if "[" in keyword else 0
                entry["strs"][index], field = value, ("strs", index)
            else:
                key = {"msgctxt": "ctx", "msgid": "id", "msgid_plural": "plural"}[keyword]
                entry[key], field = value, (key,)
    return entries


def messages(language: str) -> list[dict]:
    return [e for e in read_po(LOCALE / language / "LC_MESSAGES" / "django.po") if e["id"] or e["ctx"]]


def placeholders(text: str) -> set[str]:
    return {m.group(1) or m.group(0)[-1] for m in PLACEHOLDER.finditer(text) if not m.group(0).endswith("%%")}


def label(entry: dict) -> str:
    return f"{entry['ctx']}|{entry['id']}" if entry["ctx"] else entry["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_has_no_untranslated_or_fuzzy_entry(language):
    entries = messages(language)

    assert len(entries) > 400
    assert [label(e) for e in entries if "fuzzy" in e["flags"]] == []
    assert [label(e) for e in entries if not all(e["strs"].values())] == []
    assert [label(e) for e in entries if e["plural"] is not None and len(e["strs"]) != NPLURALS[language]] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_keeps_the_placeholders_the_code_fills(language):
    wrong = []
    for e in messages(language):
        if "python-format" not in e["flags"]:
            continue
        expected = placeholders(e["id"]) | placeholders(e["plural"] or "")
        for text in e["strs"].values():
            found = placeholders(text)
            # A plural form may leave the number out ("تعليق واحد"), never bring a name the code lacks;
            # a singular message keeps every placeholder.
            if not found <= expected or (e["plural"] is None and found != expected):
                wrong.append((label(e), text))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_its_compiled_catalogue_matches_the_po_file(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    stale = []
    for e in messages(language):
        key = f"{e['ctx']}\x04{e['id']}" if e["ctx"] else e["id"]
        if e["plural"] is None:
            if compiled.get(key) != e["strs"][0]:
                stale.append(label(e))
        elif any(compiled.get((key, i)) != text for i, text in e["strs"].items()):
            stale.append(label(e))
    assert stale == [], "run compilemessages"


def django_msgids() -> set[tuple]:
    root = Path(django.__file__).parent
    ids = set()
    for po in (root / "conf/locale/en/LC_MESSAGES/django.po", root / "contrib/auth/locale/en/LC_MESSAGES/django.po"):
        ids |= {(e["ctx"], e["id"], e["plural"]) for e in read_po(po) if e["id"]}
    return ids


def repeated_msgids() -> list[tuple]:
    """The msgids of majlis/formats/django_strings.py, read as makemessages reads them (its calls)."""
    tree = ast.parse(Path(django_strings.__file__).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext_lazy"):
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            plural = texts[1] if node.func.id == "ngettext_lazy" else None
            found.append((None, texts[0], plural))
    return found


def test_the_django_strings_we_repeat_are_djangos_own_msgids():
    ours = repeated_msgids()

    assert len(ours) == 39
    assert [m for m in ours if m not in django_msgids()] == []
