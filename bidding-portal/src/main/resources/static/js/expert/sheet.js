// The score sheet a committee member signs (sunbid-score-sheet/1): exact JSON naming lot, bid and member, the values
// as decimal strings (so that 17.5 stays 17.5, not a binary float), and a comment. The platform checks the same bytes
// against the member's CMS signature, so the text is built once here and sent as it was signed.
import { t } from '/js/i18n.js';

/** The sheet's exact text. */
export function sheetContent(lot, bid, member, values, comment) {
  const sheet = { format: 'sunbid-score-sheet/1', lot, bid, member, values };
  if (comment && comment.trim()) {
    sheet.comment = comment.trim();
  }
  return JSON.stringify(sheet);
}

/** One number input per scored criterion (0 to its points), or one adjustment in CNY for lowest evaluated price. */
export function scoreInputs(plan, lowest) {
  const fields = lowest
    ? [{ key: 'adjustment', label: t('room.adjustment'), min: null, max: null }]
    : plan.scored.map((c) => ({ key: c.key, label: c.name, min: 0, max: c.maxPoints }));
  return fields.map((f) => {
    const input = document.createElement('input');
    input.type = 'number';
    input.step = '0.01';
    input.name = `value-${f.key}`;
    input.dataset.key = f.key;
    input.required = true;
    if (f.min != null) {
      input.min = f.min;
      input.max = f.max;
    }
    input.setAttribute('aria-label', f.label);
    return input;
  });
}

/** The row's values by criterion key, as typed; an empty field is refused before anything is signed. */
export function sheetValues(row) {
  const values = {};
  for (const input of row.querySelectorAll('input[data-key]')) {
    const text = input.value.trim();
    if (!/^-?\d+(\.\d{1,2})?$/.test(text)) {
      input.setAttribute('aria-invalid', 'true');
      throw new Error(t('room.sheet.value-needed', input.getAttribute('aria-label')));
    }
    values[input.dataset.key] = text;
  }
  return values;
}
