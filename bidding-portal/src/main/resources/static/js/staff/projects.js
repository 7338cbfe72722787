// Project intake (进场登记) and joint review (会审) queue for centre staff: accept or return, approve or return each
// review item's latest version, publish when every reviewer approved. State lives in the query string.
import { page } from '/js/layout.js';
import { t, dateTime, money } from '/js/i18n.js';
import { json, requireRole, session, showProblem } from '/js/session.js';
import { classificationNames, regionName } from '/js/codes.js';
import { committeePlans } from '/js/plan-editor.js';

await page('staff');
requireRole('STAFF', 'ADMIN');

const form = document.getElementById('filters');
const body = document.querySelector('#projects tbody');
const status = document.getElementById('status');
const panel = document.getElementById('project');
const actionStatus = document.getElementById('action-status');
const me = session();

const params = () => new URLSearchParams(location.search);

function go(changes) {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined) {
      p.delete(k);
    } else {
      p.set(k, v);
    }
  }
  history.pushState(null, '', `${location.pathname}?${p}`);
  return render();
}

const statusFilter = () => (params().has('status') ? params().get('status') : 'SUBMITTED');

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '—';
  return td;
}

async function loadList() {
  form.elements.status.value = statusFilter();
  form.elements.q.value = params().get('q') ?? '';
  status.textContent = t('loading');
  let projects;
  try {
    projects = await json('/api/projects');
  } catch (error) {
    status.textContent = t('members.failed', error.message);
    return;
  }
  const q = (params().get('q') || '').toLowerCase();
  const shown = projects.filter((p) => (!statusFilter() || p.status === statusFilter())
    && (!q || p.name.toLowerCase().includes(q) || p.transactionCode.toLowerCase().includes(q)));
  status.textContent = shown.length ? t('projects.found', shown.length) : t('projects.none');
  body.replaceChildren();
  for (const p of shown) {
    const row = document.createElement('tr');
    row.dataset.id = p.id;
    if (p.id === params().get('id')) {
      row.className = 'selected';
    }
    const name = document.createElement('td');
    const link = document.createElement('a');
    link.href = `?${new URLSearchParams({ ...Object.fromEntries(params()), id: p.id })}`;
    link.textContent = p.name;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      go({ id: p.id }).then(() => document.getElementById('project-title').focus());
    });
    const code = document.createElement('div');
    code.className = 'meta mono';
    code.textContent = p.transactionCode;
    name.append(link, code);
    const state = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = `badge ${p.status === 'PUBLISHED' ? 'ok' : p.status === 'SUBMITTED' ? 'warn' : ''}`;
    badge.textContent = t(`pstatus.${p.status}`) + (p.suspended ? ` · ${t('projects.suspended')}` : '');
    state.append(badge);
    row.append(name, cell(t(`type.${p.type}`)), cell(p.tendereeName), state);
    body.append(row);
  }
}

function field(list, key, value) {
  if (value === null || value === undefined || value === '') {
    return;
  }
  const dt = document.createElement('dt');
  dt.textContent = t(key);
  const dd = document.createElement('dd');
  dd.textContent = value;
  list.append(dt, dd);
}

function reviewItem(project, sheet, item) {
  const box = document.createElement('section');
  box.className = 'review-item';
  box.dataset.item = item.item;
  const h = document.createElement('h3');
  h.textContent = t(`item.${item.item}`);
  box.append(h);
  const missing = document.createElement('p');
  missing.className = item.missingApprovals.length ? 'muted' : 'badge ok';
  missing.textContent = item.missingApprovals.length
    ? t('review.missing', item.missingApprovals.map((r) => t(`reviewer.${r}`)).join('、')) : t('review.complete');
  box.append(missing);
  if (!item.versions.length) {
    const none = document.createElement('p');
    none.textContent = t('review.no-version');
    box.append(none);
    return box;
  }
  const latest = item.versions[item.versions.length - 1];
  for (const v of [...item.versions].reverse()) {
    const version = document.createElement('div');
    version.className = 'panel';
    const title = document.createElement('strong');
    title.textContent = t('review.version', v.version, dateTime(v.createdAt));
    version.append(title);
    if (v.body) {
      const pre = document.createElement('pre');
      pre.className = 'mono';
      pre.textContent = v.body;
      version.append(pre);
    }
    if (v.fileName) {
      const file = document.createElement('p');
      file.className = 'mono';
      file.textContent = `${v.fileName} · ${v.size ?? '?'} B · SHA-256 ${v.sha256}`;
      version.append(file);
    }
    const opinions = document.createElement('ul');
    for (const o of v.opinions) {
      const li = document.createElement('li');
      li.textContent = `${t(`reviewer.${o.reviewerRole}`)}：${t(o.approved ? 'review.approved' : 'review.returned')}`
        + `${o.comment ? `（${o.comment}）` : ''} · ${dateTime(o.decidedAt)}`;
      opinions.append(li);
    }
    version.append(opinions);
    box.append(version);
  }
  const mine = latest.opinions.some((o) => o.reviewerRole === me.role);
  if (project.status === 'ACCEPTED' && sheet.requiredRoles.includes(me.role) && !mine) {
    const formEl = document.createElement('form');
    formEl.className = 'stack opinion';
    formEl.noValidate = true;
    const id = `comment-${item.item}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = t('review.comment', latest.version);
    const comment = document.createElement('textarea');
    comment.id = id;
    comment.name = 'comment';
    comment.rows = 2;
    comment.maxLength = 4000;
    const actions = document.createElement('div');
    actions.className = 'actions';
    const approve = document.createElement('button');
    approve.type = 'submit';
    approve.value = 'APPROVE';
    approve.className = 'primary approve';
    approve.textContent = t('review.approve');
    const ret = document.createElement('button');
    ret.type = 'submit';
    ret.value = 'RETURN';
    ret.className = 'bad';
    ret.textContent = t('review.return');
    actions.append(approve, ret);
    formEl.append(label, comment, actions);
    formEl.addEventListener('submit', (event) => {
      event.preventDefault();
      act(`review`, { item: item.item, version: latest.version, decision: event.submitter?.value || 'APPROVE',
        comment: comment.value.trim() || null }, formEl, 'review.done');
    });
    box.append(formEl);
  }
  return box;
}

async function loadProject(id) {
  panel.hidden = false;
  actionStatus.textContent = '';
  let p;
  try {
    p = await json(`/api/projects/${encodeURIComponent(id)}`);
  } catch (error) {
    document.getElementById('project-title').textContent = t('members.failed', error.message);
    for (const el of ['project-fields', 'lots', 'plans', 'review']) {
      document.getElementById(el).replaceChildren();
    }
    document.getElementById('intake').hidden = true;
    document.getElementById('publish-box').hidden = true;
    return;
  }
  document.getElementById('project-title').textContent = p.name;
  const fields = document.getElementById('project-fields');
  fields.replaceChildren();
  field(fields, 'projects.code', p.transactionCode);
  field(fields, 'projects.status', t(`pstatus.${p.status}`) + (p.suspended ? ` · ${t('projects.suspended')}` : ''));
  field(fields, 'projects.return-reason', p.returnReason);
  field(fields, 'projects.type', t(`type.${p.type}`));
  field(fields, 'projects.procedure', t(`procedure.${p.procedure}`));
  field(fields, 'projects.estimate', money(p.estimatedValue));
  field(fields, 'projects.funding', p.fundingSource);
  field(fields, 'projects.approval', p.approvalReference);
  field(fields, 'projects.tenderee', p.tendereeName);
  field(fields, 'projects.agency', p.agencyName);
  field(fields, 'projects.region', await regionName(p.regionCode));
  field(fields, 'projects.classification', await classificationNames(p.classificationCodes));
  field(fields, 'projects.method', p.evaluationMethod);
  field(fields, 'projects.sale', `${dateTime(p.documentsOnSaleFrom)} — ${dateTime(p.documentsOnSaleUntil)}`);
  field(fields, 'projects.deadline', dateTime(p.bidDeadline));
  field(fields, 'projects.opening', `${dateTime(p.openingAt)} · ${p.openingPlace}`);
  const lots = document.getElementById('lots');
  lots.replaceChildren();
  for (const l of p.lots) {
    const li = document.createElement('li');
    li.textContent = t('projects.lot', l.number, l.name, money(l.estimate), money(l.deposit))
      + (l.hasConfidentialReferencePrice ? ` · ${t('projects.sealed-price')}` : '') + ' · ';
    const committee = document.createElement('a');
    committee.href = `/staff/committee.html?${new URLSearchParams({ project: p.id, lot: l.id })}`;
    committee.className = 'committee';
    committee.textContent = t('projects.committee');
    li.append(committee);
    lots.append(li);
  }
  await committeePlans(document.getElementById('plans'), p);
  document.getElementById('intake').hidden = p.status !== 'SUBMITTED';
  const review = document.getElementById('review');
  review.replaceChildren();
  document.getElementById('publish-box').hidden = true;
  if (['ACCEPTED', 'PUBLISHED'].includes(p.status)) {
    const sheet = await json(`/api/projects/${p.id}/review`);
    const h = document.createElement('h3');
    h.textContent = t('review.title', sheet.requiredRoles.map((r) => t(`reviewer.${r}`)).join('、'));
    review.append(h);
    for (const item of sheet.items) {
      review.append(reviewItem(p, sheet, item));
    }
    document.getElementById('publish-box').hidden = !(p.status === 'ACCEPTED' && sheet.readyToPublish);
  }
}

/** Acts on the selected project; the queue then follows the project to its new status so it stays in view. */
async function act(path, payload, formEl, doneKey) {
  const id = params().get('id');
  actionStatus.textContent = t('loading');
  try {
    const result = await json(`/api/projects/${id}/${path}`, { method: 'POST', json: payload });
    const now = result?.status ?? (path === 'publish' ? 'PUBLISHED' : null);
    if (now && statusFilter() && now !== statusFilter()) {
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams({ ...Object.fromEntries(params()), status: now })}`);
    }
    await render();
    actionStatus.textContent = t(doneKey);
    document.getElementById('project-title').focus();
  } catch (error) {
    actionStatus.textContent = '';
    showProblem(error, formEl, actionStatus);
  }
}

async function render() {
  await loadList();
  const id = params().get('id');
  if (id) {
    await loadProject(id);
  } else {
    panel.hidden = true;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go({ status: form.elements.status.value, q: form.elements.q.value.trim() || null, id: null });
});
document.getElementById('accept').addEventListener('click', () => act('accept', undefined, null, 'projects.accepted'));
document.getElementById('return-form').addEventListener('submit', (event) => {
  event.preventDefault();
  act('return', { reason: event.target.elements.reason.value.trim() }, event.target, 'projects.returned');
});
document.getElementById('publish').addEventListener('click', () => act('publish', undefined, null, 'projects.published'));
window.addEventListener('popstate', render);

await render();
