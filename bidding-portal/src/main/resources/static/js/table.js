// Table cells for the data tables of the portal pages: text (or a dash when empty) or an element.

/** A td holding an element, or the text ('—' for null or undefined). */
export function cell(content) {
  const td = document.createElement('td');
  if (content instanceof Node) {
    td.append(content);
  } else {
    td.textContent = content ?? '—';
  }
  return td;
}

/** A table row of cells (see cell). */
export function row(cells) {
  const tr = document.createElement('tr');
  tr.append(...cells.map(cell));
  return tr;
}

/** Fills a two-column table's body with [label, value] rows: each label a message key shown as a row header. */
export function facts(table, pairs, translate) {
  table.tBodies[0].replaceChildren(...pairs.map(([key, value]) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = translate(key);
    tr.append(th, cell(value));
    return tr;
  }));
}
