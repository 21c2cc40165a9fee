import type { BannerStrings } from '../types.js';

/** Hungarian: the first layer and the floating button. */
export default {
  bannerTitle: 'Sütik ezen a webhelyen',
  bannerText: 'A webhely működéséhez szükséges sütiket használunk. Hozzájárulásával választható sütiket is használnánk, amelyeket egyenként választhat ki.',
  policy: 'Adatvédelmi és sütikezelési tájékoztató',
  acceptAll: 'Összes elfogadása',
  rejectAll: 'Összes elutasítása',
  manage: 'Beállítások kezelése',
  objectionOn: 'Bekapcsolva, hacsak nem tiltakozik: {list}.',
  object: 'Tiltakozom',
  gpc: 'Böngészője Global Privacy Control jelzést küld, ezért a marketingsütik kikapcsolva maradnak.',
  reopen: 'Sütibeállítások',
} satisfies BannerStrings;
