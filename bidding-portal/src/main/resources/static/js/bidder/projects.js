// Projects open for bidding: deadline countdown, tender documents download (recorded by the platform), each lot's
// opening certificate to seal tenders to, and the way to the upload page.
import { page } from '/js/layout.js';
import { t, dateTime, money } from '/js/i18n.js';
import { json, requireRole } from '/js/session.js';
import { countdown, download } from './ui.js';

await page('bidder');
requireRole('BIDDER');
const status = document.getElementById('projects-status');
const list = document.getElementById('projects');

function fact(dl, key, value) {
  const dt = document.createElement('dt');
  dt.textContent = t(key);
  const dd = document.createElement('dd');
  if (value instanceof Node) {
    dd.append(value);
  } else {
    dd.textContent = value ?? '—';
  }
  dl.append(dt, dd);
  return dd;
}

function card(project, mine) {
  const li = document.createElement('li');
  li.id = `project-${project.id}`;
  const h2 = document.createElement('h2');
  h2.textContent = project.name;
  const dl = document.createElement('dl');
  dl.className = 'facts';
  fact(dl, 'project.code', project.transactionCode);
  fact(dl, 'project.type', t(`type.${project.type}`));
  fact(dl, 'project.tenderee', project.tendereeName);
  const left = document.createElement('span');
  left.className = 'countdown';
  const deadline = document.createElement('span');
  deadline.append(dateTime(project.bidDeadline), ' (', left, ')');
  fact(dl, 'project.deadline', deadline);
  countdown(left, project.bidDeadline, () => li.classList.add('closed'));
  fact(dl, 'project.opening', `${dateTime(project.openingAt)} ${project.openingPlace ?? ''}`);
  if (project.suspended) {
    const warn = document.createElement('p');
    warn.className = 'warning';
    warn.textContent = t('project.suspended');
    li.append(warn);
  }
  const docs = document.createElement('button');
  docs.type = 'button';
  docs.className = 'documents';
  docs.textContent = t('project.documents');
  const docsStatus = document.createElement('span');
  docsStatus.setAttribute('role', 'status');
  docs.addEventListener('click', async () => {
    docsStatus.textContent = t('loading');
    try {
      await download(`/api/projects/${project.id}/documents`, `${project.transactionCode}-招标文件`);
      docsStatus.textContent = '';
    } catch (error) {
      docsStatus.className = 'error';
      docsStatus.textContent = error.message;
    }
  });
  const actions = document.createElement('p');
  actions.className = 'actions';
  actions.append(docs, docsStatus);
  const lots = document.createElement('table');
  lots.className = 'data';
  lots.innerHTML = '<caption class="visually-hidden"></caption><thead><tr><th scope="col"></th><th scope="col"></th>'
    + '<th scope="col"></th><th scope="col"></th><th scope="col"></th></tr></thead><tbody></tbody>';
  lots.querySelector('caption').textContent = t('project.lots');
  ['project.lot', 'project.estimate', 'project.deposit', 'project.my-bid', 'project.actions'].forEach((key, i) => {
    lots.querySelectorAll('th')[i].textContent = t(key);
  });
  for (const lot of project.lots) {
    const tr = document.createElement('tr');
    const live = mine.find((b) => b.lotId === lot.id && b.status === 'RECEIVED');
    const cells = [t('project.lot.name', lot.number, lot.name), money(lot.estimate), money(lot.deposit),
      live ? t('project.my-bid.received', dateTime(live.receivedAt)) : t('project.my-bid.none')];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    const td = document.createElement('td');
    td.className = 'actions';
    const cert = document.createElement('a');
    cert.href = `/api/public/projects/${project.id}/lots/${lot.id}/opening-certificate`;
    cert.download = `opening-${lot.id}.pem`;
    cert.textContent = t('project.opening-certificate.download');
    const online = document.createElement('a');
    online.className = 'button primary bid-online';
    online.href = `/bidder/bid.html?project=${project.id}&lot=${lot.id}`;
    online.textContent = t(live ? 'project.replace-online' : 'project.bid-online');
    const upload = document.createElement('a');
    upload.className = 'button upload';
    upload.href = `/bidder/upload.html?project=${project.id}&lot=${lot.id}`;
    upload.textContent = t(live ? 'project.replace' : 'project.upload-file');
    const deposit = document.createElement('a');
    deposit.className = 'button deposit';
    deposit.href = `/bidder/deposit.html?project=${project.id}&lot=${lot.id}`;
    deposit.textContent = t('project.deposit.open');
    td.append(cert, online, deposit, upload);
    tr.append(td);
    lots.tBodies[0].append(tr);
  }
  li.append(h2, dl, actions, lots);
  return li;
}

try {
  status.textContent = t('loading');
  const [projects, mine] = await Promise.all([json('/api/projects/open-for-bidding'), json('/api/bids')]);
  status.textContent = projects.length ? t('projects.count', projects.length) : t('projects.none');
  list.replaceChildren(...projects.map((p) => card(p, mine)));
} catch (error) {
  status.textContent = error.message;
  status.className = 'error';
}
