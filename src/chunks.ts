/**
 * The chunk map, in one place: every lazily loaded chunk by name, the file
 * `dist/<name>.js` it is built to and loaded from. The npm entry loads
 * through it; the script-tag build loads the same names by URL;
 * `scripts/chunks.mjs` reads it for the rollup entries and the size report.
 * One line per chunk, in this exact form.
 */
export const CHUNKS = {
  ui: () => import('./ui.js'),
  policy: () => import('./policy.js'),
  validate: () => import('./validate/index.js'),
  decide: () => import('./core/decide.js'),
  'i18n/cy': () => import('./i18n/cy.js'),
  'i18n/fr': () => import('./i18n/fr.js'),
  'i18n/de': () => import('./i18n/de.js'),
  'i18n/es': () => import('./i18n/es.js'),
};

/** Names of the lazily loaded chunks. */
export type ChunkName = keyof typeof CHUNKS;
