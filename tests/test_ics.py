"""Calendar export (issue 15): parsed back, every event, its dates, reminder and time zone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from goalkit import cases, export, fileformat
from goalkit.cli import main
from goalkit.export.ics import CALENDAR_NAME, to_ics
from goalkit.model import Goal, Step, Worksheet, evolve
from tests.conftest import full_worksheet


def _events(text: str) -> list[icalendar.Event]:
    events: list[icalendar.Event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    return events


def test_every_step_date_and_review_is_an_all_day_event_with_a_reminder() -> None:
    ws = full_worksheet()
    text = to_ics(ws)
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["x-wr-calname"]) == CALENDAR_NAME and str(cal["version"]) == "2.0"
    got = [
        (str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend"), str(e.get("description", "")))
        for e in _events(text)
    ]
    goal = "Goal: Walk 2 km to the park without stopping, on my own, within 6 weeks"
    assert got == [
        ("Walk 500 m five days a week", dt.date(2026, 1, 14), dt.date(2026, 1, 15), goal),
        ("Walk 1 km five days a week", dt.date(2026, 1, 28), dt.date(2026, 1, 29), goal),
        ("Goal review", dt.date(2026, 2, 11), dt.date(2026, 2, 12), "six-week review"),
    ]
    for e in _events(text):
        [alarm] = e.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == dt.timedelta(hours=-15)  # 09:00 the day before
        assert str(alarm["description"]) == f"Tomorrow: {e['summary']}"
        stamp = e.decoded("dtstamp")
        assert stamp == ws.updated and stamp.utcoffset() == dt.timedelta(0)
    assert len({str(e["uid"]) for e in _events(text)}) == 3


def test_dates_are_floating_days_so_no_time_zone_can_move_them() -> None:
    text = to_ics(full_worksheet())
    assert "TZID" not in text and "VTIMEZONE" not in text
    for e in _events(text):
        assert type(e.decoded("dtstart")) is dt.date  # a day, not a time
        assert e["dtstart"].params["VALUE"] == "DATE"
    assert "DTSTAMP:20" in text and text.count("Z\r\n") >= 3  # the stamps are UTC


def test_the_calendar_never_names_the_patient() -> None:
    ws = evolve(full_worksheet(), patient_ref="P-777-SMITH")
    text = to_ics(ws)
    assert "P-777-SMITH" not in text and "Physiotherapist A" not in text


def test_steps_without_a_date_are_left_out_and_text_is_cleaned() -> None:
    goal = Goal(
        id="g1",
        statement="Climb the stairs",
        steps=(
            Step(id="a", text="No date yet"),
            Step(id="b", text="line one\r\nline two\x07, a; b", target_date=dt.date(2026, 5, 1)),
            Step(id="b", text="", target_date=dt.date(2026, 5, 2)),  # same id, no text
        ),
    )
    text = to_ics(Worksheet(id="w1", goals=(goal,)))
    events = _events(text)
    assert [str(e["summary"]) for e in events] == [
        "line one\nline two, a; b",
        "A step toward my goal",
    ]
    assert len({str(e["uid"]) for e in events}) == 2


def test_every_case_parses_back_with_one_event_per_date() -> None:
    for name in cases.names():
        ws = cases.load(name).worksheet
        dates = sorted(
            [s.target_date for g in ws.goals for s in g.steps if s.target_date]
            + [r.date for r in ws.reviews]
        )
        assert sorted(e.decoded("dtstart") for e in _events(to_ics(ws))) == dates, name


def test_cli_and_render_write_the_calendar(tmp_path: Path) -> None:
    src = tmp_path / "worksheet.json"
    fileformat.save(full_worksheet(), src)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(src), "--to", "ics", "-o", str(out)]) == 0
    [written] = out.iterdir()
    assert written.name == f"goalkit-ws-sample-01-{dt.date.today().isoformat()}.ics"
    assert written.read_bytes().decode("utf-8") == export.to_ics(full_worksheet())
    assert export.render(full_worksheet(), "ics") == written.read_bytes()
