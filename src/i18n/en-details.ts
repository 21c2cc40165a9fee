import { defineTable, LANGUAGE_FILES } from './index.js';

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
  blocked: '{service} is blocked until you allow {category}.',
  sets: 'It would set: {cookies}.',
  allowCategory: 'Allow {category}',
  allowService: 'Allow only this {service}',
};

/** The preference centre's and the placeholders' table. */
export const detailsTable = defineTable(enDetails, LANGUAGE_FILES);
