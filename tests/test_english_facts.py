"""English facts whose arguments the text gives in a roundabout way: a share of what a dependence is
for ("for roughly 80 per cent of its cloud")."""

from __future__ import annotations

import pytest

from .small_kb import facts, last_doc


@pytest.mark.parametrize("share", ["roughly 80 per cent of its", "most of its", "nearly all of its", "90% of"])
def test_a_dependence_for_a_share_of_a_resource_is_on_that_resource(en, share):
    doc = last_doc(en, ("body", f"Japan relies on three US firms for {share} public-sector cloud spending."))
    assert facts(doc, "dependsOn") == [("dependsOn", "country/jp", "resource/cloud")]
