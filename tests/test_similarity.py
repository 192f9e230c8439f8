"""Whether two sentences state one fact (generator/briefing/similarity.py), on real sentences of
the seeds and the quake corpus, weighed with the key weights of their own corpus: outlets that
report one fact in different words meet; sentences on different facts of the same event do not;
a wire lede that states several facts meets each of them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.briefing.similarity import SAME_THING, Weights, key_weights, wording
from generator.text import arabic


def corpus_weights(output: Path) -> tuple[Weights, dict[str, str]]:
    """The key weights of a built corpus's sentences, and each sentence's article and paragraph."""
    articles = json.loads((output / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    sentences = {p["text"][start:end]: f'{a["slug"][:3]} {p["id"]}' for a in articles for p in a["paragraphs"]
                 for start, end in arabic.sentence_spans(p["text"])}
    return key_weights([wording(s) for s in sentences]), sentences


def likeness(weights: Weights, a: str, b: str) -> float:
    wa, wb = wording(a), wording(b)
    return weights.likeness(wa, wb)


def sentence_with(sentences: dict[str, str], words: str) -> str:
    found = [s for s in sentences if words in s]
    assert len(found) == 1, words
    return found[0]


@pytest.fixture(scope="module")
def seeds(output):
    return corpus_weights(output)


@pytest.fixture(scope="module")
def quake(quake_output):
    return corpus_weights(quake_output)


# (words of one sentence, words of another story's sentence stating the same fact)
SAME_FACT = [
    # the combat mission ends: 002 ¶13, 004 ¶5
    ("إنهاء عمل البعثة القتالية الأميركية", "المهمة القتالية ضد تنظيم داعش والتحول"),
    ("يوجد في العراق حاليا 2500 عسكري", "ولا يزال حوالى 2500 عسكري"),  # 2,500 troops: 002 ¶11, 004 ¶12
    ("ترغب إدارة بايدن في وجود قوة أمنية أقوى", "رؤية قوة أمنية عراقية أقوى"),  # stronger Iraqi forces: 000 ¶2, 001 ¶5
]
OTHER_FACTS = [
    ("يوجد في العراق حاليا 2500 عسكري", "مساعدات إنسانية أخرى بقيمة 155 مليون دولار"),
    ("إنهاء عمل البعثة القتالية الأميركية", "مساعدات إنسانية أخرى بقيمة 155 مليون دولار"),
    ("ترغب إدارة بايدن في وجود قوة أمنية أقوى", "كما طلبت إدارة بايدن 448 مليون دولار"),
]


@pytest.mark.parametrize("one, other", SAME_FACT)
def test_outlets_reporting_one_fact_in_their_own_words_meet(seeds, one, other):
    weights, sentences = seeds
    assert likeness(weights, sentence_with(sentences, one), sentence_with(sentences, other)) >= SAME_THING


@pytest.mark.parametrize("one, other", OTHER_FACTS)
def test_sentences_on_other_facts_of_the_event_do_not(seeds, one, other):
    weights, sentences = seeds
    assert likeness(weights, sentence_with(sentences, one), sentence_with(sentences, other)) < SAME_THING


def test_a_lede_stating_several_facts_meets_each_in_a_clause(quake):
    """AFP's lede gives the toll and the rescue; Reuters states the rescue in a sentence of its own."""
    weights, sentences = quake
    lede = next(s for s in sentences if "ارتفعت حصيلة الزلزال" in s and "فرق الإنقاذ" in s)
    rescue = sentence_with(sentences, "إن فرق الإنقاذ المغربية تعمل")
    wa, wb = wording(lede), wording(rescue)
    assert weights.cosine(wa.keys, wb.keys, weights.norms(wa)[0], weights.norms(wb)[0]) < SAME_THING
    assert likeness(weights, lede, rescue) >= SAME_THING


def test_the_same_words_in_other_forms_are_one_key():
    """Clitics and the Snowball stem: «القتالية», «قتالية» and «والقتالية» are one word."""
    assert wording("انتهاء المهمة القتالية في العراق").words & wording("إنهاء مهمة قتالية").words
    assert wording("والقتالية").words == wording("القتالية").words == wording("قتالية").words


def test_weighing_pairs_at_once_gives_what_weighing_each_gives(seeds):
    """The echo search weighs a million pairs as sparse rows (``echoes.alike_pairs``): every pair of
    the seeds' sentences, clauses and all, gets the likeness ``alike`` gives it one by one."""
    import numpy as np

    from generator.briefing.echoes import alike_pairs, sentence_rows
    weights, sentences = seeds
    profiles = [weights.profile(wording(s)) for s in sentences]
    a, b = (x.ravel() for x in np.triu_indices(len(profiles), k=1))
    at_once = alike_pairs(sentence_rows(weights, profiles), a, b)
    one_by_one = np.array([weights.alike(profiles[i], profiles[j]) for i, j in zip(a, b)])
    assert (one_by_one >= SAME_THING).sum() > len(profiles)  # many pairs alike: a real test
    assert np.allclose(at_once, one_by_one, rtol=1e-9, atol=1e-12)
    whole = np.array([weights.cosine(profiles[i].keys, profiles[j].keys, profiles[i].norm, profiles[j].norm)
                      for i, j in zip(a, b)])
    assert (one_by_one > whole + 1e-9).sum() > 10  # the clause path is exercised, not only the whole sentences
