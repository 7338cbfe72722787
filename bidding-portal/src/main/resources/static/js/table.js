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
