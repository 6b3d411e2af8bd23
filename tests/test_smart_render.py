"""goalkit.smart_render: text and HTML views of a SMART report."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from goalkit.smart import check_goal
from goalkit.smart_render import render_html, render_text

ATTACK = "Walk 1 km <img src=x onerror=alert(1)> <script>alert(2)</script> within 6 weeks"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.classes: list[str] = []
        self.open = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.open += 1
        for name, value in attrs:
            if name == "class" and value:
                self.classes += value.split()

    def handle_endtag(self, tag: str) -> None:
        self.open -= 1


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def test_user_text_is_escaped_in_html() -> None:
    html = render_html(check_goal(ATTACK, why="<b>so I can</b>", priorities=["<i>x</i>"]))
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    parsed = _parse(html)
    assert "img" not in parsed.tags and "script" not in parsed.tags


def test_language_and_rewording_are_escaped() -> None:
    html = render_html(check_goal("Patient must walk <u>daily</u>"))
    assert "goalkit-language" in html and "goalkit-reworded" in html
    assert "<u>" not in html and "&lt;u&gt;" in html


def test_stable_css_classes() -> None:
    report = check_goal("Walk to the shop every day", confidence=5)
    html = render_html(report)
    parsed = _parse(html)
    assert html.startswith('<div class="goalkit-smart-report"')
    assert parsed.tags[0] == "div"
    classes = set(parsed.classes)
    assert {"goalkit-smart-report", "goalkit-criterion", "goalkit-met", "goalkit-unmet",
            "goalkit-unknown", "goalkit-parts", "goalkit-suggestion"} <= classes
    assert all(c.startswith("goalkit-") for c in classes)
    for key in report.criteria:
        assert f'data-criterion="{key}"' in html
    # one criterion item per key, with the state named
    assert html.count('class="goalkit-criterion ') == 5
    assert 'class="goalkit-criterion goalkit-unmet" data-criterion="achievable"' in html
    assert 'class="goalkit-criterion goalkit-unknown" data-criterion="relevant"' in html


def test_html_is_a_balanced_self_contained_fragment() -> None:
    html = render_html(check_goal("Reduce my back pain from 7/10 to 3/10 within 8 weeks"))
    parsed = _parse(html)
    assert parsed.open == 0
    assert "<style>" in html and "goalkit-pain-only" in html
    assert "http" not in html  # nothing fetched from elsewhere


def test_missing_parts_are_marked() -> None:
    html = render_html(check_goal("Walk to the shop"))
    assert 'goalkit-part goalkit-part-missing goalkit-part-time_frame">missing' in html
    assert "goalkit-part-activity" in html


def test_variant_labels_are_shown() -> None:
    html = render_html(check_goal("Walk", variant="spinal"))
    assert "Results-oriented" in html and "Time frame" in html
    text = render_text(check_goal("Walk", variant="action"))
    assert "Action-oriented" in text.splitlines()[0]


def test_text_rendering_plain() -> None:
    report = check_goal("Walk to the shop every day")
    text = render_text(report)
    assert "\x1b" not in text
    assert "✓ Specific" in text and "✗ Time-bound" in text and "? Achievable" in text
    assert "-> Keep the frequency and add a time frame" in text
    assert "The four parts of the goal: activity: Walk to the shop; help needed: -" in text


def test_text_rendering_colour() -> None:
    text = render_text(check_goal("Walk to the shop"), color=True)
    assert "\x1b[32m✓\x1b[0m" in text and "\x1b[31m✗\x1b[0m" in text


@pytest.mark.parametrize("evil", ["\x1b[2J", "\x07", "\x9b31m", "\r"])
def test_control_characters_in_the_goal_are_shown_not_obeyed(evil: str) -> None:
    text = render_text(check_goal(f"Walk {evil} to the shop"), color=True)
    assert evil not in text
    assert "\\x" in text


def test_empty_goal_renders() -> None:
    assert "(empty)" in render_text(check_goal(""))
    assert "goalkit-smart-report" in render_html(check_goal(""))
