import type { Strings } from './index.js';

/** Polish: the floating button and the first layer. */
export default {
  reopen: 'Ustawienia cookie',
  bannerTitle: 'Pliki cookie w tym serwisie',
  bannerText: 'Używamy plików cookie niezbędnych do działania serwisu. Za Twoją zgodą używalibyśmy też opcjonalnych plików cookie, które możesz wybrać pojedynczo.',
  policy: 'Polityka prywatności i plików cookie',
  acceptAll: 'Akceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  manage: 'Zarządzaj ustawieniami',
  objectionOn: 'Włączone, chyba że się sprzeciwisz: {list}.',
  object: 'Sprzeciwiam się',
  gpc: 'Twoja przeglądarka wysyła sygnał Global Privacy Control, więc marketingowe pliki cookie pozostają wyłączone.',
} satisfies Strings;
