// The tenderee's (or its agency's) own projects with the committee plan of each lot (评标委员会组建方案), written
// with the same form as the centre's intake page (/js/plan-editor.js): editable until publication, then frozen with
// the draw's states and counts. The plan form's messages are the intake area's (staff bundle).
import { page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole } from '/js/session.js';
import { committeePlans } from '/js/plan-editor.js';

await page('staff');
requireRole('TENDEREE', 'AGENT');

const body = document.querySelector('#projects tbody');
const status = document.getElementById('status');
const panel = document.getElementById('project');

const selected = () => new URLSearchParams(location.search).get('id');

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '—';
  return td;
}

async function loadList() {
  status.textContent = t('loading');
  let projects;
  try {
    projects = await json('/api/projects');
  } catch (error) {
    status.textContent = t('members.failed', error.message);
    return;
  }
  status.textContent = projects.length ? t('projects.found', projects.length) : t('tenderee.none');
  body.replaceChildren();
  for (const p of projects) {
    const row = document.createElement('tr');
    row.dataset.id = p.id;
    row.className = p.id === selected() ? 'selected' : '';
    const name = document.createElement('td');
    const link = document.createElement('a');
    link.href = `?${new URLSearchParams({ id: p.id })}`;
    link.textContent = p.name;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', link.href);
      render().then(() => document.getElementById('project-title').focus());
    });
    const code = document.createElement('div');
    code.className = 'meta mono';
    code.textContent = p.transactionCode;
    name.append(link, code);
    row.append(name, cell(t(`type.${p.type}`)), cell(p.bidDeadline ? dateTime(p.bidDeadline) : '—'),
      cell(t(`pstatus.${p.status}`)));
    body.append(row);
  }
}

async function loadProject(id) {
  panel.hidden = false;
  let p;
  try {
    p = await json(`/api/projects/${encodeURIComponent(id)}`);
  } catch (error) {
    document.getElementById('project-title').textContent = t('members.failed', error.message);
    document.getElementById('plans').replaceChildren();
    return;
  }
  document.getElementById('project-title').textContent = p.name;
  const fields = document.getElementById('project-fields');
  fields.replaceChildren();
  for (const [key, value] of [['projects.code', p.transactionCode], ['projects.status', t(`pstatus.${p.status}`)],
    ['projects.deadline', p.bidDeadline ? dateTime(p.bidDeadline) : null]]) {
    if (value) {
      const dt = document.createElement('dt');
      dt.textContent = t(key);
      const dd = document.createElement('dd');
      dd.textContent = value;
      fields.append(dt, dd);
    }
  }
  await committeePlans(document.getElementById('plans'), p);
}

async function render() {
  await loadList();
  if (selected()) {
    await loadProject(selected());
  } else {
    panel.hidden = true;
  }
}

window.addEventListener('popstate', render);
await render();
