"""The registry of inline-button verbs and the Action each needs, for routing and the matrix test.

Every feature registers its verbs (handlers/common.button_router does it for you), so the
permission-matrix test can walk every button of every feature without knowing them.
"""

from __future__ import annotations

from dataclasses import dataclass

from mina_bot.permissions import Action


@dataclass(frozen=True)
class ButtonAction:
    """One button verb of a feature and the permission it needs before anything else."""

    feature: str
    verb: str
    action: Action


_REGISTRY: dict[tuple[str, str], ButtonAction] = {}


def register(feature: str, verb: str, action: Action) -> ButtonAction:
    """Declare a feature's button verb; declaring it again with another Action is a bug."""
    entry = ButtonAction(feature, verb, action)
    known = _REGISTRY.setdefault((feature, verb), entry)
    if known != entry:
        raise ValueError(f"button {feature}:{verb} already needs {known.action}, not {action}")
    return entry


def registered() -> tuple[ButtonAction, ...]:
    """Every registered button verb, ordered by feature and verb."""
    return tuple(sorted(_REGISTRY.values(), key=lambda b: (b.feature, b.verb)))
