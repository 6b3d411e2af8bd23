"""The goal reader on the kinds of goal the goal-reader issue names, as a trainer would see them.

Each test is one kind: orders with any subject, pain behind a reason or a setting, pain as a
condition, vague comparatives and bare returns, clinical shorthand, negation, other languages,
and evidence that is what decided the verdict. The reports are read through what the lessons
and the app show (the rendered report), not only through the fields.
"""

from __future__ import annotations

import html
import re

import pytest

from goalkit.icf import classify
from goalkit.smart import check_goal
from goalkit.smart_render import render_html, render_text
from goalkit.smart_scan import scan_text
from goalkit.widgets.exercises import GoalExercise


def shown(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


# 1. orders with any subject ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "phrase"), [
    ("Mr Diaz must walk to the shop within 3 weeks.", "must"),
    ("Ana has to do her exercises twice a day for 4 weeks.", "has to"),
    ("Patient is required to attend all sessions by week 6.", "is required to"),
    ("Patient is expected to comply with the HEP.", "is expected to"),
    ("Patient was non-adherent to the walking programme.", "non-adherent"),
    ("Mrs Patel needs to attend all physio sessions.", "needs to"),
    ("Pt refuses OT in the morning.", "refuses"),
])
def test_orders_are_flagged_whoever_the_subject(text: str, phrase: str) -> None:
    report = check_goal(text)
    assert phrase in [f.phrase for f in report.language]
    assert "clinician_wording" in report.flags
    assert "Wording" in shown(render_html(report))


@pytest.mark.parametrize("text", [
    "I must walk to the shop by June.", "I need to do my stretches every morning.",
    "A belief that all pain must go before returning to work is common.",
    "Letting colleagues down if she has to go off sick again.",
])
def test_own_resolve_things_and_conditions_are_not_orders(text: str) -> None:
    assert check_goal(text).language == []


# 2. pain behind a reason or a setting; coping --------------------------------------------
@pytest.mark.parametrize("text", [
    "Ease my shoulder pain so that I can enjoy work again.",
    "No pain when I kneel to pray.",
    "Reduce my low back pain so I can return to work.",
    "Less knee pain on the stairs by Christmas.",
    "Knee pain no more than 2/10 after netball training.",
])
def test_pain_as_the_target_is_pain_only_whatever_its_reason(text: str) -> None:
    report = check_goal(text)
    assert report.pain_only and report.criteria["specific"].met is False
    assert "Pain-only goal" in shown(render_html(report))


@pytest.mark.parametrize("text", [
    "Handle flare-ups with my pacing plan on bad days.",
    "Cope with flare-ups by using my breathing exercises.",
    "Learn to live with my back pain.",
])
def test_coping_is_not_pain_only(text: str) -> None:
    report = check_goal(text)
    assert not report.pain_only and report.pain_condition is None


# 3. pain as a condition of a function -------------------------------------------------------
def test_pain_as_a_condition_is_named_with_a_rewording() -> None:
    report = check_goal("Kneel through the whole service without pain within 2 months")
    assert not report.pain_only
    assert report.pain_condition == "without pain"
    assert report.pain_advice is not None and "pain ceiling" in report.pain_advice
    assert "pacing" in report.pain_advice
    assert "pain_condition" in report.flags
    assert "Pain as a condition" in shown(render_html(report))
    assert "Pain as a condition" in render_text(report)


def test_a_pain_ceiling_is_a_condition_with_a_plan_for_bad_days() -> None:
    report = check_goal("Garden for an hour with pain no higher than 4/10 within 6 weeks.")
    assert report.pain_condition == "with pain no higher than 4/10"
    assert report.pain_advice is not None and "flare-up plan" in report.pain_advice


def test_the_lesson_does_not_call_a_pain_condition_goal_done() -> None:
    ex = GoalExercise("03-pain", "Write a functional goal.", ask_why=True, ask_confidence=True)
    ex.text.value = "Kneel through the whole service without pain within 2 months"
    ex.why.value = "so I can stay for the whole of mass"
    ex.confidence.value = 8
    ex.button.click()
    text = shown(ex.feedback.value)
    assert "well done" not in text
    assert "read the finding below" in text and "Pain as a condition" in text


# 4. vague comparatives and bare returns ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Be more active.", "Move better.", "Get fitter so I can keep up with my kids.",
    "Get back to golf.", "Walk further.", "Return to work.",
])
def test_directions_and_bare_returns_are_not_measurable(text: str) -> None:
    assert check_goal(text).criteria["measurable"].met is False


def test_a_return_with_its_extent_is_measurable() -> None:
    finding = check_goal("Return to work full time by March.").criteria["measurable"]
    assert finding.met is True and any("full time" in quote for quote in finding.evidence)
    # the extent is quoted with the return, so the quote alone still says how much
    finding = check_goal("Return to netball with no restrictions at 9/12.").criteria["measurable"]
    assert finding.met is True
    assert finding.evidence == ("Return to netball with no restrictions",)
    assert check_goal("Return to netball at 9/12.").criteria["measurable"].met is False


# 5. clinical shorthand ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "time"), [
    ("Pt to ascend/descend 12 steps w/ 1 rail SBA within 3/52", "within 3/52"),
    ("I w/ ADLs by d/c", "by d/c"),
    ("Walk 1 km by POD 10", "by POD 10"),
    ("HEP BID x 4 wks", "x 4 wks"),
    ("Walk to the car in 6/52", "in 6/52"),
])
def test_shorthand_is_read_and_quoted_as_written(text: str, time: str) -> None:
    report = check_goal(text)
    assert report.criteria["specific"].met is True
    assert report.criteria["measurable"].met is True
    assert report.criteria["time_bound"].evidence == (time,)


@pytest.mark.parametrize(("text", "support"), [
    ("amb 50 m w/ 4WW CGA", "w/ 4WW"),
    ("min A for sit<>stand", "min A"),
    ("w/c to bed transfer with slide board", "with slide board"),
])
def test_shorthand_levels_of_help(text: str, support: str) -> None:
    report = check_goal(text)
    assert report.criteria["specific"].met is True
    assert report.parts.support == support


def test_a_capital_i_is_independent_only_where_the_pronoun_cannot_stand() -> None:
    assert check_goal("Car transfer in and out of the passenger seat I by 2/52").parts.support \
        == "I"
    assert check_goal("I want to walk to the shop").parts.support is None


# 6. negation and absence ------------------------------------------------------------------
def test_support_said_by_negation() -> None:
    report = check_goal("I won't need my stick to walk to the car within 2 weeks.")
    assert report.parts.activity == "walk to the car"
    assert report.parts.support == "won't need my stick"


def test_a_fear_names_a_feeling_not_an_activity() -> None:
    report = check_goal("Stop being scared of bending.")
    assert report.criteria["specific"].met is False
    assert "feeling" in report.criteria["specific"].message


# 7. other languages ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "code", "name"), [
    ("Caminar 1 km sin parar en 6 semanas.", "es", "Spanish"),
    ("Marcher 500 mètres sans canne dans un mois.", "fr", "French"),
])
def test_a_goal_in_another_language_gets_no_verdict(text: str, code: str, name: str) -> None:
    report = check_goal(text, confidence=8)
    assert report.other_language == code and "not_english" in report.flags
    assert all(report.criteria[k].met is None for k in ("specific", "measurable", "time_bound"))
    assert not report.pain_only and report.language == []
    page = shown(render_html(report))
    assert f"written in {name}" in page and "reads English only" in page


def test_the_lesson_says_the_checker_reads_english_only() -> None:
    ex = GoalExercise("01-write-a-goal")
    ex.text.value = "Subir las escaleras de mi casa sin ayuda en 4 semanas"
    ex.button.click()
    assert "reads English only" in shown(ex.feedback.value)


# 8. evidence and ICF follow what decided it ---------------------------------------------------
def test_a_date_is_no_amount_and_a_count_runs_to_its_noun() -> None:
    report = check_goal("Plant out my tomatoes by 1 March, working in my vegetable beds for 20 "
                        "minutes.")
    assert report.criteria["time_bound"].evidence == ("by 1 March",)
    assert "1" not in report.criteria["measurable"].evidence
    amount = check_goal("Go to one planned social event a week.").criteria["measurable"]
    assert "one planned social event" in amount.evidence


def test_icf_follows_the_target_activity() -> None:
    codes = [m.code for m in classify("Plant out my tomatoes, working in my vegetable beds "
                                      "for 20 minutes")]
    assert "d850" not in codes
    codes = [m.code for m in classify("Ease my shoulder pain so that I can enjoy work again")]
    assert codes[0] == "b280"


# found by trying goals written unlike the corpus (second round) --------------------------------
def _verdicts(text: str) -> tuple[bool | None, bool | None, bool | None]:
    c = check_goal(text).criteria
    return c["specific"].met, c["measurable"].met, c["time_bound"].met


@pytest.mark.parametrize("text", [
    "Not be frightened of slipping in the shower.",
    "Stop feeling scared every time I bend over.",
    "Not worry about my back going when I lift the shopping.",
    "Feel more confident on the stairs.",
    "Feel less exhausted after a shift by the end of the month.",
])
def test_a_feeling_holds_the_activities_of_its_clause(text: str) -> None:
    assert check_goal(text).criteria["specific"].met is False


@pytest.mark.parametrize("text", [
    "Get stronger legs for the stairs.",
    "↑ confidence c̄ outdoor mob.",
    "Get my hand working properly again.",
    "I want my knee to bend better.",
])
def test_a_capacity_for_an_activity_is_not_the_activity(text: str) -> None:
    assert check_goal(text).criteria["specific"].met is False


def test_a_capacity_verb_does_not_take_a_level_of_help_away() -> None:
    assert _verdicts("I w/ all transfers by wk 6.") == (True, True, True)
    assert _verdicts("Use my hands to knit.")[0] is True


@pytest.mark.parametrize(("text", "time"), [
    ("Stairs ×1 flight c̄ rail, I, wks 4-6 post op.", "wks 4-6 post op"),
    ("Return to driving 4-6/52 after ACDF.", "4-6/52 after ACDF"),
    ("Walk to the end of the road and back before he goes home.", "before he goes home"),
    ("Bath independently before she is discharged.", "before she is discharged"),
    ("Start gentle swimming once the scar has healed.", "once the scar has healed"),
    ("Amb 100 m c̄ stick by re-ax.", "by re-ax"),
    ("Walk to the village hall by midsummer.", "by midsummer"),
    ("Amb 20 m c̄ 4WW + S by end wk 2.", "by end wk 2"),
    ("Pt will be I with HEP in 4 visits.", "in 4 visits"),
    ("Walk on the treadmill at 3 mph for 20 min by session 12.", "by session 12"),
    ("Look after my grandchildren two afternoons a week from the autumn.", "from the autumn"),
    ("Full ADLs I prior to DH.", "prior to DH"),
    ("Pt will amb 300 ft on 4WW c̄ CGA ā discharge.", "ā discharge"),
    ("Return to work w/o ↑ LBP in 1 mo.", "in 1 mo"),
])
def test_time_points_as_notes_write_them(text: str, time: str) -> None:
    finding = check_goal(text).criteria["time_bound"]
    assert finding.met is True and finding.evidence == (time,)


@pytest.mark.parametrize("text", [
    "Pt to walk c̄ wife to shop & back by 4/52.",
    "Pt must attend all hydro sessions this week.",
    "Reduce my pain medication by half by April.",
    "Pt will perform toilet transfers with min A using grab bar within 7 days.",
])
def test_amounts_and_end_points_in_notes(text: str) -> None:
    assert check_goal(text).criteria["measurable"].met is True


def test_medication_and_self_management_are_not_pain_targets() -> None:
    assert not check_goal("Reduce my pain medication by half by April.").pain_only
    assert not check_goal("Pt to self-manage back pain flare-ups using plan.").pain_only
    assert check_goal("↓ pain c̄ sitting.").pain_only


def test_a_pain_condition_after_another_symptom() -> None:
    report = check_goal("Climb 2 flights of stairs without SOB or chest pain by discharge.")
    assert report.pain_condition is not None and not report.pain_only


def test_refusing_is_flagged() -> None:
    report = check_goal("Pt refusing to use frame; will walk to the dayroom with it by Friday.")
    assert [hit.phrase for hit in report.language] == ["refusing to"]


@pytest.mark.parametrize("activity", [
    "Household tasks", "Childcare", "Pet care", "Meal preparation", "Bladder management",
    "Self-catheterisation", "Personal hygiene", "Money management", "Hillwalking", "Zumba",
])
def test_activities_named_as_nouns(activity: str) -> None:
    assert _verdicts(f"{activity} independently by discharge.") == (True, True, True)


@pytest.mark.parametrize(("when", "quote"), [
    ("at the 6 week mark", "at the 6 week mark"), ("by the weekend", "by the weekend"),
    ("by the MDT meeting", "by the MDT meeting"), ("by spring 2027", "by spring 2027"),
    ("before Xmas", "before Xmas"), ("day 5 post op", "day 5 post op"),
    ("within the week", "within the week"), ("by my six-week check", "six-week check"),
])
def test_more_time_frames(when: str, quote: str) -> None:
    finding = check_goal(f"Walk 1 km {when}.").criteria["time_bound"]
    assert finding.met is True and quote in finding.evidence[0]


def test_a_place_and_an_occasion_are_not_a_deadline() -> None:
    assert check_goal("Sit at my desk for a 2-hour meeting without pain.").criteria[
        "time_bound"].met is False


@pytest.mark.parametrize(("text", "code"), [
    ("Gå till affären utan rollator inom sex veckor.", "sv"),
    ("Chodit po schodech bez pomoci do šesti týdnů.", "cs"),
])
def test_less_common_languages_are_recognised(text: str, code: str) -> None:
    report = check_goal(text)
    assert report.other_language == code
    assert {report.criteria[k].met for k in ("specific", "measurable", "time_bound")} == {None}


@pytest.mark.parametrize(("text", "pain_only"), [
    ("Px ↓ from 8/10 to 4/10 in 2/52.", True),
    ("Less pain in my stiff shoulder.", True),
    ("Reduce my pain score from 7 to 4 so I can enjoy my grandchildren.", True),
    ("Sit 1 h at work Px-free by 6/52.", False),
])
def test_pain_in_notes_and_its_measures(text: str, pain_only: bool) -> None:
    assert check_goal(text).pain_only is pain_only


def test_a_note_that_opens_with_an_order() -> None:
    assert [f.phrase for f in check_goal("Must attend physio.").language] == ["Must"]
    assert check_goal("Need to get back to work.").language == []


@pytest.mark.parametrize("text", ["Shower on SS, S/v.", "OOB to chair twice daily, Ax1.",
                                  "Walk 50 m c̄ 4WF, S/v, by D/C."])
def test_australian_assistant_shorthand(text: str) -> None:
    assert _verdicts(text)[:2] == (True, True)


def test_a_score_after_to_is_not_a_span_of_months() -> None:
    finding = check_goal("Tinetti gait score to increase to 10/12 within 6 weeks.").criteria
    assert finding["measurable"].evidence == ("to 10/12",)
    assert finding["time_bound"].evidence == ("within 6 weeks",)


def test_a_spaced_dash_parts_a_note() -> None:
    report = check_goal("POD 2 – stairs, one flight c̄ rail, S/v.")
    assert report.parts.time_frame == "POD 2" and report.parts.activity == "stairs"
    assert check_goal("Walk pain-free to the shop.").pain_condition == "pain-free"


@pytest.mark.parametrize(("text", "time"), [
    ("Wk 6: driving. Wk 12: golf.", "Wk 6"),
    ("Full activity in 6 to 8 weeks.", "in 6 to 8 weeks"),
    ("Walk for exercise twice a day, starting the day I get home.", "starting the day I get home"),
    ("Go back to work once I finish the eight-week pulmonary rehab programme.",
     "once I finish the eight-week pulmonary rehab programme"),
    ("Shower with a bench, SBA, 3x/wk, LTG 4 wks.", "LTG 4 wks"),
    ("Make a hot meal for myself twice a week before I move into my flat.",
     "before I move into my flat"),
    ("Freestyle swimming from 3/12.", "from 3/12"),
    ("Pt to practise floor rise by backward chaining, CGA, over wks 1-5.", "over wks 1-5"),
])
def test_time_frames_from_plans_and_leaflets(text: str, time: str) -> None:
    finding = check_goal(text).criteria["time_bound"]
    assert finding.met is True and finding.evidence[0] == time


def test_pain_with_its_cause_or_means_is_still_the_target() -> None:
    assert check_goal("Hip pain from gardening to be gone by next month.").pain_only
    assert check_goal("Fewer flare-ups by pacing my housework.").pain_only
    report = check_goal("Sit at desk 1 hr w/o increase in LBP by 8/52.")
    assert report.pain_condition == "w/o increase in LBP" and not report.pain_only


@pytest.mark.parametrize(("text", "phrase"), [
    ("Pt expected to wear TLSO when OOB until 12 wk review.", "expected to"),
    ("The family has to make sure he does his circuit every weekday.", "has to"),
])
def test_orders_without_a_verb_or_given_to_the_family(text: str, phrase: str) -> None:
    assert [f.phrase for f in check_goal(text).language] == [phrase]


def test_the_patients_own_words_about_family_are_not_orders() -> None:
    assert check_goal("My wife has to drive me to physio.").language == []


# the verb in the goal's place, where no activity phrase names it (find_action) ----------------
@pytest.mark.parametrize(("text", "quote", "measurable"), [
    ("Ravi will use his phone reminders for each appointment.", "use his phone", True),
    ("Schedule two calls with my sister each week.", "Schedule", True),
    ("Order my groceries online myself every week.", "Order my groceries", True),
    ("Pt to propel w/c 100 m on level ground", "propel", True),
    ("Operate the hoist remote by myself.", "Operate the hoist remote", True),
    ("Learn to solder a circuit board.", "solder a circuit board", False),
])
def test_a_verb_no_lexicon_knows_names_the_activity(
        text: str, quote: str, measurable: bool) -> None:
    report = check_goal(text)
    specific = report.criteria["specific"]
    assert specific.met is True, specific.message
    assert any(quote in ev for ev in specific.evidence), specific.evidence
    assert report.criteria["measurable"].met is measurable, report.criteria["measurable"].message


@pytest.mark.parametrize("text", [
    "Cut down on my tablets.",
    "Trust my back again.",
    "Stay positive about the future.",
    "SpO2 above 92% at rest.",
    "I want to understand my scan results.",
    "Reduce my flare-ups to one a month.",
    "Improve my balance.",
    "Pt will demonstrate good posture awareness.",
    "Turn my life around.",
    "Face my fears about the scan.",
    "Put the accident behind me.",
    "Reach my full potential.",
    "Find a way to enjoy life.",
])
def test_a_verb_of_being_knowing_or_changing_a_symptom_names_no_activity(text: str) -> None:
    assert check_goal(text).criteria["specific"].met is False, text


# read after trying the first dev batch (tests/data/goals_dev1.jsonl) ----------------------------
@pytest.mark.parametrize(("text", "key", "quote"), [
    ("Pt will don TLSO ind before d/c", "measurable", "ind"),
    ("PR via forward lean q2h in w/c", "measurable", "q2h"),
    ("Seated tai chi 10 min q AM", "measurable", "q AM"),
    ("HEP BID ×3 wks", "time_bound", "×3 wks"),
    ("Pt will walk 100 m w/ FWW by next re-eval", "time_bound", "by next re-eval"),
    ("Read the back-care booklet before my next session.", "time_bound",
     "before my next session"),
])
def test_more_shorthand_is_read_and_quoted_as_written(text: str, key: str, quote: str) -> None:
    finding = check_goal(text).criteria[key]
    assert finding.met is True, (text, finding.message)
    assert any(quote in ev for ev in finding.evidence), finding.evidence


def test_by_myself_is_help_not_a_deadline() -> None:
    c = check_goal("Get up from the floor by myself if I fall.").criteria
    assert c["time_bound"].met is False
    assert c["measurable"].met is True


def test_daily_activities_is_no_frequency() -> None:
    assert check_goal("Improve my stamina for daily activities.").criteria[
        "measurable"].met is False


@pytest.mark.parametrize(("text", "words"), [
    ("Lift my grandson out of the cot without wincing.", "without wincing"),
    ("Pt will perform 10 STS c̄ no ↑ in LBP by wk 4", "no ↑ in LBP"),
])
def test_signs_of_pain_and_no_increase_are_pain_conditions(text: str, words: str) -> None:
    report = check_goal(text)
    assert report.pain_only is False
    assert report.pain_condition is not None and words in report.pain_condition, \
        report.pain_condition


def test_a_frame_around_the_verb_is_passed_over() -> None:
    report = check_goal("He will be made to use the frame at all times.")
    assert report.criteria["specific"].met is True
    assert report.language, "an order is still named"
    assert check_goal("Journal for ten minutes each evening.").criteria["specific"].met is True


def test_back_into_is_a_return() -> None:
    finding = check_goal("Get back into swimming two mornings a week.").criteria["specific"]
    assert finding.met is True and any("back into swimming" in ev for ev in finding.evidence)


@pytest.mark.parametrize(("text", "time"), [
    ("Pt will lift 8 kg floor to waist ×5 w/ good mechanics, wk 8", "wk 8"),
    ("Pt will get in/out of car w/ SBA by 2nd wk", "by 2nd wk"),
])
def test_a_week_written_alone_or_as_an_ordinal_is_a_deadline(text: str, time: str) -> None:
    finding = check_goal(text).criteria["time_bound"]
    assert finding.met is True and time in finding.evidence, finding.evidence


@pytest.mark.parametrize("text", [
    "COPM satisfaction 'cooking' from 4 to 7 by discharge.",
    "PSFS “bending to the floor” from 3 to 7 within 6 weeks.",
])
def test_an_activity_quoted_as_a_questionnaire_item_is_what_is_scored(text: str) -> None:
    c = check_goal(text).criteria
    assert c["specific"].met is False and "score" in c["specific"].message
    assert c["measurable"].met is True


def test_a_sign_glued_to_a_number_keeps_the_amount() -> None:
    c = check_goal("Drive to the shops <15 min by 6/52").criteria
    assert c["measurable"].met is True and "<15 min" in c["measurable"].evidence


def test_without_a_helper_or_a_reminder_is_a_level_of_help() -> None:
    for text, words in [
            ("Take my pills on time without my son reminding me.", "without my son"),
            ("Pt will complete AM routine without verbal cues.", "without verbal cues")]:
        finding = check_goal(text).criteria["measurable"]
        assert finding.met is True and any(words in ev for ev in finding.evidence), \
            finding.evidence


def test_a_planned_rest_and_falling_asleep_are_activities_pain_at_rest_is_not() -> None:
    assert _verdicts("Rest 15 min after each activity.")[:2] == (True, True)
    assert _verdicts("Fall asleep within half an hour of going to bed.")[0] is True
    assert check_goal("Less back pain at rest.").pain_only is True


# read after trying the second dev batch (tests/data/goals_dev2.jsonl) ---------------------------
def test_pain_after_the_verb_and_its_object_is_a_condition_not_the_target() -> None:
    report = check_goal("Be able to wear a splint on my wrist overnight without the ache "
                        "waking me, by my next review.")
    assert report.criteria["specific"].met is True and report.pain_only is False
    assert check_goal("Control my pain better.").pain_only is True
    assert check_goal("Take the edge off my neck pain.").criteria["specific"].met is False


def test_passive_orders_whoever_the_subject_and_no_rewording_that_cannot_fit() -> None:
    for text in ("I'm expected to be back at the depot lifting crates next week.",
                 "Pt was expected to complete HEP BID.",
                 "He had to be told twice to use his brace."):
        report = check_goal(text)
        assert report.language, text
        assert report.reworded is None, report.reworded
    assert not check_goal("I expected to walk further by now.").language


@pytest.mark.parametrize(("text", "specific", "pain_only"), [
    ("Have sex with my partner without pain.", True, False),
    ("Never get another pressure sore.", False, False),
    ("I just want my heel to stop throbbing.", False, True),
    ("Cut back on my painkillers.", False, False),
    ("Trim my own hedge this spring.", True, False),
])
def test_more_activities_and_pains_read_right(text: str, specific: bool, pain_only: bool) -> None:
    report = check_goal(text)
    assert report.criteria["specific"].met is specific, report.criteria["specific"].message
    assert report.pain_only is pain_only


@pytest.mark.parametrize(("text", "time"), [
    ("Pray seated on a chair from the start of Ramadan.", "from the start of Ramadan"),
    ("Lift no more than 10 lb at work until my next MRI.", "until my next MRI"),
    ("Pt to attend 3 lectures/wk for rest of term", "for rest of term"),
])
def test_holidays_scans_and_the_rest_of_a_term_are_time_frames(text: str, time: str) -> None:
    finding = check_goal(text).criteria["time_bound"]
    assert finding.met is True and time in finding.evidence, finding.evidence
    assert check_goal("Lie down for the rest of the day.").criteria["time_bound"].met is False


def test_taking_part_in_a_one_off_event_is_measurable() -> None:
    finding = check_goal("Swim a length at the club's summer gala.").criteria["measurable"]
    assert finding.met is True


def test_a_task_done_myself_is_a_level_of_help_pacing_myself_is_not() -> None:
    finding = check_goal("Empty my catheter bag into the toilet myself.").criteria["measurable"]
    assert finding.met is True and "myself" in finding.evidence
    assert check_goal("Pace myself at work.").criteria["measurable"].met is False


def test_a_verb_no_lexicon_knows_with_a_particular_object_is_a_yes_no_end_point() -> None:
    finding = check_goal("Operate the stairlift controls before I go home.").criteria[
        "measurable"]
    assert finding.met is True and "Operate the stairlift controls" in finding.evidence
    assert check_goal("Juggle a ball.").criteria["measurable"].met is False


def test_improving_my_activity_noun_is_a_capacity() -> None:
    assert check_goal("Improve my sleep.").criteria["specific"].met is False
    assert check_goal("Improve my sleep to 7 hours a night.").criteria["specific"].met is True


# --- development batch 2's misses, read after its first run --------------------------------
@pytest.mark.parametrize(("text", "measurable", "evidence"), [
    # a pain word the lexicon knows ("sore") makes "without ..." a pain condition, no measure
    ("Sit at my desk longer without getting a sore neck.", False, "without getting a sore neck"),
    # a feeling after "without" is no completion condition
    ("Travel wherever I want without worrying about my joints.", False, None),
    ("Learn to say no to invitations on bad days without feeling guilty.", False, None),
    ("Walk to the bus stop without stopping.", True, "without stopping"),
    # a comparative after the object, or before a level of help, is a direction
    ("Look after my skin better.", False, "better"),
    ("Be more independent with self-care.", False, "more independent"),
    ("Shower independently.", True, "independently"),
    # how long a task lasts, an occasion named as the activity, the place after "get to my"
    ("Be able to wear a sock on my left foot all day.", True, "all day"),
    ("Take my exams in a separate room this term.", True, "my exams"),
    ("Get to my daughter's school assembly on Friday.", True,
     "Get to my daughter's school assembly"),
    ("Walk up for communion at Sunday Mass by Easter.", True, "for communion"),
])
def test_measures_are_said_of_the_task(text: str, measurable: bool, evidence: str | None) -> None:
    finding = check_goal(text).criteria["measurable"]
    assert finding.met is measurable, finding.message
    if evidence is not None:
        assert evidence in finding.evidence, finding.evidence


def test_all_day_measures_a_task_not_a_feeling() -> None:
    assert check_goal("Be comfortable all day.").criteria["measurable"].met is False


@pytest.mark.parametrize(("text", "specific", "activity"), [
    ("Do more sport.", True, "sport"),  # after "do", "more" does not make a verb a noun
    ("Get more bend in my knee.", False, None),
    ("Get back on the golf course this season.", True, "golf"),
    ("Stop being afraid to bend down.", False, None),  # a fear names a feeling
])
def test_what_the_patient_does(text: str, specific: bool, activity: str | None) -> None:
    finding = check_goal(text).criteria["specific"]
    assert finding.met is specific, finding.message
    if activity is not None:
        assert activity in finding.evidence, finding.evidence


def test_a_time_word_after_a_place_starts_the_time_frame() -> None:
    finding = check_goal("Get back on the golf course this season.").criteria["time_bound"]
    assert finding.evidence == ("this season",)


@pytest.mark.parametrize(("text", "specific", "activity"), [
    ("Do one household chore each day.", True, "chore"),
    ("My goal is to be back on the allotment two mornings a week.", True, "allotment"),
    ("I won't need the wheelchair for trips to the supermarket by the summer.", True,
     "trips to"),
    ("Pt must wear Aspen collar at all times x 6/52 post ACDF.", True, "wear"),  # after "must"
    ("Set up Voice Control on my phone.", True, "Set up"),  # a name is no abstract object
    ("Use one of my stress-busting techniques every day.", True, "Use"),  # a tool, no state
    ("I'd like my walking to be better than it is now.", False, None),  # how walking goes
])
def test_more_of_what_the_patient_does(text: str, specific: bool, activity: str | None) -> None:
    finding = check_goal(text).criteria["specific"]
    assert finding.met is specific, finding.message
    if activity is not None:
        assert activity in finding.evidence, finding.evidence


def test_ways_of_managing_pain_are_coping_not_a_pain_target() -> None:
    assert check_goal("Describe three ways of managing my pain by week 2.").pain_only is False
    assert check_goal("Manage my pain better by week 2.").pain_only is True


def test_an_hour_long_walk_and_a_notes_closing_horizon() -> None:
    finding = check_goal("Take the dog on her full hour-long walk again.").criteria["measurable"]
    assert finding.met is True and "hour-long" in finding.evidence
    finding = check_goal("Pt will stand 30 min w/o needing to sit, 4 wks").criteria["time_bound"]
    assert finding.met is True and finding.evidence == (", 4 wks",)
    assert check_goal("Walk 30 min, 4 times").criteria["time_bound"].met is False


@pytest.mark.parametrize("text", [
    "Understand why my back still hurts.",
    "Know what to do when the pain comes back.",
    "Cope better with flare-ups.",
])
def test_coping_with_or_knowing_about_pain_is_not_a_pain_target(text: str) -> None:
    report = check_goal(text)
    assert report.pain_only is False
    finding = report.criteria["specific"]
    assert finding.met is False and finding.message.startswith("Names coping with pain")


def test_learning_to_ease_pain_still_aims_at_the_pain() -> None:
    assert check_goal("Learn to ease my pain.").pain_only is True


@pytest.mark.parametrize("text", ["Pt to be I c̄ HEP by d/c", "Pt will amb 50 m I s̄ AD by 2/52"])
def test_independent_before_with_or_without_in_shorthand(text: str) -> None:
    report = check_goal(text)
    assert report.criteria["measurable"].met is True
    assert ("I", "independently") in scan_text(text).shorthand
