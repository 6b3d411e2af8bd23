"""The worksheet app, headless: set widget values, click, check the model and the store."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import re
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from goalkit import fileformat
from goalkit.model import Worksheet
from goalkit.session import TimerScheduler
from goalkit.store import Store
from goalkit.widgets.app import WorksheetApp
from goalkit.widgets.common import UNSET
from goalkit.widgets.goal_panel import GoalPanel
from tests.conftest import full_worksheet, upload_file

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def app(store: Store) -> WorksheetApp:
    a = WorksheetApp(store, autosave_delay=0, list_refresh=0)  # synchronous saves, no timer
    a.start.patient_ref.value = "P-101"
    a.start.new_button.click()
    return a


def shown(html_value: str) -> str:
    """What a person reads in an HTML widget: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_value))


def goal_panel(app: WorksheetApp, n: int = 0) -> GoalPanel:
    panel = app.panels[f"goal{n}"]
    assert isinstance(panel, GoalPanel)
    return panel


def stored(app: WorksheetApp, store: Store):  # type: ignore[no-untyped-def]
    assert app.session is not None
    return store.load(app.session.worksheet.id).worksheet


def test_new_worksheet_is_saved_at_once(app: WorksheetApp, store: Store) -> None:
    [summary] = store.list()
    assert summary.patient_ref == "P-101" and summary.revision == 1
    assert "All changes saved (version 1)" in app.status.value


def test_typing_a_goal_gives_smart_feedback_and_saves(app: WorksheetApp, store: Store) -> None:
    panel = goal_panel(app)
    panel.statement.value = "feel better"
    assert "goalkit-smart-report" in panel.feedback.value
    vague = panel.feedback.value
    panel.statement.value = "Walk 1 km to the shop without a rest, on my own, within 6 weeks"
    assert panel.feedback.value != vague
    assert "1 km" in panel.feedback.value
    assert stored(app, store).primary.statement.startswith("Walk 1 km to the shop")
    panel.fill_parts.click()
    parts = stored(app, store).primary.parts
    assert "1 km" in parts.quantity and "6 weeks" in parts.time_frame


def test_about_section_and_priority_link(app: WorksheetApp, store: Store) -> None:
    about = app.panels["about"]
    about.priorities.value = "Walk my dog\nGo back to work"  # type: ignore[attr-defined]
    about.support_relationship.value = "partner"  # type: ignore[attr-defined]
    about.context.value = "after_surgery"  # type: ignore[attr-defined]
    ws = stored(app, store)
    assert [p.text for p in ws.priorities] == ["Walk my dog", "Go back to work"]
    assert ws.support is not None and ws.support.relationship == "partner"
    assert ws.context == "after_surgery"
    panel = goal_panel(app)
    panel.show()
    panel.priority.value = ws.priorities[0].id
    assert stored(app, store).primary.priority_ids == (ws.priorities[0].id,)


def test_ratings_steps_measures_and_gas(app: WorksheetApp, store: Store) -> None:
    panel = goal_panel(app)
    panel.statement.value = "Walk 2 km on my own within 6 weeks"
    panel.fill_parts.click()
    panel.confidence.value = 8
    panel.importance.value = 3
    panel.difficulty.value = 2
    panel.steps.add_button.click()
    [row] = panel.steps.rows.children
    row.children[0].value = "Walk 500 m five days a week"
    panel.measures.add_button.click()
    _instrument, name, unit, baseline, target, _way, _remove = panel.measures.rows.children[
        0
    ].children
    name.value, unit.value, baseline.value, target.value = "Walking distance", "m", "400", "2000"
    panel.gas.draft_button.click()
    ws = stored(app, store)
    goal = ws.primary
    assert (goal.confidence, goal.importance, goal.difficulty) == (8, 3, 2)
    assert goal.steps[0].text == "Walk 500 m five days a week"
    assert (goal.measures[0].baseline, goal.measures[0].target) == (400, 2000)
    assert goal.gas is not None and all(lv.text for lv in goal.gas.levels)
    assert panel.gas.levels[0].value == goal.gas.text(0)
    panel.gas.levels[2].value = "Walks 3 km on my own"
    assert stored(app, store).primary.gas.text(2) == "Walks 3 km on my own"  # type: ignore[union-attr]


def test_bad_number_is_a_message_and_nothing_changes(app: WorksheetApp, store: Store) -> None:
    panel = goal_panel(app)
    panel.measures.add_button.click()
    before = stored(app, store)
    panel.measures.rows.children[0].children[3].value = "lots"
    assert "'lots' is not a number" in shown(app.messages.html.value)
    assert stored(app, store) == before


def test_secondary_goals_barriers_and_reviews(app: WorksheetApp, store: Store) -> None:
    body_tabs = app.body.children[1]
    add_goal = body_tabs.children[1].children[-1]
    add_goal.click()
    add_goal = app.body.children[1].children[1].children[-1]
    add_goal.click()
    assert len(stored(app, store).secondary) == 2
    assert app.body.children[1].children[1].children[-1].disabled
    plan = app.panels["plan"]
    plan.barriers.add_button.click()  # type: ignore[attr-defined]
    text, contingency, _ = plan.barriers.rows.children[0].children  # type: ignore[attr-defined]
    text.value, contingency.value = "A flare-up", "Halve the distance for two days"
    plan.reviews.add_button.click()  # type: ignore[attr-defined]
    ws = stored(app, store)
    assert ws.barriers[0].plan == "Halve the distance for two days"
    assert ws.reviews[0].date == dt.date.today() + dt.timedelta(weeks=6)
    goal_panel(app, 1).root.children[0].children[1].click()  # remove the first secondary goal
    goal_panel(app, 1).confirm.yes.click()
    assert len(stored(app, store).secondary) == 1


def test_checkin_records_and_shows_progress(store: Store) -> None:
    store.save(full_worksheet(), base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.saved.value = "ws-sample-01"
    app.start.open_button.click()
    panel = app.panels["checkins"]
    _section(app, "Check-ins")
    panel.date.value = dt.date(2026, 1, 28)  # type: ignore[attr-defined]
    row = panel.goal_rows[0]  # type: ignore[attr-defined]
    row.level.value = 0
    row.measures["walk"].value = "2100"
    panel.pain.value = 3  # type: ignore[attr-defined]
    panel.record.click()  # type: ignore[attr-defined]
    ws = store.load("ws-sample-01").worksheet
    assert [c.date for c in ws.checkins][-1] == dt.date(2026, 1, 28)
    assert ws.checkins[-1].goals[0].measures["walk"] == 2100
    assert "goalkit-tscore" in panel.progress.value  # type: ignore[attr-defined]
    assert "Milestones" in panel.progress.value  # type: ignore[attr-defined]
    assert len(panel.charts.children) == 4  # type: ignore[attr-defined]  # T-score, GAS, 2 measures


def test_reopening_shows_the_worksheet_as_it_was(app: WorksheetApp, store: Store) -> None:
    goal_panel(app).statement.value = "Climb the 14 stairs at home holding the rail in 3 weeks"
    app.body.children[0].click()  # close
    again = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    assert again.session is None  # never opens a worksheet by itself
    again.start.saved.value = app.start.saved.options[0][1]
    again.start.open_button.click()
    assert goal_panel(again).statement.value.startswith("Climb the 14 stairs")


def test_exports_are_download_links(app: WorksheetApp) -> None:
    goal_panel(app).statement.value = HOSTILE
    export = app.panels["export"]
    export.make.click()  # type: ignore[attr-defined]
    links = export.links.value  # type: ignore[attr-defined]
    names = re.findall(r'download="([^"]+)"', links)
    assert [n.rsplit(".", 1)[1] for n in names] == ["pdf", "html", "json", "csv"]
    assert all("P-101" not in n for n in names)
    pdf_b64 = re.search(r'href="data:application/pdf;base64,([^"]+)"', links).group(1)  # type: ignore[union-attr]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(base64.b64decode(pdf_b64))).pages)
    assert HOSTILE in text
    html_b64 = re.search(r'href="data:text/html;base64,([^"]+)"', links).group(1)  # type: ignore[union-attr]
    page = base64.b64decode(html_b64).decode()
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    export.preview_button.click()  # type: ignore[attr-defined]
    assert "My goal plan" in export.preview_html.value  # type: ignore[attr-defined]


def _downloads(links: str) -> dict[str, tuple[str, bytes]]:
    found = re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', links)
    return {name.rsplit(".", 1)[1]: (name, base64.b64decode(data)) for name, data in found}


def test_patient_only_and_deidentified_downloads(store: Store) -> None:
    a = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    upload_file(a, "plan.json", fileformat.dumps(full_worksheet()).encode())
    export = a.panels["export"]
    export.make.click()  # type: ignore[attr-defined]
    full = _downloads(export.links.value)  # type: ignore[attr-defined]
    assert "Physiotherapist A" in full["html"][1].decode()
    export.patient_only.value = True  # type: ignore[attr-defined]
    export.deidentify.value = True  # type: ignore[attr-defined]
    export.make.click()  # type: ignore[attr-defined]
    files = _downloads(export.links.value)  # type: ignore[attr-defined]
    assert all(name.endswith(f"-deidentified.{ext}") for ext, (name, _) in files.items())
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(files["pdf"][1])).pages)
    assert "My goal plan" in pdf_text and "Clinician summary" not in pdf_text
    for ext in ("html", "json", "csv"):
        body = files[ext][1].decode()
        assert "Physiotherapist A" not in body and "Good week" not in body, ext
    assert "Clinician summary" not in files["html"][1].decode()
    assert fileformat.loads(full["json"][1]).clinician == "Physiotherapist A"
    assert "the clinician's name" in shown(export.deidentify_help.value)


def test_history_and_restore(app: WorksheetApp, store: Store) -> None:
    panel = goal_panel(app)
    panel.statement.value = "first version"
    panel.statement.value = "second version"
    export = app.panels["export"]
    options = {v: k for k, v in export.history.options}  # type: ignore[attr-defined]
    assert sorted(options) == [1, 2, 3]
    export.history.value = 2  # type: ignore[attr-defined]
    export.restore_button.click()  # type: ignore[attr-defined]
    export.confirm.yes.click()  # type: ignore[attr-defined]
    assert stored(app, store).primary.statement == "first version"
    assert goal_panel(app).statement.value == "first version"
    assert len(store.history(stored(app, store).id)) == 4  # nothing deleted


def test_upload_opens_a_copy_when_the_id_is_taken(store: Store, tmp_path: Path) -> None:
    ws = full_worksheet()
    store.save(ws, base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    content = fileformat.dumps(ws).encode()
    upload_file(app, "w.json", content)
    assert app.session is not None and app.session.worksheet.id != ws.id
    assert len(store.list()) == 2
    assert store.load(ws.id).revision == 1  # the stored original is untouched


def test_bad_upload_is_a_message(store: Store) -> None:
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    bad = json.dumps({"schema_version": 5}).encode()
    upload_file(app, "x.json", bad)
    assert "comes from a newer goalkit" in shown(app.messages.html.value)
    assert app.session is None and store.list() == []


def test_patient_reference_html_is_escaped(store: Store) -> None:
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.patient_ref.value = HOSTILE
    app.start.new_button.click()
    app.body.children[0].click()
    assert any(HOSTILE in label for label, _ in app.start.saved.options)  # Select shows text
    assert HOSTILE not in app.status.value and HOSTILE not in app.messages.html.value


def test_too_long_reference_is_a_message(store: Store) -> None:
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.patient_ref.value = "x" * 100
    app.start.new_button.click()
    assert "Could not start the worksheet" in app.messages.html.value
    assert store.list() == []


def test_start_list_keeps_itself_current(store: Store) -> None:
    """Voilà builds the app before anyone opens the page: the list must not go stale."""
    # A timer thread: after a Playwright test the main thread reports an asyncio loop that
    # never spins, so the default scheduler would wait for nothing.
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0.05, scheduler=TimerScheduler())
    assert app.start.saved.options == ()
    store.save(full_worksheet(), base=None)
    deadline = time.monotonic() + 5
    while not app.start.saved.options and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [i for _, i in app.start.saved.options] == ["ws-sample-01"]
    app.start.saved.value = "ws-sample-01"
    store.save(Worksheet(patient_ref="P-2"), base=None)
    app.refresh_list()
    assert len(app.start.saved.options) == 2
    assert app.start.saved.value == "ws-sample-01"  # the selection survives a refresh


def test_unusable_store_shows_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("GOALKIT_HOME", str(blocker / "home"))
    shown = WorksheetApp()
    assert "The worksheet store cannot be opened" in shown.messages.html.value
    assert shown.store is None


def test_the_goal_panel_shows_a_pain_condition_and_english_only(app: WorksheetApp) -> None:
    panel = goal_panel(app)
    panel.statement.value = "Kneel through the whole service without pain within 2 months"
    assert "Pain as a condition" in panel.feedback.value
    assert "pain ceiling" in panel.feedback.value
    panel.statement.value = "Caminar un kilómetro sin parar en seis semanas"
    assert "reads English only" in panel.feedback.value
    assert "written in Spanish" in panel.feedback.value


def test_the_downloads_say_which_characters_the_pdf_had_no_font_for(
    app: WorksheetApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goalkit.export import _typst

    monkeypatch.setattr(_typst, "SYSTEM_FONT_DIRS", ())
    monkeypatch.delenv("GOALKIT_FONT_DIRS", raising=False)
    for cached in (_typst._font_sets, _typst._compiler):
        cached.cache_clear()
    try:
        goal_panel(app).statement.value = "Walk to the park 走"
        export = app.panels["export"]
        export.make.click()  # type: ignore[attr-defined]
        message = app.messages.html.value
        assert "Downloads ready. In the PDF, no font for 1 character(s) (U+8D70 走)" in message
        assert "goalkit-ok" in message
    finally:
        monkeypatch.undo()
        for cached in (_typst._font_sets, _typst._compiler):
            cached.cache_clear()


def _section(app: WorksheetApp, title: str) -> None:
    """Click a section's tab, as a person would."""
    from goalkit.widgets.app import SECTIONS

    app.tabs.selected_index = SECTIONS.index(title)


def test_checkin_form_follows_goals_edited_in_this_session(app: WorksheetApp) -> None:
    """Point 1: goals and measures typed during the session reach the check-in form at once."""
    panel = goal_panel(app)
    checkins = app.panels["checkins"]
    [row] = checkins.goal_rows  # type: ignore[attr-defined]
    assert "(goal not written yet)" in shown(row.title.value)
    panel.statement.value = "Walk 2 km on my own within 6 weeks"
    panel.measures.add_button.click()
    _instrument, name, unit, *_ = panel.measures.rows.children[0].children
    name.value, unit.value = "Walking distance", "m"
    [row] = checkins.goal_rows  # type: ignore[attr-defined]
    assert shown(row.title.value) == "Walk 2 km on my own within 6 weeks"
    [box] = row.measures.values()
    assert box.description == "Walking distance (m)"
    box.value = "700"
    app.body.children[1].children[1].children[-1].click()  # add a second goal
    goal_panel(app, 1).statement.value = "Stretch 10 minutes 5 days a week for 4 weeks"
    checkins = app.panels["checkins"]
    titles = [shown(r.title.value) for r in checkins.goal_rows]  # type: ignore[attr-defined]
    assert titles[1] == "Stretch 10 minutes 5 days a week for 4 weeks"
    goal_panel(app, 1).statement.value = "Stretch 15 minutes 5 days a week for 4 weeks"
    assert shown(checkins.goal_rows[1].title.value).startswith("Stretch 15")  # type: ignore[attr-defined]
    _section(app, "Check-ins")
    checkins.goal_rows[1].level.value = 0  # type: ignore[attr-defined]
    checkins.record.click()  # type: ignore[attr-defined]
    ws = app.session.worksheet  # type: ignore[union-attr]
    assert ws.checkins[-1].goals[1].gas_level == 0
    # the T-score note names goals by their words, never by an internal id
    note = shown(checkins.progress.value)  # type: ignore[attr-defined]
    assert all(g.id not in note for g in ws.goals)
    goal_panel(app, 0).statement.value = ""
    assert ws.primary.id not in shown(checkins.progress.value)  # type: ignore[attr-defined]


def test_priorities_reach_the_goal_without_reopening(app: WorksheetApp) -> None:
    about = app.panels["about"]
    about.priorities.value = "Walk my dog"  # type: ignore[attr-defined]
    labels = [label for label, _ in goal_panel(app).priority.options]
    assert "Walk my dog" in labels


def _two_tabs(store: Store) -> tuple[WorksheetApp, WorksheetApp]:
    store.save(full_worksheet(), base=None)
    tabs = []
    for _ in range(2):
        tab = WorksheetApp(store, autosave_delay=0, list_refresh=0)
        tab.start.saved.value = "ws-sample-01"
        tab.start.open_button.click()
        tabs.append(tab)
    return tabs[0], tabs[1]


def test_second_tab_merges_its_changes_on_top_of_the_newer_revision(store: Store) -> None:
    """Point 3: the tab that saves second keeps its typed work, field by field."""
    one, two = _two_tabs(store)
    goal_panel(one).why.value = "so I can walk my son to school"  # tab one saves first
    goal_panel(two).statement.value = "Walk 3 km to the park, on my own, within 8 weeks"
    assert two.session is not None and two.session.state.conflict
    assert "saved in another tab" in shown(two.status.value)
    assert two.conflict is not None and two.conflict.root.layout.display != "none"
    text = shown(two.conflict.explain.value)
    assert "Keep my changes on top of the newer version" in text and "field by field" in text
    assert "Download my changes as a file" in text and "the store is not changed" in text
    two.body.children[0].click()  # "Close worksheet" must not drop the typed goal
    assert two.session is not None and "Not closed" in shown(two.messages.html.value)
    two.conflict.keep.click()
    ws = store.load("ws-sample-01").worksheet
    assert ws.primary.statement.startswith("Walk 3 km")  # this tab's change
    assert ws.primary.why == "so I can walk my son to school"  # the other tab's change
    assert "saved as version 3" in shown(two.messages.html.value)
    assert goal_panel(two).why.value == "so I can walk my son to school"  # shown at once
    assert two.conflict.root.layout.display == "none"


def test_second_tab_is_asked_where_both_changed_the_same_field(store: Store) -> None:
    one, two = _two_tabs(store)
    goal_panel(one).statement.value = "Walk 2 km with my partner within 6 weeks"
    goal_panel(two).statement.value = "Walk 3 km on my own within 8 weeks"
    goal_panel(two).why.value = "to get to work on foot"
    assert two.conflict is not None
    two.conflict.keep.click()
    assert store.load("ws-sample-01").revision == 2  # nothing saved before the choice
    [pick] = [c for c in two.conflict.choices.children if hasattr(c, "options")]
    labels = shown(two.conflict.choices.children[1].value)
    assert labels == "Goal 1 (main): wording"
    assert [v for _, v in pick.options] == ["mine", "theirs"]
    pick.value = "theirs"
    two.conflict.save.click()
    ws = store.load("ws-sample-01").worksheet
    assert ws.primary.statement == "Walk 2 km with my partner within 6 weeks"
    assert ws.primary.why == "to get to work on foot"


def test_second_tab_can_download_its_changes(store: Store) -> None:
    one, two = _two_tabs(store)
    goal_panel(one).why.value = "first"
    goal_panel(two).statement.value = "Typed in tab two"
    assert two.conflict is not None
    two.conflict.download.click()
    files = _downloads(two.conflict.link.value)
    assert fileformat.loads(files["json"][1]).primary.statement == "Typed in tab two"
    assert store.load("ws-sample-01").worksheet.primary.statement != "Typed in tab two"


def test_checkin_form_is_empty_after_recording(store: Store) -> None:
    """Point 6: the next visit's form does not carry this visit's pain, tasks or levels."""
    store.save(full_worksheet(), base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.saved.value = "ws-sample-01"
    app.start.open_button.click()
    panel = app.panels["checkins"]
    panel.date.value = dt.date(2026, 1, 28)  # type: ignore[attr-defined]
    row = panel.goal_rows[0]  # type: ignore[attr-defined]
    row.level.value, row.measures["walk"].value = 0, "2100"
    panel.pain.value, panel.adherence.value = 3, 70  # type: ignore[attr-defined]
    panel.notes.value = "Walked to the park twice"  # type: ignore[attr-defined]
    panel.record.click()  # type: ignore[attr-defined]
    assert store.load("ws-sample-01").worksheet.checkins[-1].pain == 3
    row = panel.goal_rows[0]  # type: ignore[attr-defined]
    assert row.level.value == UNSET and row.measures["walk"].value == ""
    assert panel.pain.value == UNSET and panel.adherence.value == UNSET  # type: ignore[attr-defined]
    assert panel.notes.value == "" and panel.date.value == dt.date.today()  # type: ignore[attr-defined]


def test_destructive_actions_ask_first_say_what_happened_and_keep_the_view(
    store: Store,
) -> None:
    """Point 4: removing a goal and restoring a version ask first, then say what they did,
    and the clinician stays in the section they were working in."""
    store.save(full_worksheet(), base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.saved.value = "ws-sample-01"
    app.start.open_button.click()
    _section(app, "Goals")
    second = goal_panel(app, 1)
    assert shown(second.root.children[0].children[0].value) == "Goal 2 (second goal)"
    second.root.children[0].children[1].click()  # "Remove this goal"
    question = shown(second.confirm.question.value)
    assert "Remove goal 2 (second goal) with 0 steps, 0 measures and no GAS scale?" in question
    assert len(store.load("ws-sample-01").worksheet.goals) == 2  # nothing removed yet
    second.confirm.no.click()
    assert len(store.load("ws-sample-01").worksheet.goals) == 2
    second.root.children[0].children[1].click()
    second.confirm.yes.click()
    assert len(store.load("ws-sample-01").worksheet.goals) == 1
    said = shown(app.messages.html.value)
    assert said.startswith("Goal 2 (second goal) removed") and "restore version 1" in said
    assert app.tabs.selected_index == 1  # still on "Goals"
    app.body.children[1].children[1].children[-1].click()  # add a goal: still on "Goals"
    assert app.tabs.selected_index == 1

    _section(app, "Export and history")
    export = app.panels["export"]
    export.history.value = 1  # type: ignore[attr-defined]
    export.restore_button.click()  # type: ignore[attr-defined]
    assert "Restore version 1?" in shown(export.confirm.question.value)  # type: ignore[attr-defined]
    assert store.load("ws-sample-01").revision == 3  # not restored yet
    app.panels["export"].confirm.yes.click()  # type: ignore[attr-defined]
    assert [g.id for g in store.load("ws-sample-01").worksheet.goals] == ["g-primary", "g-second"]
    said = shown(app.messages.html.value)
    assert "Version 1 restored" in said and "kept as version 3" in said
    assert app.tabs.selected_index == 4  # still on "Export and history"


def test_past_checkins_are_listed_corrected_and_deleted(store: Store) -> None:
    """Point 2: each past check-in is listed; correcting or deleting one is a new revision."""
    store.save(full_worksheet(), base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.saved.value = "ws-sample-01"
    app.start.open_button.click()
    panel = app.panels["checkins"]
    [line] = panel.past.children  # type: ignore[attr-defined]
    assert shown(line.children[0].value) == (
        "14 Jan 2026 · goal 1: level -1, Walking distance 700 m, PSFS: play five-a-side 3/10"
        " · pain 5/10 · home tasks done 80%"
    )
    line.children[1].click()  # "Correct"
    assert panel.date.value == dt.date(2026, 1, 14)  # type: ignore[attr-defined]
    assert panel.goal_rows[0].measures["walk"].value == "700"  # type: ignore[attr-defined]
    assert panel.pain.value == 5 and panel.notes.value == "Good week"  # type: ignore[attr-defined]
    panel.goal_rows[0].measures["walk"].value = "750"  # type: ignore[attr-defined]
    panel.record.click()  # type: ignore[attr-defined]
    stored_ws = store.load("ws-sample-01")
    assert stored_ws.revision == 2 and len(stored_ws.worksheet.checkins) == 1
    assert stored_ws.worksheet.checkins[0].goals[0].measures["walk"] == 750
    assert stored_ws.worksheet.checkins[0].notes == "Good week"
    assert "Check-in of 14 Jan 2026 corrected" in shown(app.messages.html.value)
    assert panel.record.description == "Record this check-in"  # type: ignore[attr-defined]
    [line] = panel.past.children  # type: ignore[attr-defined]
    assert "Walking distance 750 m" in shown(line.children[0].value)
    line.children[2].click()  # "Delete"
    assert "Delete the check-in of 14 Jan 2026?" in shown(panel.confirm.question.value)  # type: ignore[attr-defined]
    assert len(store.load("ws-sample-01").worksheet.checkins) == 1
    panel.confirm.yes.click()  # type: ignore[attr-defined]
    stored_ws = store.load("ws-sample-01")
    assert stored_ws.revision == 3 and stored_ws.worksheet.checkins == ()
    assert shown(panel.past.children[0].value) == "None yet."  # type: ignore[attr-defined]


def test_measures_take_an_instrument_or_read_their_direction_from_baseline_and_target(
    app: WorksheetApp,
) -> None:
    """Point 5: a lower-is-better measure is read the right way by setbacks and milestones."""
    panel = goal_panel(app)
    panel.measures.add_button.click()
    instrument, name, unit, now, target, way, _ = panel.measures.rows.children[0].children
    assert (now.description, target.description) == ("Now", "Target")
    instrument.value = "tug"
    m = app.session.worksheet.primary.measures[0]  # type: ignore[union-attr]
    assert (m.name, m.unit, m.higher_is_better) == ("Timed Up and Go", "s", False)
    assert (name.value, unit.value) == ("Timed Up and Go", "s")
    assert way.value is False and way.disabled
    panel.measures.add_button.click()
    _, name, unit, now, target, way, _ = panel.measures.rows.children[1].children
    name.value, unit.value = "Time to walk to the shop", "s"
    assert way.value is True and not way.disabled  # nothing tells the direction yet
    now.value, target.value = "40", "25"
    assert way.value is False and way.disabled  # a target below 'now': lower is better
    m = app.session.worksheet.primary.measures[1]  # type: ignore[union-attr]
    assert m.higher_is_better is False
    # a check-in at 24 s reaches the target (it would not if read as higher-is-better)
    checkins = app.panels["checkins"]
    checkins.date.value = dt.date(2026, 2, 1)  # type: ignore[attr-defined]
    checkins.goal_rows[0].measures[m.id].value = "24"  # type: ignore[attr-defined]
    checkins.record.click()  # type: ignore[attr-defined]
    said = shown(checkins.progress.value)  # type: ignore[attr-defined]
    assert "Time to walk to the shop reached 24 s, past its target of 25 s" in said


def test_a_worksheet_started_by_mistake_is_archived_and_brought_back(store: Store) -> None:
    """Point 7: archived worksheets leave the list, stay in the store, and can come back."""
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    for ref in ("P-201", "P-202 by mistake"):
        app.start.patient_ref.value = ref
        app.start.new_button.click()
        if ref == "P-201":
            app.body.children[0].click()  # close
    app.body.children[2].children[0].click()  # "Archive this worksheet"
    assert "Archive the worksheet P-202 by mistake?" in shown(app.archive_confirm.question.value)
    assert app.session is not None  # nothing done before the answer
    app.archive_confirm.yes.click()
    assert app.session is None
    assert "P-202 by mistake archived" in shown(app.messages.html.value)
    assert [label.split(" · ")[0] for label, _ in app.start.saved.options] == ["P-201"]
    assert len(store.list(archived=None)) == 2  # still in the store
    app.start.show_archived.value = True
    [(label, archived_id)] = app.start.saved.options
    assert label.startswith("P-202 by mistake") and label.endswith("archived")
    assert app.start.unarchive.layout.display != "none"
    app.start.saved.value = archived_id
    app.start.unarchive.click()
    assert len(store.list()) == 2 and app.start.saved.value == archived_id
    assert "back in the list" in shown(app.messages.html.value)


def test_an_uploaded_copy_is_marked_in_the_list(store: Store) -> None:
    ws = full_worksheet()
    store.save(ws, base=None, note="new worksheet")
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    upload_file(app, "w.json", fileformat.dumps(ws).encode())
    app.body.children[0].click()
    labels = [label for label, _ in app.start.saved.options]
    assert all(label.startswith("P-014 · last saved") for label in labels)
    assert sorted(label.endswith("uploaded copy") for label in labels) == [False, True]


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The machine's own time zone, not UTC: what a clinic in Berlin sees."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_numbers_as_typed_units_and_one_local_date_format(store: Store, berlin: None) -> None:
    """Point 10: no '5.0', '30 (30)' or ISO and UTC times; one readable local format."""
    store.save(full_worksheet(), base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    [(label, _)] = app.start.saved.options
    assert "UTC" not in label and re.search(r"last saved \d{1,2} \w{3} \d{4}, \d\d:\d\d CE", label)
    app.start.saved.value = "ws-sample-01"
    app.start.open_button.click()
    export = app.panels["export"]
    export.preview_button.click()  # type: ignore[attr-defined]
    page = shown(export.preview_html.value)  # type: ignore[attr-defined]
    assert "14 Jan 2026" in page and "2026-01-14" not in page
    assert "UTC" not in page and re.search(r"last changed \d{1,2} \w{3} \d{4}, \d\d:\d\d CE", page)
    assert "400.0" not in page and "5.0" not in page and "2000.0" not in page
    assert "by 14 Jan 2026" in page and "done 13 Jan 2026" in page
    assert re.search(r"Wednesday, 11 Feb 2026", page) or "To be agreed" in page
    checkins = app.panels["checkins"]
    _section(app, "Check-ins")
    checkins.date.value = dt.date(2026, 1, 28)  # type: ignore[attr-defined]
    checkins.goal_rows[0].measures["walk"].value = "2000"  # type: ignore[attr-defined]
    checkins.record.click()  # type: ignore[attr-defined]
    said = shown(checkins.progress.value)  # type: ignore[attr-defined]
    assert "Walking distance reached its target of 2000 m on the main goal" in said
    assert "28 Jan 2026" in said and "(2000)" not in said
    [option, *_] = export.history.options  # type: ignore[attr-defined]
    assert "UTC" not in option[0] and re.search(r"\d\d:\d\d:\d\d CE", option[0])


def test_plain_words_on_screen_and_jargon_in_help_lines(app: WorksheetApp) -> None:
    """Point 12."""
    panel = goal_panel(app)
    descriptions = [panel.priority.description, panel.gas.vary.description,
                    panel.gas.baseline.description, *(b.description for b in panel.parts.values()),
                    app.panels["checkins"].adherence.description]  # type: ignore[attr-defined]
    assert descriptions == ["Which priority it serves", "Levels differ in",
                            "Where the patient is now", "Activity", "Help needed", "How much",
                            "By when", "Home tasks done"]
    assert [label for label, _ in panel.gas.baseline.options] == [
        "-1: can do some of it", "-2: nothing worse is likely"]
    screen = " ".join(shown(c.value) for c in panel.root.children if hasattr(c, "value")
                      and isinstance(c.value, str))
    assert "Bovend'Eerdt et al. 2009" in screen  # in the help line, not the heading
    about = " ".join(shown(c.value) for c in app.panels["about"].root.children
                     if isinstance(getattr(c, "value", None), str))
    assert "judgement" not in about and "cloud" not in about
    progress = shown(app.panels["checkins"].progress.value)  # type: ignore[attr-defined]
    assert "All goals counted equally" in progress and "weighted by importance" in progress
    assert "revision" not in shown(app.status.value)


def test_header_names_the_open_worksheet_and_history_says_what_changed(
    app: WorksheetApp, berlin: None
) -> None:
    """Point 13."""
    assert shown(app.title.value).startswith("Goal-setting worksheet: P-101")
    app.panels["about"].patient_ref.value = "P-102"  # type: ignore[attr-defined]
    assert shown(app.title.value).startswith("Goal-setting worksheet: P-102")
    goal_panel(app).statement.value = "Walk 1 km within 4 weeks"
    app.panels["plan"].barriers.add_button.click()  # type: ignore[attr-defined]
    labels = [label for label, _ in app.panels["export"].history.options]  # type: ignore[attr-defined]
    assert labels[0].endswith("· a barrier added")
    assert labels[1].endswith("· goal 1 (main): wording")
    assert labels[2].endswith("· patient reference")
    assert labels[-1].startswith("version 1 ·") and labels[-1].endswith("· started")
    app.body.children[0].click()
    assert shown(app.title.value) == "Goal-setting worksheet"


def test_agreement_and_status_per_goal_and_a_revised_goal_keeps_its_wording(
    store: Store,
) -> None:
    """Point 17: the sign-off of a paper form, and each goal's status at a review."""
    store.save(full_worksheet(), base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.saved.value = "ws-sample-01"
    app.start.open_button.click()
    panel = goal_panel(app)
    panel.agreed_by.value = "the patient and Physiotherapist A"
    panel.agreed_on.value = dt.date(2026, 1, 7)
    agreed = stored(app, store).primary.agreed
    assert agreed is not None and (agreed.by, agreed.on) == (
        "the patient and Physiotherapist A", dt.date(2026, 1, 7))
    checkins = app.panels["checkins"]
    checkins.date.value = dt.date(2026, 2, 11)  # type: ignore[attr-defined]
    first, second = checkins.goal_rows  # type: ignore[attr-defined]
    first.status.value, first.reason.value = "revised", "walks 2 km; now aims for 5 km"
    second.status.value = "achieved"
    checkins.record.click()  # type: ignore[attr-defined]
    assert "earlier wording is kept" in shown(app.messages.html.value)
    panel.statement.value = "Walk 5 km to the lake, on my own, within 8 weeks"
    ws = stored(app, store)
    [earlier] = ws.primary.earlier
    assert earlier.statement.startswith("Walk 2 km to the park") and earlier.until == dt.date(
        2026, 2, 11)
    assert ws.primary.statement.startswith("Walk 5 km")
    latest = ws.checkins[-1]
    assert [(g.status, g.reason) for g in latest.goals] == [
        ("revised", "walks 2 km; now aims for 5 km"), ("achieved", "")]
    assert "Walk 2 km to the park" in shown(panel.earlier.value)
    assert "revised (walks 2 km" in shown(checkins.past.children[0].children[0].value)  # type: ignore[attr-defined]
    export = app.panels["export"]
    export.preview_button.click()  # type: ignore[attr-defined]
    page = " ".join(shown(export.preview_html.value).split())  # type: ignore[attr-defined]
    assert "Agreed on 7 Jan 2026 by the patient and Physiotherapist A." in page
    assert "Earlier wording, until 11 Feb 2026: Walk 2 km to the park" in page
    assert "G2 – achieved" in page


def test_the_whole_course_at_a_glance(store: Store) -> None:
    """Point 18: a T-score at every check-in, and a chart for every goal's measures."""
    from goalkit.edit import add_goal_item, record_checkin
    from goalkit.model import CheckIn, GoalCheckIn

    ws = add_goal_item(full_worksheet(), "g-second", "measures", id="mins", name="Stretching",
                       unit="min", baseline=0, target=10)
    ws = record_checkin(ws, CheckIn(date=dt.date(2026, 1, 28), goals=(
        GoalCheckIn(goal_id="g-primary", gas_level=0, measures={"walk": 1500}),
        GoalCheckIn(goal_id="g-second", gas_level=1, measures={"mins": 8}))))
    store.save(ws, base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.saved.value = "ws-sample-01"
    app.start.open_button.click()
    _section(app, "Check-ins")
    panel = app.panels["checkins"]
    trend = shown(panel.progress.value)  # type: ignore[attr-defined]
    assert "Score at each check-in" in trend
    assert "14 Jan 2026" in trend and "28 Jan 2026" in trend
    # T-score, GAS levels, then walk, PSFS (main goal) and stretching minutes (second goal)
    assert len(panel.charts.children) == 5  # type: ignore[attr-defined]
    export = app.panels["export"]
    export.preview_button.click()  # type: ignore[attr-defined]
    page = " ".join(shown(export.preview_html.value).split())  # type: ignore[attr-defined]
    assert "T-score at each check-in" in page
    assert "Progress on goal 2 (second goal): Stretching" in page
    assert "Progress on goal 1 (main goal): Walking distance" in page


def test_clinic_details_set_once_reach_every_handout(store: Store, home: Path) -> None:
    """Point 9: the plans say 'call the clinic': the handout says which, and has sign-off
    lines for the patient and the clinician."""
    store.save(full_worksheet(), base=None)
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.saved.value = "ws-sample-01"
    app.start.open_button.click()
    clinic = app.clinic
    assert [b.description for b in clinic.fields.values()] == [
        "Clinic name", "Phone", "Address", "Phone answered"]
    for box, value in zip(clinic.fields.values(),
                          ["Riverside Physio", "020 7946 0000", "1 River Road", "Mon-Fri"],
                          strict=True):
        box.value = value
    clinic.save.click()
    assert json.loads((home / "clinic.json").read_text())["phone"] == "020 7946 0000"
    from goalkit import export

    for ws in (full_worksheet(), Worksheet(patient_ref="P-9")):  # every worksheet, not this one
        page = " ".join(shown(export.render(ws, "html").decode()).split())
        assert "Who to contact" in page
        assert "Riverside Physio · phone 020 7946 0000 · 1 River Road · Mon-Fri" in page
        assert "Patient: ____" in page and "Clinician: " in page and "Date: ____" in page
    page = " ".join(shown(export.render(full_worksheet(), "html").decode()).split())
    assert "Your clinician: Physiotherapist A" in page


def test_a_broken_clinic_file_is_one_message_and_handouts_still_work(
    store: Store, home: Path
) -> None:
    (home / "clinic.json").write_text("{not json")
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    app.start.patient_ref.value = "P-1"
    app.start.new_button.click()
    note = app.clinic.note
    assert "clinic details in" in shown(note.value) and "not valid" in shown(note.value)
    app.panels["export"].make.click()  # type: ignore[attr-defined]
    assert "Downloads ready" in shown(app.messages.html.value)


def test_a_blank_worksheet_to_print_for_a_session_without_a_screen(app: WorksheetApp) -> None:
    export = app.panels["export"]
    export.page_size.value = "Letter"  # type: ignore[attr-defined]
    export.make.click()  # type: ignore[attr-defined]
    found = re.search(r'download="(goalkit-blank-letter\.pdf)" href="data:application/pdf;base64,'
                      r'([^"]+)"', export.elsewhere.value)  # type: ignore[attr-defined]
    assert found, "no blank worksheet link"
    reader = PdfReader(io.BytesIO(base64.b64decode(found.group(2))))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "My goal plan" in text and "P-101" not in text
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612, abs=1)  # Letter
