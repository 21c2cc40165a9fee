import type { Strings } from './index.js';

/** Romanian: the floating button and the first layer. */
export default {
  reopen: 'Setări cookie-uri',
  bannerTitle: 'Cookie-uri pe acest site',
  bannerText: 'Folosim cookie-urile de care site-ul are nevoie pentru a funcționa. Cu consimțământul dumneavoastră, am folosi și cookie-uri opționale, pe care le puteți alege pe rând.',
  policy: 'Politica de confidențialitate și cookie-uri',
  acceptAll: 'Acceptă toate',
  rejectAll: 'Respinge toate',
  manage: 'Gestionează preferințele',
  objectionOn: 'Active, dacă nu vă opuneți: {list}.',
  object: 'Mă opun',
  gpc: 'Browserul dumneavoastră trimite semnalul Global Privacy Control, așa că cookie-urile de marketing rămân dezactivate.',
} satisfies Strings;
