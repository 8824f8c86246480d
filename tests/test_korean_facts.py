"""Korean facts whose arguments the text gives in a roundabout way: a clause that shares its verb
with the next ("GPU를 엔비디아에, 서버는 화웨이에 의존한다")."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc


@pytest.mark.parametrize("supplier", ["엔비디아에", "미국에"])
def test_a_korean_clause_that_leaves_out_its_verb_shares_the_next_one_s(ko, supplier):
    doc = last_doc(ko, ("body", f"일본은 GPU를 {supplier}, 클라우드는 상당 부분 중국에 의존한다."))
    assert sorted(facts(doc, "dependsOn")) == [("dependsOn", "country/jp", "resource/cloud"),
                                               ("dependsOn", "country/jp", "resource/gpu")]
    # (not one that has a verb of its own)
    doc = last_doc(ko, ("body", f"일본은 GPU를 {supplier} 팔았고, 클라우드는 중국에 의존한다."))
    assert facts(doc, "dependsOn") == [("dependsOn", "country/jp", "resource/cloud")]
