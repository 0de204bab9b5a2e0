"""The Gradio Blocks behind ``app.py`` and ``assistant serve``."""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from assistant.answer import compose
from assistant.embedders import EmbedderError, load
from assistant.index import IndexUnavailable, open_index
from assistant.retrieval import BadQuery, Filters, search
from assistant.settings import MAX_QUERY_CHARS, Settings

KINDS = ["", "werkproces", "kerntaak", "profiel", "beroepsbeschrijving", "competentie", "competentieniveau"]
EXAMPLES = [
    "where does OA collaborate with external experts?",
    "wat hoort bij niveau 3 van plannen en organiseren?",
    "waar komt multidisciplinair overleg voor?",
]


class Assistant:
    """Opens the index and the embedder once, then answers questions."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.problem: str | None = None
        try:
            self.index = open_index(settings)
            self.embedder = load(settings.embedder)
        except (IndexUnavailable, EmbedderError) as exc:
            self.problem = str(exc)

    def ask(self, question: str, dossier: str = "", profile: str = "", version: str = "",
            kind: str = "", level: str = "") -> str:
        """The answer to one question as Markdown, or a friendly message."""
        if self.problem:
            return f"De index is niet beschikbaar: {self.problem}. Bouw hem met `assistant ingest`."
        if len(question or "") > MAX_QUERY_CHARS * 4:
            question = question[: MAX_QUERY_CHARS * 4]
        try:
            level_value = int(level) if str(level or "").strip() else None
        except ValueError:
            return "Kies een niveau van 1 tot en met 4."
        filters = Filters(dossier=dossier or None, profile=profile or None, version=version or None,
                          kind=kind or None, level=level_value)
        try:
            hits = search(self.index, self.embedder, question or "", k=5, filters=filters)
        except BadQuery as exc:
            if not (question or "").strip():
                return "Stel een vraag, bijvoorbeeld: *waar komt multidisciplinair overleg voor?*"
            return f"Dat kan ik niet zoeken: {exc}"
        return compose(question, hits)


def build_app(settings: Settings | None = None) -> gr.Blocks:
    """The chat page with filters and the ``/ask`` API endpoint."""
    assistant = Assistant(settings or Settings.from_env())
    with gr.Blocks(title="mbo-assistent") as demo:
        gr.Markdown("# mbo-assistent\nZoek in kwalificatiedossiers en competentieprofielen. "
                    "Vraag in het Nederlands of in het Engels.")
        if assistant.problem:
            gr.Markdown(f"**Let op:** {assistant.problem}. Bouw de index met `assistant ingest`.")
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Gesprek", height=520)
                box = gr.Textbox(label="Vraag", placeholder="Bijv. waar komt multidisciplinair overleg voor?")
                gr.Examples(EXAMPLES, inputs=box)
            with gr.Column(scale=1):
                dossier = gr.Textbox(label="Dossier (naam of afkorting, bv. OA)")
                profile = gr.Textbox(label="Profiel")
                version = gr.Textbox(label="Versie (bv. 2015-08-01)")
                kind = gr.Dropdown(KINDS, value="", label="Soort")
                level = gr.Dropdown(["", "1", "2", "3", "4"], value="", label="Niveau")
        answer_md = gr.Markdown(visible=False)

        def respond(message, history, d, p, v, kd, lv):
            reply = assistant.ask(message, d, p, v, kd, lv)
            history = [*(history or []), {"role": "user", "content": message or ""},
                       {"role": "assistant", "content": reply}]
            return history, ""

        box.submit(respond, [box, chat, dossier, profile, version, kind, level], [chat, box], api_name=False)
        ask_button = gr.Button("Vraag", visible=False)
        ask_button.click(assistant.ask, [box, dossier, profile, version, kind, level], answer_md, api_name="ask")
    demo.queue(max_size=64, default_concurrency_limit=4)
    return demo


def launch(demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860) -> None:
    """Serve the app privately: local address, no share link, no monitoring page."""
    demo.launch(server_name=host, server_port=port, share=False, enable_monitoring=False,
                allowed_paths=[], max_file_size="1mb")
