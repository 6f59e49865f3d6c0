// Safe rendering of Telegram text + entities into DOM nodes: user text is never parsed as HTML.
"use strict";

const SAFE_LINK = /^(https?:|tg:)/i;
const DEEP_LINK = /^https:\/\/t\.me\/[A-Za-z0-9_]+\?start=([A-Za-z0-9_-]+)$/;
const TELEGRAM_LIMIT = 4096;  // UTF-16 units, which is how JavaScript strings count

// A text over the limit, cut the way Telegram's apps send it: several messages, each cut at
// the last line break (else space) before the limit, never inside a surrogate pair.
function splitLikeTelegram(text) {
  const parts = [];
  let rest = text;
  while (rest.length > TELEGRAM_LIMIT) {
    let cut = rest.lastIndexOf("\n", TELEGRAM_LIMIT);
    if (cut < TELEGRAM_LIMIT / 2) cut = rest.lastIndexOf(" ", TELEGRAM_LIMIT);
    if (cut < TELEGRAM_LIMIT / 2) cut = TELEGRAM_LIMIT;
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1])) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  parts.push(rest);
  return parts.filter((part) => part.trim());
}
const TAGS = {
  bold: "b", italic: "i", underline: "u", strikethrough: "s", code: "code", pre: "pre",
  blockquote: "blockquote", expandable_blockquote: "blockquote",
};

function entityElement(entity, slice, onCommand) {
  if (TAGS[entity.type]) return document.createElement(TAGS[entity.type]);
  if (entity.type === "text_link" || entity.type === "url") {
    const href = entity.type === "url" ? slice : entity.url || "";
    if (!SAFE_LINK.test(href)) return document.createElement("span");
    const link = document.createElement("a");
    const invitation = DEEP_LINK.exec(href);
    if (invitation) {  // the bot's invitation opens this page as the invited person, not t.me
      link.href = `#start=${invitation[1]}`;
      link.className = "invitation";
      return link;
    }
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }
  const span = document.createElement("span");
  span.className = `entity-${entity.type}`;
  if (entity.type === "spoiler") span.addEventListener("click", () => span.classList.add("shown"));
  if (entity.type === "bot_command" && onCommand) {
    span.setAttribute("role", "button");
    span.addEventListener("click", () => onCommand(slice));
  }
  return span;
}

const AUTO = [["url", /https?:\/\/[^\s<>"]+/g], ["bot_command", /(?<![\w/])\/[A-Za-z0-9_]{1,32}/g]];

// Telegram clients also mark /commands and links the sender did not mark; so does the page.
function withAutoEntities(text, entities) {
  const found = [...(entities || [])];
  const covered = (start, end) => found.some((e) => e.type !== "bold" && e.type !== "italic" &&
    e.offset < end && start < e.offset + e.length);
  for (const [type, pattern] of AUTO) {
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (!covered(match.index, end)) found.push({ type, offset: match.index, length: match[0].length });
    }
  }
  return found;
}

// Offsets are UTF-16 code units, which is exactly how JavaScript strings index.
function renderRich(text, entities, onCommand) {
  const root = document.createDocumentFragment();
  const sorted = withAutoEntities(text, entities).sort((a, b) => a.offset - b.offset || b.length - a.length);
  (function build(start, end, list, parent) {
    let position = start;
    let index = 0;
    while (index < list.length) {
      const entity = list[index];
      if (entity.offset < position || entity.offset >= end) { index += 1; continue; }
      const stop = Math.min(entity.offset + entity.length, end);
      if (entity.offset > position) parent.append(text.slice(position, entity.offset));
      const inner = [];
      let next = index + 1;
      while (next < list.length && list[next].offset < stop) { inner.push(list[next]); next += 1; }
      const element = entityElement(entity, text.slice(entity.offset, stop), onCommand);
      build(entity.offset, stop, inner, element);
      parent.append(element);
      position = stop;
      index = next;
    }
    if (position < end) parent.append(text.slice(position, end));
  })(0, text.length, sorted, root);
  return root;
}

const TIME_FORMAT = new Intl.DateTimeFormat("fa-IR", {
  hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tehran",
});

function persianTime(unixSeconds) {
  return TIME_FORMAT.format(new Date(unixSeconds * 1000));
}

function persianDigits(value) {
  return String(value).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]);
}
