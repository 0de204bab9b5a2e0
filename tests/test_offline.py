"""The process-wide offline and no-telemetry defaults (assistant.offline)."""

from __future__ import annotations

from assistant import offline


def test_defaults_switch_hub_and_telemetry_off():
    environ: dict[str, str] = {}
    offline.apply(environ)
    assert environ["HF_HUB_OFFLINE"] == "1" and environ["TRANSFORMERS_OFFLINE"] == "1"
    assert environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert environ["ANONYMIZED_TELEMETRY"] == "False"
    assert environ["HF_HUB_DISABLE_TELEMETRY"] == "1"


def test_allow_hub_keeps_the_hub_reachable_but_telemetry_off():
    environ = {"ASSISTANT_ALLOW_HUB": "1"}
    offline.apply(environ)
    assert "HF_HUB_OFFLINE" not in environ and "TRANSFORMERS_OFFLINE" not in environ
    assert environ["HF_HUB_DISABLE_TELEMETRY"] == "1"


def test_a_users_offline_zero_is_overridden_unless_the_hub_is_allowed():
    """HF_HUB_OFFLINE=0 left over in a shell does not open the hub; only ASSISTANT_ALLOW_HUB does."""
    environ = {"HF_HUB_OFFLINE": "0"}
    offline.apply(environ)
    assert environ["HF_HUB_OFFLINE"] == "1"


def test_a_users_own_telemetry_choice_is_kept():
    environ = {"GRADIO_ANALYTICS_ENABLED": "True"}
    offline.apply(environ)
    assert environ["GRADIO_ANALYTICS_ENABLED"] == "True"
