// Every page's frame: header with the navigation for the signed-in role, language switch, sign in/out; footer.
// A page calls `await page('area', ...)` first: it loads the message bundles and draws the frame.
import { load, t } from './i18n.js';
import { session, signOut } from './session.js';

const PUBLIC = [
  ['/', 'nav.home'], ['/search.html', 'nav.search'], ['/open-data.html', 'nav.open-data'],
  ['/credit.html', 'nav.credit'], ['/verify.html', 'nav.verify'],
];
const BY_ROLE = {
  BIDDER: [['/bidder/projects.html', 'nav.bidder.projects'], ['/bidder/bid.html', 'nav.bidder.bid'],
    ['/bidder/receipts.html', 'nav.bidder.receipts'],
    ['/bidder/complaints.html', 'nav.bidder.complaints'], ['/bidder/profile.html', 'nav.bidder.profile'],
    ['/hall.html', 'nav.hall']],
  STAFF: [['/staff/members.html', 'nav.staff.members'], ['/staff/projects.html', 'nav.staff.projects'],
    ['/staff/rooms.html', 'nav.staff.rooms'], ['/staff/experts.html', 'nav.staff.experts'],
    ['/staff/deposits.html', 'nav.staff.deposits'], ['/hall.html', 'nav.hall']],
  ADMIN: [['/staff/members.html', 'nav.staff.members'], ['/staff/projects.html', 'nav.staff.projects'],
    ['/staff/rooms.html', 'nav.staff.rooms'], ['/staff/experts.html', 'nav.staff.experts'], ['/hall.html', 'nav.hall']],
  EXPERT: [['/expert/invitations.html', 'nav.expert.invitations'], ['/expert/profile.html', 'nav.expert.profile'],
    ['/expert/availability.html', 'nav.expert.availability']],
  TENDEREE: [['/tenderee/projects.html', 'nav.tenderee.projects'], ['/award.html', 'nav.award']],
  AGENT: [['/tenderee/projects.html', 'nav.tenderee.projects'], ['/award.html', 'nav.award']],
  REGULATOR: [['/regulator/log.html', 'nav.regulator.log'], ['/regulator/credit.html', 'nav.regulator.credit'],
    ['/regulator/alerts.html', 'nav.regulator.alerts'], ['/regulator/complaints.html', 'nav.regulator.complaints'],
    ['/regulator/dashboard.html', 'nav.regulator.dashboard'], ['/regulator/deposits.html', 'nav.regulator.deposits'],
    ['/hall.html', 'nav.hall']],
  CUSTODIAN: [['/hall.html', 'nav.hall']],
};

function link(href, key) {
  const a = document.createElement('a');
  a.href = href;
  a.dataset.i18n = key;
  if (location.pathname === href || (href !== '/' && location.pathname.startsWith(href))) {
    a.setAttribute('aria-current', 'page');
  }
  return a;
}

function header() {
  const current = session();
  const bar = document.createElement('header');
  bar.className = 'bar';
  const skip = document.createElement('a');
  skip.href = '#main';
  skip.className = 'skip';
  skip.dataset.i18n = 'nav.skip';
  const brand = link('/', 'brand');
  brand.className = 'brand';
  brand.removeAttribute('aria-current');
  const nav = document.createElement('nav');
  nav.dataset.i18nAriaLabel = 'nav.label';
  for (const [href, key] of [...PUBLIC, ...(current ? BY_ROLE[current.role] || [] : [])]) {
    nav.append(link(href, key));
  }
  const lang = document.createElement('button');
  lang.type = 'button';
  lang.id = 'lang';
  lang.className = 'link';
  nav.append(lang);
  if (current) {
    const who = document.createElement('span');
    who.className = 'who';
    who.id = 'who';
    who.textContent = current.displayName || current.username;
    who.title = who.textContent;
    const out = document.createElement('button');
    out.type = 'button';
    out.className = 'link';
    out.id = 'sign-out';
    out.dataset.i18n = 'nav.sign-out';
    out.onclick = async () => {
      await signOut();
      location.href = '/';
    };
    nav.append(who, out);
  } else {
    nav.append(link('/login.html', 'nav.sign-in'), link('/register.html', 'nav.register'));
  }
  // under 760 px the navigation folds behind a menu button (portal.css)
  const menu = document.createElement('button');
  menu.type = 'button';
  menu.id = 'menu';
  menu.className = 'menu';
  menu.dataset.i18n = 'nav.menu';
  menu.setAttribute('aria-expanded', 'false');
  nav.id = 'site-nav';
  menu.setAttribute('aria-controls', 'site-nav');
  menu.onclick = () => {
    const open = bar.classList.toggle('open');
    menu.setAttribute('aria-expanded', String(open));
  };
  bar.append(skip, brand, menu, nav);
  return bar;
}

function footer() {
  const bar = document.createElement('footer');
  bar.className = 'bar small';
  const text = document.createElement('span');
  text.dataset.i18n = 'footer';
  const api = link('/swagger-ui.html', 'nav.api');
  bar.append(text, api);
  return bar;
}

/**
 * Gives every cell of a data table the text of its column's header (data-label), so that under 760 px a row can be
 * shown as a card of "header: value" lines (portal.css) instead of columns one character wide.
 */
function labelCells(root) {
  for (const table of root.querySelectorAll('table.data')) {
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    if (!headers.length) {
      continue;
    }
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        // a cell that already says its header (a "查看" button under "查看") needs no "查看：" before it
        const label = cell.textContent.trim() === headers[i] ? '' : headers[i];
        if (label && cell.dataset.label !== label) {
          cell.dataset.label = label;
        } else if (!label && cell.dataset.label) {
          delete cell.dataset.label;
        }
      });
    }
  }
}

let labelling = null;
function watchTables() {
  const main = document.getElementById('main');
  if (!main || labelling) {
    return;
  }
  labelling = new MutationObserver(() => labelCells(main));
  labelling.observe(main, { childList: true, subtree: true, characterData: true });
  labelCells(main);
}

/**
 * An empty state that says why there is nothing and what to do about it (never a bare "无"): the message key
 * `<key>` gives the reason and `<key>.what` (if the bundle has it) the next step; actions are [label key, href or
 * click handler] pairs shown as links or buttons.
 */
export function emptyState(key, args = [], actions = []) {
  const box = document.createElement('div');
  box.className = 'empty-state';
  box.setAttribute('role', 'status');
  box.dataset.empty = key;
  const why = document.createElement('p');
  why.className = 'why';
  why.textContent = t(key, ...args);
  box.append(why);
  if (t(`${key}.what`) !== `${key}.what`) {
    const what = document.createElement('p');
    what.className = 'what';
    what.textContent = t(`${key}.what`, ...args);
    box.append(what);
  }
  for (const [label, target] of actions) {
    const action = typeof target === 'string' ? document.createElement('a') : document.createElement('button');
    if (typeof target === 'string') {
      action.href = target;
    } else {
      action.type = 'button';
      action.addEventListener('click', target);
    }
    action.className = 'action';
    action.textContent = t(label);
    box.append(action);
  }
  return box;
}

/**
 * For a page about one thing (a lot, a project) opened without it, e.g. from a bookmark or the menu: everything below
 * the heading is hidden and an empty state says where to pick the thing. Returns true when the page should stop.
 */
export function withoutSubject(missing, key, actions = []) {
  if (!missing) {
    return false;
  }
  const main = document.getElementById('main');
  for (const element of main.children) {
    if (element.tagName !== 'H1') {
      element.hidden = true;
    }
  }
  main.append(emptyState(key, [], actions));
  return true;
}

/** A table body's single row holding an empty state across all columns (instead of a row of blanks and "无"). */
export function emptyRow(table, key, args = [], actions = []) {
  const columns = table.querySelectorAll('thead th').length || 1;
  const row = document.createElement('tr');
  row.className = 'empty-row';
  const cell = document.createElement('td');
  cell.colSpan = columns;
  cell.append(emptyState(key, args, actions));
  row.append(cell);
  return row;
}

/**
 * A filter drawer for small screens: under 760 px the element (a filter form or a facets aside) folds behind a
 * "筛选" button and opens as a panel over the page; on wider screens it stays where it is. Any page with facets or
 * filters can adopt it: `filterDrawer(document.getElementById('filters'))`.
 */
export function filterDrawer(panel, labelKey = 'filters.open') {
  if (!panel || panel.dataset.drawer) {
    return null;
  }
  panel.dataset.drawer = 'closed';
  panel.classList.add('drawer');
  panel.id ||= `drawer-${Math.random().toString(36).slice(2, 8)}`;
  const open = document.createElement('button');
  open.type = 'button';
  open.className = 'drawer-toggle';
  open.setAttribute('aria-controls', panel.id);
  open.setAttribute('aria-expanded', 'false');
  open.textContent = t(labelKey);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'drawer-close';
  close.textContent = t('filters.close');
  const set = (opened) => {
    panel.dataset.drawer = opened ? 'open' : 'closed';
    open.setAttribute('aria-expanded', String(opened));
    document.body.classList.toggle('drawer-open', opened);
    (opened ? close : open).focus();
  };
  open.addEventListener('click', () => set(true));
  close.addEventListener('click', () => set(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.dataset.drawer === 'open') {
      set(false);
    }
  });
  // choosing a filter (submitting the form) closes the drawer so the results show
  panel.addEventListener('submit', () => panel.dataset.drawer === 'open' && set(false));
  panel.prepend(close);
  panel.before(open);
  return open;
}

/** Loads the bundles of the given areas and draws header and footer around the page's <main id="main">. */
export async function page(...areas) {
  for (const old of document.querySelectorAll('body > header.bar, body > footer.bar')) {
    old.remove();
  }
  document.body.prepend(header());
  document.body.append(footer());
  await load(...areas);
  watchTables();
  document.querySelectorAll('[data-filter-drawer]').forEach((panel) => filterDrawer(panel));
}
