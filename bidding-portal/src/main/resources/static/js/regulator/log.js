// Supervision log browser: filters and pages in the query string, entry detail, inclusion proof checked in the browser.
import { page } from '/js/layout.js';
import { t, dateTime, keys } from '/js/i18n.js';
import { json, requireRole } from '/js/session.js';
import {
  equalBytes, fromBase64, fromHex, hex, leafHash, leafJson, rootFromPath, sha256, treeHeadText, utf8,
  verifyTreeHeadSignature,
} from '/js/regulator/merkle.js';

await page('regulator');
requireRole('REGULATOR', 'ADMIN');

const FILTERS = ['action', 'actor', 'subject', 'mentions', 'from', 'to', 'size'];
const form = document.getElementById('filters');
const body = document.querySelector('#entries tbody');
const status = document.getElementById('status');
const panel = document.getElementById('entry');
let proven = null;
/** Actors named so far, by account id ({ name, organisation, role }); the picker's labels map back to ids. */
const actors = new Map();
const pickerIds = new Map();
const actorInput = document.getElementById('f-actor-name');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An actor in words: the person's name and the organisation it acts for; system and anonymous by name. */
function actorName(id) {
  if (id === 'system' || id === 'anonymous') {
    return t(`log.actor.${id}`);
  }
  const actor = actors.get(id);
  if (!actor) {
    return UUID.test(id ?? '') ? t('log.actor.unknown') : (id ?? '—');
  }
  const name = actor.name || actor.username;
  return actor.organisation && actor.organisation !== name ? t('log.actor.pick', name, actor.organisation) : name;
}

/** Names the account ids not named yet, in one request. */
async function nameActors(ids) {
  const missing = [...new Set(ids)].filter((id) => UUID.test(id ?? '') && !actors.has(id));
  if (!missing.length) {
    return;
  }
  const query = new URLSearchParams();
  missing.forEach((id) => query.append('id', id));
  const found = await json(`/api/supervision/actors?${query}`).catch(() => []);
  for (const actor of found) {
    actors.set(actor.id, actor);
  }
}

/** The event picker: every event the bundle names, by its Chinese (or English) name. */
function fillActions() {
  const select = form.elements.action;
  const events = keys('event.').map((key) => [key.slice('event.'.length), t(key)])
    .sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
  for (const [code, name] of events) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = name;
    select.append(option);
  }
}

/** The actor picker: as the regulator types, accounts whose name or organisation matches fill the list. */
function pickerLabel(actor) {
  actors.set(actor.id, actor);
  const label = `${actorName(actor.id)} · ${roleName(actor.role)} · ${actor.username}`;
  pickerIds.set(label, actor.id);
  return label;
}

let typing = null;
actorInput.addEventListener('input', () => {
  actorInput.setCustomValidity('');
  clearTimeout(typing);
  const text = actorInput.value.trim();
  if (pickerIds.has(text) || text.length < 1) {
    return;
  }
  typing = setTimeout(async () => {
    const found = await json(`/api/supervision/actors?q=${encodeURIComponent(text)}`).catch(() => []);
    const list = document.getElementById('actor-options');
    list.replaceChildren();
    for (const name of ['system', 'anonymous']) {
      if (t(`log.actor.${name}`).includes(text) || name.includes(text.toLowerCase())) {
        found.push({ id: name });
      }
    }
    for (const actor of found) {
      const option = document.createElement('option');
      option.value = actor.username ? pickerLabel(actor) : actorName(actor.id);
      pickerIds.set(option.value, actor.id);
      list.append(option);
    }
  }, 250);
});

/** The id the picker stands for: a picked label, system/anonymous, or an id pasted as is; null if unknown. */
function pickedActor() {
  const text = actorInput.value.trim();
  if (!text) {
    return '';
  }
  if (pickerIds.has(text)) {
    return pickerIds.get(text);
  }
  return UUID.test(text) || text === 'system' || text === 'anonymous' ? text : null;
}

function params() {
  return new URLSearchParams(location.search);
}

/** datetime-local (Beijing time) → ISO instant. */
function instant(local) {
  return new Date(`${local}:00+08:00`).toISOString();
}

function go(changes, replace = false) {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '' || v === undefined) {
      p.delete(k);
    } else {
      p.set(k, v);
    }
  }
  const url = `${location.pathname}?${p}`;
  if (replace) {
    history.replaceState(null, '', url);
  } else {
    history.pushState(null, '', url);
  }
  return render();
}

async function fillForm() {
  const p = params();
  for (const name of FILTERS) {
    form.elements[name].value = p.get(name) ?? (name === 'size' ? '50' : '');
  }
  const actor = p.get('actor');
  if (actor) {
    await nameActors([actor]);
  }
  actorInput.value = actor ? actorName(actor) : '';
  if (actor) {
    pickerIds.set(actorInput.value, actor);
  }
  actorInput.setCustomValidity('');
}

async function loadList() {
  const p = params();
  const query = new URLSearchParams();
  for (const name of ['action', 'actor', 'subject', 'mentions']) {
    if (p.get(name)) {
      query.set(name, p.get(name));
    }
  }
  for (const name of ['from', 'to']) {
    if (p.get(name)) {
      query.set(name, instant(p.get(name)));
    }
  }
  const pageNo = Math.max(0, Number(p.get('page') || 0));
  const size = Number(p.get('size') || 50);
  query.set('page', pageNo);
  query.set('size', size);
  status.textContent = t('loading');
  body.replaceChildren();
  let entries;
  try {
    entries = await json(`/api/supervision/entries?${query}`);
  } catch (error) {
    status.textContent = t('log.failed', error.message);
    status.className = 'error';
    return;
  }
  await nameActors(entries.map((e) => e.actor));
  status.className = '';
  status.textContent = entries.length ? t('log.shown', entries.length, pageNo + 1) : t('log.none');
  const selected = p.get('seq');
  for (const e of entries) {
    const row = document.createElement('tr');
    row.dataset.seq = e.seq;
    if (String(e.seq) === selected) {
      row.className = 'selected';
    }
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'link open';
    open.textContent = t('log.open');
    open.setAttribute('aria-label', t('log.open.entry', e.seq));
    open.addEventListener('click', () => go({ seq: e.seq }).then(() => document.getElementById('entry-title').focus()));
    const cells = [String(e.seq), dateTime(e.at), eventName(e.action),
      `${e.actorRole ? `${roleName(e.actorRole)} ` : ''}${actorName(e.actor)}`];
    for (const [i, text] of cells.entries()) {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 0) {
        td.className = 'num';
      }
      if (i === 2) {
        td.title = e.action;
      }
      if (i === 3) {
        td.className = 'actor';
        td.title = e.actor;
      }
      row.append(td);
    }
    const td = document.createElement('td');
    td.append(open);
    row.append(td);
    body.append(row);
  }
  document.getElementById('page-no').textContent = t('log.page', pageNo + 1);
  document.getElementById('prev').disabled = pageNo === 0;
  document.getElementById('next').disabled = entries.length < size;
}

/** An event's name in words (监督日志 event names), or its code when the bundle has none yet. */
function eventName(action) {
  const key = `event.${action}`;
  const name = t(key);
  return name === key ? action : name;
}

/** A role's name in words. */
function roleName(role) {
  return role ? t(`logrole.${role}`) : '';
}

/** The event's details as a table of field and value (nested values as compact JSON), or null if not an object. */
function detailsTable(details) {
  let value;
  try {
    value = JSON.parse(details);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return null;
  }
  const table = document.createElement('table');
  table.className = 'data details';
  table.innerHTML = '<thead><tr><th scope="col"></th><th scope="col"></th></tr></thead><tbody></tbody>';
  table.querySelectorAll('th')[0].textContent = t('log.details.field');
  table.querySelectorAll('th')[1].textContent = t('log.details.value');
  for (const [name, item] of Object.entries(value)) {
    const row = table.tBodies[0].insertRow();
    row.insertCell().textContent = name;
    const cell = row.insertCell();
    cell.className = typeof item === 'object' && item !== null ? 'mono' : '';
    cell.textContent = typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item);
  }
  return table;
}

function field(list, key, value, mono = false) {
  const dt = document.createElement('dt');
  dt.textContent = t(key);
  const dd = document.createElement('dd');
  dd.textContent = value ?? '—';
  if (mono) {
    dd.className = 'mono';
  }
  list.append(dt, dd);
}

async function loadEntry(seq) {
  panel.hidden = false;
  document.getElementById('entry-title').textContent = t('log.entry', seq);
  document.getElementById('verdict').textContent = t('loading');
  document.getElementById('verdict').className = 'verdict';
  document.getElementById('checks').replaceChildren();
  try {
    proven = await json(`/api/supervision/entries/${encodeURIComponent(seq)}`);
  } catch (error) {
    proven = null;
    document.getElementById('entry-fields').replaceChildren();
    document.getElementById('verdict').textContent = t('log.failed', error.message);
    document.getElementById('verdict').className = 'verdict bad';
    return;
  }
  const e = proven.entry;
  const fields = document.getElementById('entry-fields');
  fields.replaceChildren();
  field(fields, 'log.seq', String(e.seq));
  field(fields, 'log.at', `${dateTime(e.at)} (${e.at})`);
  field(fields, 'log.action', `${eventName(e.action)}（${e.action}）`);
  await nameActors([e.actor]);
  field(fields, 'log.actor', UUID.test(e.actor) ? `${actorName(e.actor)}（${e.actor}）` : actorName(e.actor));
  field(fields, 'log.role', roleName(e.actorRole));
  field(fields, 'log.subject', e.subject, true);
  field(fields, 'log.ip', e.clientIp);
  field(fields, 'log.device', e.deviceFingerprint, true);
  field(fields, 'log.head', t('log.head.value', proven.treeHead.treeSize, dateTime(proven.treeHead.timestamp)));
  let details = e.details ?? '';
  try {
    details = JSON.stringify(JSON.parse(details), null, 2);
  } catch {
    // shown as stored
  }
  document.getElementById('entry-details').textContent = details;
  // people read the details as a table; the stored text (what the hash covers) stays below it
  document.getElementById('entry-details-table')?.remove();
  const table = detailsTable(e.details ?? '');
  if (table) {
    table.id = 'entry-details-table';
    document.getElementById('entry-details-raw').before(table);
  }
  document.getElementById('proof-input').value = JSON.stringify(proven.inclusionProof, null, 2);
  document.getElementById('tsa-command').textContent = proven.treeHead.timestampToken
    ? 'openssl ts -verify -token_in -in token.der -data tree-head.json -CAfile root-ca.pem'
    : t('log.tsa.none');
  await verify(proven.inclusionProof);
}

/**
 * Every check, each shown with its reason; the verdict is "verified" only when every one passes. The proof is the
 * server's unless the regulator edited it below.
 */
async function verify(proof) {
  const e = proven.entry;
  const head = proven.treeHead;
  const checks = [];
  const add = (key, ok, why) => checks.push({ key, ok, why });

  const detailsHash = await sha256(utf8(e.details ?? ''));
  add('check.details', equalBytes(detailsHash, fromBase64(e.detailsSha256)),
    t('check.details.why', hex(detailsHash)));

  const leafText = leafJson(e);
  const leaf = await leafHash(utf8(leafText));
  let proofLeaf = null;
  try {
    proofLeaf = fromHex(proof.leafHash);
  } catch {
    // stays null: the check fails below
  }
  add('check.leaf', equalBytes(leaf, proofLeaf), t('check.leaf.why', hex(leaf), proof.leafHash));

  const sameTree = String(proof.leafIndex) === String(e.seq) && String(proof.treeSize) === String(head.treeSize);
  add('check.position', sameTree, t('check.position.why', proof.leafIndex, proof.treeSize, e.seq, head.treeSize));

  let path = null;
  try {
    path = (proof.path || []).map(fromHex);
  } catch {
    path = null;
  }
  if (!path) {
    add('check.root', false, t('check.root.malformed'));
  } else {
    const result = await rootFromPath(e.seq, head.treeSize, leaf, path);
    if (result.error) {
      add('check.root', false, t(`check.root.${result.error}`));
    } else {
      add('check.root', equalBytes(result.root, fromHex(head.rootHash)),
        t('check.root.why', path.length, hex(result.root), head.rootHash));
    }
  }

  const signature = await verifyTreeHeadSignature(head);
  if (signature.unsupported) {
    add('check.signature', null, t('check.signature.unsupported', signature.unsupported));
  } else {
    const fingerprint = hex(await sha256(fromBase64(head.certificate)));
    add('check.signature', signature.ok, signature.ok ? t('check.signature.ok', fingerprint) : t('check.signature.bad'));
  }

  const list = document.getElementById('checks');
  list.replaceChildren();
  for (const c of checks) {
    const li = document.createElement('li');
    li.dataset.check = c.key;
    const badge = document.createElement('span');
    badge.className = `badge ${c.ok === true ? 'ok' : c.ok === false ? 'bad' : 'warn'}`;
    badge.textContent = t(c.ok === true ? 'check.pass' : c.ok === false ? 'check.fail' : 'check.skipped');
    const label = document.createElement('span');
    label.textContent = ` ${t(c.key)}`;
    const why = document.createElement('span');
    why.className = 'why mono';
    why.textContent = c.why;
    li.append(badge, label, why);
    list.append(li);
  }
  const failed = checks.filter((c) => c.ok === false);
  const verdict = document.getElementById('verdict');
  if (failed.length) {
    verdict.className = 'verdict bad';
    verdict.dataset.result = 'failed';
    verdict.textContent = t('verdict.failed', failed.map((c) => t(c.key)).join('、'));
  } else if (checks.some((c) => c.ok === null)) {
    verdict.className = 'verdict warn';
    verdict.dataset.result = 'partial';
    verdict.textContent = t('verdict.partial');
  } else {
    verdict.className = 'verdict ok';
    verdict.dataset.result = 'verified';
    verdict.textContent = t('verdict.verified', e.seq, head.treeSize);
  }
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function render() {
  await fillForm();
  await loadList();
  const seq = params().get('seq');
  if (seq !== null && seq !== '') {
    await loadEntry(seq);
  } else {
    panel.hidden = true;
  }
  const head = await json('/api/supervision/tree-head').catch(() => null);
  document.getElementById('head').textContent = head
    ? t('log.latest', head.treeSize, dateTime(head.timestamp), head.rootHash) : '';
  // without filters the log's size gives the last page (entries come oldest first)
  const unfiltered = ['action', 'actor', 'subject', 'mentions', 'from', 'to'].every((k) => !params().get(k));
  const last = document.getElementById('last');
  last.hidden = !(head && unfiltered);
  last.dataset.page = head ? Math.max(0, Math.floor((head.treeSize - 1) / Number(params().get('size') || 50))) : 0;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const changes = { page: null, seq: null };
  const actor = pickedActor();
  if (actor === null) {
    actorInput.setCustomValidity(t('log.actor.not-found', actorInput.value.trim()));
    actorInput.reportValidity();
    return;
  }
  form.elements.actor.value = actor;
  for (const name of FILTERS) {
    changes[name] = form.elements[name].value.trim();
  }
  if (changes.size === '50') {
    changes.size = null;
  }
  go(changes);
});
document.getElementById('clear').addEventListener('click', () => {
  history.pushState(null, '', location.pathname);
  render();
});
document.getElementById('prev').addEventListener('click', () => go({ page: Math.max(0, Number(params().get('page') || 0) - 1) || null, seq: null }));
document.getElementById('next').addEventListener('click', () => go({ page: Number(params().get('page') || 0) + 1, seq: null }));
document.getElementById('last').addEventListener('click', (event) => go({ page: event.target.dataset.page, seq: null }));
document.getElementById('verify-edited').addEventListener('click', async () => {
  let edited;
  try {
    edited = JSON.parse(document.getElementById('proof-input').value);
  } catch (error) {
    const verdict = document.getElementById('verdict');
    verdict.className = 'verdict bad';
    verdict.dataset.result = 'failed';
    verdict.textContent = t('verdict.failed', t('check.proof-json'));
    return;
  }
  await verify(edited);
  document.getElementById('verdict').focus?.();
});
document.getElementById('reset-proof').addEventListener('click', async () => {
  document.getElementById('proof-input').value = JSON.stringify(proven.inclusionProof, null, 2);
  await verify(proven.inclusionProof);
});
document.getElementById('download-head').addEventListener('click', () =>
  download('tree-head.json', 'application/json', treeHeadText(proven.treeHead)));
document.getElementById('download-token').addEventListener('click', () => {
  if (proven.treeHead.timestampToken) {
    download('token.der', 'application/octet-stream', fromBase64(proven.treeHead.timestampToken));
  }
});
document.getElementById('download-proof').addEventListener('click', () =>
  download(`inclusion-${proven.entry.seq}.json`, 'application/json', JSON.stringify(proven.inclusionProof)));
window.addEventListener('popstate', render);
actorInput.addEventListener('change', () => actorInput.setCustomValidity(''));
fillActions();

await render();
