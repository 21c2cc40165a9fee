import type { DetailStrings } from '../en-details.js';

/** Swedish: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Inställningar för kakor',
  prefsText: 'Välj vilka kakor vi får använda. Du kan ändra det när du vill.',
  save: 'Spara val',
  close: 'Stäng',
  alwaysOn: 'Alltid på: webbplatsen behöver dem för att fungera.',
  onByDefault: 'På om du inte stänger av det.',
  details: 'Tjänster och kakor',
  cookie: 'Kaka',
  provider: 'Leverantör',
  purpose: 'Ändamål',
  duration: 'Lagringstid',
  providerPolicy: 'Integritetspolicy för {name}',
  consentId: 'Ditt samtyckes-id:',
  noneYet: 'inget ännu',
  saved: 'Inställningarna har sparats',
  gpcPrefs: 'Din webbläsare skickar en Global Privacy Control-signal, så marknadsföring är avstängd om du inte slår på den här.',
  gpcPrefsLocked: 'Din webbläsare skickar en Global Privacy Control-signal, så marknadsföring förblir avstängd på den här webbplatsen.',
  blocked: '{service} är blockerad tills du tillåter ”{category}”.',
  sets: 'Den skulle sätta de här kakorna: {cookies}.',
  allowCategory: 'Tillåt ”{category}”',
  allowService: 'Tillåt bara det här innehållet från {service}',
} satisfies DetailStrings;
