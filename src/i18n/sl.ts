import type { Strings } from './index.js';

/** Slovenian: the floating button and the first layer. */
export default {
  reopen: 'Nastavitve piškotkov',
  bannerTitle: 'Piškotki na tem spletnem mestu',
  bannerText: 'Uporabljamo piškotke, ki jih spletno mesto potrebuje za delovanje. Z vašo privolitvijo bi uporabljali tudi izbirne piškotke, ki jih lahko izberete posamično.',
  policy: 'Politika zasebnosti in piškotkov',
  acceptAll: 'Sprejmi vse',
  rejectAll: 'Zavrni vse',
  manage: 'Upravljaj nastavitve',
  objectionOn: 'Vklopljeno, razen če ugovarjate: {list}.',
  object: 'Ugovarjam',
  gpc: 'Vaš brskalnik pošilja signal Global Privacy Control, zato trženjski piškotki ostanejo izklopljeni.',
} satisfies Strings;
