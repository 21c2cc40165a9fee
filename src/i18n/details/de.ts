import type { DetailStrings } from '../en-details.js';

/** German: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Cookie-Einstellungen',
  prefsText: 'Wählen Sie, welche Cookies wir verwenden dürfen. Sie können das jederzeit ändern.',
  save: 'Auswahl speichern',
  close: 'Schließen',
  alwaysOn: 'Immer aktiv: Die Website braucht sie, um zu funktionieren.',
  onByDefault: 'Aktiv, solange Sie es nicht ausschalten.',
  details: 'Dienste und Cookies',
  cookie: 'Cookie',
  provider: 'Anbieter',
  purpose: 'Zweck',
  duration: 'Speicherdauer',
  providerPolicy: 'Datenschutzerklärung von {name}',
  consentId: 'Ihre Einwilligungs-ID:',
  noneYet: 'noch keine',
  saved: 'Einstellungen gespeichert',
  gpcPrefs: 'Ihr Browser sendet ein Global-Privacy-Control-Signal, daher bleibt Marketing deaktiviert, außer Sie schalten es hier ein.',
  gpcPrefsLocked: 'Ihr Browser sendet ein Global-Privacy-Control-Signal, daher bleibt Marketing auf dieser Website deaktiviert.',
  blocked: '{service} ist blockiert, bis Sie „{category}“ erlauben.',
  sets: 'Dabei würden diese Cookies gesetzt: {cookies}.',
  allowCategory: '„{category}“ erlauben',
  allowService: 'Nur diesen Inhalt von {service} erlauben',
} satisfies DetailStrings;
