"""The spaCy pipeline with saydo's components."""

from __future__ import annotations


def test_pipeline_lemmas_the_small_model_gets_wrong_are_put_right(nlp):
    doc = nlp("She hoped the talks would resume; he hopes so too, hoping for a truce. Rabbits hopped away.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope", "hope", "hop"]
