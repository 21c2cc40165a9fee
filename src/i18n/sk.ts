import type { Strings } from './index.js';

/** Slovak: the floating button and the first layer. */
export default {
  reopen: 'Nastavenia cookie',
  bannerTitle: 'Súbory cookie na tejto stránke',
  bannerText: 'Používame súbory cookie, ktoré stránka potrebuje na fungovanie. S vaším súhlasom by sme používali aj voliteľné súbory cookie, ktoré si môžete vybrať jednotlivo.',
  policy: 'Zásady ochrany súkromia a súborov cookie',
  acceptAll: 'Prijať všetky',
  rejectAll: 'Odmietnuť všetky',
  manage: 'Spravovať nastavenia',
  objectionOn: 'Zapnuté, ak nenamietate: {list}.',
  object: 'Namietať',
  gpc: 'Váš prehliadač posiela signál Global Privacy Control, preto marketingové súbory cookie zostávajú vypnuté.',
} satisfies Strings;
