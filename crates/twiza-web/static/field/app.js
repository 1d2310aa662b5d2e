// Twiza's offline field app: records made without a network wait in IndexedDB under an id
// made here (crypto.randomUUID()), the server's idempotency key, and are sent once when the
// network returns (the "online" event, the app's start, or "Send now"). Every text shown
// comes from the page (data-* attributes), in the agent's language.
const root = document.getElementById("field-app");
const texts = document.getElementById("field-texts")?.dataset ?? {};
const DAY = 24 * 3600 * 1000;
const BATCH = 100;
// A request the network holds longer than this is given up (and retried later).
const TIMEOUT = 30000;
// Retries while records wait: from 5 s, doubling, at most every 5 minutes.
const RETRY_FIRST = 5000;
const RETRY_MAX = 300000;

// The session ended (the server redirects to its sign-in page or answers without JSON): the
// records stay on the phone and the agent is asked to sign in again.
class SignedOut extends Error {}
let sessionEnded = false;

// A redirect (to the sign-in page), a 401, or a page instead of JSON below 500 (a 403 is the
// CSRF token to take again; a 5xx, a server or proxy failing, is retried).
function signedOut(response) {
  const json = (response.headers.get("content-type") ?? "").includes("json");
  const page = !json && response.status < 500 && response.status !== 403;
  return response.type === "opaqueredirect" || response.status === 401 || page;
}

function askSignIn() {
  const box = document.getElementById("notice");
  if (!box) return;
  const link = el("a", { href: "/sign-in?next=/field/", id: "sign-in-again" }, texts.signInLink);
  box.replaceChildren(texts.signInAgain, " ", link);
  box.hidden = false;
}

function openDb() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("twiza-field", 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore("kv");
      open.result.createObjectStore("records", { keyPath: "id" });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

const dbReady = openDb();

async function run(store, mode, action) {
  const db = await dbReady;
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = action(tx.objectStore(store));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    // A transaction aborted (the phone's storage full, for one) fails the save it carried.
    tx.onabort = () => reject(tx.error ?? new Error("aborted"));
  });
}

const kvGet = (key) => run("kv", "readonly", (s) => s.get(key));
const kvPut = (key, value) => run("kv", "readwrite", (s) => s.put(value, key));
const allRecords = () => run("records", "readonly", (s) => s.getAll());
const putRecord = (record) => run("records", "readwrite", (s) => s.put(record));
const deleteRecord = (id) => run("records", "readwrite", (s) => s.delete(id));

async function clearAll() {
  await run("records", "readwrite", (s) => s.clear());
  await run("kv", "readwrite", (s) => s.clear());
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function notice(text) {
  const box = document.getElementById("notice");
  if (!box) return;
  box.textContent = text;
  box.hidden = !text;
}

function showNetwork() {
  const p = document.getElementById("net-status");
  if (p) p.textContent = navigator.onLine ? p.dataset.online : p.dataset.offline;
}

async function refreshBundle() {
  try {
    const response = await fetch(`/field/api/${root.dataset.org}/bundle`, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT),
    });
    if (signedOut(response)) {
      sessionEnded = true;
      askSignIn();
      return null;
    }
    if (!response.ok) return null;
    const bundle = await response.json();
    sessionEnded = false;
    await switchAccount(bundle);
    await kvPut("bundle", bundle);
    await kvPut("lastContact", Date.now());
    return bundle;
  } catch {
    return null;
  }
}

// The account the phone works for: the last bundle's. When another account signs in, what the
// previous one left cached goes (reference data, the shell's cache); its waiting records stay,
// are not sent under the new account and are shown as its own.
async function switchAccount(bundle) {
  const account = { user: bundle.user, org: bundle.org, name: bundle.account };
  const before = await kvGet("account");
  if (before && (before.user !== account.user || before.org !== account.org)) {
    await run("kv", "readwrite", (s) => s.clear());
    if ("caches" in self) for (const key of await caches.keys()) await caches.delete(key);
  }
  await kvPut("account", account);
}

// A record made under the account now signed in (or before records were stamped).
const ofAccount = (account) => (r) =>
  !account || r.user === undefined || (r.user === account.user && r.org === account.org);

// The phone is cleared after the configured number of days without any contact with the
// server (a bundle fetched or a sync answered). Records still waiting are never deleted by it:
// only the reference data and what was sent or refused go, and the agent is told what stays.
async function wipeIfStale() {
  const bundle = await kvGet("bundle");
  const last = (await kvGet("lastContact")) ?? (await kvGet("lastSync"));
  if (!bundle || !last || Date.now() - last <= bundle.wipe_after_days * DAY) return;
  const records = await allRecords();
  const waiting = records.filter((r) => r.status === "waiting");
  for (const r of records) if (r.status !== "waiting") await deleteRecord(r.id);
  await run("kv", "readwrite", (s) => s.clear());
  if ("caches" in self) for (const key of await caches.keys()) await caches.delete(key);
  notice(waiting.length ? texts.wipedKept : texts.wiped);
}

function option(select, value, text) {
  select.append(el("option", { value: String(value) }, text));
}

function fillForm(bundle) {
  const form = document.getElementById("record-form");
  if (!form) return;
  if (!bundle) {
    notice(texts.notLoaded);
    return;
  }
  const incident = form.querySelector("#incident");
  const commune = form.querySelector("#commune");
  const douar = form.querySelector("#douar_id");
  const delivery = form.querySelector("#delivery");
  const communesOf = (id) =>
    id ? bundle.incidents.find((i) => String(i.id) === id)?.communes ?? [] : allCommunes(bundle);
  const fillDouars = () => {
    if (!douar) return;
    douar.replaceChildren();
    option(douar, "", douar.dataset.none);
    const inc = bundle.incidents.find((i) => String(i.id) === incident.value);
    for (const d of inc?.douars ?? []) if (d.commune === commune.value) option(douar, d.id, d.name);
  };
  const fillCommunes = () => {
    commune.replaceChildren();
    for (const c of communesOf(incident?.value)) option(commune, c.code, c.name);
    fillDouars();
  };
  const wire = !form.dataset.wired;
  form.dataset.wired = "1";
  if (incident) {
    incident.replaceChildren();
    for (const i of bundle.incidents) option(incident, i.id, i.title);
    if (wire) incident.addEventListener("change", fillCommunes);
  }
  if (commune) {
    fillCommunes();
    if (wire) commune.addEventListener("change", fillDouars);
  }
  if (delivery) {
    delivery.replaceChildren();
    for (const d of bundle.deliveries) option(delivery, d.id, `${d.need_reference} · ${d.label}`);
  }
}

function allCommunes(bundle) {
  const seen = new Map();
  for (const i of bundle.incidents) for (const c of i.communes) seen.set(c.code, c);
  return [...seen.values()];
}

// Another member row on the household screen, numbered like the first.
function addMember() {
  const box = document.getElementById("members");
  const rows = box.querySelectorAll("fieldset.member");
  const legends = box.dataset.legends.split("|");
  if (rows.length >= legends.length - 1) return;
  const n = rows.length + 1;
  const row = rows[0].cloneNode(true);
  row.id = `member-${n}`;
  row.querySelector("legend").textContent = legends[n - 1];
  for (const node of row.querySelectorAll("[id], [for]")) {
    for (const attr of ["id", "for"]) {
      if (node.hasAttribute(attr)) node.setAttribute(attr, node.getAttribute(attr).replace(/^m1-/, `m${n}-`));
    }
    if ("value" in node && node.tagName !== "OPTION") node.value = "";
  }
  box.append(row);
}

// Arabic-Indic (٠-٩) and Persian (۰-۹) digits, as a phone's keyboard may type them, made ASCII.
const asciiDigits = (text) =>
  text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
const value = (form, name) => form.elements[name]?.value.trim() ?? "";
const count = (text) => (text === "" ? null : Number(asciiDigits(text)));

// What the form holds that cannot be saved: a count that is no number, a code not 6 digits.
function invalid(form) {
  for (const name of ["households", "people"]) {
    const n = count(value(form, name));
    if (n !== null && !Number.isInteger(n)) return texts.numberInvalid;
  }
  if (form.dataset.kind === "delivery" && !/^[0-9]{6}$/.test(asciiDigits(value(form, "code")))) return texts.codeInvalid;
  return null;
}
const chosen = (select) => select?.selectedOptions[0]?.textContent ?? "";

function recordOf(form) {
  const kind = form.dataset.kind;
  if (kind === "assessment") {
    return {
      kind,
      label: [chosen(form.elements.incident), chosen(form.elements.commune), form.querySelector("input[name=category]:checked")?.parentElement.textContent.trim()].join(" · "),
      data: {
        incident: Number(value(form, "incident")),
        commune: value(form, "commune"),
        douar_id: count(value(form, "douar_id")),
        category: form.querySelector("input[name=category]:checked")?.value ?? "",
        urgency: form.querySelector("input[name=urgency]:checked")?.value ?? "",
        households: count(value(form, "households")),
        people: count(value(form, "people")),
        description: value(form, "description") || null,
      },
    };
  }
  if (kind === "household") {
    const fields = ["given_name_ar", "family_name_ar", "given_name_lat", "family_name_lat", "sex", "birth_date", "relation", "cin"];
    const members = [...form.querySelectorAll("fieldset.member")]
      .map((set) => Object.fromEntries(fields.map((f) => [f, set.querySelector(`[name=${f}]`).value.trim()])))
      .filter((m) => fields.some((f) => m[f] !== ""));
    return {
      kind,
      label: `${chosen(form.elements.commune)} · ${members.length}`,
      data: {
        commune: value(form, "commune"),
        douar: value(form, "douar"),
        address: value(form, "address"),
        housing_damage: value(form, "housing_damage"),
        consent: {
          purpose: value(form, "consent_purpose"),
          legal_basis: value(form, "consent_legal_basis"),
          channel: value(form, "consent_channel"),
        },
        members,
      },
    };
  }
  return {
    kind,
    label: chosen(form.elements.delivery),
    data: { delivery: Number(value(form, "delivery")), code: asciiDigits(value(form, "code")) },
  };
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  const wrong = invalid(form);
  if (wrong) {
    notice(wrong);
    return;
  }
  const account = await kvGet("account");
  const record = {
    id: crypto.randomUUID(),
    status: "waiting",
    made: Date.now(),
    user: account?.user,
    org: account?.org,
    account: account?.name,
    ...recordOf(form),
  };
  try {
    await putRecord(record);
  } catch {
    // Not saved: the form keeps what was typed.
    notice(texts.saveFailed);
    return;
  }
  form.reset();
  fillForm(await kvGet("bundle"));
  notice(texts.saved);
  root.dataset.saved = String(Number(root.dataset.saved ?? 0) + 1);
  if (navigator.onLine) sync();
}

let syncing = null;
let retryIn = RETRY_FIRST;
let retryTimer = null;

function sync() {
  syncing ??= syncOnce().finally(() => {
    syncing = null;
  });
  return syncing;
}

// After a failed sync, another try later while records wait and the phone says it is online
// (the "online" event also syncs at once).
function retryLater() {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => {
    if (navigator.onLine) sync();
  }, retryIn);
  retryIn = Math.min(retryIn * 2, RETRY_MAX);
}

async function post(bundle, records) {
  return fetch(`/field/api/${root.dataset.org}/sync?csrf=${encodeURIComponent(bundle.csrf)}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT),
    body: JSON.stringify({ records: records.map(({ id, kind, data }) => ({ id, kind, data })) }),
  });
}

async function syncOnce() {
  const status = document.getElementById("sync-status");
  const say = (text) => status && (status.textContent = text);
  const account = await kvGet("account");
  const waiting = (await allRecords()).filter((r) => r.status === "waiting" && ofAccount(account)(r));
  root.dataset.lastBatch = String(waiting.length);
  if (waiting.length === 0) {
    say(texts.nothing);
    root.dataset.sync = "done";
    return;
  }
  root.dataset.sync = "running";
  say(texts.sending);
  try {
    let bundle = (await kvGet("bundle")) ?? (await refreshBundle());
    for (let start = 0; start < waiting.length; start += BATCH) {
      const part = waiting.slice(start, start + BATCH);
      let response = await post(bundle, part);
      if (signedOut(response)) throw new SignedOut();
      if (response.status === 403) {
        // The session changed since the bundle came: take its token again.
        bundle = await refreshBundle();
        // Another account signed in meanwhile: these records are not its to send.
        if (bundle && account && bundle.user !== account.user) throw new Error("account");
        if (bundle) response = await post(bundle, part);
        if (signedOut(response)) throw new SignedOut();
      }
      if (!response.ok) throw new Error(String(response.status));
      const { results } = await response.json();
      for (const result of results) {
        const record = part.find((r) => r.id === result.id);
        if (!record) continue;
        if (result.status === "accepted") {
          // Once through, the record's fields (a household's identifiers, a family's code)
          // leave the phone; its label and reference stay.
          Object.assign(record, { status: "sent", reference: result.reference, data: null, sent: Date.now() });
        } else {
          // Its fields leave the phone too: the label, the code and the reason stay.
          Object.assign(record, { status: "refused", code: result.code, message: result.message, data: null });
        }
        await putRecord(record);
      }
      await kvPut("lastSync", Date.now());
      await kvPut("lastContact", Date.now());
    }
    say(texts.synced);
    root.dataset.sync = "done";
    retryIn = RETRY_FIRST;
  } catch (error) {
    say(texts.syncFailed);
    root.dataset.sync = "failed";
    if (error instanceof SignedOut || sessionEnded) askSignIn();
    else if (navigator.onLine) retryLater();
  }
  await render();
}

function line(record, mine) {
  const li = el("li", { id: `record-${record.id}`, "data-status": record.status, "data-kind": record.kind });
  li.append(el("strong", {}, texts[record.kind] ?? record.kind), " ", el("span", {}, record.label));
  if (!mine) li.append(el("p", { class: "other-account" }, `${texts.otherAccount} ${record.account ?? ""}`));
  if (record.reference) li.append(" · ", el("span", { class: "reference", dir: "ltr" }, record.reference));
  if (record.status === "refused") {
    li.append(el("p", { class: "error", "data-code": record.code }, record.message));
    const discard = el("button", { type: "button", class: "secondary" }, texts.discard);
    discard.addEventListener("click", async () => {
      await deleteRecord(record.id);
      await render();
    });
    li.append(discard);
  }
  return li;
}

// Records waiting, for the warning at sign-out (which must decide at once).
let waitingCount = 0;

async function render() {
  const records = (await allRecords()).sort((a, b) => a.made - b.made);
  const isMine = ofAccount(await kvGet("account"));
  waitingCount = records.filter((r) => r.status === "waiting").length;
  for (const status of ["waiting", "refused", "sent"]) {
    const list = document.getElementById(`list-${status}`);
    if (!list) continue;
    // Another account's history is not shown; its waiting records are, marked as its own.
    const shown = records.filter((r) => r.status === status && (status === "waiting" || isMine(r)));
    list.replaceChildren(...(shown.length ? shown.map((r) => line(r, isMine(r))) : [el("li", {}, texts.none)]));
  }
  const holds = document.getElementById("device-holds");
  if (holds) {
    const bundle = await kvGet("bundle");
    const last = await kvGet("lastSync");
    const set = (id, v) => (document.getElementById(id).textContent = String(v));
    set("holds-incidents", bundle?.incidents.length ?? 0);
    set("holds-needs", bundle?.needs.length ?? 0);
    set("holds-deliveries", bundle?.deliveries.length ?? 0);
    set("holds-waiting", records.filter((r) => r.status === "waiting").length);
    set("holds-identifiers", records.filter((r) => r.data?.members?.some((m) => m.cin)).length);
    set("holds-sent", records.filter((r) => r.status === "sent").length);
    set("holds-last-sync", last ? new Date(last).toISOString().slice(0, 16).replace("T", " ") : "-");
    set("holds-wipe-days", bundle?.wipe_after_days ?? "-");
  }
  root.dataset.ready = "1";
}

async function start() {
  if (!root) return;
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/field/sw.js", { scope: "/field/" }).catch(() => {});
  }
  showNetwork();
  // Asks the browser not to evict what waits here when the phone runs short of space.
  navigator.storage?.persist?.().catch(() => {});
  // Online, the server is asked first (a bundle fetched counts as contact); the staleness is
  // checked after, so a phone back in the network is not cleared for its time away.
  if (!navigator.onLine) await wipeIfStale();
  const fresh = navigator.onLine ? await refreshBundle() : null;
  if (navigator.onLine) {
    await sync();
    await wipeIfStale();
  }
  const bundle = fresh ?? (await kvGet("bundle"));
  fillForm(bundle);
  document.getElementById("record-form")?.addEventListener("submit", save);
  document.getElementById("sync-now")?.addEventListener("click", () => sync());
  document.getElementById("add-member")?.addEventListener("click", addMember);
  document.getElementById("clear-device")?.addEventListener("click", async () => {
    if (confirm(texts.clearConfirm)) {
      await clearAll();
      await render();
    }
  });
  for (const form of document.querySelectorAll('form[action="/sign-out"]')) {
    form.addEventListener("submit", (event) => {
      if (waitingCount && !confirm(texts.signout)) event.preventDefault();
    });
  }
  addEventListener("online", () => {
    showNetwork();
    refreshBundle().then(() => sync());
  });
  addEventListener("offline", showNetwork);
  await render();
}

start();
