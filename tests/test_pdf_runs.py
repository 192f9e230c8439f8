"""The runs of a right-to-left PDF line that extraction emitted in reverse order are put back.

Real lines from seed 003 (a PDF extraction) are repaired to the exact text of the printed page;
ordinary lines of the other seeds and of the development set's real texts are left untouched,
and so is a line no order of whose runs is clearly better than another.
"""
from __future__ import annotations

import pytest

from conftest import PROJECT
from generator.clean.cleaner import build_lexicon, clean, rule_named
from generator.clean.draft import Draft, split_lines
from generator.read.ingest import read_article

SEEDS = sorted((PROJECT / "seeds").glob("*.txt"))
DEVSET = sorted((PROJECT / "tests" / "devset" / "articles").glob("*.txt"))
PDF_SEED = next(p for p in SEEDS if p.name.startswith("003_"))

fold = rule_named("fold_characters")
reorder = rule_named("reorder_pdf_runs")


def prepared(text: str, lexicon=frozenset()) -> Draft:
    """A draft as the rule meets it: the text's lines, characters folded."""
    return fold(Draft(split_lines(text), lexicon=lexicon))


def changed_lines(before: Draft, after: Draft) -> dict[int, str]:
    return {b.first: a.text for b, a in zip(before.lines, after.lines) if a.text != b.text}


@pytest.fixture(scope="module")
def seed_lexicon():
    return build_lexicon(p.read_text(encoding="utf-8") for p in SEEDS)


@pytest.fixture(scope="module")
def pdf_seed(seed_lexicon):
    """Seed 003 before and after the rule."""
    before = prepared(PDF_SEED.read_text(encoding="utf-8"), seed_lexicon)
    return before, reorder(before)


# Source line of seed 003 → the line as printed on the page.
REPAIRED_003 = {
    # three runs, both junctions inside a word: سينار|يو, الأمر|يكي
    24: "توجهًا جديدًا لتكرار سيناريو الانسحاب مرة أخرى، كما فعل الرئيس الأمريكي السابق باراك",
    # two runs, turned where the document writes the same words in a row ("وواسعة من الكاظمي،")
    39: "الكاظمي، قد تشكل مدخلاً لدور أمريكي أكثر فاعلية في الساحة العراقية",
    # two runs each, turned where they meet: the document writes "الإقليمية والدولية"
    44: "والأطراف الإقليمية والدولية من جهة أخرى، بسبب مركزية الحالة العراقية في البيئتين الإقليمية",
    45: "والدولية، وعلى هذا الأساس فإن المرحلة المقبلة، ستكون حاسمة في تقرير المستقبل الذي سينتظر",
    # a paragraph's first line begins a clause ("فالمقاربات", "وحتى")
    49: "فالمقاربات السياسية والإستراتيجية المعقدة التي تنتظر نتائج زيارة الكاظمي، ستكون واضحة في",
    # two runs, turned where the next line begins ("الكاظمي لواشنطن،")
    56: "الأمنية النابعة من تنظيم داعش، ومن عدم حصر السلاح بيد الدولة، ومن ثم فإن زيارة الكاظمي",
    68: "لدور أمريكي أكثر فاعلية في الساحة العراقية، خصوصًا الالتزامات المتعلقة بسلامة قواتها العسكرية",
    85: "وحتى لو تمخضت الزيارة المرتقبة للكاظمي عن وضع أسس حقيقية لعلاقات إستراتيجية متوازنة",
    # the paragraph's last line ends its sentence
    91: "عدد كوابح النجاح التي يمكن أن تقف بوجه زيارة الكاظمي لواشنطن.",
}


def test_reversed_runs_of_pdf_lines_are_put_back_in_page_order(pdf_seed):
    before, after = pdf_seed
    assert changed_lines(before, after) == REPAIRED_003


def test_line_with_three_reversed_runs_is_repaired_on_its_own():
    line = "يــكي الســابق بــاراك يو الانســحاب مــرة أخرى، كمــا فعــل الرئيــس الأمر توجهًــا جديــدًا لتكــرار ســينار"
    draft = prepared(line)
    assert reorder(draft).lines[0].text == REPAIRED_003[24]


def test_paragraph_end_tells_where_a_two_run_line_begins():
    text = ("على إنقاذ اقتصاداتها من الركود، وهو ما يزيد من\n\n"
            "يارة الكاظمي لواشنطن. عدد كوابح النجاح التي يمكن أن تقف بوجه ز\n")
    after = reorder(prepared(text))
    assert after.lines[1].text == REPAIRED_003[91]


def test_each_reordering_is_recorded_with_its_line(pdf_seed):
    before, after = pdf_seed
    received = {ln.first: ln.text for ln in before.lines}
    new = after.repairs[len(before.repairs):]
    assert {r.line: r.after for r in new} == REPAIRED_003
    for repair in new:
        assert repair.before == received[repair.line]
        assert "PDF" in repair.reason
        assert sorted(repair.before.replace(" ", "")) == sorted(repair.after.replace(" ", ""))


def test_line_with_no_clearly_better_order_is_left_as_received(pdf_seed):
    # 003 line 23: "أ|كثر" meets across the line's two ends, but nothing in the document tells
    # where the line begins ("جو بايدن" on the page); the rule keeps it as it came.
    before, after = pdf_seed
    line_23 = next(i for i, ln in enumerate(before.lines) if ln.first == 23)
    assert after.lines[line_23] == before.lines[line_23]


def test_two_run_line_with_no_neighbours_is_left_alone():
    line = "كثر من مرة بأن الولايات المتحدة أخطأت في الحرب على العراق، وهذا ما يبدو جو بايدن، أعلن أ"
    draft = prepared(line)
    assert reorder(draft).lines == draft.lines and reorder(draft).repairs == draft.repairs


def test_repair_is_idempotent(pdf_seed):
    _before, after = pdf_seed
    assert reorder(after).lines == after.lines and reorder(after).repairs == after.repairs


@pytest.mark.parametrize("path", [p for p in SEEDS if p != PDF_SEED], ids=lambda p: p.name[:3])
def test_ordinary_seed_lines_are_untouched(path, seed_lexicon):
    draft = prepared(path.read_text(encoding="utf-8"), seed_lexicon)
    assert reorder(draft) == draft


def test_real_texts_of_the_development_set_are_untouched():
    texts = [p.read_text(encoding="utf-8") for p in DEVSET]
    lexicon = build_lexicon(texts)
    touched = {p.name: changed_lines(d, reorder(d))
               for p, d in ((p, prepared(t, lexicon)) for p, t in zip(DEVSET, texts))}
    assert {name: lines for name, lines in touched.items() if lines} == {}


def test_cleaned_seed_reads_in_page_order():
    raws = [read_article(p, p.name) for p in SEEDS]
    lexicon = build_lexicon(r.text for r in raws)
    doc = clean(next(r for r in raws if r.source == PDF_SEED.name), lexicon)
    body = " ".join(b.text for b in doc.blocks)
    assert "لتكرار سيناريو الانسحاب مرة أخرى، كما فعل الرئيس الأمريكي السابق باراك أوباما" in body
    assert "تقف بوجه زيارة الكاظمي لواشنطن." in body
    assert "من جهة أخرى، بسبب مركزية الحالة العراقية في البيئتين الإقليمية والدولية، وعلى هذا الأساس" in body
    for piece in ("سينار ", " يكي ", " تقر "):
        assert piece not in f" {body} "


def test_a_function_word_meeting_the_next_line_does_not_turn_a_line():
    # Only the split word's head moved ("العرب|ية"): the line is left for repair_split_words,
    # although the document writes "أن الشتاء" — a function word meets any word.
    text = ("وقالت مصادر مطلعة إن نقص الكوادر الطبية يدفع آلاف المرضى إلى\n"
            "السفر للعلاج. وأكد باعوم في ختام اجتماع مع ممثلي جامعة الدول\n"
            "ية أن الهلال الأحمر يخطط لإقامة مخيمات جديدة قبل حلول العرب\n"
            "الشتاء.\n\n"
            "ويرى مراقبون أن الشتاء سيزيد الضغط على المراكز الصحية الأولية.\n")
    draft = prepared(text)
    assert reorder(draft).lines == draft.lines


def test_a_line_left_as_received_is_listed_for_the_editor_to_check():
    """The issue: "leave a line as received and flag it when no order is clearly better"."""
    from generator.commands.check import review_notes
    from generator.extract.article import extract

    raw = read_article(PDF_SEED, f"seeds/{PDF_SEED.name}")
    notes = review_notes(extract(clean(raw, build_lexicon([raw.text])), raw, "003"))
    assert any(note.startswith("line 23 ") and "no order is clearly better" in note for note in notes)


def test_a_reversed_line_not_from_the_seeds_is_put_back_in_order():
    """The docstring's example, written for this test: three runs, two words split at their junctions."""
    received = "يكية مع الجزائر يو جديد لتطوير العلاقات الأمر أعلن الوزير إطلاق سينار"
    after = rule_named("reorder_pdf_runs")(Draft(split_lines(received)))
    assert after.lines[0].text == "أعلن الوزير إطلاق سيناريو جديد لتطوير العلاقات الأمريكية مع الجزائر"
    assert [(r.before, r.line) for r in after.repairs] == [(received, 1)]
