"""The briefing scored by the pyramid method (tests/pyramid.py) on every corpus with a facts
file: the seeds, the quake corpus and the third corpus. Prints the table; fails when a score
falls below its floor (FLOORS), raised as the briefing gets better and never lowered without
saying why. The issue's targets: every fact of 3+ stories stated, 80 % of a stated fact's
stories linked, no hanging takeaway, no repeat, no timeline contradiction; the precision of the
links is held too, so that linking more cannot mean linking anything.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PROJECT, build_quietly
from pyramid import score, table

TESTS = Path(__file__).parent
# corpus → (facts of 3+ stories stated, share of stories linked, share of "also reported in" links
# on a paragraph of the fact, most hanging, repeats, contradictions)
# Link precision 0.5 → 0.45 (seeds) and 0.45 → 0.4 (Beirut) when topic sections came to be drawn by
# agreeing evidence (briefing/topical.py): their leads changed, and the new ones (Beirut's emergency
# lead «… أعلنت … العاصمة "مدينة منكوبة"») are echoed by stories describing the stricken city
# without the declaration the label lists; the share of stories linked rose (seeds 64 → 69.7 %).
# Seeds linked 0.69 → 0.66 when a later piece of a long sentence stopped telling a fact alone
# («من أجل الحفاظ على الشراكة مع العراق، ويٌساهم …» opened mid-sentence); its precision rose 50 → 55 %.
# Beirut linked 0.82 → 0.8 and its precision floor 0.4 → 0.55 when a story "also reports" a
# statement only if its sentence is at least ALSO_SHARE as alike as the closest one: 83 → 80.5 %
# of the stories linked, 41 → 58 % of the links on a labelled paragraph.
FLOORS = {
    "seeds": (9 / 10, 0.66, 0.45, 0, 0, 0),
    "quake": (1.0, 0.75, 0.6, 0, 0, 0),
    "beirut-blast": (13 / 15, 0.8, 0.55, 0, 0, 0),
}
BEIRUT = TESTS / "corpora" / "beirut-blast"


@pytest.fixture(scope="module")
def beirut_output(tmp_path_factory) -> Path:
    """The third corpus (tests/corpora/beirut-blast: 14 real reports of the 4 August 2020 Beirut
    port explosion from 14 outlets, as stored, furniture and all), built with the project's templates."""
    root = tmp_path_factory.mktemp("beirut")
    for part in ("seeds", "content"):
        shutil.copytree(BEIRUT / part, root / part)
    shutil.copy2(BEIRUT / "site.yaml", root / "site.yaml")
    shutil.copytree(PROJECT / "templates", root / "templates")
    assert build_quietly(root) == 0
    return root / "output"


@pytest.fixture(scope="module")
def outputs(output, quake_output, beirut_output) -> dict[str, tuple[Path, Path]]:
    return {"seeds": (output, TESTS / "seed_facts.yaml"),
            "quake": (quake_output, TESTS / "corpora" / "quake" / "facts.yaml"),
            "beirut-blast": (beirut_output, BEIRUT / "facts.yaml")}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_the_briefing_states_the_facts_most_outlets_report(outputs, corpus):
    built, facts = outputs[corpus]
    s = score(built, facts)
    print("\n" + table(corpus, s))
    assert not s.unresolved, "every labelled excerpt names a paragraph of its article"
    stated_floor, linked_floor, precision_floor, hanging_most, repeats_most, contradictions_most = FLOORS[corpus]
    assert (s.major_stated / s.major if s.major else 1.0) >= stated_floor - 1e-9
    assert s.link_share >= linked_floor - 1e-9
    assert s.link_precision >= precision_floor - 1e-9
    assert len(s.hanging) <= hanging_most
    assert len(s.repeats) <= repeats_most
    assert len(s.contradictions) <= contradictions_most
