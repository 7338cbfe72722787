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
