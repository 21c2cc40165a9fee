import type { DetailStrings } from '../en-details.js';

/** Dutch: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Cookievoorkeuren',
  prefsText: 'Kies welke cookies we mogen gebruiken. U kunt dit altijd wijzigen.',
  save: 'Keuze opslaan',
  close: 'Sluiten',
  alwaysOn: 'Altijd aan: de website heeft ze nodig om te werken.',
  onByDefault: 'Aan, tenzij u het uitzet.',
  details: 'Diensten en cookies',
  cookie: 'Cookie',
  provider: 'Aanbieder',
  purpose: 'Doel',
  duration: 'Bewaartermijn',
  providerPolicy: 'Privacybeleid van {name}',
  consentId: 'Uw toestemmings-ID:',
  noneYet: 'nog geen',
  saved: 'Voorkeuren opgeslagen',
  gpcPrefs: 'Uw browser stuurt een Global Privacy Control-signaal, dus marketing staat uit, tenzij u het hier aanzet.',
  gpcPrefsLocked: 'Uw browser stuurt een Global Privacy Control-signaal, dus marketing blijft uit op deze site.',
  blocked: '{service} is geblokkeerd totdat u ‘{category}’ toestaat.',
  sets: 'Dit zou deze cookies plaatsen: {cookies}.',
  allowCategory: '‘{category}’ toestaan',
  allowService: 'Alleen deze inhoud van {service} toestaan',
} satisfies DetailStrings;
