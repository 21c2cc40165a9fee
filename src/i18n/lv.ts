import type { Strings } from './index.js';

/** Latvian: the floating button and the first layer. */
export default {
  reopen: 'Sīkdatņu iestatījumi',
  bannerTitle: 'Sīkdatnes šajā vietnē',
  bannerText: 'Mēs izmantojam sīkdatnes, kas vietnei vajadzīgas, lai tā darbotos. Ar jūsu piekrišanu mēs izmantotu arī neobligātās sīkdatnes, kuras varat izvēlēties atsevišķi.',
  policy: 'Privātuma un sīkdatņu politika',
  acceptAll: 'Pieņemt visas',
  rejectAll: 'Noraidīt visas',
  manage: 'Pārvaldīt iestatījumus',
  objectionOn: 'Ieslēgtas, ja vien neiebilstat: {list}.',
  object: 'Iebilst',
  gpc: 'Jūsu pārlūks sūta Global Privacy Control signālu, tāpēc mārketinga sīkdatnes paliek izslēgtas.',
} satisfies Strings;
