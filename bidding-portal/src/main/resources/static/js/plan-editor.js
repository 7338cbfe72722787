// The committee plan inside the intake form (评标委员会组建方案): per lot, experts per specialty (picked by name),
// reserves, a region restriction or preference, and the tenderee's representatives. While the plan is written the
// server counts who could be drawn today (counts only, never names) and says in words which composition rule a plan
// breaks. Once the project is published the plan is shown frozen with the lot's draw status as states and counts.
import { t, api, language } from '/js/i18n.js';
import { json, showProblem } from '/js/session.js';
import { codeOf, fillRegionPicker } from '/js/region-picker.js';

const EDITABLE = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'];
let specialties = null;
let regions = null;

async function tables() {
  specialties ??= json('/api/experts/specialties');
  regions ??= api('/api/public/regions').catch(() => ({}));
  return { specialties: await specialties, regions: await regions };
}

const specialtyName = (s) => (language() === 'en' ? s.nameEn : s.nameZh);

/** A region code or prefix (33, 3301, 330106) by name, e.g. 浙江省（33）. */
function regionLabel(table, code) {
  if (!code) {
    return t('plan.any-region');
  }
  const name = table[codeOf(code)];
  return name ? `${name}（${code}）` : code;
}

function specialtyPicker(list, name, value) {
  const select = document.createElement('select');
  select.name = name;
  select.setAttribute('aria-label', t('plan.specialty'));
  for (const top of list.filter((s) => !s.parent)) {
    const group = document.createElement('optgroup');
    group.label = specialtyName(top);
    const all = new Option(t('plan.specialty.all', specialtyName(top)), top.code);
    group.append(all);
    for (const s of list.filter((x) => x.parent === top.code)) {
      group.append(new Option(specialtyName(s), s.code));
    }
    select.append(group);
  }
  select.value = value || list.find((s) => s.parent)?.code || '';
  return select;
}

function input(name, label, value, attrs = {}) {
  const el = document.createElement('input');
  el.name = name;
  el.value = value ?? '';
  el.setAttribute('aria-label', label);
  Object.assign(el, attrs);
  return el;
}

function labelled(key, control) {
  const label = document.createElement('label');
  const text = document.createElement('span');
  text.textContent = t(key);
  label.append(text, control);
  return label;
}

/** A region picker by name whose value is a division-code prefix (empty: {@code none}). */
function regionSelect(table, name, label, none, value) {
  const select = document.createElement('select');
  select.name = name;
  select.setAttribute('aria-label', label);
  select.append(new Option(none, ''));
  fillRegionPicker(select, table, { prefixes: true });
  if (value && ![...select.options].some((o) => o.value === value)) {
    select.append(new Option(regionLabel(table, value), value)); // a prefix the table does not list stays as it was
  }
  select.value = value || '';
  return select;
}

function groupRow(form, list, table, g) {
  const box = document.createElement('fieldset');
  box.className = 'group';
  const legend = document.createElement('legend');
  box.append(legend);
  box.append(
    labelled('plan.specialty', specialtyPicker(list, 'specialty', g.specialty)),
    labelled('plan.experts', input('experts', t('plan.experts'), g.experts ?? 5, { type: 'number', min: 1, max: 99, inputMode: 'numeric' })),
    labelled('plan.reserves', input('reserves', t('plan.reserves'), g.reserves ?? 2, { type: 'number', min: 0, max: 10, inputMode: 'numeric' })),
    labelled('plan.region', regionSelect(table, 'region', t('plan.region'), t('plan.any-region'), g.region)),
    labelled('plan.preferred', regionSelect(table, 'preferredRegion', t('plan.preferred'), t('plan.no-preference'),
      g.preferredRegion)),
  );
  const count = document.createElement('p');
  count.className = 'eligible';
  count.setAttribute('aria-live', 'polite');
  count.textContent = '—';
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'link remove-group';
  remove.textContent = t('plan.remove-group');
  remove.onclick = () => {
    box.remove();
    renumber(form);
    form.dispatchEvent(new Event('input'));
  };
  box.append(count, remove);
  form.querySelector('.groups').append(box);
  renumber(form);
}

/** Gives each group's inputs the server's field names (groups[0].specialty …) so problems land next to them. */
function renumber(form) {
  [...form.querySelectorAll('fieldset.group')].forEach((row, i) => {
    row.querySelector('legend').textContent = t('plan.group', i + 1);
    for (const el of row.querySelectorAll('input, select')) {
      el.name = `groups[${i}].${el.name.replace(/^groups\[\d+\]\./, '')}`;
    }
  });
}

function body(form) {
  const groups = [...form.querySelectorAll('fieldset.group')].map((row) => {
    const value = (field) => row.querySelector(`[name$=".${field}"]`).value.trim();
    return { specialty: value('specialty'), experts: Number(value('experts') || 0), reserves: Number(value('reserves') || 0),
      region: value('region') || null, preferredRegion: value('preferredRegion') || null };
  });
  const representatives = form.elements.representatives.value.split('\n').map((s) => s.trim()).filter(Boolean);
  return { groups, representatives };
}

async function live(form, base, table) {
  const out = form.querySelector('.plan-live');
  for (const old of form.querySelectorAll('.field-error')) {
    old.remove();
  }
  let preview;
  try {
    preview = await json(`${base}/committee-plan/preview`, { method: 'POST', json: body(form) });
  } catch (error) {
    out.dataset.ok = 'false';
    out.textContent = '';
    showProblem(error, form, out);
    return;
  }
  const rows = [...form.querySelectorAll('fieldset.group')];
  preview.groups.forEach((g, i) => {
    const cell = rows[i]?.querySelector('.eligible');
    if (cell) {
      const region = rows[i].querySelector('[name$=".region"]').value.trim();
      const preferred = rows[i].querySelector('[name$=".preferredRegion"]').value.trim();
      cell.textContent = t('plan.eligible.line', g.eligibleNow, regionLabel(table, region))
        + (preferred ? t('plan.eligible.preferred', regionLabel(table, preferred), g.preferredNow) : '')
        + (g.enough ? '' : t('plan.eligible.short', g.experts + g.reserves));
      cell.dataset.enough = String(g.enough);
      cell.className = `eligible small ${g.enough ? '' : 'error'}`;
    }
  });
  out.dataset.ok = String(!preview.refusal);
  out.textContent = preview.refusal ? t('plan.refused', preview.refusal.detail)
    : t('plan.summary', preview.members, preview.drawnExperts, preview.members - preview.drawnExperts);
  out.className = `plan-live small ${preview.refusal ? 'error' : ''}`;
}

async function editor(holder, base, list, table, plan) {
  const form = document.createElement('form');
  form.noValidate = true;
  form.className = 'plan-form stack';
  const groups = document.createElement('div');
  groups.className = 'groups';
  const add = document.createElement('button');
  add.type = 'button';
  add.className = 'add-group';
  add.textContent = t('plan.add-group');
  add.onclick = () => {
    groupRow(form, list, table, { experts: 1, reserves: 1 });
    form.dispatchEvent(new Event('input'));
  };
  const repsId = `reps-${base.split('/').pop()}`;
  const label = document.createElement('label');
  label.htmlFor = repsId;
  label.textContent = t('plan.representatives');
  const reps = document.createElement('textarea');
  reps.id = repsId;
  reps.name = 'representatives';
  reps.rows = 2;
  reps.value = (plan?.representatives || []).join('\n');
  const liveOut = document.createElement('p');
  liveOut.className = 'plan-live small';
  liveOut.setAttribute('role', 'status');
  liveOut.setAttribute('aria-live', 'polite');
  const save = document.createElement('button');
  save.type = 'submit';
  save.className = 'primary';
  save.textContent = t('plan.save');
  const saved = document.createElement('p');
  saved.className = 'plan-saved small';
  saved.setAttribute('role', 'status');
  form.append(groups, add, label, reps, liveOut, save, saved);
  holder.append(form);
  for (const g of plan?.groups?.length ? plan.groups : [{}]) {
    groupRow(form, list, table, g);
  }
  let timer = null;
  form.addEventListener('input', () => {
    clearTimeout(timer);
    saved.textContent = '';
    timer = setTimeout(() => live(form, base, table), 350);
  });
  form.addEventListener('change', () => form.dispatchEvent(new Event('input')));
  form.onsubmit = async (event) => {
    event.preventDefault();
    try {
      await json(`${base}/committee-plan`, { method: 'PUT', json: body(form) });
      saved.textContent = t('plan.saved');
    } catch (error) {
      saved.textContent = '';
      showProblem(error, form, saved);
    }
  };
  await live(form, base, table);
}

async function frozen(holder, base, list, table, plan) {
  const names = Object.fromEntries(list.map((s) => [s.code, specialtyName(s)]));
  const view = document.createElement('table');
  view.className = 'data groups';
  const head = view.createTHead().insertRow();
  for (const key of ['plan.specialty', 'plan.experts', 'plan.reserves', 'plan.region.short', 'plan.preferred.short', 'plan.eligible-now']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = t(key);
    head.append(th);
  }
  const tbody = view.createTBody();
  for (const g of plan.groups) {
    const row = tbody.insertRow();
    for (const v of [names[g.specialty] || g.specialtyName, g.experts, g.reserves, regionLabel(table, g.region),
      g.preferredRegion ? regionLabel(table, g.preferredRegion) : '—', t('plan.eligible', g.eligibleNow)]) {
      row.insertCell().textContent = v;
    }
  }
  const summary = document.createElement('p');
  summary.className = 'small';
  summary.textContent = t('plan.summary', plan.members, plan.drawnExperts, plan.representatives.length);
  const state = document.createElement('p');
  state.className = 'draw-state';
  try {
    const c = await json(`${base}/committee`);
    const tally = {};
    for (const s of c.seats) {
      tally[s.state] = (tally[s.state] || 0) + 1;
    }
    const states = Object.entries(tally).map(([s, n]) => `${t(`seat.${s}`)} ${n}`).join(' · ');
    state.dataset.status = c.status;
    state.textContent = t('plan.draw-state', t(`committee.status.${c.status}`), c.planned, c.accepted, states || '—');
  } catch (error) {
    state.textContent = t('plan.draw-state.unknown', error.message);
  }
  holder.append(view, summary, state);
}

/** Draws the plan of every lot of the project into {@code holder}. */
export async function committeePlans(holder, project) {
  holder.replaceChildren();
  const { specialties: list, regions: table } = await tables();
  for (const lot of project.lots) {
    const base = `/api/projects/${encodeURIComponent(project.id)}/lots/${encodeURIComponent(lot.id)}`;
    const section = document.createElement('section');
    section.className = 'plan';
    section.dataset.lot = lot.id;
    const h = document.createElement('h4');
    h.textContent = t('plan.lot', lot.number, lot.name);
    section.append(h);
    holder.append(section);
    let plan = null;
    try {
      plan = await json(`${base}/committee-plan`);
    } catch (error) {
      if (error.status !== 404) {
        section.append(t('plan.failed', error.message));
        continue;
      }
    }
    if (EDITABLE.includes(project.status)) {
      await editor(section, base, list, table, plan);
    } else if (plan) {
      await frozen(section, base, list, table, plan);
    } else {
      const none = document.createElement('p');
      none.className = 'muted';
      none.textContent = t('plan.none');
      section.append(none);
    }
  }
}
