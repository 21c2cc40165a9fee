import type { DetailStrings } from '../en-details.js';

/** Polish: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Ustawienia plików cookie',
  prefsText: 'Wybierz, których plików cookie możemy używać. Możesz to zmienić w dowolnym momencie.',
  save: 'Zapisz wybór',
  close: 'Zamknij',
  alwaysOn: 'Zawsze włączone: są potrzebne do działania serwisu.',
  onByDefault: 'Włączone, chyba że je wyłączysz.',
  details: 'Usługi i pliki cookie',
  cookie: 'Plik cookie',
  provider: 'Dostawca',
  purpose: 'Cel',
  duration: 'Okres przechowywania',
  providerPolicy: 'Polityka prywatności: {name}',
  consentId: 'Twój identyfikator zgody:',
  noneYet: 'jeszcze brak',
  saved: 'Ustawienia zapisane',
  gpcPrefs: 'Twoja przeglądarka wysyła sygnał Global Privacy Control, więc marketing jest wyłączony, chyba że włączysz go tutaj.',
  gpcPrefsLocked: 'Twoja przeglądarka wysyła sygnał Global Privacy Control, więc marketing pozostaje wyłączony w tej witrynie.',
  blocked: 'Treść z {service} jest zablokowana, dopóki nie zezwolisz na „{category}”.',
  sets: 'Zostałyby zapisane te pliki cookie: {cookies}.',
  allowCategory: 'Zezwól na „{category}”',
  allowService: 'Zezwól tylko na tę treść z {service}',
} satisfies DetailStrings;
