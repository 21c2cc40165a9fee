import type { DetailStrings } from '../en-details.js';

/** Hungarian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Sütibeállítások',
  prefsText: 'Válassza ki, mely sütiket használhatjuk. Ezt bármikor megváltoztathatja.',
  save: 'Választás mentése',
  close: 'Bezárás',
  alwaysOn: 'Mindig bekapcsolva: a webhely működéséhez szükségesek.',
  onByDefault: 'Bekapcsolva, hacsak ki nem kapcsolja.',
  details: 'Szolgáltatások és sütik',
  cookie: 'Süti',
  provider: 'Szolgáltató',
  purpose: 'Cél',
  duration: 'Időtartam',
  providerPolicy: 'Adatvédelmi tájékoztató: {name}',
  consentId: 'Hozzájárulási azonosítója:',
  noneYet: 'még nincs',
  saved: 'Beállítások mentve',
  gpcPrefs: 'Böngészője Global Privacy Control jelzést küld, ezért a marketing ki van kapcsolva, hacsak itt be nem kapcsolja.',
  gpcPrefsLocked: 'Böngészője Global Privacy Control jelzést küld, ezért a marketing ezen a webhelyen kikapcsolva marad.',
  blocked: '{service}: a tartalom le van tiltva, amíg nem engedélyezi ezt: „{category}”.',
  sets: 'Ezeket a sütiket helyezné el: {cookies}.',
  allowCategory: 'Engedélyezés: „{category}”',
  allowService: 'Csak ezt engedélyezem ({service})',
} satisfies DetailStrings;
