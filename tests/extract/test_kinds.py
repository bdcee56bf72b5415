"""Kinds from the reporting verb and cues in what was said (no parse needed: cues are given by hand)."""

from __future__ import annotations

import pytest

from saydo.extract.kinds import Cues, classify

STATE_OWN = Cues(own_side=True, state_speaker=True)
STATE = Cues(own_side=False, state_speaker=True)
OTHER = Cues(own_side=False, other_side=True, state_speaker=True)
CITIZEN = Cues(own_side=False)


@pytest.mark.parametrize("verb,content,cues,kind", [
    ("say", "we will pull our units back from the city within a day", STATE_OWN, "pledge"),
    ("say", "there is no need now for large-scale strikes", STATE, "pledge"),
    ("say", "there are no such plans for the capital today", STATE, "pledge"),
    ("promise", "to open the corridor on Friday", STATE, "pledge"),
    ("threaten", "to leave the agreement unless the sanctions go", STATE, "pledge"),
    ("say", "we call on the other side to respect the truce", STATE_OWN, "demand"),
    ("urge", "residents to stay in shelters", STATE, "demand"),
    ("deny", "that its aircraft struck the market", STATE, "denial"),
    ("say", "the accusations have nothing to do with reality", STATE, "denial"),
    ("say", "if there had been no invasion, there would be no hunger in the region", STATE, "opinion"),
    ("say", "I don't trust them at all", CITIZEN, "opinion"),
    ("say", "they will attack again as soon as they regroup", OTHER, "opinion"),
    ("say", "the bridge was destroyed overnight", STATE, "claim"),
    ("say", "we are pulling our columns back to the camps", STATE_OWN, "pledge"),
    ("say", "if the shelling goes on, we'll have to push the front line back", STATE_OWN, "pledge"),
    ("say", "they will have to answer for this", OTHER, "demand"),
    ("demand", "guarantees that our ships would not be attacked in the corridor", STATE_OWN, "demand"),
    ("say", "both sides are invited not to fire on the coastal towns", STATE_OWN, "pledge"),
    ("say", "as a goodwill gesture our troops withdrew from the bridgehead", STATE_OWN, "pledge"),
    ("say", "our troops withdrew from the bridgehead after heavy losses", STATE_OWN, "claim"),
])
def test_kinds_from_verb_and_cues(verb, content, cues, kind):
    assert classify(verb, content, cues) == kind


def test_kinds_private_plans_are_not_pledges():
    assert classify("say", "we will leave for Lviv tomorrow", Cues(own_side=True)) != "pledge"
