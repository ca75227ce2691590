"""The colloquial Persian additions to lexicons/fa.tsv: insults, curses, threats and identity slurs
as readers type them (with and without ZWNJ, spaced, Arabic letter variants), and the news
comments they leave alone.

The sentences here are written for these tests, not taken from any Persian evaluation set.
"""

import pytest

from majlis.screening.categories import ABUSE_CODES as ABUSE
from majlis.screening.lexicon import LEXICON_DIR, find, load_terms
from majlis.screening.normalize import normalize

HEADER = ("# Written from knowledge of Persian, without opening any dataset (colloquial insults, curses, "
          "threats, ethnic and identity slurs).")


def hits(text):
    return find(normalize(text), "fa")


def categories(text):
    return {h.category for h in hits(text)}


def test_the_colloquial_block_is_marked_and_covers_every_abuse_category():
    text = (LEXICON_DIR / "fa.tsv").read_text(encoding="utf-8")
    assert HEADER in text.splitlines()
    block = [line.split("\t") for line in text.split(HEADER, 1)[1].splitlines()
             if line.strip() and not line.startswith("#")]
    assert {c for c, _, _ in block} >= set(ABUSE)
    assert {s for c, s, _ in block if c == "identity_abuse"} >= {
        "ethnic", "religious", "sexism", "homophobia", "xenophobia", "racism"}
    assert len(load_terms("fa")) > 500  # fa.tsv plus persian-text-guard's list


@pytest.mark.parametrize(
    "text, category",
    [
        # insults and curses aimed at a person
        ("مرتیکه‌ی دروغگو، خجالت بکش", "personal_attack"),
        ("این زنیکه هیچی نمی‌فهمه", "personal_attack"),
        ("خفه‌شو دیگه، حوصله نداریم", "personal_attack"),
        ("برو گم شو از اینجا", "personal_attack"),
        ("تف تو روت بیاد که این رو نوشتی", "personal_attack"),
        ("خاک تو سرت با این تحلیلت", "personal_attack"),
        ("گور پدرت و هر کی مثل توئه", "personal_attack"),
        ("خدا لعنتت کنه که مردم رو بدبخت کردی", "personal_attack"),
        ("خدا لعنتشون کنه همه‌شون رو", "personal_attack"),
        ("همه‌تون بی‌شرف‌ها هستید", "personal_attack"),
        ("بی شرفا، مردم رو فروختید", "personal_attack"),
        ("ای پست‌فطرت، حیا کن", "personal_attack"),
        ("نویسنده این مطلب کله‌پوک است", "personal_attack"),
        ("زر مفت نزن آقای کارشناس", "personal_attack"),
        ("نمک به حروم، یادت رفته از کجا اومدی", "personal_attack"),
        ("این پاچه‌خوار باز پیداش شد", "personal_attack"),
        # mother and sister insults, swearing
        ("کس مادرت با این خبر دادنت", "profanity"),
        ("کس ننه‌ت، چرا دروغ میگی", "profanity"),
        ("سگ‌مصب باز برق رفت", "profanity"),
        ("گه اضافه نخور", "profanity"),
        ("بیلاخ به این وضع", "profanity"),
        ("همه چی به گا رفت", "profanity"),
        ("خواهر جنده حرف دهنتو بفهم", "profanity"),
        ("کیرشون تو این مملکت", "vulgarity"),
        # threats and wishes of death
        ("اعدامت میکنیم خائن", "threat"),
        ("حلق آویزت می‌کنیم، صبر کن", "threat"),
        ("خونتون حلاله همه‌تون", "threat"),
        ("اگه ببینمت تو رو میکشم", "threat"),
        ("دستم بهت برسه زنده نمی‌ذارمت", "threat"),
        ("پدرتو در میارم", "threat"),
        ("روزات به شماره افتاده، منتظر باش", "threat"),
        ("الهی بمیری", "threat"),
        ("خدا مرگت بده", "threat"),
        ("دهنتو خورد می کنم", "threat"),
        ("همشونو بکشید", "threat"),
        # identity abuse
        ("عربای کثیف برگردید به بیابون", "identity_abuse"),
        ("عربای ملخ خور", "identity_abuse"),
        ("ترکای خر هیچی نمی‌فهمن", "identity_abuse"),
        ("این لرای خر", "identity_abuse"),
        ("بلوچای کثیف", "identity_abuse"),
        ("افغانیا گمشن برن کشور خودشون", "identity_abuse"),
        ("اوغانیا همه جا رو گرفتن", "identity_abuse"),
        ("بهاییای نجس", "identity_abuse"),
        ("رافضی‌ها باید بدانند", "identity_abuse"),
        ("سنی‌ها کافرند", "identity_abuse"),
        ("زنا ناقص العقلن", "identity_abuse"),
        ("جای زن تو آشپزخونه است", "identity_abuse"),
        ("کونی‌ها رو ببین", "identity_abuse"),
        ("همجنس‌گرایی بیماریه", "identity_abuse"),
        ("این کاکا سیاه", "identity_abuse"),
    ],
)
def test_it_finds_colloquial_persian_abuse(text, category):
    assert category in categories(text), [(h.category, h.text) for h in hits(text)]


@pytest.mark.parametrize(
    "text, subtype",
    [
        ("عربای کثیف", "ethnic"),
        ("افغانیا گمشن", "xenophobia"),
        ("یهودی‌های کثیف", "religious"),
        ("لکاته", "sexism"),
        ("همجنس‌بازای کثیف", "homophobia"),
        ("کاکا سیاه", "racism"),
    ],
)
def test_identity_abuse_carries_its_subtype(text, subtype):
    assert subtype in {h.subtype for h in hits(text) if h.category == "identity_abuse"}


@pytest.mark.parametrize(
    "forms, category",
    [
        # with ZWNJ, glued, and in Arabic letters (ي ك)
        (["خفه‌شو", "خفهشو", "خفه شو"], "personal_attack"),
        (["سگ‌مصب", "سگمصب", "سگ مصب"], "profanity"),
        (["بی‌شرف‌ها", "بیشرفها"], "personal_attack"),
        (["مرتیکه", "مرتيكه", "مرتیکه‌ها"], "personal_attack"),
        (["می‌کشیمتون", "می کشیمتون", "مي كشيمتون", "میکشیمتون"], "threat"),
        (["حلق آویزت میکنیم", "حلق آويزت مي‌كنيم"], "threat"),
        (["پاچه‌خوار", "پاچه خوار"], "personal_attack"),
    ],
)
def test_a_term_is_found_through_the_spellings_readers_type(forms, category):
    for form in forms:
        assert category in categories(form), form


@pytest.mark.parametrize(
    "text",
    [
        # criticism of government and officials
        "دولت در مدیریت اقتصاد شکست خورده و وزیر باید استعفا دهد",
        "رئیس‌جمهور به مردم دروغ گفت و مجلس باید او را استیضاح کند",
        "این مسئولان بی‌کفایت باید پاسخگوی گرانی باشند",
        "این خائن به وطن باید در دادگاه محاکمه شود",
        "در تجمع شعار مرگ بر گرانی سر دادند",
        # news naming ethnic and religious groups, migrants, women, LGBT people
        "خبرنگاران عرب و ترک و کرد در این نشست حضور داشتند",
        "کارگران افغانی در ساختمان‌سازی با دستمزد کم کار می‌کنند",
        "بهاییان ایران همچنان از حق تحصیل محروم هستند",
        "جامعه یهودیان ایران در انتخابات شرکت کرد",
        "اهل سنت در سیستان و بلوچستان نماز عید را برگزار کردند",
        "زنان در انتخابات رأی می‌دهند و جایشان در مجلس است",
        "همجنس‌گرایان در بسیاری از کشورها حقوق برابر دارند",
        "سیاه‌پوستان آمریکا هنوز تبعیض را تجربه می‌کنند",
        # reporting on violence
        "دادگاه متهم را به اعدام محکوم کرد و حکم صبح امروز اجرا شد",
        "پلیس گفت مهاجمان خودرو را به رگبار بستند",
        # everyday words near listed ones
        "هیچ کس از این تصمیم راضی نیست",
        "گه گاه به دیدن مادرم می‌روم",
        "حیوانات باغ وحش در گرما آسیب دیدند",
        "سگ همسایه تمام شب پارس کرد و توله سگ را به پناهگاه بردند",
        "مردی که دیروز آمد با زنی که امروز رفت نسبتی نداشت",
        "ترک‌های دیوار بعد از زلزله بیشتر شد",
        "خاک این سرزمین را گرامی بداریم",
        # words that fold onto listed ones, or hold one once a clitic is stripped
        "نیروهای اسرائیلی کرانه باختری را اشغال کردند",
        "مردم سرزمین‌های تحت اشغال در فقر زندگی می‌کنند",
        "نخستین محموله واکسن آبله میمون به ایران رسید",
        "بریدن درختان جنگل‌های شمال ادامه دارد",
        "پرستار داروی وریدی را تزریق کرد",
        "کامیون‌ها در باسکول ورودی شهر وزن شدند",
        "کوس رسوایی این دولت را بر سر بازار زدند",
        "پدرش را به خاک سپردند و او سر گور پدرش گریست",
        "هندوانه بی‌تخم امسال در بازار فراوان است",
        "آوا خواهر کوچک‌تر سارا است",
        "وضع ادارات دولتی خر تو خر است",  # an idiom: chaos
        # questions and denials around a listed phrase
        "چرا باید کودکان در این جنگ کشته شوند؟ چرا باید کشته بشن؟",
        "جای زن در آشپزخانه نیست، جای او در مجلس است",
    ],
)
def test_it_leaves_innocent_persian_news_comments_alone(text):
    assert not categories(text) & set(ABUSE), [(h.category, h.text) for h in hits(text)]


@pytest.mark.parametrize(
    "word",
    ["کس", "گه", "خائن", "حیوان", "افغانی", "عرب", "ترک", "کرد", "لر", "بلوچ", "یهودی", "بهایی",
     "سنی", "شیعه", "زن", "همجنس‌گرا", "مهاجر", "سگ", "توله سگ", "گوساله", "مرگ بر", "اعدام",
     "بی‌لیاقت", "بی‌عرضه", "دهاتی", "مفعول", "لوطی", "روسپی", "بی مادر", "عقب‌مانده"],
)
def test_words_with_innocent_senses_stay_out_of_the_persian_lexicon(word):
    assert not categories(word) & set(ABUSE)


@pytest.mark.parametrize(
    "text, category",
    [
        ("این نماینده یه دلقک به تمام معناست", "personal_attack"),
        ("برو گمشو نکبت", "personal_attack"),
        ("پیرمرد خرفت، تو چی می‌فهمی", "personal_attack"),
        ("تو واقعا خری", "personal_attack"),
        ("آدم لجن", "personal_attack"),
        ("حرفات بوی گوز میده", "vulgarity"),
    ],
)
def test_it_finds_the_mild_words_chosen_from_persian_text_guard(text, category):
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "بعد از سیل خیابان‌ها پر از گل و لجن شد",
        "شهرداری جمع‌آوری زباله را به بخش خصوصی سپرد",
        "مردم بدبخت زیر بار گرانی له شدند",
        "دکل مخابراتی روستا هنوز خراب است",
        "قیمت هویج و شلغم در بازار بالا رفت",
    ],
)
def test_the_mild_words_with_everyday_senses_stay_out(text):
    assert not categories(text) & set(ABUSE), [(h.category, h.text) for h in hits(text)]
