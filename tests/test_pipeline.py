"""The coder end to end on sentences written for these tests: status, passives,
coordination, coreference, dates against a fixed publication date, and actor
dictionaries (Dyad's CSV form and PETRARCH's)."""

from __future__ import annotations

import pytest
import spacy

from dyad.config import Settings
from dyad.events.arguments import DONE_TOGETHER, Roles, Trigger
from dyad.events.lexicon import TriggerSpec
from dyad.events.mentions import Mention
from dyad.pipeline import Coder, _actor_pairs, _main_verb
from dyad.records import Actor, Article

PUBLISHED = "2021-07-05"  # a Monday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def code(coder: Coder, text: str, published: str | None = PUBLISHED, doc_id: str = "t.txt"):
    return coder.code(Article(doc_id=doc_id, text=text, published=published))


def find(events, event_type, **wanted):
    for event in events:
        if event.event_type != event_type:
            continue
        if all(_field(event, key) == value for key, value in wanted.items()):
            return event
    return None


def sides(coder: Coder, text: str, event_type: str) -> tuple[str | None, str | None] | None:
    """The (source, target) countries of the first event of that type the coder finds, or None."""
    event = find(code(coder, text), event_type)
    if event is None:
        return None
    return (event.source.country if event.source else None, event.target.country if event.target else None)


def assert_coded(coder: Coder, text: str, event_type: str, **wanted) -> None:
    """The coder finds this event in the text; a failure shows what it found instead."""
    events = code(coder, text)
    assert find(events, event_type, **wanted), [(e.event_type, e.source, e.target) for e in events]


def _field(event, key):
    part, _, attr = key.partition("__")
    value = getattr(event, part)
    return getattr(value, attr) if attr and value is not None else value


@pytest.mark.parametrize(
    "text, event_type, status",
    [
        ("Egypt's president met the Jordanian king in Cairo on Sunday.", "CONSULT", "happened"),
        ("The French president will visit Algeria next month.", "CONSULT", "planned"),
        ("Iran is expected to sign a trade deal with Iraq.", "SUPPORT", "planned"),
        ("Turkey refused to meet Greek officials.", "CONSULT", "negated"),
        ("Japan did not condemn the Chinese missile test.", "ACCUSE", "negated"),
    ],
    ids=["past-meeting", "will-visit", "expected-to-sign", "refused-to-meet", "did-not-condemn"],
)
def test_pipeline_status(coder, text, event_type, status):
    events = code(coder, text)
    assert find(events, event_type, status=status), [(e.event_type, e.status) for e in events]


def test_pipeline_agree_to_hold_meeting_is_agree_and_planned_consult(coder):
    text = "Chancellor Olaf Scholz spoke with President Emmanuel Macron on Monday. They agreed to hold a meeting soon."
    events = code(coder, text)
    agree = find(events, "AGREE", status="happened")
    consult = find(events, "CONSULT", status="planned")
    assert agree is not None and consult is not None
    assert {agree.source.name, agree.target.name} == {"Olaf Scholz", "Emmanuel Macron"}


def test_pipeline_passive_agent_is_source(coder):
    events = code(coder, "Two journalists were arrested by Iranian police in Tehran.")
    event = find(events, "COERCE")
    assert event is not None
    assert event.source.country == "IRN" and event.source.sector == "COP"


def test_pipeline_coordinated_subjects_are_both_sides(coder):
    events = code(coder, "Israel and Russia have maintained close military coordination over Syria.")
    event = find(events, "COOPERATE")
    assert event is not None
    assert {event.source.country, event.target.country} == {"ISR", "RUS"}


def test_pipeline_pronoun_refers_to_last_person(coder):
    text = "Prime Minister Naftali Bennett arrived in Moscow on Friday. He thanked President Vladimir Putin for the invitation."
    event = find(code(coder, text), "SUPPORT")
    assert event is not None
    assert event.source.name == "Naftali Bennett" and event.target.name == "Vladimir Putin"


def test_pipeline_he_refers_to_the_office_holder_named_last(coder):
    text = "Kenya's foreign minister landed in Addis Ababa on Monday. He thanked Ethiopia's prime minister for the invitation."
    event = find(code(coder, text), "SUPPORT")
    assert event is not None and (event.source.country, event.source.sector) == ("KEN", "GOV")
    assert event.target.country == "ETH"


def test_pipeline_an_office_holder_he_stood_for_is_not_the_president_named_next(coder):
    events = code(coder, "The Kenyan opposition leader said he had not met the president since the disputed election.")
    meeting = find(events, "CONSULT", status="negated")
    assert meeting is not None and meeting.source.sector == "OPP" and meeting.target.sector == "GOV"


@pytest.mark.parametrize(
    "text, act, source, target",
    [
        ("An international tribunal ordered Ecuador to pay compensation to an American oil company.", "SANCTION", "IGO", "ECU"),
        ("KINGSTON — The Caribbean Investment Bank extended a loan of 40 million dollars to Jamaica.", "AID", "IGO", "JAM"),
        ("Bolivian prosecutors charged a regional governor with terrorism.", "ACCUSE", "BOL", "BOL"),  # a state's own region
    ],
    ids=["international-tribunal", "caribbean-bank", "regional-governor"],
)
def test_pipeline_a_body_of_several_states_by_its_name_is_igo(coder, text, act, source, target):
    event = find(code(coder, text), act)
    assert event is not None and (event.source.country, event.target.country) == (source, target)


@pytest.mark.parametrize(
    "text, act, source",
    [
        ("Pro-Russian activists blocked the entrance to the parliament in Chisinau on Monday.", "PROTEST", "MDA"),
        ("About 300 Armenian-Americans rallied outside the Turkish consulate in Chicago.", "PROTEST", "USA"),
        ("Russian-led forces seized the airport in Bamako.", "COERCE", "RUS"),  # led by Russians: Russian
        ("Ethnic Hungarian leaders in Cluj demanded university teaching in their mother tongue.", "REQUEST", "ROU"),
    ],
    ids=["pro-russian", "armenian-americans", "russian-led", "ethnic-hungarian"],
)
def test_pipeline_a_state_a_group_is_for_or_descended_from_is_not_its_own(coder, text, act, source):
    event = find(code(coder, text), act)
    assert event is not None and event.source.country == source


@pytest.mark.parametrize(
    "text, target",
    [
        ("Lithuania is to downgrade its embassy in Minsk to a consular office next month.", "BLR"),
        ("Tehran cut its embassy staff in Baku to a handful of diplomats.", "AZE"),
    ],
    ids=["embassy-in-capital", "embassy-staff"],
)
def test_pipeline_acting_on_ones_own_mission_abroad_is_towards_its_host(coder, text, target):
    event = find(code(coder, text), "SANCTION")
    assert event is not None and event.target is not None and event.target.country == target


def test_pipeline_a_demonym_opening_the_sentence_places_the_group_after_it(coder):
    # "Argentine" is read as a subject of its own, "public employees" as another
    event = find(code(coder, "Argentine public employees will join a national stoppage on Thursday."), "PROTEST")
    assert event is not None and event.source.country == "ARG" and event.source.sector == "LAB"


def test_pipeline_the_first_of_two_objects_receives_the_thing_given(coder):
    # "Sri Lanka" is parsed as a second direct object, not as the indirect one
    event = find(code(coder, "Japan handed Sri Lanka a $80 million grant on Friday to repair rural bridges."), "AID")
    assert event is not None and (event.source.country, event.target and event.target.country) == ("JPN", "LKA")


def test_pipeline_a_threatened_labour_strike_is_a_threat_to_restrict_not_a_strike(coder):
    events = code(coder, "Kenyan nurses threatened a national strike if pay talks failed.")
    threat = find(events, "THREATEN")
    assert threat is not None and threat.mode == "restrict" and threat.source.country == "KEN"
    assert not find(events, "PROTEST", status="happened")


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Georgia began selling electricity to Armenia over a new high-voltage line.", "GEO", "ARM"),
        ("Kazakhstan resumed pumping crude to Germany's refineries through the Druzhba pipeline.", "KAZ", "DEU"),
    ],
    ids=["selling-electricity", "pumping-crude"],
)
def test_pipeline_selling_a_commodity_to_another_state_is_cooperation(coder, text, source, target):
    assert sides(coder, text, "COOPERATE") == (source, target)


def test_pipeline_readiness_to_act_with_another_is_an_offer(coder):
    # "work with" is no lexicon word: the readiness itself is the event (AGREE)
    events = code(coder, "Tokyo was ready to work closely with Seoul on fisheries, the Japanese foreign minister said.")
    offer = find(events, "AGREE")
    assert offer is not None and (offer.source.country, offer.target.country, offer.status) == ("JPN", "KOR", "happened")


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Ukraine agreed on Monday to sit down with Russian negotiators in Istanbul next week.", "UKR", "RUS"),
        ("Kenya promised on Wednesday to hand over the two suspects to the UN tribunal in Arusha.", "KEN", "UNO"),
    ],
    ids=["agreed-on-monday-to", "promised-on-wednesday-to"],
)
def test_pipeline_a_promise_whose_infinitive_follows_a_date_is_aimed_at_the_act_s_target(coder, text, source, target):
    # the date between verb and infinitive makes the parse hang the infinitive as an adverbial clause
    assert sides(coder, text, "AGREE") == (source, target)


@pytest.mark.parametrize(
    "text, kind, source",
    [
        ("Iran held naval drills in the Gulf of Oman on Monday.", "MOBILIZE", "IRN"),
        ("Japan held naval exercises with India in the Bay of Bengal.", "COOPERATE", "JPN"),
        ("Chile's and Argentina's air forces conducted a combined exercise over Patagonia.", "COOPERATE", None),
    ],
    ids=["alone", "with-partner", "combined"],
)
def test_pipeline_exercises_held_alone_are_a_show_of_force(coder, text, kind, source):
    events = code(coder, text)
    event = find(events, kind)
    assert event is not None and (source is None or event.source.country == source), [(e.event_type, e.source) for e in events]
    if kind == "COOPERATE":
        assert not find(events, "MOBILIZE")


def test_pipeline_it_ready_in_what_a_state_said_is_that_state(coder):
    events = code(coder, "Hanoi said on Friday it was willing to work closely with Vientiane on flood control.")
    offer = find(events, "AGREE")
    assert offer is not None and (offer.source.country, offer.target.country) == ("VNM", "LAO")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Kashmiri youths hurled stones at Indian troops in Srinagar on Friday.", "PROTEST"),
        ("Mobs burned shops and buses in the Kenyan town of Kisumu after the vote, police said.", "PROTEST"),
        ("Israeli settlers hurled stones at Palestinian farmers near Hebron.", "ASSAULT"),  # at people: an attack
        ("A mob lynched two Kenyan men accused of cattle theft in a village near Nakuru.", "ASSAULT"),  # a killing
    ],
    ids=["youths-stones-troops", "mobs-burned", "settlers-stones-farmers", "mob-lynching"],
)
def test_pipeline_stones_thrown_by_protesters_at_authorities_are_a_riot(coder, text, kind):
    events = code(coder, text)
    assert find(events, kind) is not None, [(e.event_type, e.mode) for e in events]


def test_pipeline_insisting_that_another_act_is_a_demand_and_the_act_is_not_done(coder):
    events = code(coder, "Norway's foreign minister insisted that Russia withdraw its warships from the fishing zone.")
    demand = find(events, "REQUEST")
    assert demand is not None and (demand.source.country, demand.target.country) == ("NOR", "RUS")
    assert not find(events, "RETREAT", status="happened")


def test_pipeline_insisting_that_something_is_so_is_no_demand(coder):
    assert not find(code(coder, "Norway's foreign minister insisted that the talks with Russia had been useful."), "REQUEST")


def test_pipeline_forcing_people_to_act_is_coercion_but_forcing_a_result_is_not(coder):
    coerced = find(code(coder, "Sudanese soldiers forced villagers in Darfur to leave their homes, aid workers said."), "COERCE")
    assert coerced is not None and (coerced.source.sector, coerced.target.sector) == ("MIL", "CVL")
    assert not find(code(coder, "Kenyan pilots began a strike on Monday, forcing the cancellation of 80 flights."), "COERCE")


def test_pipeline_a_curfew_imposed_on_a_town_is_on_its_state(coder):
    curfew = find(code(coder, "Ugandan authorities imposed a dusk-to-dawn curfew on Gulu after the clashes."), "COERCE")
    assert curfew is not None and curfew.mode == "curfew" and curfew.target is not None and curfew.target.country == "UGA"


def test_pipeline_an_inquiry_into_a_wrong_by_someone_is_aimed_at_them(coder):
    text = "Kenyan prosecutors launched an investigation into alleged embezzlement by officials of the health ministry."
    inquiry = find(code(coder, text), "ACCUSE")
    assert inquiry is not None and inquiry.target is not None and (inquiry.target.country, inquiry.target.sector) == ("KEN", "GOV")


@pytest.mark.parametrize(
    "text, kind, source, target",
    [
        ("Sweden suspended development assistance to Tanzania on Monday.", "SANCTION", "SWE", "TZA"),
        ("Tokyo played host to the Indonesian president on a three-day visit.", "CONSULT", "JPN", "IDN"),
        ("Lao police worked alongside Thai officers to break up a smuggling ring.", "COOPERATE", "LAO", "THA"),
    ],
    ids=["assistance-suspended", "played-host", "worked-alongside"],
)
def test_pipeline_more_phrasings_of_sanction_visit_and_cooperation(coder, text, kind, source, target):
    assert sides(coder, text, kind) == (source, target)


@pytest.mark.parametrize(
    "text, kind, source, target",
    [
        ("Kurdish rebels walked out of peace negotiations with the Ankara government in Oslo on Friday.", "SANCTION", "TUR", "TUR"),
        ("Kenya's president welcomed Ugandan President Yoweri Museveni to Nairobi on Monday for talks.", "CONSULT", "KEN", "UGA"),
    ],
    ids=["walked-out-of-talks", "welcomed-to-capital"],
)
def test_pipeline_leaving_talks_is_a_sanction_and_welcoming_to_a_capital_a_visit(coder, text, kind, source, target):
    assert sides(coder, text, kind) == (source, target)


@pytest.mark.parametrize(
    "text, kind, source, target",
    [
        ("Russia's foreign ministry defended Iran's nuclear programme on Tuesday.", "SUPPORT", "RUS", "IRN"),
        ("Spanish police provided Morocco with information on smuggling networks.", "COOPERATE", "ESP", "MAR"),
        ("A Swiss envoy shuttled between Khartoum and Juba on Friday to broker a truce.", "CONSULT", "CHE", "SDN"),
    ],
    ids=["defended-programme", "provided-information", "shuttled-between"],
)
def test_pipeline_support_cooperation_and_mediation_in_other_words(coder, text, kind, source, target):
    events = code(coder, text)
    event = find(events, kind, source__country=source)
    assert event is not None and event.target is not None and event.target.country == target, [
        (e.event_type, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    "text, source, sector",
    [
        ("Thousands of opposition supporters rallied in Minsk on Sunday, calling for the release of jailed activists.", "BLR", "OPP"),
        ("Thousands of Serbs rallied in Belgrade on Friday demanding new elections.", "SRB", "CVL"),
    ],
    ids=["supporters-rallied", "serbs-rallied"],
)
def test_pipeline_thousands_of_people_rallying_are_the_protest_s_source(coder, text, source, sector):
    rally = find(code(coder, text), "PROTEST")
    assert rally is not None and (rally.source.country, rally.source.sector) == (source, sector)


def test_pipeline_people_marching_when_fired_at_stay_the_ones_attacked(coder):
    attack = find(code(coder, "Kenyan police fired tear gas at students marching on parliament in Nairobi."), "ASSAULT")
    assert attack is not None and attack.source.sector == "COP" and attack.target.sector == "EDU"


def test_pipeline_what_a_protest_demands_is_its_topic_not_a_request(coder):
    events = code(coder, "Thousands of opposition supporters rallied in Minsk on Sunday, calling for the release of jailed activists.")
    assert find(events, "PROTEST") is not None and not find(events, "REQUEST")


def test_pipeline_people_seized_as_hostages_are_abducted(coder):
    events = code(coder, "Somali militants seized 30 villagers as hostages near Kismayo on Tuesday.")
    assert find(events, "ASSAULT", mode="abduct") is not None and not find(events, "COERCE")


@pytest.mark.parametrize(
    "text, kind, mode",
    [
        ("Gunmen seized two Italian nuns from their mission in northern Kenya on Sunday.", "ASSAULT", "abduct"),
        ("Militiamen armed with machetes hacked six farmers to death in Ituri province.", "ASSAULT", "primitive"),
        ("Kenyan police seized 200 kilograms of heroin in Mombasa.", "COERCE", "seize"),  # the state seizes goods
    ],
    ids=["gunmen-seized-nuns", "hacked-to-death", "police-seized-heroin"],
)
def test_pipeline_armed_men_seizing_people_kidnap_them(coder, text, kind, mode):
    events = code(coder, text)
    assert find(events, kind, mode=mode) is not None, [(e.event_type, e.mode) for e in events]


def test_pipeline_two_states_acting_towards_a_third_each_act_on_it(coder):
    events = code(coder, "Chile and Peru restored full diplomatic ties with Bolivia on Thursday.")
    ties = [e for e in events if e.event_type == "SUPPORT"]
    assert {(e.source.country, e.target.country) for e in ties} == {("CHL", "BOL"), ("PER", "BOL")}


def test_pipeline_the_state_someone_is_expelled_from_expelled_them(coder):
    assert sides(coder, "Two Estonian diplomats were expelled from Minsk last week.", "SANCTION") == ("BLR", "EST")


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("The EU told Belgrade to hand over the suspects or face sanctions.", "EUR", "SRB"),
        ("NATO gave Libyan forces 48 hours to pull their tanks back from Misrata or face air strikes.", "IGO", "LBY"),
    ],
    ids=["told-or-face", "gave-hours-or-face"],
)
def test_pipeline_an_order_or_face_something_is_a_threat(coder, text, source, target):
    assert sides(coder, text, "THREATEN") == (source, target)


def test_pipeline_a_passive_agent_hung_on_a_noun_below_the_verb_is_the_source(coder):
    # a probe sentence (train/probes): the "by" hangs on "Hebron", below the verb
    text = "A round-the-clock curfew was clamped on the Palestinian town of Hebron by the Israeli army on Saturday."
    assert sides(coder, text, "COERCE") == ("ISR", "PSE")


def test_pipeline_things_handed_back_are_returned(coder):
    text = "Chinese authorities handed back three Vietnamese fishing trawlers impounded last month in the Gulf of Tonkin."
    assert sides(coder, text, "RETREAT") == ("CHN", "VNM")


def test_pipeline_ethnic_people_are_of_where_they_live(coder):
    text = "Slovakia's government rejected ethnic Hungarians' demands for language rights."
    assert sides(coder, text, "REJECT") == ("SVK", "SVK")


def test_pipeline_an_intention_to_cooperate_is_a_promise_but_a_hostile_one_a_plan(coder):
    events = code(coder, "Bhutan's king said he intended to hand power back to an elected parliament.")
    assert find(events, "AGREE", status="happened") is not None
    events = code(coder, "Kenya intends to expel the Somali ambassador.")
    assert find(events, "SANCTION", status="planned") is not None and not find(events, "THREATEN")


def test_pipeline_capital_stands_for_government(coder):
    event = find(code(coder, "Moscow condemned the Ukrainian strike on Sunday."), "ACCUSE")
    assert event is not None and event.source.country == "RUS"


def test_pipeline_dates_resolve_against_publication(coder):
    events = code(coder, "Spain's prime minister visited Morocco on Tuesday.")
    event = find(events, "CONSULT")
    assert event is not None and event.date == "2021-06-29" and event.date_text


def test_pipeline_no_publication_date_keeps_relative_dates_null(coder):
    events = code(coder, "Spain's prime minister visited Morocco on Tuesday.", published=None)
    event = find(events, "CONSULT")
    assert event is not None and event.date is None


def test_pipeline_absolute_date_without_publication(coder):
    events = code(coder, "Spain's prime minister visited Morocco in April 2019.", published=None)
    event = find(events, "CONSULT")
    assert event is not None and event.date == "2019-04"


def test_pipeline_evidence_offsets_point_into_text_as_read(coder):
    text = "Kremlin talks\n\nPhoto caption here. (Photo: AP)\n\nRussia's president met the Turkish president in Sochi on Monday.\n"
    article = Article(doc_id="a.txt", text=text, published=PUBLISHED)
    events = coder.code(article)
    assert events
    for event in events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_pipeline_is_deterministic(coder):
    text = "Germany's foreign minister criticised Hungary on Monday. Budapest rejected the criticism."
    first, second = code(coder, text), code(coder, text)
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]
    assert len({e.id for e in first}) == len(first)


def test_pipeline_event_codes_come_from_codebook(coder):
    event = find(code(coder, "Syrian forces attacked rebel positions near Idlib."), "ASSAULT")
    assert event is not None
    assert event.quad_class == 4 and event.goldstein < 0 and event.cameo.startswith(("18", "19", "20"))


def test_pipeline_user_dictionary_names_actor(tmp_path):
    dictionary = tmp_path / "actors.csv"
    dictionary.write_text(
        "name,aliases,country,sector,wikidata,start,end\n"
        "Blue Harbour Collective,BHC,GRC,SOC,,,\n",
        encoding="utf-8",
    )
    coder = Coder(Settings.load(dictionaries=[str(dictionary)]))
    events = code(coder, "The Blue Harbour Collective accused the Greek government of neglect.")
    event = find(events, "ACCUSE")
    assert event is not None
    assert event.source.name == "Blue Harbour Collective" and event.source.country == "GRC"


def test_pipeline_title_and_demonym_before_a_name_belong_to_it(coder):
    # the web-trained parser hangs "met" on "Kenyan", not on the name
    events = code(coder, "Kenyan President William Ruto met Ugandan President Yoweri Museveni on Monday.")
    meeting = find(events, "CONSULT")
    assert meeting is not None
    assert {meeting.source.country, meeting.target.country} == {"KEN", "UGA"}
    assert {meeting.source.sector, meeting.target.sector} == {"GOV"}


def test_pipeline_a_month_is_not_a_person(coder):
    events = code(coder, "Inflation in Turkey eased to 48 percent in May, the statistics office said.")
    assert all(e.target is None or e.target.name != "Theresa May" for e in events)


def test_pipeline_sentence_model_codes_wording_the_lexicon_lacks(coder):
    events = code(coder, "Soldiers from Ghana and Togo carried out joint patrols along their northern border last week.")
    patrol = find(events, "COOPERATE")
    assert patrol is not None and {patrol.source.country, patrol.target.country} == {"GHA", "TGO"}


@pytest.mark.parametrize(
    "text, source_country, target_country",
    [
        # the parser reads these as a root noun with the verb as its participle
        ("Somalia's foreign minister denounced the new port deal.", "SOM", None),
        ("Fiji's opposition party strongly objected to the government's plan.", "FJI", "FJI"),
        # the parser reads this one as a single noun phrase "coast guard blamed Chinese vessels"
        ("The Philippine coast guard blamed Chinese vessels for ramming a supply boat.", "PHL", "CHN"),
    ],
    ids=["minister-denounced", "party-objected", "coast-guard-blamed"],
)
def test_pipeline_verb_misread_as_participle_of_its_subject(coder, text, source_country, target_country):
    accusation = find(code(coder, text), "ACCUSE")
    assert accusation is not None and accusation.source.country == source_country
    assert (accusation.target.country if accusation.target else None) == target_country


def test_pipeline_unnamed_domestic_role_takes_the_country_of_the_place(coder):
    indictment = find(code(coder, "Prosecutors in Seoul indicted a former defence procurement official."), "ACCUSE")
    assert indictment is not None and indictment.target.country == "KOR" and indictment.target.sector == "GOV"


def test_pipeline_state_property_stands_for_the_state(coder):
    downing = find(code(coder, "Turkish forces shot down a Syrian jet near the border."), "ASSAULT")
    assert downing is not None and downing.target.country == "SYR"


def test_pipeline_nominal_trigger_side_after_its_object(coder):
    seizure = find(code(coder, "China's annexation of the reef from the Philippines angered Manila."), "COERCE")
    assert seizure is not None and seizure.source.country == "CHN" and seizure.target.country == "PHL"


def test_pipeline_lifting_restrictions_is_a_concession(coder):
    events = code(coder, "Since the then-Yugoslav government lifted restrictions in 1990, thousands have emigrated.")
    assert find(events, "CONCEDE") is not None and find(events, "COERCE") is None


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Rail workers in France held a 24-hour strike.", "PROTEST"),
        ("Some 2,000 teachers are on strike in Haiti.", "PROTEST"),
        ("An Israeli air strike hit Gaza on Monday.", "ASSAULT"),
    ],
    ids=["24-hour-strike", "on-strike", "air-strike"],
)
def test_pipeline_strike_is_a_stoppage_or_an_attack_by_its_words(coder, text, event_type):
    types = {e.event_type for e in code(coder, text)}
    assert event_type in types and types <= {event_type}


def test_pipeline_one_attack_told_by_a_phrase_is_one_event_with_its_target(coder):
    events = code(coder, "Russian forces launched a missile strike on Kharkiv.")
    assert len(events) == 1 and events[0].target is not None and events[0].target.country == "UKR"


def test_pipeline_sanctions_on_a_state_target_it(coder):
    sanction = find(code(coder, "The European Union imposed sanctions on Iran."), "SANCTION")
    assert sanction is not None and sanction.source.country == "EUR" and sanction.target.country == "IRN"


def test_pipeline_coordinated_subject_of_a_misread_verb_is_both_sides(coder):
    talks = find(code(coder, "Israel and Egypt held talks on trade in Cairo."), "CONSULT")
    assert talks is not None and {talks.source.country, talks.target.country} == {"ISR", "EGY"}


def test_pipeline_stand_in_object_stays_in_its_clause(coder):
    events = code(coder, "Since the then-Soviet Union lifted restrictions in 1989, many people have emigrated.")
    concession = find(events, "CONCEDE")
    assert concession is not None and concession.source.country == "RUS" and concession.target is None


def test_pipeline_an_aim_is_not_an_act(coder):
    events = code(coder, "The talks focused on efforts to return Kenyan hostages held in Somalia.")
    assert find(events, "RETREAT") is None


def test_pipeline_receiving_funds_is_no_visit(coder):
    events = code(coder, "The law forces charities that receive foreign funding to register.")
    assert find(events, "CONSULT") is None
    visit = find(code(coder, "The Saudi king received the Iranian foreign minister in Riyadh."), "CONSULT")
    assert visit is not None and visit.mode == "visit" and visit.target.country == "IRN"


def test_pipeline_one_actor_per_chained_title(coder):
    meetings = [e for e in code(coder, "The premier will also meet Polish Chief Rabbi Michael Schudrich in Warsaw.")
                if e.event_type == "CONSULT"]
    assert len({e.target.name for e in meetings if e.target}) <= 1


def test_pipeline_calling_something_a_name_is_no_call(coder):
    assert code(coder, "Bennett, for his part, called Russia a key player in the Middle East.") == []
    call = find(code(coder, "Macron called Putin on Friday."), "CONSULT")
    assert call is not None and call.mode == "phone"


def test_pipeline_the_two_countries_are_the_documents_two_states_not_the_last_named(coder):
    events = code(coder, "Bennett met Putin in Sochi on Friday. The talks covered Syria, Iran and the "
                         "coordination between the two countries' armed forces.")
    coordination = find(events, "COOPERATE")
    assert coordination is not None
    assert {coordination.source.country, coordination.target.country} == {"ISR", "RUS"}


@pytest.mark.parametrize(
    "text, event_type, source_country, target_country",
    [
        ("Sri Lankan naval personnel assaulted Indian fishermen with sticks.", "ASSAULT", "LKA", "IND"),
        # the parse reads it as a noun phrase whose root is "fuel": the line is read again (dyad.events.headlines)
        ("Azerbaijan ships fuel to quake-struck Turkish provinces.", "AID", "AZE", "TUR"),
        ("Kuwait writes off 1.2 billion dollars of Sudanese debt.", "AID", "KWT", "SDN"),
        ("Brussels disburses 1.5 billion euros to Kyiv under a reform facility.", "AID", "EUR", "UKR"),
    ],
    ids=["personnel", "provinces", "debt", "brussels"],
)
def test_pipeline_what_a_state_owns_or_fields_acts_for_it(coder, text, event_type, source_country, target_country):
    event = find(code(coder, text), event_type)
    assert event is not None and event.source.country == source_country and event.target.country == target_country


def test_pipeline_a_promise_of_a_hostile_phrasal_act_is_a_threat(coder):
    events = code(coder, "Bolivian farmers in Santa Cruz vowed to cut off food supplies to La Paz.")
    assert find(events, "THREATEN", source__country="BOL") and not find(events, "AGREE"), \
        [(e.event_type, e.source) for e in events]


def test_pipeline_a_promise_of_force_is_a_threat(coder):
    events = code(coder, "Iran vowed to retaliate against Israel for the strike.")
    assert find(events, "THREATEN", source__country="IRN") is not None and find(events, "AGREE") is None
    assert find(code(coder, "Japan pledged to send aid to Turkey."), "AGREE") is not None


def test_pipeline_headline_by_role_and_lead_by_name_are_one_event(coder):
    text = ("Russia's Prime Minister to Visit Israel in Bid to Bolster Ties\n\n"
            "Russian Prime Minister Dmitry Medvedev will visit Israel on November 10, the Russian embassy said on Tuesday.\n")
    visits = [e for e in code(coder, text, published="2016-10-25") if e.event_type == "CONSULT"]
    assert len(visits) == 1
    visit = visits[0]
    assert visit.source.name == "Dmitry Medvedev" and visit.source.text in visit.evidence.text
    assert visit.date == "2016-11-10" and visit.status == "planned"


@pytest.mark.xfail(reason="NER (pipeline of 2026-12-07, headlines): 'Berel Lazar' is no person, so 'Chief Rabbi' "
                          "is left as a group inside the longer name", strict=True)
def test_pipeline_a_role_said_of_someone_named_beside_it_is_one_target(coder):
    text = "The premier will also meet Russia's Chief Rabbi Berel Lazar; the chief rabbi of Moscow."
    targets = [e.target for e in code(coder, text) if e.event_type == "CONSULT" and e.target]
    assert len({(t.country, t.sector) for t in targets}) == len(targets)


def test_pipeline_a_capitals_envoy_belongs_to_its_state_not_to_the_destination(coder):
    visit = find(code(coder, "Tehran's top diplomat will travel to Riyadh next week for talks with Saudi officials."),
                 "CONSULT")
    assert visit is not None and visit.source.country == "IRN" and visit.target.country == "SAU"


def test_pipeline_a_sentence_the_tagger_left_without_a_verb_is_read_like_a_headline(coder):
    # "quit" is tagged as a noun here: the sentence has no verb at all
    event = find(code(coder, "Bhutan's foreign minister quit after the row."), "RETREAT")
    assert event is not None and event.source.country == "BTN"


def test_pipeline_a_verbless_headline_has_its_verb(coder):
    # the tagger reads "expels" as a plural noun and the line as one noun phrase
    expulsion = find(code(coder, "Kenya expels Somali diplomat over border row"), "SANCTION")
    assert expulsion is not None and expulsion.source.country == "KEN" and expulsion.mode == "expel"


def test_pipeline_a_headline_verb_read_into_its_subject_is_cut_off(coder):
    # "resigns" is tagged a plural noun, the head of "Estonian ... minister resigns"
    event = find(code(coder, "Estonian interior minister resigns over border guard scandal"), "RETREAT")
    assert event is not None and event.source.name == "Estonian interior minister" and event.source.country == "EST"


@pytest.mark.parametrize(
    "text, act, stated, source, target",
    [
        ("Portugal will support Turkey's bid to join the European Union, the Portuguese president said.",
         "SUPPORT", "AGREE", "PRT", "TUR"),
        ("Japan will give Kenya a loan of 200 million dollars, the Japanese foreign ministry said.", "AID", "AGREE", "JPN", "KEN"),
        ("The Greek government said it would withdraw its ambassador from Turkey if the drilling went on.",
         "SANCTION", "THREATEN", "GRC", "TUR"),
        # cooperation reported in the future tense is a promise (PLOVER manual, AGREE)
        ("Israel and Jordan will sign a water agreement next week.", "SUPPORT", "AGREE", "ISR", "JOR"),
        ("Under a budget bill published on Monday, Norway will give Moldova 30 million euros next year.",
         "AID", "AGREE", "NOR", "MDA"),
    ],
    ids=["will-support-said", "will-give-said", "would-withdraw-if", "reported-will-sign", "reported-will-give"],
)
def test_pipeline_stated_intention_is_agree_or_threaten_that_happened(coder, text, act, stated, source, target):
    """Saying one will act is itself an act: AGREE for a cooperative one,
    THREATEN for a hostile or conditional one; the act itself stays planned."""
    events = code(coder, text)
    assert find(events, act, status="planned", source__country=source), [(e.event_type, e.status) for e in events]
    said = find(events, stated, status="happened", source__country=source)
    assert said and (said.target.country if said.target else None) == target


@pytest.mark.parametrize(
    "text",
    [
        "Russia will expel two Estonian diplomats next week.",  # a reporter's plan of a hostile act, not a threat
        "Kenya did not say whether it would expel the Somali ambassador.",
    ],
    ids=["reported-hostile-plan", "no-intention-stated"],
)
def test_pipeline_plans_that_state_no_intention_add_no_agree_or_threaten(coder, text):
    events = code(coder, text)
    assert events and not [e for e in events if e.event_type in {"AGREE", "THREATEN"}], [(e.event_type, e.status) for e in events]


def test_pipeline_act_in_a_condition_has_not_happened(coder):
    events = code(coder, "The rebels said they would boycott the talks with the government of Mali unless it released their commanders.")
    release = find(events, "RETREAT")
    assert release is not None and release.status == "planned"


@pytest.mark.parametrize(
    "text, target",
    [
        ("Serbia rejected an Australian ultimatum.", "AUS"),
        ("Bangladesh has rejected an Indian proposal for a free trade agreement.", "IND"),
        ("Pakistan's president rejected a fresh offer from Afghanistan for direct talks.", "AFG"),
    ],
    ids=["demonym", "demonym-phrasal", "offer-from"],
)
def test_pipeline_refusing_a_proposal_targets_its_author(coder, text, target):
    events = code(coder, text)
    assert find(events, "REJECT", target__country=target), [(e.event_type, e.target) for e in events]


def test_pipeline_titled_name_the_recogniser_keeps_is_a_person_not_a_place(coder):
    """"Bush" is also a town in the gazetteer; after "President" it is a person,
    and the state he acts on does not become his own."""
    events = code(coder, "President Bush has threatened further action against Russia.")
    threat = find(events, "THREATEN", source__name="Bush")
    assert threat is not None and threat.target.country == "RUS" and threat.source.country != "RUS"


def test_pipeline_title_before_a_name_is_not_a_person_of_that_surname(coder):
    events = code(coder, "King Hassan of Morocco hosted a meeting with Shimon Peres.")
    meeting = find(events, "CONSULT", source__country="MAR") or find(events, "CONSULT", target__country="MAR")
    assert meeting is not None and "Tom King" not in {meeting.source.name, meeting.target.name}


def test_pipeline_a_people_named_with_a_demonym_is_an_actor(coder):
    events = code(coder, "Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday.")
    assert find(events, "PROTEST", source__country="IRQ"), [(e.event_type, e.source) for e in events]


def test_pipeline_giving_money_is_aid_to_the_receiver(coder):
    events = code(coder, "The United States gave Ukraine 400 million dollars in military aid.")
    assert find(events, "AID", source__country="USA", target__country="UKR"), [(e.event_type, e.target) for e in events]


def test_pipeline_one_act_told_by_verb_and_noun_is_one_event(coder):
    events = code(coder, "Japan gave Kenya a loan of 200 million dollars.")
    aid = [e for e in events if e.event_type == "AID"]
    assert len(aid) == 1 and aid[0].target.country == "KEN", [(e.event_type, e.target) for e in events]


@pytest.mark.parametrize(
    "text, sides",
    [
        ("Turkish and Iraqi security chiefs held a meeting in Ankara on Tuesday.", {"TUR", "IRQ"}),
        ("Cambodian and Thai military officers met at the border committee in Kuala Lumpur.", {"KHM", "THA"}),
        ("Israeli and Palestinian negotiators met in Cairo.", {"ISR", "PSE"}),
    ],
    ids=["amod-pair", "first-demonym-as-subject", "root-noun-parse"],
)
def test_pipeline_coordinated_demonyms_are_the_two_sides(coder, text, sides):
    events = code(coder, text)
    assert any(e.event_type == "CONSULT" and {e.source.country, e.target.country} == sides for e in events), \
        [(e.event_type, e.source, e.target) for e in events]


def test_pipeline_an_organisation_coordinated_with_a_demonym_is_a_side_of_its_own(coder):
    events = code(coder, "Israeli and Hamas negotiators met in Cairo on Monday.")
    talks = find(events, "CONSULT")
    assert talks is not None, [(e.event_type, e.source, e.target) for e in events]
    sides = {(talks.source.country, talks.source.sector), (talks.target.country, talks.target.sector)}
    assert sides == {("ISR", "GOV"), ("PSE", "REB")}, sides


def test_pipeline_handing_out_food_is_aid_from_an_armed_groups_fighters(coder):
    event = find(code(coder, "Fighters of the Arakan Army handed out rice to villagers in Rakhine state."), "AID")
    assert event is not None and (event.source.country, event.source.sector) == ("MMR", "REB")
    assert event.target.sector == "CVL"


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Burundi formally left the International Criminal Court on Friday.", "BDI", "IGO"),
        ("Mali quit ECOWAS in January.", "MLI", "IGO"),
        ("The United Nations pulled its peacekeepers out of Mali.", "UNO", "MLI"),
        ("The Burmese junta ordered the Bangladeshi military attaché to leave Yangon within 48 hours.", "MMR", "BGD"),
    ],
    ids=["left-court", "quit-bloc", "peacekeepers-out", "diplomat-ordered-out"],
)
def test_pipeline_leaving_bodies_and_sending_diplomats_away_reduce_relations(coder, text, source, target):
    assert_coded(coder, text, "SANCTION", source__country=source, target__country=target)


def test_pipeline_a_minister_who_quits_resigns(coder):
    assert find(code(coder, "The finance minister of Pakistan, Ishaq Dar, quit."), "RETREAT") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Brazilian landless workers occupied an unproductive sugar estate in Pernambuco.",
        "Romanian truckers blocked fuel depots on Monday.",
    ],
    ids=["occupation", "blockade"],
)
def test_pipeline_people_seizing_or_blocking_protest(coder, text):
    event = find(code(coder, text), "PROTEST")
    assert event is not None and event.mode == "obstruct", [(e.event_type, e.source) for e in code(coder, text)]


def test_pipeline_troops_occupying_a_town_still_coerce(coder):
    assert find(code(coder, "Russian forces occupied the town of Kupiansk."), "COERCE") is not None


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        ("The Pakistani Taliban attacked a police station in Bannu.", "ASSAULT", "PAK", "PAK"),
        ("Houthi fighters struck a Greek-owned tanker in the Red Sea.", "ASSAULT", "YEM", "GRC"),
        ("North Korean soldiers fired at a defector as he ran across the demarcation line.", "ASSAULT", "PRK", "PRK"),
    ],
    ids=["demonym-in-a-bodys-name", "hyphenated-owner", "defector"],
)
def test_pipeline_sides_named_around_the_entity(coder, text, event_type, source, target):
    assert_coded(coder, text, event_type, source__country=source, target__country=target)


@pytest.mark.parametrize(
    "text, sector",
    [
        ("Slovakia's electoral commission refused to certify the referendum petition.", "GOV"),
        ("Nepal's upper house voted down the citizenship amendment bill.", "LEG"),
    ],
    ids=["electoral-commission", "upper-house"],
)
def test_pipeline_a_body_named_by_adjective_and_noun_acts(coder, text, sector):
    event = find(code(coder, text), "REJECT")
    assert event is not None and event.source.sector == sector, [(e.event_type, e.source) for e in code(coder, text)]


def test_pipeline_an_adjective_that_names_a_sector_does_not_make_a_thing_a_body(coder):
    event = find(code(coder, "Washington suspended military aid to Niger after the coup."), "SANCTION")
    assert event is not None and event.target.country == "NER"


def test_pipeline_a_title_coordinated_with_another_is_a_side_not_a_modifier(coder):
    events = code(coder, "NUUK — Denmark's prime minister and Greenland's premier held a closed-door meeting in Nuuk.")
    talks = find(events, "CONSULT")
    assert talks is not None and {talks.source.country, talks.target.country} == {"DNK", "GRL"}, \
        [(e.event_type, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        ("Malaysia banned Israeli-flagged ships from its ports.", "SANCTION", "MYS", "ISR"),
        ("Brussels will bar Chinese firms from public tenders for medical devices.", "SANCTION", "EUR", "CHN"),
        ("Sweden ended its bilateral development aid to Mali.", "SANCTION", "SWE", "MLI"),
    ],
    ids=["ban-abroad", "bar-foreign-firms", "end-aid"],
)
def test_pipeline_bans_on_another_state_and_ended_aid_are_sanctions(coder, text, event_type, source, target):
    assert_coded(coder, text, event_type, source__country=source, target__country=target)


def test_pipeline_a_ban_at_home_coerces_and_is_no_protest_by_its_author(coder):
    events = code(coder, "The Kenyan government banned protests in the capital.")
    assert find(events, "COERCE") and not find(events, "PROTEST"), [(e.event_type, e.source) for e in events]


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Burkina Faso's junta began arming civilian volunteers under a general mobilisation decree.", "MOBILIZE"),
        ("Iran armed the Houthis.", "AID"),
    ],
    ids=["own-volunteers", "another-states-rebels"],
)
def test_pipeline_arming_ones_own_is_mobilising_arming_others_is_aid(coder, text, event_type):
    assert_coded(coder, text, event_type)


def test_pipeline_a_demonym_before_an_unknown_body_places_it(coder):
    event = find(code(coder, "The Czech Senate did not veto the constitutional amendment."), "REJECT")
    assert event is not None and (event.source.country, event.status) == ("CZE", "negated")


def test_pipeline_a_participle_describing_a_leader_does_not_cut_off_the_state_before_it(coder):
    events = code(coder, "Tanzania's president hosted Mozambique's newly elected leader at State House on Wednesday.")
    visit = find(events, "CONSULT")
    assert visit is not None and (visit.source.country, visit.target.country) == ("TZA", "MOZ"), \
        [(e.event_type, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("The general assembly of the Organization of American States approved a resolution commending "
         "Guatemala's electoral authorities.", "IGO", "GTM"),
        ("SUVA — Pacific Islands Forum leaders gave their endorsement to a regional ocean declaration.", "IGO", None),
        ("Ukraine's parliament ratified the Rome Statute of the International Criminal Court.", "UKR", "IGO"),
    ],
    ids=["body-after-of", "body-over-several-modifiers", "treaty-named-by-a-city"],
)
def test_pipeline_bodies_named_in_longer_phrases(coder, text, source, target):
    events = code(coder, text)
    assert all(e.event_type == "SUPPORT" for e in events) and events, [(e.event_type, e.source) for e in events]
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {(source, target)}, \
        [(e.source, e.target) for e in events]


def test_pipeline_a_possessive_state_places_a_body_tagged_without_it(coder):
    text = "COLOMBO — Sri Lanka's Human Rights Commission faulted police for using excessive force against teachers."
    event = find(code(coder, text), "ACCUSE")
    assert event is not None and event.source.country == "LKA", [(e.event_type, e.source) for e in code(coder, text)]


def test_pipeline_a_prosecutor_general_is_judicial_not_military(coder):
    event = find(code(coder, "Uzbekistan's prosecutor general will look into complaints from cotton pickers."), "ACCUSE")
    assert event is not None and event.source.sector == "JUD"


def test_pipeline_noun_trigger_as_object_is_done_by_the_verbs_subject(coder):
    events = code(coder, "The Egyptian navy and its French counterpart completed the Cleopatra drills off Alexandria on Friday.")
    drill = find(events, "COOPERATE")
    assert drill is not None and {drill.source.country, drill.target.country} == {"EGY", "FRA"}


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        ("Caracas set free three Colombian truck drivers held at a checkpoint after talks with Bogota.", "RETREAT", "VEN", "COL"),
        ("Ghana's president sent a message of congratulation to Togo's president during the summit.", "SUPPORT", "GHA", "TGO"),
    ],
    ids=["set-free", "message-of-congratulation"],
)
def test_pipeline_sentence_model_speaks_when_lexicon_words_make_no_event(coder, text, event_type, source, target):
    """"talks", "summit" are lexicon words, but with no sides they make no
    event; the sentence model then names the sentence's own event."""
    assert_coded(coder, text, event_type, source__country=source, target__country=target)


def test_pipeline_guessed_event_hangs_from_the_reported_verb_not_the_report(coder):
    """The sentence model's event takes its sides from "advanced", not from
    "reported": the media that told it are not its source."""
    from dyad.language import sentences
    from dyad.pipeline import _main_verb

    doc = coder.nlp("Tigrayan forces advanced towards the Afar region on Sunday, Ethiopian state media reported.")
    assert _main_verb(next(iter(sentences(doc)))).lower_ == "advanced"


def test_pipeline_an_unnamed_office_is_the_office_of_the_state_in_question(coder):
    text = "Kenyan lawyers urged the interior minister to resign over the deaths of protesters."
    assert_coded(coder, text, "REQUEST", source__country="KEN", target__country="KEN", target__sector="GOV")


def test_pipeline_denying_a_fact_negates_it_and_is_no_rejection(coder):
    events = code(coder, "The Sudanese army denied that its soldiers had shelled the village.")
    assert not find(events, "REJECT"), [(e.event_type, e.status) for e in events]
    assert find(events, "ASSAULT", status="negated"), [(e.event_type, e.status) for e in events]


def test_pipeline_willingness_to_meet_is_an_offer(coder):
    events = code(coder, "The rebels were willing to meet government negotiators in Nairobi.")
    assert find(events, "AGREE", status="happened") and find(events, "CONSULT", status="planned"), \
        [(e.event_type, e.status) for e in events]


def test_pipeline_verb_parsed_as_adjective_on_its_object_keeps_the_object(coder):
    events = code(coder, "Beijing's special envoy for Eurasian affairs met Polish officials in Warsaw on Thursday.")
    assert find(events, "CONSULT", source__country="CHN", target__country="POL") or \
        find(events, "CONSULT", source__country="POL", target__country="CHN"), [(e.event_type, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    "text, event_type, status",
    [
        ("Saudi Arabia's relief centre is due to deliver 200 tonnes of dates to families in Mali.", "AID", "planned"),
        ("Nepal to ask India to reopen boundary talks", "REQUEST", "planned"),
        ("Belarus said its foreign minister had held no talks with Polish officials.", "CONSULT", "negated"),
        ("No Kazakh wheat has reached Iran via the new rail corridor.", "COOPERATE", "negated"),
        ("Russia is preparing a fresh wave of missile strikes on Ukraine's power grid.", "ASSAULT", "planned"),
        ("The African Union summit is likely to endorse Nigeria's candidate for commission chair.", "SUPPORT", "planned"),
        ("Beijing refrained from criticising the military takeover in Niger.", "ACCUSE", "negated"),
        ("Senegal's interior minister declined to step down despite opposition calls.", "RETREAT", "negated"),
        ("Estonia to call up reservists for snap readiness drill", "MOBILIZE", "planned"),
        ("Cambodia is to restore the political rights of 118 opposition members, officials said.", "CONCEDE", "planned"),
        ("The judiciary denied that security forces had fired metal pellets at mourners in Mahabad.", "ASSAULT",
         "negated"),
    ],
    ids=["due-to", "headline-to", "held-no-talks", "no-subject", "wave-prepared", "likely-to", "refrained-from",
         "declined-to-as-adverbial", "headline-to-on-subject", "is-to-as-copula", "denied-clause"],
)
def test_pipeline_status_from_words_the_parse_misplaces(coder, text, event_type, status):
    events = code(coder, text)
    assert find(events, event_type, status=status), [(e.event_type, e.status) for e in events]


@pytest.mark.parametrize(
    "text",
    ["The UN condemned the attack on the convoy.", "Russia criticised the military takeover in Niger."],
    ids=["condemned-attack", "criticised-takeover"],
)
def test_pipeline_who_judges_an_act_did_not_do_it(coder, text):
    events = code(coder, text)
    assert find(events, "ACCUSE") and not find(events, "ASSAULT") and not find(events, "COERCE"), \
        [(e.event_type, e.source, e.target) for e in events]


def test_pipeline_an_act_avoided_is_not_guessed_back_by_the_sentence_model(coder):
    events = code(coder, "Brasilia avoided criticising Caracas over the disputed election.")
    assert not [e for e in events if e.status == "happened"], [(e.event_type, e.status) for e in events]


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The court revoked the arrest warrants for two opposition leaders.", "CONCEDE"),
        ("Washington freed 6 billion dollars in frozen Iranian funds.", "AID"),
        ("The authorities suspended mobile internet in the capital.", "COERCE"),
    ],
    ids=["revoke-warrant", "free-funds", "suspend-internet"],
)
def test_pipeline_the_object_decides_what_revoking_freeing_or_suspending_is(coder, text, event_type):
    events = code(coder, text)
    assert find(events, event_type), [(e.event_type, e.status) for e in events]


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The rebel commander vowed a merciless response to the air strikes.", "THREATEN"),
        ("The militia leader vowed to drive the army out of the valley.", "THREATEN"),
        ("North Korea brushed aside a Japanese proposal for a summit.", "REJECT"),
    ],
    ids=["vowed-response", "vowed-to-drive-out", "brushed-aside"],
)
def test_pipeline_promised_force_and_brushed_aside_offers(coder, text, event_type):
    events = code(coder, text)
    assert find(events, event_type), [(e.event_type, e.status) for e in events]


def test_pipeline_what_a_crowd_does_to_demand_something_is_a_protest(coder):
    events = code(coder, "Nurses at public hospitals began an open-ended stoppage on Monday to demand months of unpaid wages.")
    assert find(events, "PROTEST"), [(e.event_type, e.status) for e in events]


def test_pipeline_an_official_travelling_to_press_a_state_is_no_protest(coder):
    events = code(coder, "The minister travelled to Paris to press France for more aid.")
    assert not find(events, "PROTEST"), [(e.event_type, e.status) for e in events]


@pytest.mark.parametrize(
    "text, sides",
    [
        ("Serbia and Hungary opened a joint border police station at Horgos.", {"SRB", "HUN"}),
        ("Ethiopia began exporting electricity to Kenya over a new line.", {"ETH", "KEN"}),
    ],
    ids=["joint-object", "exporting-to"],
)
def test_pipeline_joint_acts_and_trade_are_cooperation(coder, text, sides):
    events = code(coder, text)
    assert any(e.event_type == "COOPERATE" and {e.source.country, e.target.country} == sides for e in events), \
        [(e.event_type, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    "text, event_type, sides",
    [
        ("Djibouti, Paraguay open diplomatic relations", "SUPPORT", {"DJI", "PRY"}),
        ("Bulgaria, North Macedonia normalise relations after language row", "SUPPORT", {"BGR", "MKD"}),
    ],
    ids=["open-relations", "normalise-relations"],
)
def test_pipeline_wire_headline_with_two_states_before_its_verb(coder, text, event_type, sides):
    events = code(coder, text)
    assert any(e.event_type == event_type and {e.source.country, e.target.country} == sides for e in events), \
        [(e.event_type, e.source, e.target) for e in events]


def test_pipeline_unnamed_working_people_are_a_side_placed_where_they_act(coder):
    events = code(coder, "Dockworkers at the port of Antwerp walked off the job for 24 hours on Monday over a government plan.")
    assert find(events, "PROTEST", source__country="BEL", source__sector="LAB"), [(e.event_type, e.source) for e in events]


@pytest.mark.parametrize(
    "text, giver, receiver",
    [
        ("Eswatini received a 90 million dollar loan from the African Development Bank.", "IGO", "SWZ"),
        ("The Nigerien junta received a shipment of armoured vehicles from Ankara on Thursday.", "TUR", "NER"),
    ],
    ids=["loan-from-a-development-bank", "shipment-from-a-capital"],
)
def test_pipeline_who_receives_aid_is_its_target(coder, text, giver, receiver):
    assert_coded(coder, text, "AID", source__country=giver, target__country=receiver)


@pytest.mark.parametrize(
    "text, target",
    [
        ("Kiribati withdrew from the Pacific Islands Forum, citing a dispute.", "IGO"),
        ("Mexico pulled all of its diplomatic staff out of Quito.", "ECU"),
    ],
    ids=["leaving-a-regional-body", "pulling-diplomats"],
)
def test_pipeline_leaving_a_body_or_pulling_diplomats_is_a_sanction(coder, text, target):
    events = code(coder, text)
    assert find(events, "SANCTION", target__country=target), [(e.event_type, e.target) for e in events]


def test_pipeline_troops_withdrawing_from_a_place_is_still_a_retreat(coder):
    events = code(coder, "Russian troops withdrew from Kherson.")
    assert find(events, "RETREAT") and not find(events, "SANCTION"), [(e.event_type, e.target) for e in events]


@pytest.mark.parametrize(
    "text, sides",
    [
        ("Israel and Hamas halted hostilities at 7 a.m.", {"ISR", "PSE"}),
        ("Indian and Chinese soldiers disengaged from the friction point.", {"IND", "CHN"}),
    ],
    ids=["halted-hostilities", "disengaged"],
)
def test_pipeline_a_mutual_ceasefire_has_both_sides(coder, text, sides):
    events = code(coder, text)
    assert any(e.event_type == "RETREAT" and e.target and {e.source.country, e.target.country} == sides for e in events), \
        [(e.event_type, e.source, e.target) for e in events]


def test_pipeline_unnamed_militants_are_a_side(coder):
    events = code(coder, "Militants attacked a police station in Borno state on Sunday.")
    assert find(events, "ASSAULT", source__sector="REB"), [(e.event_type, e.source) for e in events]


@pytest.mark.parametrize(
    "text, body",
    [
        ("ASEAN foreign ministers met in Kuala Lumpur on Tuesday.", "IGO"),
        ("African Union health ministers met in Addis Ababa on Friday.", "IGO"),
        ("EU finance ministers met in Luxembourg on Friday.", "EUR"),
    ],
    ids=["asean", "eu", "body-on-the-next-modifier"],
)
def test_pipeline_a_meeting_of_a_bodys_members_is_a_multilateral_consult(coder, text, body):
    assert_coded(coder, text, "CONSULT", source__country=body, mode="multilateral")


def test_pipeline_an_ngo_discussing_alone_is_no_meeting(coder):
    events = code(coder, "The European Jewish Congress discussed the report.")
    assert not find(events, "CONSULT"), [(e.event_type, e.source, e.target) for e in events]


def test_pipeline_a_hostile_act_foretold_in_the_passive_is_the_tellers_threat(coder):
    events = code(coder, "Kyrgyz prosecutors said on Wednesday that a Kazakh journalist would be detained on sight if he returned.")
    assert find(events, "THREATEN", status="happened", source__country="KGZ", target__country="KAZ"), \
        [(e.event_type, e.status, e.source, e.target) for e in events]


def test_pipeline_an_irregular_past_the_tagger_took_for_a_participle_is_still_the_clauses_verb(coder):
    events = code(coder, "Peru's foreign minister spoke by videolink with her Ecuadorian counterpart on Thursday.")
    talk = find(events, "CONSULT", mode="phone")
    assert talk is not None and (talk.source.country, talk.target.country) == ("PER", "ECU"), \
        [(e.event_type, e.mode, e.source, e.target) for e in events]


def test_pipeline_a_talk_by_phone_has_its_other_side_and_the_phone_mode(coder):
    events = code(coder, "The Turkish foreign minister spoke by telephone with his Egyptian counterpart.")
    talk = find(events, "CONSULT", mode="phone")
    assert talk is not None and {talk.source.country, talk.target.country} == {"TUR", "EGY"}


def test_pipeline_a_told_threat_happened_whatever_the_date_of_what_it_foretells(coder):
    events = code(coder, "Tokyo told Seoul that next month's summit would be scrapped if plaintiffs seized Japanese assets.")
    assert find(events, "THREATEN", status="happened", source__country="JPN", target__country="KOR"), \
        [(e.event_type, e.status, e.source, e.target) for e in events]


def test_pipeline_slated_to_sign_is_planned(coder):
    events = code(coder, "The Dominican Republic and Guyana are slated to sign a memorandum on energy cooperation next week.")
    assert find(events, "SUPPORT", status="planned"), [(e.event_type, e.status) for e in events]


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Mexico yet to commit troops to Haiti mission", "AGREE"),
        ("Canada has yet to resettle the Afghan interpreters.", "AID"),
        ("Thailand's main opposition party stopped short of calling for the prime minister to resign.", "REQUEST"),
    ],
    ids=["yet-to-headline", "has-yet-to", "stopped-short-of"],
)
def test_pipeline_acts_not_yet_done_or_stopped_short_of_are_negated(coder, text, event_type):
    events = code(coder, text)
    assert find(events, event_type, status="negated"), [(e.event_type, e.status) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The Uzbek president gave his word that a border market for Afghan traders would open in Termez.",
        "Kuwait's sovereign wealth fund came forward with a commitment to refinance part of Egypt's debt.",
    ],
    ids=["gave-his-word", "a-commitment"],
)
def test_pipeline_words_of_commitment_are_agree(coder, text):
    events = code(coder, text)
    assert find(events, "AGREE", status="happened"), [(e.event_type, e.status) for e in events]


def test_pipeline_committing_atrocities_is_no_commitment(coder):
    assert not find(code(coder, "The army committed atrocities in the village."), "AGREE")


@pytest.mark.parametrize(
    "text, event_type, target",
    [
        ("Canada suspended imports of Brazilian beef on Monday.", "SANCTION", "BRA"),
        ("Russia banned imports of Georgian wine in 2006.", "SANCTION", "GEO"),
        ("Kenya eased its ban on Ugandan sugar last week.", "CONCEDE", "UGA"),
    ],
)
def test_pipeline_the_state_that_what_is_acted_on_belongs_to_is_the_target(coder, text, event_type, target):
    events = code(coder, text)
    assert find(events, event_type, target__country=target), events


def test_pipeline_a_thing_of_the_sources_own_state_makes_no_target(coder):
    events = code(coder, "France halted the export of French wine to its own vineyards.")
    assert not find(events, "SANCTION", target__country="FRA")


def test_pipeline_an_act_on_nobody_named_at_home_is_done_to_the_places_people(coder):
    event = find(code(coder, "Police in Peru fired tear gas in Cusco on Sunday."), "ASSAULT")
    assert event.source.country == "PER"
    assert (event.target.name, event.target.country, event.target.sector) == ("Cusco", "PER", "CVL")


def test_pipeline_an_act_abroad_is_not_done_to_the_places_people(coder):
    events = code(coder, "Turkish police fired tear gas in Athens on Sunday.")
    assert not find(events, "ASSAULT", target__name="Athens")


def test_pipeline_a_role_is_placed_by_the_place_named_after_it(coder):
    event = find(code(coder, "Sweden recognised the new authorities in Kabul on Monday."), "SUPPORT")
    assert (event.source.country, event.target.country, event.target.sector) == ("SWE", "AFG", "GOV")


def test_pipeline_its_troops_belong_to_the_side_named_before_not_to_the_place(coder):
    event = find(code(coder, "Moscow denied that its troops had shelled the maternity hospital in Mariupol."), "ASSAULT")
    assert (event.source.country, event.target.country, event.status) == ("RUS", "UKR", "negated")


def test_pipeline_an_act_on_nobody_named_abroad_is_done_to_the_state_of_the_place(coder):
    event = find(code(coder, "Russia's defence ministry said its troops had destroyed a weapons depot in Lviv."), "ASSAULT")
    assert (event.source.country, event.target.country) == ("RUS", "UKR")


@pytest.mark.parametrize(
    "text, act, source, target",
    [
        # the parse reads "sent" as the adjective of "blankets" (with "fund" its subject) and "mountain" as a
        # verb: the sentence is read again with "has sent" (dyad.events.headlines)
        ("Qatar's charity fund sent blankets and stoves to mountain villages in northern Pakistan.", "AID", "QAT", "PAK"),
        ("The Turkish air force kept up its raids on arms depots in northern Iraq, officials said.", "ASSAULT", "TUR", "IRQ"),
    ],
    ids=["aid-to-villages-in", "raids-on-depots-in"],
)
def test_pipeline_aid_or_attack_landing_in_a_state_named_down_the_object_is_aimed_at_it(coder, text, act, source, target):
    assert sides(coder, text, act) == (source, target)


def test_pipeline_a_persons_surname_after_in_is_the_place(coder):
    event = find(code(coder, "Authorities in Lagos demolished hundreds of homes."), "ASSAULT")
    assert (event.source.name, event.source.country) == ("Authorities", "NGA")


@pytest.mark.parametrize(
    "text, source",
    [
        ("Angry residents of a Lagos suburb burned a police vehicle.", ("Angry residents", "NGA")),
        ("Former president Lagos met Bachelet in Santiago.", ("Ricardo Lagos", "CHL")),
    ],
    ids=["read-as-place", "titled"],
)
def test_pipeline_a_name_both_place_and_person_is_what_the_tagger_and_titles_say(coder, text, source):
    events = code(coder, text)
    assert any((e.source.name, e.source.country) == source for e in events), [(e.event_type, e.source) for e in events]


def test_pipeline_the_end_of_a_hyphenated_place_is_not_a_surname(coder):
    text = ("KABUL — Uzbekistan will supply electricity at no cost to two Afghan hospitals in Mazar-i-Sharif "
            "this winter, officials in the Taliban administration said.")
    events = code(coder, text, published="2024-11-01")
    assert events and all(e.target is None or e.target.country != "PAK" for e in events), \
        [(e.event_type, e.target) for e in events]


def test_pipeline_a_state_name_the_parse_split_is_read_whole(coder):
    event = find(code(coder, "Papua New Guinea's government signed an agreement with Australia."), "SUPPORT")
    assert event.source.country == "PNG"


def test_pipeline_a_body_whose_name_runs_past_its_modifiers_is_found_whole(coder):
    """The NER marks only "Security Council", whose words alone name the UN's."""
    event = find(code(coder, "The African Union's Peace and Security Council suspended Mali on Friday."), "SANCTION")
    assert (event.source.name, event.source.country) == ("African Union Peace and Security Council", "IGO")


def test_pipeline_forces_deployed_by_nobody_named_are_their_state_mobilising(coder):
    event = find(code(coder, "Ghanaian paratroopers were deployed to the northern border on Monday."), "MOBILIZE")
    assert (event.source.country, event.source.sector) == ("GHA", "MIL")


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Egypt's military imposed martial law in North Sinai.", "COERCE"),
        ("The ruling party brushed off calls for early elections.", "REJECT"),
        ("Kenyan police sealed off the main road to the airport.", "COERCE"),
        ("Peru's president expressed his gratitude to Chile for the rescue.", "SUPPORT"),
    ],
)
def test_pipeline_more_phrasings_of_known_types(coder, text, event_type):
    assert find(code(coder, text), event_type), code(coder, text)


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Turkey dispatched 200 tonnes of food to Libya on Monday.", "AID"),
        ("Germany shipped ammunition to Ukraine last month.", "AID"),
        ("Rwanda dispatched troops to Mozambique.", "MOBILIZE"),
    ],
)
def test_pipeline_what_is_dispatched_decides_aid_or_mobilisation(coder, text, event_type):
    assert find(code(coder, text), event_type), code(coder, text)


@pytest.mark.parametrize(
    "dateline, country",
    [("LUSAKA, Zambia — ", "ZMB"), ("LUSAKA — ", "ZMB"), ("", None)],
)
def test_pipeline_the_dateline_places_the_roles_a_story_leaves_unplaced(coder, dateline, country):
    text = f"{dateline}Nurses at public hospitals began a strike on Monday to demand unpaid wages."
    event = find(code(coder, text), "PROTEST")
    assert event.source.country == country


def test_pipeline_a_strike_begun_by_workers_is_a_stoppage(coder):
    assert find(code(coder, "Miners in Chile began a strike on Monday."), "PROTEST", mode="strike")
    assert find(code(coder, "Israeli jets launched a strike on Gaza."), "ASSAULT")


def test_pipeline_one_word_of_a_longer_place_name_places_nobody(coder):
    event = find(code(coder, "Teachers at Addis Ababa University held a rally to denounce the pay freeze."), "PROTEST")
    assert event.source.country == "ETH"


def test_pipeline_a_group_of_a_states_people_belongs_to_that_state(coder):
    text = "Nigerian border officials denied entry to a delegation of Beninese traders at the Seme crossing."
    event = find(code(coder, text), "REJECT")
    assert (event.source.country, event.target.country) == ("NGA", "BEN")


def test_pipeline_a_threat_said_in_the_actors_own_words_happened(coder):
    text = "Chad said it would crush the rebels if they crossed the river."
    assert find(code(coder, text), "THREATEN", status="happened"), code(coder, text)


def test_pipeline_a_warning_still_to_be_delivered_is_planned(coder):
    text = "Hezbollah will deliver a warning to Israel in a televised statement on Friday, the group said."
    assert find(code(coder, text), "THREATEN", status="planned"), code(coder, text)


def test_pipeline_a_crowd_attacking_is_a_riot(coder):
    event = find(code(coder, "Rioters in the Zambian town of Kitwe torched a police post."), "PROTEST")
    assert (event.mode, event.source.country) == ("riot", "ZMB")


def test_pipeline_bare_soldiers_are_a_side_placed_where_they_act(coder):
    event = find(code(coder, "Soldiers fired on the protesters in Khartoum."), "ASSAULT")
    assert (event.source.country, event.source.sector) == ("SDN", "MIL")


def test_pipeline_the_forces_moved_are_not_the_target_of_a_mobilisation(coder):
    event = find(code(coder, "Armenia sent troops to its border with Azerbaijan."), "MOBILIZE")
    assert (event.source.country, event.target.country) == ("ARM", "AZE")


def test_pipeline_a_place_the_gazetteer_lacks_is_in_the_state_named_before_it(coder):
    text = "Burundian troops will withdraw from eastern Congo's Masisi territory next month."
    event = find(code(coder, text), "RETREAT")
    assert (event.source.country, event.target.country) == ("BDI", "COD")


def test_pipeline_the_peoples_liberation_army_is_chinas(coder):
    event = find(code(coder, "The People's Liberation Army fired missiles into the sea near Taiwan."), "ASSAULT")
    assert event.source.country == "CHN"


@pytest.mark.parametrize(
    "text",
    [
        "Canada shared satellite imagery of the smuggling routes with Mexican officials.",
        "Finnish police passed information on the suspects to Estonian investigators.",
    ],
)
def test_pipeline_sharing_evidence_and_information_is_cooperation(coder, text):
    assert find(code(coder, text), "COOPERATE"), code(coder, text)


def test_pipeline_talks_in_another_states_capital_are_with_its_government(coder):
    event = find(code(coder, "Bhutan's foreign minister held talks in New Delhi on Monday."), "CONSULT")
    assert (event.source.country, event.target.country, event.target.sector) == ("BTN", "IND", "GOV")


def test_pipeline_a_place_named_after_a_country_is_that_place(coder):
    events = code(coder, "Oil workers in the Niger Delta went on strike on Monday.")
    assert all(e.source is None or e.source.country != "NER" for e in events)
    assert find(events, "PROTEST", source__country="NGA"), events



def test_pipeline_rsf_is_sudans_rapid_support_forces(coder):
    event = find(code(coder, "The RSF shelled a hospital in El Fasher."), "ASSAULT")
    assert (event.source.name, event.source.country) == ("Rapid Support Forces", "SDN")


def test_pipeline_an_acronym_the_text_gives_in_brackets_names_that_body(coder):
    text = "Reporters Without Borders (RSF) condemned Belarus on Monday. RSF accused Minsk of jailing 30 reporters."
    event = find(code(coder, text), "ACCUSE", target__country="BLR")
    assert all(e.source.name != "Rapid Support Forces" for e in code(coder, text))
    assert event.source.name == "Reporters Without Borders"


def test_pipeline_a_passive_conjunct_shares_its_patient_not_its_agent(coder):
    text = "Two Chinese engineers working on a railway project were kidnapped by gunmen in Chad's Lac province."
    events = code(coder, text)
    assert find(events, "ASSAULT", source__name="gunmen", target__country="CHN"), events
    assert not find(events, "ASSAULT", source__country="CHN"), events


def test_pipeline_a_role_opening_a_sentence_is_placed_like_any_role(coder):
    text = "Security forces fired on mourners in the Iraqi city of Nasiriyah on Friday."
    event = find(code(coder, text), "ASSAULT")
    assert (event.source.country, event.source.sector) == ("IRQ", "MIL")


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("A Paris court ordered a Swiss bank to pay damages to French savers.", "FRA", "CHE"),
        ("A Brazilian judge ordered an American mining firm to pay a fine for polluting the river.", "BRA", "USA"),
    ],
)
def test_pipeline_an_order_to_pay_is_a_judgement_not_a_request(coder, text, source, target):
    assert_coded(coder, text, "SANCTION", mode="convict", source__country=source, target__country=target)


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Kazakhstan halted grain shipments to Kyrgyzstan on Friday.", "KAZ", "KGZ"),
        ("Algeria cut gas deliveries to Morocco last month.", "DZA", "MAR"),
        ("India stopped rice sales to Nepal after the dispute.", "IND", "NPL"),
    ],
)
def test_pipeline_stopping_a_trade_flow_to_a_state_is_a_sanction(coder, text, source, target):
    assert_coded(coder, text, "SANCTION", mode="discontinue", source__country=source, target__country=target)


def test_pipeline_a_journey_verb_done_jointly_is_cooperation_not_a_visit(coder):
    events = code(coder, "Greece and Cyprus flew joint air patrols over the island on Monday.")
    assert find(events, "COOPERATE", source__country="GRC", target__country="CYP")
    assert find(events, "CONSULT") is None, [(e.event_type, e.mode) for e in events]


@pytest.mark.parametrize(
    "text, sides",
    [
        ("Thai and Malaysian police jointly arrested six smugglers near the border.", {"THA", "MYS"}),
        ("Bulgarian and Romanian border guards jointly detained 40 migrants on Tuesday.", {"BGR", "ROU"}),
        ("Kenyan and Tanzanian police arrested nine poachers in a joint operation near the border.", {"KEN", "TZA"}),
    ],
)
def test_pipeline_an_arrest_made_jointly_is_also_cooperation_between_those_who_made_it(coder, text, sides):
    events = code(coder, text)
    cooperation = find(events, "COOPERATE")
    assert cooperation is not None and {cooperation.source.country, cooperation.target.country} == sides, \
        [(e.event_type, e.source, e.target) for e in events]
    assert find(events, "COERCE", mode="arrest")


@pytest.mark.parametrize(
    "text, event_type, target",
    [
        ("Turkish police handed two suspected smugglers over to Greek police at the Kipoi crossing.", "COOPERATE", "GRC"),
        ("Nepal handed over a suspected trafficker to Indian police on Monday.", "COOPERATE", "IND"),
        ("The rebels handed over twelve captured soldiers to the Red Cross.", "RETREAT", None),
    ],
    ids=["smugglers-to-police-abroad", "trafficker-to-police-abroad", "captives-freed"],
)
def test_pipeline_handing_the_accused_to_another_states_police_is_cooperation(coder, text, event_type, target):
    events = code(coder, text)
    assert {e.event_type for e in events} == {event_type}, [(e.event_type, e.source, e.target) for e in events]
    assert target is None or find(events, event_type, target__country=target)


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        ("Intelligence supplied by French agents helped Moroccan police find the cell.", "COOPERATE", "FRA", "MAR"),
        ("Radar data provided by Japan helped the Philippine coast guard track the vessels.", "COOPERATE", "JPN", "PHL"),
        ("Japan supplied rice to the Philippines after the typhoon.", "AID", "JPN", "PHL"),
    ],
    ids=["intelligence", "data", "goods-stay-aid"],
)
def test_pipeline_information_given_is_cooperation_not_aid(coder, text, event_type, source, target):
    events = code(coder, text)
    assert {e.event_type for e in events} == {event_type}, [(e.event_type, e.source, e.target) for e in events]
    assert find(events, event_type, source__country=source, target__country=target)


@pytest.mark.parametrize(
    "text",
    [
        "Brazil scrapped its import duties on Argentine wheat.",
        "The Indonesian government halted the deportation of Rohingya refugees.",
        "The Chilean prosecutor abandoned the prosecution of the student leaders.",
        "Poland's president offered an apology to the victims' families.",
    ],
    ids=["duties-scrapped", "deportation-halted", "prosecution-abandoned", "apology-offered"],
)
def test_pipeline_easing_a_measure_or_apologising_is_a_concession(coder, text):
    events = code(coder, text)
    assert {e.event_type for e in events} == {"CONCEDE"}, [(e.event_type, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    "text, target",
    [
        ("A roadside bomb killed four Nigerien soldiers near Tillabéri on Sunday.", "NER"),
        ("Two Kenyan police officers were killed in a blast near the Somali border.", "KEN"),
    ],
)
def test_pipeline_an_attack_by_no_one_named_keeps_its_victims(coder, text, target):
    # the event record allows a null source; an attack with named victims is worth recording
    events = code(coder, text)
    assert [(e.event_type, e.source, e.target.country) for e in events] == [("ASSAULT", None, target)]


@pytest.mark.parametrize(
    "text, target",
    [
        ("Turkish police raided the Istanbul offices of a German charity on Tuesday.", "DEU"),
        ("Russian authorities seized the Moscow warehouse of a Finnish retailer.", "FIN"),
    ],
)
def test_pipeline_the_owner_of_what_is_seized_is_the_target_not_the_city_it_stands_in(coder, text, target):
    events = code(coder, text)
    assert [(e.event_type, e.target.country) for e in events] == [("COERCE", target)], \
        [(e.event_type, e.source, e.target) for e in events]


def test_pipeline_the_body_whose_leaders_are_met_is_met(coder):
    text = "The Kenyan trade minister met leaders of the Ugandan traders' association in Nairobi."
    assert_coded(coder, text, "CONSULT", target__name="Ugandan traders' association")


def test_pipeline_two_officials_of_a_named_state_are_a_group_not_a_pair_to_resolve(coder):
    assert_coded(coder, "Two Peruvian ministers resigned on Friday after the vote.", "RETREAT",
                 mode="resign", source__country="PER")


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        ("Mexican marines freed nine Guatemalan migrants held by a smuggling gang in Chiapas.", "AID", "MEX", "GTM"),
        ("Estonia handed over two patrol boats to the Georgian coast guard.", "AID", "EST", "GEO"),
        ("French troops handed over their base in Gao to Malian forces.", "RETREAT", "FRA", "MLI"),
        ("The Houthis freed two Saudi prisoners on Sunday.", "RETREAT", "YEM", "SAU"),
    ],
    ids=["rescue-by-state-forces", "boats-handed", "base-handed", "captives-released"],
)
def test_pipeline_a_rescue_or_a_gift_is_aid_not_a_release(coder, text, event_type, source, target):
    events = code(coder, text)
    assert [(e.event_type, e.source.country, e.target.country) for e in events] == [(event_type, source, target)], \
        [(e.event_type, e.source, e.target) for e in events]


def test_pipeline_scorning_an_offer_is_a_rejection_and_no_offer_by_the_scorner(coder):
    events = code(coder, "Belgrade scorned a Croatian offer of border talks.")
    assert find(events, "REJECT", source__country="SRB", target__country="HRV")
    assert find(events, "AGREE", source__country="SRB") is None, [(e.event_type, e.source) for e in events]


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Greek dock workers will strike for two days next week.", "PROTEST"),
        ("Italian train drivers struck on Friday over pay.", "PROTEST"),
        ("Syrian jets struck rebel positions near Idlib.", "ASSAULT"),
    ],
    ids=["workers-will-strike", "drivers-struck", "jets-struck-positions"],
)
def test_pipeline_working_people_who_strike_at_nothing_stop_work(coder, text, event_type):
    events = code(coder, text)
    assert event_type in {e.event_type for e in events} and "ASSAULT" not in {e.event_type for e in events} - {event_type}, \
        [(e.event_type, e.mode) for e in events]


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The Sudanese air force carried out bombing raids on Nyala.", "ASSAULT"),
        ("Indian police raids on opposition offices continued.", "COERCE"),
    ],
    ids=["bombing-raids", "police-raids"],
)
def test_pipeline_raids_from_the_air_are_attacks(coder, text, event_type):
    assert {e.event_type for e in code(coder, text)} == {event_type}


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Uzbek authorities revoked the accreditation of an independent news agency.", "COERCE"),
        ("Brazil revoked the licences of two Chinese fishing firms.", "SANCTION"),
        ("Thai police received fingerprint records from Malaysian investigators.", "COOPERATE"),
        ("The Ghanaian president received his Togolese counterpart in Accra.", "CONSULT"),
    ],
    ids=["media-silenced-at-home", "firms-abroad-sanctioned", "records-received", "visitor-received"],
)
def test_pipeline_what_is_revoked_or_received_decides_the_type(coder, text, event_type):
    assert {e.event_type for e in code(coder, text)} == {event_type}


@pytest.mark.parametrize(
    "text, event_type, mode",
    [
        ("Libya expelled thousands of Egyptian workers last year.", "COERCE", "deport"),
        ("Nicaragua expelled 12 foreign journalists on Monday.", "COERCE", "deport"),
        ("France expelled two Russian diplomats.", "SANCTION", "expel"),
    ],
    ids=["workers", "journalists", "diplomats"],
)
def test_pipeline_expelling_people_is_a_deportation_expelling_diplomats_a_sanction(coder, text, event_type, mode):
    assert [(e.event_type, e.mode) for e in code(coder, text)] == [(event_type, mode)]


@pytest.mark.parametrize(
    "text, event_type, mode",
    [
        ("Eritrea ordered a French reporter to leave the country.", "COERCE", "deport"),
        ("A Minsk court ordered the closure of an independent newspaper.", "COERCE", "restrict"),
        ("France ordered the Iranian ambassador to leave.", "SANCTION", "expel"),
    ],
    ids=["reporter-ordered-out", "closure-ordered", "ambassador-ordered-out"],
)
def test_pipeline_an_order_whose_content_is_coercion_is_that_coercion(coder, text, event_type, mode):
    events = code(coder, text)
    assert {(e.event_type, e.mode) for e in events} == {(event_type, mode)}, [(e.event_type, e.mode) for e in events]


def test_pipeline_refusing_food_is_a_hunger_strike(coder):
    events = code(coder, "Jailed Turkish lawyers refused food for a month.")
    assert {(e.event_type, e.mode) for e in events} == {("PROTEST", "hunger")}


def test_pipeline_the_other_side_of_a_joint_act_is_of_another_state():
    # a dateline's capital ("LA PAZ —") and "Bolivian police" are one side of "Bolivian and Peruvian police"
    doc = spacy.blank("en")("Bolivia Bolivian police Peruvian police patrolled")
    sides = [("Bolivia", "BOL", "GOV"), ("Bolivian police", "BOL", "COP"), ("Peruvian police", "PER", "COP")]
    sources = tuple(Mention(i, i + 1, i, (Actor(text, text, country, sector, None),), "group")
                    for i, (text, country, sector) in enumerate(sides))
    trigger = Trigger(doc[5], (5,), DONE_TOGETHER)
    pairs = _actor_pairs(trigger, Roles(sources, (), (), True))
    assert [(s.country, t.country) for s, t in pairs] == [("BOL", "PER")]


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("Qatar channels emergency cash to Lebanon through the World Bank.", {("AID", "QAT", "LBN")}),
        ("The Chilean air force evacuated 150 tourists from Easter Island.", {("AID", "CHL", "CHL")}),
        # guard: people who evacuate leave; nobody gives them anything
        ("A three-day truce let civilians evacuate.", set()),
    ],
    ids=["cash-channelled", "tourists-evacuated", "civilians-evacuate"],
)
def test_pipeline_giving_by_other_verbs_is_aid(coder, text, wanted):
    events = code(coder, text)
    assert {(e.event_type, e.source.country, e.target.country) for e in events if e.event_type == "AID"} == wanted


@pytest.mark.parametrize(
    "text, mode",
    [
        ("Algeria positioned 10,000 soldiers along the Moroccan border.", "troops"),
        ("Ethiopia rushed two brigades to the Eritrean frontier.", "troops"),
        ("Iran paraded new missiles in Tehran on Friday.", "weapons"),
    ],
    ids=["soldiers-positioned", "brigades-rushed", "missiles-paraded"],
)
def test_pipeline_moving_or_showing_forces_is_mobilising_them(coder, text, mode):
    assert_coded(coder, text, "MOBILIZE", mode=mode)


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Mexican fishermen filed a complaint against a US oil company.", "MEX", "USA"),
        ("The European Commission launched proceedings against Hungary over its asylum law.", "EUR", "HUN"),
    ],
    ids=["complaint-filed", "proceedings-launched"],
)
def test_pipeline_accusing_through_the_courts(coder, text, source, target):
    assert_coded(coder, text, "ACCUSE", mode="allege", source__country=source, target__country=target)


@pytest.mark.parametrize(
    "text, sides",
    [
        ("Laos and Vietnam raised their relationship to a strategic partnership on Monday.", ("LAO", "VNM")),
        ("Bhutan and Chile exchanged ambassadors for the first time.", ("BTN", "CHL")),
        ("Kenya and Ethiopia put their signatures to a border protocol.", ("KEN", "ETH")),
    ],
    ids=["relationship-raised", "ambassadors-exchanged", "signatures-put"],
)
def test_pipeline_two_states_drawing_closer_support_each_other(coder, text, sides):
    events = code(coder, text)
    assert [(e.event_type, e.source.country, e.target.country) for e in events] == [("SUPPORT", *sides)], \
        [(e.event_type, e.source, e.target) for e in events]


def test_pipeline_two_names_of_one_state_are_one_side_facing_the_target():
    # "HONIARA — the Solomon Islands government accepted an Australian proposal": the dateline's
    # state and its government are one side; the proposal's author is the other
    doc = spacy.blank("en")("Solomon government accepted Australian proposal")
    sides = [("Solomon Islands government", "SLB", "GOV"), ("Solomon Islands", "SLB", None)]
    sources = tuple(Mention(i, i + 1, i, (Actor(text, text, country, sector, None),), "group")
                    for i, (text, country, sector) in enumerate(sides))
    target = Mention(3, 5, 4, (Actor("Australian proposal", "Australia", "AUS", None, None),), "group")
    trigger = Trigger(doc[2], (2,), TriggerSpec("accept", None, "VERB", "AGREE", None, "act"))
    pairs = _actor_pairs(trigger, Roles(sources, (target,), (), True))
    assert {(s.country, t.country) for s, t in pairs} == {("SLB", "AUS")}


def test_pipeline_a_title_is_placed_by_the_state_it_is_of(coder):
    assert_coded(coder, "The Kenyan president met the president of Senegal in Nairobi.", "CONSULT",
                 source__country="KEN", target__country="SEN", target__sector="GOV")


def test_pipeline_a_role_of_a_bodys_mission_is_the_bodys(coder):
    assert_coded(coder, "The Ghanaian finance minister met the head of an IMF mission in Accra.", "CONSULT",
                 source__country="GHA", target__country="IGO")


@pytest.mark.parametrize(
    "text",
    [
        "Defence chiefs from NATO's northern member states met in Oslo on Monday.",
        "Foreign ministers of the Organization of Turkic States met in Astana.",
    ],
    ids=["from-a-bodys-states", "of-a-body-whose-name-the-parse-split"],
)
def test_pipeline_roles_from_or_of_a_body_of_states_meet_as_its_members(coder, text):
    assert_coded(coder, text, "CONSULT", mode="multilateral", source__country="IGO")


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        ("EU officials told Colombo that Sri Lanka's trade preferences could be withdrawn over the new security law.",
         "THREATEN", "EUR", "LKA"),
        ("Eritrean soldiers have not withdrawn from the border town despite repeated demands from Addis Ababa.",
         "RETREAT", "ERI", "ETH"),
    ],
    ids=["preferences-withdrawn-over-a-law", "not-withdrawn-despite-demands"],
)
def test_pipeline_a_reason_does_not_complete_a_phrasal_trigger(coder, text, event_type, source, target):
    events = code(coder, text)
    assert [(e.event_type, e.source.country, e.target.country) for e in events] == [(event_type, source, target)], \
        [(e.event_type, e.source, e.target) for e in events]


@pytest.mark.parametrize("text, event_type, target_country", [
    ("KHARTOUM — Paramilitary fighters shelled the central market, witnesses said.", "ASSAULT", "SDN"),  # the dateline's state
    ("Kazakh authorities blocked access to messaging apps on Monday.", "COERCE", "KAZ"),  # done at home
    ("Israel struck weapons convoys several times last year.", "ASSAULT", None),  # no place: nobody's
    ("The government lifted restrictions on foreign travel in March.", "CONCEDE", None),  # what is eased is no side
], ids=["dateline", "at-home", "no-place", "cooperative"])
def test_pipeline_a_thing_acted_on_is_the_side_of_the_state_it_is_in(coder, text, event_type, target_country):
    event = next(e for e in code(coder, text) if e.event_type == event_type)
    assert (event.target.country if event.target else None) == target_country


@pytest.mark.parametrize("text, target", [
    ("Peru extradited a former regional governor to Brazil on Tuesday to face bribery charges.", "BRA"),  # "to" on the person
    ("The Dutch government extradited the suspected smuggler to Belgium last week.", "BEL"),
])
def test_pipeline_an_extradition_is_for_the_state_that_receives(coder, text, target):
    event = next(e for e in code(coder, text) if e.event_type == "COOPERATE")
    assert event.target.country == target


@pytest.mark.parametrize("text, event_type, mode", [
    ("Some 4,000 gold miners downed tools on Monday over unpaid bonuses.", "PROTEST", "strike"),
    ("Teachers in Lagos said they would lay down their tools next week.", "PROTEST", "strike"),  # not a disarmament
    ("Belgium pulled its diplomats out of Kinshasa.", "SANCTION", "withdraw"),  # diplomats withdrawn: no retreat
])
def test_pipeline_tools_downed_and_diplomats_pulled_out(coder, text, event_type, mode):
    assert find(code(coder, text), event_type, mode=mode) is not None


@pytest.mark.parametrize("text, event_type, mode", [
    ("EU farm ministers wrangled for hours on Tuesday over subsidies.", "CONSULT", "multilateral"),
    ("The Norwegian envoy brought together government and rebel negotiators in Oslo.", "CONSULT", "third-party"),
    ("Peruvian lawmakers voted down the president's budget on Thursday.", "REJECT", None),
    ("Nurses at three Lisbon hospitals walked off the job on Monday.", "PROTEST", "strike"),
], ids=["wrangle", "bring-together", "vote-down", "walk-off"])
def test_pipeline_more_words_for_talks_rejection_and_strikes(coder, text, event_type, mode):
    assert find(code(coder, text), event_type, mode=mode) is not None


def test_pipeline_prepared_to_read_as_a_passive_is_still_the_subjects_offer(coder):
    """"Ghana was prepared to resolve": the parse's passive subject is the one ready."""
    event = find(code(coder, "Officials said Ghana was prepared to resolve its fishing dispute with Togo through talks."), "AGREE")
    assert (event.source.country, event.target.country) == ("GHA", "TGO")


@pytest.mark.parametrize("text", [
    "Myanmar allowed UN monitors to inspect detention camps in Rakhine.",
    "Damascus allowed chemical weapons inspectors to visit the site on Sunday.",
])
def test_pipeline_letting_monitors_in_is_access(coder, text):
    assert find(code(coder, text), "RETREAT", mode="access") is not None


def test_pipeline_a_pair_whose_verb_the_parse_hung_on_the_first(coder):
    """"minister and her counterpart met": the parse made "met" a conjunct of "minister"."""
    text = "Kenya's foreign minister and her Ugandan counterpart met in Kampala on Friday, officials said."
    event = find(code(coder, text), "CONSULT")
    assert (event.source.country, event.target.country) == ("KEN", "UGA")


@pytest.mark.parametrize("text, target", [
    ("Bolivian miners went on strike on Monday over unpaid wages.", ("BOL", "GOV")),
    ("Thousands of Hungarian teachers marched in Budapest on Saturday.", ("HUN", "GOV")),
])
def test_pipeline_a_protest_aimed_at_no_one_named_is_aimed_at_home(coder, text, target):
    event = find(code(coder, text), "PROTEST")
    assert (event.target.country, event.target.sector) == target


def test_pipeline_a_concession_on_something_in_a_named_place_is_towards_its_state(coder):
    """A dateline or a place in the object tells whose concession it is; the source's own
    state alone does not ("lifted restrictions" in a story of emigration is towards no one)."""
    event = find(code(coder, "ASTANA — Kazakhstan lifts state of emergency in the Almaty region"), "CONCEDE")
    assert event.target is not None and event.target.country == "KAZ"


def test_pipeline_residents_of_a_town_are_of_its_state(coder):
    event = find(code(coder, "Soldiers detained dozens of residents of Hebron on Sunday."), "COERCE")
    assert (event.target.country, event.target.sector) == ("PSE", "CVL")


def test_pipeline_a_threat_is_aimed_where_its_act_would_fall(coder):
    event = find(code(coder, "Ecuador's police threatened to impose a curfew in Guayaquil if looting continued."), "THREATEN")
    assert event.target is not None and event.target.country == "ECU"


def test_pipeline_a_name_after_town_of_is_a_place(coder):
    """"the Kurdish town of Halabja", tagged an organisation, is a place in Iraq."""
    from dyad.events.mentions import find_mentions

    doc = coder.nlp("Rebels attacked the Kurdish town of Halabja.")
    halabja = next(m for m in find_mentions(doc, coder.knowledge, 2020) if doc[m.start:m.end].text == "Halabja")
    assert (halabja.kind, halabja.actors[0].country) == ("place", "IRQ")


def test_pipeline_a_border_with_another_state_is_that_state(coder):
    event = find(code(coder, "Kazakhstan moved troops to Kyrgyzstan's border with Tajikistan."), "MOBILIZE")
    assert event.target.country == "TJK"


def test_pipeline_a_consul_general_recalled_is_a_mission_whose_host_is_acted_on(coder):
    found = [e for e in code(coder, "Chile recalled its consul general from Lima on Friday.") if e.event_type == "SANCTION"]
    assert [e.target.country for e in found] == ["PER"]


def test_pipeline_four_states_welcoming_ties_between_two_are_eight_events(coder):
    text = "Chile, Peru, Bolivia and Ecuador welcomed a resumption of diplomatic ties between Colombia and Venezuela."
    pairs = {(e.source.country, e.target.country) for e in code(coder, text) if e.event_type == "SUPPORT"}
    assert pairs == {(s, t) for s in ("CHL", "PER", "BOL", "ECU") for t in ("COL", "VEN")}


@pytest.mark.parametrize("text", [
    "The interim government agreed to the strikers' demands on Friday.",
    "The president bowed to pressure from the unions and withdrew the bill.",
])
def test_pipeline_acceding_to_demands_or_pressure_is_a_concession(coder, text):
    assert find(code(coder, text), "CONCEDE") is not None


@pytest.mark.parametrize("text", [
    "The Israeli army lifted a week-long curfew on the West Bank town of Hebron on Saturday.",
    "Israel eased its closure of the West Bank town of Jenin on Thursday.",
])
def test_pipeline_the_west_bank_is_a_place_not_a_bank(coder, text):
    event = find(code(coder, text), "CONCEDE")
    assert (event.target.country, event.target.sector) == ("PSE", None)


def test_pipeline_an_act_asked_for_is_the_requests_content_not_an_event(coder):
    found = code(coder, "Pakistan demanded economic aid from the United States.")
    assert [e.event_type for e in found] == ["REQUEST"]


@pytest.mark.parametrize("text, event_type, country", [
    ("Prosecutors in Kyiv charged a former deputy energy minister with embezzlement.", "ACCUSE", "UKR"),
    ("An appeals court in Abidjan quashed the conviction of a former youth minister.", "CONCEDE", "CIV"),
])
def test_pipeline_an_unnamed_office_holder_is_of_the_state_where_it_happens(coder, text, event_type, country):
    """"a former minister" names nobody, but a state's courts act on its own office holders."""
    event = next(e for e in code(coder, text) if e.event_type == event_type)
    assert (event.target.country, event.target.sector) == (country, "GOV")


@pytest.mark.parametrize("text, event_type", [
    ("Chad's army denied reports that it had sent soldiers into Sudan's Darfur region.", "MOBILIZE"),
    ("The Peruvian government denied reports that it had threatened to expel Bolivia's ambassador in Lima.", "THREATEN"),
    ("Kenya's foreign ministry dismissed reports that Nairobi had expelled two Somali diplomats.", "SANCTION"),
])
def test_pipeline_an_act_in_a_denied_report_is_negated(coder, text, event_type):
    events = code(coder, text)
    assert find(events, event_type).status == "negated"
    assert find(events, "REJECT") is None  # a report denied is no proposal rejected


def test_pipeline_a_territorial_claim_rejected_is_a_rejection(coder):
    text = "Guyana's president rejected Venezuela's claim to the Essequibo region."
    assert find(code(coder, text), "REJECT").status == "happened"


@pytest.mark.parametrize("text", [
    "The Indian army raised its alert level in Kashmir after the attack.",
    "Police in Nairobi increased their presence in the city centre ahead of the protests.",
    "Iran held military manoeuvres near the Strait of Hormuz.",  # alone: a show of force
    "Indonesia stepped up patrols near the Natuna islands.",
])
def test_pipeline_alerts_raised_presence_increased_and_manoeuvres_are_mobilization(coder, text):
    assert find(code(coder, text), "MOBILIZE") is not None


@pytest.mark.parametrize("text", [
    "The UN secretary general renewed his call for a ceasefire in Yemen.",
    "The opposition leader repeated calls for the president to resign.",
])
def test_pipeline_a_call_for_something_is_a_request_not_a_phone_call(coder, text):
    events = code(coder, text)
    assert find(events, "REQUEST") is not None and find(events, "CONSULT") is None


def test_pipeline_a_return_to_talks_is_a_meeting_not_a_release(coder):
    events = code(coder, "The rebels agreed to return to the talks with the government next week.")
    assert find(events, "CONSULT") is not None and find(events, "RETREAT") is None


@pytest.mark.parametrize("text, event_type, mode", [
    ("Rwanda deployed peacekeepers to South Sudan.", "AID", None),  # protection given, not a show of force
    ("Mali's junta handed power to a civilian government.", "RETREAT", "resign"),
])
def test_pipeline_peacekeepers_sent_and_power_handed_over(coder, text, event_type, mode):
    assert find(code(coder, text), event_type, mode=mode) is not None


def test_pipeline_bare_authorities_are_the_state_where_they_act(coder):
    event = find(code(coder, "Authorities imposed a curfew in Srinagar."), "COERCE")
    assert (event.source.country, event.source.sector) == ("IND", "GOV")


@pytest.mark.parametrize("text, event_type", [
    ("Lebanon appealed to the UN to pressure Israel to withdraw.", "RETREAT"),  # pressed for, not done
    ("Putin warned the West against sending troops to Ukraine.", "MOBILIZE"),  # warned against, not done
])
def test_pipeline_acts_pressed_for_or_warned_against_have_not_happened(coder, text, event_type):
    assert all(e.status != "happened" for e in code(coder, text) if e.event_type == event_type)


@pytest.mark.parametrize("text", [
    "The Philippines filed a diplomatic protest against China over the water cannon incident.",
    "Vietnam delivered a formal protest to the Chinese embassy.",
])
def test_pipeline_a_protest_filed_is_a_complaint_not_a_demonstration(coder, text):
    events = code(coder, text)
    assert find(events, "ACCUSE") is not None and find(events, "PROTEST") is None


@pytest.mark.parametrize("text, event_type, mode", [
    ("Riot police in Lima dispersed the crowd with tear gas.", "ASSAULT", "crowd-control"),
    ("Police in Lima dispersed the rally.", "COERCE", "restrict"),  # by order, no force told
])
def test_pipeline_a_crowd_dispersed_by_force_is_violent_repression(coder, text, event_type, mode):
    assert find(code(coder, text), event_type, mode=mode) is not None


def test_pipeline_a_protest_repressed_is_not_the_repressors_protest(coder):
    events = code(coder, "Police in Lima dispersed the rally.")
    assert find(events, "COERCE") is not None and find(events, "PROTEST") is None


@pytest.mark.parametrize("text, event_type", [
    ("Maldivian vice-president steps down ahead of impeachment vote", "RETREAT"),
    ("Uzbekistan curbs cotton sales to Turkish mills amid payment row", "SANCTION"),
])
def test_pipeline_a_headline_phrasal_verb_read_as_a_plural_noun(coder, text, event_type):
    assert find(code(coder, text), event_type) is not None


@pytest.mark.parametrize(
    "text, event_type, expected",
    [
        ("Malian soldiers massacre herders in Mopti region", "ASSAULT", ("MLI", "MLI")),
        ("Bolivian premier sits down with striking teachers in La Paz", "CONSULT", ("BOL", "BOL")),
        ("Ethiopian militia tortures prisoners at Gondar camp", "ASSAULT", ("ETH", "ETH")),
        ("Somali president appeals for drought aid at Geneva meeting", "REQUEST", ("SOM", None)),
        ("Moldova, Romania consent to joint customs checks", "AGREE", ("MDA", "ROU")),  # the comma read as "and"
    ],
    ids=["massacre", "sits-down", "tortures", "appeals-for", "comma-for-and"],
)
def test_pipeline_a_headline_read_as_one_noun_phrase_is_read_again_with_its_verb(coder, text, event_type, expected):
    """The parse makes each of these one noun phrase ("massacre" an adjective,
    "sits" a plural noun), so that the line has no verb and no sides."""
    assert sides(coder, text, event_type) == expected


@pytest.mark.parametrize(
    "text, event_type, expected",
    [
        ("Uganda's largest teachers' union called for talks with the education ministry over unpaid arrears.",
         "REQUEST", ("UGA", "UGA")),
        ("Rival militias armed with machetes clashed in a village near Bunia, leaving five people dead.",
         "ASSAULT", ("COD", "COD")),
    ],
    ids=["union-called-for", "militias-clashed"],
)
def test_pipeline_a_sentence_whose_verb_was_read_as_a_participle_is_read_again(coder, text, event_type, expected):
    """The parse hangs "called" on "union" as a reduced relative ("the union
    called for ...") and leaves the sentence without a finite verb, which prose
    cannot lack: the sentence is read again with "has" before the participle."""
    assert sides(coder, text, event_type) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police seized nets from fishermen on Lake Victoria.",
        "Tanzania's fishermen's association called on the government to ban trawlers from Lake Victoria.",
    ],
    ids=["seized-on-lake", "banned-from-lake"],
)
def test_pipeline_a_lake_named_like_a_city_places_no_one_in_that_city(coder, text):
    """"Victoria" is also Hong Kong's seat of government; "Lake Victoria" is not."""
    events = code(coder, text)
    assert events and all(e.target is None or e.target.country != "HKG" for e in events)


def test_pipeline_a_place_of_no_state_is_not_what_a_seizure_is_aimed_at(coder):
    event = find(code(coder, "Kenyan police seized nets from fishermen on Lake Victoria."), "COERCE")
    assert event is not None and event.target is not None and event.target.sector == "AGR"


@pytest.mark.parametrize(
    "text, event_type, expected",
    [
        ("Thousands marched in Tbilisi against the bill.", "PROTEST", ("GEO", "GEO")),
        ("Hundreds rallied outside parliament in Yerevan on Monday.", "PROTEST", ("ARM", "ARM")),
        ("UAE deposits $1 billion at Pakistan's central bank", "AID", ("ARE", "PAK")),
    ],
    ids=["thousands", "hundreds", "initials-tagged-noun"],
)
def test_pipeline_a_crowd_counted_and_a_state_by_its_initials_are_sides(coder, text, event_type, expected):
    """A crowd counted but not named is the people where it gathers; "UAE"
    tagged a common noun is still the state."""
    assert sides(coder, text, event_type) == expected


def test_pipeline_officers_unnamed_are_the_police_where_the_act_is(coder):
    """"Officers" alone are a side (the police), placed where the event is."""
    event = find(code(coder, "Prosecutors in Tbilisi filed charges against four officers."), "ACCUSE")
    assert event is not None and event.target is not None
    assert (event.target.country, event.target.sector) == ("GEO", "COP")


@pytest.mark.parametrize(
    "text, event_type, expected",
    [
        ("Gunmen ambushed a police patrol in Zamfara, killing four officers.", "ASSAULT", "Gunmen"),
        ("Soldiers raided a refugee camp near Goma, arresting 30 men.", "COERCE", "Soldiers"),
    ],
    ids=["killing", "arresting"],
)
def test_pipeline_a_gerund_after_the_clause_is_done_by_its_subject_not_its_object(coder, text, event_type, expected):
    """", killing four officers": the gerund's subject is the clause's, however near its object is."""
    sources = {e.source.name for e in code(coder, text) if e.event_type == event_type and e.source}
    assert sources == {expected}


def test_pipeline_what_an_earthquake_strikes_is_no_attack(coder):
    assert find(code(coder, "A powerful earthquake struck eastern Turkey on Monday."), "ASSAULT") is None


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Romania's ruling coalition plans to vote against the opposition's budget motion.", "REJECT"),
        ("Tunisia's labour union plans to serve the government with a strike notice on Monday.", "THREATEN"),
    ],
    ids=["vote-against", "strike-notice"],
)
def test_pipeline_plans_read_as_a_noun_still_make_the_act_planned(coder, text, event_type):
    """"plans/NNS to vote": the sentence has no finite verb; read again, "plans" is its verb."""
    event = find(code(coder, text), event_type)
    assert event is not None and event.source is not None and event.status == "planned"


def test_pipeline_the_main_verb_of_a_denial_is_the_act_denied(coder):
    doc = coder.nlp("Serbia denied stationing howitzers near the border with Kosovo.")
    assert _main_verb(next(iter(doc.sents))).text == "stationing"


@pytest.mark.parametrize("verb", ["The Swedish government plans", "Sweden intends", "Sweden is expected"])
def test_pipeline_the_main_verb_of_an_intention_is_the_act_intended(coder, verb):
    """The sentence model's guess hangs on the act intended, not on "plans"."""
    doc = coder.nlp(f"{verb} to channel 200 million crowns through UNICEF to children in Yemen.")
    assert _main_verb(next(iter(doc.sents))).text == "channel"


def test_pipeline_set_to_free_hostages_is_a_planned_release(coder):
    event = find(code(coder, "Rebels in Darfur are set to free two Egyptian truck drivers this week."), "RETREAT")
    assert event is not None and event.status == "planned" and event.target is not None
    assert (event.mode, event.target.country) == ("release", "EGY")


def test_pipeline_a_group_from_two_states_whose_first_name_is_read_as_a_modifier(coder):
    """"Saudi/amod Arabia": the first word of a state's name hung on the rest as its modifier."""
    event = find(code(coder, "Warships from Saudi Arabia and Oman held joint exercises in the Arabian Sea."), "COOPERATE")
    assert event is not None and {event.source.country, event.target.country} == {"SAU", "OMN"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Egypt criticised the killing of protesters by Sudanese security forces.", "SDN"),
        ("Jordan voiced strong condemnation of an attack by Israeli settlers on a Palestinian village.", "ISR"),
    ],
    ids=["verb", "noun"],
)
def test_pipeline_what_is_condemned_is_aimed_at_its_author(coder, text, expected):
    """The act judged was done by the "by" phrase: that is whom the accusation is aimed at."""
    event = find(code(coder, text), "ACCUSE")
    assert event is not None and event.target is not None and event.target.country == expected


@pytest.mark.parametrize(
    "text, event_type, expected",
    [
        ("Kenya's interior ministry denied reports that it had deported two Ugandan journalists.", "COERCE",
         ("KEN", "UGA")),
        ("Chad's army denied claims that it had shelled a Sudanese border village.", "ASSAULT", ("TCD", "SDN")),
    ],
    ids=["denied-read-as-modifier", "content-clause-on-a-noun"],
)
def test_pipeline_an_act_denied_in_a_clause_on_reports_or_claims(coder, text, event_type, expected):
    """"denied/VBN reports that it had deported": the main verb read as the modifier of
    its object is read again; "claims that it had shelled" is a clause of its own."""
    event = find(code(coder, text), event_type)
    assert event is not None and event.status == "negated"
    assert (event.source.country, event.target.country) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sri Lankan and Indian navies held joint drills off Trincomalee.", {"LKA", "IND"}),
        ("South African and Mozambican police staged coordinated raids on rhino horn dealers.", {"ZAF", "MOZ"}),
    ],
    ids=["first", "first-of-two"],
)
def test_pipeline_a_two_word_demonym_is_one_side_of_a_coordinated_group(coder, text, expected):
    event = find(code(coder, text), "COOPERATE")
    assert event is not None and {event.source.country, event.target.country} == expected


@pytest.mark.parametrize("verb", ["beat", "kicked and punched"])
def test_pipeline_blows_are_an_assault(coder, verb):
    event = find(code(coder, f"Soldiers {verb} Tigrayan detainees in Mekelle, witnesses said."), "ASSAULT")
    assert event is not None and event.mode == "beat" and event.target is not None


@pytest.mark.parametrize("text", ["Ruto beat Odinga in the presidential runoff.", "Ghana beat Nigeria 2-1 in the final."])
def test_pipeline_a_contest_won_is_no_assault(coder, text):
    assert find(code(coder, text), "ASSAULT") is None


def test_pipeline_a_passive_the_tagger_took_for_an_adjective_keeps_its_agent(coder):
    """"were tortured/JJ ... by military intelligence officers": the agent acts, the subject suffers."""
    text = "Jailed Sudanese journalists were tortured with electric shocks by military intelligence officers in Khartoum."
    event = find(code(coder, text), "ASSAULT")
    assert event is not None and (event.source.sector, event.target.sector) == ("SPY", "JRN")


def test_pipeline_ordering_peacekeepers_out_of_the_country_is_an_expulsion(coder):
    event = find(code(coder, "Mali ordered the UN peacekeepers out of the country on Friday."), "SANCTION")
    assert event is not None and event.mode == "expel" and event.target.country == "UNO"


def test_pipeline_a_gerund_clause_happened_where_its_governor_did(coder):
    """", wounding nine people": the wounded are placed where the drone hit, not in the attacker's state."""
    events = code(coder, "A Russian drone hit an apartment block in Odesa overnight, wounding nine people.")
    wounded = [e for e in events if e.event_type == "ASSAULT" and e.target and e.target.name == "nine people"]
    assert wounded and wounded[0].target.country == "UKR"


def test_pipeline_a_people_without_a_state_is_placed_where_it_acts(coder):
    event = find(code(coder, "Thousands of Kurds marched in Qamishli on Friday."), "PROTEST")
    assert event is not None and (event.source.country, event.source.sector) == ("SYR", "CVL")


def test_pipeline_officials_of_many_states_meeting_is_a_multilateral_meeting(coder):
    event = find(code(coder, "Health ministers from more than 30 countries will meet in Nairobi next month."), "CONSULT")
    assert event is not None and event.source.country == "IGO" and event.target is None
    assert (event.mode, event.status) == ("multilateral", "planned")


def test_pipeline_a_headline_infinitive_on_a_participle_subject_is_planned(coder):
    """"SADC set/VBN to give ...": no finite verb; "give" hung on the participle is read with "will"."""
    event = find(code(coder, "SADC set to give Madagascar junta deadline to restore civilian rule"), "THREATEN")
    assert event is not None and event.status == "planned" and event.source.country == "IGO"


def test_pipeline_a_headline_verb_read_as_a_noun_before_an_infinitive_of_purpose_is_the_verb(coder):
    """"police deploy/NN CRPF units to ring ...": the line's verb is "deploy", done now; "to ring" its purpose."""
    event = find(code(coder, "Indian police deploy CRPF units to ring Srinagar assembly"), "MOBILIZE")
    assert event is not None and event.status == "happened" and event.source.sector == "COP"


def test_pipeline_set_to_before_an_act_the_parse_misread_is_still_planned(coder):
    """"Hungary set to veto ...": "veto" read as a noun's modifier, "set" as a present verb."""
    event = find(code(coder, "Hungary set to veto Ukraine's bid to join EU energy fund"), "REJECT")
    assert event is not None and event.status == "planned"


def test_pipeline_a_crowd_of_someone_is_those_people(coder):
    event = find(code(coder, "Thousands of farmers marched through Nairobi."), "PROTEST")
    assert event is not None and event.source.sector == "AGR"


def test_pipeline_a_headline_infinitive_hung_on_its_subject_has_that_subject_as_source(coder):
    """"Moldova to appeal ..." parsed with "Moldova" as the root and the verb as its clause."""
    event = find(code(coder, "Moldova to appeal to UN agency over Transnistria gas cuts"), "REQUEST")
    assert event is not None and event.source.country == "MDA" and event.status == "planned"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cuba sent doctors to Mozambique.", ("CUB", "MOZ")),
        ("Turkey dispatched rescuers to Morocco after the earthquake.", ("TUR", "MAR")),
    ],
    ids=["doctors", "rescuers"],
)
def test_pipeline_doctors_and_rescuers_sent_abroad_are_aid_to_that_state(coder, text, expected):
    """Not the doctors as the ones aided, nor troops moved."""
    assert sides(coder, text, "AID") == expected


def test_pipeline_a_state_named_where_the_object_is_places_the_unplaced_actor(coder):
    """"in Mali" hangs on the nun, not the verb: it is still where the release happened."""
    event = find(code(coder, "Jihadists released a kidnapped Italian nun in Mali on Sunday."), "RETREAT")
    assert event is not None and event.source.country == "MLI" and event.target.country == "ITA"


def test_pipeline_a_group_that_is_what_was_sent_is_not_its_target(coder):
    """"a battalion of doctors": the battalion is the aid, the state it goes to is aided."""
    events = [e for e in code(coder, "Kenya sent a brigade of medics and nurses to Malawi after the floods.")
              if e.event_type == "AID"]
    assert [(e.source.country, e.target.country, e.target.sector) for e in events] == [("KEN", "MWI", None)]


@pytest.mark.parametrize(
    "text, sector",
    [
        ("Bandits on motorbikes carried off 40 villagers from a market in Zamfara state.", "CRM"),
        ("Snipers shot two civilians in Taiz on Monday.", "UAF"),
    ],
    ids=["bandits", "snipers"],
)
def test_pipeline_bandits_and_snipers_are_the_attackers(coder, text, sector):
    event = find(code(coder, text), "ASSAULT")
    assert event is not None and event.source is not None and event.source.sector == sector
