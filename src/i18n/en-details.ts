import { defineTable } from './index.js';
import { enPlaceholder } from './en-placeholder.js';

/**
 * Built-in English strings of the preference centre and the embed
 * placeholders. Loaded with them, not with the banner.
 */
export const enDetails = {
  prefsTitle: 'Cookie preferences',
  prefsText: 'Choose which cookies we may use. You can change this at any time.',
  save: 'Save choices',
  close: 'Close',
  alwaysOn: 'Always on: the site needs these to work.',
  onByDefault: 'On unless you switch it off.',
  details: 'Services and cookies',
  cookie: 'Cookie',
  provider: 'Provider',
  purpose: 'Purpose',
  duration: 'Duration',
  providerPolicy: 'Privacy policy of {name}',
  consentId: 'Your consent ID:',
  noneYet: 'none yet',
  saved: 'Preferences saved',
  gpcPrefs: 'Your browser sends a Global Privacy Control signal, so marketing is off unless you switch it on here.',
  // When the site does not let an opt-in override the signal (`gpc.allowOverride: false`), the switch is locked.
  gpcPrefsLocked: 'Your browser sends a Global Privacy Control signal, so marketing stays off on this site.',
  ...enPlaceholder,
};

export type DetailStrings = typeof enDetails;

/** The details' strings per language (`no` reads Bokmål), loaded with the preference centre or a placeholder. */
export const DETAIL_FILES: Readonly<Record<string, () => Promise<{ default: DetailStrings }>>> = {
  ar: () => import('./details/ar.js'),
  bg: () => import('./details/bg.js'),
  cs: () => import('./details/cs.js'),
  cy: () => import('./details/cy.js'),
  da: () => import('./details/da.js'),
  de: () => import('./details/de.js'),
  el: () => import('./details/el.js'),
  es: () => import('./details/es.js'),
  et: () => import('./details/et.js'),
  fi: () => import('./details/fi.js'),
  fr: () => import('./details/fr.js'),
  ga: () => import('./details/ga.js'),
  gd: () => import('./details/gd.js'),
  he: () => import('./details/he.js'),
  hr: () => import('./details/hr.js'),
  hu: () => import('./details/hu.js'),
  is: () => import('./details/is.js'),
  it: () => import('./details/it.js'),
  lt: () => import('./details/lt.js'),
  lv: () => import('./details/lv.js'),
  mt: () => import('./details/mt.js'),
  nb: () => import('./details/nb.js'),
  nl: () => import('./details/nl.js'),
  no: () => import('./details/nb.js'),
  pl: () => import('./details/pl.js'),
  pt: () => import('./details/pt.js'),
  ro: () => import('./details/ro.js'),
  sk: () => import('./details/sk.js'),
  sl: () => import('./details/sl.js'),
  sv: () => import('./details/sv.js'),
  tr: () => import('./details/tr.js'),
  uk: () => import('./details/uk.js'),
};

/** The preference centre's and the placeholders' table. */
export const detailsTable = defineTable(enDetails, DETAIL_FILES);
