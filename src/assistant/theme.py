"""The look of the web app: an accessible Gradio theme that needs no web fonts.

Two problems with Gradio's default theme, both measured in Chromium:

* **Contrast**: white on the orange primary button is 2.8:1 and the footer's grey is
  1.9:1 (WCAG AA asks 4.5:1 for normal text). Here the primary fill and the accent
  colour are the 700 shade of the hue (white on orange-700 is 5.2:1) and the subdued text is
  the 600 shade of the neutral hue (7.5:1 on white).
* **Fonts**: the default theme asks for "Source Sans Pro", whose bundled semi-bold file
  holds only a few dozen glyphs. Bold text then mixes two fonts (a capital "B" or a
  parenthesis in Source Sans, the rest in the system's bold), so "B1-K1", "Basisdeel"
  and "(OA)" look as if one letter had another weight. The theme here uses the system's
  own font stack, which is complete in every weight and needs nothing from the network.
"""

from __future__ import annotations

import gradio as gr

SYSTEM_FONTS = (
    "system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial",
    "Liberation Sans", "DejaVu Sans", "sans-serif",
)
SYSTEM_MONO_FONTS = (
    "ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "DejaVu Sans Mono", "monospace",
)


def accessible_theme() -> gr.themes.Base:
    """Gradio's default theme with AA contrast for text and buttons and system fonts only."""
    theme = gr.themes.Default(
        primary_hue=gr.themes.colors.orange,
        neutral_hue=gr.themes.colors.gray,
        font=SYSTEM_FONTS,
        font_mono=SYSTEM_MONO_FONTS,
    )
    return theme.set(
        color_accent="*primary_700",
        color_accent_soft="*primary_50",
        body_text_color_subdued="*neutral_600",
        body_text_color_subdued_dark="*neutral_300",
        block_label_text_color="*neutral_700",
        block_title_text_color="*neutral_800",
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_background_fill_dark="*primary_700",
        button_primary_background_fill_hover_dark="*primary_800",
        button_primary_text_color="white",
        button_primary_text_color_dark="white",
        button_primary_border_color="*primary_700",
        button_primary_border_color_dark="*primary_700",
        link_text_color="*secondary_700",
        link_text_color_visited="*secondary_800",
        link_text_color_hover="*secondary_800",
    )
