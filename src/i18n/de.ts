import type { Strings } from './index.js';

/** German: the floating button and the first layer. */
export default {
  reopen: 'Cookie-Einstellungen',
  bannerTitle: 'Cookies auf dieser Website',
  bannerText: 'Wir verwenden Cookies, die die Website zum Funktionieren braucht. Mit Ihrer Einwilligung würden wir auch optionale Cookies verwenden, die Sie einzeln auswählen können.',
  policy: 'Datenschutz- und Cookie-Richtlinie',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  manage: 'Einstellungen verwalten',
  objectionOn: 'Aktiv, solange Sie nicht widersprechen: {list}.',
  object: 'Widersprechen',
  gpc: 'Ihr Browser sendet ein Global-Privacy-Control-Signal, daher bleiben Marketing-Cookies deaktiviert.',
} satisfies Strings;
