import type { Strings } from './index.js';

/** Hungarian: the floating button and the first layer. */
export default {
  reopen: 'Sütibeállítások',
  bannerTitle: 'Sütik ezen a webhelyen',
  bannerText: 'A webhely működéséhez szükséges sütiket használunk. Hozzájárulásával választható sütiket is használnánk, amelyeket egyenként választhat ki.',
  policy: 'Adatvédelmi és sütikezelési tájékoztató',
  acceptAll: 'Összes elfogadása',
  rejectAll: 'Összes elutasítása',
  manage: 'Beállítások kezelése',
  objectionOn: 'Bekapcsolva, hacsak nem tiltakozik: {list}.',
  object: 'Tiltakozom',
  gpc: 'Böngészője Global Privacy Control jelzést küld, ezért a marketingsütik kikapcsolva maradnak.',
} satisfies Strings;
