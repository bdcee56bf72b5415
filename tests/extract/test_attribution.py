"""Attribution beyond one verb per sentence: reported speech that runs on, 'This was stated by X', introductions,
quotations that lost their opening mark, and reporting clauses after the last comma. Hand-written text."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.extract import extract
from saydo.ingest.articles import parse_text


def _extract(nlp, text: str):
    article = parse_text(text, name="a.txt", published=date(2022, 4, 12))
    found = extract(article, nlp=nlp)
    assert all(article.text[s.start:s.end] == s.text for s in found)
    return article, found


def _by_start(found, words: str):
    return next((s for s in found if s.text.startswith(words)), None)


def test_attribution_reported_speech_runs_on_in_present_and_future(nlp):
    _, found = _extract(nlp, (
        "Ukraine's interior minister, Taras Melnyk, said on Monday that evacuations from Sumy would resume. "
        "The first convoy will leave the central square at nine. Shelling damaged a school overnight."))
    buses = _by_start(found, "The first convoy will leave")
    assert buses is not None and buses.speaker == "Taras Melnyk" and buses.actor == "UKR"
    assert buses.kind == "pledge"
    assert _by_start(found, "Shelling damaged") is None  # past-tense narration ends the run


def test_attribution_this_was_stated_by_gives_the_sentence_before(nlp):
    _, found = _extract(nlp, (
        "The ceasefire around Kherson will hold until Sunday evening.\n\n"
        "This was stated by Russia's deputy defence minister, Ivan Petrov, at a briefing."))
    pledge = _by_start(found, "The ceasefire around Kherson")
    assert pledge is not None and pledge.speaker == "Ivan Petrov" and pledge.actor == "RUS"
    assert pledge.kind == "pledge" and "UA-65" in pledge.places
    assert _by_start(found, "This was stated") is None


def test_attribution_he_said_this_gives_the_paragraph_before(nlp):
    _, found = _extract(nlp, (
        "Ukraine's prime minister, Marta Koval, spoke late on Sunday.\n\n"
        "Every damaged boiler house will be repaired. I have instructed the regional heads to report daily. "
        "Trains will be allowed to run at night again.\n\n"
        "She said this in her evening video address.\n\n"
        "The minister said that today the budget is tight."))
    said = [s for s in found if s.speaker == "Marta Koval"]
    assert [s.text.split()[0] for s in said] == ["Every", "I", "Trains", "The"]
    assert [s.kind for s in said[:3]] == ["pledge", "pledge", "pledge"]
    assert _by_start(found, "She said this") is None
    assert _by_start(found, "The minister said that today").text.endswith("tight.")  # "that" opens a clause here


def test_attribution_introduction_covers_following_paragraphs(nlp):
    _, found = _extract(nlp, (
        "The Ukrainian delegation has made a number of statements after the talks.\n\n"
        "A referendum on any treaty will be held first.\n\n"
        "The parliament will then vote on the treaty."))
    assert {s.speaker for s in found if s.text.startswith(("A referendum", "The parliament"))} == {
        "Ukrainian delegation"}
    assert _by_start(found, "The Ukrainian delegation has made") is None


def test_attribution_quotation_that_lost_its_opening_mark(nlp):
    _, found = _extract(nlp, (
        "Ukraine's deputy prime minister, Olha Savchenko, spoke after the talks on Tuesday.\n\n"
        "Taras Melnyk said the buses were ready.\n\n"
        "We have opened four routes today. The first convoy leaves from Enerhodar at noon,” Savchenko said."))
    routes = _by_start(found, "We have opened four routes")
    assert routes is not None and routes.speaker == "Olha Savchenko" and routes.quote == "direct"
    assert _by_start(found, "Taras Melnyk said").speaker.endswith("Melnyk")


def test_attribution_reporting_clause_after_last_comma(nlp):
    _, found = _extract(nlp, (
        "Russia has declared a truce in Kherson starting at noon, the Russian defence ministry said on Monday."))
    assert found[0].speaker.lower().endswith("defence ministry") and found[0].actor == "RUS"


def test_attribution_institution_named_again_by_its_head_noun(nlp):
    _, found = _extract(nlp, (
        "“The strike on the station was carried out by the other side,” said the Russian Embassy in Turkey.\n\n"
        "The Embassy added that the photographs had been staged."))
    added = _by_start(found, "The Embassy added")
    assert added is not None and added.actor == "RUS"


def test_attribution_excerpt_cut_off_mid_sentence_is_not_a_heading(nlp):
    article, found = _extract(nlp, (
        "Evacuations resumed in the north on Wednesday.\n\n"
        "The regional governor, Petro Kravets, said the two sides agreed to open the route from Sumy at eight in the "
        "morning (local t"))
    route = _by_start(found, "The regional governor")
    assert route is not None and route.speaker == "Petro Kravets" and route.kind == "pledge"


def test_attribution_reporting_clause_hung_on_the_report_by_the_parser(nlp):
    _, found = _extract(nlp, (
        "Russia has declared a truce from noon on Friday and will open evacuation routes from Kherson, Mykolaiv, "
        "Enerhodar and Melitopol, the Russian interagency coordination staff in Ukraine said on Thursday.\n\n"
        "“The routes will stay open for two days,” the staff said."))
    assert "coordination staff" in found[0].speaker and found[0].actor == "RUS" and found[0].kind == "pledge"
    later = _by_start(found, "“The routes will stay open")
    # the same routes' hours elaborate the pledge just made (GUIDELINES.md leaves them unannotated)
    assert later is not None and later.actor == "RUS" and later.kind == "claim"
    assert "kind:claim-elaboration" in later.rules
    appos = _extract(nlp, "Kyiv is prepared to hold a vote on the treaty, Marko Hryhorenko, a member of the Ukrainian "
                          "delegation said.")[1]
    assert appos[0].speaker == "Marko Hryhorenko" and appos[0].actor == "UKR"


def test_attribution_schedule_read_out_item_by_item_runs_on(nlp):
    _, found = _extract(nlp, (
        "The Russian defence ministry said on Monday that corridors would open at ten. "
        "Some of the routes lead into Russia. "
        "From Kherson, people will be evacuated via Oleshky to Skadovsk, from where they would go on by bus. "
        "From Nova Kakhovka, people will be evacuated via one route. "
        "Buses leave from the central square. "
        "From Melitopol, people will be evacuated via Tokmak to Vasylivka, from where they would go on by train. "
        "From Enerhodar, people will be evacuated via two routes."))
    items = [s for s in found if s.text.startswith("From ")]
    assert len(items) == 4 and {s.actor for s in items} == {"RUS"} and {s.kind for s in items} == {"pledge"}


def test_attribution_introduction_survives_stray_marks_and_own_sentences(nlp):
    _, found = _extract(nlp, (
        "The Ukrainian delegation has made a number of statements after the talks.\n\n"
        "A referendum on any treaty will be held first.\n\n"
        "On the islands, the Ukrainian delegation proposes to keep talking for ten years.\n\n"
        ". During this time, both sides are asked to keep their forces away.\n\n"
        "The two presidents will meet to settle the border question."))
    meet = _by_start(found, "The two presidents will meet")
    assert meet is not None and meet.speaker == "Ukrainian delegation"


def test_attribution_one_sentence_several_speech_acts(nlp):
    _, found = _extract(nlp, (
        "Regional governor Petro Kravets said the town was shelled overnight.\n\n"
        "Later, speaking on the radio, Kravets said that the shelling went on since Russia announced it would "
        "halt its attacks and said that the water station was hit again."))
    found = found[1:]
    assert [s.speaker for s in found] == ["Petro Kravets", "Russia", "Petro Kravets"]
    assert [s.kind for s in found] == ["claim", "pledge", "claim"]
    assert found[1].text == "since Russia announced it would halt its attacks"


def test_attribution_second_complement_of_another_kind(nlp):
    _, found = _extract(nlp, (
        "The Kherson city council said on Sunday that the evacuation had been called off.\n\n"
        "Deputy mayor Ivan Lutsenko said the road was not safe.\n\n"
        "It says residents should go back to the shelters, and that buses will be provided tomorrow."))
    council = [s for s in found if s.speaker.endswith("city council")]
    assert [s.kind for s in council] == ["claim", "demand", "pledge"]
    assert council[-1].text.startswith("that buses will be provided")


def test_attribution_relayed_commitment_binds_the_party_that_made_it(nlp):
    _, found = _extract(nlp, (
        "“The route to Zaporizhzhia opens at nine. The route was officially approved by the Russian defence "
        "ministry in a letter to the Red Cross. We have the letter,” said Olha Savchenko, Ukraine's deputy prime "
        "minister."))
    approved = _by_start(found, "The route was officially approved")
    assert approved is not None and approved.actor == "RUS" and approved.kind == "pledge"
    assert "defence ministry" in approved.speaker
    refused = _extract(nlp, "Ukraine's deputy prime minister, Olha Savchenko, said Russia never approved the route.")[1]
    assert refused[0].speaker == "Olha Savchenko"


def test_attribution_an_agreement_relayed_by_another_party_is_the_agreeing_partys(nlp):
    _, found = _extract(nlp, (
        "The Turkish foreign minister, Kemal Aydin, said Russian President Vladimir Putin had agreed to let the "
        "grain ships pass. "
        "Kemal Aydin said Putin agreed with him that the talks had been hard."))
    agreed = _by_start(found, "The Turkish foreign minister")
    assert agreed.speaker == "Vladimir Putin" and agreed.actor == "RUS" and agreed.kind == "pledge"
    assert "speaker:relayed-commitment" in agreed.rules
    shared = _by_start(found, "Kemal Aydin said Putin agreed with him")
    assert shared.speaker == "Kemal Aydin"  # an opinion shared, nothing committed to
    _, found = _extract(nlp, "The Turkish foreign minister, Kemal Aydin, said the grain would be shipped at once if "
                             "Russia agreed to let the ships pass.")
    assert found[0].speaker == "Kemal Aydin"  # a condition set for another party is not its commitment


def test_attribution_a_future_told_by_another_party_is_its_commitment(nlp):
    _, found = _extract(nlp, (
        "Ukraine's foreign minister, Olena Marchuk, said Turkish President Kemal Aydin told her that he would call "
        "Moscow on Friday. "
        "Russian Foreign Minister Pavel Orlov said Kyiv had told the mediators it would not attend. "
        "Olena Marchuk said she told Aydin that Ukraine would keep the talks going."))
    call = _by_start(found, "Ukraine's foreign minister")
    assert call.speaker == "Kemal Aydin" and call.actor == "TUR" and call.kind == "pledge"
    assert "speaker:relayed-commitment" in call.rules
    absent = _by_start(found, "Russian Foreign Minister")
    assert absent.actor == "UKR" and absent.kind == "pledge"  # "it would not attend": Kyiv's own negative intent
    own = _by_start(found, "Olena Marchuk said she told")
    assert own.speaker == "Olena Marchuk"  # what the speaker herself told another: her own side's commitment


def test_attribution_a_future_of_the_tellers_state_is_the_tellers_commitment(nlp):
    # "B told C that B's state would ...": B's undertaking, relayed by A
    _, found = _extract(nlp, "Kremlin aide Pavel Orlov said Macron had told Putin that France would send experts "
                             "to the plant.")
    assert (found[0].actor, found[0].kind) == ("FRA", "pledge")
    assert "speaker:relayed-commitment" in found[0].rules
    # a third state's future told by B is not B's undertaking
    _, found = _extract(nlp, "Kremlin aide Pavel Orlov said Macron had told Putin that Germany would send experts "
                             "to the plant.")
    assert found[0].speaker == "Pavel Orlov"


def test_attribution_a_counterpart_is_the_other_side(nlp):
    # what a counterpart promised is the counterpart's commitment; his future is no commitment of the speaker's
    _, found = _extract(nlp, "The Czech foreign minister said his Slovak counterpart had promised to host the next "
                             "round.")
    assert (found[0].actor, found[0].kind) == ("SVK", "pledge")
    _, found = _extract(nlp, "The Czech foreign minister said his Slovak counterpart will send two field hospitals "
                             "next month.")
    assert not (found[0].actor == "CZE" and found[0].kind == "pledge")


def test_attribution_a_sentences_own_reporting_verb_relays_nothing(nlp):
    _, found = _extract(nlp, (
        "Ukrainian President Taras Bondar met Polish President Jan Nowak in Lviv. "
        "“Yes, it will help Ukraine a lot,” the President said."))
    assert all(s.speaker != "Taras Bondar" or "speaker:relayed-commitment" not in s.rules for s in found)
    assert not any("speaker:relayed-commitment" in s.rules for s in found)


def test_attribution_a_leaders_order_relayed_by_his_own_office_is_his(nlp):
    _, found = _extract(nlp, (
        "Russian President Vladimir Putin ordered a pause in the shelling of the port from noon on Friday, "
        "the Kremlin said. "
        "Ukraine's foreign ministry said Vladimir Putin ordered the shelling of the port."))
    order = _by_start(found, "Russian President Vladimir Putin ordered a pause")
    assert order.speaker == "Vladimir Putin" and order.kind == "pledge"
    accusation = _by_start(found, "Ukraine's foreign ministry")
    assert accusation.actor == "UKR" and accusation.kind != "pledge"  # another party's report of his order


def test_attribution_a_person_named_in_his_sides_report_speaks(nlp):
    """GUIDELINES.md: an institution and its people count as one speaker, the person named in the span is used."""
    _, found = _extract(nlp, (
        "Vladimir Putin agreed with Emmanuel Macron that the grain talks should go on, the Kremlin said on Tuesday. "
        "Putin \"stressed the need to restore the shipping lanes first,\" the Kremlin said. "
        "The Kremlin said Putin's visit to the region would take place next month. "
        "The Kremlin said Macron stressed the need for talks on the plant."))
    agreed = _by_start(found, "Vladimir Putin agreed")
    assert agreed.speaker == "Vladimir Putin" and "speaker:person-named" in agreed.rules
    assert _by_start(found, "Putin \"stressed").speaker == "Vladimir Putin"
    assert _by_start(found, "The Kremlin said Putin's visit").speaker == "Kremlin"  # no act of his is told
    assert _by_start(found, "The Kremlin said Macron").speaker == "Kremlin"  # another side's leader: a report


def test_attribution_a_speech_clause_before_the_reporting_verb_is_its_subjects(nlp):
    _, found = _extract(nlp, (
        "Two days after Moscow said that every convoy bound for the river ports would be treated as a target, "
        "the Ukrainian navy said it could defend the convoys."))
    assert [(s.speaker, s.text[:12]) for s in found] == [("Moscow", "after Moscow"), ("Ukrainian navy", "the Ukrainia")]
    _, found = _extract(nlp, "As the minister noted, Kyiv has asked its neighbours to send more observers to the "
                             "border.")
    assert len(found) == 1  # "as X noted" only says whose words the rest are


@pytest.mark.parametrize("text", [
    "\"Today we turn a page,\" Macron said after the dinner while Zelensky said Kyiv felt \"new hope\" and the "
    "ministers showed \"rare resolve\".",
    "\"The harvest will reach the ports,\" Scholz said on Monday while Erdogan said Ankara felt \"fully ready\" and "
    "the navy showed \"great skill\"."])
def test_attribution_what_follows_and_in_a_while_clause_stays_its_speakers(nlp, text):
    _, found = _extract(nlp, text)
    assert len(found) == 2 and found[1].text.startswith("while") and found[1].text.endswith("\".")


def test_attribution_a_joint_statement_gives_each_party_its_share(nlp):
    _, found = _extract(nlp, (
        "Talks in Geneva ended on Tuesday. The United States will restart radar deliveries next month, according to "
        "a joint statement the two delegations released in Geneva."))
    assert [(s.speaker, s.actor, s.kind) for s in found] == [("United States", "USA", "pledge")]
    _, found = _extract(nlp, "The weather in Geneva was mild, according to a joint statement of the two delegations.")
    assert found == []  # no party's share


def test_attribution_a_second_speech_act_with_its_own_subject_is_its_subjects(nlp):
    _, found = _extract(nlp, (
        "On Monday Lukashenko warned Lithuania of a \"firm response,\" and Shoigu has ordered the Black Sea fleet "
        "back to its bases. "
        "Moscow accused Kyiv of shelling the dam, and Ukraine denied it."))
    assert [(s.speaker, s.kind) for s in found] == [
        ("Lukashenko", "claim"), ("Shoigu", "pledge"), ("Moscow", "claim"), ("Ukraine", "denial")]
    _, found = _extract(nlp, "Zelensky stated that Ukraine would not use force in the east, but Putin must also "
                             "declare that Russia will not attack.")
    assert [s.speaker for s in found] == ["Zelensky"]  # a speech act asked for is no one's statement but his


def test_attribution_insisting_on_ones_own_future_conduct_is_an_assurance(nlp):
    _, found = _extract(nlp, (
        "Ukraine's foreign minister, Olena Marchuk, insisted that Ukraine would never trade the occupied towns "
        "for a truce. "
        "Olena Marchuk insisted that Russia must pay for the damage."))
    assert [s.kind for s in found] == ["pledge", "demand"]


def test_attribution_an_unnamed_aide_speaks_for_the_principal(nlp):
    _, found = _extract(nlp, (
        "Ukraine's foreign minister, Olena Marchuk, met the Polish foreign minister, Jan Nowicki, in Lublin. "
        "Nowicki will visit Kharkiv on Monday, his spokeswoman said. "
        "Marchuk will travel to Ankara next week, her spokesman, Taras Bondar, said."))
    visit = _by_start(found, "Nowicki will visit")
    assert visit.speaker == "Jan Nowicki" and visit.kind == "pledge"
    travel = _by_start(found, "Marchuk will travel")
    assert travel.speaker == "Taras Bondar"  # a named aide is the one named


def test_attribution_a_role_of_one_side_is_never_an_official_of_the_other(nlp):
    _, found = _extract(nlp, (
        "Russia's energy minister, Pavel Sorokin, spoke on Monday.\n\n"
        "Ukraine's energy minister said the country would buy electricity from Poland this winter."))
    buying = _by_start(found, "Ukraine's energy minister")
    assert buying.actor == "UKR" and buying.speaker != "Pavel Sorokin" and buying.kind == "pledge"


def test_attribution_they_of_the_speakers_own_group_named_before(nlp):
    _, found = _extract(nlp, (
        "The Ukrainian commander in the town, Ostap Hrytsenko, said his fighters were exhausted. "
        "Hrytsenko said they would leave the village on Sunday. "
        "Hrytsenko said the Russian troops were massing and that they would attack again."))
    assert _by_start(found, "Hrytsenko said they would leave").kind == "pledge"
    assert _by_start(found, "Hrytsenko said the Russian troops").kind != "pledge"


def test_attribution_an_official_of_no_named_side_speaks_for_the_side_that_just_spoke(nlp):
    _, found = _extract(nlp, (
        "The Russian defence ministry offered the defenders of the plant a way out on Sunday.\n\n"
        "Lt. Gen. Pavel Zorin said that all Ukrainian soldiers who lay down their arms will be guaranteed safe "
        "passage. He added that civilians will be free to leave the plant."))
    guarantee = _by_start(found, "Lt. Gen. Pavel Zorin")
    assert guarantee.actor == "RUS" and guarantee.kind == "pledge"  # not "Ukrainian", which is what he spoke of
    free = _by_start(found, "He added")
    assert free.actor == "RUS" and free.kind == "pledge"


def test_attribution_inverted_reporting_verb_with_its_speaker_as_object(nlp):
    _, found = _extract(nlp, (
        "The evacuation from the port has been postponed to Monday morning, reported the Ukrainian city council. "
        "The army left the town on Monday, reported the local newspaper. "
        "The council repaired the bridge, then informed the residents."))
    postponed = _by_start(found, "The evacuation from the port")
    assert postponed is not None and postponed.speaker == "Ukrainian city council" and postponed.kind == "pledge"
    assert "attribution:inverted" in postponed.rules
    army = _by_start(found, "The army left")
    assert army is not None and army.speaker == "local newspaper" and army.kind == "claim"
    assert _by_start(found, "The council repaired") is None  # "then informed": a narrated act, no report


def test_attribution_a_participle_that_reports_on_its_own(nlp):
    _, found = _extract(nlp, (
        "Russia's deputy defence minister Ivan Petrov said the talks had been useful, adding that Russian forces "
        "would reduce activity near the capital. "
        "Ukraine's defence ministry said a missile hit the depot, killing two workers."))
    pledge = _by_start(found, "adding that Russian forces")
    assert pledge is not None and pledge.kind == "pledge" and pledge.speaker == "Ivan Petrov"
    assert "attribution:participle" in pledge.rules
    assert _by_start(found, "Russia's deputy defence minister").kind != "pledge"
    assert len([s for s in found if "depot" in s.text or "killing" in s.text]) == 1  # no speech in "killing"
    _, found = _extract(nlp, "The Swiss president offered to host a second round in Geneva, stressing the need for a "
                             "durable truce first.")
    assert [s.text[:9] for s in found] == ["The Swiss", "stressing"]  # a participle with what it stresses


def test_attribution_two_commitments_in_one_sentence_stay_two(nlp):
    # a participle and a second "that" clause are speech acts of their own: two pledges are two commitments to check
    _, found = _extract(nlp, (
        "Moldova's prime minister Ion Ceban offered to host the next round of talks in Chisinau, adding that he "
        "would send two teams of deminers to Odesa.\n\n"
        "The Polish defence ministry said Poland would open a second crossing at Dorohusk on Monday, and that it "
        "would send extra border guards within a week."))
    assert [s.kind for s in found] == ["pledge"] * 4
    assert _by_start(found, "adding that he would send").speaker == "Ion Ceban"
    assert _by_start(found, "that it would send").actor == "POL"


def test_attribution_a_predicate_turning_to_the_future_is_a_statement_of_its_own(nlp):
    # "A and will B": the second predicate has its own future auxiliary and shares the first one's subject
    _, found = _extract(nlp, (
        "The Lithuanian foreign ministry said Lithuania welcomed the exchange of prisoners and would keep "
        "mediating between the parties.\n\n"
        "Ukraine's defence minister Oleh Savchuk said the brigades had reached the river and will hold the "
        "eastern bank through the winter."))
    assert [(s.kind, s.text.split()[0]) for s in found] == [
        ("opinion", "The"), ("pledge", "would"), ("claim", "Ukraine's"), ("pledge", "will")]
    assert found[1].actor == "LTU" and found[3].speaker == "Oleh Savchuk"


def test_attribution_a_participle_after_a_closing_quotation_mark_without_that(nlp):
    _, found = _extract(nlp, (
        'Russia\'s deputy defence minister Ivan Petrov claimed that "the first phase near the capital is over," '
        'adding Russian units were pulling back to "concentrate on the east".'))
    pledge = _by_start(found, "adding Russian units")
    assert pledge is not None and pledge.kind == "pledge" and pledge.speaker == "Ivan Petrov"
    assert "attribution:participle" in pledge.rules
    claim = _by_start(found, "Russia's deputy defence minister")
    assert claim is not None and claim.kind == "claim" and "adding" not in claim.text


def test_attribution_labelling_is_a_speech_act_of_its_own(nlp):
    _, found = _extract(nlp, (
        "Ukraine's interior minister, Taras Melnyk, labelled the attackers cowards and vowed to find every one of "
        "them."))
    vow = _by_start(found, "vowed to find")
    assert vow is not None and vow.kind == "pledge" and vow.speaker == "Taras Melnyk"
    label = _by_start(found, "Ukraine's interior minister")
    assert label is not None and label.kind != "pledge"


def test_attribution_an_outlet_citing_a_source_gives_the_source_the_words(nlp):
    _, found = _extract(nlp, (
        "The corridor will open at nine, the agency reported, citing Ukraine's defence ministry. "
        "The agency, citing the Kremlin spokesman, reported that the talks would resume on Monday. "
        "The agency reported, citing sources, that the delegations had met twice."))
    corridor = _by_start(found, "The corridor will open")
    assert corridor is not None and corridor.speaker == "Ukraine's defence ministry" and corridor.actor == "UKR"
    assert "speaker:cited" in corridor.rules
    talks = _by_start(found, "The agency, citing the Kremlin")
    assert talks is not None and talks.speaker == "Kremlin spokesman" and talks.actor == "RUS"
    unnamed = _by_start(found, "The agency reported, citing sources")
    assert unnamed is not None and unnamed.speaker == "agency"  # no one named: the outlet's report


def test_attribution_praise_and_thanks_are_speech_acts_of_their_own(nlp):
    # evaluative speech verbs (praise, hail, thank, denounce ...) report what someone said: "A praised X, while B
    # reaffirmed that ..." holds two statements, A's opinion and B's pledge, and no statement of a full stop alone
    _, found = _extract(nlp, "Ukraine\u2019s president Andriy Melnyk has praised the new aid plan, while British "
                             "Prime Minister Tom Hale reaffirmed that Britain would keep supporting Ukraine.")
    praise = _by_start(found, "Ukraine\u2019s president")
    assert praise is not None and praise.speaker == "Andriy Melnyk" and praise.kind == "opinion"
    pledge = next((s for s in found if s.speaker == "Tom Hale"), None)
    assert pledge is not None and pledge.kind == "pledge" and pledge.actor == "GBR"
    assert all(any(c.isalnum() for c in s.text) for s in found)


def test_attribution_with_a_speaker_adding_is_a_report(nlp):
    # "..., with X adding that ...": an absolute clause reporting what X said, not a reference to speech
    _, found = _extract(nlp, "The talks ended late on Friday, with Ukraine\u2019s defence ministry adding that the "
                             "bridge would reopen on Monday.")
    added = _by_start(found, "The talks ended")
    assert added is not None and added.speaker == "Ukraine\u2019s defence ministry" and added.actor == "UKR"


def test_attribution_citing_before_what_was_reported_still_names_the_source(nlp):
    # the parser hangs "citing X" on the reported clause when it stands between the verb and "that"
    _, found = _extract(nlp, "The Interfax news agency reported, citing the Russian defence ministry, that the "
                             "bridge would reopen on Monday.")
    reopen = _by_start(found, "The Interfax news agency")
    assert reopen is not None and reopen.speaker == "Russian defence ministry" and "speaker:cited" in reopen.rules


def test_attribution_evidence_cited_leaves_the_words_with_the_speaker(nlp):
    # records, figures and images cited are evidence for the speaker's own claim, not a source whose words these are
    _, found = _extract(nlp, (
        "Citing the logs of the air force command, Prime Minister Jan Nowak said the drones had crossed the border "
        "seven times. Citing figures from the health ministry, Governor Ivan Petrenko said twelve people were hurt."))
    logs = _by_start(found, "Citing the logs")
    assert logs is not None and logs.speaker == "Jan Nowak" and "speaker:cited" not in logs.rules
    figures = _by_start(found, "Citing figures")
    assert figures is not None and figures.speaker == "Ivan Petrenko"


def test_attribution_a_report_an_outlet_relays_is_the_named_speakers(nlp):
    _, found = _extract(nlp, (
        "In Moscow, the Russian defence ministry said its forces had not hit the school and instead blamed "
        "Ukrainian units, the state news agency said. "
        "Ukraine's defence ministry will open the corridor at nine, the agency said."))
    relayed = _by_start(found, "In Moscow")
    assert relayed is not None and relayed.speaker == "Russian defence ministry" and relayed.actor == "RUS"
    assert "speaker:relayed-by-outlet" in relayed.rules
    own = _by_start(found, "Ukraine's defence ministry will open")
    assert own is not None and own.speaker == "agency"  # no speech verb inside: the outlet's own report


def test_attribution_the_institution_named_again_is_the_latest_of_its_kind(nlp):
    _, found = _extract(nlp, (
        "Russia's defence ministry said its units had left the village on Tuesday. "
        "Hundreds of people were sheltering in the school, Ukraine's foreign ministry said on Wednesday.\n\n"
        "The ministry said the number of casualties was not yet known."))
    again = _by_start(found, "The ministry said the number")
    assert again is not None and again.actor == "UKR" and "foreign" in again.speaker


def test_attribution_an_institution_named_with_another_modifier_is_another_one(nlp):
    _, found = _extract(nlp, (
        "Hundreds of people were sheltering in the school, Ukraine's foreign ministry said on Wednesday.\n\n"
        "In Moscow, the defence ministry said its units had not fired on the school."))
    moscow = _by_start(found, "In Moscow")
    assert moscow is not None and "foreign" not in moscow.speaker and "defence" in moscow.speaker


def test_attribution_a_second_reported_clause_with_its_own_subject_and_another_kind(nlp):
    text = ("The talks went on.\n\n\u201cWe have seen no sign of a truce so far, and our delegation is ready to meet "
            "on Monday,\u201d the Ukrainian foreign minister said.\n\n"
            "\u201cWe will open the corridor at nine, and the buses will leave at ten,\u201d the Ukrainian foreign "
            "minister said.")
    found = extract(parse_text(text, name="c.txt", published=date(2025, 5, 1)), nlp=nlp)
    assert [s.kind for s in found] == ["claim", "pledge", "pledge"]
    assert found[1].text.startswith("our delegation is ready")  # one of a kind stays one statement


def test_attribution_highlighting_is_a_speech_act(nlp):
    _, found = _extract(nlp, "Ukraine's deputy foreign minister, Olena Hrytsenko, met the envoys on Tuesday.\n\n"
                             "Hrytsenko highlighted that Ukraine will open a consulate in Gdansk in June.")
    assert [(s.speaker, s.kind) for s in found if s.text.startswith("Hrytsenko")] == [("Olena Hrytsenko", "pledge")]


def test_attribution_a_predicate_after_a_comma_is_no_reporting_clause(nlp):
    _, found = _extract(nlp, "Ukraine's infrastructure minister, Petro Koval, said Ukraine plans to reopen the river "
                             "port, admit the first grain barges and arrange new rail links.")
    assert [s.speaker for s in found] == ["Petro Koval"]  # "admit the first barges": Ukraine's act, not its speech
    assert found[0].kind == "pledge"


def test_attribution_a_speech_verb_in_its_acting_sense_starts_no_statement(nlp):
    _, found = _extract(nlp, "Kremlin spokesman Dmitry Peskov said Russian troops would observe the truce and "
                             "maintain their positions.")
    assert len(found) == 1 and found[0].kind == "pledge" and found[0].text.endswith("their positions.")
    _, found = _extract(nlp, "Ukraine's foreign minister, Olena Marchuk, said the army would hold the line and said "
                             "the talks were over.")
    assert len(found) == 2  # the same verb again, with a clause of its own: a second statement


def test_attribution_a_list_of_speech_acts_joined_by_commas_is_one_statement_each(nlp):
    _, found = _extract(nlp, "The Latvian Prime Minister, Arturs Ozols, welcomed the new sanctions, stressed that "
                             "Latvia would send two more air defence systems and thanked the allies.")
    sent = _by_start(found, "stressed that Latvia would send")
    assert sent is not None and sent.kind == "pledge" and sent.speaker == "Arturs Ozols"


def test_attribution_a_reporting_participle_is_its_own_statement_whatever_its_kind(nlp):
    # GUIDELINES.md annotates "..., noting that B" apart from A even when both are claims
    _, found = _extract(nlp, (
        "The Estonian foreign ministry said the embassy had been evacuated, noting that two staff members remained "
        "in the city."))
    assert [(s.kind, s.text.split()[0]) for s in found] == [("claim", "The"), ("claim", "noting")]
    assert found[1].speaker == found[0].speaker


def test_attribution_coordinated_clauses_with_their_own_subjects_are_two_statements(nlp):
    # "said A and B", each clause with a subject of its own, with no comma before "and"
    _, found = _extract(nlp, (
        "Ukraine's energy minister Olga Savchenko said the crews had repaired two lines and the trains were running "
        "again.\n\n"
        "The Latvian defence ministry said the exercise ended on Monday and its pilots will fly two more patrols "
        "on Friday."))
    assert [s.text.split()[0] for s in found] == ["Ukraine's", "the", "The", "its"]
    assert found[1].speaker == "Olga Savchenko" and found[3].actor == "LVA"


def test_attribution_a_speech_verb_listed_among_acts_reports_nothing(nlp):
    # "admit" here lets monitors in: one more act the side plans, not an admission by the side
    _, found = _extract(nlp, (
        "Moldova's ombudswoman Ana Cretu said that the army had set up a buffer zone near the border. Moldova plans "
        "to open two shelters there for the evacuation of civilians, admit monitors of the OSCE, and arrange "
        "deliveries of food."))
    plan = _by_start(found, "Moldova plans")
    assert plan is not None and plan.speaker == "Ana Cretu" and plan.kind == "pledge"


def test_attribution_speech_acts_told_without_said_are_statements(nlp):
    # a readout tells what was undertaken, reassured, conceded or offered without "said": each is a
    # statement, and undertaking, reassuring and inviting bind the speaker's side; "committed crimes" tells no speech
    _, found = _extract(nlp, (
        "The Chancellor spoke to the Moldovan President this morning. The Chancellor committed to send two more "
        "demining teams before the winter.\n\n"
        "The Finnish foreign minister Elina Virtanen reassured her hosts that the convoys would keep running.\n\n"
        "Latvia's prime minister Juris Ozols invited the mediators to visit Riga next week.\n\n"
        "The Estonian defence minister Peeter Saar conceded that the bridge would stay closed until May.\n\n"
        "Separatist fighters committed abuses in the village, a Lithuanian official said."))
    committed = _by_start(found, "The Chancellor committed")
    assert committed is not None and committed.kind == "pledge"
    reassured = _by_start(found, "The Finnish")
    assert reassured is not None and reassured.speaker == "Elina Virtanen" and reassured.kind == "pledge"
    invited = _by_start(found, "Latvia's")
    assert invited is not None and invited.speaker == "Juris Ozols" and invited.kind == "pledge"
    conceded = _by_start(found, "The Estonian")
    assert conceded is not None and conceded.speaker == "Peeter Saar" and conceded.kind == "claim"
    abuses = _by_start(found, "Separatist")
    assert abuses is not None and "official" in abuses.speaker


def test_attribution_an_invitation_offers_a_visit_or_calls_on_the_guest(nlp):
    # an invitation to visit offers the inviting side as host (a pledge); one to join asks the guest to act (a
    # demand); whoever "was invited" or "is committed" is the one addressed or described, no speaker
    _, found = _extract(nlp, (
        "Latvia's prime minister Juris Ozols invited the Finnish president to visit Riga in May.\n\n"
        "Latvia's prime minister Juris Ozols invited the Nordic states to join the demining programme.\n\n"
        "Estonia has been invited to take part in the summit, a Latvian official said."))
    visit = _by_start(found, "Latvia's prime minister Juris Ozols invited the Finnish")
    assert visit is not None and visit.kind == "pledge"
    join = _by_start(found, "Latvia's prime minister Juris Ozols invited the Nordic")
    assert join is not None and join.kind == "demand"
    assert all(s.speaker != "Estonia" for s in found)


def test_attribution_a_speech_clause_after_narration_is_its_own_statement(nlp):
    # "A agreed on X, and the Prime Minister said ...": the said-clause is the statement; the clause before it is one
    # too when it tells what was settled (a readout verb), and narration otherwise; with a first person before it,
    # someone speaks all along and the sentence stays one
    _, found = _extract(nlp, (
        "Both leaders agreed on the importance of demining the farmland, and the Latvian prime minister said Latvia "
        "would send two more teams in June.\n\n"
        "Drones struck a depot near the port overnight, and the Latvian governor said the fire would be out by "
        "noon.\n\n"
        "\u201cI spoke to the mayor twice this week, and he never told me about the convoy,\u201d the Latvian "
        "minister Juris Ozols said."))
    assert _by_start(found, "Both leaders").kind == "opinion"
    assert _by_start(found, "the Latvian prime minister said").kind == "pledge"
    assert _by_start(found, "Drones") is None and _by_start(found, "the Latvian governor said") is not None
    assert _by_start(found, "\u201cI spoke").speaker == "Juris Ozols"


def test_attribution_a_speech_act_placed_in_the_conversations_order(nlp):
    # "X began by reiterating that ...", "X ended by thanking ...": X's report, not a reference to speech
    _, found = _extract(nlp, "The Latvian minister Juris Ozols began by reiterating that Latvia would keep sending "
                             "generators to Moldova.")
    assert [(s.speaker, s.kind) for s in found] == [("Juris Ozols", "pledge")]


def test_attribution_a_by_phrase_of_an_active_verb_is_no_speaker(nlp):
    # the parser may make "by President X" an agent of "condemned"; with an active subject, the subject spoke
    _, found = _extract(nlp, "The Prime Minister condemned the strikes on civilians by President Putin on Tuesday.")
    assert [s.speaker for s in found] == ["Prime Minister"]
    _, found = _extract(nlp, "The ceasefire was announced by Kremlin spokesman Dmitry Peskov on Tuesday.")
    assert [s.speaker for s in found] == ["Dmitry Peskov"]


def test_attribution_what_the_parties_settled_goes_on_with_the_account_before(nlp):
    _, found = _extract(nlp, (
        "The Finnish president spoke with the Estonian prime minister on Monday about the ferry line, "
        "the Finnish presidency said.\n\n"
        "The two leaders agreed to meet again in Tallinn in May. Baltic leaders agreed to raise spending. "
        "In March, the sides agreed to open a second ferry line.\n\n"
        "The leaders agree on more funding for the port"))
    settled = _by_start(found, "The two leaders agreed")
    assert settled is not None and settled.actor == "FIN" and settled.kind == "pledge"
    assert "attribution:joint-settlement" in settled.rules
    assert _by_start(found, "Baltic leaders") is None  # whose leaders the subject names: not the account's
    assert _by_start(found, "The leaders agree on") is None  # a headline (no closing stop)
    assert _by_start(found, "In March, the sides") is None  # told as settled before


def test_attribution_according_to_a_person_covers_the_speech_verbs_inside(nlp):
    # "According to him, Russia has offered ...": he says what Russia did; an outlet named there leaves it to Russia
    _, found = _extract(nlp, "The Russian president, Vladimir Putin, spoke on Friday. According to him, Russia has "
                             "proposed a truce for the harvest.")
    said = _by_start(found, "According to him")
    assert said is not None and said.speaker == "Vladimir Putin"
    _, found = _extract(nlp, "According to the Interfax agency, Russia has proposed a truce for the harvest.")
    assert [s.speaker for s in found] == ["Russia"]


def test_attribution_according_to_a_title_of_a_person_named_before(nlp):
    # "according to the head of state" when the text named him: he says what his side did, as "according to him"
    _, found = _extract(nlp, "Lithuanian President Gitanas Nauseda spoke in Vilnius on Friday. According to the head "
                             "of state, a month ago Lithuania responded at once to the Polish offer of talks.")
    said = _by_start(found, "According to the head")
    assert said is not None and said.speaker == "Gitanas Nauseda"
    # a title nobody in the text holds names no person
    _, found = _extract(nlp, "According to the head of state, Lithuania responded at once to the Polish offer.")
    assert [s.speaker for s in found] == ["Lithuania"]


def test_attribution_a_speech_verb_caused_in_someone_else_is_no_report(nlp):
    # "preparing its people to believe that ...", "made the generals admit": the infinitive is what the subject
    # brings about in the object, not a report; the source named for the sentence keeps it
    _, found = _extract(nlp, "The Lithuanian president, Gitanas Nauseda, spoke on Friday. According to him, Russia is "
                             "preparing the people of the region to believe that talks are useless.")
    assert [s.speaker for s in found if s.text.startswith("According")] == ["Gitanas Nauseda"]


def test_attribution_a_quotation_run_into_its_attribution_is_the_speakers(nlp):
    # the parser can make the quotation's own subject a second subject of "said": the one next to the verb speaks
    _, found = _extract(nlp, "\u201cThe world must act now. Our partners, our neighbours, all who can help "
                             "the town,\u201d Ukrainian President Volodymyr Zelenskiy said online.")
    assert found and {s.speaker for s in found} == {"Volodymyr Zelenskiy"}


def test_attribution_according_to_leaves_relayed_commitments_and_plans_alone(nlp):
    # a person relaying another state's commitment leaves it that state's (GUIDELINES.md); "according to plan" names
    # no one
    _, found = _extract(nlp, "The Lithuanian president, Gitanas Nauseda, spoke on Friday. According to him, Ukraine "
                             "reaffirmed its commitment to the reforms.")
    assert [s.speaker for s in found if s.text.startswith("According")] == ["Ukraine"]
    _, found = _extract(nlp, "\u201cWe will open the session now and vote according to plan,\u201d "
                             "Russian President Vladimir Putin said.")
    assert {s.speaker for s in found} == {"Vladimir Putin"}


def test_attribution_the_statement_said_is_the_body_named_before(nlp):
    # "the statement said" after a body issued one: the body's words (its name's head, not its article)
    _, found = _extract(nlp, "The Moldovan Defence Ministry issued a statement on Monday night. \u201cThe units at "
                             "the border will hold their positions,\u201d the statement said.")
    assert [(s.speaker, s.actor) for s in found] == [("Moldovan Defence Ministry", "MDA")]


def test_attribution_a_bulleted_list_after_an_announcement_is_the_announcers(nlp):
    _, found = _extract(nlp, "The results of the round were announced by Ukrainian negotiator Petro Savchuk.\n\n"
                             "\u25aa Our next round will be held in Geneva.\n\n"
                             "\u25aa We are proposing a joint mission to watch the dam.\n\n"
                             "The talks ended on Tuesday evening.")
    listed = _by_start(found, "We are proposing")  # the list's mark is no part of the statement
    assert listed is not None and listed.speaker == "Petro Savchuk" and listed.kind == "pledge"
    assert _by_start(found, "The talks ended") is None


def test_attribution_a_named_report_passed_on_by_officials_is_the_named_speakers(nlp):
    _, found = _extract(nlp, "Belarusian Defence Minister Viktor Khrenin told the president that the drills had "
                             "ended on the western range, officials said.")
    assert [s.speaker for s in found] == ["Viktor Khrenin"]


def test_attribution_single_curly_quotes_and_a_dateline(nlp):
    # a quotation in single curly quotes runs to its attribution; a dateline before the subject never speaks
    _, found = _extract(nlp, "Kyiv: The UN Secretary-General Antonio Guterres said on Thursday that more aid "
                             "convoys would come.\n\n"
                             "The town council said the water plant had been hit.\n\n"
                             "\u2018The town needs water and power now. Whole streets are cut off\u2019, "
                             "Guterres said.")
    assert _by_start(found, "Kyiv: The UN").speaker == "Antonio Guterres"
    crisis = _by_start(found, "\u2018The town needs water")
    assert crisis is not None and crisis.speaker == "Antonio Guterres" and crisis.quote == "direct"


def test_attribution_they_agreed_goes_on_with_the_account(nlp):
    _, found = _extract(nlp, "The Ukrainian presidential office said the president had spoken to the Belarusian "
                             "leader on Sunday.\n\n"
                             "They agreed that the delegations would meet again in Vienna next week.")
    agreed = _by_start(found, "They agreed")
    assert agreed is not None and agreed.actor == "UKR" and agreed.kind == "pledge"


def test_attribution_a_participle_with_an_object_or_phrase_of_what_it_says(nlp):
    # "..., accusing Y of C", "..., noting D", "..., thanking Z for E": the same speaker's statement of its own
    _, found = _extract(nlp, (
        'The Moldovan ministry noted that "the decision is now up to Kyiv," accusing its neighbour of leaving the '
        "river mines in place.\n\n"
        "The governor said the power was back in most districts, noting the city's two years of freedom since "
        "the liberation.\n\n"
        "The Moldovan foreign minister said the border would stay open, thanking Latvia for its help."))
    for words in ("accusing its neighbour", "noting the city's", "thanking Latvia"):
        part = _by_start(found, words)
        assert part is not None and "attribution:participle" in part.rules, words
    assert _by_start(found, "The governor").speaker == _by_start(found, "noting the city's").speaker
    # a verb of speaking whose object or phrase is only the audience or the occasion says nothing of its own, nor
    # does a speech verb in its acting sense
    _, found = _extract(nlp, (
        "The prime minister said the budget would pass, commenting on the vote in parliament.\n\n"
        "The president said the aid would arrive soon, addressing the nation on Sunday evening.\n\n"
        "The brigade commander said the crossing was secure, maintaining positions on the western bank."))
    assert len(found) == 3 and not any("attribution:participle" in s.rules for s in found)


def test_attribution_a_clause_hung_on_the_speech_verb_after_its_complement(nlp):
    # the parser hangs "but she would try" on "stated": it goes on with the report, a second statement
    _, found = _extract(nlp, "The mayor of Kherson stated that she had little hope for the repairs, but she would "
                             "try anyway so that nobody could blame the city.")
    assert [s.text.split()[0] for s in found] == ["The", "she"]
    assert found[1].speaker == found[0].speaker


@pytest.mark.parametrize("text", [
    "The regional deputies were offered a bill to extend the curfew.",
    "Families in the border villages were urged to leave before Friday.",
    "The envoy was assured that the convoy would pass safely.",
])
def test_attribution_passive_subject_of_an_addressed_verb_is_no_speaker(nlp, text):
    # whom something was said to does not speak: the sentence names no speaker
    _, found = _extract(nlp, text)
    assert found == []


@pytest.mark.parametrize("text,speaker", [
    ("Mayor Oksana Hnatiuk was quoted as saying the ferry would run again in June.", "Oksana Hnatiuk"),
    ("Ivan Petrov was quoted by a state news agency as saying that Moscow would answer any strike.",
     "Ivan Petrov"),
    ("Grossi was cited by the newspaper as saying his inspectors would stay at the plant.", "Grossi"),
])
def test_attribution_quoted_as_saying_is_the_one_quoted(nlp, text, speaker):
    _, found = _extract(nlp, text)
    assert [s.speaker for s in found] == [speaker]


def test_attribution_indicated_that_is_a_speech_act_only_with_its_clause(nlp):
    _, found = _extract(nlp, "Senior Czech officials indicated that Prague may be ready to send more shells to Kyiv.")
    assert [(s.speaker, s.actor) for s in found] == [("Senior Czech officials", "CZE")]
    _, found = _extract(nlp, "The Czech minister indicated the border villages on a map.")
    assert found == []


def test_attribution_a_speech_word_in_a_noun_phrase_after_a_title_is_no_speech_act(nlp):
    # after a quoted law's title, "state" of "state interests" is a noun of the list, not "... , he stated"
    _, found = _extract(nlp, 'The regional councils must carry out the measures set by the law "On Civil Defence" '
                             "needed to secure Moldova's defence, public order and state interests.")
    assert found == []


def test_attribution_speaker_after_an_opening_phrase_the_parser_hung_the_name_on(nlp):
    # the small model makes the name an apposition of the place in the opening phrase and leaves "said" without one
    _, found = _extract(nlp, "Speaking at a news conference in Prague, Czech Prime Minister Petr Fiala said his "
                             "government would fund the ammunition initiative for another year.")
    assert [(s.speaker, s.actor, s.kind) for s in found] == [("Petr Fiala", "CZE", "pledge")]


def test_attribution_verb_hung_on_a_subject_the_parser_made_the_root(nlp):
    # "The Czech president, X, offered ...": the small model makes "president" the root and "offered" its clause
    _, found = _extract(nlp, "The Czech president, Petr Pavel, offered to host new talks between Kyiv and Moscow.")
    assert [(s.speaker, s.actor, s.kind) for s in found] == [("Petr Pavel", "CZE", "pledge")]


def test_attribution_according_to_a_document_from_its_issuer(nlp):
    _, found = _extract(nlp, "According to a statement from the Czech presidency, Prague will host the reconstruction "
                             "conference in June.")
    assert [(s.speaker, s.actor) for s in found] == [("Czech presidency", "CZE")]


def test_attribution_a_spokesman_relaying_what_his_principal_stressed_gives_the_principal(nlp):
    # GUIDELINES.md: a person and the spokesperson speaking for them are one speaker, the person named in the span
    _, found = _extract(nlp, "Czech President Petr Pavel met the envoys on Monday. Pavel stressed that Prague was "
                             "ready to host the talks, Czech presidential spokesman Jan Novak told reporters.")
    stressed = _by_start(found, "Pavel stressed")
    assert stressed is not None and stressed.speaker == "Petr Pavel"


@pytest.mark.parametrize("text,speaker", [
    ("Czech Prime Minister Petr Fiala made clear that Prague would not send troops.", "Petr Fiala"),
    ("Czech President Petr Pavel met the envoys. Pavel has made it clear that Prague is ready to host the talks, "
     "Czech presidential spokesman Jan Novak said.", "Petr Pavel"),
])
def test_attribution_made_it_clear_is_a_speech_act(nlp, text, speaker):
    _, found = _extract(nlp, text)
    assert [s.speaker for s in found if "clear" in s.text] == [speaker]


def test_attribution_a_paragraph_closed_by_a_dash_and_its_speaker_is_theirs(nlp):
    _, found = _extract(nlp, (
        "The Ukrainian energy minister, Olha Shevchuk, visited the substation on Tuesday.\n\n"
        "We are not going to wait for the spring. The second line will be repaired within a month. "
        "The crews work day and night - Shevchuk said.\n\n"
        "Repairs were delayed by frost."))
    for start in ("We are not going to wait", "The second line will be repaired"):
        said = _by_start(found, start)
        assert said is not None and said.speaker == "Olha Shevchuk" and said.actor == "UKR"
    assert _by_start(found, "The second line").kind == "pledge"
    assert _by_start(found, "Repairs were delayed") is None  # a paragraph without the dash is narration


def test_attribution_a_reporting_verb_glued_to_that_is_still_read(nlp):
    article, found = _extract(nlp, (
        "The Ukrainian energy minister, Olha Shevchuk, saidthat the second line will be repaired within a month."))
    said = _by_start(found, "The Ukrainian energy minister")
    assert said is not None and said.speaker == "Olha Shevchuk" and said.kind == "pledge"


def test_attribution_lines_that_trail_off_are_speech_not_headings(nlp):
    text = ("Remarks by the Prime Minister of Ruritania after the summit\n\n"
            "We met today with our partners…\n\n"
            "And we will send two more ferries to the coast…\n\n"
            "To keep the ports open.")
    article = parse_text(text, name="a.txt", published=date(2022, 4, 12))
    found = extract(article, nlp=nlp)
    ferries = _by_start(found, "And we will send")
    assert ferries is not None and ferries.kind == "pledge"


def test_attribution_according_to_our_own_data_is_still_the_one_quoted(nlp):
    _, found = _extract(nlp, (
        "\u201cWe will hold the line,\u201d the Ukrainian defence minister, Olha Shevchuk, said. "
        "\u201cAccording to our intelligence estimates, in spite of the enemy's claims, its units keep up the "
        "assaults on the whole front.\u201d"))
    data = _by_start(found, "\u201cAccording to our intelligence estimates")
    assert data is not None and data.speaker == "Olha Shevchuk"


def test_attribution_a_relative_pronoun_parsed_as_a_clause_subject_is_the_name_before(nlp):
    # a parse seen on a run-on sentence: "..., Ivan Petrov, who said he proposed ..." with "said" a clause of the
    # first "said", not a relative clause: the speaker is Ivan Petrov, never "who" (read as the WHO)
    from spacy.tokens import Doc

    from saydo.extract.attribution import _subject_of

    words = ["The", "minister", "met", "Ivan", "Petrov", ",", "who", "said", "he", "proposed", "it", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 2, 4, 2, 7, 7, 2, 9, 7, 9, 2],
              deps=["det", "nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ccomp", "nsubj", "ccomp", "dobj",
                    "punct"],
              tags=["DT", "NN", "VBD", "NNP", "NNP", ",", "WP", "VBD", "PRP", "VBD", "PRP", "."],
              pos=["DET", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PRON", "VERB", "PRON", "PUNCT"],
              ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"])
    assert _subject_of(doc[7]).text == "Petrov"
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 2, 4, 2, 7, 7, 2, 9, 7, 9, 2],
              deps=["det", "nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ccomp", "nsubj", "ccomp", "dobj",
                    "punct"],
              tags=["DT", "NN", "VBD", "NN", "NN", ",", "WP", "VBD", "PRP", "VBD", "PRP", "."])
    assert _subject_of(doc[7]) is None  # no name before it: no speaker


def test_attribution_a_dateline_of_two_places_speaks_for_no_one(nlp):
    _, found = _extract(nlp, "ODESA and MYKOLAIV — Mayor Anna Kovalenko on Tuesday promised to reopen the ferry "
                             "line.\n\n\"We will run two ferries a day,\" Kovalenko said.")
    assert all(s.speaker not in ("ODESA", "MYKOLAIV") for s in found)
    assert [s.speaker for s in found] == ["Anna Kovalenko", "Anna Kovalenko"]
    assert found[0].text.startswith("Mayor Anna Kovalenko")  # the dateline is no part of what was said


def test_attribution_a_bulleted_list_after_an_introduction_is_the_speaker_s_in_any_tense(nlp):
    text = ("The ferry talks ended on Monday.\n\n"
            "Port authority head Anna Kovalenko shared several points with reporters:\n\n"
            "  • The two ports will reopen on Friday. But the schedule is \"still tight.\"\n"
            "  • Six ferries were repaired during the talks.\n"
            "  • Both ports confirmed readiness to keep the crossing open.")
    _, found = _extract(nlp, text)
    listed = {s.text.split()[0] + " " + s.text.split()[1]: s.speaker for s in found if s.start > text.index("•")}
    assert listed == {"The two": "Anna Kovalenko", "Six ferries": "Anna Kovalenko", "Both ports": "Anna Kovalenko"}
    # without an introduction, a past-tense item is the reporter's
    _, found = _extract(nlp, text.replace("shared several points with reporters:", "said the talks went well."))
    assert not any(s.text.startswith("Six ferries") for s in found)


def test_attribution_according_to_one_person_another_said(nlp):
    _, found = _extract(nlp, "Robert Fico met Vladimir Putin in Moscow on Friday. According to Fico, Russia's "
                             "president told him there was no reason for a truce yet.")
    assert found[-1].speaker == "Vladimir Putin"


def test_attribution_an_institution_relays_its_own_principal(nlp):
    _, found = _extract(nlp, "Vladimir Putin told the Turkish leader that the operation would go on until its goals "
                             "were reached, the Kremlin's press office said. The ministry said Volodymyr Zelenskyy had "
                             "refused to meet.")
    assert [s.speaker for s in found][:1] == ["Vladimir Putin"]
    assert found[-1].speaker != "Volodymyr Zelenskyy"  # another side's person, reported: the ministry's claim


def test_attribution_making_known_with_a_clause_is_speech(nlp):
    _, found = _extract(nlp, "Ukrainian Defence Minister Anna Kovalenko revealed on Friday that the two sides had "
                             "agreed to swap prisoners.")
    assert [s.speaker for s in found] == ["Anna Kovalenko"]
    _, found = _extract(nlp, "The Ukrainian brigade retook the village on Friday, revealing heavy damage to the "
                             "school.")
    assert found == []


def test_attribution_an_indented_headline_is_no_statement(nlp):
    text = ("    Minister vows to reopen the ferry line within a week\n\n"
            "    By staff writer\n\n"
            "    Ukrainian Infrastructure Minister Anna Kovalenko said on Monday the ferries would run again soon.")
    _, found = _extract(nlp, text)
    assert [s.text.split()[0] for s in found] == ["Ukrainian"]


def test_attribution_making_known_with_an_object_is_no_speech(nlp):
    # a turn of a transcript: the semicolon's clause is parsed as what "mentioned" reports
    text = ("Vladimir Putin: I would like to recall the offer made by Minsk; the President of Belarus also mentioned "
            "this in his remarks.")
    _, found = _extract(nlp, text)
    assert {s.speaker for s in found} == {"Vladimir Putin"}
