import type { Strings } from './index.js';

/** French: the floating button and the first layer. */
export default {
  reopen: 'Paramètres des cookies',
  bannerTitle: 'Cookies sur ce site',
  bannerText: 'Nous utilisons les cookies nécessaires au fonctionnement du site. Avec votre accord, nous utiliserions aussi des cookies facultatifs, que vous pouvez choisir un par un.',
  policy: 'Politique de confidentialité et de cookies',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  manage: 'Gérer mes choix',
  objectionOn: 'Actifs sauf si vous vous y opposez\u00a0: {list}.',
  object: 'M’opposer',
  gpc: 'Votre navigateur envoie le signal Global Privacy Control\u00a0: les cookies marketing restent désactivés.',
} satisfies Strings;
