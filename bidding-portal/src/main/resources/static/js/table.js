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

/** A row of a facts table: a row header (the label) and its value cell. */
export function fact(label, value) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = label;
  tr.append(th, cell(value));
  return tr;
}

/** A table row of cells (see cell). */
export function row(cells) {
  const tr = document.createElement('tr');
  tr.append(...cells.map(cell));
  return tr;
}

/** Fills a two-column table's body with [message key, value] pairs as fact rows, the key translated. */
export function facts(table, pairs, translate) {
  table.tBodies[0].replaceChildren(...pairs.map(([key, value]) => fact(translate(key), value)));
}
