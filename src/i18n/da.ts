import type { Strings } from './index.js';

/** Danish: the floating button and the first layer. */
export default {
  reopen: 'Cookieindstillinger',
  bannerTitle: 'Cookies på dette website',
  bannerText: 'Vi bruger de cookies, som websitet skal bruge for at fungere. Med dit samtykke vil vi også bruge valgfrie cookies, som du kan vælge én ad gangen.',
  policy: 'Privatlivs- og cookiepolitik',
  acceptAll: 'Accepter alle',
  rejectAll: 'Afvis alle',
  manage: 'Tilpas indstillinger',
  objectionOn: 'Slået til, medmindre du gør indsigelse: {list}.',
  object: 'Gør indsigelse',
  gpc: 'Din browser sender et Global Privacy Control-signal, så cookies til markedsføring forbliver slået fra.',
} satisfies Strings;
