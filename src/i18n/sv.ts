import type { Strings } from './index.js';

/** Swedish: the floating button and the first layer. */
export default {
  reopen: 'Kakinställningar',
  bannerTitle: 'Kakor på den här webbplatsen',
  bannerText: 'Vi använder kakor som webbplatsen behöver för att fungera. Med ditt samtycke använder vi också valfria kakor, som du kan välja en och en.',
  policy: 'Integritetspolicy och kakor',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Avvisa alla',
  manage: 'Hantera inställningar',
  objectionOn: 'På om du inte invänder: {list}.',
  object: 'Invänd',
  gpc: 'Din webbläsare skickar en Global Privacy Control-signal, så kakor för marknadsföring förblir avstängda.',
} satisfies Strings;
