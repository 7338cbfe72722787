// The region picker by name (GB/T 2260 table from /api/public/regions): provinces, each an option group holding the
// whole province and its cities, districts and counties. The value is the code, or with `prefixes` the division-code
// prefix that a committee plan restricts by (33 for a province, 3301 for a city, 330106 for a district).
import { t } from '/js/i18n.js';

/** The division-code prefix a full code stands for: 330000 → 33, 330100 → 3301, 330106 → 330106. */
export function prefixOf(code) {
  if (code.endsWith('0000')) {
    return code.slice(0, 2);
  }
  return code.endsWith('00') ? code.slice(0, 4) : code;
}

/** The full code of a prefix (33 → 330000), to find its name in the table. */
export function codeOf(prefix) {
  return `${prefix}000000`.slice(0, 6);
}

/** Appends the regions of {@code table} to {@code select} as options by name, after whatever options it has. */
export function fillRegionPicker(select, table, { prefixes = false } = {}) {
  const value = (code) => (prefixes ? prefixOf(code) : code);
  for (const [code, name] of Object.entries(table).filter(([c]) => c.endsWith('0000'))) {
    const inside = Object.entries(table).filter(([c]) => c !== code && c.startsWith(code.slice(0, 2)));
    if (!inside.length) {
      select.append(new Option(name, value(code)));
      continue;
    }
    const group = document.createElement('optgroup');
    group.label = name;
    group.append(new Option(t('region.whole-province', name), value(code)));
    for (const [c, full] of inside) {
      group.append(new Option(full.startsWith(name) ? full.slice(name.length) || full : full, value(c)));
    }
    select.append(group);
  }
  return select;
}
