/**
 * The chunk map, in one place: every lazily loaded chunk by name, the file
 * `dist/<name>.js` it is built to and loaded from. The npm entry loads
 * through it; the script-tag build loads the same names by URL;
 * `scripts/chunks.mjs` reads it for the rollup entries and the size report.
 * One line per chunk, in this exact form.
 */
export const CHUNKS = {
  ui: () => import('./ui.js'),
  placeholder: () => import('./elements/consentry-placeholder/consentry-placeholder.js'),
  policy: () => import('./policy.js'),
  validate: () => import('./validate/index.js'),
  decide: () => import('./core/decide.js'),
  'i18n/ar': () => import('./i18n/ar.js'),
  'i18n/bg': () => import('./i18n/bg.js'),
  'i18n/cs': () => import('./i18n/cs.js'),
  'i18n/cy': () => import('./i18n/cy.js'),
  'i18n/da': () => import('./i18n/da.js'),
  'i18n/de': () => import('./i18n/de.js'),
  'i18n/el': () => import('./i18n/el.js'),
  'i18n/es': () => import('./i18n/es.js'),
  'i18n/et': () => import('./i18n/et.js'),
  'i18n/fi': () => import('./i18n/fi.js'),
  'i18n/fr': () => import('./i18n/fr.js'),
  'i18n/ga': () => import('./i18n/ga.js'),
  'i18n/gd': () => import('./i18n/gd.js'),
  'i18n/he': () => import('./i18n/he.js'),
  'i18n/hr': () => import('./i18n/hr.js'),
  'i18n/hu': () => import('./i18n/hu.js'),
  'i18n/is': () => import('./i18n/is.js'),
  'i18n/it': () => import('./i18n/it.js'),
  'i18n/lt': () => import('./i18n/lt.js'),
  'i18n/lv': () => import('./i18n/lv.js'),
  'i18n/mt': () => import('./i18n/mt.js'),
  'i18n/nb': () => import('./i18n/nb.js'),
  'i18n/nl': () => import('./i18n/nl.js'),
  'i18n/no': () => import('./i18n/nb.js'),
  'i18n/pl': () => import('./i18n/pl.js'),
  'i18n/pt': () => import('./i18n/pt.js'),
  'i18n/ro': () => import('./i18n/ro.js'),
  'i18n/sk': () => import('./i18n/sk.js'),
  'i18n/sl': () => import('./i18n/sl.js'),
  'i18n/sv': () => import('./i18n/sv.js'),
  'i18n/tr': () => import('./i18n/tr.js'),
  'i18n/uk': () => import('./i18n/uk.js'),
};

/** Names of the lazily loaded chunks. */
export type ChunkName = keyof typeof CHUNKS;
