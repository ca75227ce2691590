"""Lexicons match whole normalized tokens and phrases, through obfuscation, never inside words."""

import pytest

from majlis.screening.categories import BY_CODE, IDENTITY_SUBTYPES
from majlis.screening.lexicon import INNOCENT, find, load_terms, parse_tsv
from majlis.screening.normalize import normalize


def hits(text, lang):
    return find(normalize(text), lang)


def categories(text, lang):
    return {h.category for h in hits(text, lang)}


@pytest.mark.parametrize("lang", ["en", "ar", "tr", "fa"])
def test_it_ships_a_valid_lexicon_for_each_language_it_writes(lang):
    terms = load_terms(lang)
    assert len(terms) >= 100
    assert {t.category for t in terms} >= {"profanity", "threat", "personal_attack", "identity_abuse", "promotion"}
    for t in terms:
        assert t.category in BY_CODE or t.category == INNOCENT
        assert t.subtype == "" or t.subtype in IDENTITY_SUBTYPES


def test_it_rejects_a_malformed_line():
    with pytest.raises(ValueError, match="unknown category"):
        parse_tsv("insult\t-\tidiot\n", "en")
    with pytest.raises(ValueError, match="expected"):
        parse_tsv("profanity idiot\n", "en")


def test_a_term_of_two_categories_gives_a_hit_for_each():
    terms = parse_tsv("personal_attack+profanity\t-\torospu*\n", "tr")
    assert [t.category for t in terms] == ["personal_attack", "profanity"]
    assert terms[0].words == terms[1].words == (("orospu", True),)
    with pytest.raises(ValueError, match="unknown category"):
        parse_tsv("personal_attack+insult\t-\tidiot\n", "en")
    with pytest.raises(ValueError, match="innocent phrase"):
        parse_tsv("innocent+profanity\t-\tspic and span\n", "en")


@pytest.mark.parametrize(
    "lang, text, word",
    [
        ("kmr", "Kurê qehpê, tu kî yî ku vê dibêjî?", "Kurê qehpê"),
        ("kmr", "Ew jin q e h p e ye, guh nedin wê.", "q e h p e"),
        ("ckb", "کوڕی قەحبە، بێدەنگ بە", "کوڕی قەحبە"),
        ("tr", "Orospu çocuğu, sen kimsin?", "Orospu çocuğu"),
        ("en", "Shut it, you son of a bitch.", "son of a bitch"),
        ("ar", "اسكت يا ابن القحبة", "ابن القحبة"),
        ("fa", "خفه شو جاکش", "جاکش"),
    ],
)
def test_swear_words_used_as_insults_are_both_personal_attack_and_profanity(lang, text, word):
    found = hits(text, lang)
    for category in ("personal_attack", "profanity"):
        spans = {text[h.start:h.end] for h in found if h.category == category}
        assert word in spans, (category, spans)


@pytest.mark.parametrize(
    "lang, text",
    [("en", "You idiot, read the article."), ("tr", "Sen bir aptalsın."), ("kmr", "Tu ker î, nûçeyê bixwîne."),
     ("ar", "يا غبي اقرأ الخبر"), ("fa", "احمق، خبر را بخوان")],
)
def test_insults_without_swearing_stay_personal_attacks_only(lang, text):
    assert categories(text, lang) == {"personal_attack"}


def test_it_reads_prefix_terms_and_comments():
    terms = parse_tsv("# comment\npersonal_attack\t-\taptal*\nthreat\t-\tseni öldüreceğim\n", "tr")
    assert terms[0].words == (("aptal", True),)
    assert terms[1].words == (("seni", False), ("öldüreceğim", False))


@pytest.mark.parametrize(
    "lang, text, category",
    [
        ("en", "you are an idiot", "personal_attack"),
        ("en", "I will kill you", "threat"),
        ("en", "what a fucking mess", "profanity"),
        ("en", "go back to your country", "identity_abuse"),
        ("ar", "انت غبي", "personal_attack"),
        ("ar", "سأقتلك", "threat"),
        ("ar", "يا حمار", "personal_attack"),
        ("ar", "والكلب", "personal_attack"),  # clitics stripped
        ("tr", "sen bir aptalsın", "personal_attack"),  # suffix via prefix term
        ("tr", "seni öldüreceğim", "threat"),
        ("tr", "SALAK", "personal_attack"),
        ("fa", "احمق", "personal_attack"),
        ("fa", "میکشمت", "threat"),
        ("fa", "می کشمت", "threat"),  # verb prefix written apart
        ("fa", "می\u200cکشمت", "threat"),  # with ZWNJ
    ],
)
def test_it_finds_terms(lang, text, category):
    assert category in categories(text, lang)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The class assessed the assassin in Scunthorpe."),
        ("en", "My therapist recommended a cocktail of shiitake and grapes."),
        ("en", "Dick Cheney and the cock crowed at dawn; cum laude graduates."),
        ("en", "Let us analyse the documents from Essex and Middlesex."),
        ("en", "I am glad; the passage of the bill was a classic."),
        ("ar", "الكلبية مذهب فلسفي قديم"),
        ("ar", "عبد الله يعمل في الكلية"),
        ("ar", "حيوان أليف في البيت"),
        ("tr", "Bu sıkıntı çok büyük, amca ama sıkı çalıştı"),
        ("tr", "Sikke koleksiyonu ve ananas aldım, amcam geldi"),
        ("tr", "Sikinti buyuk ama cozulur"),  # ASCII-Turkish "sıkıntı"
        ("tr", "Hükümet bütçeyi açıkladı, topluma faydalı"),
        ("fa", "هیچ کس نیامد و کسی نبود"),
        ("fa", "گه گاه به کتابخانه می روم"),
        ("fa", "کیروسین و کشمش خریدم"),
        ("fa", "کسب و کار خوب است"),
        # innocent phrases around a listed word (false positives seen in the training sources)
        ("en", "Make sure the kitchen is spic and span before the guests arrive."),
        ("en", "The ministry's statement was gobbledy gook to me."),
        ("en", "We saw coon tracks by the river after the flood."),
        ("tr", "Sınav kötü geçerse kendimi öldürürüm diye şaka yaptım"),
    ],
)
def test_it_never_matches_inside_innocent_words(lang, text):
    assert not [h for h in hits(text, lang) if h.category != "promotion"]


@pytest.mark.parametrize(
    "text",
    ["hello shit", "ＳＨＩＴ", "sh1t", "shiiiit", "s h i t", "s.h.i.t", "sh\u200bit", "sh*t", "$hit"],
)
def test_it_reports_spans_of_what_the_reader_wrote(text):
    found = [h for h in hits(text, "en") if h.category == "profanity"]
    assert found
    assert text[found[0].start:found[0].end] == found[0].text
    assert found[0].text.replace("hello ", "") in text


def test_it_keeps_short_words_to_their_own_language():
    # Arabic كس is Persian «کس» ("someone"); Turkish "am" is English "am".
    assert "profanity" in categories("كس", "ar")
    assert "profanity" not in categories("هیچ کس", "fa")
    assert categories("I am here", "en") == set()


def test_it_lets_phrases_and_other_script_words_cross_languages():
    assert "threat" in categories("seni öldüreceğim", "en")
    assert "personal_attack" in categories("you are a حمار", "en")
    assert "profanity" in categories("كس امك", "fa")


def test_it_keeps_same_script_words_to_their_own_language():
    # Persian slang «ابنه» (a homophobic slur) is Arabic "his son"; «ضعیفه» is Arabic "weak".
    assert categories("ابنه الكبير يدرس الطب وحالته ضعيفة", "ar") == set()
    assert "identity_abuse" in categories("ابنه", "fa")


def test_it_reports_one_hit_for_a_phrase_not_its_parts():
    found = hits("seni öldüreceğim", "tr")
    assert [h.text for h in found if h.category == "threat"] == ["seni öldüreceğim"]


@pytest.mark.parametrize(
    "lang, text, category",
    [
        ("en", "Go home, you spic.", "identity_abuse"),
        ("tr", "Seni öldürürüm, bekle.", "threat"),
    ],
)
def test_it_still_finds_the_word_outside_its_innocent_phrase(lang, text, category):
    assert category in categories(text, lang)


@pytest.mark.parametrize("text, lang, word", [
    ("Shit, dîsa elektrîk çû.", "kmr", "Shit"),
    ("Fuck this government, tiştek neguheriye", "kmr", "Fuck"),
    ("bu ne biçim haber, wtf", "tr", "wtf"),
    ("این دولت bullshit است", "fa", "bullshit"),
    ("هذا الرئيس fucking كذاب", "ar", "fucking"),
    ("ئەم هەواڵە shit ە", "ckb", "shit"),
])
def test_borrowed_english_swear_words_are_found_in_every_language(text, lang, word):
    found = hits(text, lang)
    assert [h.text for h in found if h.lang == "any"] == [word]


@pytest.mark.parametrize("text, lang", [
    ("Şit şehrinde yeni bir okul açıldı", "tr"),  # a Turkish place-like word, not "shit"
    ("Bi rastî ev gotar baş e, spas", "kmr"),
    ("Pussy Riot konseri iptal edildi", "tr"),  # en.tsv words apply to English text only
])
def test_english_only_words_stay_out_of_other_languages(text, lang):
    assert hits(text, lang) == []


def test_borrowed_words_are_not_duplicated_in_the_english_lexicon():
    borrowed = {t.raw for t in load_terms("any")}
    assert borrowed and not borrowed & {t.raw for t in load_terms("en")}
