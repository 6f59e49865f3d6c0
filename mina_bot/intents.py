"""Free text: what a person asks, told from normalised text, in Persian and in English.

Only «what do I owe?» is understood for now. A text is normalised (Persian letters and digits
folded, case, punctuation, spaces and ZWNJs dropped) and asked for a cue anywhere in it, so a
greeting before the question or a different spacing («کارهای من», «کار های من») changes nothing.
"""

from __future__ import annotations

import re

from mina_bot.persian import match_key

OWE = "owe"
MAX_QUESTION = 120  # characters: a longer text is a message, not a question to the bot
_PUNCTUATION = re.compile(r"[\s\W_]+")

_OWE_CUES = (
    # Persian: what is on me, my tasks / deadlines / duties / commitments / resolutions
    "برعهدهمن", "برعهدهام", "بهعهدهمن", "بهعهدهام", "برعهدهیمن", "گردنمن",
    "کارهایمن", "کارهایم", "چهکارهاییدارم", "چهکاریدارم", "چهکارهاییبایدبکنم",
    "چهکاریبایدبکنم", "بایدچهکنم", "بایدچهکارکنم", "بایدچکارکنم", "بایدچیکارکنم",
    "مهلتهایمن", "مهلتهایم", "مهلتمن", "وظایفمن", "وظایفم", "وظیفهمن", "وظیفهام",
    "تعهداتمن", "تعهداتم", "مصوباتمن", "مصوباتم", "بدهیهایمن", "بدهیهایم", "بدهکارم",
    "کارهایعقبافتادهمن", "کارهایماندهمن", "کارهایباقیماندهمن",
    # English
    "whatdoiowe", "whatiowe", "whatshouldido", "whatdoihavetodo", "whatdoineedtodo",
    "whatmustido", "whatamisupposedtodo", "whatsonmyplate", "whatisonmyplate",
    "whatamiresponsiblefor", "whatsdue", "whatisdue", "whatsmydue", "whatismydue",
    "mytask", "mydeadline", "myduties", "myduty", "mytodo",
    "myresolutions", "mycommitments", "myactionitems", "myassignments", "mypendingwork",
    "mypendingitems", "myopenitems", "myworkload", "whatsleftforme", "whatisleftforme",
    "whatsassignedtome", "whatisassignedtome", "anythingdue", "anythingformetodo",
    "todolist", "doiowe", "iowe",
)
_OWE_KEYS = tuple(match_key(c) for c in _OWE_CUES)


def normalised(text: str) -> str:
    """The text as intents are matched: match_key's folding, punctuation dropped too."""
    return _PUNCTUATION.sub("", match_key(text))


def intent_of(text: str | None) -> str | None:
    """What a free-text message asks (OWE), or None when the bot does not understand it."""
    if not text or len(text) > MAX_QUESTION:
        return None
    key = normalised(text)
    return OWE if key and any(cue in key for cue in _OWE_KEYS) else None
