import pytest

from pipelines.nlp.normalize import tokenize
from pipelines.nlp.numbers import find_quantities, parse_arabic_number


@pytest.mark.parametrize("text,value", [
    ("2500", 2500), ("٢٥٠٠", 2500), ("2,500", 2500), ("2.500", 2500), ("٢٬٥٠٠", 2500),
    ("ألفي", 2000), ("ألفين", 2000), ("مئتي", 200), ("مائة", 100),
    ("ثلاثة آلاف وخمسمائة", 3500), ("12 ألفا و500", 12500), ("1.5 مليون", 1_500_000),
    ("9.5 مليون", 9_500_000), ("عشرة آلاف", 10_000), ("ستة ألاف", 6000), ("خمسة وعشرون ألفا", 25_000),
    ("ثلاثة عشر", 13), ("150 الف", 150_000), ("12.500", 12_500),
    ("اثني عشر ألف", 12_000), ("اثنا عشر ألفا", 12_000), ("أحد عشر ألفا", 11_000), ("إحدى عشرة", 11),
    ("نصف مليون", 500_000), ("ربع مليون", 250_000), ("مليون ونصف", 1_500_000), ("مليون و نصف", 1_500_000),
    ("ألف ونصف", 1500), ("ألفين ونصف", 2500), ("مليونين ونصف", 2_500_000), ("مليون ونصف المليون", 1_500_000),
])
def test_parse_arabic_number(text, value):
    assert parse_arabic_number(text) == value


@pytest.mark.parametrize("text", ["نصف", "نصف القوات", "ونصف", "أحد الجنود", "اثني"])
def test_a_fraction_without_a_scale_is_no_number(text):
    assert parse_arabic_number(text) is None
    assert find_quantities(tokenize(text)) == []


@pytest.mark.parametrize("text,value", [
    ("قرابة نصف مليون جندي", 500_000),
    ("يوجد في محافظة تعز(16) ألف ضابط وجندي", 16_000),  # real SaudiNewsNet: a bracketed figure and its scale
])
def test_a_fraction_of_a_scale_after_a_qualifier(text, value):
    assert _q(text).count == value


def _q(text):
    qs = find_quantities(tokenize(text))
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize("text,count,low,high,approx", [
    ("نحو 2500 جندي", 2500, None, None, True),
    ("حوالى 2500 جندي", 2500, None, None, True),
    ("قرابة ثلاثة آلاف مقاتل", 3000, None, None, True),
    ("ما يقارب 3500 جندي", 3500, None, None, True),
    ("أكثر من 20 ألف جندي", 20000, 20000, None, True),
    ("ما لا يقل عن 30 ألف رجل", 30000, 30000, None, True),
    ("أقل من 500 جندي", 500, None, 500, True),
    ("بين 3000 و5000 جندي", None, 3000, 5000, True),
    ("ما بين 5 آلاف إلى 6 آلاف مقاتل", None, 5000, 6000, True),
    ("عشرات الآلاف من المقاتلين", None, 20000, 99999, True),
    ("مئات عناصر القوات", None, 200, 999, True),
    ("آلاف المقاتلين", None, 2000, 9999, True),
    ("عشرات الجنود", None, 20, 99, True),
    ("بضعة ملايين", None, 2_000_000, 9_999_999, True),
    ("3000 جندي", 3000, None, None, False),
])
def test_quantities_bounds_and_approximation(text, count, low, high, approx):
    q = _q(text)
    assert (q.count, q.low, q.high, q.approximate) == (count, low, high, approx)


def test_a_dual_thousand_opens_a_number_and_a_percentage_hundred_counts_nothing():
    assert parse_arabic_number("ألفا جندي") == 2000  # dual in construct
    assert parse_arabic_number("12 ألفا") == 12000  # accusative after a number
    toks = tokenize("هناك نحو 60 في المائة من المقاتلين الأجانب، وارتفع العدد 5 بالمئة، وأرسلت مائة جندي")
    assert [q.count for q in find_quantities(toks)] == [60, 5, 100]


@pytest.mark.parametrize("text,low,high", [
    ("ما بين ألفين وثلاثة آلاف جندي", 2000, 3000),  # the second number has its own scale: not 5000
    ("بين 3 آلاف و5 آلاف جندي", 3000, 5000),
    ("من 3 إلى 5 آلاف جندي", 3000, 5000),  # the first number shares the scale of the second
])
def test_a_range_of_two_numbers_with_scales(text, low, high):
    [q] = find_quantities(tokenize(text))
    assert (q.count, q.low, q.high, q.approximate) == (None, low, high, True)


@pytest.mark.parametrize("text", ["أزيد من 3000 جندي", "يربو على 3000 جندي", "بتعداد ما يتجاوز 3000 جندي",
                                  "قوام الجيش يتجاوز 3000 جندي", "عدد العناصر تتخطى 3000 عنصر"])
def test_more_than_in_other_words(text):
    [q] = find_quantities(tokenize(text))
    assert (q.count, q.low, q.high, q.approximate) == (3000, 3000, None, True)


def test_a_smaller_term_after_a_scale_still_adds():
    assert [parse_arabic_number(t) for t in ("مليون وثلاثمائة ألف", "ألفين وخمسمائة", "12 ألفا و500")] == [
        1_300_000, 2500, 12_500]


def test_will_not_exceed_is_at_most():
    [q] = find_quantities(tokenize("لن يتجاوز 3000 عسكري"))
    assert (q.count, q.low, q.high, q.qualifier) == (3000, None, 3000, "at_most")


@pytest.mark.parametrize("text,low,high", [
    ("تنشر أمريكا من 9 إلى 12 ألف جندي", 9000, 12000), ("من 10 إلى 2000 جندي", 10, 2000),
    ("ما بين 8 و12 ألف جندي", 8000, 12000), ("ما بين ألفا إلى ثلاثة آلاف جندي", 1000, 3000),
])
def test_a_range_takes_the_scale_word_of_its_second_number_only(text, low, high):
    [q] = find_quantities(tokenize(text))
    assert (q.low, q.high) == (low, high)


def test_alfan_is_one_thousand_before_a_preposition_or_others_and_not_equal_is_at_most():
    assert [q.count for q in find_quantities(tokenize("قتل ألفا في المعارك وجرح ألفا آخرين"))] == [1000, 1000]
    [q] = find_quantities(tokenize("ولن يتجاوز 900 جندي"))
    assert (q.count, q.high, q.qualifier) == (900, 900, "at_most")


@pytest.mark.parametrize("text,low,high", [
    ("ويقدر عددهم بين 700 وألف عسكري", 700, 1000),
    ("ما بين خمسمائة وألف جندي", 500, 1000),
])
def test_a_thousand_joined_by_waw_ends_a_range_instead_of_multiplying(text, low, high):
    [q] = find_quantities(tokenize(text))
    assert (q.count, q.low, q.high) == (None, low, high)
    # a smaller term after a scale still adds
    assert parse_arabic_number("ثلاثة آلاف وخمسمائة") == 3500


@pytest.mark.parametrize("text,low,high", [
    ("تحتفظ بما بين خمسمئة وثمانمئة عسكري", 500, 800),  # read as one sum, 1300, before
    ("ما بين ثلاثمائة وأربعمائة مقاتل", 300, 400),
])
def test_two_hundreds_joined_by_waw_are_the_two_ends_of_a_range(text, low, high):
    [q] = find_quantities(tokenize(text))
    assert (q.count, q.low, q.high) == (None, low, high)
    # tens, units and a scale's remainder after a hundred still add
    assert [parse_arabic_number(t) for t in ("خمسمئة وخمسون", "ألف وثمانمئة", "مئتين وخمسين")] == [550, 1800, 250]


def test_a_dash_between_two_numbers_is_a_range_but_not_between_two_years():
    from pipelines.nlp.normalize import tokenize

    [q] = find_quantities(tokenize("كان به ما بين 150- 200 عسكري"))
    assert (q.count, q.low, q.high, q.approximate) == (None, 150, 200, True)
    [q] = find_quantities(tokenize("ينتشر 3000-5000 جندي"))
    assert (q.low, q.high) == (3000, 5000)
    assert [q.count for q in find_quantities(tokenize("خلال الفترة 2014-2015"))] == [2014, 2015]


def test_a_qualifier_whose_short_first_word_carries_the_conjunction():
    toks = tokenize("في العراق وما يقارب 900 في سوريا")
    [q] = find_quantities(toks)
    assert (toks[q.start_tok].text, q.count, q.qualifier) == ("وما", 900, "approx")
    [q] = find_quantities(tokenize("وما يزيد على 40 ألفا"))
    assert (q.low, q.qualifier) == (40000, "more_than")


def test_a_unit_joined_to_a_unit_is_the_next_number_of_a_range():
    # "بين ستة وسبعة آلاف" is 6,000 to 7,000, not 13,000; a unit joined to tens ("ستة وسبعين") stays one number
    [q] = find_quantities(tokenize("بما بين ستة وسبعة آلاف مقاتل"))
    assert (q.count, q.low, q.high) == (None, 6000, 7000)
    [q] = find_quantities(tokenize("نحو ستة وسبعين ألف جندي"))
    assert q.count == 76000
    [q] = find_quantities(tokenize("ثلاثمئة وخمسة جنود"))
    assert q.count == 305


def test_a_comparing_verb_before_the_size_it_compares():
    def bounds(text):
        return [(q.count, q.low, q.high, q.qualifier) for q in find_quantities(tokenize(text))]

    assert bounds("التي يقل عدد أفرادها عن ألفي جندي") == [(2000, None, 2000, "less_than")]
    assert bounds("يفوق عدد جنودها المنتشرين في مختلف البعثات 1700 جندي") == [(1700, 1700, None, "more_than")]
    assert bounds("لا يتجاوز عددهم 500 جندي") == [(500, None, 500, "at_most")]
    assert bounds("تقل عن 300 عنصر") == [(300, None, 300, "less_than")]
    # not across a clause, nor when no size comes between the verb and the number
    assert bounds("يتجاوز الخطر، ونشر 400 جندي") == [(400, None, None, None)]
    assert bounds("يزيد التوتر بين 300 و500 جندي") == [(None, 300, 500, "range")]


def test_the_comparing_verb_stays_within_the_mens_size():
    def bounds(text):
        return [(q.count, q.low, q.high, q.qualifier) for q in find_quantities(tokenize(text))]

    assert bounds("أن تزيد عدد جنودها في بولندا إلى 10 آلاف جندي") == [(10000, None, None, None)]
    assert bounds("قوة لا تقل عن 3 آلاف جندي") == [(3000, 3000, None, "at_least")]
    assert bounds("على ألا يتجاوز عدد القوات الأمريكية 2500 جندي") == [(2500, None, 2500, "at_most")]
    assert bounds("لم يعد يتجاوز عددهم 1000 جندي") == [(1000, None, 1000, "at_most")]
    assert bounds("سفينة تقل عددا من الآليات و300 جندي")[-1] == (300, None, None, None)
    assert bounds("التي يتجاوز عدد سكانها المليون نسمة ينتشر 3000 جندي")[-1] == (3000, None, None, None)


def test_session_23_thousand_after_a_preposition_duals_in_construct_and_past_comparing_verbs():
    def read(text):
        return [(q.count, q.low, q.high, q.qualifier) for q in find_quantities(tokenize(text))]

    # "بألف و200": one thousand behind its preposition, then its smaller term (not 200 alone)
    assert read("عززت القيادة قطعاتها بألف و200 مقاتل") == [(1200, None, None, None)]
    assert read("بدأت بألف جندي") == [(1000, None, None, None)]
    assert read("دعمتها بآلاف المقاتلين") == [(None, 2000, 9999, None)]  # "آلاف" stays vague
    # the nominative dual in construct: "مئتا عنصر"، "مليونا جندي" (but "12 مليونا" is twelve million)
    assert read("يتمركز فيها مئتا عنصر") == [(200, None, None, None)]
    assert read("يضم الجيش مليونا جندي") == [(2000000, None, None, None)]
    assert read("12 مليونا من السكان")[0][0] == 12000000
    # the past of a comparing verb before the number bounds it
    assert read("عدد العسكريين الذين غادروا تجاوز ألفين وخمسمئة عسكري") == [(2500, 2500, None, "more_than")]
    # ... after its subject: at the head of its clause the men are its subject ("crossed")
    assert read("وتجاوز 300 جندي السياج") == [(300, None, None, None)]
    assert read("فاق عدد جنودها ألفي جندي") == [(2000, 2000, None, "more_than")]
