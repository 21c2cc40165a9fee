import type { DetailStrings } from '../en-details.js';

/** French: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Préférences de cookies',
  prefsText: 'Choisissez les cookies que nous pouvons utiliser. Vous pouvez changer d’avis à tout moment.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  alwaysOn: 'Toujours actifs\u00a0: le site en a besoin pour fonctionner.',
  onByDefault: 'Actif sauf si vous le désactivez.',
  details: 'Services et cookies',
  cookie: 'Cookie',
  provider: 'Fournisseur',
  purpose: 'Finalité',
  duration: 'Durée',
  providerPolicy: 'Politique de confidentialité de {name}',
  consentId: 'Votre identifiant de consentement\u00a0:',
  noneYet: 'pas encore',
  saved: 'Préférences enregistrées',
  gpcPrefs: 'Votre navigateur envoie le signal Global Privacy Control\u00a0: le marketing reste désactivé sauf si vous l’activez ici.',
  gpcPrefsLocked: 'Votre navigateur envoie le signal Global Privacy Control\u00a0: le marketing reste désactivé sur ce site.',
  blocked: '{service} est bloqué tant que vous n’autorisez pas «\u00a0{category}\u00a0».',
  sets: 'Il déposerait ces cookies\u00a0: {cookies}.',
  allowCategory: 'Autoriser «\u00a0{category}\u00a0»',
  allowService: 'Autoriser seulement ce contenu {service}',
} satisfies DetailStrings;
