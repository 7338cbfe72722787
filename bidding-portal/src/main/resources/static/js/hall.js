// 开标大厅: the list of openings the signed-in user can follow, or one lot's opening session followed live by
// server-sent events (GET /api/openings/{project}/{lot}/events), polling GET /api/openings/{project}/{lot} every 1.5 s
// when there is no stream: countdown, custodians' shares, who joined, per-bid decryption
// progress, the bidder's self-decryption, the custodian's share release, the record, confirmations and objections.
import { emptyRow, page } from '/js/layout.js';
import { dateTime, money, t } from './i18n.js';
import { call, json, requireRole, showProblem } from './session.js';
import { releaseInBrowser } from './hall-share.js';

await page('hall', 'bidder');

const POLL_MS = 1500;
/** How often a hall that is not open yet is asked again. */
const RETRY_MS = 10_000;
const params = new URLSearchParams(location.search);
const project = params.get('project');
const lot = params.get('lot');
const $ = (id) => document.getElementById(id);

const me = requireRole();

/** A message for a code, or the code itself when the bundle has none. */
function label(prefix, code) {
  if (code == null) {
    return '—';
  }
  const key = prefix + code;
  const text = t(key);
  return text === key ? code : text;
}

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text != null) {
    e.textContent = text;
  }
  if (className) {
    e.className = className;
  }
  return e;
}

function badgeClass(status) {
  return { OPENED: 'badge ok', FAILED_TOO_FEW_BIDS: 'badge bad', SELF_DECRYPT: 'badge warn', OPENING: 'badge warn' }[status] || 'badge';
}

// ---------------------------------------------------------------- list of openings

async function showList() {
  $('list').hidden = false;
  const body = $('openings').querySelector('tbody');
  try {
    const openings = await json('/api/openings');
    body.replaceChildren(...openings.map((o) => {
      const tr = document.createElement('tr');
      const name = el('td');
      const a = el('a', o.projectName);
      a.href = '/hall.html?project=' + encodeURIComponent(o.projectId) + '&lot=' + encodeURIComponent(o.lotId);
      name.append(a, el('div', o.transactionCode, 'meta'));
      const status = el('td');
      status.append(el('span', label('hall.state.', o.status), badgeClass(o.status)));
      tr.append(name, el('td', o.lotName), el('td', dateTime(o.openingAt)), status);
      return tr;
    }));
    if (openings.length === 0) {
      // a bidder follows the openings of its own bids; the centre's staff and the regulator host or watch every one
      body.append(me.role === 'BIDDER'
        ? emptyRow($('openings'), 'hall.list.empty', [], [['hall.list.empty.projects', '/bidder/projects.html']])
        : emptyRow($('openings'), 'hall.list.empty.staff'));
    }
  } catch (e) {
    $('list').append(el('p', e.message, 'error'));
  }
}

// ---------------------------------------------------------------- one session

let view = null;
let clockOffset = 0; // server time minus local time, ms
const rendered = {};

/** Re-renders a part only when its data changed, so forms being filled in are not replaced under the user. */
function once(part, data, render) {
  const key = JSON.stringify(data);
  if (rendered[part] !== key) {
    rendered[part] = key;
    render();
  }
}

function two(n) {
  return String(n).padStart(2, '0');
}

function tick() {
  if (!view) {
    return;
  }
  const countdown = $('countdown');
  const left = new Date(view.openingAt).getTime() - (Date.now() + clockOffset);
  if (view.status === 'NOT_STARTED' && left > 0) {
    const s = Math.floor(left / 1000);
    const days = Math.floor(s / 86400);
    const hms = `${two(Math.floor((s % 86400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
    countdown.textContent = t('hall.countdown', days > 0 ? t('hall.days', days) + ' ' + hms : hms);
  } else if (view.status === 'SELF_DECRYPT' && view.selfDecryptUntil) {
    const s = Math.max(0, Math.floor((new Date(view.selfDecryptUntil).getTime() - (Date.now() + clockOffset)) / 1000));
    countdown.textContent = t('hall.self.countdown', `${two(Math.floor(s / 60))}:${two(s % 60)}`);
  } else {
    countdown.textContent = label('hall.phase.', view.status);
  }
}

/** Where the session is among the stages people know from the hall (签到 → 解密 → 唱标 → 确认): index of the current. */
const STAGE = { NOT_STARTED: 0, FAILED_TOO_FEW_BIDS: 0, WAITING_FOR_SHARES: 1, OPENING: 1, SELF_DECRYPT: 1, OPENED: 3 };

function stages(v) {
  const current = STAGE[v.status] ?? 0;
  const finished = v.status === 'OPENED' && !(v.you || {}).canConfirm && !(v.you || {}).canObject;
  document.querySelectorAll('#stages li').forEach((li, i) => {
    li.classList.toggle('done', i < current || finished);
    li.classList.toggle('failed', v.status === 'FAILED_TOO_FEW_BIDS' && i === current);
    if (i === current && !finished) {
      li.setAttribute('aria-current', 'step');
    } else {
      li.removeAttribute('aria-current');
    }
  });
}

function render(v) {
  view = v;
  document.getElementById('not-yet')?.remove();
  stages(v);
  clockOffset = new Date(v.serverTime).getTime() - Date.now();
  document.title = `${t('hall.list.title')} — ${v.projectName} ${v.lotName}`;
  $('code').textContent = v.transactionCode;
  $('title').textContent = `${v.projectName} · ${v.lotName}`;
  $('status').textContent = label('hall.state.', v.status);
  $('status').className = badgeClass(v.status);
  $('opening-at').textContent = dateTime(v.openingAt);
  $('opening-place').textContent = v.openingPlace ? '（' + v.openingPlace + '）' : '';
  $('bid-count').textContent = v.bids == null ? t('hall.bids.hidden') : String(v.bids);
  $('threshold').textContent = t('hall.threshold', v.threshold, v.custodians.length, v.releasedShares.length);
  const you = v.you || {};
  $('join').hidden = !you.canJoin;
  $('joined').hidden = !you.joined;
  tick();

  once('custodians', v.custodians, () => {
    $('custodians').replaceChildren(...v.custodians.map((c) => {
      const li = el('li');
      li.append(el('span', t('hall.custodian', c.index, c.name) + (c.you ? t('hall.you') : '') + ' '));
      li.append(el('span', c.released ? t('hall.share.released', dateTime(c.releasedAt)) : t('hall.share.pending'),
        c.released ? 'badge ok' : 'badge'));
      if (c.joined) {
        li.append(' ', el('span', t('hall.joined.short'), 'badge'));
      }
      return li;
    }));
  });
  once('participants', v.participants, () => {
    $('participants').replaceChildren(...(v.participants.length ? v.participants.map((p) =>
      el('li', `${label('hall.role.', p.role)} · ${p.name}${p.you ? t('hall.you') : ''} · ${dateTime(p.joinedAt)}`))
      // before the opening nobody is told who joined: say so rather than "nobody"
      : [el('li', t(v.bids == null ? 'hall.participants.hidden' : 'hall.participants.none'), 'meta')]));
  });
  once('bids', v.results, () => {
    $('bids').querySelector('tbody').replaceChildren(...v.results.map((r) => {
      const tr = el('tr');
      tr.dataset.bid = r.bidId;
      tr.dataset.stage = r.stage;
      if (r.yours) {
        tr.className = 'yours';
      }
      const stage = el('td', null, 'stage');
      const ok = r.stage === 'OPENED' || r.stage === 'SELF_DECRYPTED';
      const bad = r.stage === 'REVOKED' || r.stage === 'WITHDRAWN';
      stage.append(el('span', label('hall.stage.', r.stage), ok ? 'badge ok' : bad ? 'badge bad' : 'badge warn'));
      if (r.reason) {
        stage.append(el('div', label('hall.reason.', r.reason), 'meta'));
      }
      if (r.formViolations && r.formViolations.length) {
        // where the opened bid form breaks the published schema (/schemas/bid-form.schema.json), by JSON pointer
        stage.append(el('div', t('hall.form-violations') + r.formViolations.join('; '), 'meta form-violations'));
      }
      tr.append(el('td', r.bidder + (r.yours ? t('hall.you') : '')), stage, el('td', label('hall.signature.', r.signature)),
        el('td', label('hall.hash.', r.hashCheck)), el('td', r.price == null ? '—' : money(r.price)), el('td', r.duration ?? '—'));
      return tr;
    }));
  });
  $('bids-empty').textContent = v.results.length ? '' : t(v.status === 'NOT_STARTED' ? 'hall.progress.before'
    : v.status === 'FAILED_TOO_FEW_BIDS' ? 'hall.progress.failed' : 'hall.progress.waiting');

  // the custodian's own share, while the session waits for shares
  const mine = v.custodians.find((c) => c.you);
  $('release').hidden = !(mine && !mine.released && v.status === 'WAITING_FOR_SHARES');
  if (!$('release').hidden) {
    $('release-commands').textContent = t('hall.release.commands', lot);
  }

  // the bidder's self-decryption
  $('self-decrypt').hidden = !you.canSelfDecrypt;
  if (you.canSelfDecrypt) {
    $('self-until').textContent = dateTime(v.selfDecryptUntil);
    $('self-command').textContent = t('hall.self.command');
  }

  // the record, confirmations and objections
  $('record').hidden = !v.recordDocument && v.status !== 'SELF_DECRYPT';
  $('record-link').hidden = !v.recordDocument;
  if (v.recordDocument) {
    $('record-link').href = '/api/public/documents/' + encodeURIComponent(v.recordDocument) + '/pdf';
  }
  $('objections-until').textContent = v.objectionsUntil ? t('hall.objections.until', dateTime(v.objectionsUntil)) : '';
  once('confirmations', v.confirmations, () => {
    $('confirmations').replaceChildren(...v.confirmations.map((c) => el('li', t('hall.record.confirmedBy', c.bidder, dateTime(c.confirmedAt)))));
  });
  $('confirm').hidden = !you.canConfirm;
  $('confirmed').hidden = !you.confirmed;
  $('objection-form').hidden = !you.canObject;
  $('objections-section').hidden = v.objections.length === 0;
  once('objections', [v.objections, you.canAnswer], () => {
    $('objections').replaceChildren(...v.objections.map((o) => {
      const li = el('li');
      li.dataset.objection = o.id;
      li.append(el('strong', o.bidder + (o.yours ? t('hall.you') : '')), el('span', ' · ' + dateTime(o.raisedAt), 'meta'));
      li.append(el('blockquote', o.text));
      if (o.answer) {
        li.append(el('p', t('hall.objection.answer', o.answer, dateTime(o.answeredAt)), 'answer'));
      } else if (you.canAnswer) {
        const form = el('form', null, 'stack answer-form');
        const id = 'answer-' + o.id;
        const lab = el('label', t('hall.objection.answerLabel'));
        lab.htmlFor = id;
        const area = el('textarea');
        area.id = id;
        area.name = 'answer';
        area.rows = 2;
        area.required = true;
        const button = el('button', t('hall.objection.answerSubmit'));
        button.type = 'submit';
        form.append(lab, area, button);
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          act(form, `/objections/${encodeURIComponent(o.id)}/answer`, { method: 'POST', json: { answer: area.value } });
        });
        li.append(form);
      } else {
        li.append(el('p', t('hall.objection.unanswered'), 'meta'));
      }
      return li;
    }));
  });
}

const base = () => `/api/openings/${encodeURIComponent(project)}/${encodeURIComponent(lot)}`;

/** Performs an action on the session, shows a problem next to the field it names, and re-renders from the answer. */
async function act(form, path, options, done = 'hall.done') {
  try {
    render(await json(base() + path, options));
    if (form instanceof HTMLFormElement) {
      form.reset();
    }
    $('hall-status').textContent = t(done);
    return true;
  } catch (e) {
    showProblem(e, form instanceof HTMLFormElement ? form : null, $('hall-status'));
    return false;
  }
}

function wire() {
  $('join').addEventListener('click', () => act(null, '/join', { method: 'POST' }, 'hall.done.join'));
  $('confirm').addEventListener('click', () => act(null, '/confirmation', { method: 'POST' }, 'hall.done.confirm'));
  $('objection-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act($('objection-form'), '/objections', { method: 'POST', json: { text: $('text').value } }, 'hall.done.objection');
  });
  $('self-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const pkg = $('package').files[0];
    const key = $('contentKey').files[0];
    const bid = view?.results.find((r) => r.yours && r.stage === 'AWAITING_BIDDER');
    if (!pkg || !key || !bid) {
      showProblem({ message: t('hall.self.missing'), field: !pkg ? 'package' : 'contentKey' }, $('self-form'), $('hall-status'));
      return;
    }
    await act($('self-form'), `/bids/${encodeURIComponent(bid.bidId)}/self-decryption`, {
      method: 'POST', body: pkg,
      headers: { 'Content-Type': 'application/octet-stream', 'X-Content-Key': (await key.text()).trim() },
    }, 'hall.done.self');
  });
  $('release-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = $('release-file').files[0];
    if (!file) {
      showProblem({ message: t('hall.release.missing'), field: 'release-file' }, $('release-form'), $('hall-status'));
      return;
    }
    let release;
    try {
      release = JSON.parse(await file.text());
    } catch {
      showProblem({ message: t('hall.release.notJson'), field: 'release-file' }, $('release-form'), $('hall-status'));
      return;
    }
    await act($('release-form'), '/shares', { method: 'POST', json: release }, 'hall.done.release');
  });
  $('browser-release-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = $('browser-release-form');
    const keyFile = $('custodianKey').files[0];
    const certificateFile = $('custodianCertificate').files[0];
    if (!keyFile || !certificateFile) {
      showProblem({ message: t('hall.release.browser.missing'), field: !keyFile ? 'custodianKey' : 'custodianCertificate' },
        form, $('hall-status'));
      return;
    }
    let release;
    try {
      const shares = await json('/api/custodians/me/shares');
      const mine = shares.find((s) => s.lotId === lot);
      if (!mine) {
        showProblem({ message: t('hall.release.noShare') }, form, $('hall-status'));
        return;
      }
      const session = await json(base() + '/session-key');
      const root = new Uint8Array(await (await call('/api/public/verify/root-certificate')).arrayBuffer());
      release = await releaseInBrowser(mine.sealedBase64, new Uint8Array(await keyFile.arrayBuffer()),
        new Uint8Array(await certificateFile.arrayBuffer()), session, lot, root);
    } catch (e) {
      const field = e.key === 'keys.error.not-certificate' ? 'custodianCertificate'
        : (e.key && e.key.startsWith('hall.session.') ? undefined : 'custodianKey');
      showProblem({ message: e.key ? t(e.key) : e.message, field: e.key ? field : undefined }, form, $('hall-status'));
      return;
    }
    await act(form, '/shares', { method: 'POST', json: release }, 'hall.done.release');
  });
  $('download-session').addEventListener('click', async () => {
    try {
      const session = await json(base() + '/session-key');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([JSON.stringify(session)], { type: 'application/json' }));
      a.download = `session-key-${lot}.json`;
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      showProblem(e, null, $('hall-status'));
    }
  });
  $('download-share').addEventListener('click', async () => {
    try {
      const shares = await json('/api/custodians/me/shares');
      const mine = shares.find((s) => s.lotId === lot);
      if (!mine) {
        $('hall-status').textContent = t('hall.release.noShare');
        return;
      }
      const bytes = Uint8Array.from(atob(mine.sealedBase64), (c) => c.charCodeAt(0));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes], { type: 'application/pkcs7-mime' }));
      a.download = `share-${lot}.sealed`;
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      showProblem(e, null, $('hall-status'));
    }
  });
}

// Server-sent events (GET …/events, read with fetch so the bearer token goes along; through nginx unbuffered):
// the hall arrives whenever it changes, from whichever node changed it. While the stream is open polling skips its
// fetches; when the stream ends or cannot open, polling carries on as before.
let streaming = false;

async function stream() {
  try {
    const response = await call(`${base()}/events`);
    streaming = true;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += value.replaceAll('\r\n', '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
        if (data && lines.some((l) => l === 'event:hall' || l === 'event: hall')) {
          render(JSON.parse(data));
        }
      }
    }
  } catch {
    // no stream (an old proxy, a network error, the node went away): polling goes on
  }
  streaming = false;
  setTimeout(stream, 5000); // and the stream is tried again, on whichever node the proxy picks
}

async function poll() {
  try {
    if (!streaming) {
      render(await json(base()));
    }
  } catch (e) {
    if (e.status === 403) {
      $('hall-status').replaceChildren(el('p', e.message, 'error'));
      return; // not this user's opening: stop polling
    }
    if (e.status === 404) {
      // not open yet (or not this user's): say it in words and look again a little later
      const note = el('p', t('hall.not-yet', Math.round(RETRY_MS / 1000)), 'warning');
      note.id = 'not-yet';
      $('hall-status').replaceChildren(note);
      setTimeout(poll, RETRY_MS);
      return;
    }
    $('hall-status').replaceChildren(el('p', e.message, 'error'));
  }
  setTimeout(poll, POLL_MS);
}

if (project && lot) {
  $('hall').hidden = false;
  wire();
  setInterval(tick, 250);
  await poll();
  stream();
} else {
  await showList();
}
