// Open data: what the feeds and exports are, with copyable curl lines written for this server's address.
import { page } from '/js/layout.js';
import { t } from '/js/i18n.js';
import { KINDS, el, kindLabel, kindSlug } from '/js/public.js';

await page('public');

for (const block of document.querySelectorAll('pre[data-template]')) {
  block.textContent = block.dataset.template.replaceAll('{origin}', location.origin);
}

const atom = document.getElementById('atom-links');
const feed = (query, label) => el('li', {}, el('a', { href: '/api/public/feeds/notices.atom' + query,
  type: 'application/atom+xml', text: label }), ' ', el('code', { text: location.origin + '/api/public/feeds/notices.atom' + query }));
atom.append(feed('', t('od.atom.all')));
for (const [name] of KINDS.filter(([n]) => ['TENDER_ANNOUNCEMENT', 'CLARIFICATION', 'AWARD'].includes(n))) {
  atom.append(feed('?kind=' + kindSlug(name), kindLabel(name)));
}
