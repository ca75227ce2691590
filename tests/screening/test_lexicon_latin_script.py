"""Arabic and Persian typed in Latin letters (Arabizi, Finglish; the block at the end of
lexicons/any.tsv): caught whatever language the comment is identified as, and kept away from the
English, Turkish and Kurmanji they share an alphabet with.

The sentences here are written for these tests, not taken from any evaluation set.
"""

import pytest

from majlis.screening import screen
from majlis.screening.language import detect
from majlis.screening.lexicon import find
from majlis.screening.normalize import normalize


def hits(text):
    return find(normalize(text), detect(text))


@pytest.mark.parametrize(
    "text, category, written",
    [
        # Arabizi
        ("shu hal kalam ya 7mar", "personal_attack", "ya 7mar"),
        ("ya 7maaaar enta", "personal_attack", "ya 7maaaar"),
        ("Kos omak ya sa7afi", "profanity", "Kos omak"),
        ("Kos omak ya sa7afi", "personal_attack", "Kos omak"),
        ("inta ibn el kalb w kazzab", "personal_attack", "ibn el kalb"),
        ("wallah ha2tolak iza shoftak", "threat", "ha2tolak"),
        ("ra7 a2tlak ya kalb", "threat", "ra7 a2tlak"),
        ("el shi3a kelab kollon", "identity_abuse", "el shi3a kelab"),
        ("hada khawal w ma bifham", "identity_abuse", "khawal"),
        # Finglish
        ("khafe sho koskesh", "personal_attack", "khafe sho"),
        ("khafe sho koskesh", "profanity", "koskesh"),
        ("madar jende boro gomsho", "profanity", "madar jende"),
        ("age bebinamet mikoshamet", "threat", "mikoshamet"),
        ("in afghani kesafat ha ro biron konid", "identity_abuse", "afghani kesafat"),
        ("to khari ke in harfo mizani", "personal_attack", "to khari"),
    ],
)
def test_it_catches_arabizi_and_finglish_and_points_at_what_was_typed(text, category, written):
    found = {text[h.start:h.end] for h in hits(text) if h.category == category}
    assert written in found, (detect(text), found)


def test_the_whole_engine_flags_such_a_comment_for_what_it_is():
    verdict = screen("Kos omak ya ibn el kalb, ha2tolak")
    assert verdict.decision != "approve"
    assert {r.category for r in verdict.reasons if r.source == "lexicon"} >= {"personal_attack", "profanity", "threat"}


@pytest.mark.parametrize(
    "text",
    [
        # English
        "Sara asked a fair sawal in the interview, and Talal answered it.",
        "The Stary Oskol steel plant is closing; ears to the ground, everyone.",
        "Abdel Gawad and Tarek Zaki wrote the report.",
        "Bi sharaf, the minister kept his word this time.",
        # Turkish
        "Ata'mızın kitaplarını okudum, manyak bir maçtı dün.",
        "Kiram çok yükseldi, ayrı bir eve taşınacağım.",
        "Ya sen ya ben, ya kabul ya ret: karar verin.",
        # Kurmanji
        "Wî kir û çû, kes tiştek negot.",
        "Bimir, em ê bibînin: ew heywan li gund in.",
        # Persian and Arabic in Latin letters, harmless
        "Khaili mamnoon baraye gozaresh, kheili khoob bood.",
        "Shukran 3al taqrir, ktir mnih.",
        "Elahi bemiram baraye in bache ha.",
    ],
)
def test_it_leaves_ordinary_latin_script_text_alone(text):
    abusive = [h for h in hits(text) if h.category != "promotion"]
    assert abusive == [], (detect(text), [(h.category, h.text) for h in abusive])
