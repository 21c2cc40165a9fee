import type { DetailStrings } from '../en-details.js';

/** Maltese: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Preferenzi tal-cookies',
  prefsText: 'Agħżel liema cookies nistgħu nużaw. Tista’ tibdel dan meta trid.',
  save: 'Salva l-għażliet',
  close: 'Agħlaq',
  alwaysOn: 'Dejjem mixgħula: is-sit għandu bżonnhom biex jaħdem.',
  onByDefault: 'Mixgħul sakemm ma titfihx.',
  details: 'Servizzi u cookies',
  cookie: 'Cookie',
  provider: 'Fornitur',
  purpose: 'Għan',
  duration: 'Tul ta’ żmien',
  providerPolicy: 'Politika tal-privatezza ta’ {name}',
  consentId: 'L-ID tal-kunsens tiegħek:',
  noneYet: 'għad mhemm xejn',
  saved: 'Il-preferenzi ġew salvati',
  gpcPrefs: 'Il-browser tiegħek qed jibgħat sinjal Global Privacy Control, għalhekk il-kummerċjalizzazzjoni hija mitfija sakemm ma tixgħelhiex hawn.',
  gpcPrefsLocked: 'Il-browser tiegħek qed jibgħat sinjal Global Privacy Control, għalhekk il-kummerċjalizzazzjoni tibqa’ mitfija f’dan is-sit.',
  blocked: 'Il-kontenut ta’ {service} huwa mblukkat sakemm ma tippermettix “{category}”.',
  sets: 'Dan jissettja dawn il-cookies: {cookies}.',
  allowCategory: 'Ippermetti “{category}”',
  allowService: 'Ippermetti biss dan il-kontenut ta’ {service}',
} satisfies DetailStrings;
