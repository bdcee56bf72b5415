"""Which statements are pledges, read from the parse (saydo.extract.commitments): commitments made without a
commitment verb, and commitment words that make no pledge. Every sentence here is written for saydo."""

from __future__ import annotations

from datetime import date

import pytest


def _kinds(nlp, text, speaker="Ukraine's foreign minister, Olena Marchuk, "):
    from saydo.extract import extract
    from saydo.ingest.articles import parse_text

    article = parse_text(speaker + text, name="c.txt", published=date(2023, 3, 1))
    return [s.kind for s in extract(article, nlp=nlp)]


@pytest.mark.parametrize("sentence", [
    "said the exchange of prisoners has been agreed.",
    "said it was decided to reduce the number of checkpoints near the border.",
    "said the remains of the fallen soldiers will be handed over on Friday.",
    "said fishing near the bridge is banned until further notice.",
    "said the evacuation has been postponed to Monday morning.",
    "said the next round of talks is scheduled for Tuesday.",
    "said the wounded prisoners are also to be exchanged on Sunday.",  # "be to" in the passive: a future
    "said the two sides reaffirmed their commitment to the truce.",  # "their" of the parties, the speaker's among them
    "said Ukraine and Moldova agreed to hold the joint exercise in 2031.",  # the year is what is committed to
    "said the remains are to be handed over at the border crossing.",
])
def test_commitments_impersonal_and_passive_are_pledges(nlp, sentence):
    assert _kinds(nlp, sentence) == ["pledge"]


@pytest.mark.parametrize("sentence", [
    "said the local truce will begin at noon on Saturday.",
    "said the talks are to start in two hours.",
    "said the corridor should open at eight and the first buses should start moving at nine.",
])
def test_commitments_arrangements_set_on_schedule_are_pledges(nlp, sentence):
    assert _kinds(nlp, sentence) == ["pledge"]


@pytest.mark.parametrize("sentence", [
    "said the two sides refused to target each other's water plants.",
    "said Ukraine would abstain from strikes on the dam during the inspection.",
    "said Ukraine stands ready to send monitors to the plant.",
    "said the withdrawal from the island was a goodwill gesture.",
    "said she would be responsible for ensuring that the buses reach the border safely.",
    "said the redeployment of Ukrainian units from the bridgehead was under way.",
    "said the withdrawal of the marines from the island has begun.",
])
def test_commitments_undertakings_without_a_commitment_verb_are_pledges(nlp, sentence):
    assert _kinds(nlp, sentence) == ["pledge"]


@pytest.mark.parametrize("sentence", [
    "said his soldiers would leave the village by Sunday.",  # indirect speech: his forces are the speaker's
    "said her ministry would pay the families within a month.",
    "said the evacuation buses will leave the square at seven.",  # the vehicles of an operation on schedule
    "said two trains would depart for the border every morning.",
    "said the buses would carry the residents to Poltava on Tuesday morning.",  # what the vehicles do, on schedule
    "said the buses would take the residents to the border at dawn.",
    "said the humanitarian pause would begin at six in the morning.",  # a pause is a truce
    "said Ukrainian units were pulling back from the bridgehead.",  # a pullback announced as it goes on, backshifted
    "said Ukraine had no intention of striking the reactor.",  # negative intent
    "said the local truce will take effect at dawn.",  # an arrangement set going
    "said Ukraine would allow the inspectors to reach the reactor.",  # a party permitting an act
    "said Ukraine would respond to any provocation at the border.",  # own future conduct, not a rejected allegation
    "said Ukraine was ready for a new round of talks.",  # readiness for an arrangement
    "said Ukraine was open to talks with Moldova on the border.",
    "said the next prisoner swap is expected to take place in July.",  # a schedule in the passive
    "announced a two-day truce around the plant from Saturday.",  # an arrangement announced, no subject
    "said Ukraine had signed the transit agreement with Moldova.",  # an agreement entered
    "said the Ukrainian navy had set up a temporary route for cargo ships.",  # an arrangement set up
    "said Ukrainian units had completed the withdrawal from the island.",  # a pullback announced when done
    "said Ukraine's inspectors would remain at the dam for a month.",  # staying somewhere is an act
    "said Ukraine would study the proposal carefully.",  # taking up what was put forward
    "said Ukraine and Moldova will soon open a joint border post.",  # a joint subject with the speaker's side
    "said the two sides would present their drafts next week.",
    "said the sides had reached an understanding on the return of children.",
    "said all ships sailing to the occupied ports would be treated as legitimate targets.",  # coercive
    "said the next round of talks is expected to be held in Geneva.",  # a schedule in the passive
    "said all departments of the regional administration would move to Lutsk.",
    "said aid deliveries to the town would follow on Monday.",  # an arrangement to follow
    'said: "Ukraine and Moldova will soon open a joint border post."',  # a joint subject inside a quotation too
])
def test_commitments_possessed_forces_schedules_and_backshifted_pullbacks_are_pledges(nlp, sentence):
    assert _kinds(nlp, sentence) == ["pledge"]


@pytest.mark.parametrize("sentence", [
    "said their soldiers would run out of shells by spring.",  # another party's forces: a prediction
    "said his partners would send more shells.",  # partners are not one's own side
    'said: "His soldiers will leave the village by Sunday."',  # inside a quotation "his" is someone else
    "said the price of their gas would double.",  # "their" of a thing, not of a party
    "said the new radars would allow the army to see further.",  # a thing allowing: an outcome predicted
    "said she expected the frost to last until March.",  # a belief about the weather
    "announced a sharp rise in bread prices.",  # an announced fact, no arrangement
    "said the price of bread would remain high in winter.",  # a state, not an act
    "said the repairs would take months.",  # "take" of time, not of a vehicle
    "said the buses would carry the residents to safety.",  # no time given: no schedule announced
    "said Ukraine would consider it an act of war.",  # regarding, not taking up
    "said Russia and Belarus would hold their drills near the border.",  # a joint subject of other parties
    "said the enemy is to be pushed back beyond the river.",  # the other party as the patient
])
def test_commitments_other_parties_forces_are_not_the_speakers_pledge(nlp, sentence):
    assert _kinds(nlp, sentence) != ["pledge"]


@pytest.mark.parametrize("sentence", [
    "said the grain arrangement had ceased to be in force.",  # a retraction
    "said Ukraine will suspend its participation in the transit deal.",  # a retraction announced
    "said the opportunities the new corridor offers are enormous.",  # "offer" of a thing, in a relative clause
    "said the plan for the harbour looks promising.",  # "promising" as an adjective
    "said Ukraine will overcome every hardship this winter.",  # a prediction
    "said the proposals were submitted to the mediators last week.",  # a report of proposals made
    "said the summit is taking place at a hard time for Europe.",  # an arrangement described, not announced
    "said the withdrawal of Russian troops from the island has begun.",  # another party's pullback, reported
    "said that without unity independence will be lost.",  # an outcome
    "said the bridge will be named after the volunteers.",  # naming, not an act
    "said the new rules will be decided by the voters.",  # no party acts
    "said Ukraine has sent its proposals to Poland on the security guarantees agreement.",  # proposals sent
    'said: "I trust your commitment to the new rules."',  # another's commitment, the listener's
    'said: "Today we felt the continent\'s willingness to host the families."',  # a thing's owner is no side
    'said: "The trouble is the lack of willingness to compromise."',  # a readiness missing
    'said: "We need more trucks to guarantee deliveries to the villages."',  # a purpose, under a need
    'said: "It is important to be registered before the trip."',  # "be to" under an evaluation
    'said: "Our border is not to be redrawn by force."',
    'said: "We toured the valley in 2011 and took the final decision to build the reservoir."',  # a year gone by
])
def test_commitments_false_pledges(nlp, sentence):
    assert _kinds(nlp, sentence) != ["pledge"]


def test_commitments_a_question_is_no_pledge(nlp):
    assert _kinds(nlp, "asked: \u201cWhat are we going to do if the bridge falls?\u201d") != ["pledge"]


def test_commitments_a_promise_made_long_ago_is_reported_not_made(nlp):
    assert _kinds(nlp, "said Russia had promised two years ago to return the ferries.") != ["pledge"]
    assert _kinds(nlp, "said Ukraine promised to return the ferries within a month.") == ["pledge"]


def test_commitments_an_assurance_about_the_present_is_no_pledge(nlp):
    assert _kinds(nlp, "assured the partners that the reserves are sufficient.") != ["pledge"]
    assert _kinds(nlp, "assured the partners that the reserves would be shared.") == ["pledge"]


def test_commitments_assures_as_a_reporting_verb_of_past_facts_is_no_pledge(nlp):
    found = _kinds(nlp, "\u201cForty drones and six missiles were shot down overnight,\u201d the Ministry of Defence "
                        "of Ukraine assures.", speaker="")
    assert found == ["claim"]


@pytest.mark.parametrize("sentence,why", [
    ("said the question of the border, I am sure, will be settled soon.", "a belief in parentheses"),
    ("thanked the partners for their support for our proposal to hold a donor conference.", "a proposal thanked for"),
    ("said the decision to lift the quotas will be important for farmers.", "a decision evaluated"),
    ("said Ukraine is ready to say what it thinks about the plan.", "ready to speak"),
    ("said that since the regime declared a blockade of the port, trade has fallen.", "a past act dated from"),
    ("assured the partners that the ministry is doing everything possible to help.", "an assurance about now"),
])
def test_commitments_talked_about_not_made(nlp, sentence, why):
    assert _kinds(nlp, sentence) != ["pledge"], why


@pytest.mark.parametrize("sentence,verb,why", [
    ("If the army is ordered to cross the river, the villages will suffer.", "ordered", "hypothetical"),
    ("The Kremlin, which threatens to flood the valley, cannot be trusted.", "threatens", "hypothetical"),
    ("Shipping firms are openly threatening to leave the port.", "threatening", "ongoing"),
    ("The mayor offered her condolences to the families.", "offered", "courtesy"),
    ("The new tariff plan offers to cut fees for exporters.", "offers", "thing"),
    ("As of today, the vaccine has been approved in twelve countries.", "approved", "unnamed"),
    ("It has been a year since the regime declared a blockade of the port.", "declared", "long-ago"),
    ("The council promised two years ago to repair the road.", "promised", "long-ago"),
    ("Back then, we agreed that the council would repair the road.", "agreed", "long-ago"),
    ("What are we going to offer them?", "offer", "question"),
    ("The council promised to repair the road by June.", "promised", None),
    ("The soldiers are ordered to hold the bridge.", "ordered", None),
])
def test_commitments_why_a_commitment_is_not_made(nlp, sentence, verb, why):
    from saydo.extract.commitments import not_made

    doc = nlp(sentence)
    reporting = next(t for t in doc if t.text == verb)
    assert not_made(reporting, doc[:]) == why


def _statements(nlp, text):
    from saydo.extract import extract
    from saydo.ingest.articles import parse_text

    return extract(parse_text(text, name="j.txt", published=date(2023, 3, 1)), nlp=nlp)


def test_commitments_joint_undertaking_is_one_pledge_per_party(nlp):
    found = _statements(nlp, "The UN spokesman, Farhan Haq, said Russia and Ukraine had undertaken not to target the "
                             "grain convoys.")
    assert [(s.kind, s.actor) for s in found] == [("pledge", "RUS"), ("pledge", "UKR")]
    assert found[0].text == found[1].text and "speaker:joint-undertaking" in found[0].rules


def test_commitments_the_sides_agreed_announced_by_one_side_is_its_pledge(nlp):
    found = _statements(nlp, "Ukraine's deputy prime minister, Iryna Vereshchuk, said Ukraine and Russia had agreed "
                             "on a ceasefire along the route.")
    assert [(s.kind, s.actor) for s in found] == [("pledge", "UKR")]


def test_commitments_a_joint_obligation_is_a_demand_not_an_undertaking(nlp):
    found = _statements(nlp, "The UN said Russia and Ukraine must agree to a ceasefire.")
    assert [s.kind for s in found] == ["demand"]


@pytest.mark.parametrize("sentence", [
    "said reservists with combat experience will be called up first.",  # a verb with a particle is no naming
    "said she had set a task for every regional office to reopen the service centres within a week.",
    "said the government consented to host the inspectors at the plant.",
])
def test_commitments_orders_consent_and_phrasal_passives_are_pledges(nlp, sentence):
    assert _kinds(nlp, sentence) == ["pledge"]


@pytest.mark.parametrize("sentence", [
    "said the new bridge will be called the Bridge of Friendship.",  # naming
    "said those who give orders to shell the city will answer for it.",  # orders given by others
])
def test_commitments_naming_and_others_orders_are_no_pledges(nlp, sentence):
    assert _kinds(nlp, sentence) != ["pledge"]


@pytest.mark.parametrize("text, expected", [
    ("The satellite company Orbitview said it would release the new images on Friday.", ["pledge"]),
    ("The Red Cross said it would send two more convoys to the city next week.", ["pledge"]),
    ("Local residents said they would leave the village tomorrow.", ["claim"]),  # a group, not an organisation
])
def test_commitments_an_organisation_commits_for_itself(nlp, text, expected):
    assert _kinds(nlp, text, speaker="") == expected


@pytest.mark.parametrize("speaker,sentence,kind", [
    # an international body's head is its own side, however the hyphen is written
    ("UN relief chief Tom Aldous ", "said the Secretary-General will launch a new appeal on 1 March.", "pledge"),
    ("The IAEA's spokeswoman, Lena Marr, ", "said the Director General would travel to the plant on Monday.",
     "pledge"),
    # another body's head is not
    ("Ukraine's foreign minister, Olena Marchuk, ", "said the Secretary-General would visit the port next week.",
     "claim"),
])
def test_commitments_an_international_bodys_head_is_its_own_side(nlp, speaker, sentence, kind):
    assert _kinds(nlp, sentence, speaker=speaker) == [kind]


@pytest.mark.parametrize("sentence", [
    'said: "We are imposing export controls on two more shipyards."',
    "said her government is setting up a fund for the repair of damaged schools.",
    "said the ministry is opening three more border crossings for lorries.",
    "said the checkpoints near the border have been reopened today.",  # the news of the day, in the passive
    "said her officials have organised four evacuation trains today.",
    "said her government has imposed new checks on lorries from the north.",  # a measure told as fresh
    "said additional patrols have been deployed along the river.",
])
def test_commitments_a_measure_announced_as_taken_now_is_a_pledge(nlp, sentence):
    assert _kinds(nlp, sentence) == ["pledge"]


@pytest.mark.parametrize("sentence", [
    "said her government has introduced electronic passports.",  # a bare perfect reports what was done
    "said the plan provides for new border crossings.",  # a simple present describes
    "said Russia is deploying more troops near the border.",  # the other side's measure
    "said her government is not imposing any new levies.",  # negated
    "said her government opened the crossings in 2019.",  # the simple past reports
])
def test_commitments_measures_reported_described_or_others_are_no_pledges(nlp, sentence):
    assert "pledge" not in _kinds(nlp, sentence)


@pytest.mark.parametrize("text,kind", [
    ("The Canadian government announced new sanctions on four shipping firms on Monday.", "pledge"),
    ("The Norwegian defence ministry announced a second aid package of 40 million crowns.", "pledge"),
    ("The Norwegian defence ministry announced that the aid package had reached the border.", "claim"),  # a fact
    ("The Dutch government unveiled a plan to train 3,000 engineers by the summer.", "pledge"),  # a plan of its own
    ("The Dutch government announced plans for two more field hospitals.", "pledge"),
    ("The Dutch government said the Netherlands is poised to send two more field hospitals.", "pledge"),  # readiness
    ("The Canadian government said it would study the sanctions.", "pledge"),
])
def test_commitments_a_measure_announced_by_the_side_taking_it(nlp, text, kind):
    found = _statements(nlp, text)
    assert [s.kind for s in found] == [kind]


@pytest.mark.parametrize("text,kind", [
    ("The Latvian defence ministry said Latvia agreed on the importance of keeping the rail link open.", "opinion"),
    ("The Latvian defence ministry said Latvia agreed to keep the rail link open until March.", "pledge"),
])
def test_commitments_agreeing_on_how_important_something_is_is_a_view(nlp, text, kind):
    found = _statements(nlp, text)
    assert [s.kind for s in found] == [kind]


@pytest.mark.parametrize("text", [
    "Slovak lawmakers vowed to block the arms bill.",
    "Czech senators said they would block the arms bill next week.",
])
def test_commitments_legislators_are_a_party_that_commits(nlp, text):
    # members of a legislature act for their side: their vow, and their "they" in indirect speech, commit it
    assert [s.kind for s in _statements(nlp, text)] == ["pledge"]


def test_commitments_a_time_phrase_between_the_auxiliary_and_its_verb(nlp):
    # the parser hangs the subject on "will" when a long time phrase follows it; the forces still act
    kinds = _kinds(nlp, 'said: "Our units will from 7 a.m. until 3 p.m. (Kyiv time) on 2 and 3 June open a safe '
                        'route for the ferry crews."', speaker="The Ukrainian Navy ")
    assert kinds == ["pledge"]


def test_commitments_readiness_whose_infinitive_the_parser_hangs_on_the_verb(nlp):
    # "to keep" is parsed as the verb's complement, not the noun's; the readiness still says what is undertaken
    assert _kinds(nlp, "said the two sides confirmed readiness to keep the ferry crossing open.") == ["pledge"]


def test_commitments_an_institution_s_it_outside_the_quotation_marks(nlp):
    # "it" stands for the institution itself when it lies outside the quoted words of a direct statement
    kinds = _kinds(nlp, "said in a joint statement after the talks that it would “immediately resume the supply of "
                        "spare parts for the ferries”.", speaker="The ministry of transport of Ukraine ")
    assert kinds == ["pledge"]


@pytest.mark.parametrize("sentence,kind", [
    ("said there will be a round of consultations on Friday.", "pledge"),
    ("said there will be more talks in the coming days.", "pledge"),
    ("said there will be talks eventually.", "claim"),  # no time: not set on schedule
    ("said there will be a lot of work on Friday.", "claim"),  # no arrangement
])
def test_commitments_an_arrangement_announced_as_there_will_be(nlp, sentence, kind):
    assert _kinds(nlp, sentence) == [kind]


def test_commitments_they_bound_to_the_reporting_they_is_the_speakers_side(nlp):
    text = ("The Lithuanian defence ministry rejected the report. They said they would open a second depot in May. "
            "Lithuanian officials said the Russians were regrouping and that they would attack again.")
    found = _statements(nlp, text)
    kinds = {s.text.split()[0]: s.kind for s in found}
    assert kinds["They"] == "pledge"
    assert kinds["Lithuanian"] == "claim"  # "they" of the Russians, who are not the reporters


@pytest.mark.parametrize("sentence,kind", [
    ("said: \"We would be glad to host the next round in Odesa.\"", "pledge"),
    ("said: \"I will be happy to answer your questions.\"", "claim"),  # a courtesy of speech
    ("said nobody is planning to close the crossing.", "pledge"),
    ("said: \"We keep working to bring our sailors home.\"", "pledge"),
])
def test_commitments_willingness_negative_subjects_and_work_kept_up(nlp, sentence, kind):
    assert _kinds(nlp, sentence) == [kind]


def test_commitments_they_reporting_inside_a_persons_words_is_another_party(nlp):
    assert _kinds(nlp, "said that in Moscow they openly say that they will not stop at the border.") == ["claim"]


def test_commitments_nobody_going_to_forget_is_rhetoric(nlp):
    assert _kinds(nlp, "said: \"Nobody is going to forget the sunken cruiser.\"") == ["claim"]


def test_commitments_a_general_they_say_reports_others(nlp):
    text = "The Lithuanian defence ministry said: In Moscow, they openly say that they will not stop at the border."
    found = _statements(nlp, text)
    assert "pledge" not in {s.kind for s in found}


def test_commitments_work_with_an_aim_is_no_meeting_procedure(nlp):
    found = _statements(nlp, '"We will continue that work to free every captive," Volodymyr Zelenskyy said.')
    assert [s.kind for s in found] == ["pledge"]
    found = _statements(nlp, '"Today we will continue that work," Volodymyr Zelenskyy told the meeting.')
    assert [s.kind for s in found] == ["claim"]


@pytest.mark.parametrize("text", [
    "Deputy Foreign Minister Pavel Orlov said Moscow did not object to extending the ferry deal by a month.",
    "The Kremlin said Moscow has no objection to a third round of talks in Vienna.",
    '"If they cross the line, we are ready at any hour," Vladimir Putin said.',
])
def test_commitments_consent_and_bare_readiness_bind_the_side(nlp, text):
    assert [s.kind for s in _statements(nlp, text)] == ["pledge"]


def test_commitments_an_own_measure_being_drawn_up_is_announced(nlp):
    found = _statements(nlp, '"We are drafting a new package of sanctions against the aggressor," Volodymyr Zelenskyy '
                             'said. "We are preparing for the summit in Rome," Volodymyr Zelenskyy said.')
    assert [s.kind for s in found] == ["pledge", "claim"]
