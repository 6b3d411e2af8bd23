"""The app's own style sheet: readable at 1280 px, usable on a tablet held either way.

ipywidgets draws controls 28 px high with labels cut to a fixed width ("Start a new worksh…").
In a clinic the app runs on laptops and tablets, often touched rather than clicked, so:

- every button, box, list, tab and check box is at least 44 px high (the WCAG 2.2 target-size
  enhanced criterion, 2.5.5, and Apple's Human Interface Guidelines both use 44 px);
- labels and buttons grow to their text and wrap instead of being cut off;
- rows wrap on narrow screens, and nothing is wider than the window (no sideways scrolling
  at 820 px, the narrow side of a common tablet);
- download links look like links (underlined, link colour), not like plain text.
"""

from __future__ import annotations

__all__ = ["APP_CSS"]

TOUCH = 44  # px

APP_CSS = f"""
.goalkit-app {{ max-width: 100%; box-sizing: border-box; }}
.goalkit-app .widget-html, .goalkit-app .widget-htmlmath {{ min-height: 0; height: auto; }}
.goalkit-app .widget-html-content {{ line-height: 1.45; height: auto; }}
.goalkit-app .widget-vbox > .widget-button {{ align-self: flex-start; }}
.goalkit-app * {{ box-sizing: border-box; }}
.goalkit-app .widget-hbox {{ flex-wrap: wrap; gap: 4px 8px; max-width: 100%; }}
.goalkit-app .widget-vbox {{ max-width: 100%; }}
.goalkit-app .widget-button, .goalkit-app .jupyter-button {{
  width: auto; min-width: {TOUCH}px; height: auto; min-height: {TOUCH}px;
  padding: 6px 14px; white-space: normal; line-height: 1.3; overflow: visible;
  text-overflow: clip; max-width: 100%;
}}
.goalkit-app .widget-inline-hbox {{ height: auto; min-height: {TOUCH}px; align-items: center;
  flex-wrap: wrap; max-width: 100%; }}
.goalkit-app .widget-label, .goalkit-app .widget-label-basic {{
  white-space: normal; overflow: visible; text-overflow: clip; height: auto;
  line-height: 1.3; min-height: 0; max-width: 100%;
}}
.goalkit-app .widget-inline-hbox .widget-label {{ width: auto; min-width: 0; flex: 0 1 auto; }}
.goalkit-app input[type="text"], .goalkit-app input[type="date"], .goalkit-app input:not([type]),
.goalkit-app select, .goalkit-app textarea {{
  min-height: {TOUCH}px; font-size: 16px; max-width: 100%;
}}
.goalkit-app .widget-text, .goalkit-app .widget-dropdown, .goalkit-app .widget-datepicker {{
  max-width: 100%; height: auto; min-height: {TOUCH}px;
}}
.goalkit-app .widget-textarea {{ max-width: 100%; height: auto; }}
.goalkit-app .widget-text input, .goalkit-app .widget-dropdown select,
.goalkit-app .widget-datepicker input {{ height: {TOUCH}px; }}
.goalkit-app .widget-select select {{ font-size: 16px; }}
.goalkit-app .widget-select select option {{ min-height: {TOUCH}px; padding: 10px 6px; }}
.goalkit-app .widget-checkbox {{ min-height: {TOUCH}px; width: auto; }}
.goalkit-app .widget-checkbox input[type="checkbox"] {{ width: 24px; height: 24px; }}
.goalkit-app .widget-checkbox label, .goalkit-app .widget-radio-box label {{
  min-height: {TOUCH}px; display: flex; align-items: center; white-space: normal;
}}
.goalkit-app .widget-radio-box {{ height: auto; }}
.goalkit-app .widget-radio-box input {{ width: 22px; height: 22px; }}
/* ipywidgets sizes tabs with its own, more specific rules: these must win. */
.goalkit-app .widget-tab .lm-TabBar-tab, .goalkit-app .widget-tab .p-TabBar-tab {{
  min-height: {TOUCH}px !important; height: auto !important; max-height: none !important;
  line-height: 1.3 !important; padding: 10px 12px !important; flex: 0 1 auto !important;
  min-width: 0; max-width: none; white-space: normal; align-items: center;
}}
.goalkit-app .lm-TabBar-content, .goalkit-app .p-TabBar-content {{ flex-wrap: wrap;
  height: auto; }}
.goalkit-app .widget-tab .lm-TabBar, .goalkit-app .widget-tab .p-TabBar {{
  min-height: {TOUCH}px !important; height: auto !important; max-height: none !important;
  overflow: visible; }}
.goalkit-app .widget-tab > .widget-tab-contents, .goalkit-app .widget-tab-contents {{
  overflow: visible; }}
.goalkit-app a.goalkit-download, .goalkit-app .goalkit-conflict-link a {{
  color: #0b57d0; text-decoration: underline; font-weight: 600; display: inline-flex;
  align-items: center; min-height: {TOUCH}px; padding: 0 4px;
}}
.goalkit-app a.goalkit-download:focus, .goalkit-app a.goalkit-download:hover {{
  color: #083b8f; }}
.goalkit-app .goalkit-error {{ color: #a50e0e; }}
.goalkit-app .goalkit-ok {{ color: #0d652d; }}
.goalkit-app .goalkit-confirm {{ font-weight: 600; }}
.goalkit-app table {{ border-collapse: collapse; max-width: 100%; }}
.goalkit-app td, .goalkit-app th {{ padding: 2px 8px; text-align: left; }}
.goalkit-app img {{ max-width: 100%; height: auto; }}
"""
