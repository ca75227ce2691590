"""Robustness suites: obfuscation never hides a lexicon hit, evidence points at what the reader
wrote, criticism is not a violation, and reporting that quotes a slur goes to a human."""

import pytest

from majlis.screening import screen

# (language, sentence template, category, obfuscated forms of one lexicon word)
OBFUSCATIONS = [
    ("en", "Honestly you are a {} and everyone knows it.", "personal_attack",
     ["moron", "MORON", "m0r0n", "mooooron", "m o r o n", "m.o.r.o.n", "mo\u200bron", "mo\u200cron",
      "ｍｏｒｏｎ", "m*ron", "mor\u202eon"]),
    ("en", "What the {} is this.", "profanity",
     ["fuck", "FUCK", "fuuuuck", "f u c k", "f-u-c-k", "f*ck", "fu\u200dck", "fück"]),
    ("ar", "انت {} ولا تفهم شيئا", "personal_attack",
     ["غبي", "غــبــي", "غَبِيّ", "غبييي", "غ\u200bبي", "غبى", "ﻏﺒﻲ"]),
    ("ar", "{} يا خائن", "threat",
     ["سأقتلك", "ساقتلك", "سأقتلـــك", "سَأَقْتُلُكَ", "سأ\u200cقتلك", "سأققققتلك"]),
    ("tr", "Sen tam bir {} oldun artık.", "personal_attack",
     ["salak", "SALAK", "s4l4k", "saaaalak", "s a l a k", "sa\u200blak", "salaksın", "SALAKSIN"]),
    ("tr", "{} bunu unutma", "threat",
     ["seni öldüreceğim", "SENİ ÖLDÜRECEĞİM", "seni öldüreceğiiiim", "seni öl\u200bdüreceğim"]),
    ("fa", "تو یک {} هستی", "personal_attack",
     ["احمق", "احــمق", "احمققق", "اح\u200bمق", "اَحمَق", "ﺍﺣﻤﻖ"]),
    ("fa", "{} مرتیکه", "threat",
     ["میکشمت", "می\u200cکشمت", "می کشمت", "ميكشمت", "میکشـــمت", "میکشششمت"]),
    ("fa", "این آدم {} است", "personal_attack", ["کثافت", "كثافت", "کثافـت", "ک\u200bثافت"]),
    # Kurdish terms from the team-written lexicons (lexicons/ckb.tsv, kmr.tsv).
    ("ckb", "{} ئەی خائینە", "threat",
     ["دەتکوژم", "دەتکـــوژم", "دەت\u200bکوژم", "دهتکوژم", "دەتکووووژم", "دەتكوژم"]),
    ("kmr", "{}, tu bêşerefî", "threat",
     ["ez ê te bikujim", "EZ Ê TE BIKUJIM", "ez ê te b1kujim", "ez ê te bikujiiiim", "ez ê te bi\u200bkujim"]),
    ("kmr", "Tu {} î, here!", "personal_attack", ["pûşt", "PÛŞT", "pûûûşt", "pûş\u200bt", "pust"]),
]


def _cases():
    for lang, template, category, forms in OBFUSCATIONS:
        for form in forms:
            yield pytest.param(template, category, form, id=f"{lang}-{category}-{form!r}")


@pytest.mark.parametrize("template, category, form", list(_cases()))
def test_it_sees_through_obfuscation_and_points_at_the_written_form(template, category, form):
    text = template.format(form)
    verdict = screen(text)
    reasons = [r for r in verdict.reasons if r.category == category and r.source == "lexicon"]
    assert reasons, verdict.to_dict()
    spans = [e for r in reasons for e in r.evidence]
    assert all(text[e.start:e.end] == e.text for e in spans)
    assert any(e.text == form for e in spans), [e.text for e in spans]
    assert verdict.scores[category] >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "The government's budget is a disgrace and the minister should resign",
        "This newspaper's coverage of the strike was biased and lazy. Do better.",
        "The ruling party has failed us for twenty years and should be voted out.",
        "The president lied about the war and the parliament must investigate him.",
        "الحكومة فاشلة في إدارة الاقتصاد ويجب على الوزير أن يستقيل",
        "تغطية هذه الصحيفة للانتخابات منحازة وغير مهنية",
        "Hükümetin bütçesi tam bir rezalet, bakan istifa etmeli.",
        "Bu gazetenin seçim haberi taraflı ve yüzeysel, daha iyisini yapın.",
        "بودجه دولت فاجعه است و وزیر باید استعفا دهد",
        "گزارش این روزنامه درباره انتخابات جانبدارانه و ضعیف است",
        "بودجەی حکومەت شکستێکی گەورەیە و وەزیر دەبێت دەست لەکار بکێشێتەوە",
        "Budçeya hikûmetê şermezarî ye û divê wezîr îstifa bike.",
    ],
)
def test_it_does_not_treat_criticism_of_the_powerful_as_a_violation(text):
    verdict = screen(text)
    assert verdict.decision != "reject"
    assert not [r for r in verdict.reasons if r.source != "model"], verdict.to_dict()


@pytest.mark.parametrize(
    "text, category",
    [
        ('The MP was suspended after calling a colleague a "faggot" in the chamber.', "identity_abuse"),
        ("The coach was fined for the slur nigger, shouted at a player.", "identity_abuse"),
        ("قال النائب «يا حمار» لزميله في الجلسة، فطرد منها.", "personal_attack"),
        ("Milletvekili meclis kürsüsünden \"ibne\" dediği için özür diledi.", "identity_abuse"),
    ],
)
def test_it_sends_reporting_that_quotes_a_slur_to_a_human(text, category):
    # A hard case, documented: the slur is found and shown as evidence, but because it is quoted
    # or named as a word its score is capped below the reject threshold, so it goes to review.
    verdict = screen(text)
    assert verdict.decision == "review"
    assert 0.5 <= verdict.scores[category] < 0.9
    assert any(r.category == category and r.evidence for r in verdict.reasons)


def test_it_still_rejects_a_slur_used_directly():
    verdict = screen("Shut up, you faggot.")
    assert verdict.decision == "reject"
    assert verdict.scores["identity_abuse"] >= 0.9


# English threats and incitement (issue #4): phrases, so that reporting on violence is not hit.
@pytest.mark.parametrize(
    "text, phrase",
    [
        ("These traitors deserve to die.", "deserve to die"),
        ("They should all be shot.", "should all be shot"),
        ("Line them up against the wall.", "Line them up against the wall"),
        ("Hang them all from the lampposts.", "Hang them all"),
        ("Burn them alive.", "Burn them alive"),
        ("Wipe them off the face of the earth.", "Wipe them off the face of the earth"),
        ("We should wipe them out.", "should wipe them out"),
        ("We must exterminate them all.", "must exterminate them"),
        ("Just gas them and be done with it.", "Just gas them"),
        ("They should be gassed like rats.", "should be gassed"),
        ("Your days are numbered, journalist.", "Your days are numbered"),
        ("I hope he dies in prison.", "hope he dies"),
        ("I'll kill him if I see him.", "I'll kill him"),
        ("String them up.", "String them up"),
        ("Go hang yourself.", "Go hang yourself"),
        ("We'll find you, don't worry.", "We'll find you"),
        ("Someone should shoot that man.", "Someone should shoot"),
        ("SHOULD ALL BE SH0T", "SHOULD ALL BE SH0T"),
        ("shoot them aaaall", "shoot them aaaall"),
    ],
)
def test_it_rejects_english_threats_and_incitement(text, phrase):
    verdict = screen(text)
    assert verdict.decision == "reject", verdict.to_dict()
    reasons = [r for r in verdict.reasons if r.category == "threat" and r.source == "lexicon"]
    assert [e.text for r in reasons for e in r.evidence] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Police shot a man in the leg during the protest on Sunday.",
        "The gunman shot three people before he was arrested.",
        "The army shot down a drone over the border.",
        "Nobody deserves to die like that, my thoughts are with the family.",
        "He did not deserve to die in a police cell.",
        "No one deserves to die for a phone.",
        "The council wants to exterminate the termites in the old library.",
        "Hang the pictures in the hall before the exhibition opens.",
        "We should hang them all up to dry after the rain.",
        "Saddam's regime tried to gas them all in Halabja in 1988.",
        "The Anfal campaign set out to exterminate them, the court found.",
        "Militants cut their heads off and filmed it, the report says.",
        "Be careful on the ice or you will break your neck.",
        "We should all die with dignity, the campaigners say.",
        "Malaria should be wiped off the face of the earth.",
        "Take the ladders and hang them from the ceiling hooks.",
        "The senator said the bill should be killed in committee.",
        "Climate change could wipe them out within a decade, the scientists warn.",
        "The film should be shot in Erbil next spring.",
        "Kill them all with kindness, my grandmother used to say.",
        "They were executed by firing squad in 1988, historians say.",
        "The bombing killed twelve people and wounded forty.",
    ],
)
def test_it_does_not_read_reporting_on_violence_as_a_threat(text):
    verdict = screen(text)
    assert not [r for r in verdict.reasons if r.source == "lexicon"], verdict.to_dict()
    assert verdict.decision != "reject"
