"""Telegram text rules: HTML parse_mode into plain text + entities, and auto-detected entities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sandbox.errors import ApiError, bad_request
from sandbox.limits import check_length, utf16_length

SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
AUTO_ENTITIES = (
    ("url", re.compile(r"https?://[^\s<>\"]+")),
    ("bot_command", re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{5,32}")),
    ("hashtag", re.compile(r"(?<![\w#])#\w+")),
)


_PLAIN_END = re.compile("[<&]")


@dataclass
class _OpenTag:
    name: str
    entity: dict[str, Any] | None
    offset: int


def _parse_error(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


def _open_entity(name: str, attrs: dict[str, str], byte_offset: int) -> dict[str, Any] | None:
    """The entity an opening tag starts, or the Telegram error for an unsupported tag."""
    if name in SIMPLE_TAGS:
        if name == "blockquote" and "expandable" in attrs:
            return {"type": "expandable_blockquote"}
        return {"type": SIMPLE_TAGS[name]}
    if name == "span" and attrs.get("class") == "tg-spoiler":
        return {"type": "spoiler"}
    if name == "a":
        href = attrs.get("href", "")
        if href.startswith("tg://user?id="):
            return {"type": "text_mention", "user": {"id": int(href.split("=", 1)[1] or 0)}}
        return {"type": "text_link", "url": href} if href else None
    if name == "tg-emoji" and "emoji-id" in attrs:
        return {"type": "custom_emoji", "custom_emoji_id": attrs["emoji-id"]}
    raise _parse_error(f'Unsupported start tag "{name}" at byte offset {byte_offset}')


def _tag_parts(inner: str) -> tuple[str, dict[str, str]]:
    if not inner or inner[0].isspace():
        return "", {}
    name, _, rest = inner.rstrip().rstrip("/").partition(" ")
    attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in ATTRIBUTE.finditer(rest)}
    attrs.update({word: "" for word in rest.split() if "=" not in word})
    return name.lower(), attrs


def _decode_entity(source: str, start: int) -> tuple[str, int]:
    """The character an &...; reference stands for and where it ends; unknown ones stay literal."""
    end = source.find(";", start, start + 12)
    if end == -1:
        return "&", start + 1
    name = source[start + 1 : end]
    if name in NAMED_ENTITIES:
        return NAMED_ENTITIES[name], end + 1
    try:
        if name.startswith(("#x", "#X")):
            return chr(int(name[2:], 16)), end + 1
        if name.startswith("#"):
            return chr(int(name[1:])), end + 1
    except (ValueError, OverflowError):
        pass
    return "&", start + 1


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities of an HTML-formatted text, raising Telegram's 400 on bad markup."""
    out: list[str] = []
    position = 0
    stack: list[_OpenTag] = []
    entities: list[dict[str, Any]] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "&":
            decoded, index = _decode_entity(source, index)
            out.append(decoded)
            position += utf16_length(decoded)
            continue
        if char != "<":  # a run of plain text, up to the next tag or character reference
            end = _PLAIN_END.search(source, index)
            run = source[index : end.start() if end else len(source)]
            out.append(run)
            position += utf16_length(run)
            index += len(run)
            continue
        byte_offset = len(source[:index].encode())
        close = source.find(">", index)
        if close == -1:
            raise _parse_error(f"Unclosed start tag at byte offset {byte_offset}")
        inner = source[index + 1 : close]
        index = close + 1
        if inner.startswith("/"):
            name = inner[1:].strip().lower()
            if not stack:
                raise _parse_error(f"Unexpected end tag at byte offset {byte_offset}")
            tag = stack.pop()
            if tag.name != name:
                raise _parse_error(
                    f"Unmatched end tag at byte offset {byte_offset}, "
                    f'expected "</{tag.name}>", found "</{name}>"'
                )
            _close_tag(tag, position, entities)
            continue
        name, attrs = _tag_parts(inner)
        entity = _open_entity(name, attrs, byte_offset)
        if name == "code" and stack and stack[-1].name == "pre" and "class" in attrs:
            language = attrs["class"].removeprefix("language-")
            if stack[-1].entity is not None and language:
                stack[-1].entity["language"] = language
            entity = None
        stack.append(_OpenTag(name, entity, position))
    if stack:
        raise _parse_error(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _close_tag(tag: _OpenTag, position: int, out: list[dict[str, Any]]) -> None:
    if tag.entity is not None and position > tag.offset:
        out.append({**tag.entity, "offset": tag.offset, "length": position - tag.offset})


def auto_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram detects by itself: urls, /commands, @mentions and #hashtags."""
    found: list[dict[str, Any]] = []
    for kind, pattern in AUTO_ENTITIES:
        for match in pattern.finditer(text):
            offset = utf16_length(text[: match.start()])
            found.append({"type": kind, "offset": offset, "length": utf16_length(match.group())})
    found.sort(key=lambda e: e["offset"])
    return found


def format_text(
    source: str | None,
    parse_mode: str | None,
    entities: list[dict[str, Any]] | None = None,
    *,
    caption: bool = False,
) -> tuple[str, list[dict[str, Any]]]:
    """Validated plain text and entities of a bot message text or caption."""
    source = source or ""
    if parse_mode and parse_mode.lower() == "html":
        text, found = parse_html(source)
    else:
        text, found = source, list(entities or [])
    if caption:
        check_length(text, caption=True)
        return text, found
    if not source.strip():
        raise bad_request("message text is empty")
    if not text.strip():
        raise bad_request("text must be non-empty")
    check_length(text, caption=False)
    return text, found
