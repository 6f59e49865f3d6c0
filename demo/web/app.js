// The demo chat page: be any sample person, talk to Mina through the sandbox's control API.
"use strict";

const ROLE_NAMES = { head: "رئیس", secretary: "دبیر", member: "عضو" };
const STRANGER = { telegram_id: 2000, name: "یک ناشناس", roles: [], stranger: true };
const POLL_SECONDS = 25;

const state = { sandbox: "", people: [], person: null, lastId: 0, edits: 0, messages: [],
                poll: null };
const $ = (id) => document.getElementById(id);

async function getJson(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok && response.status !== 408) throw new Error(body.error || response.statusText);
  return body;
}

async function control(path, options = {}) {
  const body = await getJson(`${state.sandbox}/control${path}`, options);
  return body.result;
}

function postJson(path, data, signal) {
  return control(path, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(data), signal,
  });
}

function toast(message, alertStyle) {
  const box = $("toast");
  box.textContent = message;
  box.classList.toggle("alert", Boolean(alertStyle));
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, alertStyle ? 6000 : 3000);
}

function describe(person) {
  if (person.stranger) return "بدون عضویت (هنوز دعوت نشده)";
  return person.roles.map((r) => `${ROLE_NAMES[r.role] || r.role} ${r.unit}`).join("، ");
}

function renderPeople() {
  const list = $("people");
  list.replaceChildren();
  for (const person of [...state.people, STRANGER]) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.person = person.telegram_id;
    button.classList.toggle("active", state.person?.telegram_id === person.telegram_id);
    const name = document.createElement("span");
    name.className = "person-name";
    name.textContent = person.name;
    const role = document.createElement("span");
    role.className = "person-role";
    role.textContent = describe(person);
    button.append(name, role);
    button.addEventListener("click", () => selectPerson(person));
    item.append(button);
    list.append(item);
  }
}

async function download(file, name) {
  const response = await fetch(`${state.sandbox}/control/files/${encodeURIComponent(file)}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name || "file";
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

function picture(file, name) {
  // A photo (the compliance chart) or an image file shows in the chat, as Telegram's apps show
  // it; pressing it downloads it.
  const img = document.createElement("img");
  img.className = "picture";
  img.alt = name;
  fetch(`${state.sandbox}/control/files/${encodeURIComponent(file)}`)
    .then((response) => response.blob())
    .then((blob) => { img.src = URL.createObjectURL(blob); });
  img.addEventListener("click", () => download(file, name));
  return img;
}

function attachment(entry) {
  if (entry.photo) return picture(entry.photo.file_id, "photo.png");
  if (entry.document && IMAGE.test(entry.document.file_name || "")) {
    return picture(entry.document.file_id, entry.document.file_name);
  }
  const chip = document.createElement("button");
  chip.type = "button";
  chip.className = "document";
  if (entry.document) {
    const doc = entry.document;
    const size = persianDigits(Math.ceil((doc.file_size || 0) / 1024));
    chip.textContent = `${doc.file_name || "پرونده"} (${size} کیلوبایت)`;
    chip.addEventListener("click", () => download(doc.file_id, doc.file_name));
  } else {
    chip.textContent = "تصویر";
    chip.addEventListener("click", () => download(entry.photo.file_id, "photo.jpg"));
  }
  return chip;
}

function keyboard(entry) {
  const box = document.createElement("div");
  box.className = "kb";
  for (const row of entry.reply_markup) {
    const line = document.createElement("div");
    line.className = "kb-row";
    for (const spec of row) {
      let button;
      if (spec.url && /^(https?:|tg:)/i.test(spec.url)) {
        button = document.createElement("a");
        button.href = spec.url;
        button.target = "_blank";
        button.rel = "noopener noreferrer";
      } else {
        button = document.createElement("button");
        button.type = "button";
        if (spec.callback_data !== undefined) {
          button.addEventListener("click", () => press(entry, spec.callback_data));
        }
      }
      button.textContent = spec.text;
      line.append(button);
    }
    box.append(line);
  }
  return box;
}

function bubble(entry) {
  const row = document.createElement("div");
  row.className = `msg ${entry.from_bot ? "bot" : "me"}`;
  row.dataset.messageId = entry.message_id;
  const body = document.createElement("div");
  body.className = "bubble";
  if (entry.document || entry.photo) body.append(attachment(entry));
  const text = entry.text ?? entry.caption;
  if (text) {
    const content = document.createElement("div");
    content.className = "text";
    content.dir = "auto";
    content.append(renderRich(text, entry.entities, (command) => sendText(command)));
    body.append(content);
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.textContent = (entry.edited ? "ویرایش‌شده · " : "") + persianTime(entry.edit_date || entry.date);
  body.append(meta);
  row.append(body);
  if (entry.from_bot && entry.reply_markup) row.append(keyboard(entry));
  return row;
}

function renderReplyKeyboard() {
  const box = $("reply-keyboard");
  const last = [...state.messages].reverse().find((m) => m.from_bot);
  box.replaceChildren();
  box.hidden = !last?.reply_keyboard;
  for (const row of last?.reply_keyboard || []) {
    for (const label of row) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.addEventListener("click", () => sendText(label));
      box.append(button);
    }
  }
}

function renderMessages() {
  const box = $("messages");
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  box.replaceChildren(...state.messages.filter((m) => !m.deleted).map(bubble));
  renderReplyKeyboard();
  if (nearBottom || renderMessages.force) box.scrollTop = box.scrollHeight;
  renderMessages.force = false;
}

async function refresh() {
  const person = state.person;
  const transcript = await control(`/chats/${person.telegram_id}/messages`);
  if (person !== state.person) return;
  state.messages = transcript;
  state.lastId = transcript.length ? transcript[transcript.length - 1].message_id : 0;
  state.edits = transcript.reduce((sum, m) => sum + (m.edit_history || []).length, 0);
  renderMessages();
}

// Long-poll the sandbox for the bot's next message or edit; one loop per selected person. The
// only long poll: the browser opens six connections to a host, and waits of their own (one per
// pressed button, say) once held them all while the chat's next message queued behind.
async function pollLoop(person, signal) {
  while (!signal.aborted) {
    try {
      await fetch(`${state.sandbox}/control/chats/${person.telegram_id}/wait?since=` +
                  `${state.lastId}&edits=${state.edits}&count=1&timeout=${POLL_SECONDS}`,
                  { signal });
      if (!signal.aborted) await refresh();
    } catch (error) {
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

async function selectPerson(person) {
  state.poll?.abort();
  delete document.body.dataset.chat;
  state.person = person;
  state.messages = [];
  state.lastId = 0;
  state.edits = 0;
  location.hash = String(person.telegram_id);
  $("whoami").textContent = `شما: ${person.name}${person.stranger ? "" : " — " + describe(person)}`;
  renderPeople();
  renderMessages.force = true;
  await postJson(`/users/${person.telegram_id}`, { first_name: person.name, language_code: "fa" });
  await refresh();
  if (state.person !== person) return;  // another person was picked meanwhile
  document.body.dataset.chat = person.telegram_id;  // the chat is shown (tests wait for it)
  state.poll?.abort();
  state.poll = new AbortController();
  pollLoop(person, state.poll.signal);
  $("text").focus();
}

async function sendText(text) {
  if (!state.person || !text.trim()) return;
  for (const part of splitLikeTelegram(text)) {  // a long paste arrives as Telegram sends it
    const sent = await postJson(`/users/${state.person.telegram_id}/messages`,
                                { text: part, first_name: state.person.name, language_code: "fa" });
    renderMessages.force = true;
    state.messages.push({ ...sent, from_bot: false, entities: sent.entities || [] });
  }
  renderMessages();
}

// An invitation link pressed in the page (#start=CODE): the invited stranger opens it.
async function openInvitation() {
  const code = /^#start=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (!code) return false;
  history.replaceState(null, "", location.pathname);
  await selectPerson(STRANGER);
  await sendText(`/start ${code[1]}`);
  return true;
}

async function press(entry, data) {
  const userId = state.person.telegram_id;
  const queryId = (await postJson(`/users/${userId}/callbacks`,
                                  { message_id: entry.message_id, data })).callback_query_id;
  const answer = await control(`/callbacks/${queryId}?timeout=10`).catch(() => null);
  if (answer?.text) toast(answer.text, answer.show_alert);
}

async function sendFile(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  form.append("filename", file.name);
  form.append("first_name", state.person.name);
  const caption = $("text").value.trim();
  if (caption) form.append("caption", caption);
  $("text").value = "";
  await control(`/users/${state.person.telegram_id}/documents`, { method: "POST", body: form });
  renderMessages.force = true;
  await refresh();
}

function showClock(clock) {
  $("clock-now").textContent = clock.text;
}

async function moveClock(minutes) {
  const response = await getJson("/api/clock", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ minutes }),
  });
  showClock(response);
  toast(`ساعت نمایشی جلو رفت: ${response.text}`);
}

async function start() {
  const config = await getJson("/api/config");
  state.sandbox = config.sandbox;
  showClock(config.clock);
  state.people = await getJson("/api/people");
  const wanted = Number(location.hash.slice(1));
  const everyone = [...state.people, STRANGER];
  renderPeople();
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("text").value;
    $("text").value = "";
    sendText(text).catch((error) => toast(error.message, true));
  });
  $("file").addEventListener("change", (event) => {
    const [file] = event.target.files;
    event.target.value = "";
    if (file && state.person) sendFile(file).catch((error) => toast(error.message, true));
  });
  for (const button of document.querySelectorAll(".clock-buttons button")) {
    button.addEventListener("click", () => moveClock(Number(button.dataset.minutes))
      .catch((error) => toast(error.message, true)));
  }
  window.addEventListener("hashchange", () => {
    openInvitation().catch((error) => toast(error.message, true));
  });
  if (await openInvitation()) return;
  await selectPerson(everyone.find((p) => p.telegram_id === wanted) || everyone[0]);
}

start().catch((error) => toast(`راه‌اندازی صفحه ناموفق بود: ${error.message}`, true));
